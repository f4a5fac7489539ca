"""The `register` command group: requests, their events, corrections and the work lists.

A thin face over `gongkai.service.RequestService`: options become library values, one service call,
then a table, a line or `--json`. Choices accept their code or their Chinese label.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from gongkai import atomic
from gongkai.cli.common import (
    ActorOption,
    BodyOption,
    DbOption,
    JsonOption,
    actor,
    day,
    friendly,
    integer,
    out,
    print_json,
    services,
)
from gongkai.errors import InputError
from gongkai.register import Request, event
from gongkai.register.answers import RULES, kinds_for_row
from gongkai.register.request import RECEIPT_FIELD
from gongkai.register.types import OUTCOMES, Channel
from gongkai.register.vocab import (
    APPLICANTS,
    APPLICATION_ELEMENTS,
    CHANNELS,
    DELIVERIES,
    FIELD_LABELS,
    ID_TYPES,
    MEDIA,
    OUTCOME_ROWS,
    STATES,
)
from gongkai.store import RequestQuery

register_app = typer.Typer(
    help="依申请公开登记簿：登记申请、记录办理事件、更正、工作清单、导入导出台账。", no_args_is_help=True
)

Case = Annotated[str, typer.Argument(help="案号", show_default=False)]
Reason = Annotated[str, typer.Option("--reason", help="理由（必填，记入审计日志）")]
Version = Annotated[str | None, typer.Option("--version", help="读到的版本号；他人已修改时拒绝")]


def install(app: typer.Typer) -> None:
    app.add_typer(register_app, name="register")


# ---------------------------------------------------------------------------------------------- add


@register_app.command("add")
@friendly
def add(
    body: BodyOption,
    case_no: Annotated[str, typer.Option("--case", help="案号")],
    applicant_type: Annotated[
        str, typer.Option("--applicant-type", help="申请人类型：自然人、商业企业、科研机构……")
    ],
    channel: Annotated[str, typer.Option("--channel", help="渠道：当面、邮寄、平常信函、网络、传真")],
    received: Annotated[
        str | None,
        typer.Option("--received", help="收到日期（第三十一条：当面为提交日、邮寄为签收日、其他为确认日）"),
    ] = None,
    submitted: Annotated[
        str | None, typer.Option("--submitted", help="申请人提交（寄出、网上提交）日期")
    ] = None,
    signed_for: Annotated[str | None, typer.Option("--signed-for", help="邮寄：本机关签收日期")] = None,
    confirmed: Annotated[
        str | None, typer.Option("--confirmed", help="平常信函、网络、传真：与申请人确认收到的日期")
    ] = None,
    content: Annotated[str, typer.Option("--content", help="申请公开的信息（名称、文号或特征描述）")] = "",
    name: Annotated[str, typer.Option("--name", help="申请人姓名或名称（不公开）")] = "",
    contact: Annotated[str, typer.Option("--contact", help="联系电话（不公开）")] = "",
    id_type: Annotated[str, typer.Option("--id-type", help="证件类型：居民身份证、统一社会信用代码……")] = "",
    id_number: Annotated[str, typer.Option("--id-number", help="证件号码（不公开，校验码将被检查）")] = "",
    address: Annotated[str, typer.Option("--address", help="通信地址（不公开）")] = "",
    postcode: Annotated[str, typer.Option("--postcode", help="邮政编码")] = "",
    email: Annotated[str, typer.Option("--email", help="电子邮箱（不公开）")] = "",
    medium: Annotated[str, typer.Option("--medium", help="获取信息的方式：纸质文本、电子文档")] = "",
    delivery: Annotated[
        str, typer.Option("--delivery", help="获取信息的途径：邮寄、电子邮件、当面领取、传真、网上获取")
    ] = "",
    purpose: Annotated[str, typer.Option("--purpose", help="用途（选填，法律不要求）")] = "",
    db: DbOption = None,
    as_actor: ActorOption = None,
    as_json: JsonOption = False,
) -> None:
    """登记一件新收的申请（条例第二十九条的内容、第三十一条的收到日期）。"""
    ch = Channel(CHANNELS.parse(channel))
    evidence = {
        "submitted_on": day(submitted, "提交日期"),
        "signed_for_on": day(signed_for, "签收日期"),
        "confirmed_on": day(confirmed, "确认日期"),
    }
    field = RECEIPT_FIELD[ch]
    if received:
        given = day(received, "收到日期")
        if evidence[field] not in (None, given):
            raise InputError(
                f"--received {given} 与 --{field[:-3].replace('_', '-')} {evidence[field]} 不一致"
            )
        evidence[field] = given
    if evidence[field] is None:
        flag = "--" + field[:-3].replace("_", "-")
        raise InputError(f"{CHANNELS.label(ch)}渠道须给出收到日期：{flag} 或 --received（条例第三十一条）")
    request = Request(
        case_no,
        applicant_type,
        ch,
        evidence[field],
        content=content,
        applicant_name=name,
        applicant_contact=contact,
        id_type=id_type or None,
        id_number=id_number,
        address=address,
        postcode=postcode,
        email=email,
        medium=medium,
        delivery=delivery,
        purpose=purpose,
        **evidence,
    )
    view = services(db).requests.register(actor(as_actor), body, request)
    if as_json:
        print_json(_view_dict(view))
        return
    due = f"答复期限 {view.state.due}" + ("（暂定）" if view.state.provisional else "")
    out.print(f"已登记申请{case_no}，收到日期 {request.received_on}，{due}（版本 {view.version}）")
    for f in view.findings:
        out.print(f"  提示：{f.message}", markup=False, soft_wrap=True)


# ---------------------------------------------------------------------------------------------- events


@register_app.command("event")
@friendly
def record_event(
    body: BodyOption,
    case_no: Case,
    event_type: Annotated[
        str, typer.Argument(help="事件类型，如 作出答复、延长答复期限、发出征求意见（或其代码）")
    ],
    on: Annotated[str, typer.Argument(help="事件日期，如 2025-03-03")],
    version: Version = None,
    days: Annotated[
        str | None, typer.Option("--days", help="天数：补正期限、延长天数、说明理由期限（工作日）")
    ] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="批准人（延长、延迟答复）")] = None,
    notified: Annotated[str | None, typer.Option("--notified", help="延长：告知申请人的日期")] = None,
    party: Annotated[str | None, typer.Option("--party", help="征求意见对象：第三方 或 其他机关")] = None,
    party_name: Annotated[str | None, typer.Option("--party-name", help="征求意见对象名称")] = None,
    served: Annotated[
        str | None, typer.Option("--served", help="对方（申请人、第三方）收到通知或函件的日期")
    ] = None,
    missing: Annotated[
        str | None, typer.Option("--missing", help="补正：需补正的内容，逗号分隔（默认按申请缺少的要素）")
    ] = None,
    outcome: Annotated[
        str | None, typer.Option("--outcome", help="办理结果（第三部分的行，如 予以公开、属于国家秘密）")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="答复类型（第三十六条等，如 予以公开、信息不存在、36(4)）")
    ] = None,
    amount: Annotated[str | None, typer.Option("--amount", help="金额（元）")] = None,
    method: Annotated[str | None, typer.Option("--method", help="收费方式：按件计收 或 按量计收")] = None,
    pages: Annotated[str | None, typer.Option("--pages", help="页数（按量计收）")] = None,
    until: Annotated[str | None, typer.Option("--until", help="延迟答复的期限（第三十五条）")] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="理由（延长、延迟、收费与计算不符时）")
    ] = None,
    signed_by: Annotated[str | None, typer.Option("--signed-by", help="答复签发人")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
    as_json: JsonOption = False,
) -> None:
    """为申请登记一个办理事件（补正、征求意见、延期、收费、说明理由、答复、撤回……）。"""
    values = {
        "days": days,
        "approved_by": approved_by,
        "notified": notified,
        "party": party,
        "party_name": party_name,
        "served": served,
        "missing": missing,
        "outcome": outcome,
        "kind": kind,
        "amount": amount,
        "method": method,
        "pages": pages,
        "until": until,
        "reason": reason,
        "signed_by": signed_by,
        "note": note,
    }
    ev = event(event_type, on, **values)
    svc = services(db)
    view = svc.requests.record(actor(as_actor), body, case_no, ev, integer(version, "版本号", 1))
    if as_json:
        print_json(_view_dict(view))
        return
    st = view.state
    due = f"，答复期限 {st.due}" + ("（暂定）" if st.provisional else "") if st.due and not st.closed else ""
    wait = f"，申请人期限至 {st.wait_until}" if st.wait_until else ""
    out.print(f"申请{case_no}：{st.label}{due}{wait}（版本 {view.version}）")
    for f in st.findings:
        out.print(f"  提示：{f.message}", markup=False, soft_wrap=True)


# ---------------------------------------------------------------------------------------------- corrections


@register_app.command("edit")
@friendly
def edit(
    body: BodyOption,
    case_no: Case,
    reason: Reason,
    set_: Annotated[
        list[str],
        typer.Option(
            "--set", help="要更正的字段=新值，可多次给出，如 --set content=… --set received_on=2025-03-04"
        ),
    ],
    version: Version = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """更正申请的登记内容（含收到日期）；原值与理由记入审计日志。"""
    changes = {}
    editable = [f.name for f in fields(Request) if f.name not in ("case_no", "seeded")]
    for item in set_:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in editable:
            raise InputError(f"--set “{item}”无效，应为 字段=值，字段可为：{'、'.join(editable)}")
        changes[key] = _field_value(key, value.strip())
    view = services(db).requests.correct(
        actor(as_actor), body, case_no, reason, integer(version, "版本号", 1), **changes
    )
    out.print(f"已更正申请{case_no}：{'、'.join(changes)}；{_status(view)}")


def _status(view) -> str:
    st = view.state
    due = f"，答复期限 {st.due}{'（暂定）' if st.provisional else ''}" if st.due else ""
    return f"{st.label}{due}（版本 {view.version}）"


def _field_value(key: str, value: str):
    if key.endswith("_on"):
        return day(value, key) if value else None
    if key == "id_type":
        return value or None
    return value


@register_app.command("void")
@friendly
def void(
    body: BodyOption,
    case_no: Case,
    seq: Annotated[str, typer.Argument(help="事件序号（见 register show）")],
    reason: Reason,
    version: Version = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """作废一个登记错误的事件：保留在记录中并划去，不再参与期限和统计。"""
    n = integer(seq, "事件序号", 1, 100000)
    view = services(db).requests.void(
        actor(as_actor), body, case_no, n, reason, integer(version, "版本号", 1)
    )
    out.print(f"已作废申请{case_no}的第{n}个事件；{_status(view)}")


@register_app.command("remove")
@friendly
def remove(
    body: BodyOption,
    case_no: Case,
    reason: Reason,
    version: Version = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """删除误登记的申请：记录保留，不再计入任何统计和清单。"""
    services(db).requests.remove(actor(as_actor), body, case_no, reason, integer(version, "版本号", 1))
    out.print(f"已删除申请{case_no}（记录保留，不再计入统计）")


# ---------------------------------------------------------------------------------------------- reading


@register_app.command("show")
@friendly
def show(
    body: BodyOption,
    case_no: Case,
    history: Annotated[bool, typer.Option("--history", help="同时列出更正、作废等审计记录")] = False,
    db: DbOption = None,
    as_actor: ActorOption = None,
    as_json: JsonOption = False,
) -> None:
    """查看一件申请：申请人与申请内容、状态、期限及计算过程、全部事件（作废的划去）。"""
    svc = services(db)
    who = actor(as_actor)
    view = svc.requests.get(who, body, case_no)
    audit = svc.requests.history(who, body, case_no) if history else []
    if as_json:
        data = _view_dict(view)
        if history:
            data["history"] = [
                {"at": a.at.isoformat(), "by": a.by, "action": a.action, "before": a.before, "after": a.after}
                for a in audit
            ]
        print_json(data)
        return
    q, st = view.request, view.state
    out.print(
        Text.assemble(
            (f"申请{q.case_no}", "bold"),
            f"（{APPLICANTS.label(q.applicant_type)}，{CHANNELS.label(q.channel)}，"
            f"收到 {q.received_on}）：{_status(view)}",
        )
    )
    if view.personal:
        person = "，".join(
            x
            for x in (
                q.applicant_name,
                ID_TYPES.label(q.id_type) + " " + q.id_number if q.id_number else "",
                q.applicant_contact,
                q.address,
                q.email,
            )
            if x
        )
        out.print(f"  申请人：{person or '（未登记）'}", markup=False)
    out.print(f"  申请内容：{q.content or '（未登记）'}", markup=False)
    form = "、".join(
        x
        for x in (
            MEDIA.label(q.medium) if q.medium else "",
            DELIVERIES.label(q.delivery) if q.delivery else "",
        )
        if x
    )
    out.print(f"  形式要求：{form or '（未登记）'}", markup=False)
    if st.closed:
        out.print(
            f"  办结：{st.closed_on} {OUTCOME_ROWS.label(st.outcome)}{'（逾期答复）' if st.late else ''}",
            markup=False,
        )
    t = Table(title="事件", show_lines=False)
    for col in ("序号", "日期", "事件", "内容", "登记人"):
        t.add_column(col)
    for e in view.log:
        detail = _event_detail(e.event)
        label = e.event.label
        if e.voided:
            label, detail = f"[strike]{label}[/strike]", f"已作废：{e.void_reason}（{e.voided_by}）"
        t.add_row(str(e.seq), e.event.date.isoformat(), label, detail, e.recorded_by)
    out.print(t)
    out.print("  计算过程：")
    for step in st.explanation:
        out.print(f"    {step}", markup=False, soft_wrap=True)
    for f in view.findings:
        out.print(f"  提示：{f.message}", markup=False, soft_wrap=True)
    for a in audit:
        out.print(
            f"  审计：{a.at:%Y-%m-%d %H:%M} {a.by} {a.action} {a.before} → {a.after}",
            markup=False,
            soft_wrap=True,
        )


def _event_detail(ev) -> str:
    parts = []
    for k, v in ev.data().items():
        if k == "missing":
            v = "、".join(APPLICATION_ELEMENTS.label(x) for x in v)
        elif k == "outcome":
            v = OUTCOME_ROWS.label(v)
        parts.append(f"{FIELD_LABELS.get(k, k)}：{v}")
    return "；".join(parts)


def _view_dict(view) -> dict:
    q, st = view.request, view.state
    req = {f.name: getattr(q, f.name) for f in fields(Request)}
    return {
        "case_no": q.case_no,
        "request": {
            k: (v.isoformat() if hasattr(v, "isoformat") else getattr(v, "value", v)) for k, v in req.items()
        },
        "labels": {
            "applicant_type": APPLICANTS.label(q.applicant_type),
            "channel": CHANNELS.label(q.channel),
            "state": st.label,
            "outcome": OUTCOME_ROWS.label(st.outcome) if st.outcome else None,
        },
        "state": st.state.value,
        "due": st.due,
        "provisional": st.provisional,
        "wait_until": st.wait_until,
        "closed_on": st.closed_on,
        "outcome": st.outcome,
        "late": st.late,
        "version": view.version,
        "events": [
            {
                "seq": e.seq,
                **e.event.to_dict(),
                "label": e.event.label,
                "recorded_by": e.recorded_by,
                "voided": e.voided,
                "void_reason": e.void_reason,
            }
            for e in view.log
        ],
        "explanation": st.explanation,
        "findings": [f.to_dict() for f in view.findings],
        "personal": view.personal,
    }


# ---------------------------------------------------------------------------------------------- work lists


@register_app.command("list")
@friendly
def list_(
    body: BodyOption,
    state: Annotated[
        list[str] | None, typer.Option("--state", help="状态（办理中、待补正……），可多次给出")
    ] = None,
    applicant_type: Annotated[str | None, typer.Option("--applicant-type", help="申请人类型")] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="案号、申请内容或申请人姓名包含的文字")
    ] = None,
    received_from: Annotated[str | None, typer.Option("--from", help="收到日期起")] = None,
    received_to: Annotated[str | None, typer.Option("--to", help="收到日期止")] = None,
    due_within: Annotated[
        str | None, typer.Option("--due-within", help="N个工作日内到期（含已逾期）")
    ] = None,
    waiting: Annotated[
        bool, typer.Option("--waiting", help="等待申请人（补正、缴费、说明理由）已过期限、应办结的")
    ] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="已逾期未办结的")] = False,
    late: Annotated[bool, typer.Option("--late", help="逾期答复的")] = False,
    year: Annotated[str | None, typer.Option("--year", help="与 --late 同用：办结年度")] = None,
    limit: Annotated[str, typer.Option("--limit", help="最多列出几件")] = "100",
    db: DbOption = None,
    as_actor: ActorOption = None,
    as_json: JsonOption = False,
) -> None:
    """申请清单：按状态、申请人类型、文字、日期查找；即将到期、已逾期、待申请人办结、逾期答复。"""
    svc = services(db)
    who = actor(as_actor)
    n = integer(limit, "--limit", 1, 1000)
    closed_year = integer(year, "--year", 2019, 2100)  # checked even where unused: a typo is said
    base = {
        "states": tuple(STATES.parse(s) for s in state or ()),
        "applicant_type": APPLICANTS.parse(applicant_type) if applicant_type else None,
        "text": search,
        "received_from": day(received_from, "--from"),
        "received_to": day(received_to, "--to"),
        "limit": n,
    }
    if due_within is not None:
        page = svc.requests.due_within(who, body, integer(due_within, "--due-within", 0, 60), **base)
        title = f"{due_within}个工作日内到期"
    elif waiting:
        page, title = svc.requests.waiting_past(who, body, **base), "等待申请人已过期限（应办结，不应结转）"
    elif overdue:
        page, title = svc.requests.overdue(who, body, **base), "已逾期未办结"
    elif late:
        page = svc.requests.late_answers(who, body, closed_year, **base)
        title = "逾期答复"
    else:
        page, title = svc.requests.list(who, body, RequestQuery(**base)), "申请清单"
    print_page(page, title, as_json)


@register_app.command("overdue")
@friendly
def overdue_cmd(
    body: BodyOption,
    as_of: Annotated[str | None, typer.Option("--as-of", help="以哪天为准（默认北京时间今天）")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
    as_json: JsonOption = False,
) -> None:
    """列出已超过答复期限仍未办结的申请。"""
    when = day(as_of, "--as-of")
    page = services(db).requests.overdue(actor(as_actor), body, when, limit=1000)
    print_page(page, f"截至{when or '今天'}逾期未办结", as_json)


def print_page(page, title: str, as_json: bool) -> None:
    if as_json:
        print_json({"total": page.total, "items": [s.to_dict() for s in page.items]})
        return
    shown = f"，显示前{len(page.items)}件" if page.total > len(page.items) else ""
    t = Table(title=f"{title}（共{page.total}件{shown}）")
    for col in (
        "案号",
        "申请人类型",
        "收到日期",
        "状态",
        "答复期限",
        "申请人期限",
        "办结",
        "结果",
        "申请内容",
    ):
        t.add_column(col, overflow="fold")
    for s in page.items:
        lab = s.labels
        due = f"{s.due_on or ''}{'（暂定）' if s.provisional else ''}"
        closed = f"{s.closed_on or ''}{'（逾期）' if s.late else ''}"
        t.add_row(
            s.case_no,
            lab["applicant_type"],
            str(s.received_on),
            lab["state"],
            due,
            str(s.wait_until or ""),
            closed,
            lab["outcome"],
            s.content[:30],
        )
    out.print(t)


# ---------------------------------------------------------------------------------------------- vocabulary


@register_app.command("outcomes")
def outcomes(as_json: JsonOption = False) -> None:
    """列出第三部分的办理结果行、对应的答复类型（第三十六条等）及把握不准时的说明。"""
    rows = [
        {
            "code": o,
            "label": OUTCOME_ROWS.label(o),
            "answer_kinds": [
                {"code": k.value, "label": r.label, "basis": r.basis, "guidance": r.guidance}
                for k in kinds_for_row(o)
                for r in RULES
                if r.kind is k
            ],
        }
        for o in OUTCOMES
    ]
    if as_json:
        print_json(rows)
        return
    t = Table(title="办理结果与答复类型", show_lines=True)
    for col in ("结果行代码", "第三部分结果行", "答复类型（依据）", "说明"):
        t.add_column(col, overflow="fold")
    for r in rows:
        kinds = (
            "\n".join(f"{k['label']}（{k['basis']}）" for k in r["answer_kinds"])
            or "由事件登记（逾期未补正、逾期未缴费、撤回）"
        )
        guide = "\n".join(k["guidance"] for k in r["answer_kinds"] if k["guidance"])
        t.add_row(r["code"], r["label"], kinds, guide)
    out.print(t)


@register_app.command("vocab")
def vocab_cmd() -> None:
    """列出各项选择的中文名称与代码（两者都可在命令中使用）。"""
    from gongkai.register import vocab as v

    for voc in (
        v.APPLICANTS,
        v.CHANNELS,
        v.EVENT_TYPES,
        v.STATES,
        v.PARTIES,
        v.FEE_METHODS,
        v.ID_TYPES,
        v.MEDIA,
        v.DELIVERIES,
        v.ANSWER_KINDS,
        v.APPEAL_KINDS,
        v.APPEAL_RESULTS,
        v.DOCUMENT_KINDS,
        v.BODY_KINDS,
        v.APPLICATION_ELEMENTS,
    ):
        out.print(Text.assemble((voc.name, "bold"), f"：{voc.describe()}"), soft_wrap=True)


# ---------------------------------------------------------------------------------------------- fees


@register_app.command("fee")
@friendly
def fee_cmd(
    method: Annotated[str, typer.Option("--method", help="按件计收 或 按量计收")],
    ordinal: Annotated[str | None, typer.Option("--ordinal", help="该申请人当月第几件申请")] = None,
    pages: Annotated[str | None, typer.Option("--pages", help="页数")] = None,
    body: Annotated[
        str | None, typer.Option("--body", help="机关编号：按件计收时从登记簿数出当月序号")
    ] = None,
    case_no: Annotated[str | None, typer.Option("--case", help="案号（与 --body 同用）")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """按国办函〔2020〕109号计算一件申请的信息处理费（元）。"""
    from gongkai.register.fees import fee
    from gongkai.register.vocab import FEE_METHODS

    m = FEE_METHODS.parse(method)
    n_pages = integer(pages, "页数", 0, 10_000_000)
    if body and case_no:
        n, amount = services(db).requests.fee_quote(actor(as_actor), body, case_no, m, pages=n_pages)
        out.print(f"{amount}" + (f"（该申请人当月第{n}件）" if m == "count" else ""))
        return
    out.print(f"{fee(m, ordinal=integer(ordinal, '当月申请序号', 1, 100000), pages=n_pages)}")


# ---------------------------------------------------------------------------------------------- documents


@register_app.command("notice")
@friendly
def notice(
    body: BodyOption,
    case_no: Case,
    kind: Annotated[
        str,
        typer.Argument(
            help="文书：登记回执、补正告知书、征求第三方意见函、征求其他机关意见函、延期答复告知书、收费通知书、答复书、逾期未补正告知书、逾期未缴费告知书"
        ),
    ],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="输出的 DOCX 文件（默认：案号-文书名.docx）")
    ] = None,
    on: Annotated[str | None, typer.Option("--date", help="成文日期（默认为所依据事件的日期）")] = None,
    party_name: Annotated[
        str | None, typer.Option("--party-name", help="征求意见函：对象名称（有多份时）")
    ] = None,
    provision: Annotated[str, typer.Option("--provision", help="答复书：提供信息的方式或获取途径")] = "",
    explanation: Annotated[str, typer.Option("--explanation", help="答复书：事实与理由的说明")] = "",
    withheld_part: Annotated[str, typer.Option("--withheld-part", help="部分公开：不予公开的部分")] = "",
    responsible_body: Annotated[
        str, typer.Option("--responsible-body", help="不属于本机关负责公开：负责机关")
    ] = "",
    responsible_contact: Annotated[
        str, typer.Option("--responsible-contact", help="负责机关的联系方式")
    ] = "",
    previous_answered_on: Annotated[
        str, typer.Option("--previous-answered-on", help="重复申请：前次答复日期")
    ] = "",
    payment: Annotated[str, typer.Option("--payment", help="收费通知书：缴纳方式")] = "",
    concern: Annotated[str, typer.Option("--concern", help="征求意见函：征求意见的原因")] = "",
    guidance: Annotated[str, typer.Option("--guidance", help="补正告知书：给申请人的指导")] = "",
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """按登记簿的记录和本机关信息生成标准文书（DOCX，公文格式），编号取本机关当年文号。"""
    extra = {
        "provision": provision,
        "explanation": explanation,
        "withheld_part": withheld_part,
        "responsible_body": responsible_body,
        "responsible_contact": responsible_contact,
        "previous_answered_on": previous_answered_on,
        "payment": payment,
        "concern": concern,
        "guidance": guidance,
    }
    issued = services(db).notices.issue(
        actor(as_actor), body, case_no, kind, issued_on=day(on, "成文日期"), party_name=party_name, **extra
    )
    target = out_file or Path(issued.filename)
    atomic.write_bytes(target, issued.docx)
    out.print(f"已生成 {target}（{issued.doc_no}）", markup=False)
