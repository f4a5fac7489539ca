"""The core of the store: engine, transactions, the audit log and the working calendar.

Every public method of the store runs in one transaction: it does all it says or raises and writes
nothing. A caller that needs several writes in one transaction (the service layer, an import) opens
`store.unit()` and passes the session on (`session=`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Engine, and_, func, select
from sqlalchemy.orm import Session

from gongkai.register.calendar import WorkCalendar, YearSchedule, default_calendar, parse_schedule
from gongkai.store.db import PROJECTIONS_ADDED, current_revision, make_engine, migrate
from gongkai.store.models import AuditRow, CalendarYearRow
from gongkai.store.sessions import Sessions


def now() -> datetime:
    return datetime.now(UTC)


class StoreBase:
    def __init__(self, engine: Engine, calendar: WorkCalendar | None = None):
        self.engine = engine
        self.Session = Sessions(engine)
        self._base_calendar = calendar or default_calendar()
        self._calendar: WorkCalendar | None = None

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True, **kw):
        """The store at `url`, its schema brought up to this version of gongkai. A register from before the
        projection columns it now has gets them re-derived from its event logs in the same transaction."""
        engine = make_engine(url)
        store = cls(engine, **kw)
        if upgrade:
            before = current_revision(engine)
            if before is not None and before < PROJECTIONS_ADDED:
                calendar = store.calendar()  # read before the upgrade locks the tables
                migrate(engine, then=lambda conn: store.rederive(conn, calendar))
            else:
                migrate(engine)
        return store

    def rederive(self, conn, calendar: WorkCalendar) -> None:
        """Recompute every request's projection on `conn` (a migration's transaction); see RequestStore."""
        raise NotImplementedError

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction for several operations: commits at the end, writes nothing on an error."""
        with self.Session.begin() as s:
            yield s

    @contextmanager
    def _tx(self, session: Session | None) -> Iterator[Session]:
        """The caller's transaction when given (so several writes commit together), else a new one."""
        if session is not None:
            yield session
        else:
            with self.Session.begin() as s:
                yield s

    @contextmanager
    def _read(self, session: Session | None) -> Iterator[Session]:
        if session is not None:
            yield session
        else:
            with self.Session() as s:
                yield s

    @staticmethod
    def audit(s: Session, table: str, key: str, action: str, actor: str, before=None, after=None) -> None:
        """One row of the audit log: who did what to which record, when, with the values before and after."""
        s.add(
            AuditRow(
                table_name=table,
                row_key=key,
                action=action,
                before=_jsonable(before),
                after=_jsonable(after),
                at=now(),
                by=actor,
            )
        )

    def audit_log(
        self,
        *,
        table: str | None = None,
        key_prefix: str | None = None,
        limit: int = 200,
        actions: Collection[str] | None = None,
        skip_actions: Collection[str] = (),
    ) -> list[AuditRow]:
        """The newest rows first; `actions` keeps only those actions, `skip_actions` leaves them out."""
        with self.Session() as s:
            q = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
            if table:
                q = q.where(AuditRow.table_name == table)
            if actions is not None:
                q = q.where(AuditRow.action.in_(list(actions)))
            if skip_actions:
                q = q.where(AuditRow.action.not_in(list(skip_actions)))
            if key_prefix:
                q = q.where(AuditRow.row_key.startswith(key_prefix, autoescape=True))
            return list(s.scalars(q))

    # ------------------------------------------------------------------ calendar
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            cal = self._base_calendar
            with self.Session() as s:
                latest = (
                    select(CalendarYearRow.year, func.max(CalendarYearRow.revision).label("rev"))
                    .group_by(CalendarYearRow.year)
                    .subquery()
                )
                rows = s.scalars(
                    select(CalendarYearRow).join(
                        latest,
                        and_(CalendarYearRow.year == latest.c.year, CalendarYearRow.revision == latest.c.rev),
                    )
                )
                for row in rows:
                    cal = cal.with_schedule(parse_schedule(row.schedule, f"已载入的{row.year}年安排"))
            self._calendar = cal
        return self._calendar

    def save_calendar(self, schedule: YearSchedule, actor: str, s: Session) -> int:
        """Store a year's schedule (a new revision if the year was loaded before); returns the revision."""
        rev = (
            s.scalar(select(func.max(CalendarYearRow.revision)).where(CalendarYearRow.year == schedule.year))
            or 0
        ) + 1
        s.add(
            CalendarYearRow(
                year=schedule.year,
                revision=rev,
                source=schedule.source,
                schedule=schedule.to_dict(),
                loaded_at=now(),
                loaded_by=actor,
            )
        )
        self._calendar = None
        return rev


def _jsonable(v):
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    return getattr(v, "value", v)
