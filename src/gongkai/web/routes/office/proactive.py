"""主动公开 pages, `/office/{body_id}/proactive/…`: the catalogue with its filters and the 第二十六条 late
list, a record drafted and changed, sent through 拟稿 → 审核 → 保密审查 → 签发 → 发布 (each role's step a
form), a published 规章 or 规范性文件 repealed, and the yearly decision counts — what section 二 counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from gongkai.approval import STAGE_LABELS, STEP_LABELS, Stage, Step, steps_from
from gongkai.dates import in_beijing
from gongkai.errors import GongkaiError, PermissionDenied
from gongkai.proactive import CATEGORY_LABELS, CHANNELS, DOCUMENT_CATEGORIES, Category
from gongkai.register.active import YearlyCounts
from gongkai.web import flash, nav
from gongkai.web.deps import Office, OfficeDep
from gongkai.web.forms import Posted, form_of
from gongkai.web.routes.office.proactive_forms import (
    COUNT_FIELDS,
    PUB_ALIASES,
    PUB_FIELDS,
    STEP_ALIASES,
    STEP_FIELDS,
    counts_values,
    parse_day,
    publication,
    publication_values,
    step_of,
    year_of,
)
from gongkai.web.templating import render
from gongkai.write.grid import value_text

router = APIRouter()
nav.add("office", "主动公开", "/office/{body_id}/proactive/", order=30)

STATUS_LABELS = {"draft": "拟稿", "approving": "审批中", "published": "已发布", "withdrawn": "已撤回"}
PAGE_SIZE = 30
LATE_SHOWN = 20  # the most overdue; the count says how many there are


@dataclass(frozen=True)
class Page:
    total: int
    limit: int
    offset: int


def _base(o: Office) -> str:
    return f"/office/{o.id}/proactive/"


@router.get("/proactive/")
def catalogue(
    request: Request,
    o: OfficeDep,
    status: str = "",
    category: str = "",
    q: str = "",
    offset: int = 0,
    year: str = "",
):
    return _catalogue_page(request, o, status, category, q, max(0, offset), year)


def _catalogue_page(request, o, status, category, q, offset, year, counts_form=None, code=200):
    svc = o.svc
    the_year = year_of(year, svc.proactive.today().year)
    entries, total = svc.proactive.catalogue(
        o.actor,
        o.id,
        status=status if status in STATUS_LABELS else None,
        category=category if category in CATEGORY_LABELS else None,
        text=q.strip() or None,
        limit=PAGE_SIZE,
        offset=offset,
    )
    if counts_form is None:
        counts_form = form_of(
            counts_values(svc.records.counts(o.actor, o.id, the_year), the_year), COUNT_FIELDS
        )
    filters = {"status": status, "category": category, "q": q, "year": year}
    return render(
        request,
        "office/proactive/catalogue.html",
        status_code=code,
        title="主动公开",
        entries=entries,
        page=Page(total, PAGE_SIZE, offset),
        filters=filters,
        late=svc.proactive.late(o.actor, o.id),
        year=the_year,
        section=svc.proactive.section_two(o.actor, o.id, the_year),
        counts_form=counts_form,
        can_write=svc.approvals.may(o.actor, o.id, Step.SUBMIT),
        base=_base(o),
        STATUS_LABELS=STATUS_LABELS,
        CATEGORY_LABELS=CATEGORY_LABELS,
        STAGE_LABELS=STAGE_LABELS,
        cell_text=value_text,  # as the report prints it: blank stays blank
        LATE_SHOWN=LATE_SHOWN,
    )


@router.post("/proactive/counts")
def save_counts(request: Request, o: OfficeDep, values: Posted):
    """The decision counts of a year (行政许可、处罚、强制, 事业性收费): entered by the office."""
    form = form_of(values, COUNT_FIELDS)
    year = year_of(values.get("year"), o.svc.proactive.today().year)
    try:
        counts = YearlyCounts(
            year,
            values.get("licensing") or None,
            values.get("penalties") or None,
            values.get("coercive_measures") or None,
            values.get("fees_amount") or None,
        )
        o.svc.records.set_counts(o.actor, o.id, counts)
    except GongkaiError as e:
        return _catalogue_page(request, o, "", "", "", 0, str(year), form.failed(e), e.http_status)
    flash.flash(request, f"{year}年处理决定数量已保存，第二部分随之更新")
    return RedirectResponse(f"{_base(o)}?year={year}#section-two", status_code=303)


# ---------------------------------------------------------------------------------------------- a record
def _form_page(request, o, form, code=200, pub_id=None):
    return render(
        request,
        "office/proactive/form.html",
        status_code=code,
        title="修改主动公开信息" if pub_id else "新建主动公开信息",
        form=form,
        pub_id=pub_id,
        base=_base(o),
        categories=[(c.value, CATEGORY_LABELS[c]) for c in Category],
        documents=[c.value for c in DOCUMENT_CATEGORIES],
        channels=[(c, c) for c in CHANNELS],
    )


@router.get("/proactive/new")
def new(request: Request, o: OfficeDep, category: str = ""):
    if not o.svc.approvals.may(o.actor, o.id, Step.SUBMIT):
        raise PermissionDenied("只有登记员或负责人可以拟稿主动公开信息")
    today = o.svc.proactive.today().isoformat()
    values = {"category": category or Category.NORMATIVE.value, "formed_on": today, "channel": CHANNELS[0]}
    return _form_page(request, o, form_of(values, PUB_FIELDS, **PUB_ALIASES))


@router.post("/proactive/new")
def create(request: Request, o: OfficeDep, values: Posted):
    form = form_of(values, PUB_FIELDS, **PUB_ALIASES)
    try:
        entry = o.svc.proactive.draft(o.actor, o.id, publication(values))
    except GongkaiError as e:
        return _form_page(request, o, form.failed(e), e.http_status)
    flash.flash(request, f"已拟稿“{entry.row.title}”，请核对后送审")
    return RedirectResponse(f"{_base(o)}{entry.row.id}", status_code=303)


@router.get("/proactive/{pub_id:int}")
def detail(request: Request, pub_id: int, o: OfficeDep):
    return _detail_page(request, o, pub_id)


def _detail_page(request, o, pub_id, *, step_form=None, repeal_form=None, code=200):
    svc = o.svc
    entry = svc.proactive.entry(o.actor, o.id, pub_id)
    history = svc.proactive.history(o.actor, o.id, pub_id)
    stage = entry.approval.stage if entry.approval else None
    actions = [
        (s, STEP_LABELS[s])
        for s in (steps_from(stage) if stage else ())
        if svc.approvals.may(o.actor, o.id, s)
    ]
    row = entry.row
    return render(
        request,
        "office/proactive/detail.html",
        status_code=code,
        title=row.title,
        entry=entry,
        row=row,
        history=history,
        stage=stage,
        actions=actions,
        step_form=step_form or form_of({"on": svc.proactive.today().isoformat()}, STEP_FIELDS),
        repeal_form=repeal_form or form_of({"on": svc.proactive.today().isoformat()}, ("on",)),
        may_edit=stage is not None
        and stage.value == "draft"
        and svc.approvals.may(o.actor, o.id, Step.SUBMIT),
        may_repeal=row.document_id is not None
        and not row.repealed_on
        and svc.approvals.may(o.actor, o.id, Step.SUBMIT),
        base=_base(o),
        STATUS_LABELS=STATUS_LABELS,
        CATEGORY_LABELS=CATEGORY_LABELS,
        STAGE_LABELS=STAGE_LABELS,
        STEP_LABELS=STEP_LABELS,
        when=beijing_time,
    )


def beijing_time(at: datetime) -> str:
    """A stored instant (UTC; SQLite gives it back naive) as Beijing wall time."""
    return in_beijing(at).strftime("%Y-%m-%d %H:%M")


@router.get("/proactive/{pub_id:int}/edit")
def edit(request: Request, pub_id: int, o: OfficeDep):
    row = o.svc.proactive.entry(o.actor, o.id, pub_id).row
    return _form_page(request, o, form_of(publication_values(row), PUB_FIELDS, **PUB_ALIASES), pub_id=pub_id)


@router.post("/proactive/{pub_id:int}/edit")
def change(request: Request, pub_id: int, o: OfficeDep, values: Posted):
    form = form_of(values, PUB_FIELDS, **PUB_ALIASES)
    try:
        o.svc.proactive.change(o.actor, o.id, pub_id, publication(values))
    except GongkaiError as e:
        return _form_page(request, o, form.failed(e), e.http_status, pub_id=pub_id)
    flash.flash(request, "已保存修改")
    return RedirectResponse(f"{_base(o)}{pub_id}", status_code=303)


@router.post("/proactive/{pub_id:int}/step")
def step(request: Request, pub_id: int, o: OfficeDep, values: Posted):
    """One step of the approval, by the role it needs; a refusal is shown beside the step's form."""
    form = form_of(values, STEP_FIELDS, **STEP_ALIASES)
    svc = o.svc
    try:
        entry = svc.proactive.entry(o.actor, o.id, pub_id)
        if entry.approval is None:
            raise PermissionDenied("该信息已发布，没有待办的审批步骤")
        on = parse_day(values.get("on"), "发布日期") if values.get("step") == Step.RELEASE.value else None
        done = svc.approvals.step(
            o.actor,
            o.id,
            entry.approval.id,
            step_of(values.get("step")),
            int(values.get("version") or 0),
            values.get("comment", ""),
            on=on,
        )
    except GongkaiError as e:
        return _detail_page(request, o, pub_id, step_form=form.failed(e), code=e.http_status)
    if done.stage is Stage.RELEASED:
        row = svc.proactive.entry(o.actor, o.id, pub_id).row
        flash.flash(request, f"已发布，索引号{row.index_no}")
    else:
        flash.flash(request, f"已{STEP_LABELS[done.steps[-1].step]}，下一步：{STAGE_LABELS[done.stage]}")
    return RedirectResponse(f"{_base(o)}{pub_id}", status_code=303)


@router.post("/proactive/{pub_id:int}/repeal")
def repeal(request: Request, pub_id: int, o: OfficeDep, values: Posted):
    form = form_of(values, ("on",), 废止日期="on")
    try:
        o.svc.proactive.repeal(o.actor, o.id, pub_id, parse_day(values.get("on"), "废止日期"))
    except GongkaiError as e:
        return _detail_page(request, o, pub_id, repeal_form=form.failed(e), code=e.http_status)
    flash.flash(request, "已登记废止，第二部分“本年废止件数”随之更新")
    return RedirectResponse(f"{_base(o)}{pub_id}", status_code=303)
