"""The register as CSV: one row per event, the request's columns repeated on each of its rows.

Export then import gives back the same register. Applicant name and contact are private and are
exported only when asked. An import is one transaction: the first bad row stops it with a message
naming the line and the case, and nothing is stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.errors import RegisterError
from gongkai.register.events import Event, Request
from gongkai.store.errors import StoreError
from gongkai.store.repository import Store

REQUEST_COLUMNS = ("case_no", "applicant_type", "channel", "received_on", "content", "seeded")
PRIVATE_COLUMNS = ("applicant_name", "applicant_contact")
EVENT_COLUMNS = (
    "event_type",
    "event_date",
    "days",
    "approved_by",
    "party",
    "outcome",
    "amount",
    "method",
    "pages",
    "note",
)
REQUIRED = ("case_no", "applicant_type", "received_on", "event_type", "event_date")


def columns(include_private: bool) -> list[str]:
    return [*REQUEST_COLUMNS, *(PRIVATE_COLUMNS if include_private else ()), *EVENT_COLUMNS]


def export_rows(store: Store, body_id: str, include_private: bool = False) -> Iterator[dict[str, str]]:
    store.body(body_id)
    events = store.events_of(body_id)
    for row in store.requests(body_id):
        base = {
            "case_no": row.case_no,
            "applicant_type": row.applicant_type,
            "channel": row.channel or "",
            "received_on": row.received_on.isoformat(),
            "content": row.content,
            "seeded": "1" if row.seeded else "",
        }
        if include_private:
            base |= {"applicant_name": row.applicant_name, "applicant_contact": row.applicant_contact}
        for ev in events.get(row.id, []):
            d = ev.to_dict()
            yield base | {
                "event_type": d.pop("type"),
                "event_date": d.pop("date"),
                **{k: str(v) for k, v in d.items()},
            }


def export_csv(store: Store, body_id: str, path: str | Path, include_private: bool = False) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel opens it as UTF-8
        w = csv.DictWriter(f, fieldnames=columns(include_private), extrasaction="ignore")
        w.writeheader()
        for r in export_rows(store, body_id, include_private):
            w.writerow(r)
            n += 1
    return n


def _read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030, which Chinese spreadsheet software writes by default."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StoreError(f"{path}：无法识别文件编码，请另存为UTF-8")


def import_csv(store: Store, body_id: str, path: str | Path, actor: str) -> tuple[int, int]:
    """Import requests and their events; returns (requests, events). All or nothing."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{p}：文件不存在")
    reader = csv.DictReader(io.StringIO(_read_text(p)))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise StoreError(f"{p}：缺少列 {', '.join(missing)}")
    cases: dict[str, tuple[int, Request, list[Event]]] = {}
    for line, row in enumerate(reader, 2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        case = row.get("case_no") or ""
        where = f"{p.name}第{line}行（申请{case or '?'}）"
        try:
            if not case:
                raise RegisterError("缺少案号 case_no")
            req = _request(row)
            ev = _event(row)
        except RegisterError as e:
            raise StoreError(f"{where}：{_strip_case(str(e), case)}") from e
        if case not in cases:
            cases[case] = (line, req, [])
        elif (
            cases[case][1].received_on != req.received_on
            or cases[case][1].applicant_type != req.applicant_type
        ):
            raise StoreError(f"{where}：与第{cases[case][0]}行的同一申请的收到日期或申请人类型不一致")
        cases[case][2].append(ev)
    n_events = 0
    with store.Session.begin() as s:
        for case, (line, req, events) in cases.items():
            try:
                stored = store.add_request(body_id, req, actor, events, session=s)
            except RegisterError as e:
                raise StoreError(f"{p.name}第{line}行起（申请{case}）：{_strip_case(str(e), case)}") from e
            n_events += len(stored.events)
    return len(cases), n_events


def _strip_case(msg: str, case: str) -> str:
    prefix = f"申请{case}："
    return msg[len(prefix) :] if msg.startswith(prefix) else msg


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise RegisterError(f"{what}“{text}”不是有效日期，应为YYYY-MM-DD") from e


def _request(row: dict[str, str]) -> Request:
    seeded = row.get("seeded") in ("1", "true", "True", "是")
    return Request(
        case_no=row["case_no"],
        applicant_type=row.get("applicant_type", ""),
        channel=row.get("channel") or None,
        received_on=_date(row.get("received_on", ""), "收到日期"),
        content=row.get("content", ""),
        applicant_name=row.get("applicant_name", ""),
        applicant_contact=row.get("applicant_contact", ""),
        seeded=seeded,
    )


def _event(row: dict[str, str]) -> Event:
    d = {k: row[k] for k in EVENT_COLUMNS[2:] if row.get(k)}
    if not row.get("event_type"):
        raise RegisterError("缺少事件类型 event_type")
    d["type"] = row["event_type"]
    d["date"] = _date(row.get("event_date", ""), "事件日期")
    try:
        return Event.from_dict(d)
    except ValueError as e:
        if isinstance(e, RegisterError):
            raise
        raise RegisterError(str(e)) from e


# ---------------------------------------------------------------------------------------- section 二 / 四

DOCUMENT_COLUMNS = ("kind", "title", "number", "issued_on", "repealed_on")
COUNT_COLUMNS = ("year", "licensing", "penalties", "coercive_measures", "fees_amount")
APPEAL_COLUMNS = ("kind", "case_no", "filed_on", "decided_on", "result")


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise StoreError(f"{path}：文件不存在")
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise StoreError(f"{path}：缺少列 {', '.join(missing)}")
    for line, row in enumerate(reader, 2):
        yield line, {k: (v or "").strip() for k, v in row.items() if k}


def _int(text: str, what: str) -> int | None:
    if text == "":
        return None  # a blank stays blank, never a zero
    try:
        return int(text)
    except ValueError as e:
        raise RegisterError(f"{what}“{text}”不是整数") from e


def _import(store: Store, body_id: str, path: str | Path, required, build, add, actor: str) -> int:
    """Parse every row first (naming the line on error), then write them all in one transaction."""
    p = Path(path)
    items = []
    for line, row in _rows(p, required):
        try:
            items.append((line, build(row)))
        except (RegisterError, ValueError) as e:
            raise StoreError(f"{p.name}第{line}行：{e}") from e
    with store.Session.begin() as s:
        for line, item in items:
            try:
                add(body_id, item, actor, session=s)
            except RegisterError as e:
                raise StoreError(f"{p.name}第{line}行：{e}") from e
    return len(items)


def import_documents_csv(store: Store, body_id: str, path: str | Path, actor: str) -> int:
    """规章 and 行政规范性文件: columns kind, title, number, issued_on, repealed_on."""

    def build(row):
        repealed = row.get("repealed_on") or ""
        return Document(
            row["kind"],
            _date(row["issued_on"], "制发日期"),
            _date(repealed, "废止日期") if repealed else None,
            row.get("title", ""),
            row.get("number", ""),
        )

    return _import(store, body_id, path, ("kind", "issued_on"), build, store.add_document, actor)


def import_counts_csv(store: Store, body_id: str, path: str | Path, actor: str) -> int:
    """Yearly section 二 figures: year, licensing, penalties, coercive_measures, fees_amount (万元)."""

    def build(row):
        year = _int(row["year"], "年度")
        if year is None:
            raise RegisterError("缺少年度")
        fees = row.get("fees_amount") or None
        return YearlyCounts(
            year,
            _int(row.get("licensing", ""), "行政许可"),
            _int(row.get("penalties", ""), "行政处罚"),
            _int(row.get("coercive_measures", ""), "行政强制"),
            fees,
        )

    return _import(store, body_id, path, ("year",), build, store.set_counts, actor)


def import_appeals_csv(store: Store, body_id: str, path: str | Path, actor: str) -> int:
    """Appeal cases: kind, case_no, filed_on, decided_on, result (upheld / corrected / other)."""

    def build(row):
        decided = row.get("decided_on") or ""
        return AppealCase(
            row["kind"],
            _date(row["filed_on"], "立案日期"),
            _date(decided, "审结日期") if decided else None,
            row.get("result") or None,
            row.get("case_no", ""),
        )

    return _import(store, body_id, path, ("kind", "filed_on"), build, store.add_appeal, actor)
