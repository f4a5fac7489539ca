"""主动公开: the body's catalogue — publications drafted, approved (with a 保密审查) and published, the
第二十六条 timeliness, and the section 二 records that 规章 and 规范性文件 become."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.access import Actor
from gongkai.approval import Stage, Subject
from gongkai.errors import InputError
from gongkai.proactive import Publication, late_days, publish_by
from gongkai.service.base import Service
from gongkai.service.section_two import SectionTable, section_two
from gongkai.store.approvals import Approval
from gongkai.store.models import PublicationRow


@dataclass(frozen=True)
class Entry:
    """A catalogue entry as a page shows it: the row, its approval, and its 第二十六条 standing."""

    row: PublicationRow
    approval: Approval | None
    publish_by: date
    late_days: int  # working days past the limit (published late, or still unpublished today)

    @property
    def late(self) -> bool:
        return self.late_days > 0


class ProactiveService(Service):
    def draft(self, actor: Actor, body_id: str, pub: Publication) -> Entry:
        """A new publication, drafted: its approval starts at 拟稿."""
        self.require_write(actor, body_id)
        self.check_day(pub.formed_on, "形成日期")
        with self.store.unit() as s:
            pub_id = self.store.add_publication(body_id, pub, actor.name, session=s)
            self.store.save_draft(
                body_id, Subject.PUBLICATION, str(pub_id), {"title": pub.title}, True, actor.name, session=s
            )
        return self.entry(actor, body_id, pub_id)

    def change(self, actor: Actor, body_id: str, pub_id: int, pub: Publication) -> Entry:
        """Change a draft (a publication under review must be returned first)."""
        self.require_write(actor, body_id)
        self.check_day(pub.formed_on, "形成日期")
        approval = self.store.open_approval(body_id, Subject.PUBLICATION, str(pub_id))
        if approval is not None and approval.stage is not Stage.DRAFT:
            raise InputError("已送审的信息须退回后才能修改", code="approval.stage")
        self.store.update_publication(body_id, pub_id, pub, actor.name)
        return self.entry(actor, body_id, pub_id)

    def entry(self, actor: Actor, body_id: str, pub_id: int) -> Entry:
        self.require_read(actor, body_id)
        return self._entry(self.store.publication(body_id, pub_id))

    def history(self, actor: Actor, body_id: str, pub_id: int) -> Approval | None:
        """The publication's approval with its steps, released ones included."""
        self.require_read(actor, body_id)
        self.store.publication(body_id, pub_id)
        return self.store.open_approval(body_id, Subject.PUBLICATION, str(pub_id), released=True)

    def _entry(self, row: PublicationRow) -> Entry:
        return self._entries(row.body_id, [row])[0]

    def _entries(self, body_id: str, rows: list[PublicationRow]) -> list[Entry]:
        """Entries of many rows: their approvals in one go, not one query each."""
        cal, today = self.store.calendar(), self.today()
        approvals = self.store.open_approvals(body_id, Subject.PUBLICATION, [str(r.id) for r in rows])
        return [
            Entry(
                r,
                approvals.get(str(r.id)),
                publish_by(r.formed_on, cal),
                late_days(r.formed_on, r.published_on or today, cal),
            )
            for r in rows
        ]

    def catalogue(
        self,
        actor: Actor,
        body_id: str,
        *,
        status: str | None = None,
        category: str | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Entry], int]:
        self.require_read(actor, body_id)
        rows, total = self.store.publications(
            body_id, status=status, category=category, text=text, limit=limit, offset=offset
        )
        return self._entries(body_id, rows), total

    def late(self, actor: Actor, body_id: str) -> list[Entry]:
        """Publications not published within 20 working days of being formed or changed (第二十六条)."""
        self.require_read(actor, body_id)
        cal, today = self.store.calendar(), self.today()
        late = [
            pub_id
            for pub_id, formed, published in self.store.publication_dates(body_id)
            if late_days(formed, published or today, cal) > 0
        ]  # dates only: the rows and approvals are read for the late ones alone
        return self._entries(body_id, self.store.publications_by_id(body_id, late))

    def section_two(self, actor: Actor, body_id: str, year: int) -> tuple[SectionTable, ...]:
        """What the catalogue and the entered decision counts give section 二 of the year's report."""
        self.require_read(actor, body_id)
        cells = self.store.annual_report(body_id, self.check_year(year, "报告年度")).cells
        return section_two(cells)

    def repeal(self, actor: Actor, body_id: str, pub_id: int, on: date) -> None:
        self.require_write(actor, body_id)
        self.check_day(on, "废止日期")
        self.store.repeal_publication(body_id, pub_id, on, actor.name)
