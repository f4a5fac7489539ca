"""The approval of what a body releases: an answer to a request, or a proactive publication.

Nothing leaves the office on one person's say: a clerk drafts (拟稿), the 审核人 reviews (审核), the
保密审查员 records the 保密审查 where it is required — before every publication and before an answer that
discloses information (予以公开, 部分公开) — the 负责人 signs (签发), and only then is it released (an answer
recorded in the register, a publication put on the catalogue). A reviewer may send a draft back with a
comment at any stage; it returns to its drafter to be changed and submitted again.

`advance` is pure: the stage a step leads to, or an `InputError` saying what the stage allows. Who may take
each step is a predicate of `gongkai.access.permissions`, checked by the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.errors import InputError


class Stage(StrEnum):
    DRAFT = "draft"  # 拟稿: the drafter may change it
    REVIEW = "review"  # 待审核
    SECRECY = "secrecy"  # 待保密审查
    SIGN = "sign"  # 待签发
    SIGNED = "signed"  # 已签发, to be released
    RELEASED = "released"  # 已答复 / 已发布


STAGE_LABELS = {
    Stage.DRAFT: "拟稿",
    Stage.REVIEW: "待审核",
    Stage.SECRECY: "待保密审查",
    Stage.SIGN: "待签发",
    Stage.SIGNED: "已签发",
    Stage.RELEASED: "已发布",
}


class Step(StrEnum):
    SUBMIT = "submit"  # 送审
    APPROVE = "approve"  # 审核通过
    SECRECY_PASS = "secrecy_pass"  # 保密审查通过
    SIGN = "sign"  # 签发
    RELEASE = "release"  # 发布 / 答复
    RETURN = "return"  # 退回修改


STEP_LABELS = {
    Step.SUBMIT: "送审",
    Step.APPROVE: "审核通过",
    Step.SECRECY_PASS: "保密审查通过",
    Step.SIGN: "签发",
    Step.RELEASE: "发布",
    Step.RETURN: "退回修改",
}

#: The role each step needs (gongkai.access.Role values), for the service's permission check.
STEP_ROLE = {
    Step.SUBMIT: "clerk",
    Step.APPROVE: "reviewer",
    Step.SECRECY_PASS: "secrecy",
    Step.SIGN: "reviewer",
    Step.RELEASE: "clerk",
    Step.RETURN: "reviewer_or_secrecy",
}


class Subject(StrEnum):
    ANSWER = "answer"  # the answer to a request (case number)
    PUBLICATION = "publication"  # a proactive publication (its id)


#: Outcome rows whose answers disclose information: a 保密审查 before release.
DISCLOSING_ROWS = frozenset({"granted", "partially_granted"})


def needs_secrecy(subject: Subject, outcome: str | None = None) -> bool:
    return subject is Subject.PUBLICATION or outcome in DISCLOSING_ROWS


@dataclass(frozen=True)
class Transition:
    step: Step
    before: Stage
    after: Stage


def advance(stage: Stage, step: Step, *, secrecy: bool) -> Stage:
    """The stage after `step`; InputError when the stage does not allow it."""
    stage, step = Stage(stage), Step(step)
    if step is Step.RETURN:
        if stage in (Stage.REVIEW, Stage.SECRECY, Stage.SIGN):
            return Stage.DRAFT
        raise _refused(stage, step)
    allowed = {
        (Stage.DRAFT, Step.SUBMIT): Stage.REVIEW,
        (Stage.REVIEW, Step.APPROVE): Stage.SECRECY if secrecy else Stage.SIGN,
        (Stage.SECRECY, Step.SECRECY_PASS): Stage.SIGN,
        (Stage.SIGN, Step.SIGN): Stage.SIGNED,
        (Stage.SIGNED, Step.RELEASE): Stage.RELEASED,
    }
    after = allowed.get((stage, step))
    if after is None:
        raise _refused(stage, step)
    return after


def steps_from(stage: Stage) -> tuple[Step, ...]:
    """What may be done at a stage (the buttons a page offers)."""
    return {
        Stage.DRAFT: (Step.SUBMIT,),
        Stage.REVIEW: (Step.APPROVE, Step.RETURN),
        Stage.SECRECY: (Step.SECRECY_PASS, Step.RETURN),
        Stage.SIGN: (Step.SIGN, Step.RETURN),
        Stage.SIGNED: (Step.RELEASE,),
        Stage.RELEASED: (),
    }[Stage(stage)]


def _refused(stage: Stage, step: Step) -> InputError:
    can = "、".join(STEP_LABELS[s] for s in steps_from(stage)) or "不能再办理"
    return InputError(
        f"当前为“{STAGE_LABELS[stage]}”，不能“{STEP_LABELS[step]}”（可以：{can}）",
        code="approval.stage",
        field="step",
    )
