"""The standard documents of a disclosure office, as DOCX in the 公文 layout and as text.

    from gongkai.write.notices import Notice, NoticeBody, NoticeKind, NoticeParty, NoticeRequest, ...
    data = render_notice(NoticeKind.ANSWER, notice)      # DOCX bytes
    preview = notice_text(NoticeKind.ANSWER, notice)     # the same document as text

A `Notice` carries the issuing body, the request, the 文号 sequence number, the date, the applicant and the
details of its kind (`DETAILS[kind]`). Anything missing or wrong is an `InputError` naming the document,
the case and the field in Chinese. See docs/notices.md.
"""

from __future__ import annotations

from gongkai.write.notices import docx as _docx
from gongkai.write.notices import text as _text
from gongkai.write.notices.compose import DETAILS, Composed, compose
from gongkai.write.notices.details import (
    ANSWER_REQUIRES,
    FEE_METHOD_LABELS,
    AnswerDetails,
    ConsultationDetails,
    CorrectionDetails,
    CorrectionItem,
    ExtensionDetails,
    FeeDetails,
    LapseDetails,
    ReceiptDetails,
)
from gongkai.write.notices.kinds import KIND_LABELS, KINDS, NoticeKind
from gongkai.write.notices.law import ELEMENT_LABELS, WITHHELD_LABELS, Element
from gongkai.write.notices.model import Notice, NoticeBody, NoticeParty, NoticeRequest


def render_notice(kind: NoticeKind | str, notice: Notice) -> bytes:
    """The notice as DOCX bytes."""
    return _docx.render(compose(kind, notice))


def notice_text(kind: NoticeKind | str, notice: Notice) -> str:
    """The notice as plain text, laid out like the page."""
    return _text.render(compose(kind, notice))


__all__ = [
    "ANSWER_REQUIRES",
    "DETAILS",
    "ELEMENT_LABELS",
    "FEE_METHOD_LABELS",
    "KINDS",
    "KIND_LABELS",
    "WITHHELD_LABELS",
    "AnswerDetails",
    "Composed",
    "ConsultationDetails",
    "CorrectionDetails",
    "CorrectionItem",
    "Element",
    "ExtensionDetails",
    "FeeDetails",
    "LapseDetails",
    "Notice",
    "NoticeBody",
    "NoticeKind",
    "NoticeParty",
    "NoticeRequest",
    "ReceiptDetails",
    "compose",
    "notice_text",
    "render_notice",
]
