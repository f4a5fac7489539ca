"""The register store: regions and bodies, requests and their logs, section 二/四 records, calendars,
seeds and the annual report — one class composed of a module per concern.

Every public method runs in one transaction: it either does all it says or raises a StoreError (or a
RegisterError from the domain) and writes nothing. The domain (`gongkai.register`) decides; the store
persists events and the projection `derive` computes from them.
"""

from __future__ import annotations

from gongkai.register.calendar import YearSchedule, checked
from gongkai.store.approvals import ApprovalStore
from gongkai.store.org import OrgStore
from gongkai.store.portal import PortalStore
from gongkai.store.publications import PublicationStore
from gongkai.store.records import RecordStore
from gongkai.store.reports import ReportStore
from gongkai.store.requests import LoggedEvent, Moved, RequestQuery, RequestStore, StoredRequest
from gongkai.store.supervision import SupervisionStore

__all__ = ["LoggedEvent", "Moved", "RequestQuery", "Store", "StoredRequest"]


class Store(
    OrgStore,
    RequestStore,
    RecordStore,
    ReportStore,
    ApprovalStore,
    PublicationStore,
    SupervisionStore,
    PortalStore,
):
    """The whole store (see the module of each concern)."""

    def load_calendar(self, schedule: YearSchedule, actor: str) -> tuple[int, list[Moved]]:
        """Store a year's official schedule (checked for plausibility) and re-derive every open request in
        the same transaction; returns the revision and the due dates that moved."""
        schedule = checked(schedule, f"{schedule.year}年节假日安排")
        calendar = self.calendar().with_schedule(schedule)
        with self.unit() as s:
            rev = self.save_calendar(schedule, actor, s)
            moved = self.recompute(actor=actor, calendar=calendar, session=s)
        self._calendar = None
        return rev, moved
