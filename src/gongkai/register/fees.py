"""The 信息处理费 of 国办函〔2020〕109号 《政府信息公开信息处理费管理办法》.

Two methods, one per request, both progressive (超额累进):
- by count (按件计收, 第四条): an applicant's requests in one calendar month — the 1st–10th free, the
  11th–30th 100元 each, then each further band of 10 costs 100元 more per request (31st–40th 200元,
  41st–50th 300元, …);
- by pages (按量计收, 第五条): of one request's pages, 1–30 free, 31–100 at 10元, 101–200 at 20元,
  201 and above at 40元 a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from gongkai.register.errors import RegisterError
from gongkai.register.types import FeeMethod

#: (first page of the band, yuan per page), ascending.
PAGE_BANDS: tuple[tuple[int, int], ...] = ((1, 0), (31, 10), (101, 20), (201, 40))


def fee_for_nth_request(n: int) -> Decimal:
    """The fee of an applicant's nth request in a calendar month (按件计收)."""
    if n < 1:
        raise RegisterError(f"当月申请序号应从1开始，收到{n}")
    if n <= 10:
        return Decimal(0)
    if n <= 30:
        return Decimal(100)
    return Decimal(100 * (2 + (n - 31) // 10))


def fee_by_count(ordinals: Iterable[int]) -> Decimal:
    """Fee of several requests, given each one's ordinal in the applicant's month."""
    return sum((fee_for_nth_request(n) for n in ordinals), Decimal(0))


def fee_by_pages(pages: int) -> Decimal:
    """Fee of one request by its page count (按量计收), band by band."""
    if pages < 0:
        raise RegisterError(f"页数不能为负，收到{pages}")
    total = 0
    bounds = [*PAGE_BANDS[1:], (pages + 1, 0)]
    for (first, rate), (nxt, _) in zip(PAGE_BANDS, bounds, strict=True):
        last = min(pages, nxt - 1)
        if last >= first:
            total += (last - first + 1) * rate
    return Decimal(total)


def month_ordinal(received: date, earlier_in_register: Iterable[date]) -> int:
    """The ordinal of a request in its applicant's calendar month, from the applicant's other receipt dates
    (those on or before it that come first in the register)."""
    return 1 + sum(1 for d in earlier_in_register if (d.year, d.month) == (received.year, received.month))


def fee(method: FeeMethod | str, *, ordinal: int | None = None, pages: int | None = None) -> Decimal:
    m = FeeMethod(method)
    if m is FeeMethod.COUNT:
        if ordinal is None:
            raise RegisterError("按件计收须提供该申请人当月的申请序号")
        return fee_for_nth_request(ordinal)
    if pages is None:
        raise RegisterError("按量计收须提供页数")
    return fee_by_pages(pages)


def collected_in_year(payments: Iterable[tuple[date, Decimal]], year: int) -> Decimal:
    """Fees actually paid in a calendar year (for section 六)."""
    return sum((amt for d, amt in payments if d.year == year and amt), Decimal(0))


def section_six_sentence(year: int, amount: Decimal) -> str:
    """The sentence section 六 carries about fees (in 元)."""
    if not amount:
        return f"{year}年度本机关未收取政府信息公开信息处理费。"
    yuan = f"{amount:.2f}".rstrip("0").rstrip(".")
    return f"{year}年度本机关依据《政府信息公开信息处理费管理办法》收取信息处理费{yuan}元。"
