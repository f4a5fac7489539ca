"""Readings of a row's printed values, and the choice among them by the table's own sums.

A row prints n values in the national format, but published rows carry stray empty cells, miss a
cell, print ten values where seven belong, or run digits together. Each possible reading is listed;
the table's 勾稽 rules then pick the one that fits. Where several fit equally, the cells on which they
disagree are left None and reported: a blank with a finding is better than a wrong number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from gongkai.read.rows import DataRow
from gongkai.read.settings import SETTINGS


@dataclass(frozen=True)
class Reading:
    values: tuple[str | None, ...]  # printed text per column; None = not printed at all
    how: str  # exact | padded | window | blank_first | missing | split | blank_row
    preferred: bool = False  # breaks a tie the sums leave: the line has the national layout's width


def _digits(tok: str) -> bool:
    return tok.isdigit()


def _valid_part(s: str) -> bool:
    return s[0] != "0" or s == "0"


def _splits(tokens: list[str], n: int, group: int | None, gaps: bool = True) -> Iterator[list[str]]:
    """Ways to cut run-together digit strings into n numbers (no leading zeros, never across a gap
    between tokens unless `gaps` is False). With `group`, each block of `group` numbers ends with the
    sum of the others (a row's 总计): each block is searched total first, its parts bounded by that
    total."""
    digits = "".join(tokens)
    cuts = set()
    pos = 0
    for t in tokens[:-1]:
        pos += len(t)
        if gaps:
            cuts.add(pos)  # a printed gap is a boundary between two numbers
    if not group:
        yield from _free(digits, 0, n, cuts, [])
        return
    yield from _blocks(_Values(digits, cuts), 0, n // group, group, [])


def _crosses(cuts: set[int], start: int, end: int) -> bool:
    return any(start < c < end for c in cuts)


def _free(digits: str, at: int, left: int, cuts: set[int], parts: list[str]):
    """Cut digits[at:] into `left` numbers — every way there is."""
    if left == 0:
        if at == len(digits):
            yield list(parts)
        return
    room = len(digits) - at
    if room < left:
        return
    for k in range(1, room - (left - 1) + 1):
        head = digits[at : at + k]
        if not _valid_part(head) or _crosses(cuts, at, at + k):
            break
        parts.append(head)
        yield from _free(digits, at + k, left - 1, cuts, parts)
        parts.pop()


def _summing(values: _Values, at: int, end: int, left: int, target: int, parts: list[str]):
    """Cut digits[at:end] into `left` numbers that add up to `target`.

    Meet in the middle: the first half of the numbers is cut every way from the start, the second
    half but one every way from the end, and the number between them is read off where a first half
    ends and must be what the target still lacks — width^(left/2) steps each instead of width^left."""
    width = min(len(str(target)), _WIDEST)  # each part is at most the target, so at most as long
    room = end - at
    if left == 0:  # a block of one number: its total alone, and nothing before it
        if room == 0 and target == 0:
            yield list(parts)
        return
    if room < left or room > left * width:
        return
    least, most = _bounds(width, left)[room]  # what `left` numbers printed in `room` digits can add up to
    if not least <= target <= most:
        return
    first = left // 2
    heads: dict[tuple[int, int], list[tuple[int, ...]]] = {}
    for pos, total, cut in values.forward(at, end, first, left - first, width, target):
        heads.setdefault((pos, total), []).append(cut)
    if not heads:
        return
    starts = sorted({pos for pos, _ in heads})
    digits, rows, cuts = values.digits, values.rows, values.cuts
    for meet, total, cut in values.backward(at, end, left - first - 1, first + 1, width, target):
        for pos in starts:
            k = meet - pos
            if k > width:
                continue
            if k < 1:
                break
            v = (rows[pos] or values.row(pos))[k]
            if v < 0 or (cuts and _crosses(cuts, pos, meet)):
                continue
            for head in heads.get((pos, target - total - v), ()):
                bounds = (at, *head, *cut)  # head ends at pos, cut starts at meet
                yield [*parts, *(digits[x:y] for x, y in pairwise(bounds))]


_WIDEST = 18  # digits of the longest number a cut considers (an int64 count)
_POW = [10**d for d in range(_WIDEST + 2)]


@cache
def _bounds(width: int, count: int) -> tuple[tuple[int, int], ...]:
    """(least, most) that `count` numbers (no leading zeros, 1 to `width` digits each) printed in d
    digits can add up to, for d = 0 … count × width (d below `count` cannot hold them: nothing fits).

    A number of k digits lies in [10^(k-1), 10^k - 1] (0 for k = 1); the sum is least when the digits
    are spread evenly over the numbers and most when as many numbers as can are `width` long."""
    if count == 0:
        return ((0, 0),)
    out = []
    for d in range(count * width + 1):
        if d < count:
            out.append((1, 0))  # an empty range
            continue
        high = -(-d // count)  # even spread: `longer` numbers of `high` digits, the rest one less
        longer = d - count * (high - 1)
        least = longer * _lowest(high) + (count - longer) * _lowest(high - 1)
        if width == 1:
            most = 9 * count
        else:
            full = min(count, (d - count) // (width - 1))
            extra = d - count - full * (width - 1)
            most = full * (_POW[width] - 1)
            if full < count:
                most += _POW[1 + extra] - 1 + 9 * (count - full - 1)
        out.append((least, most))
    return tuple(out)


def _lowest(k: int) -> int:
    return _POW[k - 1] if k > 1 else 0


class _Values:
    """The digits' numbers by start and length (-1 where a number would start with 0), and every
    cut of a few numbers from the left or from the right, as lists: no generator per step."""

    def __init__(self, digits: str, cuts: set[int]) -> None:
        self.digits, self.cuts = digits, cuts
        self.nines = _digit_sums(digits)
        self.rows: list[list[int] | None] = [None] * len(digits)  # row(at) once built

    def row(self, at: int) -> list[int]:
        """row(at)[k]: the number digits[at:at+k] (k up to `_WIDEST`), -1 where it starts with 0."""
        found = self.rows[at]
        if found is None:
            d = self.digits
            stop = min(_WIDEST, len(d) - at)
            if d[at] == "0":
                found = [-1, 0] + [-1] * (stop - 1)
            else:  # the prefixes of one number: fewer int() calls than one per length
                whole, pows = int(d[at : at + stop]), _POW[stop - 1 :: -1]
                found = [-1] + [whole // p for p in pows]
            self.rows[at] = found
        return found

    def forward(self, at, end, count, after, width, limit):
        """Cuts of `count` numbers from `at`, leaving room for `after` more before `end`:
        (position reached, sum, end positions of the numbers)."""
        out: list[tuple[int, int, tuple[int, ...]]] = []
        self._forward(at, end, count, after, width, limit, 0, (), out)
        return out

    def _forward(self, at, end, count, after, width, limit, total, cut, out) -> None:
        if count == 0:
            out.append((at, total, cut))
            return
        later = count - 1 + after
        bounds = _bounds(width, later)
        row = self.rows[at] or self.row(at)
        cuts = self.cuts
        for k in range(1, min(width, end - at) + 1):
            rest = end - at - k
            if rest < later:
                break
            v = row[k]
            if v < 0 or (cuts and _crosses(cuts, at, at + k)):
                break
            value = total + v
            if value > limit:
                break
            if rest > later * width:
                continue
            least, most = bounds[rest]  # what the numbers still to come can add up to
            if not least <= limit - value <= most:
                continue
            if count == 1:
                out.append((at + k, value, (*cut, at + k)))  # a leaf without one more call
            else:
                self._forward(at + k, end, count - 1, after, width, limit, value, (*cut, at + k), out)

    def backward(self, start, end, count, before, width, limit):
        """Cuts of `count` numbers ending at `end`, leaving room for `before` numbers after `start`:
        (their start, sum, end positions of the numbers)."""
        out: list[tuple[int, int, tuple[int, ...]]] = []
        self._backward(start, end, count, before, width, limit, 0, (end,), out)
        return out

    def _backward(self, start, end, count, before, width, limit, total, cut, out) -> None:
        if count == 0:
            out.append((end, total, cut))
            return
        earlier = count - 1 + before
        bounds = _bounds(width, earlier)
        cuts, rows = self.cuts, self.rows
        for k in range(1, min(width, end - start) + 1):
            rest = end - k - start
            if rest < earlier:
                break
            if cuts and _crosses(cuts, end - k, end):
                break
            v = (rows[end - k] or self.row(end - k))[k]
            if v < 0:
                continue
            value = total + v
            if value > limit:
                break
            if rest > earlier * width:
                continue
            least, most = bounds[rest]
            if not least <= limit - value <= most:
                continue
            if count == 1:
                out.append((end - k, value, (end - k, *cut)))
            else:
                self._backward(start, end - k, count - 1, before, width, limit, value, (end - k, *cut), out)


def _blocks(values: _Values, at: int, blocks: int, size: int, parts: list[str]):
    """Cut digits[at:] into `blocks` blocks of `size` numbers, each ending with the sum of the rest.

    A number is congruent to the sum of its digits modulo 9, so the parts of a block can add up to
    its total only when their digits and the total's digits agree modulo 9: most candidate totals
    are dismissed without a search."""
    if blocks == 0:
        if at == len(values.digits):
            yield list(parts)
        return
    digits, cuts, nines = values.digits, values.cuts, values.nines
    ends = [len(digits)] if blocks == 1 else range(at + size, len(digits) - (blocks - 1) * size + 1)
    for end in ends:
        for t in range(1, end - at - (size - 1) + 1):
            total = digits[end - t : end]
            if not _valid_part(total) or _crosses(cuts, end - t, end):
                continue
            if (nines[end - t] - nines[at]) % 9 != (nines[end] - nines[end - t]) % 9:
                continue
            for block in _summing(values, at, end - t, size - 1, int(total), []):
                parts.extend([*block, total])
                yield from _blocks(values, end, blocks - 1, size, parts)
                del parts[len(parts) - size :]


def _digit_sums(digits: str) -> list[int]:
    """Prefix sums of the digits: sums[i] is the sum of digits[:i]."""
    sums = [0]
    for ch in digits:
        sums.append(sums[-1] + ord(ch) - 48)
    return sums


def readings(
    row: DataRow, n: int, group: int | None = None, left: bool = False, width: int | None = None
) -> list[Reading]:
    if row.soft:
        return _soft_readings(row, n, group)
    found = _readings(row, n, group, left)
    if width and len(found) > 1 and len(row.line_cells) == width:
        # A line exactly as wide as the national table: its last n cells are the value columns. Only a
        # tie-breaker, since scraped lines of that width can still be shifted.
        right = tuple(row.line_cells[-n:])
        found = [Reading(r.values, r.how, r.values == right) for r in found]
        if not any(r.preferred for r in found):
            found.append(Reading(right, "exact", True))
    return found


def _soft_readings(row: DataRow, n: int, group: int | None) -> list[Reading]:
    """Flattened text: spaces fall anywhere, so they only break ties. Exactly n printed tokens are
    taken as printed (a stray space that splits a number and a lost one that joins two are rarer
    than a report whose own sums fail, which the 勾稽 checks then name); otherwise, with sums
    (`group`) the digits are cut every way the sums allow, ways that keep every printed gap
    preferred; without sums a unique cut is taken, and where several cuts remain the cells they
    disagree on stay blank (`resolve` merges them). When no cut keeps the sums, nothing is read: a
    report's own slip and a stray digit (a page number) cannot be told apart. A run of zeros longer
    than the row (a row printed with more cells than the format's, `3.其他0000000000`) is zeros, as
    the other shapes read ten zeros printed apart."""
    toks = [t for t in row.tokens if t != ""]
    if not toks:
        return [Reading(("",) * n, "blank_row")]
    if len(toks) == n:
        return [Reading(tuple(toks), "exact", True)]
    signed = [t.lstrip("+-－") for t in toks]
    if not all(s.isdigit() for s in signed) or (group and signed != toks):
        return [Reading((None,) * n, "unsplit")]
    digits = "".join(toks)
    if len(digits) > n and not digits.strip("0"):
        return _windows(["0"] * len(digits), n)
    gaps = _gap_positions(toks)
    found = [
        Reading(p, "split", gaps <= _gap_positions(p))
        for p in _limited(_signed_splits(toks, n, group, False))
    ]
    return found or [Reading((None,) * n, "unsplit")]


def _gap_positions(parts) -> set[int]:
    out, pos = set(), 0
    for p in parts[:-1]:
        pos += len(p.lstrip("+-－"))
        out.add(pos)
    return out


def _limited(found: Iterator[list[str]]) -> list[tuple[str, ...]]:
    out = []
    for parts in found:
        out.append(tuple(parts))
        if len(out) > SETTINGS.max_splits:
            return []
    return out


def _signed_splits(toks: list[str], n: int, group: int | None, gaps: bool) -> Iterator[list[str]]:
    """Cuts of tokens that may start with a sign (a 2019 本年增/减): a sign always starts a number."""
    if not any(t[0] in "+-－" for t in toks):
        yield from _splits(toks, n, group, gaps)
        return
    # the tokens between signs are cut on their own, then joined back in order
    pieces: list[list[str]] = [[]]
    for t in toks:
        if t[0] in "+-－" and pieces[-1]:
            pieces.append([])
        pieces[-1].append(t)
    yield from _signed_pieces(pieces, n)


def _signed_pieces(pieces: list[list[str]], n: int) -> Iterator[list[str]]:
    if not pieces:
        if n == 0:
            yield []
        return
    head, rest = pieces[0], pieces[1:]
    sign = head[0][0] if head[0][0] in "+-－" else ""
    plain = [head[0].lstrip("+-－"), *head[1:]]
    for k in range(1, n - len(rest) + 1):
        for parts in _splits(plain, k, None, gaps=False):
            first = [sign + parts[0], *parts[1:]]
            for tail in _signed_pieces(rest, n - k):
                yield first + tail


def _readings(row: DataRow, n: int, group: int | None, left: bool) -> list[Reading]:
    """Every plausible reading of a printed row as n cells.

    `group`: the row ends with the sum of each block of `group` cells (section 三, 四), which lets
    run-together digits be cut. `left`: the row's cells stand right after its label, in column order
    (section 二, whose last value cell stretches over the unused columns), so every cell after the
    label is a cell, blank or not.
    """
    if left:
        # All n values printed: empty cells among them are padding. Fewer: the empty cells after the
        # label hold the blanks, in column order.
        filled = [t for t in row.tokens if t != ""]
        whole = [""] * row.leading_empty + row.tokens
        if len(filled) == n:
            tight = not row.leading_empty and "" not in row.tokens[:n]  # empties only at the end
            return [Reading(tuple(filled), "exact" if tight else "padded")]
        if len(filled) > n:
            # More values than cells (`83 1` in one cell: a stray break or two numbers?): with no sums
            # to tell, every window is a reading, and the cells they disagree on stay blank.
            return _windows(filled, n)
        if len(whole) >= n:
            return [Reading(tuple(whole[:n]), "exact")]
    whole = [""] * row.leading_empty + row.tokens
    if len(whole) == n and row.leading_empty:
        # After the label come exactly n cells, the first ones empty. A real grid keeps blank cells in
        # place, so that is the reading; in text, empty cells may also be padding, so the sums decide.
        reading = Reading(tuple(whole), "exact")
        if row.positional:
            return [reading]
        others = [r for r in _by_count(row, n, group) if r.values != reading.values]
        return [reading, *others]
    return _by_count(row, n, group)


def _windows(tokens: list[str], n: int) -> list[Reading]:
    """Every run of n consecutive tokens, once each. Twice as many tokens as cells or more (two more
    at least: one more is a value broken in its cell) are the values of several rows, whose labels
    were printed apart from them: no run of them is this row's."""
    if len(tokens) >= max(2 * n, n + 2):
        return [Reading((None,) * n, "rows_merged")]
    return [
        Reading(w, "window") for w in sorted({tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)})
    ]


def _by_count(row: DataRow, n: int, group: int | None) -> list[Reading]:
    if len(row.tokens) == n:
        return [Reading(tuple(row.tokens), "exact")]  # empty cells at the end are blank cells
    toks = list(row.tokens)
    while toks and toks[-1] == "":
        toks.pop()
    if not toks:
        return [Reading(("",) * n, "exact" if len(row.tokens) == n else "blank_row")]
    filled = [t for t in toks if t != ""]
    if len(toks) == n:
        return [Reading(tuple(toks), "exact")]
    if len(filled) == n:
        return [Reading(tuple(filled), "padded")]  # the empty cells were layout, not blanks
    if len(toks) > n:
        return _windows(toks, n)
    out: list[Reading] = []
    short = n - len(toks)
    if row.leading_empty >= short:
        # empty cells before the values stood for blank cells at the start of the row
        out.append(Reading(tuple([""] * short + toks), "blank_first"))
    if filled and all(_digits(t) for t in filled) and any(len(t) > 1 for t in filled):
        found = []
        for parts in _splits(filled, n, group):
            found.append(Reading(tuple(parts), "split"))
            if len(found) > SETTINGS.max_splits:
                found = []
                break
        # Without a sum to verify them, several ways to cut the digits are only guesses.
        if found and (group or len(found) == 1):
            return found + out
    # Cells not printed at all: cut off at the end of the row, or missing before its first value.
    # (A blank inside a row shows as an empty cell in every shape that keeps cells, so only the
    # edges are plausible.)
    for k in range(short + 1):
        out.append(Reading((None,) * k + tuple(toks) + (None,) * (short - k), "missing"))
    return out


# A constraint: sum of the left cells equals sum of the right cells.
Constraint = tuple[tuple[str, ...], tuple[str, ...]]


def score(values: dict, constraints: list[Constraint]) -> tuple[int, int]:
    """(violated, satisfied) over the constraints whose cells are all known."""
    bad = good = 0
    for left, right in constraints:
        try:
            lv = sum(values[c] for c in left)
            rv = sum(values[c] for c in right)
        except (KeyError, TypeError):
            continue
        if lv == rv:
            good += 1
        else:
            bad += 1
    return bad, good


def _rank(options: list[dict], known: dict, constraints_of, preferred: list[bool]):
    ranked = []
    for i, opt in enumerate(options):
        bad, good = score({**known, **opt}, constraints_of(opt))
        ranked.append(((bad, -good, not preferred[i]), i))
    ranked.sort()
    return ranked


def resolve(
    options: dict[int, list[dict]],
    constraints_of: Callable[[dict], list[Constraint]],
    preferred: dict[int, list[bool]] | None = None,
) -> dict[int, tuple[dict, list[str], int]]:
    """For each row, pick the reading (cell → value) that fits the table's sums best.

    Rows with one reading are taken as they are; the others are settled one at a time whenever the
    sums single one reading out, each settled row making the next check possible; rows still open are
    tried together. Ties that remain are merged, blanking the cells the readings disagree on.
    Returns per row: the chosen cells, the cells left None for disagreement, the index taken.
    """
    prefer = preferred or {k: [False] * len(v) for k, v in options.items()}
    out: dict[int, tuple[dict, list[str], int]] = {}
    known: dict = {}
    for key, opts in options.items():
        if len(opts) == 1:
            out[key] = (opts[0], [], 0)
            known.update(opts[0])
    open_rows = [k for k in options if k not in out]
    progress = True
    while open_rows and progress:
        progress = False
        for key in list(open_rows):
            ranked = _rank(options[key], known, constraints_of, prefer[key])
            if len(ranked) == 1 or ranked[0][0] != ranked[1][0]:
                taken = ranked[0][1]
                out[key] = (options[key][taken], [], taken)
                known.update(options[key][taken])
                open_rows.remove(key)
                progress = True
    if open_rows:
        _joint(open_rows, options, known, constraints_of, out, prefer)
    return out


def _joint(open_rows, options, known, constraints_of, out, prefer) -> None:
    from itertools import product

    size = 1
    for k in open_rows:
        size *= len(options[k])
    if size <= SETTINGS.max_joint:
        best_key, best = None, []
        for combo in product(*(range(len(options[k])) for k in open_rows)):
            merged = dict(known)
            for k, i in zip(open_rows, combo, strict=True):
                merged.update(options[k][i])
            touched: dict = {}
            for k, i in zip(open_rows, combo, strict=True):
                touched.update(options[k][i])
            bad, good = score(merged, constraints_of(touched))
            key = (bad, -good, sum(not prefer[k][i] for k, i in zip(open_rows, combo, strict=True)))
            if best_key is None or key < best_key:
                best_key, best = key, [combo]
            elif key == best_key:
                best.append(combo)
        if len(best) == 1:
            for k, i in zip(open_rows, best[0], strict=True):
                out[k] = (options[k][i], [], i)
            return
        per_row = {k: sorted({combo[j] for combo in best}) for j, k in enumerate(open_rows)}
    else:
        per_row = {k: [i for _, i in _rank(options[k], known, constraints_of, prefer[k])] for k in open_rows}
    for k in open_rows:
        idx = per_row[k]
        first = options[k][idx[0]]
        result, unsure = dict(first), []
        for cell in first:
            if any(options[k][i].get(cell) != first[cell] for i in idx[1:]):
                result[cell] = None
                unsure.append(cell)
        out[k] = (result, unsure, idx[0])
