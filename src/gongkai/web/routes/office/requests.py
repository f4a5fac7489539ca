"""依申请公开: the list with filters, search and paging; registering; the detail page with the timeline,
the deadline explanation and the actions the state allows; answers through 拟稿 → 审核 → (保密审查) → 签发;
the standard documents as DOCX."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from urllib.parse import quote, urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gongkai.access import permissions as can
from gongkai.approval import STAGE_LABELS, STEP_LABELS, Step, steps_from
from gongkai.dates import parse_date
from gongkai.errors import GongkaiError, InputError
from gongkai.register import Request as Application
from gongkai.register import event as make_event
from gongkai.register.types import EVENT_LABELS, EventType
from gongkai.register.vocab import (
    ANSWER_KINDS,
    APPLICANTS,
    APPLICATION_ELEMENTS,
    CHANNELS,
    DELIVERIES,
    FEE_METHODS,
    FIELD_LABELS,
    ID_TYPES,
    MEDIA,
    OUTCOME_ROWS,
    PARTIES,
    STATES,
)
from gongkai.store import RequestQuery
from gongkai.web import nav
from gongkai.web.deps import OfficeDep
from gongkai.web.flash import flash
from gongkai.web.forms import Form, Posted, form_of
from gongkai.web.routes.office.event_forms import EVENT_FORMS, event_values, notices_for
from gongkai.web.templating import env, render

router = APIRouter()
env.filters["field_label"] = lambda name: FIELD_LABELS.get(name, name)
env.filters["event_value"] = lambda value, name: _event_value(value, name)
env.filters["outcome_short"] = lambda code: outcome_short(code)
nav.add("office", "依申请公开", "/office/{body_id}/requests", order=20)

PAGE = 25
VIEWS = {
    "due3": "3个工作日内到期",
    "due5": "5个工作日内到期",
    "overdue": "已超期未答复",
    "waiting": "等待申请人已过期限",
    "late": "本年逾期答复",
}
OUTCOME_GROUPS = [
    ("granted", "予以公开"),
    ("partially_granted", "部分公开"),
    ("withheld", "不予公开（全部）"),
    ("unavailable", "无法提供（全部）"),
    ("not_handled", "不予处理（全部）"),
    ("other", "其他处理（全部）"),
]
FILTERS = ("view", "state", "outcome", "channel", "applicant_type", "year", "q")


# ---------------------------------------------------------------------------------------------- list


@router.get("/requests")
def request_list(request: Request, o: OfficeDep):
    p = {k: request.query_params.get(k, "").strip() for k in FILTERS}
    offset = _int(request.query_params.get("offset"), 0)
    svc, today = o.svc, o.svc.requests.today()
    query = RequestQuery(
        states=(p["state"],) if p["state"] else (),
        applicant_type=p["applicant_type"] or None,
        outcome=p["outcome"] or None,
        channel=p["channel"] or None,
        text=p["q"] or None,
        limit=PAGE,
        offset=offset,
    )
    if p["year"]:
        year = svc.requests.check_year(p["year"])
        query = replace(query, received_from=date(year, 1, 1), received_to=date(year, 12, 31))
    view = p["view"]
    if view in ("due3", "due5"):
        page = svc.requests.due_within(o.actor, o.id, 3 if view == "due3" else 5, **_kw(query))
    elif view == "overdue":
        page = svc.requests.overdue(o.actor, o.id, **_kw(query))
    elif view == "waiting":
        page = svc.requests.waiting_past(o.actor, o.id, **_kw(query))
    elif view == "late":
        page = svc.requests.late_answers(o.actor, o.id, today.year, **_kw(query))
    else:
        page = svc.requests.list(o.actor, o.id, query)
    base = {k: v for k, v in p.items() if v}

    def url(off: int) -> str:
        return f"/office/{o.id}/requests?" + urlencode({**base, "offset": off})

    template = (
        "office/requests/_rows.html" if request.headers.get("hx-request") else "office/requests/list.html"
    )
    return render(
        request,
        template,
        page=page,
        filters=p,
        url=url,
        views=VIEWS,
        choices={
            "state": STATES.choices,
            "outcome": OUTCOME_GROUPS + [(c, f"　{lbl}") for c, lbl in OUTCOME_ROWS.choices if "." in c],
            "channel": CHANNELS.choices,
            "applicant_type": APPLICANTS.choices,
            "year": [(str(y), f"{y}年") for y in range(today.year, today.year - 6, -1)],
        },
        may_write=o.may(can.can_write_register),
    )


_VALUE_LABELS = {
    "party": PARTIES,
    "method": FEE_METHODS,
    "kind": ANSWER_KINDS,
    "missing": APPLICATION_ELEMENTS,
}


_GROUP_NAMES = dict(OUTCOME_GROUPS) | {g: n.removesuffix("（全部）") for g, n in OUTCOME_GROUPS}


def outcome_short(code: str | None) -> str:
    """A section 三 row as a list shows it: 不予公开·属于国家秘密 (the statutory label without its numbering
    and notes)."""
    if not code:
        return ""
    group = code.split(".", 1)[0]
    if "." not in code:
        return _GROUP_NAMES.get(group, code)
    label = re.sub(r"^\d+\.", "", OUTCOME_ROWS.label(code))
    return f"{_GROUP_NAMES.get(group, group)}·{label}"


def _event_value(value, name: str) -> str:
    """An event's value as a person reads it (the label of a code, 元 for amounts)."""
    vocab = _VALUE_LABELS.get(name)
    if vocab is not None:
        items = value if isinstance(value, list) else [value]
        return "、".join(vocab.label(v) for v in items)
    if name == "outcome":
        return outcome_short(value)
    return f"{value}元" if name == "amount" else str(value)


def _kw(q: RequestQuery) -> dict:
    """The filters a work list takes on top of its own condition."""
    return {
        "states": q.states,
        "applicant_type": q.applicant_type,
        "outcome": q.outcome,
        "channel": q.channel,
        "text": q.text,
        "received_from": q.received_from,
        "received_to": q.received_to,
        "limit": q.limit,
        "offset": q.offset,
    }


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


# ---------------------------------------------------------------------------------------------- register

NEW_FIELDS = (
    "case_no",
    "applicant_type",
    "channel",
    "received_on",
    "submitted_on",
    "signed_for_on",
    "confirmed_on",
    "content",
    "applicant_name",
    "applicant_contact",
    "id_type",
    "id_number",
    "address",
    "postcode",
    "email",
    "medium",
    "delivery",
    "purpose",
)
DATE_FIELDS = ("received_on", "submitted_on", "signed_for_on", "confirmed_on")
DATE_LABELS = {
    "received_on": "收到日期",
    "submitted_on": "提交日期",
    "signed_for_on": "签收日期",
    "confirmed_on": "确认日期",
}


def _new_choices() -> dict:
    return {
        "applicant_type": APPLICANTS.choices,
        "channel": CHANNELS.choices,
        "id_type": ID_TYPES.choices,
        "medium": MEDIA.choices,
        "delivery": DELIVERIES.choices,
    }


@router.get("/requests/new")
def new_request(request: Request, o: OfficeDep):
    form = Form({"received_on": o.svc.requests.today().isoformat()})
    return render(request, "office/requests/new.html", form=form, choices=_new_choices())


@router.post("/requests")
def register_request(request: Request, values: Posted, o: OfficeDep):
    form = form_of(values, NEW_FIELDS, **{label: name for name, label in DATE_LABELS.items()})
    labels = {
        "case_no": "案号",
        "applicant_type": "申请人类型",
        "channel": "申请渠道",
        "received_on": "收到日期",
    }
    if form.require("case_no", "applicant_type", "channel", "received_on", labels=labels):
        try:
            dates = {k: parse_date(values[k], DATE_LABELS[k]) if values.get(k) else None for k in DATE_FIELDS}
            app = Application(
                **{k: values.get(k, "") for k in NEW_FIELDS if k not in DATE_FIELDS and k != "id_type"},
                id_type=values.get("id_type") or None,
                **dates,
            )
            view = o.svc.requests.register(o.actor, o.id, app)
        except GongkaiError as e:
            form.failed(_date_field(e, DATE_LABELS))
    if not form.ok:
        return render(request, "office/requests/new.html", status_code=422, form=form, choices=_new_choices())
    flash(request, f"已登记申请{view.case_no}，答复期限{_due(view)}")
    return RedirectResponse(_detail_url(o.id, view.case_no), status_code=303)


def _date_field(e: GongkaiError, labels: dict[str, str]) -> GongkaiError:
    """A date error names its field by its Chinese label in the message; put it beside that field."""
    if "field" not in e.context:
        for name, label in labels.items():
            if label in e.message:
                e.context["field"] = name
                break
    return e


def _due(view) -> str:
    st = view.stored.state
    return st.due.isoformat() if st.due else "（等待申请人）"


def _detail_url(body_id: str, case_no: str) -> str:
    return f"/office/{body_id}/requests/{quote(case_no, safe='')}"


# ---------------------------------------------------------------------------------------------- detail


@router.get("/requests/{case_no}")
def request_detail(request: Request, case_no: str, o: OfficeDep):
    return _detail(request, o, case_no)


def _detail(
    request: Request,
    o: OfficeDep,
    case_no: str,
    *,
    open_form: str = "",
    form: Form | None = None,
    status: int = 200,
):
    svc = o.svc
    view = svc.requests.get(o.actor, o.id, case_no)
    approval = svc.approvals.for_answer(o.actor, o.id, case_no)
    steps = []
    if approval is not None:
        steps = [
            (s, STEP_LABELS[s]) for s in steps_from(approval.stage) if svc.approvals.may(o.actor, o.id, s)
        ]
    allowed = [t for t in view.allowed if t is not EventType.ANSWERED]  # answers go through approval
    st = view.stored.state
    may_write = o.may(can.can_write_register)
    return render(
        request,
        "office/requests/detail.html",
        status_code=status,
        view=view,
        r=view.stored.request,
        st=st,
        log=view.stored.log,
        labels=EVENT_LABELS,
        forms={t.value: EVENT_FORMS[t] for t in allowed} if may_write else {},
        open_form=open_form,
        form=form or Form(),
        approval=approval,
        stage_labels=STAGE_LABELS,
        step_labels=STEP_LABELS,
        steps=steps,
        answer_kinds=ANSWER_KINDS.choices,
        outcomes=[(c, lbl) for c, lbl in OUTCOME_ROWS.choices if c.startswith("withheld.")],
        may_write=may_write,
        may_draft=may_write and not st.closed and (approval is None or approval.stage.value == "draft"),
        notices=notices_for(view.stored),
        overdue=st.overdue(svc.requests.today()),
        elements=APPLICATION_ELEMENTS.choices,
        parties=PARTIES.choices,
        fee_methods=FEE_METHODS.choices,
        history=svc.requests.history(o.actor, o.id, case_no) if o.may(can.can_read_audit) else None,
        blank_form=Form(),
        channel_label=CHANNELS.label(view.stored.request.channel) if view.stored.request.channel else "—",
        applicant_label=APPLICANTS.label(view.stored.request.applicant_type),
    )


@router.post("/requests/{case_no}/events")
def record_event(request: Request, case_no: str, values: Posted, o: OfficeDep):
    type_ = values.get("type", "")
    fields = EVENT_FORMS.get(EventType(type_)) if type_ in EventType._value2member_map_ else None
    if fields is None:
        raise InputError(f"事件类型“{type_}”无效", code="input.choice", field="type")
    form = form_of(values, [f.name for f in fields])
    try:
        ev = make_event(type_, values.get("date", ""), **event_values(fields, values, request))
        o.svc.requests.record(o.actor, o.id, case_no, ev, _int(values.get("version"), None))
    except GongkaiError as e:
        return _detail(request, o, case_no, open_form=type_, form=form.failed(e), status=e.http_status)
    flash(request, f"已登记：{EVENT_LABELS[EventType(type_)]}")
    return RedirectResponse(_detail_url(o.id, case_no), status_code=303)


@router.post("/requests/{case_no}/void")
def void_event(request: Request, case_no: str, values: Posted, o: OfficeDep):
    form = form_of(values, ("reason",))
    try:
        if not values.get("reason", "").strip():
            raise InputError("作废须写明理由", code="register.field", field="reason")
        o.svc.requests.void(o.actor, o.id, case_no, _int(values.get("seq"), 0), values["reason"].strip())
    except GongkaiError as e:
        return _detail(
            request,
            o,
            case_no,
            open_form=f"void-{values.get('seq')}",
            form=form.failed(e),
            status=e.http_status,
        )
    flash(request, f"已作废第{values.get('seq')}项事件")
    return RedirectResponse(_detail_url(o.id, case_no), status_code=303)


CORRECTABLE = (
    "content",
    "applicant_name",
    "applicant_contact",
    "address",
    "postcode",
    "email",
    "received_on",
)


@router.post("/requests/{case_no}/correct")
def correct_request(request: Request, case_no: str, values: Posted, o: OfficeDep):
    form = form_of(values, (*CORRECTABLE, "reason"), 收到日期="received_on")
    try:
        if not values.get("reason", "").strip():
            raise InputError("更正须写明理由", code="register.field", field="reason")
        current = o.svc.requests.get(o.actor, o.id, case_no).stored.request
        changes = {}
        for k in CORRECTABLE:
            if k not in values:
                continue
            new = parse_date(values[k], "收到日期") if k == "received_on" else values[k].strip()
            if new != getattr(current, k):
                changes[k] = new
        if not changes:
            raise InputError("没有需要更正的内容", code="register.field")
        o.svc.requests.correct(
            o.actor, o.id, case_no, values["reason"].strip(), _int(values.get("version"), None), **changes
        )
    except GongkaiError as e:
        return _detail(request, o, case_no, open_form="correct", form=form.failed(e), status=e.http_status)
    flash(request, "已更正申请信息（原值记入操作日志）")
    return RedirectResponse(_detail_url(o.id, case_no), status_code=303)


# ---------------------------------------------------------------------------------------------- answer

ANSWER_FIELDS = (
    "kind",
    "outcome",
    "provision",
    "explanation",
    "withheld_part",
    "responsible_body",
    "responsible_contact",
)


@router.post("/requests/{case_no}/answer")
def draft_answer(request: Request, case_no: str, values: Posted, o: OfficeDep):
    form = form_of(values, ANSWER_FIELDS)
    try:
        kind = values.get("kind", "")
        outcome = values.get("outcome") if kind == "withheld" else None
        o.svc.approvals.draft_answer(
            o.actor,
            o.id,
            case_no,
            kind=kind or None,
            outcome=outcome or None,
            **{k: values.get(k, "") for k in ANSWER_FIELDS[2:]},
        )
    except GongkaiError as e:
        return _detail(request, o, case_no, open_form="answer", form=form.failed(e), status=e.http_status)
    flash(request, "答复已拟稿，请送审")
    return RedirectResponse(_detail_url(o.id, case_no), status_code=303)


@router.post("/requests/{case_no}/approval/{approval_id}")
def approval_step(request: Request, case_no: str, approval_id: int, values: Posted, o: OfficeDep):
    form = form_of(values, ("comment", "on"))
    try:
        step = Step(values.get("step", ""))
    except ValueError:
        raise InputError("请选择审批操作", code="approval.step", field="step") from None
    try:
        on = parse_date(values["on"], "答复日期") if values.get("on") else None
        o.svc.approvals.step(
            o.actor,
            o.id,
            approval_id,
            step,
            _int(values.get("version"), -1),
            values.get("comment", ""),
            on=on,
        )
    except GongkaiError as e:
        return _detail(request, o, case_no, open_form="approval", form=form.failed(e), status=e.http_status)
    flash(request, f"已{STEP_LABELS[step]}" + ("，答复已登记" if step is Step.RELEASE else ""))
    return RedirectResponse(_detail_url(o.id, case_no), status_code=303)


# ---------------------------------------------------------------------------------------------- documents


@router.post("/requests/{case_no}/notices")
def issue_notice(request: Request, case_no: str, values: Posted, o: OfficeDep):
    """Generate a standard document (numbered, audited) and send it as a DOCX download."""
    extra = {
        k: v for k, v in values.items() if k in ("provision", "payment", "guidance", "concern") and v.strip()
    }
    try:
        issued = o.svc.notices.issue(o.actor, o.id, case_no, values.get("kind", ""), **extra)
    except GongkaiError as e:
        return _detail(request, o, case_no, open_form="notices", form=Form().failed(e), status=e.http_status)
    return Response(
        issued.docx,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(issued.filename)}"},
    )
