"""Readings of a row's printed values, and the choice among them by the table's own sums.

A row prints n values in the national format, but published rows carry stray empty cells, miss a
cell, print ten values where seven belong, or run digits together. Each possible reading is listed;
the table's 勾稽 rules then pick the one that fits. Where several fit equally, the cells on which they
disagree are left None and reported: a blank with a finding is better than a wrong number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.read.rows import DataRow

MAX_SPLITS = 20000


@dataclass(frozen=True)
class Reading:
    values: tuple[str | None, ...]  # printed text per column; None = not printed at all
    how: str  # exact | padded | window | blank_first | missing | split | blank_row
    preferred: bool = False  # breaks a tie the sums leave: the line has the national layout's width


def _digits(tok: str) -> bool:
    return tok.isdigit()


def _valid_part(s: str) -> bool:
    return s == "0" or not s.startswith("0")


def _splits(tokens: list[str], n: int, group: int | None) -> Iterator[list[str]]:
    """Ways to cut run-together digit strings into n numbers (no leading zeros, never across a gap
    between tokens). With `group`, each block of `group` numbers ends with the sum of the others (a
    row's 总计): each block is searched total first, its parts bounded by that total."""
    digits = "".join(tokens)
    cuts = set()
    pos = 0
    for t in tokens[:-1]:
        pos += len(t)
        cuts.add(pos)  # a printed gap is always a boundary between two numbers
    if not group:
        yield from _free(digits, 0, n, cuts, [])
        return
    yield from _blocks(digits, 0, n // group, group, cuts, [])


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


def _summing(digits: str, at: int, end: int, left: int, target: int, cuts: set[int], parts: list[str]):
    """Cut digits[at:end] into `left` numbers that add up to `target`."""
    if left == 0:
        if at == end and target == 0:
            yield list(parts)
        return
    room = end - at
    widest = len(str(target))
    # Each part is at most the target (so at most as long), and `left` parts of `room` digits sum
    # to less than left × 10^(room-left+1): outside those bounds nothing can add up.
    if room < left or room > left * widest or widest > room - left + 1 + len(str(left)):
        return
    for k in range(1, min(room - (left - 1), widest) + 1):
        head = digits[at : at + k]
        if not _valid_part(head) or _crosses(cuts, at, at + k):
            break
        value = int(head)
        if value > target:
            break
        parts.append(head)
        yield from _summing(digits, at + k, end, left - 1, target - value, cuts, parts)
        parts.pop()


def _blocks(digits: str, at: int, blocks: int, size: int, cuts: set[int], parts: list[str]):
    """Cut digits[at:] into `blocks` blocks of `size` numbers, each ending with the sum of the rest."""
    if blocks == 0:
        if at == len(digits):
            yield list(parts)
        return
    ends = [len(digits)] if blocks == 1 else range(at + size, len(digits) - (blocks - 1) * size + 1)
    for end in ends:
        for t in range(1, end - at - (size - 1) + 1):
            total = digits[end - t : end]
            if not _valid_part(total) or _crosses(cuts, end - t, end):
                continue
            for block in _summing(digits, at, end - t, size - 1, int(total), cuts, []):
                parts.extend([*block, total])
                yield from _blocks(digits, end, blocks - 1, size, cuts, parts)
                del parts[len(parts) - size :]


def readings(
    row: DataRow, n: int, group: int | None = None, left: bool = False, width: int | None = None
) -> list[Reading]:
    found = _readings(row, n, group, left)
    if width and len(found) > 1 and len(row.line_cells) == width:
        # A line exactly as wide as the national table: its last n cells are the value columns. Only a
        # tie-breaker, since scraped lines of that width can still be shifted.
        right = tuple(row.line_cells[-n:])
        found = [Reading(r.values, r.how, r.values == right) for r in found]
        if not any(r.preferred for r in found):
            found.append(Reading(right, "exact", True))
    return found


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
        windows = {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}
        return [Reading(w, "window") for w in sorted(windows)]
    out: list[Reading] = []
    short = n - len(toks)
    if row.leading_empty >= short:
        # empty cells before the values stood for blank cells at the start of the row
        out.append(Reading(tuple([""] * short + toks), "blank_first"))
    if filled and all(_digits(t) for t in filled) and any(len(t) > 1 for t in filled):
        found = []
        for parts in _splits(filled, n, group):
            found.append(Reading(tuple(parts), "split"))
            if len(found) > MAX_SPLITS:
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


MAX_JOINT = 20000  # combinations of still-open rows tried together before giving up


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
    if size <= MAX_JOINT:
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
