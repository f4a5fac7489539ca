"""Requests and their event logs in the store: writes with optimistic locking, corrections that keep
history, and the work-list queries.

The projection columns of a request (state, due date, the applicant's waiting period, outcome, lateness)
are recomputed from its log by `gongkai.register.workflow.derive` on every write, so the lists and the
annual report are plain queries. Corrections never erase: an edited field keeps its old value in the
audit log, a voided event stays in the log struck out, a removed request stays in the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import and_, false, func, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from gongkai.model.finding import Finding, warning
from gongkai.register.calendar import WorkCalendar
from gongkai.register.errors import RegisterError, WorkflowError
from gongkai.register.events import Event, FeeNotified, FeePaid, Received
from gongkai.register.request import Request, missing_elements
from gongkai.register.types import WAITING_STATES, Channel, EventType, IdType, State
from gongkai.register.vocab import APPLICATION_ELEMENTS
from gongkai.register.workflow import RequestState, derive
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import ConflictError, NotFound, StoreError
from gongkai.store.models import AuditRow, EventRow, RequestRow

#: Request fields a correction may change (the case number names the record; seeding is not edited).
EDITABLE = tuple(f.name for f in fields(Request) if f.name not in ("case_no", "seeded"))
OPEN_STATES = tuple(s.value for s in State if not s.closed)


@dataclass(frozen=True)
class LoggedEvent:
    """An event as recorded: who recorded it and when, and whether (and why) it was voided."""

    seq: int
    event: Event
    recorded_at: datetime
    recorded_by: str
    voided_at: datetime | None = None
    voided_by: str | None = None
    void_reason: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


@dataclass(frozen=True)
class StoredRequest:
    """A request as stored: the record, its whole log, the derived state and the version to edit against."""

    id: int
    body_id: str
    request: Request
    log: list[LoggedEvent]
    state: RequestState
    version: int
    removed: bool = False

    @property
    def events(self) -> list[Event]:
        """The events in force (voided ones left out), in order."""
        return [e.event for e in self.log if not e.voided]

    @property
    def missing(self) -> tuple[str, ...]:
        """Elements of 第二十九条 the application lacks, while a 补正 could still ask for them."""
        if self.state.closed or self.state.correction_requested:
            return ()
        return missing_elements(self.request)

    @property
    def findings(self) -> list[Finding]:
        out = list(self.state.findings)
        if self.missing:
            items = "、".join(APPLICATION_ELEMENTS.label(m) for m in self.missing)
            out.append(
                warning(
                    "register.incomplete",
                    f"申请缺少第二十九条规定的内容：{items}；建议在{self.state.correction_notice_due}前一次性告知补正",
                )
            )
        return out


@dataclass(frozen=True)
class RequestQuery:
    """A work list: every filter is optional; dates are inclusive."""

    states: tuple[str, ...] = ()
    applicant_type: str | None = None
    outcome: str | None = None  # a section 三 row, or its group (e.g. "withheld")
    channel: str | None = None
    text: str | None = None  # case number, content or applicant name contains it
    received_from: date | None = None
    received_to: date | None = None
    closed_from: date | None = None
    closed_to: date | None = None
    due_by: date | None = None  # open and due on or before
    overdue_on: date | None = None  # open and past its due date on that day
    waiting_past: date | None = None  # waiting for the applicant past the period given, on that day
    late: bool | None = None  # answered after the due date
    provisional: bool | None = None
    include_removed: bool = False
    order: str = "received"  # received, due, case, closed
    limit: int = 100
    offset: int = 0


@dataclass
class Moved:
    """A due date a new calendar moved."""

    body_id: str
    case_no: str
    before: date | None
    after: date | None


@dataclass
class _Write:
    row: RequestRow
    current: StoredRequest
    values: dict = field(default_factory=dict)


class RequestStore(StoreBase):
    # ------------------------------------------------------------------ reading
    def _row(self, s: Session, body_id: str, case_no: str, *, lock: bool = False, removed: bool = False):
        """The request row; `lock` takes its row lock first (PostgreSQL), so a writer reads the version and
        the event log of one moment: a concurrent writer waits, then sees the new version (a conflict)."""
        q = select(RequestRow).where(RequestRow.body_id == body_id, RequestRow.case_no == case_no)
        row = s.scalar(q.with_for_update() if lock else q)
        if row is None or (row.deleted_at is not None and not removed):
            raise NotFound(f"申请{case_no}：在机关{body_id}的登记簿中不存在")
        return row

    def get(self, body_id: str, case_no: str, *, removed: bool = False) -> StoredRequest:
        with self.Session() as s:
            return self._load(s, self._row(s, body_id, case_no, removed=removed))

    def _load(self, s: Session, row: RequestRow) -> StoredRequest:
        q = select(EventRow).where(EventRow.request_id == row.id).order_by(EventRow.seq)
        log = [_logged(e) for e in s.scalars(q)]
        req = request_of(row)
        st = self._state(req, [e.event for e in log if not e.voided])
        return StoredRequest(row.id, row.body_id, req, log, st, row.version, row.deleted_at is not None)

    def state_for(
        self, request: Request, events: list[Event], cal: WorkCalendar | None = None
    ) -> RequestState:
        """What the log would derive (a draft answer is checked this way before it is stored)."""
        return self._state(request, events, cal)

    def _state(self, request: Request, events: list[Event], cal: WorkCalendar | None = None) -> RequestState:
        cal = cal or self.calendar()
        if request.seeded:
            return _seeded_state(request, events, cal)
        return derive(request.received_on, events, cal, case_no=request.case_no)

    def search(self, body_id: str, query: RequestQuery | None = None) -> tuple[list[RequestRow], int]:
        """One page of a work list and the number of requests it has in all."""
        query = query or RequestQuery()
        R = RequestRow
        where = [R.body_id == body_id]
        if not query.include_removed:
            where.append(R.deleted_at.is_(None))
        if query.states:
            where.append(R.state.in_(query.states))
        if query.applicant_type:
            where.append(R.applicant_type == query.applicant_type)
        if query.outcome:
            where.append(or_(R.outcome == query.outcome, R.outcome.startswith(query.outcome + ".")))
        if query.channel:
            where.append(R.channel == query.channel)
        if query.text:
            like = f"%{query.text.strip()}%"
            where.append(or_(R.case_no.like(like), R.content.like(like), R.applicant_name.like(like)))
        for col, lo, hi in (
            (R.received_on, query.received_from, query.received_to),
            (R.closed_on, query.closed_from, query.closed_to),
        ):
            if lo:
                where.append(col >= lo)
            if hi:
                where.append(col <= hi)
        if query.due_by:
            where += [R.state.in_(OPEN_STATES), R.due_on.is_not(None), R.due_on <= query.due_by]
        if query.overdue_on:
            where += [R.state.in_(OPEN_STATES), R.due_on < query.overdue_on]
        if query.waiting_past:
            where += [R.state.in_([s.value for s in WAITING_STATES]), R.wait_until < query.waiting_past]
        if query.late is not None:
            where.append(R.late.is_(True) if query.late else or_(R.late.is_(False), R.late.is_(None)))
        if query.provisional is not None:
            where.append(R.provisional.is_(True) if query.provisional else R.provisional.is_(false()))
        order = {
            "received": (R.received_on.desc(), R.id.desc()),
            "due": (R.due_on.is_(None), R.due_on, R.case_no),
            "case": (R.case_no,),
            "closed": (R.closed_on.desc(), R.id.desc()),
        }.get(query.order)
        if order is None:
            raise StoreError(f"排序方式“{query.order}”无效，应为 received、due、case 或 closed")
        limit = max(1, min(int(query.limit), 1000))
        with self.Session() as s:
            rows = list(
                s.scalars(select(R).where(and_(*where)).order_by(*order).limit(limit).offset(query.offset))
            )
            if 0 < len(rows) < limit or (not rows and not query.offset):
                return rows, query.offset + len(rows)  # the last page: the total needs no count
            return rows, s.scalar(select(func.count()).select_from(R).where(and_(*where)))

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

    def logs_of(self, body_id: str) -> dict[int, list[LoggedEvent]]:
        """Every request's whole log (voided events included), by request id."""
        with self.Session() as s:
            out: dict[int, list[LoggedEvent]] = {}
            q = (
                select(EventRow)
                .where(EventRow.body_id == body_id)
                .order_by(EventRow.request_id, EventRow.seq)
            )
            for e in s.scalars(q):
                out.setdefault(e.request_id, []).append(_logged(e))
            return out

    def events_of(self, body_id: str) -> dict[int, list[Event]]:
        return {k: [e.event for e in v if not e.voided] for k, v in self.logs_of(body_id).items()}

    def overdue(self, body_id: str, as_of: date) -> list[RequestRow]:
        """Open requests whose due date is before `as_of` (waiting for the applicant never counts)."""
        return self.search(body_id, RequestQuery(overdue_on=as_of, order="due", limit=1000))[0]

    def history(self, body_id: str, case_no: str) -> list[AuditRow]:
        """The audit entries of a request and of its events, oldest first."""
        key = f"{body_id}/{case_no}"
        with self.Session() as s:
            q = (
                select(AuditRow)
                .where(
                    AuditRow.table_name.in_(("requests", "request_events")),
                    or_(AuditRow.row_key == key, AuditRow.row_key.startswith(key + "#", autoescape=True)),
                )
                .order_by(AuditRow.at, AuditRow.id)
            )
            return list(s.scalars(q))

    def fee_for(
        self, body_id: str, case_no: str, method: str, pages: int | None = None
    ) -> tuple[int, Decimal]:
        """The 信息处理费 of a request: by count, from its ordinal among the same applicant's requests to this
        body in that calendar month (by receipt date, then registration order); or by its pages. The same
        applicant is the same identity number where one is recorded, else the same name and contact."""
        from gongkai.register.fees import FeeMethod, fee

        with self.Session() as s:
            row = self._row(s, body_id, case_no)
            if FeeMethod(method) is FeeMethod.PAGES:
                return 0, fee(method, pages=pages)
            R = RequestRow
            if row.id_number:
                same = R.id_number == row.id_number
            elif row.applicant_name:
                same = and_(
                    R.applicant_name == row.applicant_name, R.applicant_contact == row.applicant_contact
                )
            else:
                raise StoreError(f"申请{case_no}：未登记申请人姓名或证件号码，无法按件计收")
            earlier = s.scalar(
                select(func.count())
                .select_from(R)
                .where(
                    R.body_id == body_id,
                    R.deleted_at.is_(None),
                    same,
                    R.received_on >= row.received_on.replace(day=1),
                    or_(
                        R.received_on < row.received_on, and_(R.received_on == row.received_on, R.id < row.id)
                    ),
                )
            )
            ordinal = earlier + 1
            return ordinal, fee(method, ordinal=ordinal)

    # ------------------------------------------------------------------ writing
    def add_request(
        self,
        body_id: str,
        request: Request,
        actor: str,
        events: list[Event] | tuple = (),
        *,
        session: Session | None = None,
        voided: dict[int, tuple[str, str]] | None = None,
        recorded_by: dict[int, str] | None = None,
    ) -> StoredRequest:
        """Register a request (its `received` event is written for it), optionally with later events. An
        import passes the events' original recorders and the ones voided (seq -> (who, reason)), counting
        the `received` event as 1."""
        voided = voided or {}
        with self._tx(session) as s:
            self.body(body_id, s)
            if request.channel is None and not request.seeded:
                raise StoreError(f"申请{request.case_no}：缺少渠道")
            log = [
                Received(date=request.received_on),
                *[e for e in events if e.type is not EventType.RECEIVED],
            ]
            st = self._state(request, [e for i, e in enumerate(log, 1) if i not in voided])
            log = _fill_amounts(log)
            same = s.scalar(
                select(RequestRow).where(RequestRow.body_id == body_id, RequestRow.case_no == request.case_no)
            )
            if same is not None:
                gone = "（已删除的申请仍保留该案号，请另编案号）" if same.deleted_at else ""
                raise StoreError(f"申请{request.case_no}：本机关已有同一案号的申请{gone}")
            at = now()
            row = RequestRow(
                body_id=body_id,
                version=1,
                created_at=at,
                created_by=actor,
                **_request_columns(request),
                **_projection(st, request),
            )
            s.add(row)
            s.flush()
            logged = []
            for i, ev in enumerate(log, 1):
                who = (recorded_by or {}).get(i) or actor
                ev_row = _event_row(row, i, ev, at, who)
                if i in voided:
                    ev_row.voided_at, (ev_row.voided_by, ev_row.void_reason) = at, voided[i]
                s.add(ev_row)
                logged.append(
                    LoggedEvent(i, ev, at, who, ev_row.voided_at, ev_row.voided_by, ev_row.void_reason)
                )
            s.flush()
            return StoredRequest(row.id, body_id, request, logged, st, row.version)

    def append(
        self,
        body_id: str,
        case_no: str,
        event: Event,
        expected_version: int,
        actor: str,
        *,
        session: Session | None = None,
    ) -> StoredRequest:
        """Append one event. `expected_version` is the version the caller read: if the request changed since,
        ConflictError, and nothing is written."""
        with self._tx(session) as s:
            w = self._begin_write(s, body_id, case_no, expected_version)
            log = [*w.current.events, event]
            st = self._state(w.current.request, log)
            event = _fill_amounts(log)[-1]
            at = now()
            self._commit_write(s, w, st, w.current.request, actor)
            s.add(_event_row(w.row, len(w.current.log) + 1, event, at, actor))
            try:
                s.flush()
            except IntegrityError as e:
                raise ConflictError(f"申请{case_no}：已被他人同时修改，请刷新后重试") from e
            return self._load(s, w.row)

    def void_event(
        self, body_id: str, case_no: str, seq: int, expected_version: int, actor: str, reason: str
    ) -> StoredRequest:
        """Strike an event out of the log with a reason: it stays in the history, the state ignores it.
        Refused when the log without it no longer makes sense (e.g. a reply to a letter voided)."""
        reason = _reason(reason, f"作废申请{case_no}的事件")
        with self.Session.begin() as s:
            w = self._begin_write(s, body_id, case_no, expected_version)
            target = next((e for e in w.current.log if e.seq == seq), None)
            if target is None:
                raise NotFound(f"申请{case_no}：没有第{seq}个事件")
            if target.voided:
                raise StoreError(f"申请{case_no}：第{seq}个事件已于{target.voided_at:%Y-%m-%d}作废")
            if target.event.type is EventType.RECEIVED:
                raise StoreError(
                    f"申请{case_no}：收到申请不能作废；误登记的申请请删除，收到日期有误请更正申请"
                )
            rest = [e.event for e in w.current.log if not e.voided and e.seq != seq]
            try:
                st = self._state(w.current.request, rest)
            except RegisterError as e:
                raise WorkflowError(f"作废第{seq}个事件后事件记录不再成立：{e}") from e
            self._commit_write(s, w, st, w.current.request, actor)
            ev_row = s.scalar(select(EventRow).where(EventRow.request_id == w.row.id, EventRow.seq == seq))
            ev_row.voided_at, ev_row.voided_by, ev_row.void_reason = now(), actor, reason
            self.audit(
                s,
                "request_events",
                f"{body_id}/{case_no}#{seq}",
                "void",
                actor,
                target.event.to_dict(),
                {"reason": reason},
            )
            s.flush()
            return self._load(s, w.row)

    def update_request(
        self, body_id: str, case_no: str, expected_version: int, actor: str, reason: str = "", **changes
    ) -> StoredRequest:
        """Correct a request's details, its receipt included; the log is replayed against the corrected
        request, and the old values go to the audit log with the reason."""
        bad = sorted(set(changes) - set(EDITABLE))
        if bad:
            raise StoreError(f"申请{case_no}：字段{', '.join(bad)}不能修改（可改：{', '.join(EDITABLE)}）")
        reason = _reason(reason, f"更正申请{case_no}")
        with self.Session.begin() as s:
            w = self._begin_write(s, body_id, case_no, expected_version)
            old = w.current.request
            new = replace(old, **changes)
            changed = {k: v for k, v in changes.items() if getattr(old, k) != getattr(new, k)}
            if not changed:
                raise StoreError(f"申请{case_no}：没有需要更正的内容")
            events = w.current.events
            if new.received_on != old.received_on and events and events[0].type is EventType.RECEIVED:
                events = [Received(date=new.received_on), *events[1:]]
                ev_row = s.scalar(select(EventRow).where(EventRow.request_id == w.row.id, EventRow.seq == 1))
                ev_row.event_on = new.received_on
            st = self._state(new, events)
            self._commit_write(s, w, st, new, actor, _request_columns(new))
            self.audit(
                s,
                "requests",
                f"{body_id}/{case_no}",
                "update",
                actor,
                {k: getattr(old, k) for k in changed},
                {**{k: getattr(new, k) for k in changed}, "reason": reason},
            )
            s.flush()
            return self._load(s, w.row)

    def delete_request(
        self,
        body_id: str,
        case_no: str,
        expected_version: int,
        actor: str,
        reason: str = "",
        *,
        session: Session | None = None,
    ) -> None:
        """Remove a request registered by mistake: the row and its log stay, no count includes it."""
        reason = _reason(reason, f"删除申请{case_no}")
        with self._tx(session) as s:
            w = self._begin_write(s, body_id, case_no, expected_version)
            at = now()
            done = _versioned(
                s,
                case_no,
                update(RequestRow)
                .where(RequestRow.id == w.row.id, RequestRow.version == expected_version)
                .values(version=expected_version + 1, deleted_at=at, deleted_by=actor)
                .execution_options(synchronize_session=False),
            )
            if done.rowcount != 1:
                raise _conflict(case_no, None)
            self.audit(s, "requests", f"{body_id}/{case_no}", "delete", actor, None, {"reason": reason})

    def rederive(self, conn, calendar: WorkCalendar) -> None:
        with Session(bind=conn) as s:  # joins the migration's transaction: it commits both or neither
            self.recompute(actor="数据库升级", calendar=calendar, session=s, closed=True)
            s.flush()

    def _begin_write(self, s: Session, body_id: str, case_no: str, expected_version: int) -> _Write:
        row = self._row(s, body_id, case_no, lock=True)
        if row.version != expected_version:
            raise _conflict(case_no, row)
        return _Write(row, self._load(s, row))

    def _commit_write(
        self,
        s: Session,
        w: _Write,
        st: RequestState,
        request: Request,
        actor: str,
        columns: dict | None = None,
    ) -> None:
        """The conditional UPDATE that bumps the version: of two concurrent writers only one matches."""
        done = _versioned(
            s,
            request.case_no,
            update(RequestRow)
            .where(RequestRow.id == w.row.id, RequestRow.version == w.current.version)
            .values(
                version=w.current.version + 1,
                updated_at=now(),
                updated_by=actor,
                **(columns or {}),
                **_projection(st, request),
            )
            .execution_options(synchronize_session=False),
        )
        if done.rowcount != 1:
            raise _conflict(request.case_no, None)
        s.expire(w.row)

    def recompute(
        self,
        body_id: str | None = None,
        actor: str = "system",
        *,
        calendar: WorkCalendar | None = None,
        session: Session | None = None,
        closed: bool = False,
    ) -> list[Moved]:
        """Re-derive every open request's projection (after a calendar change; `closed`: every request, after
        a schema upgrade); returns the due dates that moved. A request the calendar cannot judge keeps what
        is stored."""
        moved: list[Moved] = []
        with self._tx(session) as s:
            q = select(RequestRow)
            if not closed:
                q = q.where(RequestRow.closed_on.is_(None), RequestRow.deleted_at.is_(None))
            if body_id:
                q = q.where(RequestRow.body_id == body_id)
            for row in s.scalars(q).all():
                logq = select(EventRow).where(EventRow.request_id == row.id).order_by(EventRow.seq)
                events = [_logged(e).event for e in s.scalars(logq) if e.voided_at is None]
                try:
                    st = self._state(request_of(row), events, calendar)
                except RegisterError:
                    continue
                proj = _projection(st, request_of(row))
                if any(getattr(row, k) != v for k, v in proj.items()):
                    if row.due_on != proj["due_on"]:
                        moved.append(Moved(row.body_id, row.case_no, row.due_on, proj["due_on"]))
                    for k, v in proj.items():
                        setattr(row, k, v)
        return moved


# ---------------------------------------------------------------------------------------- mapping


def _reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise StoreError(f"{what}须说明理由")
    if len(text) > 500:
        raise StoreError(f"{what}的理由过长（{len(text)}字，最多500字）")
    return text


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
        "wait_until": st.wait_until,
        "closed_on": st.closed_on,
        "outcome": st.outcome,
        "answer_kind": st.answer_kind.value if st.answer_kind else None,
        "late": st.late,
        "provisional": st.provisional and not st.closed,
    }


def _request_columns(r: Request) -> dict:
    out = {f.name: getattr(r, f.name) for f in fields(Request)}
    out["channel"] = r.channel.value if r.channel else None
    out["id_type"] = r.id_type.value if r.id_type else None
    return out


def request_of(row: RequestRow) -> Request:
    values = {f.name: getattr(row, f.name) for f in fields(Request)}
    values["channel"] = Channel(row.channel) if row.channel else None
    values["id_type"] = IdType(row.id_type) if row.id_type else None
    values = {
        k: ("" if v is None and isinstance(getattr(Request, k, None), str) else v) for k, v in values.items()
    }
    return Request(**values)


def _seeded_state(request: Request, events: list[Event], cal: WorkCalendar) -> RequestState:
    """A carried-over placeholder has no real receipt date, so the clock cannot judge it (a consultation
    in March would look late against 12-31): the workflow is replayed as if it arrived on the day of its
    first event, and its projection carries no due date."""
    later = [e for e in events if e.type is not EventType.RECEIVED]
    first = later[0].date if later else request.received_on
    st = derive(first, later, cal, case_no=request.case_no)
    st.received_on = request.received_on
    st.late = False
    st.findings = [f for f in st.findings if f.rule != "register.late_answer"]
    return st


def _fill_amounts(log: list[Event]) -> list[Event]:
    """A fee_paid without an amount paid what was notified: store the amount for section 六 sums."""
    out, notified = [], None
    for e in log:
        if isinstance(e, FeeNotified):
            notified = e.amount
        if isinstance(e, FeePaid) and e.amount is None and notified is not None:
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
        amount=getattr(ev, "amount", None),
        data=data,
        recorded_at=at,
        recorded_by=actor,
    )


def _logged(row: EventRow) -> LoggedEvent:
    ev = Event.from_dict({"type": row.type, "date": row.event_on, "amount": row.amount, **(row.data or {})})
    return LoggedEvent(
        row.seq, ev, row.recorded_at, row.recorded_by, row.voided_at, row.voided_by, row.void_reason
    )
