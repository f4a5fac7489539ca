"""Requests: register, record events, correct, void, remove, read, and the work lists.

Each operation takes the acting user, checks the permission, validates what the register must refuse
(dates in the future or before receipt, an extension without its approver, a fee that contradicts the
computed one …), runs in one transaction in the store and returns domain objects. Errors are the
`gongkai.errors` family, each one Chinese line.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.errors import InputError
from gongkai.register.events import (
    Answered,
    ConsultationReplied,
    ConsultationSent,
    CorrectionReceived,
    CorrectionRequested,
    Deferred,
    Event,
    ExplanationRequested,
    Extended,
    FeeNotified,
)
from gongkai.register.fees import fee_by_pages, fee_for_nth_request
from gongkai.register.request import Request
from gongkai.register.types import EVENT_LABELS, Channel, EventType, FeeMethod, State
from gongkai.register.vocab import APPLICANTS, APPLICATION_ELEMENTS, OUTCOME_ROWS, STATES
from gongkai.register.workflow import TRANSITIONS
from gongkai.service.base import Service
from gongkai.store import RequestQuery, StoredRequest
from gongkai.store.models import RequestRow

#: Request fields that identify or reach the applicant: shown to the body's own staff only.
PERSONAL = ("applicant_name", "applicant_contact", "id_type", "id_number", "address", "postcode", "email")
MAX_CORRECTION_DAYS = 60  # working days a 补正 period may reasonably give
ONLINE_APPLICANT = "网上申请"  # who registered an online application (the applicant, through the portal)
ONLINE_APPLICANT_CORRECTION = "申请人（网上补正）"


@dataclass(frozen=True)
class RequestView:
    """A request as one user may see it: personal data left out for those who may not see it."""

    stored: StoredRequest
    personal: bool

    def __getattr__(self, name):  # case_no … come from the stored request
        return getattr(self.stored, name)

    @property
    def case_no(self) -> str:
        return self.stored.request.case_no

    @property
    def allowed(self) -> tuple[EventType, ...]:
        """What may be recorded next (the forms the web offers)."""
        st = self.stored.state
        if st.closed or self.stored.removed:
            return ()
        return tuple(TRANSITIONS[st.state])


@dataclass(frozen=True)
class Summary:
    """One line of a work list."""

    case_no: str
    applicant_type: str
    received_on: date
    content: str
    state: str
    due_on: date | None
    wait_until: date | None
    closed_on: date | None
    outcome: str | None
    late: bool
    provisional: bool
    removed: bool

    @property
    def labels(self) -> dict[str, str]:
        return {
            "applicant_type": APPLICANTS.label(self.applicant_type),
            "state": STATES.label(self.state),
            "outcome": OUTCOME_ROWS.label(self.outcome) if self.outcome else "",
        }

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for k in ("received_on", "due_on", "wait_until", "closed_on"):
            out[k] = out[k].isoformat() if out[k] else None
        return {**out, **{f"{k}_label": v for k, v in self.labels.items()}}


@dataclass(frozen=True)
class Page:
    items: list[Summary]
    total: int
    limit: int
    offset: int


class RequestService(Service):
    # ------------------------------------------------------------------ reading
    def get(self, actor: Actor, body_id: str, case_no: str, *, removed: bool = False) -> RequestView:
        self.require_read(actor, body_id)
        return self._view(actor, body_id, self.store.get(body_id, case_no, removed=removed))

    def _view(self, actor: Actor, body_id: str, stored: StoredRequest) -> RequestView:
        personal = can.can_see_personal_data(actor, body_id)
        if not personal:
            blank = {k: None if k == "id_type" else "" for k in PERSONAL}
            stored = replace(stored, request=replace(stored.request, **blank))
        return RequestView(stored, personal)

    def list(self, actor: Actor, body_id: str, query: RequestQuery | None = None) -> Page:
        self.require_read(actor, body_id)
        query = query or RequestQuery()
        rows, total = self.store.search(body_id, query)
        return Page([_summary(r) for r in rows], total, query.limit, query.offset)

    def due_within(self, actor: Actor, body_id: str, days: int, **kw) -> Page:
        """Open requests due within `days` working days from today (overdue ones included)."""
        if not 0 <= days <= 60:
            raise InputError(f"工作日数{days}无效，应在0至60之间", code="input.days", field="days")
        by = self.store.calendar().add_workdays(self.today(), days)
        return self.list(actor, body_id, RequestQuery(due_by=by, order="due", **kw))

    def overdue(self, actor: Actor, body_id: str, as_of: date | None = None, **kw) -> Page:
        return self.list(actor, body_id, RequestQuery(overdue_on=as_of or self.today(), order="due", **kw))

    def waiting_past(self, actor: Actor, body_id: str, as_of: date | None = None, **kw) -> Page:
        """Waiting for the applicant (补正, 缴费, 说明理由) past the period given: to be closed as 三（六）1
        or 2 (or 不予处理), not carried into the next year."""
        return self.list(actor, body_id, RequestQuery(waiting_past=as_of or self.today(), order="due", **kw))

    def late_answers(self, actor: Actor, body_id: str, year: int | None = None, **kw) -> Page:
        q = RequestQuery(late=True, order="closed", **kw)
        if year is not None:
            year = self.check_year(year)
            q = replace(q, closed_from=date(year, 1, 1), closed_to=date(year, 12, 31))
        return self.list(actor, body_id, q)

    def history(self, actor: Actor, body_id: str, case_no: str):
        self.require_read(actor, body_id)
        self.store.get(body_id, case_no, removed=True)
        return self.store.history(body_id, case_no)

    # ------------------------------------------------------------------ writing
    def register(self, actor: Actor, body_id: str, request: Request) -> RequestView:
        """Register a request received by the body."""
        self.require_write(actor, body_id)
        for name in ("submitted_on", "signed_for_on", "confirmed_on", "received_on"):
            d = getattr(request, name)
            if d is not None:
                self.check_day(d, _DAY_NAMES[name])
        stored = self.store.add_request(body_id, request, actor.name)
        return self._view(actor, body_id, stored)

    def record(
        self, actor: Actor, body_id: str, case_no: str, event: Event, expected_version: int | None = None
    ) -> RequestView:
        """Record one event of the request's log, checked as the register requires."""
        self.require_write(actor, body_id)
        current = self.store.get(body_id, case_no)
        version = current.version if expected_version is None else expected_version
        self.check_day(
            event.date,
            f"“{event.label}”的日期",
            earliest=current.request.received_on,
            earliest_what="收到日期",
        )
        event = self._complete(actor, body_id, current, event)
        return self._view(actor, body_id, self.store.append(body_id, case_no, event, version, actor.name))

    def _complete(self, actor: Actor, body_id: str, current: StoredRequest, ev: Event) -> Event:
        """The register's own requirements on an event, beyond what the workflow checks; fills what the
        register knows (the elements a 补正 asks for)."""
        who = f"申请{current.request.case_no}：{ev.label}："
        for name in ("served", "notified"):
            d = getattr(ev, name, None)
            if d is not None:
                self.check_day(
                    d,
                    f"{who}{'送达日期' if name == 'served' else '告知日期'}",
                    earliest=ev.date,
                    earliest_what="发出日期",
                )
        if isinstance(ev, CorrectionRequested):
            if not ev.days or ev.days > MAX_CORRECTION_DAYS:
                raise InputError(
                    f"{who}须填写补正期限（1至{MAX_CORRECTION_DAYS}个工作日）",
                    code="register.field",
                    field="days",
                )
            if not ev.missing:
                missing = current.missing
                if not missing:
                    raise InputError(
                        f"{who}须写明需要补正的内容（可选：{APPLICATION_ELEMENTS.describe()}）",
                        code="register.field",
                        field="missing",
                    )
                ev = replace(ev, missing=missing)
        elif isinstance(ev, ConsultationSent) and ev.party is None:
            raise InputError(
                f"{who}须写明征求意见对象：第三方或其他机关", code="register.field", field="party"
            )
        elif isinstance(ev, Extended):
            if not ev.approved_by:
                raise InputError(
                    f"{who}须写明批准人（第三十三条第二款：经政府信息公开工作机构负责人同意）",
                    code="register.field",
                    field="approved_by",
                )
            if ev.notified is None:
                raise InputError(
                    f"{who}须写明告知申请人的日期（延期答复告知书发出之日）",
                    code="register.field",
                    field="notified",
                )
            if not ev.reason:
                raise InputError(
                    f"{who}须写明延期理由（延期答复告知书中告知申请人）",
                    code="register.field",
                    field="reason",
                )
        elif isinstance(ev, ExplanationRequested) and not ev.days:
            raise InputError(f"{who}须写明说明理由的期限（工作日）", code="register.field", field="days")
        elif isinstance(ev, Deferred) and not (ev.until and ev.approved_by):
            raise InputError(f"{who}须写明延迟答复的期限和批准人", code="register.field", field="until")
        elif isinstance(ev, FeeNotified):
            ev = self._fee(current, ev, who)
        elif isinstance(ev, Answered) and not (ev.outcome or ev.kind):
            raise InputError(f"{who}须写明答复类型或办理结果", code="register.field", field="kind")
        elif isinstance(ev, ConsultationReplied) and ev.party_name is None and ev.party is None:
            pass  # the earliest open letter: unambiguous when one is open, and the workflow says so otherwise
        return ev

    def _fee(self, current: StoredRequest, ev: FeeNotified, who: str) -> FeeNotified:
        """109号: one method, the amount the method gives unless a reason is recorded, never a free notice."""
        if ev.method is None:
            raise InputError(
                f"{who}须写明收费方式：按件计收或按量计收", code="register.field", field="method"
            )
        if ev.method is FeeMethod.PAGES:
            if ev.pages is None:
                raise InputError(f"{who}按量计收须写明页数", code="register.field", field="pages")
            expected, basis = fee_by_pages(ev.pages), f"按量计收{ev.pages}页"
        else:
            if ev.pages is not None:
                raise InputError(
                    f"{who}按件计收不填页数（一件申请只能采用一种计收方式）",
                    code="register.field",
                    field="pages",
                )
            ordinal, _ = self.store.fee_for(current.body_id, current.request.case_no, "count")
            if ev.ordinal is not None and ev.ordinal != ordinal:
                raise InputError(
                    f"{who}该申请人当月为第{ordinal}件申请，不是第{ev.ordinal}件",
                    code="register.field",
                    field="ordinal",
                )
            ev = replace(ev, ordinal=ordinal)
            expected, basis = fee_for_nth_request(ordinal), f"按件计收（该申请人当月第{ordinal}件）"
        if expected == 0 and not ev.reason:
            raise InputError(f"{who}{basis}免收费用，不应发出收费通知", code="register.field", field="amount")
        amount = expected if ev.amount is None else ev.amount
        if amount != expected and not ev.reason:
            raise InputError(
                f"{who}{basis}应收{expected}元，与通知金额{amount}元不符；如确有理由请填写理由",
                code="register.field",
                field="amount",
            )
        return replace(ev, amount=amount)

    def correct(
        self,
        actor: Actor,
        body_id: str,
        case_no: str,
        reason: str,
        expected_version: int | None = None,
        **changes,
    ) -> RequestView:
        """Correct a request's details (the receipt included); the old values stay in the audit log."""
        self.require_write(actor, body_id)
        current = self.store.get(body_id, case_no)
        probe = replace(current.request, **changes)  # validates the new values, naming the field
        for name in ("submitted_on", "signed_for_on", "confirmed_on", "received_on"):
            if name in changes and getattr(probe, name) is not None:
                self.check_day(getattr(probe, name), _DAY_NAMES[name])
        version = current.version if expected_version is None else expected_version
        return self._view(
            actor,
            body_id,
            self.store.update_request(body_id, case_no, version, actor.name, reason, **changes),
        )

    def void(
        self,
        actor: Actor,
        body_id: str,
        case_no: str,
        seq: int,
        reason: str,
        expected_version: int | None = None,
    ) -> RequestView:
        self.require_write(actor, body_id)
        version = self.store.get(body_id, case_no).version if expected_version is None else expected_version
        return self._view(
            actor, body_id, self.store.void_event(body_id, case_no, seq, version, actor.name, reason)
        )

    def remove(
        self, actor: Actor, body_id: str, case_no: str, reason: str, expected_version: int | None = None
    ) -> None:
        """A request registered by mistake: kept, struck out of every count and list."""
        self.require_write(actor, body_id)
        version = self.store.get(body_id, case_no).version if expected_version is None else expected_version
        self.store.delete_request(body_id, case_no, version, actor.name, reason)

    # ------------------------------------------------------------------ received online (the portal)
    def receive_online(self, body_id: str, request: Request, *, session=None) -> StoredRequest:
        """An application an applicant submitted online: registered at once, awaiting the office's
        confirmation (its date of receipt is the submission date until then). Anyone may apply, so no
        permission is asked; the portal passes its transaction so its own record commits with this one."""
        if request.channel is not Channel.ONLINE or request.confirmed_on is not None:
            raise InputError("网上申请须为互联网渠道、尚未确认", code="register.field", field="channel")
        self.check_day(request.submitted_on or request.received_on, "提交日期")
        return self.store.add_request(body_id, request, ONLINE_APPLICANT, session=session)

    def confirm_online(
        self, actor: Actor, body_id: str, case_no: str, on: date, expected_version: int | None = None
    ) -> RequestView:
        """The office confirms an online application with the applicant: that day is the date of receipt
        (第三十一条: 双方确认之日), and the due date runs from it."""
        self.require_write(actor, body_id)
        current = self.store.get(body_id, case_no).request
        if current.channel is not Channel.ONLINE:
            raise InputError(
                f"申请{case_no}不是网上提交的申请，无需确认", code="register.field", field="channel"
            )
        if current.confirmed_on is not None:
            raise InputError(
                f"申请{case_no}已于{current.confirmed_on}确认收到",
                code="register.field",
                field="confirmed_on",
            )
        self.check_day(on, "确认日期", earliest=current.submitted_on, earliest_what="提交日期")
        return self.correct(
            actor,
            body_id,
            case_no,
            "网上申请经双方确认收到（第三十一条）",
            expected_version,
            confirmed_on=on,
            received_on=on,
        )

    def record_from_applicant(self, body_id: str, case_no: str, ev: Event, *, session=None) -> StoredRequest:
        """What an online applicant does themselves, recorded in the register under their name: the
        correction a 补正告知书 asked for."""
        if not isinstance(ev, CorrectionReceived):
            raise InputError("申请人在网上只能提交补正", code="register.field", field="type")
        current = self.store.get(body_id, case_no)
        self.check_day(ev.date, "补正日期", earliest=current.request.received_on, earliest_what="收到日期")
        return self.store.append(
            body_id, case_no, ev, current.version, ONLINE_APPLICANT_CORRECTION, session=session
        )

    def fee_quote(self, actor: Actor, body_id: str, case_no: str, method: str, pages: int | None = None):
        """The fee 109号 gives this request: (ordinal in the applicant's month or 0, amount)."""
        self.require_read(actor, body_id)
        return self.store.fee_for(body_id, case_no, method, pages=pages)


_DAY_NAMES = {
    "submitted_on": "提交日期",
    "signed_for_on": "签收日期",
    "confirmed_on": "确认日期",
    "received_on": "收到日期",
}


def _summary(r: RequestRow) -> Summary:
    return Summary(
        r.case_no,
        r.applicant_type,
        r.received_on,
        r.content or "",
        r.state,
        r.due_on,
        r.wait_until,
        r.closed_on,
        r.outcome,
        bool(r.late),
        bool(r.provisional),
        r.deleted_at is not None,
    )


def event_choices(state: State) -> list[tuple[str, str]]:
    return [(t.value, EVENT_LABELS[t]) for t in TRANSITIONS.get(state, {})]
