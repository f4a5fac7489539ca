"""社会评议: an applicant rates the answer once; the body sees its ratings, the supervisor a summary per
body without personal data, and section 一 of the annual report can quote the summary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.errors import InputError

MAX_COMMENT = 1000


class Rating(StrEnum):
    SATISFIED = "satisfied"
    MOSTLY = "mostly_satisfied"
    DISSATISFIED = "dissatisfied"


RATING_LABELS = {Rating.SATISFIED: "满意", Rating.MOSTLY: "基本满意", Rating.DISSATISFIED: "不满意"}


def parse_rating(value: object) -> Rating:
    for r, label in RATING_LABELS.items():
        if value in (r, r.value, label):
            return r
    raise InputError(f"评价“{str(value)[:20]}”无效，应为：满意、基本满意或不满意", code="portal.rating")


def check_comment(comment: str) -> str:
    comment = str(comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise InputError(f"评价意见过长（最多{MAX_COMMENT}字）", code="portal.rating", field="comment")
    return comment


@dataclass(frozen=True)
class RatingSummary:
    """A body's ratings of one year (or all years): counts only, nothing about who rated."""

    body_id: str
    body_name: str
    year: int | None
    satisfied: int = 0
    mostly: int = 0
    dissatisfied: int = 0

    @property
    def total(self) -> int:
        return self.satisfied + self.mostly + self.dissatisfied

    @property
    def satisfaction(self) -> float | None:
        """满意率: 满意 and 基本满意 over all ratings (None without ratings)."""
        return (self.satisfied + self.mostly) / self.total if self.total else None

    def sentence(self) -> str:
        """The sentence section 一 of the annual report quotes (社会评议)."""
        when = f"{self.year}年" if self.year else ""
        if not self.total:
            return f"{when}本机关未收到申请人对依申请公开答复的网上评价。"
        rate = f"{self.satisfaction * 100:.1f}".rstrip("0").rstrip(".")
        return (
            f"{when}申请人通过网上评价对本机关{self.total}件依申请公开答复作出评价，其中满意{self.satisfied}件、"
            f"基本满意{self.mostly}件、不满意{self.dissatisfied}件，满意率（含基本满意）为{rate}%。"
        )
