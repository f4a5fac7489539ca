"""Section 二 and 四 records (documents, yearly figures, appeal cases) and the seed of a register started
mid-stream, in the store."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gongkai.model import Report
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.annual import seed_carry_over
from gongkai.register.request import Request
from gongkai.register.types import APPLICANT_TYPES
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import NotFound, StoreError
from gongkai.store.models import AppealRow, DocumentRow, RequestRow, SeedRow, YearlyCountsRow


class RecordStore(StoreBase):
    # ------------------------------------------------------------------ seeding
    def seed(self, body_id: str, report: Report | dict, actor: str) -> dict[str, int]:
        """Start a register mid-stream from the body's last published report: its carried_forward requests
        become placeholder requests dated 12-31 of that year, to be answered like any other."""
        year, carry = seed_carry_over(report)
        data = report.to_dict() if isinstance(report, Report) else Report.from_dict(report).to_dict()
        with self.Session.begin() as s:
            self.body(body_id, s)
            if s.get(SeedRow, body_id) is not None:
                raise StoreError(f"机关{body_id}已导入过结转起点报告")
            if s.scalar(select(func.count()).select_from(RequestRow).where(RequestRow.body_id == body_id)):
                raise StoreError(f"机关{body_id}的登记簿已有申请，不能再导入结转起点")
            s.add(SeedRow(body_id=body_id, year=year, report=data, imported_at=now(), imported_by=actor))
            for col in APPLICANT_TYPES:
                for i in range(1, carry[col] + 1):
                    req = Request(
                        f"结转{year}-{col}-{i:04d}",
                        col,
                        None,
                        date(year, 12, 31),
                        content="上年结转（导入）",
                        seeded=True,
                    )
                    self.add_request(body_id, req, actor, session=s)
            self.audit(s, "seed_reports", body_id, "create", actor, after={"year": year, **carry})
        return carry

    def seed_report(self, body_id: str) -> tuple[int, Report] | None:
        with self.Session() as s:
            row = s.get(SeedRow, body_id)
            return (row.year, Report.from_dict(row.report)) if row else None

    # ------------------------------------------------------------------ section 二
    def add_document(self, body_id: str, doc: Document, actor: str, *, session: Session | None = None) -> int:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = DocumentRow(
                body_id=body_id,
                kind=doc.kind.value,
                title=doc.title,
                number=doc.number,
                issued_on=doc.issued_on,
                repealed_on=doc.repealed_on,
                created_at=now(),
                created_by=actor,
            )
            s.add(row)
            s.flush()
            self.audit(s, "documents", str(row.id), "create", actor, after=_doc(doc))
            return row.id

    def repeal_document(self, body_id: str, doc_id: int, repealed_on: date, actor: str) -> None:
        with self.Session.begin() as s:
            row = s.get(DocumentRow, doc_id)
            if row is None or row.body_id != body_id or row.deleted_at is not None:
                raise NotFound(f"文件{doc_id}在机关{body_id}中不存在")
            Document(row.kind, row.issued_on, repealed_on, row.title, row.number)  # validates the dates
            self.audit(
                s,
                "documents",
                str(doc_id),
                "update",
                actor,
                {"repealed_on": row.repealed_on},
                {"repealed_on": repealed_on},
            )
            row.repealed_on, row.updated_at, row.updated_by = repealed_on, now(), actor

    def documents(self, body_id: str) -> list[Document]:
        with self.Session() as s:
            q = (
                select(DocumentRow)
                .where(DocumentRow.body_id == body_id, DocumentRow.deleted_at.is_(None))
                .order_by(DocumentRow.issued_on, DocumentRow.id)
            )
            return [Document(r.kind, r.issued_on, r.repealed_on, r.title, r.number) for r in s.scalars(q)]

    def set_counts(
        self, body_id: str, counts: YearlyCounts, actor: str, *, session: Session | None = None
    ) -> None:
        with self._tx(session) as s:
            self.body(body_id, s)
            row = s.get(YearlyCountsRow, (body_id, counts.year))
            values = {
                "licensing": counts.licensing,
                "penalties": counts.penalties,
                "coercive_measures": counts.coercive_measures,
                "fees_amount": counts.fees_amount,
            }
            key = f"{body_id}/{counts.year}"
            if row is None:
                s.add(
                    YearlyCountsRow(
                        body_id=body_id, year=counts.year, created_at=now(), created_by=actor, **values
                    )
                )
                self.audit(s, "yearly_counts", key, "create", actor, after=values)
                return
            self.audit(s, "yearly_counts", key, "update", actor, {k: getattr(row, k) for k in values}, values)
            for k, v in values.items():
                setattr(row, k, v)
            row.updated_at, row.updated_by = now(), actor

    def counts(self, body_id: str, year: int) -> YearlyCounts | None:
        with self.Session() as s:
            r = s.get(YearlyCountsRow, (body_id, year))
            if r is None or r.deleted_at is not None:
                return None
            return YearlyCounts(year, r.licensing, r.penalties, r.coercive_measures, r.fees_amount)

    def count_years(self, body_id: str) -> list[YearlyCounts]:
        with self.Session() as s:
            q = (
                select(YearlyCountsRow)
                .where(YearlyCountsRow.body_id == body_id, YearlyCountsRow.deleted_at.is_(None))
                .order_by(YearlyCountsRow.year)
            )
            return [
                YearlyCounts(r.year, r.licensing, r.penalties, r.coercive_measures, r.fees_amount)
                for r in s.scalars(q)
            ]

    # ------------------------------------------------------------------ section 四
    def add_appeal(
        self, body_id: str, case: AppealCase, actor: str, *, session: Session | None = None
    ) -> int:
        """A 行政复议 or 行政诉讼 case: one record per case number and body."""
        if not case.case_no.strip():
            raise StoreError("复议诉讼案件须填写案号")
        with self._tx(session) as s:
            self.body(body_id, s)
            if self._appeal(s, body_id, case.case_no, missing_ok=True) is not None:
                raise StoreError(f"案件{case.case_no}已登记；审结后请登记审理结果，不要重复登记案件")
            row = AppealRow(
                body_id=body_id,
                case_no=case.case_no,
                kind=case.kind.value,
                filed_on=case.filed_on,
                decided_on=case.decided_on,
                result=case.result.value if case.result else None,
                created_at=now(),
                created_by=actor,
            )
            s.add(row)
            s.flush()
            self.audit(s, "appeal_cases", f"{body_id}/{case.case_no}", "create", actor, after=_appeal(case))
            return row.id

    def _appeal(
        self, s: Session, body_id: str, case_no: str, *, missing_ok: bool = False
    ) -> AppealRow | None:
        row = s.scalar(select(AppealRow).where(AppealRow.body_id == body_id, AppealRow.case_no == case_no))
        if row is None and not missing_ok:
            raise NotFound(f"案件{case_no}在机关{body_id}中不存在")
        return row

    def decide_appeal(self, body_id: str, case_no: str, decided_on: date, result: str, actor: str) -> None:
        """Record the decision of a case filed before: the record is updated, never registered twice."""
        with self.Session.begin() as s:
            row = self._appeal(s, body_id, case_no)
            if row.deleted_at is not None:
                raise NotFound(f"案件{case_no}已删除")
            case = AppealCase(row.kind, row.filed_on, decided_on, result, case_no)  # validates
            before = {"decided_on": row.decided_on, "result": row.result}
            self.audit(s, "appeal_cases", f"{body_id}/{case_no}", "update", actor, before, _appeal(case))
            row.decided_on, row.result = decided_on, case.result.value
            row.updated_at, row.updated_by = now(), actor

    def remove_appeal(self, body_id: str, case_no: str, actor: str, reason: str) -> None:
        if not (reason or "").strip():
            raise StoreError(f"删除案件{case_no}须说明理由")
        with self.Session.begin() as s:
            row = self._appeal(s, body_id, case_no)
            row.deleted_at, row.deleted_by = now(), actor
            self.audit(s, "appeal_cases", f"{body_id}/{case_no}", "delete", actor, None, {"reason": reason})

    def appeals(self, body_id: str) -> list[AppealCase]:
        with self.Session() as s:
            q = (
                select(AppealRow)
                .where(AppealRow.body_id == body_id, AppealRow.deleted_at.is_(None))
                .order_by(AppealRow.filed_on, AppealRow.id)
            )
            return [AppealCase(r.kind, r.filed_on, r.decided_on, r.result, r.case_no) for r in s.scalars(q)]


def _doc(d: Document) -> dict:
    return {
        "kind": d.kind,
        "title": d.title,
        "number": d.number,
        "issued_on": d.issued_on,
        "repealed_on": d.repealed_on,
    }


def _appeal(c: AppealCase) -> dict:
    return {"kind": c.kind, "filed_on": c.filed_on, "decided_on": c.decided_on, "result": c.result}
