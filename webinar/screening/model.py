"""A small linear model with one head per harm over hashed word and character n-grams, scored with numpy.

Features are computed from the canonical text (see normalise.py): word unigrams and bigrams, and
character 2- to 5-grams, hashed into ``buckets`` slots. Each block is scaled by 1/sqrt(its n-gram count),
so long comments do not score higher just for being long. Every head (``HEADS``: abuse, hate, sexual,
threat, self_harm, spam) is a logistic regression over the same features; the weights live in
``model_data/`` as one ``buckets x heads`` array (``weights.npz``, float16, saved without pickles) plus
``model.json`` (version, heads, biases, thresholds per strictness, head and language group). They are
loaded once, lazily, on first use. ``train.py`` rebuilds them.
"""

from __future__ import annotations

import heapq
import json
import threading
import zlib
from array import array
from dataclasses import dataclass
from itertools import pairwise
from math import exp
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "model_data"
DEFAULT_BUCKETS = 1 << 18
HEADS = ("abuse", "hate", "sexual", "threat", "self_harm", "spam")
CHAR_NS = (2, 3, 4, 5)
_P = np.uint64(0x100000001B3)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_WORD_SALT = 0x9E3779B97F4A7C15
_SEP = 1  # code point separating documents in a batch


class ModelUnavailable(RuntimeError):
    """The stored model is missing or unreadable; the caller must hold the question."""


@dataclass(frozen=True)
class Model:
    weights: np.ndarray  # float32[buckets, heads]
    by_head: np.ndarray  # the same weights as float32[heads, buckets], one contiguous row per head
    bias: np.ndarray  # float32[heads]
    buckets: int
    version: str
    heads: tuple[str, ...]
    thresholds: dict[str, dict[str, dict[str, float]]]  # strictness -> head -> language group -> threshold


_lock = threading.Lock()
_model: Model | None = None


def load() -> Model:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                try:
                    meta = json.loads((DATA_DIR / "model.json").read_text(encoding="utf-8"))
                    with np.load(DATA_DIR / "weights.npz", allow_pickle=False) as data:
                        weights = data["weights"].astype(np.float32)
                except (OSError, ValueError, KeyError) as exc:
                    raise ModelUnavailable(f"screening model not loadable: {exc}") from exc
                heads = tuple(meta["heads"])
                if weights.shape != (meta["buckets"], len(heads)):
                    raise ModelUnavailable("screening model weights have the wrong shape")
                bias = np.array(meta["bias"], dtype=np.float32)
                by_head = np.ascontiguousarray(weights.T)
                _model = Model(weights, by_head, bias, int(meta["buckets"]), meta["version"], heads,
                               dict(meta["thresholds"]))  # fmt: skip
    return _model


def _mix(h: np.ndarray) -> np.ndarray:
    h ^= h >> _S33
    h *= _M1
    h ^= h >> _S33
    h *= _M2
    h ^= h >> _S33
    return h


_word_cache: dict[str, int] = {}


def _word_hash(w: str) -> int:
    h = _word_cache.get(w)
    if h is None:
        h = (zlib.crc32(w.encode("utf-8")) * _WORD_SALT + len(w)) & 0xFFFFFFFFFFFFFFFF
        if len(_word_cache) > 500_000:
            _word_cache.clear()
        _word_cache[w] = h
    return h


@dataclass(frozen=True)
class Features:
    """Hashed n-gram occurrences of a batch: doc id, bucket, value, and how to name each one."""

    doc: np.ndarray  # int64
    bucket: np.ndarray  # int64
    value: np.ndarray  # float32
    kind: np.ndarray  # int8: 0 word, 1 bigram, n>=2 char n-gram of length n (in this order: blocks)
    pos: np.ndarray  # int64: word index or char offset into the joined text
    n_docs: int
    joined: str
    word_list: list[str]


def _char_grams(joined: str):
    """Per n of CHAR_NS: n, the unmixed hashes of the character n-grams of ``joined`` that cross no
    separator (code point 1), the index of the part each lies in, and where each starts."""
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    csum = np.concatenate([[0], np.cumsum(codes == _SEP)])
    length = len(codes)
    for n in CHAR_NS:
        m = length - n + 1
        if m <= 0:
            continue
        h = codes[:m] + np.uint64(n * 1_000_003)
        for k in range(1, n):
            h = h * _P + codes[k : k + m]
        ok = (csum[n : n + m] - csum[:m]) == 0
        idx = np.nonzero(ok)[0]
        yield n, h[ok], csum[idx], idx


def extract(texts: list[str], buckets: int = DEFAULT_BUCKETS) -> Features:
    """Hashed features of canonical texts (already normalised)."""
    mask = np.uint64(buckets - 1)
    n_docs = len(texts)
    # Words and bigrams.
    wh: list[int] = []
    wdoc: list[int] = []
    word_list: list[str] = []
    cached = _word_cache.get
    for d, text in enumerate(texts):
        words = text.split()
        wh.extend([cached(w) or _word_hash(w) for w in words])
        wdoc.extend([d] * len(words))
        word_list.extend(words)
    uni = np.array(wh, dtype=np.uint64)
    udoc = np.array(wdoc, dtype=np.int64)
    if len(uni) > 1:
        same = udoc[:-1] == udoc[1:]
        bi = (uni[:-1] * _P + uni[1:] + np.uint64(7))[same]
        bdoc = udoc[:-1][same]
        bpos = np.nonzero(same)[0]
    else:
        bi = np.zeros(0, dtype=np.uint64)
        bdoc = np.zeros(0, dtype=np.int64)
        bpos = np.zeros(0, dtype=np.int64)
    wb = _mix(np.concatenate([uni, bi])) & mask
    w_doc = np.concatenate([udoc, bdoc])
    w_kind = np.concatenate([np.zeros(len(uni), np.int8), np.ones(len(bi), np.int8)])
    w_pos = np.concatenate([np.arange(len(uni), dtype=np.int64), bpos])
    # Character n-grams over " text " per document, documents separated by code point 1.
    joined = "\x01".join(" " + t + " " for t in texts)
    c_b, c_doc, c_kind, c_pos = [], [], [], []
    for n, h, doc, idx in _char_grams(joined):
        c_b.append(h)
        c_doc.append(doc)
        c_kind.append(np.full(len(idx), n, np.int8))
        c_pos.append(idx)
    if c_b:
        cb = _mix(np.concatenate(c_b)) & mask
        c_doc_a = np.concatenate(c_doc).astype(np.int64)
        c_kind_a = np.concatenate(c_kind)
        c_pos_a = np.concatenate(c_pos).astype(np.int64)
    else:
        cb = np.zeros(0, np.uint64)
        c_doc_a = np.zeros(0, np.int64)
        c_kind_a = np.zeros(0, np.int8)
        c_pos_a = np.zeros(0, np.int64)
    # Each block scaled by 1/sqrt(count) per document.
    w_count = np.bincount(w_doc, minlength=n_docs).astype(np.float32)
    c_count = np.bincount(c_doc_a, minlength=n_docs).astype(np.float32)
    w_scale = 1.0 / np.sqrt(np.maximum(w_count, 1.0))
    c_scale = 1.0 / np.sqrt(np.maximum(c_count, 1.0))
    return Features(
        doc=np.concatenate([w_doc, c_doc_a]),
        bucket=np.concatenate([wb, cb]).astype(np.int64),
        value=np.concatenate([w_scale[w_doc], c_scale[c_doc_a]]).astype(np.float32),
        kind=np.concatenate([w_kind, c_kind_a]),
        pos=np.concatenate([w_pos, c_pos_a]),
        n_docs=n_docs,
        joined=joined,
        word_list=word_list,
    )


Scores = tuple[np.ndarray, list[tuple[tuple[str, float], ...]]]


def score_features(texts: list[str], top_k: int = 5) -> Scores:
    """``score`` computed from ``extract``'s features of the whole batch: the reference ``score`` is
    checked against, and what it falls back to for a comment too long for its cache."""
    model = load()
    n_heads = len(model.heads)
    f = extract(texts, model.buckets)
    # Every feature's weighted row, gathered once (features x heads), then summed per text over each block
    # of ``extract``'s output (unigrams, bigrams, then character n-grams of each length): within a block
    # the features are in text order, so each text's are one contiguous run.
    rows = model.weights.take(f.bucket, axis=0)
    rows *= f.value[:, None]
    logits = np.zeros((f.n_docs, n_heads), dtype=np.float64)
    bounds = np.searchsorted(f.kind, np.arange(2 + len(CHAR_NS) + 1, dtype=np.int8)).tolist()
    every_doc = np.arange(f.n_docs)
    for a, b in pairwise(bounds):
        if a == b:
            continue
        docs = f.doc[a:b]
        present = np.bincount(docs, minlength=f.n_docs) > 0
        starts = np.searchsorted(docs, every_doc)[present]
        logits[present] += np.add.reduceat(rows[a:b], starts, axis=0, dtype=np.float64)
    logits += model.bias
    probs = 1.0 / (1.0 + np.exp(-logits))
    # The strongest word and word-pair features of each text's highest-scoring head (character n-grams
    # are many and say little to a host, so they are not named).
    words = np.nonzero(f.kind <= 1)[0]
    if len(words) == 0:
        return probs, [() for _ in texts]
    best = np.argmax(probs, axis=1)
    wdoc = f.doc[words]
    own = rows[words, best[wdoc]]
    order = np.lexsort((-np.abs(own), wdoc))
    docs_sorted = wdoc[order]
    starts = np.searchsorted(docs_sorted, np.arange(f.n_docs))
    # Only the first 3 * top_k features of each text can be named: keep those, then walk them as Python
    # values (one conversion for the batch rather than a numpy scalar per feature).
    first = order[np.arange(len(order)) - starts[docs_sorted] < 3 * top_k]
    chosen = words[first]
    kinds = f.kind[chosen].tolist()
    positions = f.pos[chosen].tolist()
    owns = own[first].tolist()
    word_list, joined = f.word_list, f.joined
    tops: list[tuple[tuple[str, float], ...]] = [() for _ in range(f.n_docs)]
    seen: dict[str, float] = {}
    doc = -1
    for d, kind, pos, weight in zip(wdoc[first].tolist(), kinds, positions, owns, strict=True):
        if d != doc:
            if seen:
                tops[doc] = tuple(seen.items())
            seen, doc = {}, d
        if len(seen) == top_k:
            continue
        if kind == 0:
            name = word_list[pos]
        elif kind == 1:
            name = word_list[pos] + " " + word_list[pos + 1]
        else:
            name = "[" + joined[pos : pos + kind] + "]"
        if name not in seen:
            seen[name] = round(weight, 4)
    if seen:
        tops[doc] = tuple(seen.items())
    return probs, tops


# --- scoring at run time ------------------------------------------------------------------------
#
# ``extract`` above hashes a whole batch with numpy; training uses it. At run time a comment is short, and
# numpy's per-call overhead costs more than the arithmetic, so ``score`` computes the SAME features with
# plain integers and caches the summed weights of the pieces a comment is made of:
# - every word's unigram row and every adjacent pair's bigram row (kept apart, because the strongest word
#   features are named to the host);
# - every "segment" (a word with the spaces on both sides, " word ") -> the summed weights of all its
#   character 2-5-grams;
# - every word boundary -> the summed weights of the character n-grams that cross it, keyed by the seven
#   characters around the space.
# A character n-gram of " text " either lies inside one segment or crosses at least one space inside it,
# and is counted at the first such space, so the union is exactly ``extract``'s n-grams (checked by
# tests/screening/test_model.py against ``extract`` and ``score_features``). Rows are tuples of floats
# (one per head); a comment then costs a few dozen dictionary look-ups and additions.

_M64 = (1 << 64) - 1
_PI = int(_P)
_M1I = int(_M1)
_M2I = int(_M2)
_CACHE_MAX = 100_000  # cached pieces (about 40 MB per process); the cache starts again when full


def _mix_int(h: int) -> int:
    h ^= h >> 33
    h = (h * _M1I) & _M64
    h ^= h >> 33
    h = (h * _M2I) & _M64
    return h ^ (h >> 33)


def _gram_bucket(g: str, mask: int) -> int:
    """``extract``'s bucket of one character n-gram."""
    h = ord(g[0]) + len(g) * 1_000_003
    for c in g[1:]:
        h = (h * _PI + ord(c)) & _M64
    return _mix_int(h) & mask


def segment_buckets(segment: str, mask: int) -> list[int]:
    """Buckets of every character n-gram inside one segment (" word ")."""
    return [_gram_bucket(segment[i : i + n], mask) for n in CHAR_NS for i in range(len(segment) - n + 1)]


def crossing_buckets(padded: str, s: int, mask: int) -> list[int]:
    """Buckets of the character n-grams of ``padded`` whose first inner space is at ``s``."""
    out = []
    length = len(padded)
    for n in CHAR_NS:
        for start in range(max(0, s - n + 2), s):
            if start + n <= length and " " not in padded[start + 1 : s]:
                out.append(_gram_bucket(padded[start : start + n], mask))
    return out


Row = tuple[float, ...]


class _Cache:
    """Summed weight rows (one float per head) of the pieces comments are made of (see above)."""

    def __init__(self, model: Model):
        self.model = model
        self.mask = model.buckets - 1
        # "\x01word" (unigram), "\x02first second" (bigram), " segment ", "\x00crossing" -> row.
        self.pieces: dict[str, Row] = {}

    def _row(self, key: str, buckets: list[int]) -> Row:
        taken = self.model.weights.take(np.array(buckets, dtype=np.intp), axis=0)
        row = tuple(taken.sum(axis=0, dtype=np.float64).tolist())
        if len(self.pieces) >= _CACHE_MAX:
            self.pieces.clear()
        self.pieces[key] = row
        return row

    def _single_buckets(self, keys: list[str]) -> np.ndarray:
        """The buckets of unigram ("\x01word") and bigram ("\x02first second") keys, mixed with numpy as
        ``extract`` mixes them."""
        first: list[int] = []
        second: list[int] = []
        for key in keys:
            if key[0] == "\x01":
                first.append(_word_hash(key[1:]))
                second.append(0)
            else:
                a, b = key[1:].split(" ")
                first.append(_word_hash(a))
                second.append(_word_hash(b))
        h = np.array(first, dtype=np.uint64)
        pair = np.array([k[0] == "\x02" for k in keys])
        h[pair] = h[pair] * _P + np.array(second, dtype=np.uint64)[pair] + np.uint64(7)
        return (_mix(h) & np.uint64(self.mask)).astype(np.intp)

    def word(self, w: str) -> Row:
        key = "\x01" + w
        row = self.pieces.get(key)
        if row is None:
            row = self._row(key, [_mix_int(_word_hash(w)) & self.mask])
        return row

    def bigram(self, a: str, b: str) -> Row:
        key = "\x02" + a + " " + b
        row = self.pieces.get(key)
        if row is None:
            row = self._row(key, [_mix_int((_word_hash(a) * _PI + _word_hash(b) + 7) & _M64) & self.mask])
        return row

    def segment(self, seg: str) -> Row:
        row = self.pieces.get(seg)
        if row is None:
            row = self._row(seg, segment_buckets(seg, self.mask))
        return row

    def crossing(self, padded: str, s: int) -> Row:
        if s >= 3 and s + 4 <= len(padded):
            key = "\x00" + padded[s - 3 : s + 4]
            row = self.pieces.get(key)
            if row is None:
                row = self._row(key, crossing_buckets(key, 4, self.mask))
            return row
        # At either end of the comment (the first or last word has fewer than three letters). The n-grams
        # crossing ``s`` lie inside padded[s - 3 : s + 4], so that fragment and where the space is in it
        # name them, wherever the comment starts or ends.
        inner = min(s, 3)
        fragment = padded[s - inner : s + 4]
        key = f"\x00{inner}\x00" + fragment
        row = self.pieces.get(key)
        if row is None:
            row = self._row(key, crossing_buckets(fragment, inner, self.mask))
        return row

    def fill(self, segments: list[str], crossings: list[str], singles: list[str] | None = None) -> None:
        """Compute and cache the rows of new segments (" word ") and new inner crossings (the keys
        "\x00" + the seven characters around a space) with numpy, all n-grams at once: a comment full of
        words never seen costs one vectorised pass instead of hashing each n-gram in Python. The rows are
        those ``segment`` and ``crossing`` compute (tests/screening/test_prefilter.py). ``singles`` are
        unigram and bigram keys, hashed and mixed in the same pass."""
        singles = singles or []
        bucket_parts: list[np.ndarray] = []
        owner_parts: list[np.ndarray] = []
        base = len(segments) + len(crossings)
        if segments:
            for _n, h, part, _idx in _char_grams("\x01".join(segments)):
                bucket_parts.append(h)
                owner_parts.append(part)
        if crossings:
            codes2 = np.frombuffer("".join(crossings).encode("utf-32-le"), dtype=np.uint32)
            grid = codes2.astype(np.uint64).reshape(len(crossings), 8)
            rows = np.arange(len(crossings), dtype=np.int64) + len(segments)
            for n in CHAR_NS:
                # crossing_buckets(key, 4, mask): starts max(0, 6 - n) .. 3, no space in key[start + 1 : 4].
                for start in range(max(0, 6 - n), 4):
                    if start + n > 8:
                        continue
                    h = grid[:, start] + np.uint64(n * 1_000_003)
                    for k in range(1, n):
                        h = h * _P + grid[:, start + k]
                    ok = (
                        (grid[:, start + 1 : 4] != 32).all(axis=1)
                        if start + 1 < 4
                        else np.ones(len(rows), bool)
                    )
                    bucket_parts.append(h[ok])
                    owner_parts.append(rows[ok])
        keys = segments + crossings + singles
        if not keys:
            return
        n_heads = len(self.model.heads)
        sums = np.zeros((len(keys), n_heads), dtype=np.float64)
        if bucket_parts:
            buckets = (_mix(np.concatenate(bucket_parts)) & np.uint64(self.mask)).astype(np.intp)
            owners = np.concatenate(owner_parts).astype(np.intp)
            by_head = self.model.by_head
            for h in range(n_heads):
                sums[:base, h] = np.bincount(owners, weights=by_head[h].take(buckets), minlength=base)
        if singles:
            sums[base:] = self.model.weights.take(self._single_buckets(singles), axis=0)
        if len(self.pieces) + len(keys) >= _CACHE_MAX:
            self.pieces.clear()
        for key, row in zip(keys, sums.tolist(), strict=True):
            self.pieces[key] = tuple(row)

    def doc(self, text: str) -> tuple[list[Row], list[Row], list[str]]:
        """The word rows (unigrams, then bigrams), the character rows and the words of one canonical text.
        Cached pieces are looked up inline (this is the hot loop); when a comment brings several new
        segments or crossings they are computed together with numpy (``fill``), a few one by one."""
        get = self.pieces.get
        words = text.split()
        word_keys = ["\x01" + w for w in words]
        word_keys += ["\x02" + a + " " + b for a, b in pairwise(words)]
        word_rows = [get(k) for k in word_keys]
        padded = " " + text + " "
        keys: list[str] = []
        add = keys.append
        edges: list[tuple[int, int]] = []  # (index in keys, space) of crossings at either end
        prev = 0
        last = len(padded) - 1
        s = padded.find(" ", 1)
        while s != -1:
            add(padded[prev : s + 1])
            if s < last:
                if s >= 3 and s + 4 <= len(padded):
                    add("\x00" + padded[s - 3 : s + 4])
                else:
                    edges.append((len(keys), s))
                    add("")
            prev = s
            s = padded.find(" ", s + 1)
        char_rows = [get(k) for k in keys]
        if None in word_rows:
            missing_words = [k for k, row in zip(word_keys, word_rows, strict=True) if row is None]
            missing = [k for k, row in zip(keys, char_rows, strict=True) if row is None and k]
            if len(missing) + len(missing_words) >= FILL_WITH_NUMPY:
                unique = list(dict.fromkeys(missing))
                singles = list(dict.fromkeys(missing_words))
                self.fill(
                    [k for k in unique if k[0] == " "],
                    [k for k in unique if k[0] == "\x00"],
                    singles,
                )
            for i, k in enumerate(word_keys):
                if word_rows[i] is None:
                    word_rows[i] = get(k) or (
                        self.word(k[1:]) if k[0] == "\x01" else self.bigram(*k[1:].split(" "))
                    )
        if None in char_rows:
            pieces = self.pieces
            missing = [
                k for k, row in zip(keys, char_rows, strict=True) if row is None and k and k not in pieces
            ]
            if len(missing) >= FILL_WITH_NUMPY:
                unique = list(dict.fromkeys(missing))
                self.fill([k for k in unique if k[0] == " "], [k for k in unique if k[0] == "\x00"])
            for i, s in edges:
                char_rows[i] = self.crossing(padded, s)
            for i, row in enumerate(char_rows):
                if row is None:
                    k = keys[i]
                    row = get(k)
                    if row is None:
                        row = (
                            self.segment(k)
                            if k[0] == " "
                            else self._row(k, crossing_buckets(k, 4, self.mask))
                        )
                    char_rows[i] = row
        return word_rows, char_rows, words  # type: ignore[return-value]


# New pieces per comment from which ``_Cache.doc`` computes them with numpy (``fill``) rather than one by one.
FILL_WITH_NUMPY = 3

_caches: dict[int, _Cache] = {}


def _cache_for(model: Model) -> _Cache:
    cache = _caches.get(id(model))
    if cache is None or cache.model is not model:
        cache = _Cache(model)
        _caches.clear()
        _caches[id(model)] = cache
    return cache


_scales: dict[int, float] = {}


def _block_scale(count: int) -> float:
    """``extract``'s 1/sqrt(count) block scale (computed in float32, as there)."""
    v = _scales.get(count)
    if v is None:
        v = _scales[count] = float(np.float32(1.0) / np.sqrt(np.float32(max(count, 1))))
    return v


def _char_count(text: str) -> int:
    length = len(text) + 2
    return sum(max(0, length - n + 1) for n in CHAR_NS)


BATCH_VIA_NUMPY = 32  # texts per call from which ``score`` uses ``score_features``


def _sums(rows: list[Row]) -> list[float]:
    """Per head, the sum of the rows."""
    return [sum(column) for column in zip(*rows, strict=True)]


def score(texts: list[str], top_k: int = 5) -> Scores:
    """Per-head probabilities of canonical texts (float array, one row per text, one column per head in
    ``load().heads`` order) and, per text, the strongest word features of its highest-scoring head.

    The same figures as ``score_features`` (up to float rounding in the last digits), from cached pieces
    (see above): about 20 microseconds for a 120-character comment whose pieces have been seen."""
    model = load()
    if len(texts) >= BATCH_VIA_NUMPY:
        # A batch is cheaper through numpy (one pass over all n-grams) than piece by piece, and gives the
        # same figures (tests/screening/test_model.py); the bench times both.
        return score_features(texts, top_k)
    cache = _cache_for(model)
    bias = model.bias.tolist()
    probs: list[list[float]] = []
    tops: list[tuple[tuple[str, float], ...]] = []
    for text in texts:
        word_rows, char_rows, words = cache.doc(text)
        ws = _block_scale(len(word_rows))
        cs = _block_scale(_char_count(text))
        if word_rows:
            logits = [
                w * ws + c * cs + b for w, c, b in zip(_sums(word_rows), _sums(char_rows), bias, strict=True)
            ]
        else:
            logits = [c * cs + b for c, b in zip(_sums(char_rows), bias, strict=True)]
        p = [1.0 / (1.0 + exp(-x)) for x in logits]
        probs.append(p)
        if not word_rows:
            tops.append(())
            continue
        best = p.index(max(p))
        # As ``extract`` names them: the weight times the block scale, in float32 (a float32 product is
        # exact in float64, so rounding the float64 product to float32 gives the same number).
        own = array("f", [r[best] * ws for r in word_rows]).tolist()
        weight = [-abs(x) for x in own]
        # The 3 * top_k strongest, in the order a stable sort gives (a long comment is not sorted whole),
        # named only when looked at: unigrams first, then the bigram starting at each word.
        k = 3 * top_k
        if len(own) > 4 * k:
            order = heapq.nsmallest(k, range(len(own)), key=weight.__getitem__)
        else:
            order = sorted(range(len(own)), key=weight.__getitem__)[:k]
        n = len(words)
        seen: dict[str, float] = {}
        for j in order:
            name = words[j] if j < n else words[j - n] + " " + words[j - n + 1]
            if name not in seen:
                seen[name] = round(own[j], 4)
                if len(seen) == top_k:
                    break
        tops.append(tuple(seen.items()))
    return np.array(probs, dtype=np.float64).reshape(len(texts), len(model.heads)), tops
