"""Commands of the request register: `calendar`, `deadline`, `report` and the `register` group.

A thin face over gongkai.register (pure rules) and gongkai.store (persistence). Every error is one
Chinese line on stderr and exit status 1; nothing is half-written (each store call is a transaction).
"""

from __future__ import annotations

import getpass
import json
import re
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from gongkai.format.spec import SECTIONS
from gongkai.model import Report
from gongkai.register import Event, Request, due_date
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.calendar import default_calendar, load_schedule
from gongkai.register.errors import RegisterError
from gongkai.register.fees import fee
from gongkai.register.types import APPLICANT_LABELS, STATE_LABELS, State

out = Console()

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="GONGKAI_DATABASE_URL", help="数据库地址（默认当前目录的 gongkai.sqlite3）"),
]
ActorOption = Annotated[
    str | None, typer.Option("--actor", envvar="GONGKAI_USER", help="操作人（默认系统用户名）")
]
BodyOption = Annotated[str, typer.Option("--body", help="机关编号")]


class Failure(Exception):
    """A one-line message for the user."""


def friendly(fn: Callable) -> Callable:
    """Turn domain, store and database errors into one line on stderr and exit 1, never a traceback."""

    @wraps(fn)
    def run(*args, **kw):
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return fn(*args, **kw)
        except (RegisterError, Failure) as e:
            typer.echo(f"错误：{e}", err=True)
        except SQLAlchemyError as e:
            typer.echo(f"错误：数据库操作失败（{type(e).__name__}: {str(e).splitlines()[0]}）", err=True)
        except OSError as e:
            typer.echo(f"错误：{getattr(e, 'filename', '') or ''} {e.strerror or e}".strip(), err=True)
        raise typer.Exit(1)

    return run


def _store(db: str | None):
    from gongkai.store import Store

    return Store.open(db)


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "unknown"


def _date(text: str, what: str = "日期") -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise Failure(f"{what}“{text}”无效，应为YYYY-MM-DD") from e


def _read_json(path: Path, what: str) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as e:
        raise Failure(f"{path}：文件不存在") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Failure(f"{path}：不是有效的JSON{what}（{e}）") from e


# ---------------------------------------------------------------------------------------------- install

calendar_app = typer.Typer(
    help="节假日安排：载入国务院办公厅公布的新一年安排、查看工作日。", no_args_is_help=True
)
register_app = typer.Typer(help="依申请公开登记簿：机关、申请、事件、逾期、导入导出。", no_args_is_help=True)


def install(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(register_app, name="register")
    app.command("deadline")(deadline)
    app.command("report")(report)


# ---------------------------------------------------------------------------------------------- calendar


@calendar_app.command("load")
@friendly
def calendar_load(
    file: Annotated[Path, typer.Argument(help="节假日安排 JSON 文件（格式见 docs/register.md）")],
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """载入一年的节假日安排（放假日与调休上班日），此后该年的期限可以计算。"""
    schedule = load_schedule(file)
    store = _store(db)
    rev = store.load_calendar(schedule, _actor(actor))
    typer.echo(
        f"已载入{schedule.year}年节假日安排（第{rev}版，放假{len(schedule.holidays)}天，"
        f"调休上班{len(schedule.workdays)}天）：{schedule.source}"
    )


@calendar_app.command("show")
@friendly
def calendar_show(year: int, db: DbOption = None) -> None:
    """列出一年的放假日与调休上班日。"""
    cal = _calendar(db)
    s = cal.schedule(year)
    t = Table(title=f"{year}年节假日安排（来源：{s.source}）")
    t.add_column("日期")
    t.add_column("类别")
    t.add_column("节日")
    rows = [(d, "放假", n) for d, n in s.holidays.items()] + [
        (d, "调休上班", n) for d, n in s.workdays.items()
    ]
    for d, kind, name in sorted(rows):
        t.add_row(d.isoformat(), kind, name)
    out.print(t)


def _calendar(db: str | None, extra: list[Path] | None = None):
    """The packaged calendar, plus the years loaded into the store when there is one, plus files given."""
    from gongkai.store.db import DEFAULT_URL, database_url

    url = database_url(db)
    cal = default_calendar()
    has_store = not (url == DEFAULT_URL and not Path("gongkai.sqlite3").exists())
    if has_store:
        cal = _store(db).calendar()
    for f in extra or []:
        cal = cal.with_schedule(load_schedule(f))
    return cal


# ---------------------------------------------------------------------------------------------- deadline


@friendly
def deadline(
    case: Annotated[Path, typer.Argument(help='申请的 JSON：{"received": "YYYY-MM-DD", "events": [...]}')],
    calendar: Annotated[
        list[Path] | None, typer.Option("--calendar", help="另外使用的节假日安排文件，可多次给出")
    ] = None,
    db: DbOption = None,
) -> None:
    """计算答复期限：输出 {"due": "YYYY-MM-DD", "explanation": [...]}，逐步说明计算过程。"""
    data = _read_json(case, "申请")
    if not isinstance(data, dict) or "received" not in data:
        raise Failure(f"{case}：缺少收到日期 received")
    received = _date(str(data["received"]), "收到日期 received")
    raw_events = data.get("events") or []
    if not isinstance(raw_events, list):
        raise Failure(f"{case}：events 应为列表")
    events = []
    for i, e in enumerate(raw_events, 1):
        if not isinstance(e, dict):
            raise Failure(f"{case}：第{i}个事件应为对象")
        try:
            events.append(Event.from_dict(e))
        except RegisterError as ex:
            raise Failure(f"{case}：第{i}个事件：{ex}") from ex
    events.sort(key=lambda e: e.date)  # a calculator: the file need not list events in order (stable sort)
    due, steps = due_date(received, events, _calendar(db, calendar))
    typer.echo(json.dumps({"due": due.isoformat(), "explanation": steps}, ensure_ascii=False, indent=1))


# ---------------------------------------------------------------------------------------------- report

_HEADING = re.compile(r"^\s*([一二三四五六])、")
_NUMERALS = {s.title[0]: s.number for s in SECTIONS}


def read_narrative(path: Path) -> dict[int, str]:
    """The office's text for sections 一, 五 and 六: a JSON object {"1": "...", "5": ..., "6": ...} or plain
    text whose sections start with their headings (一、总体情况 …); text before any heading is section 一."""
    if path.suffix.lower() == ".json":
        data = _read_json(path, "说明文字")
        if not isinstance(data, dict):
            raise Failure(f"{path}：应为以章节编号为键的对象")
        return {int(k): str(v) for k, v in data.items()}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise Failure(f"{path}：文件不存在") from e
    except UnicodeDecodeError as e:
        raise Failure(f"{path}：请保存为UTF-8文本") from e
    sections: dict[int, list[str]] = {}
    current = 1
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and _NUMERALS.get(m.group(1)):
            current = _NUMERALS[m.group(1)]
            continue
        sections.setdefault(current, []).append(line)
    narrative = {k: "\n".join(v).strip() for k, v in sections.items()}
    return {k: v for k, v in narrative.items() if v and k in (1, 5, 6)}


@friendly
def report(
    body: BodyOption,
    year: Annotated[int, typer.Option("--year", help="报告年度")],
    out_file: Annotated[
        Path, typer.Option("--out", help="输出文件：.json，或写作模块支持的 .docx/.html/.md/.txt")
    ],
    narrative: Annotated[
        Path | None, typer.Option("--narrative", help="第一、五、六部分的文字（文本或 JSON）")
    ] = None,
    db: DbOption = None,
) -> None:
    """由登记簿生成机关某年度的政府信息公开工作年度报告。"""
    store = _store(db)
    text = read_narrative(narrative) if narrative else None
    rep = store.annual_report(body, year, narrative=text)
    write_report(rep, out_file)
    c = rep.cells
    typer.echo(
        f"已生成{rep.body}{year}年度报告：{out_file}（新收{c.get('requests.received.total')}件，"
        f"上年结转{c.get('requests.brought_forward.total')}件，办结{c.get('requests.total.total')}件，"
        f"结转下年{c.get('requests.carried_forward.total')}件）"
    )


def write_report(rep: Report, path: Path) -> None:
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(rep.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        return
    try:
        from gongkai.write import render
    except ImportError as e:
        raise Failure(f"{path.name}：暂只支持输出 .json") from e
    try:
        render(rep, path)
    except ValueError as e:  # WriteError and friends carry a Chinese line
        raise Failure(str(e)) from e


def read_report(path: Path) -> Report:
    """A published report: the JSON of Report.to_dict(), or any file gongkai's readers understand."""
    if path.suffix.lower() == ".json":
        data = _read_json(path, "报告")
        if not isinstance(data, dict):
            raise Failure(f"{path}：不是报告的JSON")
        return Report.from_dict(data)
    try:
        from gongkai.read import read_path
    except ImportError as e:
        raise Failure(f"{path.name}：暂只支持导入报告的 .json") from e
    try:
        return read_path(path)
    except Exception as e:  # ReadError carries a one-line Chinese cause
        raise Failure(f"{path.name}：{e}") from e


# ---------------------------------------------------------------------------------------------- register


@register_app.command("body-add")
@friendly
def body_add(
    body_id: Annotated[str, typer.Argument(help="机关编号")],
    name: Annotated[str, typer.Argument(help="机关名称")],
    region: Annotated[str | None, typer.Option("--region", help="所属地区")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """新增一个机关（每个机关有自己的登记簿）。"""
    _store(db).add_body(body_id, name, _actor(actor), region=region)
    typer.echo(f"已新增机关 {body_id}：{name}")


@register_app.command("bodies")
@friendly
def bodies(db: DbOption = None) -> None:
    """列出机关。"""
    t = Table(title="机关")
    for col in ("编号", "名称", "地区"):
        t.add_column(col)
    for b in _store(db).bodies():
        t.add_row(b.id, b.name, b.region_id or "")
    out.print(t)


@register_app.command("add")
@friendly
def add(
    body: BodyOption,
    case_no: Annotated[str, typer.Option("--case", help="案号")],
    applicant_type: Annotated[
        str, typer.Option("--applicant-type", help="natural_person, commercial, research, …")
    ],
    channel: Annotated[str, typer.Option("--channel", help="in_person, post, ordinary_mail, online, fax")],
    received: Annotated[str, typer.Option("--received", help="收到日期（条例第三十一条）YYYY-MM-DD")],
    content: Annotated[str, typer.Option("--content", help="申请内容")] = "",
    name: Annotated[str, typer.Option("--name", help="申请人姓名（不公开）")] = "",
    contact: Annotated[str, typer.Option("--contact", help="联系方式（不公开）")] = "",
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """登记一件新收的申请。"""
    req = Request(case_no, applicant_type, channel, _date(received, "收到日期"), content, name, contact)
    r = _store(db).add_request(body, req, _actor(actor))
    typer.echo(f"已登记申请{case_no}，答复期限 {r.state.due}（版本 {r.version}）")


@register_app.command("event")
@friendly
def event(
    body: BodyOption,
    case_no: Annotated[str, typer.Argument(help="案号")],
    event_type: Annotated[str, typer.Argument(help="事件类型，如 answered、extended、consultation_sent")],
    on: Annotated[str, typer.Argument(help="事件日期 YYYY-MM-DD")],
    version: Annotated[int | None, typer.Option("--version", help="读到的版本号；他人已修改时拒绝")] = None,
    days: Annotated[int | None, typer.Option("--days", help="延长的工作日数")] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="延长的批准人")] = None,
    party: Annotated[str | None, typer.Option("--party", help="征求意见对象：third_party 或 body")] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", help="办理结果（第三部分结果行编号）")] = None,
    amount: Annotated[str | None, typer.Option("--amount", help="收费金额（元）")] = None,
    method: Annotated[str | None, typer.Option("--method", help="收费方式：count 或 pages")] = None,
    pages: Annotated[int | None, typer.Option("--pages", help="页数")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """为申请登记一个事件（补正、征求意见、延期、收费、答复、撤回……）。"""
    fields = {
        "type": event_type,
        "date": on,
        "days": days,
        "approved_by": approved_by,
        "party": party,
        "outcome": outcome,
        "amount": amount,
        "method": method,
        "pages": pages,
        "note": note,
    }
    ev = Event.from_dict({k: v for k, v in fields.items() if v is not None})
    store = _store(db)
    if version is None:
        version = store.get(body, case_no).version
    r = store.append(body, case_no, ev, version, _actor(actor))
    due = f"，答复期限 {r.state.due}" if r.state.due and not r.state.closed else ""
    typer.echo(f"申请{case_no}：{r.state.label}{due}（版本 {r.version}）")


@register_app.command("show")
@friendly
def show(body: BodyOption, case_no: Annotated[str, typer.Argument(help="案号")], db: DbOption = None) -> None:
    """查看一件申请：状态、期限、计算过程与事件。"""
    r = _store(db).get(body, case_no)
    q = r.request
    typer.echo(
        f"申请{q.case_no}（{APPLICANT_LABELS[q.applicant_type]}，收到 {q.received_on}）：{r.state.label}，"
        f"答复期限 {r.state.due or '—'}，版本 {r.version}"
    )
    for step in r.state.explanation:
        typer.echo("  " + step)


@register_app.command("overdue")
@friendly
def overdue(
    body: BodyOption,
    as_of: Annotated[str | None, typer.Option("--as-of", help="以哪天为准（默认北京时间今天）")] = None,
    db: DbOption = None,
) -> None:
    """列出已超过答复期限仍未办结的申请。"""
    day = _date(as_of) if as_of else _beijing_today()
    rows = _store(db).overdue(body, day)
    t = Table(title=f"截至{day}逾期未办结的申请（{len(rows)}件）")
    for col in ("案号", "收到日期", "答复期限", "状态"):
        t.add_column(col)
    for r in rows:
        t.add_row(r.case_no, r.received_on.isoformat(), r.due_on.isoformat(), STATE_LABELS[State(r.state)])
    out.print(t)


def _beijing_today() -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


@register_app.command("import")
@friendly
def import_(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="登记簿 CSV（每行一个事件）")],
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """从 CSV 导入申请及其事件；任何一行有误则全部不导入。"""
    from gongkai.store.csvio import import_csv

    n, m = import_csv(_store(db), body, file, _actor(actor))
    typer.echo(f"已导入{n}件申请、{m}个事件")


@register_app.command("export")
@friendly
def export(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="输出 CSV")],
    private: Annotated[bool, typer.Option("--private", help="包含申请人姓名和联系方式")] = False,
    db: DbOption = None,
) -> None:
    """把登记簿导出为 CSV（每行一个事件）。"""
    from gongkai.store.csvio import export_csv

    n = export_csv(_store(db), body, file, include_private=private)
    typer.echo(f"已导出{n}行到 {file}")


@register_app.command("seed")
@friendly
def seed(
    body: BodyOption,
    file: Annotated[Path, typer.Argument(help="已公开的上一年度报告（JSON 或报告文件）")],
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """导入本机关最近一份已公开的年度报告，以其“结转下年度继续办理”作为登记簿的起点。"""
    carry = _store(db).seed(body, read_report(file), _actor(actor))
    parts = "，".join(f"{APPLICANT_LABELS[k]}{v}件" for k, v in carry.items() if v)
    typer.echo(f"已导入结转起点：共{sum(carry.values())}件（{parts or '无'}）")


@register_app.command("fee")
@friendly
def fee_cmd(
    method: Annotated[str, typer.Option("--method", help="count（按件）或 pages（按量）")],
    ordinal: Annotated[int | None, typer.Option("--ordinal", help="该申请人当月第几件申请")] = None,
    pages: Annotated[int | None, typer.Option("--pages", help="页数")] = None,
    body: Annotated[
        str | None, typer.Option("--body", help="机关编号：按件计收时从登记簿数出当月序号")
    ] = None,
    case_no: Annotated[str | None, typer.Option("--case", help="案号（与 --body 同用）")] = None,
    db: DbOption = None,
) -> None:
    """按国办函〔2020〕109号计算一件申请的信息处理费（元）。"""
    if method not in ("count", "pages"):
        raise Failure(f"收费方式“{method}”无效，应为 count 或 pages")
    if body and case_no:
        n, amount = _store(db).fee_for(body, case_no, method, pages=pages)
        where = f"（该申请人当月第{n}件）" if method == "count" else ""
        typer.echo(f"{amount}{where}")
        return
    typer.echo(f"{fee(method, ordinal=ordinal, pages=pages)}")


@register_app.command("document")
@friendly
def document(
    body: BodyOption,
    kind: Annotated[
        str, typer.Option("--kind", help="regulations（规章）或 normative_documents（规范性文件）")
    ],
    issued: Annotated[str, typer.Option("--issued", help="制发日期")],
    title: Annotated[str, typer.Option("--title", help="标题")] = "",
    number: Annotated[str, typer.Option("--number", help="文号")] = "",
    repealed: Annotated[str | None, typer.Option("--repealed", help="废止日期")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """登记一件规章或行政规范性文件（第二部分）。"""
    doc = Document(
        kind, _date(issued, "制发日期"), _date(repealed, "废止日期") if repealed else None, title, number
    )
    n = _store(db).add_document(body, doc, _actor(actor))
    typer.echo(f"已登记文件 {n}：{title or number}")


@register_app.command("counts")
@friendly
def counts(
    body: BodyOption,
    year: Annotated[int, typer.Option("--year")],
    licensing: Annotated[int | None, typer.Option("--licensing", help="行政许可处理决定数")] = None,
    penalties: Annotated[int | None, typer.Option("--penalties", help="行政处罚决定数")] = None,
    coercive: Annotated[int | None, typer.Option("--coercive", help="行政强制决定数")] = None,
    fees_amount: Annotated[str | None, typer.Option("--fees-amount", help="行政事业性收费（万元）")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """录入某年度第二部分的处理决定数与收费金额（未录入的保持空白）。"""
    c = YearlyCounts(year, licensing, penalties, coercive, fees_amount)
    _store(db).set_counts(body, c, _actor(actor))
    typer.echo(f"已录入{year}年度数据")


@register_app.command("appeal")
@friendly
def appeal(
    body: BodyOption,
    kind: Annotated[
        str,
        typer.Option("--kind", help="reconsideration, litigation_direct, litigation_after_reconsideration"),
    ],
    filed: Annotated[str, typer.Option("--filed", help="立案（收到）日期")],
    case_no: Annotated[str, typer.Option("--case", help="案号")] = "",
    decided: Annotated[str | None, typer.Option("--decided", help="审结日期")] = None,
    result: Annotated[str | None, typer.Option("--result", help="upheld, corrected, other")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """登记一件行政复议或行政诉讼案件（第四部分）。"""
    case = AppealCase(
        kind, _date(filed, "立案日期"), _date(decided, "审结日期") if decided else None, result, case_no
    )
    _store(db).add_appeal(body, case, _actor(actor))
    typer.echo(f"已登记案件{case_no}")


@register_app.command("records-import")
@friendly
def records_import(
    body: BodyOption,
    kind: Annotated[
        str,
        typer.Argument(help="documents（规章与规范性文件）、counts（年度数据）或 appeals（复议诉讼案件）"),
    ],
    file: Annotated[Path, typer.Argument(help="CSV 文件（列见 docs/register.md）")],
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """从 CSV 导入第二、四部分的记录；任何一行有误则全部不导入。"""
    from gongkai.store import csvio

    importers = {
        "documents": (csvio.import_documents_csv, "件文件"),
        "counts": (csvio.import_counts_csv, "个年度的数据"),
        "appeals": (csvio.import_appeals_csv, "件案件"),
    }
    if kind not in importers:
        raise Failure(f"记录类型“{kind}”无效，应为 documents、counts 或 appeals")
    fn, unit = importers[kind]
    n = fn(_store(db), body, file, _actor(actor))
    typer.echo(f"已导入{n}{unit}")
