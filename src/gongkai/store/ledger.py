"""The 台账: the register as a spreadsheet an office keeps and exchanges — CSV files or one XLSX workbook.

Sheets (an XLSX sheet each, or a CSV file each: `台账.csv`, `台账.规章和规范性文件.csv` …):
- 申请与事件: one row per event, the request's columns repeated on each of its rows, then what the
  register derives (state, due date, the applicant's period, closing date, outcome, 逾期) — written for
  reading, ignored on import — then the event's own columns, voided events included and marked;
- 规章和规范性文件, 年度数据, 复议诉讼: the section 二 and 四 records.
Headers are Chinese; an import also accepts the codes (`case_no` …). Choices are written as Chinese labels
and read as labels or codes; dates are read as spreadsheets rewrite them (2025/3/3, 2025年3月3日, a date
cell). Export then import gives back the same register. An import is one transaction: the first bad row
stops it with a message naming the file, the line and the case, and nothing is stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path

from gongkai import atomic
from gongkai.dates import parse_date
from gongkai.errors import BROKEN_ZIP, GongkaiError, InputError, LimitExceeded
from gongkai.register import vocab
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.errors import RegisterError
from gongkai.register.events import Event, event
from gongkai.register.request import Request
from gongkai.register.types import EventType
from gongkai.store.errors import StoreError

MAX_FIELD = 20_000  # characters in one cell
MAX_ROWS = 500_000
MAX_BYTES = 200_000_000

REQUEST = (
    ("case_no", "案号"),
    ("applicant_type", "申请人类型"),
    ("channel", "渠道"),
    ("submitted_on", "提交日期"),
    ("signed_for_on", "签收日期"),
    ("confirmed_on", "确认日期"),
    ("received_on", "收到日期"),
    ("content", "申请内容"),
    ("medium", "获取方式"),
    ("delivery", "获取途径"),
    ("purpose", "用途"),
    ("seeded", "上年结转导入"),
)
PRIVATE = (
    ("applicant_name", "申请人姓名或名称"),
    ("id_type", "证件类型"),
    ("id_number", "证件号码"),
    ("applicant_contact", "联系电话"),
    ("address", "通信地址"),
    ("postcode", "邮政编码"),
    ("email", "电子邮箱"),
)
DERIVED = (
    ("state", "状态"),
    ("due_on", "答复期限"),
    ("wait_until", "申请人期限"),
    ("closed_on", "办结日期"),
    ("result", "办理结果（统计）"),
    ("late", "逾期"),
    ("removed", "已删除"),
    ("removed_reason", "删除理由"),
)
EVENT = (
    ("seq", "事件序号"),
    ("event_type", "事件"),
    ("event_date", "事件日期"),
    ("days", "天数"),
    ("served", "送达日期"),
    ("missing", "需补正内容"),
    ("party", "征求意见对象"),
    ("party_name", "对象名称"),
    ("approved_by", "批准人"),
    ("notified", "告知日期"),
    ("until", "延迟答复期限"),
    ("method", "收费方式"),
    ("pages", "页数"),
    ("ordinal", "当月序号"),
    ("amount", "金额（元）"),
    ("kind", "答复类型"),
    ("outcome", "结果行"),
    ("signed_by", "签发人"),
    ("reason", "理由"),
    ("note", "备注"),
    ("recorded_by", "登记人"),
    ("voided", "已作废"),
    ("void_reason", "作废理由"),
)
DOCUMENTS = (
    ("kind", "类型"),
    ("title", "标题"),
    ("number", "文号"),
    ("issued_on", "制发日期"),
    ("repealed_on", "废止日期"),
)
COUNTS = (
    ("year", "年度"),
    ("licensing", "行政许可"),
    ("penalties", "行政处罚"),
    ("coercive_measures", "行政强制"),
    ("fees_amount", "行政事业性收费（万元）"),
)
APPEALS = (
    ("kind", "类型"),
    ("case_no", "案号"),
    ("filed_on", "立案日期"),
    ("decided_on", "审结日期"),
    ("result", "结果"),
)

_LABEL_OF = {code: label for code, label in (*REQUEST, *PRIVATE, *DERIVED, *EVENT)}
SHEETS = {
    "requests": "申请与事件",
    "documents": "规章和规范性文件",
    "counts": "年度数据",
    "appeals": "复议诉讼",
}
_LABELS = {
    "applicant_type": vocab.APPLICANTS,
    "channel": vocab.CHANNELS,
    "medium": vocab.MEDIA,
    "delivery": vocab.DELIVERIES,
    "id_type": vocab.ID_TYPES,
    "event_type": vocab.EVENT_TYPES,
    "party": vocab.PARTIES,
    "method": vocab.FEE_METHODS,
    "kind": vocab.ANSWER_KINDS,
    "outcome": vocab.OUTCOME_ROWS,
    "result": vocab.OUTCOME_ROWS,
    "state": vocab.STATES,
}
YES = ("1", "是", "true", "True", "yes", "Y", "y")


@dataclass
class Ledger:
    """The whole 台账 of a body, as rows of dicts keyed by column code (values already written as text)."""

    requests: list[dict]
    documents: list[dict]
    counts: list[dict]
    appeals: list[dict]


@dataclass
class ImportedCase:
    line: int
    request: Request
    events: list[Event]
    voided: dict[int, tuple[str, str]]  # seq -> (who, reason)
    recorded_by: dict[int, str]
    removed_reason: str | None


# ---------------------------------------------------------------------------------------------- export


def request_columns(private: bool) -> tuple[tuple[str, str], ...]:
    return (*REQUEST, *(PRIVATE if private else ()), *DERIVED, *EVENT)


def ledger_rows(store, body_id: str, *, private: bool) -> Ledger:
    """The body's 台账, removed requests and voided events included and marked."""
    store.body(body_id)
    logs = store.logs_of(body_id)
    rows = []
    for r in store.requests(body_id, include_deleted=True):
        req = {k: _text(getattr(r, k), k) for k, _ in (*REQUEST, *(PRIVATE if private else ()))}
        removed = r.deleted_at is not None
        reason = _removal_reason(store, body_id, r.case_no) if removed else ""
        derived = {
            "state": _text(r.state, "state"),
            "due_on": _text(r.due_on),
            "wait_until": _text(r.wait_until),
            "closed_on": _text(r.closed_on),
            "result": _text(r.outcome, "result"),
            "late": "是" if r.late else "",
            "removed": "是" if removed else "",
            "removed_reason": reason,
        }
        for e in logs.get(r.id, []):
            data = e.event.data()
            ev = {k: _text(data.get(k), k) for k, _ in EVENT if k in data}
            ev |= {
                "seq": str(e.seq),
                "event_type": _text(e.event.type, "event_type"),
                "event_date": e.event.date.isoformat(),
                "recorded_by": e.recorded_by,
                "voided": "是" if e.voided else "",
                "void_reason": e.void_reason or "",
            }
            rows.append(req | derived | ev)
    docs = [
        {
            "kind": vocab.DOCUMENT_KINDS.label(d.kind),
            "title": d.title,
            "number": d.number,
            "issued_on": _text(d.issued_on),
            "repealed_on": _text(d.repealed_on),
        }
        for d in store.documents(body_id)
    ]
    counts = [{k: _text(getattr(c, k)) for k, _ in COUNTS} for c in store.count_years(body_id)]
    appeals = [
        {
            "kind": vocab.APPEAL_KINDS.label(a.kind),
            "case_no": a.case_no,
            "filed_on": _text(a.filed_on),
            "decided_on": _text(a.decided_on),
            "result": vocab.APPEAL_RESULTS.label(a.result) if a.result else "",
        }
        for a in store.appeals(body_id)
    ]
    return Ledger(rows, docs, counts, appeals)


def _removal_reason(store, body_id: str, case_no: str) -> str:
    for a in reversed(store.history(body_id, case_no)):
        if a.action == "delete":
            return (a.after or {}).get("reason", "")
    return ""


def _text(v, key: str | None = None) -> str:
    if v is None or v == "":
        return ""
    if key == "missing":
        return "、".join(vocab.APPLICATION_ELEMENTS.label(x) for x in v)
    if key in _LABELS:
        return _LABELS[key].label(getattr(v, "value", v))
    if isinstance(v, bool):
        return "是" if v else ""
    if isinstance(v, date):
        return v.isoformat()
    return str(getattr(v, "value", v))


def write_ledger(ledger: Ledger, path: Path, *, private: bool) -> list[Path]:
    """Write the 台账 as one XLSX workbook, or as CSV files beside `path`; returns the files written."""
    sheets = (
        ("requests", request_columns(private), ledger.requests),
        ("documents", DOCUMENTS, ledger.documents),
        ("counts", COUNTS, ledger.counts),
        ("appeals", APPEALS, ledger.appeals),
    )
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        wb.remove(wb.active)
        for key, cols, rows in sheets:
            ws = wb.create_sheet(SHEETS[key])
            ws.append([label for _, label in cols])
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for row in rows:
                ws.append([row.get(k, "") for k, _ in cols])
            ws.freeze_panes = "A2"
        with atomic.target(path) as tmp:
            wb.save(tmp)
        return [path]
    if path.suffix.lower() != ".csv":
        raise InputError(f"{path.name}：台账应为 .csv 或 .xlsx 文件", code="input.file")
    written = []
    for key, cols, rows in sheets:
        target = path if key == "requests" else sibling(path, key)
        if key != "requests" and not rows:
            continue
        # BOM: Excel opens it as UTF-8
        with atomic.replacing(target, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([label for _, label in cols])
            for row in rows:
                w.writerow([row.get(k, "") for k, _ in cols])
        written.append(target)
    return written


def sibling(path: Path, key: str) -> Path:
    return path.with_name(f"{path.stem}.{SHEETS[key]}{path.suffix}")


# ---------------------------------------------------------------------------------------------- reading


def read_sheets(path: Path) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Every sheet of a 台账 file (and a CSV's sibling files), as (line, row by column code)."""
    if not path.exists():
        raise InputError(f"{path}：文件不存在", code="input.file")
    if path.stat().st_size > MAX_BYTES:
        raise LimitExceeded(f"{path.name}：文件超过{MAX_BYTES // 1_000_000} MB", code="input.file")
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    if path.suffix.lower() != ".csv":
        raise InputError(f"{path.name}：台账应为 .csv 或 .xlsx 文件", code="input.file")
    out = {"requests": list(_read_csv(path, request_columns(True)))}
    for key, cols in (("documents", DOCUMENTS), ("counts", COUNTS), ("appeals", APPEALS)):
        p = sibling(path, key)
        out[key] = list(_read_csv(p, cols)) if p.exists() else []
    return out


def _header_map(header: Iterable, columns, where: str) -> list[str | None]:
    known = {label: code for code, label in columns} | {code: code for code, _ in columns}
    keys = [known.get(str(h or "").strip().lstrip("\ufeff")) for h in header]
    if not any(keys):
        raise InputError(
            f"{where}：表头不是台账的列（应为 {'、'.join(label for _, label in columns[:4])} ……）",
            code="input.file",
        )
    return keys


def _read_csv(path: Path, columns) -> Iterator[tuple[int, dict[str, str]]]:
    text = _decode(path)
    reader = csv.reader(io.StringIO(text))
    csv.field_size_limit(MAX_FIELD * 4)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path.name}：文件是空的", code="input.file")
        keys = _header_map(header, columns, path.name)
        for n, values in enumerate(reader, 2):
            if n > MAX_ROWS:
                raise LimitExceeded(f"{path.name}：超过{MAX_ROWS}行", code="input.file")
            yield n, _row(keys, values, f"{path.name}第{n}行")
    except csv.Error as e:
        raise InputError(
            f"{path.name}第{reader.line_num}行：CSV 格式错误或单元格过长（{e}）", code="input.file"
        ) from None


def _read_xlsx(path: Path) -> dict[str, list[tuple[int, dict[str, str]]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (*BROKEN_ZIP, KeyError) as e:
        raise InputError(
            f"{path.name}：不是有效的 Excel 文件（{type(e).__name__}）", code="input.file"
        ) from None
    cols = {"requests": request_columns(True), "documents": DOCUMENTS, "counts": COUNTS, "appeals": APPEALS}
    out: dict[str, list] = {k: [] for k in cols}
    try:
        for key, title in SHEETS.items():
            if title not in wb.sheetnames:
                if key == "requests":
                    raise InputError(f"{path.name}：没有“{title}”工作表", code="input.file")
                continue
            rows = wb[title].iter_rows(values_only=True)
            header = next(rows, None) or ()
            keys = _header_map(header, cols[key], f"{path.name}的“{title}”")
            for n, values in enumerate(rows, 2):
                if n > MAX_ROWS:
                    raise LimitExceeded(f"{path.name}：超过{MAX_ROWS}行", code="input.file")
                if any(v not in (None, "") for v in values):
                    out[key].append((n, _row(keys, values, f"{path.name}“{title}”第{n}行")))
    finally:
        wb.close()
    return out


def _row(keys: list[str | None], values, where: str) -> dict[str, str]:
    row = {}
    for k, v in zip(keys, values, strict=False):
        if k is None or v is None:
            continue
        if isinstance(v, datetime):
            v = v.date().isoformat()
        elif isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, float) and v.is_integer():
            v = str(int(v))
        v = str(v).strip()
        if len(v) > MAX_FIELD:
            raise LimitExceeded(
                f"{where}：“{_LABEL_OF.get(k, k)}”过长（{len(v)}字，最多{MAX_FIELD}字）", code="input.file"
            )
        row[k] = v
    return row


def _decode(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030, which Chinese spreadsheet software writes by default."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}：无法识别文件编码，请另存为UTF-8", code="input.file")


# ---------------------------------------------------------------------------------------------- parsing


def parse_cases(rows: list[tuple[int, dict[str, str]]], name: str) -> list[ImportedCase]:
    """The requests of the 台账 with their logs, in file order; InputError naming the line and case."""
    cases: dict[str, ImportedCase] = {}
    for line, row in rows:
        case = row.get("case_no", "")
        where = f"{name}第{line}行（申请{case or '?'}）"
        try:
            if not case:
                raise InputError("缺少案号")
            req = _request(row)
            ev = _event(row)
        except GongkaiError as e:
            raise StoreError(f"{where}：{_strip(str(e), case)}") from e
        got = cases.get(case)
        if got is None:
            got = cases[case] = ImportedCase(line, req, [], {}, {}, row.get("removed_reason") or None)
            if row.get("removed") in YES and not got.removed_reason:
                got.removed_reason = "导入的台账中已删除"
        elif (got.request.received_on, got.request.applicant_type) != (req.received_on, req.applicant_type):
            raise StoreError(f"{where}：与第{got.line}行同一申请的收到日期或申请人类型不一致")
        if ev.type is EventType.RECEIVED and got.events:
            raise StoreError(f"{where}：收到申请事件应为该申请的第一个事件")
        if ev.type is not EventType.RECEIVED and not got.events:
            got.events.append(event("received", req.received_on))
        got.events.append(ev)
        seq = len(got.events)
        got.recorded_by[seq] = row.get("recorded_by", "")
        if row.get("voided") in YES:
            got.voided[seq] = (
                row.get("recorded_by") or "导入",
                row.get("void_reason") or "导入的台账中已作废",
            )
    return list(cases.values())


def _request(row: dict[str, str]) -> Request:
    values: dict = {}
    for f in fields(Request):
        v = row.get(f.name, "")
        if f.name.endswith("_on"):
            values[f.name] = parse_date(v, dict(REQUEST).get(f.name, f.name)) if v else None
        elif f.name == "seeded":
            values[f.name] = v in YES
        else:
            values[f.name] = v
    if values["received_on"] is None:
        raise InputError("缺少收到日期")
    values["channel"] = values["channel"] or None
    values["id_type"] = values["id_type"] or None
    return Request(**values)


def _event(row: dict[str, str]) -> Event:
    if not row.get("event_type"):
        raise InputError("缺少事件类型")
    values = {
        k: row.get(k)
        for k, _ in EVENT
        if k not in ("seq", "event_type", "event_date", "recorded_by", "voided", "void_reason")
    }
    return event(row["event_type"], row.get("event_date", ""), **values)


def _strip(msg: str, case: str) -> str:
    prefix = f"申请{case}："
    return msg[len(prefix) :] if msg.startswith(prefix) else msg


def parse_records(sheets: dict[str, list[tuple[int, dict[str, str]]]], name: str):
    """The section 二 and 四 records of the 台账: (documents, counts, appeals)."""
    out: dict[str, list] = {"documents": [], "counts": [], "appeals": []}
    builders = {"documents": _document, "counts": _counts, "appeals": _appeal}
    for key, build in builders.items():
        for line, row in sheets.get(key, []):
            try:
                out[key].append(build(row))
            except (GongkaiError, RegisterError) as e:
                raise StoreError(f"{name}“{SHEETS[key]}”第{line}行：{e}") from e
    return out["documents"], out["counts"], out["appeals"]


def _document(row: dict[str, str]) -> Document:
    return Document(
        vocab.DOCUMENT_KINDS.parse(row.get("kind", "")),
        parse_date(row.get("issued_on", ""), "制发日期"),
        parse_date(row["repealed_on"], "废止日期") if row.get("repealed_on") else None,
        row.get("title", ""),
        row.get("number", ""),
    )


def _counts(row: dict[str, str]) -> YearlyCounts:
    year = row.get("year", "")
    if not year.isdigit():
        raise InputError(f"年度“{year}”无效")
    return YearlyCounts(
        int(year),
        row.get("licensing"),
        row.get("penalties"),
        row.get("coercive_measures"),
        row.get("fees_amount"),
    )


def _appeal(row: dict[str, str]) -> AppealCase:
    return AppealCase(
        vocab.APPEAL_KINDS.parse(row.get("kind", "")),
        parse_date(row.get("filed_on", ""), "立案日期"),
        parse_date(row["decided_on"], "审结日期") if row.get("decided_on") else None,
        vocab.APPEAL_RESULTS.parse(row["result"]) if row.get("result") else None,
        row.get("case_no", ""),
    )


# ---------------------------------------------------------------------------------------------- import


def import_ledger(store, body_id: str, path: Path, actor: str) -> dict[str, int]:
    """Import a 台账 into a body's register, all or nothing; returns how many of each record came in."""
    sheets = read_sheets(path)
    cases = parse_cases(sheets["requests"], path.name)
    documents, counts, appeals = parse_records(sheets, path.name)
    n_events = 0
    with store.unit() as s:
        for c in cases:
            try:
                stored = store.add_request(
                    body_id, c.request, actor, c.events, session=s, voided=c.voided, recorded_by=c.recorded_by
                )
                if c.removed_reason:
                    store.delete_request(
                        body_id, c.request.case_no, stored.version, actor, c.removed_reason, session=s
                    )
            except GongkaiError as e:
                case = c.request.case_no
                raise StoreError(f"{path.name}第{c.line}行起（申请{case}）：{_strip(str(e), case)}") from e
            n_events += len(c.events)
        for doc in documents:
            store.add_document(body_id, doc, actor, session=s)
        for y in counts:
            store.set_counts(body_id, y, actor, session=s)
        for a in appeals:
            try:
                store.add_appeal(body_id, a, actor, session=s)
            except GongkaiError as e:
                raise StoreError(f"{path.name}“{SHEETS['appeals']}”：{e}") from e
    return {
        "requests": len(cases),
        "events": n_events,
        "documents": len(documents),
        "counts": len(counts),
        "appeals": len(appeals),
    }


def import_records(store, body_id: str, kind: str, path: Path, actor: str) -> int:
    """One records sheet: a CSV of that sheet's columns, or the sheet of an XLSX 台账."""
    columns = {"documents": DOCUMENTS, "counts": COUNTS, "appeals": APPEALS}[kind]
    if path.suffix.lower() == ".xlsx":
        rows = read_sheets(path).get(kind, [])
    else:
        if not path.exists():
            raise InputError(f"{path}：文件不存在", code="input.file")
        rows = list(_read_csv(path, columns))
    documents, counts, appeals = parse_records({kind: rows}, path.name)
    add = {"documents": store.add_document, "counts": store.set_counts, "appeals": store.add_appeal}[kind]
    items = {"documents": documents, "counts": counts, "appeals": appeals}[kind]
    with store.unit() as s:
        for item in items:
            try:
                add(body_id, item, actor, session=s)
            except GongkaiError as e:
                raise StoreError(f"{path.name}：{e}") from e
    return len(items)
