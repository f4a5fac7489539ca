"""The lines of a fee computation a 收费通知书 prints, from the bands of `gongkai.register.fees`, so the
notice shows the same figure the register computes (国办函〔2020〕109号第四条、第五条)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gongkai.register.fees import PAGE_BANDS, fee_for_nth_request


@dataclass(frozen=True)
class FeeLine:
    first: int  # the first 件 (ordinal in the month) or page of the line
    last: int
    rate: Decimal  # yuan per 件 or per page
    unit: str  # 件 or 页

    @property
    def quantity(self) -> int:
        return self.last - self.first + 1

    @property
    def subtotal(self) -> Decimal:
        return self.rate * self.quantity


def count_lines(ordinal: int, items: int) -> tuple[FeeLine, ...]:
    """The 件 ordinal … ordinal+items-1 of the applicant's month, grouped by their rate."""
    lines: list[FeeLine] = []
    for n in range(ordinal, ordinal + items):
        rate = fee_for_nth_request(n)
        if lines and lines[-1].rate == rate:
            lines[-1] = FeeLine(lines[-1].first, n, rate, "件")
        else:
            lines.append(FeeLine(n, n, rate, "件"))
    return tuple(lines)


def page_lines(pages: int) -> tuple[FeeLine, ...]:
    """The bands of `pages` pages that hold any, each with its rate."""
    lines = []
    bounds = [first - 1 for first, _ in PAGE_BANDS[1:]] + [pages]
    for (first, rate), band_last in zip(PAGE_BANDS, bounds, strict=True):
        last = min(pages, band_last)
        if last >= first:
            lines.append(FeeLine(first, last, Decimal(rate), "页"))
    return tuple(lines)
