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

import json
import threading
import zlib
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
    # The same as float64 (12.6 MB): one comment's rows are summed without a cast (``score``). The stored
    # weights are float16, so any order of summing them in float64 gives the same sums.
    weights64: np.ndarray
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
                _model = Model(weights, weights.astype(np.float64), bias, int(meta["buckets"]),
                               meta["version"], heads, dict(meta["thresholds"]))  # fmt: skip
    return _model


def _mix(h: np.ndarray) -> np.ndarray:
    h ^= h >> _S33
    h *= _M1
    h ^= h >> _S33
    h *= _M2
    h ^= h >> _S33
    return h


class _WordHashes(dict):
    """Word -> its 64-bit hash, computed on first look (``hashes[w]`` never misses: ``map`` can read it
    in C)."""

    def __missing__(self, w: str) -> int:
        h = (zlib.crc32(w.encode("utf-8")) * _WORD_SALT + len(w)) & 0xFFFFFFFFFFFFFFFF
        if len(self) > 500_000:
            self.clear()
        self[w] = h
        return h


_word_cache: _WordHashes = _WordHashes()


def _word_hash(w: str) -> int:
    return _word_cache[w]


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
    """``score`` computed from ``extract``'s features of the whole batch: the reference ``score`` and
    ``score_batch`` (what runs) are checked against (tests/screening/test_model.py, bench/screening.py)."""
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
# ``score_features`` above builds the whole batch's feature table (document ids, kinds, positions) and
# sums it block by block; on one comment most of its ~150 numpy calls are per-call overhead. ``score``
# computes the SAME n-grams of one comment with a few dozen calls: the word hashes (Python, cached per
# word), their bigrams, and the character n-grams of " text " by a rolling hash that extends the (n-1)-gram
# hashes by one character (``extract``'s hash of an n-gram starting at i is G_n[i] + n * 1_000_003 *
# P**(n-1), where G_1 = the code points and G_n[i] = G_(n-1)[i] * P + code[i + n - 1], all mod 2**64);
# then one mix, one gather of every feature's row and one float64 sum per block. It costs the same for a
# comment never seen as for one seen before (no cache to fill), about 80 microseconds for a 120-character
# comment and 250 for 700 characters; the piece cache it replaced took 550 and 1,570 on first sightings
# (docs/screening.md, Speed). tests/screening/test_model.py checks it against ``score_features``.

_M64 = (1 << 64) - 1
# extract's per-length constant n * 1_000_003, carried to the front of a rolling hash of n characters.
_GRAM_OFFSET = {n: np.uint64((n * 1_000_003 * pow(int(_P), n - 1, 1 << 64)) & _M64) for n in CHAR_NS}
_SEVEN = np.uint64(7)
_scales: dict[int, float] = {}


def _block_scale(count: int) -> float:
    """``extract``'s 1/sqrt(count) block scale (computed in float32, as there)."""
    v = _scales.get(count)
    if v is None:
        v = _scales[count] = float(np.float32(1.0) / np.sqrt(np.float32(max(count, 1))))
    return v


def text_buckets(text: str, buckets: int = DEFAULT_BUCKETS) -> tuple[np.ndarray, int]:
    """The buckets of one canonical text's features, as ``extract`` hashes them: its word unigrams, then
    its bigrams (``2 * words - 1`` of them together, the second returned value), then its character
    n-grams of " text " (2-grams, 3-grams, 4-grams, 5-grams). int64 array."""
    words = text.split()
    uni = np.fromiter(map(_word_cache.__getitem__, words), dtype=np.uint64, count=len(words))
    parts = [uni, uni[:-1] * _P + uni[1:] + _SEVEN]
    codes = np.frombuffer((" " + text + " ").encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    g = codes
    for n in CHAR_NS:
        if len(g) < 2:
            break  # " text " is shorter than n characters: no n-grams of this length or longer
        g = g[:-1] * _P + codes[n - 1 :]
        parts.append(g + _GRAM_OFFSET[n])
    h = _mix(np.concatenate(parts))
    h &= np.uint64(buckets - 1)
    return h.astype(np.intp), 2 * len(words) - 1 if words else 0


BATCH_VIA_NUMPY = 32  # texts per call from which ``score`` uses ``score_batch``


def score(texts: list[str], top_k: int = 5) -> Scores:
    """Per-head probabilities of canonical texts (float array, one row per text, one column per head in
    ``load().heads`` order) and, per text, the strongest word features of its highest-scoring head.

    The same figures as ``score_features`` (up to float rounding in the last digits), one text at a time
    (see above); from ``BATCH_VIA_NUMPY`` texts on, through ``score_batch`` (``score_features``'s figures
    exactly), which is cheaper per text for a batch."""
    model = load()
    if len(texts) >= BATCH_VIA_NUMPY:
        # A batch is cheaper through numpy's passes over all its n-grams, and gives the same figures
        # (tests/screening/test_model.py); the bench times both.
        return score_batch(texts, top_k)
    bias = model.bias.tolist()
    weights = model.weights64
    probs: list[list[float]] = []
    tops: list[tuple[tuple[str, float], ...]] = []
    for text in texts:
        where, n_word = text_buckets(text, model.buckets)
        rows = weights.take(where, axis=0)
        cs = _block_scale(len(where) - n_word)
        # einsum sums each column in C (a quarter of the time of ``sum(axis=0)`` over a tall, narrow array).
        chars = np.einsum("ij->j", rows[n_word:]).tolist()
        if not n_word:
            p = [1.0 / (1.0 + exp(-(c * cs + b))) for c, b in zip(chars, bias, strict=True)]
            probs.append(p)
            tops.append(())
            continue
        ws = _block_scale(n_word)
        word_rows = rows[:n_word]
        sums = np.einsum("ij->j", word_rows).tolist()
        p = [1.0 / (1.0 + exp(-(w * ws + c * cs + b))) for w, c, b in zip(sums, chars, bias, strict=True)]
        probs.append(p)
        best = p.index(max(p))
        # As ``extract`` names them: the weight times the block scale, in float32 (the float64 product of a
        # float16 weight and a float32 scale is exact, so rounding it gives the float32 product).
        own = (word_rows[:, best] * ws).astype(np.float32)
        # The 3 * top_k strongest, in the order of a stable sort by strength; named only when looked at:
        # unigrams first, then the bigram starting at each word.
        order = np.argsort(-np.abs(own), kind="stable")[: 3 * top_k]
        words = text.split()
        n = len(words)
        seen: dict[str, float] = {}
        for j, weight in zip(order.tolist(), own[order].tolist(), strict=True):
            name = words[j] if j < n else words[j - n] + " " + words[j - n + 1]
            if name not in seen:
                seen[name] = round(weight, 4)
                if len(seen) == top_k:
                    break
        tops.append(tuple(seen.items()))
    return np.array(probs, dtype=np.float64).reshape(len(texts), len(model.heads)), tops


# --- scoring a batch at run time -----------------------------------------------------------------
#
# ``score_features`` builds ``extract``'s whole feature table (document ids, kinds and positions of every
# n-gram, ~620 for a 120-character comment) and sums it block by block; most of its time is numpy passes
# over that table. ``score_batch`` computes the same blocks with fewer passes: the character n-grams of
# the batch's joined text by the rolling hash of ``text_buckets`` (one multiply-add per length instead of
# n), only the positions inside a comment gathered (each comment's n-grams of one length are one run), and
# kinds, positions and document ids kept for the word features alone (the only ones named). The rows,
# their float32 scaling and the float64 sums per block are ``score_features``'s, in the same order, so the
# probabilities and named features are the same to the last bit (tests/screening/test_model.py).


def _runs(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices ``starts[d] .. starts[d] + counts[d] - 1`` for every d, in order (int64)."""
    total = int(counts.sum())
    offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return np.arange(total, dtype=np.int64) + offsets


def _block_sums(logits: np.ndarray, rows: np.ndarray, counts: np.ndarray) -> None:
    """Adds to ``logits`` (docs x heads, float64) each document's float64 sum of its run of ``rows``
    (``counts[d]`` rows per document, in document order), as ``score_features`` sums one block."""
    present = counts > 0
    if not present.any():
        return
    firsts = (np.cumsum(counts) - counts)[present]
    logits[present] += np.add.reduceat(rows, firsts, axis=0, dtype=np.float64)


def score_batch(texts: list[str], top_k: int = 5) -> Scores:
    """``score_features(texts, top_k)``, the same figures to the last bit, in fewer numpy passes (see
    above): what a batch of ``BATCH_VIA_NUMPY`` canonical texts or more is scored with at run time."""
    model = load()
    n_docs = len(texts)
    mask = np.uint64(model.buckets - 1)
    weights = model.weights
    # Words and bigrams, as ``extract`` hashes them.
    word_lists = [t.split() for t in texts]
    n_words = np.fromiter(map(len, word_lists), dtype=np.int64, count=n_docs)
    word_list = [w for words in word_lists for w in words]
    uni = np.fromiter(map(_word_cache.__getitem__, word_list), dtype=np.uint64, count=len(word_list))
    n_bi = np.maximum(n_words - 1, 0)
    word_first = np.cumsum(n_words) - n_words  # each document's first word in ``uni``
    bpos = _runs(word_first, n_bi)  # each bigram's first word
    bi = uni[bpos] * _P + uni[bpos + 1] + _SEVEN
    # extract's 1/sqrt(count) scales, in float32 as there.
    w_count = (n_words + n_bi).astype(np.float32)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs) + 2  # " text "
    c_counts = {n: np.maximum(lengths - n + 1, 0) for n in CHAR_NS}
    c_count = sum(c_counts.values()).astype(np.float32)
    w_scale = 1.0 / np.sqrt(np.maximum(w_count, 1.0))
    c_scale = 1.0 / np.sqrt(np.maximum(c_count, 1.0))
    logits = np.zeros((n_docs, len(model.heads)), dtype=np.float64)
    word_rows = []
    for hashes, counts in ((uni, n_words), (bi, n_bi)):
        hashes = _mix(hashes)
        hashes &= mask
        rows = weights.take(hashes.view(np.int64), axis=0)
        rows *= np.repeat(w_scale, counts)[:, None]
        _block_sums(logits, rows, counts)
        word_rows.append(rows)
    # Character n-grams of " text " per document, documents separated by code point 1 in one string: a
    # document's n-grams of length n start at its first character and are ``lengths - n + 1`` in a row.
    joined = "\x01".join(" " + t + " " for t in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    doc_first = np.cumsum(lengths + 1) - (lengths + 1)
    g = codes
    for n in CHAR_NS:
        if len(g) < 2:
            break
        g = g[:-1] * _P + codes[n - 1 :]
        counts = c_counts[n]
        h = g[_runs(doc_first, counts)]
        h += _GRAM_OFFSET[n]
        h = _mix(h)
        h &= mask
        rows = weights.take(h.view(np.int64), axis=0)
        rows *= np.repeat(c_scale, counts)[:, None]
        _block_sums(logits, rows, counts)
    logits += model.bias
    probs = 1.0 / (1.0 + np.exp(-logits))
    # The strongest word and word-pair features of each text's highest-scoring head, chosen and named as
    # ``score_features`` does: its word features are the unigrams, then the bigrams, each in text order.
    if len(uni) == 0:
        return probs, [() for _ in texts]
    wdoc = np.concatenate([np.repeat(np.arange(n_docs), n_words), np.repeat(np.arange(n_docs), n_bi)])
    kinds_all = np.concatenate([np.zeros(len(uni), np.int8), np.ones(len(bi), np.int8)])
    pos_all = np.concatenate([np.arange(len(uni), dtype=np.int64), bpos])
    best = np.argmax(probs, axis=1)
    rows = np.concatenate(word_rows)
    own = rows[np.arange(len(rows)), best[wdoc]]
    order = np.lexsort((-np.abs(own), wdoc))
    docs_sorted = wdoc[order]
    starts = np.searchsorted(docs_sorted, np.arange(n_docs))
    first = order[np.arange(len(order)) - starts[docs_sorted] < 3 * top_k]
    chosen_docs = wdoc[first]
    ends = np.searchsorted(chosen_docs, np.arange(1, n_docs + 1)).tolist()
    kinds, positions, weights_own = kinds_all[first].tolist(), pos_all[first].tolist(), own[first].tolist()
    tops: list[tuple[tuple[str, float], ...]] = []
    a = 0
    for b in ends:  # each document's chosen features, strongest first
        seen: dict[str, float] = {}
        for j in range(a, b):
            pos = positions[j]
            name = word_list[pos] if kinds[j] == 0 else word_list[pos] + " " + word_list[pos + 1]
            if name not in seen:
                seen[name] = round(weights_own[j], 4)
                if len(seen) == top_k:
                    break
        tops.append(tuple(seen.items()))
        a = b
    return probs, tops
