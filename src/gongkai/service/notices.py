"""The standard documents of a request, filled from the register and the body's profile.

Each document rests on what the log records: the 补正告知书 on the 补正 event (its items and period), a
征求意见函 on its letter, the 延期答复告知书 on the extension, the 收费通知书 on the fee notice, the 答复书
on the answer, the closing notices on the lapse. What the log cannot know (how the information is
provided, where a fee is paid) the caller adds. Each issue takes the body's next document number and
leaves a line in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.access import Actor
from gongkai.dates import parse_date
from gongkai.errors import InputError
from gongkai.register.answers import rows_of
from gongkai.register.events import (
    Abandoned,
    Answered,
    ConsultationSent,
    CorrectionReceived,
    CorrectionRequested,
    Event,
    ExplanationRequested,
    Extended,
    FeeNotified,
    FeeUnpaid,
)
from gongkai.register.types import Party
from gongkai.register.vocab import ANSWER_KINDS
from gongkai.register.workflow import RequestState, derive
from gongkai.service.base import Service
from gongkai.store import StoredRequest
from gongkai.store.org import profile_of
from gongkai.write.notices import (
    AnswerDetails,
    ConsultationDetails,
    CorrectionDetails,
    ExtensionDetails,
    FeeDetails,
    LapseDetails,
    Notice,
    NoticeBody,
    NoticeKind,
    NoticeParty,
    NoticeRequest,
    ReceiptDetails,
    render_notice,
)
from gongkai.write.notices.kinds import KIND_LABELS


@dataclass(frozen=True)
class Issued:
    kind: NoticeKind
    doc_no: str
    filename: str
    docx: bytes


class NoticeService(Service):
    def issue(
        self,
        actor: Actor,
        body_id: str,
        case_no: str,
        kind: NoticeKind | str,
        *,
        issued_on: date | None = None,
        party_name: str | None = None,
        **extra: str,
    ) -> Issued:
        """The document of `kind` for the request, numbered and audited. `extra` carries what the log does
        not hold: provision, explanation, withheld_part, responsible_body, responsible_contact (答复书),
        payment (收费通知书), concern (征求意见函), guidance (补正告知书)."""
        self.require_write(actor, body_id)
        kind = _kind(kind)
        stored = self.store.get(body_id, case_no)
        source = _source(kind, stored, party_name)
        when = issued_on or (source.date if source else stored.request.received_on)
        self.check_day(
            when,
            f"{KIND_LABELS[kind]}的成文日期",
            earliest=stored.request.received_on,
            earliest_what="收到日期",
        )
        body = self.store.body(body_id)
        moment = _Moment.of(stored, source, self.store.calendar())
        details = _details(kind, stored, source, extra, moment)
        with self.store.unit() as s:
            number = self.store.next_doc_number(body_id, when.year, session=s)
            notice = Notice(
                NoticeBody(body.name, profile_of(body)),
                _request(stored, moment),
                number,
                when,
                applicant=_applicant(stored),
                details=details,
            )
            docx = render_notice(kind, notice)  # checks everything before the number is kept
            doc_no = f"{body.doc_prefix}〔{when.year}〕{number}号"
            self.store.audit(
                s,
                "notices",
                f"{body_id}/{case_no}",
                "issue",
                actor.name,
                after={"kind": kind, "doc_no": doc_no},
            )
        return Issued(kind, doc_no, f"{case_no}-{KIND_LABELS[kind]}.docx".replace("/", "-"), docx)


def _kind(kind) -> NoticeKind:
    for k, label in KIND_LABELS.items():
        if kind in (k, k.value, label):
            return k
    valid = "、".join(f"{label}（{k.value}）" for k, label in KIND_LABELS.items())
    raise InputError(f"文书类型“{kind}”无效，应为：{valid}", code="input.choice", field="kind")


_SOURCES: dict[NoticeKind, tuple[type[Event], ...]] = {
    NoticeKind.CORRECTION: (CorrectionRequested,),
    NoticeKind.CONSULT_THIRD_PARTY: (ConsultationSent,),
    NoticeKind.CONSULT_BODY: (ConsultationSent,),
    NoticeKind.EXTENSION: (Extended,),
    NoticeKind.FEE: (FeeNotified,),
    NoticeKind.ANSWER: (Answered,),
    NoticeKind.NO_CORRECTION: (Abandoned, Answered),
    NoticeKind.FEE_UNPAID: (FeeUnpaid, Answered),
}


def _source(kind: NoticeKind, stored: StoredRequest, party_name: str | None) -> Event | None:
    """The event a document rests on: the latest of its kind in force (a 征求意见函: the letter to the
    named party, or of the party kind the document is for)."""
    types = _SOURCES.get(kind)
    if types is None:
        return None
    found = [e for e in stored.events if isinstance(e, types)]
    if kind in (NoticeKind.CONSULT_THIRD_PARTY, NoticeKind.CONSULT_BODY):
        want = Party.THIRD_PARTY if kind is NoticeKind.CONSULT_THIRD_PARTY else Party.BODY
        found = [e for e in found if e.party is want and (party_name is None or e.party_name == party_name)]
    if kind is NoticeKind.NO_CORRECTION:
        found = [e for e in found if not isinstance(e, Answered) or e.outcome == "other.no_correction"]
    if kind is NoticeKind.FEE_UNPAID:
        found = [e for e in found if not isinstance(e, Answered) or e.outcome == "other.fee_unpaid"]
    if not found:
        raise InputError(
            f"申请{stored.request.case_no}：登记簿中没有可据以制作{KIND_LABELS[kind]}的事件，请先登记相应事件",
            code="notice.missing",
        )
    return found[-1]


@dataclass(frozen=True)
class _Moment:
    """The request as it stood when the document's event happened: just before it, and with it."""

    before: RequestState
    at: RequestState

    @classmethod
    def of(cls, stored: StoredRequest, source: Event | None, cal) -> _Moment:
        events = stored.events
        i = events.index(source) if source is not None else 0
        received = stored.request.received_on
        return cls(derive(received, events[:i], cal), derive(received, events[: i + 1], cal))


def _request(stored: StoredRequest, moment: _Moment) -> NoticeRequest:
    q = stored.request
    return NoticeRequest(
        q.case_no, q.received_on, q.content, channel=q.channel, due_on=moment.before.due or moment.at.due
    )


def _applicant(stored: StoredRequest) -> NoticeParty | None:
    q = stored.request
    if not q.applicant_name:
        return None
    return NoticeParty(q.applicant_name, organisation=q.applicant_type != "natural_person")


def _details(kind: NoticeKind, stored: StoredRequest, ev: Event | None, extra: dict, moment: _Moment):
    st, events = moment.at, stored.events
    if kind is NoticeKind.RECEIPT:
        return ReceiptDetails(submitted_on=stored.request.submitted_on)
    if isinstance(ev, CorrectionRequested):
        deadline = st.wait_until if stored.state.state.value == "awaiting_correction" else None
        return CorrectionDetails(
            ev.missing, period_days=ev.days, deadline=deadline, guidance=extra.get("guidance", "")
        )
    if isinstance(ev, ConsultationSent):
        return ConsultationDetails(
            NoticeParty(ev.party_name or extra.get("party", "") or "", organisation=True),
            concern=extra.get("concern", ""),
        )
    if isinstance(ev, Extended):
        return ExtensionDetails(
            ev.days, st.due or st.deferred_to, ev.reason or extra.get("reason", ""), ev.approved_by or ""
        )
    if isinstance(ev, FeeNotified):
        return FeeDetails(
            ev.method,
            ev.amount,
            extra.get("payment", ""),
            ordinal=ev.ordinal,
            pages=ev.pages,
            adjustment=ev.reason or "",
        )
    if kind in (NoticeKind.NO_CORRECTION, NoticeKind.FEE_UNPAID):
        notice_type = CorrectionRequested if kind is NoticeKind.NO_CORRECTION else FeeNotified
        sent = [e for e in events if isinstance(e, notice_type)][-1]
        amount = sent.amount if isinstance(sent, FeeNotified) else None
        return LapseDetails(sent.date, moment.before.wait_until, amount=amount)
    if isinstance(ev, Answered):
        return _answer(stored, ev, extra)
    raise InputError(f"无法制作{KIND_LABELS[kind]}", code="notice.invalid")


def _answer(stored: StoredRequest, ev: Answered, extra: dict) -> AnswerDetails:
    kind = ev.kind
    if kind is None:
        kinds = [k for k in ANSWER_KINDS.codes if ev.outcome in rows_of(k)]
        if not kinds:
            raise InputError(f"办理结果{ev.outcome}没有对应的答复书", code="notice.invalid")
        kind = kinds[0]
    corrected = next((e.date for e in stored.events if isinstance(e, CorrectionReceived)), None)
    asked = next((e.date for e in stored.events if isinstance(e, ExplanationRequested)), None)
    reason = ev.outcome if ev.outcome and ev.outcome.startswith("withheld.") else extra.get("reason", "")
    return AnswerDetails(
        kind,
        reason=reason,
        explanation=extra.get("explanation", ""),
        provision=extra.get("provision", ""),
        withheld_part=extra.get("withheld_part", ""),
        responsible_body=extra.get("responsible_body", ""),
        responsible_contact=extra.get("responsible_contact", ""),
        corrected_on=corrected,
        asked_on=asked,
        previous_answered_on=parse_date(extra["previous_answered_on"], "前次答复日期")
        if extra.get("previous_answered_on")
        else None,
        previous_doc_no=extra.get("previous_doc_no", ""),
    )
