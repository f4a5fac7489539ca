"""The register store: bodies, requests and their events, section 二/四 records, calendars, seeds.

Every public method runs in one transaction: it either does all it says or raises a StoreError (or a
RegisterError from the domain) and writes nothing. The domain (`gongkai.register`) decides; the store
persists events and the projection `derive` computes from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from gongkai.model import Report
from gongkai.org.model import BODY_KIND_LABELS, BodyKind, BodyProfile, Region
from gongkai.register.active import (
    AppealCase,
    Document,
    YearlyCounts,
    appeal_cells,
    count_cells,
    document_cells,
)
from gongkai.register.annual import RequestTally, build_report, seed_carry_over
from gongkai.register.calendar import WorkCalendar, YearSchedule, default_calendar, parse_schedule
from gongkai.register.errors import RegisterError
from gongkai.register.events import Event, Request
from gongkai.register.types import APPLICANT_TYPES, Channel, EventType, State
from gongkai.register.workflow import RequestState, derive
from gongkai.store.db import make_engine, migrate
from gongkai.store.errors import ConflictError, NotFound, StoreError
from gongkai.store.models import (
    AppealRow,
    AuditRow,
    Body,
    CalendarYearRow,
    DocNumberRow,
    DocumentRow,
    EventRow,
    RegionRow,
    RequestRow,
    SeedRow,
    YearlyCountsRow,
)


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoredRequest:
    """A request as stored: the record, its log, the derived state and the version to edit against."""

    id: int
    body_id: str
    request: Request
    events: list[Event]
    state: RequestState
    version: int


class Store:
    def __init__(self, engine: Engine, calendar: WorkCalendar | None = None):
        self.engine = engine
        self.Session = sessionmaker(engine, expire_on_commit=False)
        self._base_calendar = calendar or default_calendar()
        self._calendar: WorkCalendar | None = None

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True, **kw) -> Store:
        engine = make_engine(url)
        if upgrade:
            migrate(engine)
        return cls(engine, **kw)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self, session: Session | None):
        """The caller's transaction when given (so several writes commit together), else a new one."""
        if session is not None:
            yield session
        else:
            with self.Session.begin() as s:
                yield s

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

    def load_calendar(self, schedule: YearSchedule, actor: str) -> int:
        """Store a year's schedule (a new revision if the year was loaded before); returns the revision.
        Open requests are re-derived, since their due dates may move."""
        with self.Session.begin() as s:
            rev = (
                s.scalar(
                    select(func.max(CalendarYearRow.revision)).where(CalendarYearRow.year == schedule.year)
                )
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
        self.recompute(actor=actor)
        return rev

    # ------------------------------------------------------------------ regions and bodies
    def add_region(self, region: Region, actor: str) -> None:
        with self.Session.begin() as s:
            if s.get(RegionRow, region.id) is not None:
                raise StoreError(f"地区{region.id}已存在")
            if region.parent_id and s.get(RegionRow, region.parent_id) is None:
                raise NotFound(f"上级地区{region.parent_id}不存在")
            s.add(
                RegionRow(
                    id=region.id,
                    name=region.name,
                    level=region.level.value,
                    parent_id=region.parent_id,
                    created_at=now(),
                    created_by=actor,
                )
            )

    def regions(self) -> list[Region]:
        with self.Session() as s:
            q = select(RegionRow).where(RegionRow.deleted_at.is_(None)).order_by(RegionRow.id)
            return [Region(r.id, r.name, r.level, r.parent_id) for r in s.scalars(q)]

    def region_tree(self, region_id: str) -> list[str]:
        """The region and every region under it (ids), for a supervisor's view."""
        regions = self.regions()
        if region_id not in {r.id for r in regions}:
            raise NotFound(f"地区{region_id}不存在")
        out, frontier = [region_id], [region_id]
        while frontier:
            frontier = [r.id for r in regions if r.parent_id in frontier]
            out.extend(frontier)
        return out

    def add_body(
        self,
        body_id: str,
        name: str,
        actor: str,
        region: str | None = None,
        *,
        kind: BodyKind | str = BodyKind.DEPARTMENT,
        profile: BodyProfile | None = None,
    ) -> None:
        """A new body; `region` is the id of a region added before (or None)."""
        if not body_id.strip() or not name.strip():
            raise StoreError("机关编号和名称不能为空")
        kind = _choice(BodyKind, kind, BODY_KIND_LABELS, "机关类型")
        with self.Session.begin() as s:
            if s.get(Body, body_id) is not None:
                raise StoreError(f"机关{body_id}已存在")
            if region is not None and s.get(RegionRow, region) is None:
                raise NotFound(f"地区{region}不存在，请先新增地区")
            s.add(
                Body(
                    id=body_id,
                    name=name,
                    kind=kind.value,
                    region_id=region,
                    created_at=now(),
                    created_by=actor,
                    **(profile or BodyProfile()).to_dict(),
                )
            )

    def bodies(self, region_ids: Iterable[str] | None = None) -> list[Body]:
        with self.Session() as s:
            q = select(Body).where(Body.deleted_at.is_(None)).order_by(Body.id)
            if region_ids is not None:
                q = q.where(Body.region_id.in_(list(region_ids)))
            return list(s.scalars(q))

    def body(self, body_id: str, s: Session | None = None) -> Body:
        if s is None:
            with self.Session() as s2:
                return self.body(body_id, s2)
        b = s.get(Body, body_id)
        if b is None or b.deleted_at is not None:
            raise NotFound(f"机关{body_id}不存在")
        return b

    def set_profile(self, body_id: str, profile: BodyProfile, actor: str) -> None:
        """Replace the details a body's documents print; the old values go to the audit log."""
        with self.Session.begin() as s:
            b = self.body(body_id, s)
            before = profile_of(b).to_dict()
            after = profile.to_dict()
            if before == after:
                return
            at = now()
            for k, v in after.items():
                setattr(b, k, v)
            b.updated_at, b.updated_by = at, actor
            s.add(
                AuditRow(
                    table_name="bodies",
                    row_key=body_id,
                    action="update",
                    before=before,
                    after=after,
                    at=at,
                    by=actor,
                )
            )

    def next_doc_number(self, body_id: str, year: int, *, session: Session | None = None) -> int:
        """The next number of the body's documents in a year (one sequence per body and year)."""
        with self._tx(session) as s:
            self.body(body_id, s)
            row = s.get(DocNumberRow, (body_id, year), with_for_update=True)
            if row is None:
                row = DocNumberRow(body_id=body_id, year=year, last=0)
                s.add(row)
            row.last += 1
            s.flush()
            return row.last

    # ------------------------------------------------------------------ requests
    def add_request(
        self,
        body_id: str,
        request: Request,
        actor: str,
        events: Iterable[Event] = (),
        *,
        session: Session | None = None,
    ) -> StoredRequest:
        """Register a request (its `received` event is written for it), optionally with later events."""
        if session is None:
            with self.Session.begin() as s:
                return self.add_request(body_id, request, actor, events, session=s)
        s = session
        self.body(body_id, s)
        if request.channel is None and not request.seeded:
            raise StoreError(f"申请{request.case_no}：缺少渠道")
        log = [
            Event(EventType.RECEIVED, request.received_on),
            *[e for e in events if e.type is not EventType.RECEIVED],
        ]
        st = self._derive(request, log)
        log = _fill_amounts(log)
        exists = s.scalar(
            select(RequestRow.id).where(RequestRow.body_id == body_id, RequestRow.case_no == request.case_no)
        )
        if exists is not None:
            raise StoreError(f"申请{request.case_no}：本机关已有同一案号的申请")
        at = now()
        row = RequestRow(
            body_id=body_id,
            case_no=request.case_no,
            applicant_type=request.applicant_type,
            applicant_name=request.applicant_name,
            applicant_contact=request.applicant_contact,
            channel=request.channel.value if request.channel else None,
            received_on=request.received_on,
            content=request.content,
            seeded=request.seeded,
            version=1,
            created_at=at,
            created_by=actor,
            **_projection(st, request),
        )
        s.add(row)
        s.flush()
        for i, ev in enumerate(log, 1):
            s.add(_event_row(row, i, ev, at, actor))
        s.flush()
        return StoredRequest(row.id, body_id, request, log, st, row.version)

    def _derive(self, request: Request, events: list[Event]) -> RequestState:
        return derive(request.received_on, events, self.calendar(), case_no=request.case_no)

    def _row(self, s: Session, body_id: str, case_no: str, *, lock: bool = False) -> RequestRow:
        """The live request row; `lock` takes its row lock first (PostgreSQL), so a writer reads the version
        and the event log of one moment: a concurrent writer waits, then sees the new version (a conflict)."""
        q = select(RequestRow).where(RequestRow.body_id == body_id, RequestRow.case_no == case_no)
        row = s.scalar(q.with_for_update() if lock else q)
        if row is None or row.deleted_at is not None:
            raise NotFound(f"申请{case_no}：在机关{body_id}的登记簿中不存在")
        return row

    def get(self, body_id: str, case_no: str) -> StoredRequest:
        with self.Session() as s:
            row = self._row(s, body_id, case_no)
            return self._load(s, row)

    def _load(self, s: Session, row: RequestRow) -> StoredRequest:
        events = [
            _event(e)
            for e in s.scalars(select(EventRow).where(EventRow.request_id == row.id).order_by(EventRow.seq))
        ]
        req = _request(row)
        st = self._derive(req, events) if not row.seeded else _seeded_state(req, events, self.calendar())
        return StoredRequest(row.id, row.body_id, req, events, st, row.version)

    def append(
        self, body_id: str, case_no: str, event: Event, expected_version: int, actor: str
    ) -> StoredRequest:
        """Append one event. `expected_version` is the version the caller read: if the request changed since,
        ConflictError, and nothing is written."""
        with self.Session.begin() as s:
            row = self._row(s, body_id, case_no, lock=True)
            if row.version != expected_version:
                raise _conflict(case_no, row)
            current = self._load(s, row)
            log = [*current.events, event]
            st = (
                self._derive(current.request, log)
                if not row.seeded
                else _seeded_state(current.request, log, self.calendar())
            )
            event = _fill_amounts(log)[-1]
            at = now()
            # the conditional UPDATE takes the row lock: of two concurrent appends only one matches
            done = _versioned(
                s,
                case_no,
                update(RequestRow)
                .where(RequestRow.id == row.id, RequestRow.version == expected_version)
                .values(
                    version=expected_version + 1,
                    updated_at=at,
                    updated_by=actor,
                    **_projection(st, current.request),
                )
                .execution_options(synchronize_session=False),
            )
            if done.rowcount != 1:
                raise _conflict(case_no, None)
            s.add(_event_row(row, len(log), event, at, actor))
            try:
                s.flush()
            except IntegrityError as e:
                raise ConflictError(f"申请{case_no}：已被他人同时修改，请刷新后重试") from e
            return StoredRequest(row.id, body_id, current.request, log, st, expected_version + 1)

    def update_request(self, body_id: str, case_no: str, expected_version: int, actor: str, **fields) -> int:
        """Correct a request's details (content, applicant …); the old values go to the audit log."""
        editable = {"content", "applicant_name", "applicant_contact", "applicant_type", "channel"}
        bad = sorted(set(fields) - editable)
        if bad:
            raise StoreError(f"申请{case_no}：字段{', '.join(bad)}不能修改（收到日期等须通过事件更正）")
        with self.Session.begin() as s:
            row = self._row(s, body_id, case_no, lock=True)
            if row.version != expected_version:
                raise _conflict(case_no, row)
            before = {k: getattr(row, k) for k in fields}
            _request(row, **fields)  # validates
            at = now()
            done = _versioned(
                s,
                case_no,
                update(RequestRow)
                .where(RequestRow.id == row.id, RequestRow.version == expected_version)
                .values(version=expected_version + 1, updated_at=at, updated_by=actor, **fields)
                .execution_options(synchronize_session=False),
            )
            if done.rowcount != 1:
                raise _conflict(case_no, None)
            s.add(
                AuditRow(
                    table_name="requests",
                    row_key=f"{body_id}/{case_no}",
                    action="update",
                    before=before,
                    after=fields,
                    at=at,
                    by=actor,
                )
            )
            return expected_version + 1

    def delete_request(
        self, body_id: str, case_no: str, expected_version: int, actor: str, reason: str = ""
    ) -> None:
        """Soft-delete (e.g. registered by mistake): the row and its log stay, reports no longer count it."""
        with self.Session.begin() as s:
            row = self._row(s, body_id, case_no, lock=True)
            if row.version != expected_version:
                raise _conflict(case_no, row)
            at = now()
            done = _versioned(
                s,
                case_no,
                update(RequestRow)
                .where(RequestRow.id == row.id, RequestRow.version == expected_version)
                .values(version=expected_version + 1, deleted_at=at, deleted_by=actor)
                .execution_options(synchronize_session=False),
            )
            if done.rowcount != 1:
                raise _conflict(case_no, None)
            s.add(
                AuditRow(
                    table_name="requests",
                    row_key=f"{body_id}/{case_no}",
                    action="delete",
                    before=None,
                    after={"reason": reason},
                    at=at,
                    by=actor,
                )
            )

    def requests(self, body_id: str, *, include_deleted: bool = False) -> list[RequestRow]:
        with self.Session() as s:
            q = (
                select(RequestRow)
                .where(RequestRow.body_id == body_id)
                .order_by(RequestRow.received_on, RequestRow.id)
            )
            if not include_deleted:
                q = q.where(RequestRow.deleted_at.is_(None))
            return list(s.scalars(q))

    def events_of(self, body_id: str) -> dict[int, list[Event]]:
        with self.Session() as s:
            out: dict[int, list[Event]] = {}
            q = (
                select(EventRow)
                .where(EventRow.body_id == body_id)
                .order_by(EventRow.request_id, EventRow.seq)
            )
            for e in s.scalars(q):
                out.setdefault(e.request_id, []).append(_event(e))
            return out

    def overdue(self, body_id: str, as_of: date) -> list[RequestRow]:
        """Open requests whose due date is before `as_of` (waiting for the applicant never counts)."""
        open_states = [st.value for st in State if not st.closed]
        with self.Session() as s:
            q = (
                select(RequestRow)
                .where(
                    RequestRow.body_id == body_id,
                    RequestRow.deleted_at.is_(None),
                    RequestRow.state.in_(open_states),
                    RequestRow.due_on < as_of,
                )
                .order_by(RequestRow.due_on, RequestRow.case_no)
            )
            return list(s.scalars(q))

    def recompute(self, body_id: str | None = None, actor: str = "system") -> int:
        """Re-derive every open request's projection (after a calendar change); returns how many moved."""
        moved = 0
        with self.Session.begin() as s:
            q = select(RequestRow).where(RequestRow.closed_on.is_(None), RequestRow.deleted_at.is_(None))
            if body_id:
                q = q.where(RequestRow.body_id == body_id)
            for row in s.scalars(q).all():
                try:
                    cur = self._load(s, row)
                except RegisterError:
                    continue  # e.g. still outside the loaded schedules: keep what is stored
                proj = _projection(cur.state, cur.request)
                if any(getattr(row, k) != v for k, v in proj.items()):
                    for k, v in proj.items():
                        setattr(row, k, v)
                    moved += 1
        return moved

    def fee_for(
        self, body_id: str, case_no: str, method: str, pages: int | None = None
    ) -> tuple[int, Decimal]:
        """The 信息处理费 of a request: by count, from its ordinal among the same applicant's requests to this
        body in that calendar month (by receipt date, then registration order); or by its pages."""
        from gongkai.register.fees import FeeMethod, fee

        with self.Session() as s:
            row = self._row(s, body_id, case_no)
            if FeeMethod(method) is FeeMethod.PAGES:
                return 0, fee(method, pages=pages)
            if not row.applicant_name:
                raise StoreError(f"申请{case_no}：未登记申请人姓名，无法按件计收")
            first = row.received_on.replace(day=1)
            R = RequestRow
            earlier = s.scalar(
                select(func.count())
                .select_from(R)
                .where(
                    R.body_id == body_id,
                    R.deleted_at.is_(None),
                    R.applicant_name == row.applicant_name,
                    R.applicant_contact == row.applicant_contact,
                    R.received_on >= first,
                    or_(
                        R.received_on < row.received_on, and_(R.received_on == row.received_on, R.id < row.id)
                    ),
                )
            )
            ordinal = earlier + 1
            return ordinal, fee(method, ordinal=ordinal)

    # ------------------------------------------------------------------ seeding
    def seed(self, body_id: str, report: Report | dict, actor: str) -> dict[str, int]:
        """Start a register mid-stream from the body's last published report: its carried_forward requests
        become placeholder requests dated 12-31 of that year, to be answered like any other."""
        year, carry = seed_carry_over(report)
        data = report.to_dict() if isinstance(report, Report) else Report.from_dict(report).to_dict()
        with self.Session.begin() as s:
            self.body(body_id, s)
            if s.get(SeedRow, body_id) is not None:
                raise StoreError(f"机关{body_id}已导入过结转起点报告")
            if s.scalar(select(func.count()).select_from(RequestRow).where(RequestRow.body_id == body_id)):
                raise StoreError(f"机关{body_id}的登记簿已有申请，不能再导入结转起点")
            s.add(SeedRow(body_id=body_id, year=year, report=data, imported_at=now(), imported_by=actor))
            for col in APPLICANT_TYPES:
                for i in range(1, carry[col] + 1):
                    req = Request(
                        f"结转{year}-{col}-{i:04d}",
                        col,
                        None,
                        date(year, 12, 31),
                        content="上年结转（导入）",
                        seeded=True,
                    )
                    self.add_request(body_id, req, actor, session=s)
        return carry

    def seed_report(self, body_id: str) -> tuple[int, Report] | None:
        with self.Session() as s:
            row = s.get(SeedRow, body_id)
            return (row.year, Report.from_dict(row.report)) if row else None

    # ------------------------------------------------------------------ section 二 / 四 records
    def add_document(self, body_id: str, doc: Document, actor: str, *, session: Session | None = None) -> int:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = DocumentRow(
                body_id=body_id,
                kind=doc.kind.value,
                title=doc.title,
                number=doc.number,
                issued_on=doc.issued_on,
                repealed_on=doc.repealed_on,
                created_at=now(),
                created_by=actor,
            )
            s.add(row)
            s.flush()
            return row.id

    def repeal_document(self, body_id: str, doc_id: int, repealed_on: date, actor: str) -> None:
        with self.Session.begin() as s:
            row = s.get(DocumentRow, doc_id)
            if row is None or row.body_id != body_id or row.deleted_at is not None:
                raise NotFound(f"文件{doc_id}在机关{body_id}中不存在")
            Document(row.kind, row.issued_on, repealed_on, row.title, row.number)  # validates the dates
            at = now()
            s.add(
                AuditRow(
                    table_name="documents",
                    row_key=str(doc_id),
                    action="update",
                    before={"repealed_on": _iso(row.repealed_on)},
                    after={"repealed_on": repealed_on.isoformat()},
                    at=at,
                    by=actor,
                )
            )
            row.repealed_on, row.updated_at, row.updated_by = repealed_on, at, actor

    def documents(self, body_id: str) -> list[Document]:
        with self.Session() as s:
            q = select(DocumentRow).where(DocumentRow.body_id == body_id, DocumentRow.deleted_at.is_(None))
            return [Document(r.kind, r.issued_on, r.repealed_on, r.title, r.number) for r in s.scalars(q)]

    def set_counts(
        self, body_id: str, counts: YearlyCounts, actor: str, *, session: Session | None = None
    ) -> None:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = s.get(YearlyCountsRow, (body_id, counts.year))
            values = {
                "licensing": counts.licensing,
                "penalties": counts.penalties,
                "coercive_measures": counts.coercive_measures,
                "fees_amount": counts.fees_amount,
            }
            at = now()
            if row is None:
                s.add(
                    YearlyCountsRow(
                        body_id=body_id, year=counts.year, created_at=at, created_by=actor, **values
                    )
                )
                return
            before = {k: _jsonable(getattr(row, k)) for k in values}
            s.add(
                AuditRow(
                    table_name="yearly_counts",
                    row_key=f"{body_id}/{counts.year}",
                    action="update",
                    before=before,
                    after={k: _jsonable(v) for k, v in values.items()},
                    at=at,
                    by=actor,
                )
            )
            for k, v in values.items():
                setattr(row, k, v)
            row.updated_at, row.updated_by = at, actor

    def counts(self, body_id: str, year: int) -> YearlyCounts | None:
        with self.Session() as s:
            r = s.get(YearlyCountsRow, (body_id, year))
            if r is None or r.deleted_at is not None:
                return None
            return YearlyCounts(year, r.licensing, r.penalties, r.coercive_measures, r.fees_amount)

    def add_appeal(
        self, body_id: str, case: AppealCase, actor: str, *, session: Session | None = None
    ) -> int:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = AppealRow(
                body_id=body_id,
                case_no=case.case_no,
                kind=case.kind.value,
                filed_on=case.filed_on,
                decided_on=case.decided_on,
                result=case.result.value if case.result else None,
                created_at=now(),
                created_by=actor,
            )
            s.add(row)
            s.flush()
            return row.id

    def decide_appeal(self, body_id: str, case_no: str, decided_on: date, result: str, actor: str) -> None:
        with self.Session.begin() as s:
            row = s.scalar(
                select(AppealRow).where(
                    AppealRow.body_id == body_id, AppealRow.case_no == case_no, AppealRow.deleted_at.is_(None)
                )
            )
            if row is None:
                raise NotFound(f"案件{case_no}在机关{body_id}中不存在")
            AppealCase(row.kind, row.filed_on, decided_on, result, case_no)  # validates
            at = now()
            s.add(
                AuditRow(
                    table_name="appeal_cases",
                    row_key=str(row.id),
                    action="update",
                    before={"decided_on": _iso(row.decided_on), "result": row.result},
                    after={"decided_on": decided_on.isoformat(), "result": result},
                    at=at,
                    by=actor,
                )
            )
            row.decided_on, row.result, row.updated_at, row.updated_by = decided_on, result, at, actor

    def appeals(self, body_id: str) -> list[AppealCase]:
        with self.Session() as s:
            q = select(AppealRow).where(AppealRow.body_id == body_id, AppealRow.deleted_at.is_(None))
            return [AppealCase(r.kind, r.filed_on, r.decided_on, r.result, r.case_no) for r in s.scalars(q)]

    # ------------------------------------------------------------------ the annual report
    def tally(self, body_id: str, year: int) -> RequestTally:
        """Section 三 by three GROUP BY queries over the projection columns (see register.annual.tally)."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        R = RequestRow
        live = and_(R.body_id == body_id, R.deleted_at.is_(None))
        t = RequestTally()
        with self.Session() as s:

            def by_type(*where):
                q = select(R.applicant_type, func.count()).where(live, *where).group_by(R.applicant_type)
                return Counter({k: n for k, n in s.execute(q)})

            t.received = by_type(R.received_on >= start, R.received_on <= end)
            t.brought_forward = by_type(
                R.received_on < start, or_(R.closed_on.is_(None), R.closed_on >= start)
            )
            q = (
                select(R.outcome, R.applicant_type, func.count())
                .where(live, R.closed_on >= start, R.closed_on <= end)
                .group_by(R.outcome, R.applicant_type)
            )
            t.closed = Counter({(o, a): n for o, a, n in s.execute(q)})
        # open at the end = open at the start + received - closed: every closing is dated on or after its
        # receipt, so this is the same count as a fourth scan (a test checks it against register.annual.tally)
        closed_by_type = Counter()
        for (_, a), n in t.closed.items():
            closed_by_type[a] += n
        t.carried_forward = Counter(
            {a: t.brought_forward[a] + t.received[a] - closed_by_type[a] for a in APPLICANT_TYPES}
        )
        return t

    def fees_collected(self, body_id: str, year: int) -> Decimal:
        with self.Session() as s:
            q = (
                select(func.coalesce(func.sum(EventRow.amount), 0))
                .join(RequestRow, RequestRow.id == EventRow.request_id)
                .where(
                    EventRow.body_id == body_id,
                    EventRow.type == EventType.FEE_PAID.value,
                    EventRow.event_on >= date(year, 1, 1),
                    EventRow.event_on <= date(year, 12, 31),
                    RequestRow.deleted_at.is_(None),
                )
            )
            return Decimal(str(s.scalar(q)))

    def annual_report(self, body_id: str, year: int, narrative: dict[int, str] | None = None) -> Report:
        """The report of a body for a year, generated from the register.

        Section 二's document cells are blank when the body keeps no document records; its yearly figures
        are blank until entered. Section 四 counts the recorded appeal cases (0 when there are none)."""
        body = self.body(body_id)
        seeded = self.seed_report(body_id)
        if seeded is not None:
            seed_year, seed = seeded
            if year == seed_year:
                return seed
            if year < seed_year:
                raise StoreError(f"机关{body_id}的登记簿自{seed_year + 1}年起，{year}年度没有登记数据")
        docs = self.documents(body_id)
        active = {**document_cells(docs or None, year), **count_cells(self.counts(body_id, year))}
        return build_report(
            year=year,
            body=body.name,
            requests=self.tally(body_id, year),
            active=active,
            appeals=appeal_cells(self.appeals(body_id), year),
            fees_collected=self.fees_collected(body_id, year),
            narrative=narrative,
        )


# ---------------------------------------------------------------------------------------- mapping


def _versioned(s: Session, case_no: str, statement):
    """Run the conditional UPDATE that bumps a request's version. SQLite refuses a write from a
    snapshot another commit has overtaken; that is the same conflict as a version mismatch."""
    try:
        return s.execute(statement)
    except OperationalError as e:
        if "locked" in str(e.orig):
            raise _conflict(case_no, None) from e
        raise


def _conflict(case_no: str, row: RequestRow | None) -> ConflictError:
    who = (
        f"（{row.updated_by}于{row.updated_at:%Y-%m-%d %H:%M}修改，当前版本{row.version}）"
        if row and row.updated_at
        else ""
    )
    return ConflictError(f"申请{case_no}：已被他人修改{who}，您的修改未保存，请刷新后重试")


def _projection(st: RequestState, request: Request) -> dict:
    return {
        "state": st.state.value,
        "due_on": None if request.seeded else st.due,
        "closed_on": st.closed_on,
        "outcome": st.outcome,
    }


def _seeded_state(request: Request, events: list[Event], cal: WorkCalendar) -> RequestState:
    """A carried-over placeholder has no real receipt date, so the clock cannot judge it (a consultation
    in March would look late against 12-31): the workflow is replayed as if it arrived on the day of its
    first event, and its projection carries no due date."""
    first = events[1].date if len(events) > 1 else request.received_on
    st = derive(first, [e for e in events if e.type is not EventType.RECEIVED], cal, case_no=request.case_no)
    st.received_on = request.received_on
    return st


def _fill_amounts(log: list[Event]) -> list[Event]:
    """A fee_paid without an amount paid what was notified: store the amount for section 六 sums."""
    out, notified = [], None
    for e in log:
        if e.type is EventType.FEE_NOTIFIED:
            notified = e.amount
        if e.type is EventType.FEE_PAID and e.amount is None and notified is not None:
            e = replace(e, amount=notified)
        out.append(e)
    return out


def _event_row(row: RequestRow, seq: int, ev: Event, at: datetime, actor: str) -> EventRow:
    data = ev.data()
    data.pop("amount", None)
    return EventRow(
        request_id=row.id,
        body_id=row.body_id,
        seq=seq,
        type=ev.type.value,
        event_on=ev.date,
        amount=ev.amount,
        data=data,
        recorded_at=at,
        recorded_by=actor,
    )


def _event(row: EventRow) -> Event:
    return Event.from_dict({"type": row.type, "date": row.event_on, "amount": row.amount, **(row.data or {})})


def _request(row: RequestRow, **override) -> Request:
    f = {
        "case_no": row.case_no,
        "applicant_type": row.applicant_type,
        "channel": Channel(row.channel) if row.channel else None,
        "received_on": row.received_on,
        "content": row.content,
        "applicant_name": row.applicant_name,
        "applicant_contact": row.applicant_contact,
        "seeded": row.seeded,
        **override,
    }
    return Request(**f)


def profile_of(body: Body) -> BodyProfile:
    return BodyProfile(**{k: getattr(body, k) or "" for k in BodyProfile.field_names()})


def _choice(enum, value, labels: dict, what: str):
    """An enum member from its code or its Chinese label; the error lists the valid choices."""
    for member, label in labels.items():
        if value in (member, member.value, label):
            return member
    valid = "、".join(f"{label}（{m.value}）" for m, label in labels.items())
    raise StoreError(f"{what}“{value}”无效，应为：{valid}")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _jsonable(v):
    return str(v) if isinstance(v, Decimal) else v
