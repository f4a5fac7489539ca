"""Demo data of the 主动公开 and 年度报告 pages, added to `gongkai.demo.build` as an extra: in every
office a 规范性文件 waiting for its 保密审查, a notice waiting for review and one returned with a comment;
a 规范性文件 of the county government published this year; and this year's decision counts so far — so
each role finds something to do and section 二 of this year's report has figures."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from gongkai.access import Actor, Grant, Role
from gongkai.approval import Step
from gongkai.org import BodyKind
from gongkai.proactive import Publication
from gongkai.register.active import YearlyCounts
from gongkai.service import Services


def proactive_in_progress(svc: Services, today: date) -> None:
    from gongkai.demo import BODIES

    for n, b in enumerate(BODIES):
        clerk, reviewer, secrecy = (
            Actor(name, grants=frozenset({Grant(role, b.id)}))
            for name, role in ((b.clerk, Role.CLERK), (b.reviewer, Role.REVIEWER), (b.secrecy, Role.SECRECY))
        )
        formed = today - timedelta(days=8)  # within its 20 working days: not (yet) late
        steps = partial(_through, svc, b.id, clerk)
        submit = (clerk, Step.SUBMIT, "")
        steps(
            Publication(
                f"{b.name}关于进一步规范政务服务事项办理的规定",
                "normative_documents",
                formed,
                summary="明确办理时限、材料清单和一次性告知要求。",
                doc_number=f"{b.prefix[:2]}规〔{today.year}〕{n + 3}号",
            ),
            submit,
            (reviewer, Step.APPROVE, ""),
        )  # 待保密审查
        quarter = "一二三四"[(today.month - 1) // 3]
        steps(
            Publication(f"{b.name}{today.year}年第{quarter}季度政务公开工作安排", "announcement", formed),
            submit,
        )
        steps(
            Publication(f"{b.name}{today.year}年政府采购意向公开", "procurement", formed - timedelta(days=2)),
            submit,
            (reviewer, Step.RETURN, "请补充采购预算金额和预计采购时间。"),
        )
        if b.kind is BodyKind.GOVERNMENT:
            done = steps(
                Publication(
                    f"{b.name}关于印发{b.name[:3]}城乡生活垃圾分类管理办法的通知",
                    "normative_documents",
                    today - timedelta(days=40),
                    doc_number=f"{b.prefix[:2]}规〔{today.year}〕1号",
                ),
                submit,
                (reviewer, Step.APPROVE, ""),
                (secrecy, Step.SECRECY_PASS, ""),
                (reviewer, Step.SIGN, ""),
            )
            on = svc.store.calendar().add_workdays(today - timedelta(days=40), 5)
            svc.approvals.step(clerk, b.id, done.id, Step.RELEASE, done.version, on=on)
        share = (today - date(today.year, 1, 1)).days + 1
        svc.records.set_counts(
            clerk,
            b.id,
            YearlyCounts(today.year, 3 * share // 5 + n, share // 9 + n, n % 3, Decimal(share) / 40),
        )


def _through(svc: Services, body_id: str, clerk: Actor, pub: Publication, *taken: tuple[Actor, Step, str]):
    """Draft a publication and take the given steps of its approval."""
    a = svc.proactive.draft(clerk, body_id, pub).approval
    for who, step, comment in taken:
        a = svc.approvals.step(who, body_id, a.id, step, a.version, comment)
    return a
