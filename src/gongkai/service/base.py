"""What every service shares: the store, today's date in Beijing, permission checks, date checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.dates import beijing_today
from gongkai.errors import InputError, PermissionDenied
from gongkai.store import Store

#: The first report year of the national format (2019 trial format): the register keeps nothing earlier.
FIRST_YEAR = 2019


class Service:
    def __init__(self, store: Store, *, today: Callable[[], date] = beijing_today):
        self.store = store
        self._today = today

    def today(self) -> date:
        """Today in Beijing (or the clock a test gives)."""
        return self._today()

    # ------------------------------------------------------------------ access
    def body_regions(self, body_id: str) -> list[str]:
        return self.store.region_chain(self.store.body(body_id).region_id)

    def require(self, allowed: bool, actor: Actor, what: str) -> None:
        if not allowed:
            raise PermissionDenied(f"{actor.name}没有{what}的权限", actor=actor.name)

    def require_read(self, actor: Actor, body_id: str) -> None:
        self.store.body(body_id)  # an unknown body is NotFound before anything else
        if can.is_staff(actor, body_id):  # the body's own staff: no need to look up its regions
            return
        self.require(
            can.can_read_register(actor, body_id, self.body_regions(body_id)),
            actor,
            f"查看机关{body_id}登记簿",
        )

    def require_write(self, actor: Actor, body_id: str) -> None:
        self.store.body(body_id)
        self.require(can.can_write_register(actor, body_id), actor, f"登记机关{body_id}的申请")

    # ------------------------------------------------------------------ values
    def check_day(self, d: date, what: str, *, earliest: date | None = None, earliest_what: str = "") -> date:
        """A date the register may record: not after today (Beijing), not before `earliest`, and in a year
        the national format covers."""
        if d.year < FIRST_YEAR:
            raise InputError(f"{what}{d}早于{FIRST_YEAR}年，登记簿不记录", code="input.date", field=what)
        today = self.today()
        if d > today:
            raise InputError(
                f"{what}{d}晚于今天（北京时间{today}），不能登记将来的日期", code="input.date", field=what
            )
        if earliest is not None and d < earliest:
            raise InputError(f"{what}{d}早于{earliest_what}{earliest}", code="input.date", field=what)
        return d

    def check_year(self, year: object, what: str = "年度") -> int:
        """A report year of the national format, up to this year."""
        if isinstance(year, bool) or not isinstance(year, int):
            try:
                year = int(str(year).strip())
            except ValueError:  # "2025年" and the like: the caller says which field
                raise InputError(f"{what}“{year}”不是年份", code="input.year", field=what) from None
        last = self.today().year
        if not FIRST_YEAR <= year <= last:
            raise InputError(
                f"{what}{year}无效，应在{FIRST_YEAR}—{last}年之间", code="input.year", field=what
            )
        return year
