"""The public portal: what anyone may read (指南, 制度, the published catalogue), what an applicant does
online (apply, follow the application, answer a 补正, download the answer, rate it), and what the office
and the supervisor do with it (confirm applications, edit the 指南, deliver documents, read ratings, purge
identity documents).

Public operations take no actor: they never return an applicant's personal data. An applicant is
recognised by the tracking code and the last four digits of the telephone; anything else is refused
with the same message, so a guess learns nothing. Register writes go through `RequestService`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.errors import ConflictError, InputError, NotFoundError
from gongkai.model import Report
from gongkai.portal import codes, documents
from gongkai.portal.application import OnlineApplication
from gongkai.portal.guide import Guide, default_guide, default_rules
from gongkai.portal.ratings import RATING_LABELS, RatingSummary, check_comment, parse_rating
from gongkai.register.events import (
    Answered,
    CorrectionReceived,
    CorrectionRequested,
    Event,
    Extended,
    FeeNotified,
    FeePaid,
)
from gongkai.register.types import STATE_LABELS, State
from gongkai.register.vocab import APPLICATION_ELEMENTS, OUTCOME_ROWS
from gongkai.service.base import Service
from gongkai.service.notices import NoticeService
from gongkai.service.notices import _kind as notice_kind
from gongkai.service.requests import RequestService, Summary
from gongkai.service.requests import _summary as summary_of
from gongkai.store.base import now
from gongkai.store.models import PublicationRow
from gongkai.store.org import profile_of
from gongkai.store.portal_models import OnlineApplicationRow
from gongkai.write.notices import NoticeKind
from gongkai.write.notices.kinds import KIND_LABELS

RETENTION_ENV = "GONGKAI_ID_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 180  # identity documents kept this long after the case closes
MAX_CORRECTION_TEXT = 5000
NOT_FOUND = "查询码或电话号码后四位不正确"


@dataclass(frozen=True)
class GuideView:
    body_id: str
    body_name: str
    guide: Guide
    rules: str
    version: int  # 0: generated from the body's profile, never saved


@dataclass(frozen=True)
class Receipt:
    """What the applicant is shown once after applying: the code is not stored and cannot be shown again."""

    code: str
    case_no: str
    body_name: str
    submitted_on: date


@dataclass(frozen=True)
class NoticeLine:
    """A notice the office sent, as the applicant's tracking page lists it."""

    kind: str  # 补正告知书, 延期答复告知书, 收费通知书, 答复书
    date: date
    text: str


@dataclass(frozen=True)
class Download:
    id: int
    kind: str
    doc_no: str
    filename: str
    issued_on: date


@dataclass(frozen=True)
class Tracking:
    """One application as its applicant follows it: no personal data beyond what they wrote."""

    case_no: str
    body_id: str
    body_name: str
    content: str
    submitted_on: date
    confirmed_on: date | None
    state: str
    state_label: str
    due_on: date | None
    wait_until: date | None
    closed_on: date | None
    outcome_label: str
    notices: list[NoticeLine]
    downloads: list[Download]
    corrections: list[tuple[date, str]]
    fee_due: str  # the amount of a fee notified and not yet paid ('' when none)
    payment: str  # how to pay (the 指南's fees text)
    rating: str  # the applicant's rating ('' before rating)

    @property
    def awaiting_correction(self) -> bool:
        return self.state == State.AWAITING_CORRECTION.value

    @property
    def may_rate(self) -> bool:
        return self.state == State.ANSWERED.value and not self.rating


@dataclass(frozen=True)
class RatingLine:
    case_no: str
    rating: str
    comment: str
    rated_on: date


class PortalService(Service):
    def __init__(self, store, *, today, data_dir: str | Path | None = None):
        super().__init__(store, today=today)
        self.data_dir = documents.data_dir(data_dir)
        self.requests = RequestService(store, today=today)
        self.notices = NoticeService(store, today=today)

    # ------------------------------------------------------------------ 指南 and 制度 (public)
    def guide(self, body_id: str, online: str = "") -> GuideView:
        """The body's guide and rules, or the ones generated from its profile when it has saved none."""
        body = self.store.body(body_id)
        row = self.store.guide_row(body_id)
        if row is None:
            guide = default_guide(body.name, profile_of(body), online)
            return GuideView(body_id, body.name, guide, default_rules(body.name), 0)
        return GuideView(body_id, body.name, Guide.from_dict(row.fields), row.rules, row.version)

    def save_guide(
        self,
        actor: Actor,
        body_id: str,
        guide: Guide,
        rules: str,
        expected_version: int | None = None,
    ) -> GuideView:
        """The body's administrator or reviewer edits the guide and the rules."""
        self.store.body(body_id)
        self.require(can.can_edit_guide(actor, body_id), actor, f"编辑机关{body_id}的政府信息公开指南")
        rules = str(rules or "").strip()
        if not rules:
            raise InputError("政府信息公开制度不能为空", code="portal.guide", field="rules")
        if len(rules) > 50_000:
            raise InputError("政府信息公开制度过长（最多50000字）", code="portal.guide", field="rules")
        self.store.save_guide(body_id, guide.to_dict(), rules, actor.name, expected_version)
        return self.guide(body_id)

    # ------------------------------------------------------------------ the catalogue (public)
    def catalogue(
        self,
        body_id: str | None = None,
        query: str = "",
        *,
        region_id: str | None = None,
        category: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[PublicationRow], int]:
        """Published entries of a body (or of a region's bodies, or all), matching `query` when given."""
        body_ids = None
        if body_id:
            body_ids = [self.store.body(body_id).id]
        elif region_id:
            body_ids = [b.id for b in self.store.bodies(self.store.region_tree(region_id))]
        if not 0 <= offset <= 100_000:
            raise InputError("页码无效", code="input.page", field="offset")
        return self.store.published(
            body_ids=body_ids, query=query, category=category, limit=limit, offset=offset
        )

    def entry(self, body_id: str, pub_id: int) -> PublicationRow:
        row = self.store.publication(body_id, pub_id)
        if row.status != "published":
            raise NotFoundError(f"主动公开信息{pub_id}不存在或尚未发布")
        return row

    # ------------------------------------------------------------------ annual reports (public)
    def reports(self, body_id: str) -> list[tuple[int, date]]:
        """The years of the body's published annual reports and the day each was published."""
        self.store.body(body_id)
        return self.store.published_reports(body_id)

    def report(self, body_id: str, year: int) -> Report:
        """A published annual report as it was published (never a draft)."""
        self.store.body(body_id)
        record = self.store.report_record(body_id, year)
        snapshot = self.store.report_snapshot(body_id, year)
        if record is None or record.published_on is None or not snapshot:
            raise NotFoundError(f"{year}年度报告尚未公开", code="portal.report")
        return Report.from_dict(snapshot)

    # ------------------------------------------------------------------ applying (public)
    def apply(self, body_id: str, form: dict, upload: bytes | None = None, filename: str = "") -> Receipt:
        """An online application: checked, its identity document kept, registered in the body's register
        as received online (awaiting confirmation); the tracking code is returned once."""
        body = self.store.body(body_id)
        application = OnlineApplication.parse(form)
        if not upload:
            raise InputError(
                "请上传身份证明（居民身份证、营业执照等的扫描件或照片，PDF、JPG或PNG）",
                code="portal.upload",
                field="id_document",
            )
        checked = documents.check_upload(upload, filename)
        today = self.today()
        code = codes.new_code()
        stored_name = documents.save(self.data_dir, checked)
        try:
            with self.store.unit() as s:
                row = self.store.add_online_application(
                    body_id,
                    today.year,
                    codes.digest(code),
                    application.phone_tail,
                    (stored_name, checked.mime),
                    session=s,
                )
                self.requests.receive_online(body_id, application.to_request(row.case_no, today), session=s)
                case_no = row.case_no
        except BaseException:
            documents.delete(self.data_dir, stored_name)
            raise
        return Receipt(code, case_no, body.name, today)

    # ------------------------------------------------------------------ following it (the applicant)
    def _application(self, code: str, phone: str) -> OnlineApplicationRow:
        row = self.store.application_by_digest(codes.digest(code)) if str(code).strip() else None
        if row is None or not codes.same_tail(row.phone_tail, phone):
            raise NotFoundError(NOT_FOUND, code="portal.track")
        return row

    def track(self, code: str, phone: str) -> Tracking:
        app = self._application(code, phone)
        stored = self.store.get(app.body_id, app.case_no, removed=True)
        body = self.store.body(app.body_id)
        guide_row, rating, delivered, messages = self.store.tracking_extras(app)
        st, req = stored.state, stored.request
        fee_due = ""
        for ev in stored.events:
            if isinstance(ev, FeeNotified):
                fee_due = f"{ev.amount}元"
            elif isinstance(ev, FeePaid):
                fee_due = ""
        fees = (
            Guide.from_dict(guide_row.fields).fees
            if guide_row
            else default_guide(body.name, profile_of(body)).fees
        )
        return Tracking(
            case_no=app.case_no,
            body_id=app.body_id,
            body_name=body.name,
            content=req.content,
            submitted_on=req.submitted_on or req.received_on,
            confirmed_on=req.confirmed_on,
            state=st.state.value,
            state_label=STATE_LABELS[st.state] if req.confirmed_on else "已提交，待确认收到",
            due_on=st.due if req.confirmed_on else None,
            wait_until=st.wait_until,
            closed_on=st.closed_on,
            outcome_label=OUTCOME_ROWS.label(st.outcome) if st.outcome else "",
            notices=[line for ev in stored.events if (line := _notice_line(ev)) is not None],
            downloads=[Download(d.id, d.kind, d.doc_no, d.filename, d.issued_on) for d in delivered],
            corrections=[(m.sent_on, m.text) for m in messages if m.kind == "correction"],
            fee_due=fee_due if st.state is State.AWAITING_FEE else "",
            payment=fees,
            rating=RATING_LABELS[parse_rating(rating.rating)] if rating else "",
        )

    def answer_correction(
        self, code: str, phone: str, text: str, upload: bytes | None = None, filename: str = ""
    ) -> Tracking:
        """The applicant answers a 补正告知书 online: recorded in the register as the correction received
        (today), with what they wrote and, when given, a new identity document."""
        app = self._application(code, phone)
        text = str(text or "").strip()
        if not text:
            raise InputError("请填写补正的内容", code="portal.correction", field="text")
        if len(text) > MAX_CORRECTION_TEXT:
            raise InputError(
                f"补正内容过长（最多{MAX_CORRECTION_TEXT}字）", code="portal.correction", field="text"
            )
        stored = self.store.get(app.body_id, app.case_no)
        if stored.state.state is not State.AWAITING_CORRECTION:
            raise InputError(
                f"申请{app.case_no}当前为“{stored.state.label}”，不需要补正", code="portal.correction"
            )
        checked = documents.check_upload(upload, filename) if upload else None
        name = documents.save(self.data_dir, checked) if checked else None
        today = self.today()
        try:
            with self.store.unit() as s:
                self.store.add_message(app.id, "correction", text, name, today, session=s)
                self.requests.record_from_applicant(
                    app.body_id, app.case_no, CorrectionReceived(date=today), session=s
                )
        except BaseException:
            if name:
                documents.delete(self.data_dir, name)
            raise
        return self.track(code, phone)

    def download(self, code: str, phone: str, download_id: int) -> tuple[str, bytes]:
        app = self._application(code, phone)
        for d in self.store.delivered(app.id, with_bytes=True):
            if d.id == download_id:
                return d.filename, d.docx
        raise NotFoundError("没有这份文书", code="portal.download")

    def rate(self, code: str, phone: str, rating: str, comment: str = "") -> Tracking:
        """社会评议: once, after the answer."""
        app = self._application(code, phone)
        r, comment = parse_rating(rating), check_comment(comment)
        stored = self.store.get(app.body_id, app.case_no)
        if stored.state.state is not State.ANSWERED:
            raise InputError("答复作出后才能评价", code="portal.rating")
        if self.store.rating_of(app.id) is not None:
            raise ConflictError(f"申请{app.case_no}已经评价过，每件申请只能评价一次", code="portal.rating")
        self.store.add_rating(app, r.value, comment, self.today())
        return self.track(code, phone)

    # ------------------------------------------------------------------ the office
    def unconfirmed(self, actor: Actor, body_id: str) -> list[Summary]:
        """Applications made online that the office has not yet confirmed, oldest first."""
        self.require_read(actor, body_id)
        return [summary_of(r) for r in self.store.online_requests(body_id, confirmed=False)]

    def confirmed(self, actor: Actor, body_id: str, limit: int = 50) -> list[Summary]:
        """Applications made online and confirmed, newest first (to deliver documents to)."""
        self.require_read(actor, body_id)
        return [summary_of(r) for r in self.store.online_requests(body_id, confirmed=True, limit=limit)]

    def confirm(self, actor: Actor, body_id: str, case_no: str, on: date | None = None):
        self.store.application_of(body_id, case_no)  # only applications made through the portal
        return self.requests.confirm_online(actor, body_id, case_no, on or self.today())

    def identity_document(self, actor: Actor, body_id: str, case_no: str) -> tuple[str, bytes]:
        """The identity document, for the body's own staff (name shown, MIME type)."""
        self.store.body(body_id)
        self.require(can.can_see_personal_data(actor, body_id), actor, f"查看机关{body_id}申请人的身份证明")
        app = self.store.application_of(body_id, case_no)
        if not app.id_document or app.id_document_purged_at is not None:
            raise NotFoundError(f"申请{case_no}的身份证明已按期删除或未上传", code="portal.document")
        return app.id_document_type or "", documents.resolve(self.data_dir, app.id_document).read_bytes()

    def corrections(self, actor: Actor, body_id: str, case_no: str) -> list[tuple[date, str]]:
        self.require_read(actor, body_id)
        self.require(can.can_see_personal_data(actor, body_id), actor, f"查看机关{body_id}申请人的补正")
        app = self.store.application_of(body_id, case_no)
        return [(m.sent_on, m.text) for m in self.store.messages(app.id)]

    def deliver(self, actor: Actor, body_id: str, case_no: str, kind: NoticeKind | str, **extra) -> Download:
        """Issue a document of the request (numbered, from the register) and deliver it to the online
        applicant. The 答复书 only once its approval is released, with the text signed off."""
        app = self.store.application_of(body_id, case_no)
        issued_kind = notice_kind(kind)
        if issued_kind is NoticeKind.ANSWER:
            approval = self.store.released_answer(body_id, case_no)
            if approval is None:
                raise InputError(
                    f"申请{case_no}的答复尚未签发，不能送达答复书", code="portal.deliver", field="kind"
                )
            extra = {k: v for k, v in approval.payload.items() if k not in ("kind", "outcome") and v} | extra
        issued = self.notices.issue(actor, body_id, case_no, issued_kind, **extra)
        row = self.store.add_delivered(
            app.id,
            KIND_LABELS[issued_kind],
            issued.doc_no,
            issued.filename,
            issued.docx,
            self.today(),
            actor.name,
        )
        return Download(row.id, row.kind, row.doc_no, row.filename, row.issued_on)

    # ------------------------------------------------------------------ 社会评议
    def ratings(self, actor: Actor, body_id: str, year: int | None = None) -> list[RatingLine]:
        """The body's own ratings with comments: its staff only."""
        self.store.body(body_id)
        self.require(can.is_staff(actor, body_id), actor, f"查看机关{body_id}的评价")
        year = self.check_year(year) if year is not None else None
        return [
            RatingLine(case, RATING_LABELS[parse_rating(r.rating)], r.comment, r.rated_on)
            for r, case in self.store.ratings(body_id, year)
        ]

    def rating_summary(self, actor: Actor, body_id: str, year: int | None = None) -> RatingSummary:
        """Counts of a body's ratings (the body's staff and its supervisors)."""
        self.require_read(actor, body_id)
        return self._summaries([body_id], year)[0]

    def rating_summaries(self, actor: Actor, region_id: str, year: int | None = None) -> list[RatingSummary]:
        """Per body of a region: counts only, no comment and no case (the supervisor's view)."""
        self.require(
            can.can_supervise(actor, region_id, self.store.region_chain(region_id)),
            actor,
            f"查看地区{region_id}的评价汇总",
        )
        return self._summaries([b.id for b in self.store.bodies(self.store.region_tree(region_id))], year)

    def _summaries(self, body_ids: list[str], year: int | None) -> list[RatingSummary]:
        year = self.check_year(year) if year is not None else None
        counts = self.store.rating_counts(body_ids, year)
        names = {b.id: b.name for b in self.store.bodies() if b.id in counts}
        return [
            RatingSummary(
                b,
                names.get(b, b),
                year,
                counts[b].get("satisfied", 0),
                counts[b].get("mostly_satisfied", 0),
                counts[b].get("dissatisfied", 0),
            )
            for b in body_ids
        ]

    def report_sentence(self, actor: Actor, body_id: str, year: int) -> str:
        """The sentence about 社会评议 that section 一 of the year's annual report may quote."""
        return self.rating_summary(actor, body_id, year).sentence()

    # ------------------------------------------------------------------ identity documents
    def purge(self, actor: Actor, days: int | None = None, as_of: date | None = None) -> list[str]:
        """Delete the identity documents of cases closed more than `days` ago (GONGKAI_ID_RETENTION_DAYS,
        180 by default); returns the case numbers whose documents went."""
        self.require(can.can_administer(actor), actor, "删除到期的身份证明")
        days = retention_days() if days is None else days
        if not 0 <= days <= 3650:
            raise InputError(f"保留天数{days}无效，应在0至3650之间", code="input.days", field="days")
        cutoff = (as_of or self.today()) - timedelta(days=days)
        due = self.store.purgeable(cutoff)
        for app, _ in due:
            documents.delete(self.data_dir, app.id_document)
            for m in self.store.messages(app.id):
                if m.document:
                    documents.delete(self.data_dir, m.document)
        self.store.mark_purged([a.id for a, _ in due], now(), actor.name)
        return [f"{a.body_id}/{a.case_no}" for a, _ in due]


def retention_days() -> int:
    raw = os.environ.get(RETENTION_ENV, "")
    try:
        return int(raw) if raw.strip() else DEFAULT_RETENTION_DAYS
    except ValueError:
        raise InputError(f"{RETENTION_ENV}“{raw}”不是天数", code="input.days") from None


def _notice_line(ev: Event) -> NoticeLine | None:
    """The notices of 第三十条、第三十三条 and 109号 the office sent, as the applicant reads them."""
    if isinstance(ev, CorrectionRequested):
        items = "、".join(APPLICATION_ELEMENTS.label(m) for m in ev.missing) or "申请内容"
        return NoticeLine(
            KIND_LABELS[NoticeKind.CORRECTION], ev.date, f"需补正：{items}；补正期限{ev.days}个工作日"
        )
    if isinstance(ev, Extended):
        return NoticeLine(KIND_LABELS[NoticeKind.EXTENSION], ev.date, f"答复期限延长，理由：{ev.reason}")
    if isinstance(ev, FeeNotified):
        return NoticeLine(KIND_LABELS[NoticeKind.FEE], ev.date, f"信息处理费{ev.amount}元")
    if isinstance(ev, Answered):
        return NoticeLine(KIND_LABELS[NoticeKind.ANSWER], ev.date, OUTCOME_ROWS.label(ev.outcome))
    return None
