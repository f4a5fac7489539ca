"""Commands for the records beside the requests: bodies and regions, section 二 documents and yearly
figures, section 四 appeal cases, and the seed of a register started mid-stream."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.cli.common import ActorOption, BodyOption, DbOption, actor, day, friendly, out, services
from gongkai.cli.register import register_app
from gongkai.org.model import PROFILE_LABELS, BodyProfile, Region
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.vocab import (
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANTS,
    BODY_KINDS,
    DOCUMENT_KINDS,
    REGION_LEVELS,
)

# ---------------------------------------------------------------------------------------------- bodies


@register_app.command("region-add")
@friendly
def region_add(
    region_id: Annotated[str, typer.Argument(help="地区编号（如行政区划代码）")],
    name: Annotated[str, typer.Argument(help="地区名称")],
    level: Annotated[str, typer.Option("--level", help="级别：省、市、县（区）、乡镇（街道）")] = "county",
    parent: Annotated[str | None, typer.Option("--parent", help="上级地区编号")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """新增一个地区（县、市……），其政府办公室监督地区内的机关。"""
    services(db).store.add_region(
        Region(region_id, name, REGION_LEVELS.parse(level), parent), actor(as_actor).name
    )
    out.print(f"已新增地区 {region_id}：{name}")


@register_app.command("body-add")
@friendly
def body_add(
    body_id: Annotated[str, typer.Argument(help="机关编号")],
    name: Annotated[str, typer.Argument(help="机关名称")],
    region: Annotated[
        str | None, typer.Option("--region", help="所属地区编号（先用 region-add 新增）")
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="机关类型：人民政府、政府办公室、政府工作部门、乡镇街道、其他")
    ] = "department",
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """新增一个机关（每个机关有自己的登记簿）。"""
    services(db).store.add_body(body_id, name, actor(as_actor).name, region=region, kind=kind)
    out.print(f"已新增机关 {body_id}：{name}")


@register_app.command("bodies")
@friendly
def bodies(db: DbOption = None) -> None:
    """列出机关。"""
    t = Table(title="机关")
    for col in ("编号", "名称", "类型", "地区", "信息公开工作机构", "电话"):
        t.add_column(col)
    for b in services(db).store.bodies():
        t.add_row(b.id, b.name, BODY_KINDS.label(b.kind), b.region_id or "", b.office_name, b.phone)
    out.print(t)


@register_app.command("profile")
@friendly
def profile(
    body: BodyOption,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="字段=值，可多次给出：" + "、".join(f"{k}（{v}）" for k, v in PROFILE_LABELS.items()),
        ),
    ] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """查看或修改机关的信息（文书中的机构名称、地址、电话、文号前缀、复议机关等）。"""
    from gongkai.errors import InputError
    from gongkai.store.org import profile_of

    svc = services(db)
    current = profile_of(svc.store.body(body)).to_dict()
    for item in set_ or []:
        key, sep, value = item.partition("=")
        if not sep or key.strip() not in current:
            raise InputError(f"--set “{item}”无效，字段可为：{'、'.join(current)}")
        current[key.strip()] = value.strip()
    if set_:
        svc.store.set_profile(body, BodyProfile(**current), actor(as_actor).name)
    for k, v in current.items():
        out.print(f"{PROFILE_LABELS[k]}：{v or '（未填写）'}", markup=False)


# ---------------------------------------------------------------------------------------------- section 二


@register_app.command("document")
@friendly
def document(
    body: BodyOption,
    kind: Annotated[str, typer.Option("--kind", help="规章 或 行政规范性文件")],
    issued: Annotated[str, typer.Option("--issued", help="制发日期")],
    title: Annotated[str, typer.Option("--title", help="标题")] = "",
    number: Annotated[str, typer.Option("--number", help="文号")] = "",
    repealed: Annotated[str | None, typer.Option("--repealed", help="废止日期")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """登记一件规章或行政规范性文件（第二部分）。"""
    doc = Document(
        DOCUMENT_KINDS.parse(kind), day(issued, "制发日期"), day(repealed, "废止日期"), title, number
    )
    n = services(db).records.add_document(actor(as_actor), body, doc)
    out.print(f"已登记文件 {n}：{title or number}")


@register_app.command("counts")
@friendly
def counts(
    body: BodyOption,
    year: Annotated[str, typer.Option("--year", help="年度")],
    licensing: Annotated[str | None, typer.Option("--licensing", help="行政许可处理决定数")] = None,
    penalties: Annotated[str | None, typer.Option("--penalties", help="行政处罚决定数")] = None,
    coercive: Annotated[str | None, typer.Option("--coercive", help="行政强制决定数")] = None,
    fees_amount: Annotated[
        str | None, typer.Option("--fees-amount", help="行政事业性收费金额（万元，只填数字）")
    ] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """录入某年度第二部分的处理决定数与收费金额（未录入的保持空白）。"""
    svc = services(db)
    y = svc.records.check_year(year)
    svc.records.set_counts(
        actor(as_actor), body, YearlyCounts(y, licensing, penalties, coercive, fees_amount)
    )
    out.print(f"已录入{y}年度数据")


# ---------------------------------------------------------------------------------------------- section 四


@register_app.command("appeal")
@friendly
def appeal(
    body: BodyOption,
    kind: Annotated[str, typer.Option("--kind", help="行政复议、未经复议直接起诉、复议后起诉")],
    filed: Annotated[str, typer.Option("--filed", help="立案（收到）日期")],
    case_no: Annotated[str, typer.Option("--case", help="案号（每个案件一个，不能重复）")],
    decided: Annotated[str | None, typer.Option("--decided", help="审结日期（已审结时）")] = None,
    result: Annotated[str | None, typer.Option("--result", help="结果：维持、纠正、其他")] = None,
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """登记一件行政复议或行政诉讼案件（第四部分）；审结后用 appeal-decide 登记结果。"""
    case = AppealCase(
        APPEAL_KINDS.parse(kind),
        day(filed, "立案日期"),
        day(decided, "审结日期"),
        APPEAL_RESULTS.parse(result) if result else None,
        case_no,
    )
    services(db).records.file_appeal(actor(as_actor), body, case)
    out.print(f"已登记案件{case_no}（{APPEAL_KINDS.label(case.kind)}）")


@register_app.command("appeal-decide")
@friendly
def appeal_decide(
    body: BodyOption,
    case_no: Annotated[str, typer.Option("--case", help="案号")],
    decided: Annotated[str, typer.Option("--decided", help="审结日期")],
    result: Annotated[str, typer.Option("--result", help="结果：维持、纠正、其他")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """登记已立案的复议诉讼案件的审理结果（更新原案件，不重复计数）。"""
    services(db).records.decide_appeal(actor(as_actor), body, case_no, day(decided, "审结日期"), result)
    out.print(f"已登记案件{case_no}的审理结果：{APPEAL_RESULTS.label(APPEAL_RESULTS.parse(result))}")


@register_app.command("appeals")
@friendly
def appeals(body: BodyOption, db: DbOption = None, as_actor: ActorOption = None) -> None:
    """列出复议诉讼案件。"""
    t = Table(title="行政复议、行政诉讼案件")
    for col in ("案号", "类型", "立案日期", "审结日期", "结果"):
        t.add_column(col)
    for c in services(db).records.appeals(actor(as_actor), body):
        result = APPEAL_RESULTS.label(c.result) if c.result else "尚未审结"
        t.add_row(c.case_no, APPEAL_KINDS.label(c.kind), str(c.filed_on), str(c.decided_on or ""), result)
    out.print(t)


# ---------------------------------------------------------------------------------------------- seed


@register_app.command("seed")
@friendly
def seed(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="已公开的上一年度报告（JSON 或任一可读取的报告文件）")],
    db: DbOption = None,
    as_actor: ActorOption = None,
) -> None:
    """导入本机关最近一份已公开的年度报告，以其“结转下年度继续办理”作为登记簿的起点。"""
    from gongkai.loading import load_report_file

    carry = services(db).reports.seed(actor(as_actor), body, load_report_file(file))
    parts = "，".join(f"{APPLICANTS.label(k)}{v}件" for k, v in carry.items() if v)
    out.print(f"已导入结转起点：共{sum(carry.values())}件（{parts or '无'}）")
