"""The search that cuts run-together digits into a row's numbers by the row's own sums (read.fit).

The search prunes by what the numbers still to come can add up to; these tests hold it to a brute force
that lists every cut and keeps those whose blocks end with the sum of the rest.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongkai.read.fit import _bounds, _free, _splits


def _brute(tokens: list[str], n: int, group: int, gaps: bool) -> list[tuple[str, ...]]:
    digits = "".join(tokens)
    cuts: set[int] = set()
    if gaps:
        pos = 0
        for t in tokens[:-1]:
            pos += len(t)
            cuts.add(pos)
    out = []
    for parts in _free(digits, 0, n, cuts, []):
        if any(len(p) > 18 for p in parts):
            continue  # the search reads numbers of up to 18 digits (an int64 count)
        blocks = [parts[i : i + group] for i in range(0, n, group)]
        if all(sum(map(int, b[:-1])) == int(b[-1]) for b in blocks):
            out.append(tuple(parts))
    return sorted(out)


_number = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 999), st.integers(1000, 10**6))
_BRUTE_DIGITS = 18  # the brute force lists every cut: keep rows short enough for it


@st.composite
def _rows(draw):
    group = draw(st.sampled_from([1, 2, 3, 4, 7]))
    blocks = draw(st.integers(1, 2)) if group < 7 else 1
    numbers: list[int] = []
    for _ in range(blocks):
        parts = draw(st.lists(_number, min_size=group - 1, max_size=group - 1))
        numbers += [*parts, sum(parts)]
    digits = "".join(map(str, numbers))
    assume(len(digits) <= _BRUTE_DIGITS)
    breaks = draw(st.sets(st.integers(1, len(digits) - 1), max_size=4)) if len(digits) > 1 else set()
    edges = [0, *sorted(breaks), len(digits)]
    tokens = [digits[a:b] for a, b in itertools.pairwise(edges)]
    return tokens, group * blocks, group, draw(st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_rows())
def test_the_search_finds_exactly_the_cuts_whose_sums_hold(row):
    tokens, n, group, gaps = row
    found = sorted(tuple(p) for p in _splits(tokens, n, group, gaps))
    assert found == _brute(tokens, n, group, gaps)
    if not gaps:
        assert found  # the row was printed from numbers that add up: that cut is among them


def test_the_sum_bounds_are_the_least_and_most_numbers_of_those_digits_can_make():
    for width in range(1, 6):
        for count in range(1, 5):
            table = _bounds(width, count)
            for digits in range(count * width + 1):
                lengths = [
                    c for c in itertools.product(range(1, width + 1), repeat=count) if sum(c) == digits
                ]
                least, most = table[digits]
                if not lengths:
                    assert least > most  # nothing fits
                    continue
                assert least == min(sum(10 ** (k - 1) if k > 1 else 0 for k in c) for c in lengths)
                assert most == max(sum(10**k - 1 for k in c) for c in lengths)
