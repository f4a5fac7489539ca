"""Approvals: an answer or a publication drafted, reviewed, checked for secrets, signed and released.

Who may take a step is a permission predicate; the step and its effect (an answer recorded in the
register, a publication put on the catalogue) happen in one transaction.
"""

from __future__ import annotations

from datetime import date

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.approval import STEP_LABELS, Step, Subject, needs_secrecy
from gongkai.errors import InputError
from gongkai.register.events import Answered, event
from gongkai.service.base import Service
from gongkai.store.approvals import Approval

#: What an answer's draft holds besides its kind and row: the text the 答复书 needs.
ANSWER_TEXT = ("provision", "explanation", "withheld_part", "responsible_body", "responsible_contact")


class ApprovalService(Service):
    def draft_answer(self, actor: Actor, body_id: str, case_no: str, **values) -> Approval:
        """Draft (or redraft) the answer to a request: its kind or row and the text of the 答复书. Checked
        against the request's log now, so a draft the register would refuse is refused at once."""
        self.require_write(actor, body_id)
        current = self.store.get(body_id, case_no)
        if current.state.closed:
            raise InputError(f"申请{case_no}已{current.state.label}，不能再拟稿答复", code="approval.closed")
        answer = event("answered", self.today(), kind=values.get("kind"), outcome=values.get("outcome"))
        assert isinstance(answer, Answered)
        if not answer.outcome:
            raise InputError("请选择答复类型或办理结果", code="register.field", field="kind")
        probe = [*current.events, answer]
        self.store.state_for(current.request, probe)  # the log must accept this answer (today)
        payload = {
            "kind": answer.kind.value if answer.kind else None,
            "outcome": answer.outcome,
            **{k: str(values.get(k) or "").strip()[:5000] for k in ANSWER_TEXT},
        }
        return self.store.save_draft(
            body_id,
            Subject.ANSWER,
            case_no,
            payload,
            needs_secrecy(Subject.ANSWER, answer.outcome),
            actor.name,
        )

    def approvals(self, actor: Actor, body_id: str, *stages) -> list[Approval]:
        self.require_read(actor, body_id)
        return self.store.approvals(body_id, tuple(stages))

    def get(self, actor: Actor, body_id: str, approval_id: int) -> Approval:
        self.require_read(actor, body_id)
        return self.store.approval(body_id, approval_id)

    def for_answer(self, actor: Actor, body_id: str, case_no: str) -> Approval | None:
        self.require_read(actor, body_id)
        return self.store.open_approval(body_id, Subject.ANSWER, case_no)

    def may(self, actor: Actor, body_id: str, step: Step) -> bool:
        """Whether the user may take a step in this body (the buttons a page shows)."""
        role = {
            Step.SUBMIT: can.can_write_register,
            Step.RELEASE: can.can_write_register,
            Step.APPROVE: can.can_sign,
            Step.SIGN: can.can_sign,
            Step.SECRECY_PASS: can.can_review_secrecy,
            Step.RETURN: lambda a, b: can.can_sign(a, b) or can.can_review_secrecy(a, b),
        }[Step(step)]
        return role(actor, body_id)

    def step(
        self,
        actor: Actor,
        body_id: str,
        approval_id: int,
        step: Step | str,
        expected_version: int,
        comment: str = "",
        *,
        on: date | None = None,
    ) -> Approval:
        """Take one step. RELEASE records the answer in the register (dated `on`, today by default, signed by
        who signed it) or publishes the publication, in the same transaction."""
        step = Step(step)
        self.store.body(body_id)
        self.require(self.may(actor, body_id, step), actor, f"{STEP_LABELS[step]}")
        if step is Step.RETURN and not (comment or "").strip():
            raise InputError("退回修改须写明意见", code="approval.comment", field="comment")
        current = self.store.approval(body_id, approval_id)
        with self.store.unit() as s:
            done = self.store.take_step(
                body_id, approval_id, step, expected_version, actor.name, comment, session=s
            )
            if step is Step.RELEASE:
                day = self.check_day(on or self.today(), "发布日期")
                if current.subject is Subject.ANSWER:
                    self._answer(s, actor, current, done, day)
                else:
                    self.store.publish(body_id, int(current.subject_key), day, actor.name, session=s)
            elif current.subject is Subject.PUBLICATION:
                status = "draft" if step is Step.RETURN else "approving"
                self.store.set_publication_status(
                    body_id, int(current.subject_key), status, actor.name, session=s
                )
        return self.store.approval(body_id, approval_id)

    def _answer(self, s, actor: Actor, current: Approval, done: Approval, day: date) -> None:
        stored = self.store.get(current.body_id, current.subject_key)
        self.check_day(day, "答复日期", earliest=stored.request.received_on, earliest_what="收到日期")
        p = current.payload
        answer = event(
            "answered", day, kind=p.get("kind"), outcome=p.get("outcome"), signed_by=done.by(Step.SIGN)
        )
        self.store.append(current.body_id, current.subject_key, answer, stored.version, actor.name, session=s)
