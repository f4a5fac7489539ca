"""Approvals in the store: the draft, its stage, and every step taken (gongkai.approval)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from gongkai.approval import Stage, Step, Subject, advance
from gongkai.errors import ConflictError
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import NotFound, StoreError
from gongkai.store.models import ApprovalRow, ApprovalStepRow


@dataclass(frozen=True)
class StepTaken:
    step: Step
    before: Stage
    after: Stage
    comment: str
    at: datetime
    by: str


@dataclass(frozen=True)
class Approval:
    id: int
    body_id: str
    subject: Subject
    subject_key: str
    stage: Stage
    secrecy: bool
    payload: dict
    version: int
    drafted_by: str
    steps: tuple[StepTaken, ...] = ()

    def by(self, step: Step) -> str | None:
        """Who last took a step (the signer of an answer …) since the draft was last returned."""
        found = None
        for s in self.steps:
            if s.step is Step.RETURN:
                found = None
            elif s.step is step:
                found = s.by
        return found


class ApprovalStore(StoreBase):
    def open_approval(
        self,
        body_id: str,
        subject: Subject,
        key: str,
        *,
        released: bool = False,
        session: Session | None = None,
    ) -> Approval | None:
        """The approval of a subject not yet released (one at a time), or None; with `released`, the latest
        one whatever its stage (the history a released subject shows)."""
        with self._read(session) as s:
            where = [
                ApprovalRow.body_id == body_id,
                ApprovalRow.subject == subject.value,
                ApprovalRow.subject_key == key,
                ApprovalRow.deleted_at.is_(None),
            ]
            if not released:
                where.append(ApprovalRow.stage != Stage.RELEASED.value)
            row = s.scalar(select(ApprovalRow).where(*where).order_by(ApprovalRow.id.desc()).limit(1))
            return self._approval(s, row) if row else None

    def open_approvals(self, body_id: str, subject: Subject, keys: list[str]) -> dict[str, Approval]:
        """The open approval of each of many subjects (a catalogue page), in two queries."""
        if not keys:
            return {}
        with self.Session() as s:
            rows = s.scalars(
                select(ApprovalRow)
                .where(
                    ApprovalRow.body_id == body_id,
                    ApprovalRow.subject == subject.value,
                    ApprovalRow.subject_key.in_(keys),
                    ApprovalRow.stage != Stage.RELEASED.value,
                    ApprovalRow.deleted_at.is_(None),
                )
                .order_by(ApprovalRow.id)
            ).all()
            steps: dict[int, list[ApprovalStepRow]] = {}
            q = select(ApprovalStepRow).where(ApprovalStepRow.approval_id.in_([r.id for r in rows]))
            for x in s.scalars(q.order_by(ApprovalStepRow.id)):
                steps.setdefault(x.approval_id, []).append(x)
            return {r.subject_key: _as_approval(r, steps.get(r.id, ())) for r in rows}  # the latest wins

    def approval(self, body_id: str, approval_id: int, *, session: Session | None = None) -> Approval:
        with self._read(session) as s:
            row = s.get(ApprovalRow, approval_id)
            if row is None or row.body_id != body_id or row.deleted_at is not None:
                raise NotFound(f"审批单{approval_id}在机关{body_id}中不存在")
            return self._approval(s, row)

    def approvals(self, body_id: str, stages: tuple[Stage, ...] = ()) -> list[Approval]:
        with self.Session() as s:
            q = select(ApprovalRow).where(ApprovalRow.body_id == body_id, ApprovalRow.deleted_at.is_(None))
            if stages:
                q = q.where(ApprovalRow.stage.in_([st.value for st in stages]))
            return [
                self._approval(s, r)
                for r in s.scalars(q.order_by(ApprovalRow.updated_at.desc(), ApprovalRow.id.desc()))
            ]

    def save_draft(
        self,
        body_id: str,
        subject: Subject,
        key: str,
        payload: dict,
        secrecy: bool,
        actor: str,
        *,
        session: Session | None = None,
    ) -> Approval:
        """Create the draft of a subject, or change it while it is a draft (a stage past 拟稿 is locked)."""
        with self._tx(session) as s:
            current = self.open_approval(body_id, subject, key, session=s)
            if current is None:
                row = ApprovalRow(
                    body_id=body_id, subject=subject.value, subject_key=key, stage=Stage.DRAFT.value,
                    secrecy=secrecy, payload=payload, version=1, created_at=now(), created_by=actor,
                )  # fmt: skip
                s.add(row)
                s.flush()
                return self._approval(s, row)
            if current.stage is not Stage.DRAFT:
                raise StoreError(f"审批单{current.id}已送审（{current.stage.value}），退回后才能修改")
            row = s.get(ApprovalRow, current.id)
            row.payload, row.secrecy = payload, secrecy
            row.version += 1
            row.updated_at, row.updated_by = now(), actor
            s.flush()
            return self._approval(s, row)

    def take_step(
        self,
        body_id: str,
        approval_id: int,
        step: Step,
        expected_version: int,
        actor: str,
        comment: str = "",
        *,
        session: Session | None = None,
    ) -> Approval:
        """Move an approval one step on; the version the caller read guards against a concurrent step."""
        with self._tx(session) as s:
            row = s.scalar(select(ApprovalRow).where(ApprovalRow.id == approval_id).with_for_update())
            if row is None or row.body_id != body_id:
                raise NotFound(f"审批单{approval_id}在机关{body_id}中不存在")
            if row.version != expected_version:
                raise ConflictError(f"审批单{approval_id}已被他人处理（当前版本{row.version}），请刷新后重试")
            before = Stage(row.stage)
            after = advance(before, step, secrecy=row.secrecy)
            done = s.execute(
                update(ApprovalRow)
                .where(ApprovalRow.id == approval_id, ApprovalRow.version == expected_version)
                .values(stage=after.value, version=expected_version + 1, updated_at=now(), updated_by=actor)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:
                raise ConflictError(f"审批单{approval_id}已被他人处理，请刷新后重试")
            s.add(
                ApprovalStepRow(
                    approval_id=approval_id, step=Step(step).value, before=before.value, after=after.value,
                    comment=(comment or "").strip()[:2000], at=now(), by=actor,
                )
            )  # fmt: skip
            s.flush()
            s.expire(row)
            return self._approval(s, s.get(ApprovalRow, approval_id))

    def _approval(self, s: Session, row: ApprovalRow) -> Approval:
        steps = s.scalars(
            select(ApprovalStepRow).where(ApprovalStepRow.approval_id == row.id).order_by(ApprovalStepRow.id)
        )
        return _as_approval(row, steps)


def _as_approval(row: ApprovalRow, steps) -> Approval:
    return Approval(
        row.id,
        row.body_id,
        Subject(row.subject),
        row.subject_key,
        Stage(row.stage),
        row.secrecy,
        dict(row.payload or {}),
        row.version,
        row.created_by,
        tuple(StepTaken(Step(x.step), Stage(x.before), Stage(x.after), x.comment, x.at, x.by) for x in steps),
    )
