"""The written summary of the report figures, and the formatting of figures for people.

The summary is stored as statement codes with their numbers and rendered with gettext (and ngettext for
plurals) when shown, in the reader's language. Every statement carries the citations behind it: a
question (``Q<id>``) or a figure (shown by its name, linked to the figure on the page). Only
published questions are ever quoted (the figures hold no other text); held, blocked and rejected questions
appear as counts only.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from webinar.labels import category_label

QUOTE_CHARS = 140


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def percent(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio * 100:.1f}%"


def _quote(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def clock(value, tz: str) -> str:
    """``HH:MM`` (24-hour, so no am/pm word can be wrong in any language) in the zone ``tz``."""
    if not value:
        return "–"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.astimezone(ZoneInfo(tz)).strftime("%H:%M")


def zone_label(tz: str) -> str:
    """An IANA zone named for people (pages, e-mails, reports): ``"Asia/Kuala_Lumpur"`` ->
    ``"Asia/Kuala Lumpur"``. Machine formats (the ``.ics``, CSV) keep the identifier."""
    return tz.replace("_", " ")


def local_datetime(value, tz: str) -> str:
    """A moment as a date and 24-hour time in the zone ``tz``, with the zone named: for people, not logs.

    ``value`` is an aware datetime or an ISO 8601 string; the month name is in the active language
    (``4 Mac 2025, 15:39 (Asia/Kuala Lumpur)``).
    """
    if not value:
        return "–"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    local = moment.astimezone(ZoneInfo(tz))
    return f"{dateformat.format(local, 'j F Y, H:i')} ({zone_label(tz)})"


def summary_build(data: dict, *, tz: str) -> list[dict]:
    """The summary as codes and numbers, rendered into words only when shown (``summary_render``).

    Each statement is ``{"code": str, "params": {...}, "cites": [{"fig": key} | {"q": id}]}``. Stored
    this way, a corrected translation reaches reports already built, and the organiser reads the
    summary in the language they chose. ``tz`` is the webinar's zone, stored for rendering times.
    """
    a, q, t = data["attendance"], data["questions"], data["themes"]
    out: list[dict] = []

    def say(code: str, params: dict, *cites: dict) -> None:
        out.append({"code": code, "params": {**params, "tz": tz}, "cites": list(cites)})

    say(
        "attendance",
        {"attended": a["attended"], "registered": a["registered"], "conversion": a["conversion"]},
        {"fig": "attended"},
        {"fig": "registered"},
        {"fig": "conversion"},
    )
    say(
        "viewers",
        {"unique": a["unique_attendees"], "peak": a["peak_concurrency"], "peak_at": a["peak_at"]},
        {"fig": "unique_attendees"},
        {"fig": "peak_concurrency"},
    )
    if a["watch_median_seconds"] is not None:
        say(
            "watch",
            {"median": a["watch_median_seconds"], "mean": a["watch_mean_seconds"]},
            {"fig": "watch_median"},
        )
    say(
        "questions",
        {key: q[key] for key in ("asked", "published", "held", "rejected", "answered")},
        *({"fig": key} for key in ("asked", "published", "held", "rejected", "answered")),
    )
    if q["moderation_median_seconds"] is not None or q["answer_median_seconds"] is not None:
        say(
            "response_times",
            {"moderation": q["moderation_median_seconds"], "answer": q["answer_median_seconds"]},
            {"fig": "moderation_median"},
            {"fig": "answer_median"},
        )
    for code, rows in (("top", q["top"]), ("top_unanswered", q["top_unanswered"])):
        if rows:
            first = rows[0]
            tied = len(rows) > 1 and rows[1]["vote_count"] == first["vote_count"]
            say(
                code,
                {"votes": first["vote_count"], "text": _quote(first["text"]), "tied": tied},
                {"q": first["id"]},
            )
    if t["themes"]:
        listed = t["themes"][:3]
        say(
            "themes",
            {"themes": [{"phrase": theme["phrase"], "questions": theme["questions"]} for theme in listed]},
            *({"q": qid} for theme in listed for qid in theme["examples"][:2]),
        )
    if q["merged"]:
        say(
            "merged",
            {"merged": q["merged"]},
            {"fig": "merged"},
            *({"q": row["question_id"]} for row in q["duplicates"][:2]),
        )
    if q["stopped"]:
        categories = q["categories"]
        # "Most often" only when one category is ahead of every other, never on a tie.
        leader = (
            categories[0]
            if categories
            and (len(categories) == 1 or categories[1]["questions"] < categories[0]["questions"])
            else None
        )
        say(
            "screening",
            {
                "stopped": q["stopped"],
                "category": leader["category"] if leader else None,
                "share": leader["share"] if leader else None,
                "overrides": q["overrides"],
                "hosts": q["override_hosts"],
            },
            {"fig": "stopped"},
            {"fig": "overrides"},
        )
    return out


FIGURE_LABELS = {
    "attended": gettext_lazy("Attended"),
    "registered": gettext_lazy("Registered"),
    "conversion": gettext_lazy("Conversion"),
    "unique_attendees": gettext_lazy("Unique viewers"),
    "peak_concurrency": gettext_lazy("Peak concurrency"),
    "watch_median": gettext_lazy("Median watch time"),
    "asked": gettext_lazy("Asked"),
    "published": gettext_lazy("Published"),
    "held": gettext_lazy("Held by screening"),
    "rejected": gettext_lazy("Rejected"),
    "answered": gettext_lazy("Answered"),
    "moderation_median": gettext_lazy("Median time to moderation"),
    "answer_median": gettext_lazy("Median time to answer"),
    "merged": gettext_lazy("Merged duplicates"),
    "stopped": gettext_lazy("Held or blocked"),
    "overrides": gettext_lazy("Host overrides"),
}


def _cite(cite: dict) -> dict:
    if "q" in cite:
        return {"label": f"Q{cite['q']}", "anchor": f"q-{cite['q']}"}
    key = cite["fig"]
    return {"label": str(FIGURE_LABELS.get(key, key)), "anchor": f"fig-{key.replace('_', '-')}"}


def _statement_text(code: str, p: dict) -> str:
    tz = p.get("tz") or "UTC"
    if code == "attendance":
        return ngettext(
            "%(attended)s of %(registered)s registered person attended (%(conversion)s).",
            "%(attended)s of %(registered)s registered people attended (%(conversion)s).",
            p["registered"],
        ) % {**p, "conversion": percent(p["conversion"])}
    if code == "viewers":
        watched = (
            ngettext("%(unique)s unique viewer watched.", "%(unique)s unique viewers watched.", p["unique"])
            % p
        )
        if not p["peak"]:
            return watched
        peak = ngettext(
            "At most %(peak)s person watched at once, at %(time)s.",
            "At most %(peak)s people watched at once, at %(time)s.",
            p["peak"],
        ) % {"peak": p["peak"], "time": f"{clock(p['peak_at'], tz)} ({zone_label(tz)})"}
        return f"{watched} {peak}"
    if code == "watch":
        return _("The median viewer watched for %(median)s (average %(mean)s).") % {
            "median": duration(p["median"]),
            "mean": duration(p["mean"]),
        }
    if code == "questions":
        return (
            ngettext(
                "%(asked)s question was asked: %(published)s published, %(held)s held by screening, "
                "%(rejected)s rejected and %(answered)s answered.",
                "%(asked)s questions were asked: %(published)s published, %(held)s held by screening, "
                "%(rejected)s rejected and %(answered)s answered.",
                p["asked"],
            )
            % p
        )
    if code == "response_times":
        return _(
            "The median question was moderated %(moderation)s after it was sent, "
            "and answered after %(answer)s."
        ) % {"moderation": duration(p["moderation"]), "answer": duration(p["answer"])}
    if code in {"top", "top_unanswered"}:
        return _top_text(code, p)
    if code == "themes":
        listed = "; ".join(
            ngettext("“%(phrase)s” (%(n)s question)", "“%(phrase)s” (%(n)s questions)", theme["questions"])
            % {"phrase": theme["phrase"], "n": theme["questions"]}
            for theme in p["themes"]
        )
        return _("Recurring themes: %(themes)s.") % {"themes": listed}
    if code == "merged":
        return (
            ngettext(
                "%(merged)s duplicate question was merged into another.",
                "%(merged)s duplicate questions were merged into others.",
                p["merged"],
            )
            % p
        )
    if code == "screening":
        stopped = (
            ngettext(
                "Screening held or blocked %(stopped)s question.",
                "Screening held or blocked %(stopped)s questions.",
                p["stopped"],
            )
            % p
        )
        parts = [stopped]
        if p["category"]:
            parts.append(
                _("The most frequent reason was %(category)s (%(share)s).")
                % {"category": category_label(p["category"]), "share": percent(p["share"])}
            )
        if p["overrides"]:
            parts.append(_overrides_sentence(p["overrides"], p["hosts"]))
        return " ".join(parts)
    raise ValueError(f"unknown summary statement {code!r}")


def _overrides_sentence(overrides: int, hosts: int) -> str:
    times = ngettext(
        "Hosts published %(overrides)s held question anyway",
        "Hosts published %(overrides)s held questions anyway",
        overrides,
    ) % {"overrides": overrides}
    who = ngettext("(%(hosts)s host).", "(%(hosts)s hosts).", hosts) % {"hosts": hosts}
    return f"{times} {who}"


def screening_sentence(*, stopped: int, overrides: int, hosts: int) -> str:
    """How many questions screening stopped and how often hosts published one anyway, with plurals."""
    first = ngettext(
        "Screening held or blocked %(stopped)s question.",
        "Screening held or blocked %(stopped)s questions.",
        stopped,
    ) % {"stopped": stopped}
    if not overrides:
        return first
    return f"{first} {_overrides_sentence(overrides, hosts)}"


def _top_text(code: str, p: dict) -> str:
    """The most-voted (or most-voted unanswered) question; on a tie, "one of" the most-voted."""
    votes = p["votes"]
    if code == "top" and p["tied"]:
        text = ngettext(
            "One of the most-voted questions (%(votes)s vote each) was: “%(text)s”",
            "One of the most-voted questions (%(votes)s votes each) was: “%(text)s”",
            votes,
        )
    elif code == "top":
        text = ngettext(
            "The most-voted question (%(votes)s vote) was: “%(text)s”",
            "The most-voted question (%(votes)s votes) was: “%(text)s”",
            votes,
        )
    elif p["tied"]:
        text = ngettext(
            "One of the most-voted unanswered questions (%(votes)s vote each) was: “%(text)s”",
            "One of the most-voted unanswered questions (%(votes)s votes each) was: “%(text)s”",
            votes,
        )
    else:
        text = ngettext(
            "The most-voted question left unanswered (%(votes)s vote) was: “%(text)s”",
            "The most-voted question left unanswered (%(votes)s votes) was: “%(text)s”",
            votes,
        )
    return text % p


def summary_render(summary: list[dict]) -> list[dict]:
    """The stored summary in the active language: ``[{"text": str, "cites": [{"label", "anchor"}]}]``.

    Statements from reports built before codes were stored (``{"en", "ms", "cites"}``) are shown in the
    stored wording of the active language, with their citations' plain labels.
    """
    language = (get_language() or "en").split("-")[0]
    rendered = []
    for statement in summary or []:
        if "code" in statement:
            text = _statement_text(statement["code"], statement.get("params", {}))
            cites = [_cite(cite) for cite in statement.get("cites", [])]
        else:
            text = statement.get(language) or statement.get("en", "")
            cites = [{"label": c["ref"].split(":")[0], "anchor": c["anchor"]} for c in statement["cites"]]
        rendered.append({"text": text, "cites": cites})
    return rendered
