"""Match rebuilt rows to the rows of the format by their labels, keeping the format's order.

Labels are compared by how much of an official label's character bigrams the printed label carries
(tolerates typos, split lines, stray header text), plus distinctive keywords. A monotonic alignment
(dynamic programming) then picks the best one-to-one assignment in order, so a damaged label is placed
by its neighbours rather than guessed alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from gongkai.format.spec import Row
from gongkai.read.normalize import label_key
from gongkai.read.settings import SETTINGS


def _bigrams(key: str) -> frozenset[str]:
    if len(key) < 2:
        return frozenset({key}) if key else frozenset()
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


@dataclass(frozen=True)
class _Index:
    """The official labels of a list of rows, indexed by bigram so that scoring a printed label costs
    one pass over its own bigrams."""

    refs: tuple[tuple[int, int], ...]  # per reference label: (row index, number of bigrams)
    postings: dict[str, tuple[int, ...]]  # bigram → reference labels holding it
    keywords: tuple[tuple[int, str], ...]  # (row index, keyword)


_INDEXES: dict[tuple, _Index] = {}


def _index(rows: Sequence[Row]) -> _Index:
    key = tuple((r.key, r.label) for r in rows)
    found = _INDEXES.get(key)
    if found is None:
        refs, postings = [], defaultdict(list)
        for j, row in enumerate(rows):
            for text in (row.label, *row.variants):
                grams = _bigrams(label_key(text))
                for g in grams:
                    postings[g].append(len(refs))
                refs.append((j, len(grams)))
        keywords = tuple((j, k) for j, row in enumerate(rows) for k in row.keywords)
        found = _Index(tuple(refs), {g: tuple(v) for g, v in postings.items()}, keywords)
        _INDEXES[key] = found
    return found


def similarities(key: str, grams: frozenset[str], index: _Index, n: int) -> list[float]:
    """For each row: the share of its official label's bigrams the printed label carries (best over
    the label and its variants), plus a bonus when a distinctive keyword is there."""
    hits = [0] * len(index.refs)
    for g in grams:
        for ref in index.postings.get(g, ()):
            hits[ref] += 1
    best = [0.0] * n
    for ref, (j, size) in enumerate(index.refs):
        if size and hits[ref]:
            share = hits[ref] / size
            if share > best[j]:
                best[j] = share
    bonus = {j for j, k in index.keywords if k in key}
    for j in bonus:
        best[j] += SETTINGS.keyword_bonus
    return best


def align(labels: Sequence[str], rows: Sequence[Row]) -> list[int | None]:
    """For each printed label, the index of the format row it is, or None (unrecognised).

    Most reports print the official labels of one template, so the answers are kept per list of
    labels (a pure function of its arguments)."""
    key = (tuple(labels), tuple((r.key, r.label) for r in rows))
    found = _ALIGNED.get(key)
    if found is None:
        if len(_ALIGNED) >= MAX_REMEMBERED:
            _ALIGNED.clear()
        found = _ALIGNED[key] = tuple(_align(labels, rows))
    return list(found)


MAX_REMEMBERED = 4096  # label lists whose alignment is kept
_ALIGNED: dict[tuple, tuple[int | None, ...]] = {}


def _align(labels: Sequence[str], rows: Sequence[Row]) -> list[int | None]:
    m, n = len(labels), len(rows)
    keys = [label_key(t) for t in labels]
    grams = [_bigrams(k) for k in keys]
    index = _index(rows)
    score = [similarities(keys[i], grams[i], index, n) for i in range(m)]
    # When every label's best row already runs in order, that is the optimum: skip the search.
    best_rows: list[int | None] = []
    for row_scores in score:
        top = max(row_scores, default=0.0)
        best_rows.append(row_scores.index(top) if top >= SETTINGS.label_threshold else None)
    placed = [j for j in best_rows if j is not None]
    if all(a < b for a, b in pairwise(placed)):
        return best_rows
    # best[i][j]: best total aligning labels[:i] with rows[:j]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    move = [[0] * (n + 1) for _ in range(m + 1)]  # 0 skip label, 1 skip row, 2 match
    for i in range(m + 1):
        for j in range(n + 1):
            if i == 0 and j == 0:
                continue
            choices = []
            if i > 0:
                choices.append((best[i - 1][j], 0))
            if j > 0:
                choices.append((best[i][j - 1], 1))
            if i > 0 and j > 0 and score[i - 1][j - 1] >= SETTINGS.label_threshold:
                choices.append((best[i - 1][j - 1] + score[i - 1][j - 1], 2))
            best[i][j], move[i][j] = max(choices)
    out: list[int | None] = [None] * m
    i, j = m, n
    while i > 0 or j > 0:
        step = move[i][j]
        if step == 2:
            out[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif step == 0:
            i -= 1
        else:
            j -= 1
    return out
