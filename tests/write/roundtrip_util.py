"""Comparing a report with what a reader makes of its rendering."""

from __future__ import annotations

from gongkai.model import Report


def differences(want: Report, got: Report) -> dict[str, tuple]:
    """Every disagreement in format, body, year or cells, as {what: (want, got)}."""
    out: dict[str, tuple] = {}
    for attr in ("format", "body", "year"):
        w, g = getattr(want, attr), getattr(got, attr)
        if (str(w) if w is not None else None) != (str(g) if g is not None else None):
            out[attr] = (w, g)
    for cell_id, w in want.cells.items():
        g = got.cells.get(cell_id)
        if w != g or (w is None) != (g is None):
            out[cell_id] = (w, g)
    return out


def assert_same(want: Report, got: Report, how: str) -> None:
    diff = differences(want, got)
    shown = dict(list(diff.items())[:8])
    assert not diff, f"{how}: {len(diff)} disagreements, e.g. {shown}"
