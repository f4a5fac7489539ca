"""The one service API the command line and the web application call.

Each operation takes the acting user (`gongkai.access.Actor`), checks what they may do with the predicates
of `gongkai.access.permissions`, runs in one transaction, returns domain objects and raises the
`gongkai.errors` family with a Chinese message. The faces keep no logic of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from gongkai.accounts import AccountService
from gongkai.dates import beijing_today
from gongkai.service.approvals import ApprovalService
from gongkai.service.calendar import CalendarService
from gongkai.service.dashboard import DashboardService
from gongkai.service.ledger import LedgerService
from gongkai.service.notices import NoticeService
from gongkai.service.org import OrgService
from gongkai.service.portal import PortalService
from gongkai.service.proactive import ProactiveService
from gongkai.service.records import RecordService
from gongkai.service.reports import AnnualReportService, ReportService
from gongkai.service.requests import Page, RequestService, RequestView, Summary
from gongkai.service.supervision import SupervisionService
from gongkai.store import Store

__all__ = ["Page", "RequestService", "RequestView", "Services", "Summary"]


class Services:
    """Every service over one store, sharing one clock."""

    def __init__(
        self, store: Store, *, today: Callable[[], date] = beijing_today, data_dir: str | Path | None = None
    ):
        self.store = store
        self.requests = RequestService(store, today=today)
        self.records = RecordService(store, today=today)
        self.reports = ReportService(store, today=today)
        self.calendar = CalendarService(store, today=today)
        self.ledger = LedgerService(store, today=today)
        self.notices = NoticeService(store, today=today)
        self.approvals = ApprovalService(store, today=today)
        self.proactive = ProactiveService(store, today=today)
        self.annual = AnnualReportService(store, today=today)
        self.supervision = SupervisionService(store, today=today)
        self.portal = PortalService(store, today=today, data_dir=data_dir)
        self.accounts = AccountService(store)
        self.dashboard = DashboardService(store, today=today)
        self.org = OrgService(store, today=today)

    @classmethod
    def open(cls, url: str | None = None, **kw) -> Services:
        return cls(Store.open(url), **kw)
