"""Working-day calendars: the official schedule of a new year, and due dates computed for a case file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.dates import parse_date
from gongkai.errors import InputError, LimitExceeded
from gongkai.register.calendar import WorkCalendar, YearSchedule, load_schedule
from gongkai.register.errors import RegisterError
from gongkai.register.events import Event
from gongkai.register.workflow import answer_due, derive
from gongkai.service.base import Service
from gongkai.store import Moved

MAX_CASE_BYTES = 1_000_000
MAX_EVENTS = 500


@dataclass
class Deadline:
    """What `gongkai deadline` prints for a case file."""

    due: date
    explanation: list[str]
    provisional: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict = {"due": self.due.isoformat(), "explanation": self.explanation}
        if self.provisional:
            out["provisional"] = True
        if self.warnings:
            out["warnings"] = self.warnings
        return out


class CalendarService(Service):
    def load(self, actor: Actor, schedule: YearSchedule | str | Path) -> tuple[int, list[Moved]]:
        """Load a year's official schedule (refused when implausible); every open request is recomputed and
        the due dates that moved are returned."""
        self.require(can.can_administer(actor), actor, "载入节假日安排")
        if not isinstance(schedule, YearSchedule):
            schedule = load_schedule(schedule)
        return self.store.load_calendar(schedule, actor.name)

    def calendar(self, extra: list[str | Path] = ()) -> WorkCalendar:
        cal = self.store.calendar()
        for f in extra:
            cal = cal.with_schedule(load_schedule(f))
        return cal


def deadline_for_case(data: object, calendar: WorkCalendar, where: str = "申请") -> Deadline:
    """The due date of a hypothetical case `{"received": ..., "events": [{"type", "date", ...}]}` — a
    calculator: events need not be in order, nothing is checked against today."""
    if not isinstance(data, dict) or "received" not in data:
        raise InputError(f"{where}：缺少收到日期 received", code="input.case")
    received = parse_date(data["received"], f"{where}的收到日期 received")
    raw = data.get("events") or []
    if not isinstance(raw, list):
        raise InputError(f"{where}：events 应为列表", code="input.case")
    if len(raw) > MAX_EVENTS:
        raise LimitExceeded(f"{where}：事件过多（{len(raw)}个，最多{MAX_EVENTS}个）", code="input.case")
    events: list[Event] = []
    for i, e in enumerate(raw, 1):
        try:
            events.append(Event.from_dict(e))
        except RegisterError as ex:
            raise ex.with_prefix(f"{where}：第{i}个事件：") from ex
    events.sort(key=lambda e: e.date)  # stable: same-day events keep the file's order
    st = derive(received, events, calendar)
    due, steps = answer_due(st)
    return Deadline(due, steps, st.provisional, [f.message for f in st.findings])


def read_case_file(path: Path) -> object:
    """The JSON of a case file, bounded in size and depth; InputError naming the file otherwise."""
    try:
        if path.stat().st_size > MAX_CASE_BYTES:
            raise LimitExceeded(f"{path}：文件过大（超过1 MB），不是申请数据", code="input.case")
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}：文件不存在", code="input.file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}：不是有效的JSON申请数据（{e}）", code="input.case") from None
    except RecursionError:
        raise InputError(f"{path}：JSON嵌套过深，不是申请数据", code="input.case") from None
