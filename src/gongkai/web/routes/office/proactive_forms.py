"""The 主动公开 forms as posted strings: a Publication read from them (errors naming the field), a stored
record back into them, and the yearly decision counts. No router here: the pages are in `proactive`."""

from __future__ import annotations

from datetime import date

from gongkai.approval import Step
from gongkai.dates import parse_date
from gongkai.errors import InputError
from gongkai.proactive import DOCUMENT_CATEGORIES, Publication
from gongkai.register.active import YearlyCounts
from gongkai.store.models import PublicationRow

PUB_FIELDS = ("title", "category", "formed_on", "issued_on", "doc_number", "channel", "summary", "text")
#: The domain names errors by a Chinese label or its own field name; the form by its input's name.
PUB_ALIASES = {"形成日期": "formed_on", "制发日期": "issued_on"}
STEP_FIELDS = ("comment", "on")  # a refused step itself is said above its button
STEP_ALIASES = {"发布日期": "on"}
COUNT_FIELDS = ("year", "licensing", "penalties", "coercive_measures", "fees_amount")


def parse_day(text: str | None, what: str) -> date:
    if not (text or "").strip():
        raise InputError(f"请填写{what}", code="input.date", field=what)
    return parse_date(text, what)


def publication(values: dict[str, str]) -> Publication:
    category = values.get("category", "")
    issued = values.get("issued_on", "").strip()
    is_document = category in {c.value for c in DOCUMENT_CATEGORIES}
    return Publication(
        title=values.get("title", ""),
        category=category,
        formed_on=parse_day(values.get("formed_on"), "形成日期"),
        summary=values.get("summary", "").strip(),
        doc_number=values.get("doc_number", "").strip(),
        channel=values.get("channel", "") or "政府网站",
        text=values.get("text", ""),
        issued_on=parse_date(issued, "制发日期") if issued and is_document else None,
    )


def publication_values(row: PublicationRow) -> dict[str, str]:
    return {
        "title": row.title,
        "category": row.category,
        "formed_on": row.formed_on.isoformat(),
        "issued_on": row.issued_on.isoformat() if row.issued_on else "",
        "doc_number": row.doc_number or "",
        "channel": row.channel,
        "summary": row.summary or "",
        "text": row.text or "",
    }


def step_of(value: str | None) -> Step:
    try:
        return Step(value or "")
    except ValueError:
        raise InputError(
            f"未知的审批操作“{(value or '')[:20]}”", code="approval.step", field="step"
        ) from None


def counts_values(counts: YearlyCounts | None, year: int) -> dict[str, str]:
    if counts is None:
        return {"year": str(year)}
    shown = {k: getattr(counts, k) for k in COUNT_FIELDS[1:]}
    return {"year": str(year), **{k: "" if v is None else str(v) for k, v in shown.items()}}


def year_of(text: object, default: int) -> int:
    """A year from a query string; the default when blank or not a number (the service checks the range)."""
    text = str(text or "").strip()
    return int(text) if text.isdigit() and len(text) == 4 else default
