"""Section 二 and 四 records: 规章 and 行政规范性文件, the yearly figures, 行政复议 and 行政诉讼 cases."""

from __future__ import annotations

from datetime import date

from gongkai.access import Actor
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.vocab import APPEAL_RESULTS
from gongkai.service.base import Service


class RecordService(Service):
    def add_document(self, actor: Actor, body_id: str, doc: Document) -> int:
        self.require_write(actor, body_id)
        self.check_day(doc.issued_on, "制发日期")
        if doc.repealed_on:
            self.check_day(doc.repealed_on, "废止日期")
        return self.store.add_document(body_id, doc, actor.name)

    def repeal_document(self, actor: Actor, body_id: str, doc_id: int, repealed_on: date) -> None:
        self.require_write(actor, body_id)
        self.check_day(repealed_on, "废止日期")
        self.store.repeal_document(body_id, doc_id, repealed_on, actor.name)

    def documents(self, actor: Actor, body_id: str) -> list[Document]:
        self.require_read(actor, body_id)
        return self.store.documents(body_id)

    def set_counts(self, actor: Actor, body_id: str, counts: YearlyCounts) -> None:
        self.require_write(actor, body_id)
        self.check_year(counts.year)
        self.store.set_counts(body_id, counts, actor.name)

    def counts(self, actor: Actor, body_id: str, year: int) -> YearlyCounts | None:
        self.require_read(actor, body_id)
        return self.store.counts(body_id, self.check_year(year))

    def file_appeal(self, actor: Actor, body_id: str, case: AppealCase) -> int:
        """A new 行政复议 or 行政诉讼 case (with its decision when it is already known)."""
        self.require_write(actor, body_id)
        self.check_day(case.filed_on, f"案件{case.case_no}的立案日期")
        if case.decided_on:
            self.check_day(case.decided_on, f"案件{case.case_no}的审结日期")
        return self.store.add_appeal(body_id, case, actor.name)

    def decide_appeal(self, actor: Actor, body_id: str, case_no: str, decided_on: date, result: str) -> None:
        """The decision of a case filed before: updates its record (never a second case)."""
        self.require_write(actor, body_id)
        self.check_day(decided_on, f"案件{case_no}的审结日期")
        self.store.decide_appeal(body_id, case_no, decided_on, APPEAL_RESULTS.parse(result), actor.name)

    def remove_appeal(self, actor: Actor, body_id: str, case_no: str, reason: str) -> None:
        self.require_write(actor, body_id)
        self.store.remove_appeal(body_id, case_no, actor.name, reason)

    def appeals(self, actor: Actor, body_id: str) -> list[AppealCase]:
        self.require_read(actor, body_id)
        return self.store.appeals(body_id)
