"""The supervising office (政务公开办) of a region: every body under it with its report status and deadline,
each report's findings (cross-year carry-over included), the regional summary, reminders and charts; and
uploads of the published reports of bodies not on the platform, read through the readers.

Supervisors read across their region (and its sub-regions) and never write a body's register; a
supervisor of another region is refused. What is summed: the reports platform bodies submitted or
published (as they stood then) and the uploaded reports; a body that has not reported is listed in the
summary as not counted — never as zeros.
"""

from __future__ import annotations

import tempfile
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.aggregate import Summary, Unread, aggregate, body_findings
from gongkai.check import body_key
from gongkai.errors import InputError
from gongkai.examine import examine_file
from gongkai.model import Report
from gongkai.model.finding import Finding
from gongkai.org.model import BodyKind, Region
from gongkai.register.vocab import BODY_KINDS
from gongkai.reporting import ReportStatus, due_date, status_without_record
from gongkai.service.base import FIRST_YEAR, Service
from gongkai.store.errors import NotFound
from gongkai.store.supervision import Snapshot, StoredUpload
from gongkai.supervision import BodyEntry, Chart, Reminder, YearData, charts, reminders

#: Files a supervisor may upload: what the readers read.
UPLOAD_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")
MAX_UPLOAD_BYTES = 30 * 1024 * 1024
_CACHE_SIZE = 64


@dataclass(frozen=True)
class BodyReport:
    """One body's report of a year as the supervisor sees it, with its findings."""

    entry: BodyEntry
    report: Report
    findings: tuple[Finding, ...]
    previous_year: int | None = None  # the year of the report the carry-over was checked against
    preview: bool = False  # built from the register now: the body has not submitted it yet
    upload: StoredUpload | None = None

    @property
    def blank_cells(self) -> tuple[str, ...]:
        """Cells left blank (unread, or not printed): flagged on the page, never shown as 0."""
        return tuple(i for i, v in self.report.cells.items() if v is None)


@dataclass
class _RegionYear:
    """What a region's pages of a year are built from, cached per data version."""

    region: Region
    year: int
    entries: list[BodyEntry]
    reports: dict[str, Report]  # name → the report counted for the year
    previous: dict[str, tuple[int, Report]]  # name → the same body's report of the year before
    lazy: dict = field(default_factory=dict)  # summary, charts: computed on first use


class SupervisionService(Service):
    def __init__(self, store, **kw):
        super().__init__(store, **kw)
        self._cache: OrderedDict[tuple, object] = OrderedDict()  # views and region trees, by version

    # ------------------------------------------------------------------ access
    def _require_region(self, actor: Actor, region_id: str, version: tuple | None = None) -> list[str]:
        """The region's tree (itself and every region under it), once the actor may supervise it."""
        tree, chain = self._region(region_id, version or self.store.supervision_version())
        self.require(can.can_supervise(actor, region_id, chain), actor, f"查看地区{region_id}的政务公开工作")
        return tree

    def _region(self, region_id: str, version: tuple) -> tuple[list[str], list[str]]:
        """The region's tree and its chain up to the root, as of the store's version."""
        key = ("region", region_id, version)
        if key not in self._cache:
            tree = self.store.region_tree(region_id)  # NotFound for an unknown region
            self._remember(key, (tree, self.store.region_chain(region_id)))
        return self._cache[key]

    def _remember(self, key: tuple, value) -> None:
        self._cache[key] = value
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)

    def regions(self, actor: Actor) -> list[Region]:
        """The regions the actor supervises at the top (an administrator: the root regions)."""
        every = self.store.regions()
        if actor.is_admin:
            return [r for r in every if r.parent_id is None]
        mine = actor.supervised_regions()
        return [r for r in every if r.id in mine]

    def region(self, actor: Actor, region_id: str) -> Region:
        self._require_region(actor, region_id)
        return next(r for r in self.store.regions() if r.id == region_id)

    def default_year(self) -> int:
        """The year whose reports are being collected: last year's (due by 1月31日 / 3月31日)."""
        return self.today().year - 1

    # ------------------------------------------------------------------ the region's year
    def bodies(self, actor: Actor, region_id: str, year: int) -> list[BodyEntry]:
        """Every body of the region and its sub-regions, with its report status and deadline."""
        return self._view(actor, region_id, year).entries

    def reminders(self, actor: Actor, region_id: str, year: int) -> list[Reminder]:
        """Bodies that have not published, within 15 days of their deadline or past it."""
        return reminders(self._view(actor, region_id, year).entries, self.today())

    def summary(self, actor: Actor, region_id: str, year: int) -> Summary:
        """The regional summary (gongkai.aggregate) of the reports counted for the year."""
        view = self._view(actor, region_id, year)
        if "summary" not in view.lazy:
            view.lazy["summary"] = _summarise(view)
        return view.lazy["summary"]

    def summary_file(self, actor: Actor, region_id: str, year: int, fmt: str) -> tuple[str, bytes]:
        """The summary as a download: (file name, bytes), fmt "xlsx" or "docx"."""
        summary = self.summary(actor, region_id, year)
        if fmt == "xlsx":
            from gongkai.export.summary_xlsx import summary_xlsx_bytes

            data = summary_xlsx_bytes(summary)
        elif fmt == "docx":
            from gongkai.write import to_bytes

            data = to_bytes(summary.report, "docx")
        else:
            raise InputError(f"不支持的下载格式“{fmt}”（可选 xlsx、docx）", code="supervise.format")
        return f"{summary.report.title}.{fmt}", data

    def charts(self, actor: Actor, region_id: str, year: int) -> list[Chart]:
        view = self._view(actor, region_id, year)
        if "charts" not in view.lazy:
            view.lazy["charts"] = charts(self._years(view), view.year)
        return view.lazy["charts"]

    # ------------------------------------------------------------------ one body
    def body_report(self, actor: Actor, region_id: str, year: int, body_id: str) -> BodyReport:
        """A platform body's report of the year: as submitted or published, else the register's preview;
        an uploaded report when that is what the office has."""
        view = self._view(actor, region_id, year)
        entry = next((e for e in view.entries if e.body_id == body_id), None)
        if entry is None:
            raise NotFound(f"机关{body_id}不在地区{region_id}内")
        if entry.name in view.reports:
            return self._reported(view, entry)
        report = self.store.annual_report(body_id, view.year, narrative=self._narrative(body_id, view.year))
        return self._with_findings(view, entry, report, preview=True)

    def upload_report(self, actor: Actor, region_id: str, upload_id: int) -> BodyReport:
        """An uploaded report (of the year it is a report of) with its findings."""
        tree = self._require_region(actor, region_id)
        upload = self.store.upload(upload_id)
        if upload.region_id not in tree:
            raise NotFound(f"上传的报告{upload_id}不在地区{region_id}内")
        view = self._view(actor, region_id, upload.year)
        entry = next((e for e in view.entries if e.upload_id == upload_id), None)
        if entry is None:  # replaced by a newer upload of the body
            raise NotFound(f"上传的报告{upload_id}已被同一机关{upload.year}年度的新上传替换")
        return self._reported(view, entry)

    def upload_file(self, actor: Actor, region_id: str, upload_id: int) -> tuple[str, bytes]:
        """The uploaded file as received: (file name, bytes)."""
        tree = self._require_region(actor, region_id)
        upload = self.store.upload(upload_id)
        if upload.region_id not in tree:
            raise NotFound(f"上传的报告{upload_id}不在地区{region_id}内")
        return upload.file_name, self.store.upload_content(upload_id)

    def uploads(self, actor: Actor, region_id: str, year: int | None = None) -> list[StoredUpload]:
        tree = self._require_region(actor, region_id)
        return self.store.uploads(tree, None if year is None else self.check_year(year, "报告年度"))

    # ------------------------------------------------------------------ uploads
    def upload(
        self,
        actor: Actor,
        region_id: str,
        year: int,
        file_name: str,
        data: bytes,
        *,
        body_name: str | None = None,
        kind: str | None = None,
        published_on: date | None = None,
    ) -> BodyReport:
        """A body's published report file (PDF, DOCX, HTML, text) read through the readers and stored
        with the file; its blanks stay blank. A later upload of the same body and year replaces it."""
        tree = self._require_region(actor, region_id)
        year = self.check_year(year, "报告年度")
        name = PurePath(str(file_name or "").replace("\\", "/")).name.strip()
        if published_on is not None:
            self.check_day(published_on, "公开日期", earliest=date(year, 1, 1), earliest_what="报告年度开始")
        report = _read_upload(name, data, year)
        body = " ".join(str(body_name or report.body or "").split())
        if not body:
            raise InputError(f"{name}：未能从文件中读出机关名称，请填写机关名称", code="supervise.body")
        key = body_key(body)
        platform = next((b for b in self.store.bodies(tree) if body_key(b.name) == key), None)
        if platform is not None:
            rec = self.store.report_record(platform.id, year)
            if rec and (rec.submitted_on or rec.published_on):
                raise InputError(
                    f"{platform.name}已在平台报送{year}年度报告，无需上传", code="supervise.on_platform"
                )
        body_kind = BodyKind(platform.kind) if platform else _kind(kind)
        report.body, report.source = body, name
        stored = self.store.add_upload(
            region_id=platform.region_id if platform and platform.region_id in tree else region_id,
            body_name=platform.name if platform else body,
            body_key=key,
            body_kind=body_kind.value,
            body_id=platform.id if platform else None,
            year=year,
            published_on=published_on,
            file_name=name,
            content=data,
            report=report.to_dict(),
            actor=actor.name,
        )
        return self.upload_report(actor, region_id, stored.id)

    # ------------------------------------------------------------------ building the view
    def _view(self, actor: Actor, region_id: str, year: int) -> _RegionYear:
        version = self.store.supervision_version()
        tree = self._require_region(actor, region_id, version)
        year = self.check_year(year, "报告年度")
        key = ("view", region_id, year, self.today(), version)
        view = self._cache.get(key)
        if view is None:
            view = self._build(region_id, tree, year)
            self._remember(key, view)
        else:
            self._cache.move_to_end(key)
        return view

    def _build(self, region_id: str, tree: list[str], year: int) -> _RegionYear:
        region = next(r for r in self.store.regions() if r.id == region_id)
        today = self.today()
        bodies = self.store.bodies(tree)
        ids = [b.id for b in bodies]
        records = self.store.report_records(ids, year) if ids else {}
        snaps = {(s.body_id, s.year): s for s in self.store.snapshots(ids, [year - 1, year])} if ids else {}
        uploads = self.store.uploads(tree)
        up_by_body = {(u.body_id, u.year): u for u in uploads if u.body_id}
        up_by_key = {(u.body_key, u.year): u for u in uploads}

        entries: list[BodyEntry] = []
        reports: dict[str, Report] = {}
        previous: dict[str, tuple[int, Report]] = {}
        for b in bodies:
            kind = BodyKind(b.kind)
            snap, up = snaps.get((b.id, year)), up_by_body.get((b.id, year))
            rec = records.get(b.id)
            if snap is not None:
                status = rec.status(kind, today) if rec else ReportStatus.SUBMITTED
                entry = BodyEntry(
                    b.name, kind, b.region_id or region_id, status, due_date(kind, year), b.id,
                    submitted_on=snap.submitted_on, published_on=snap.published_on, in_summary=True,
                )  # fmt: skip
                reports[b.name] = _named(Report.from_dict(snap.report), b.name)
            elif up is not None:
                entry = _uploaded_entry(up, year, b.name, body_id=b.id)
                reports[b.name] = _upload_report(up, b.name)
            else:
                status = rec.status(kind, today) if rec else status_without_record(kind, year, today)
                entry = BodyEntry(b.name, kind, b.region_id or region_id, status, due_date(kind, year), b.id)
            entries.append(entry)
            prev = self._previous_of(
                b.id, b.name, year, snaps.get((b.id, year - 1)), up_by_body.get((b.id, year - 1))
            )
            if prev is not None:
                previous[b.name] = prev

        platform_keys = {body_key(b.name) for b in bodies}
        latest: dict[str, StoredUpload] = {}
        for u in uploads:  # off-platform bodies: known from their uploads of any year, latest name kept
            if u.body_id is None and u.body_key not in platform_keys:
                latest[u.body_key] = u
        for key, known in sorted(latest.items(), key=lambda kv: kv[1].body_name):
            up = up_by_key.get((key, year))
            name = known.body_name
            if up is not None:
                entries.append(_uploaded_entry(up, year, name))
                reports[name] = _upload_report(up, name)
            else:
                kind = BodyKind(known.body_kind)
                status = status_without_record(kind, year, today)
                entries.append(BodyEntry(name, kind, known.region_id, status, due_date(kind, year)))
            before = up_by_key.get((key, year - 1))
            if before is not None:
                previous[name] = (year - 1, _upload_report(before, name))
        return _RegionYear(region, year, entries, reports, previous)

    def _previous_of(
        self, body_id: str, name: str, year: int, snap: Snapshot | None, up: StoredUpload | None
    ) -> tuple[int, Report] | None:
        """The body's report of the year before: submitted or published, uploaded, or its seed."""
        if snap is not None:
            return year - 1, _named(Report.from_dict(snap.report), name)
        if up is not None:
            return year - 1, _upload_report(up, name)
        seeded = self.store.seed_report(body_id)
        if seeded is not None and seeded[0] == year - 1:
            return year - 1, _named(seeded[1], name)
        return None

    def _narrative(self, body_id: str, year: int) -> dict[int, str] | None:
        rec = self.store.report_record(body_id, year)
        return rec.narrative if rec else None

    def _reported(self, view: _RegionYear, entry: BodyEntry) -> BodyReport:
        upload = self.store.upload(entry.upload_id) if entry.upload_id is not None else None
        return self._with_findings(view, entry, view.reports[entry.name], upload=upload)

    def _with_findings(
        self, view: _RegionYear, entry: BodyEntry, report: Report, *, preview=False, upload=None
    ) -> BodyReport:
        report = Report.from_dict(report.to_dict())  # the cached one stays as it was
        prev = view.previous.get(entry.name)  # named as the report is, so the series rules pair them
        findings = body_findings(report, [prev[1]] if prev else [])
        return BodyReport(entry, report, findings, prev[0] if prev else None, preview, upload)

    def _years(self, view: _RegionYear) -> list[YearData]:
        """Every year up to the view's with something to show, for the charts over years."""
        tree = self.store.region_tree(view.region.id)
        bodies = {b.id: b.name for b in self.store.bodies(tree)}
        by_year: dict[int, YearData] = {}
        for s in self.store.snapshots(list(bodies)) if bodies else []:
            if s.year <= view.year:
                name = bodies[s.body_id]
                by_year.setdefault(s.year, YearData(s.year)).reports[name] = _named(
                    Report.from_dict(s.report), name
                )
        for u in self.store.uploads(tree):
            if u.year <= view.year:
                reports = by_year.setdefault(u.year, YearData(u.year)).reports
                reports.setdefault(u.body_name, _upload_report(u))
        by_year.setdefault(view.year, YearData(view.year))
        for y, data in by_year.items():
            if bodies and y >= FIRST_YEAR:
                measured = self.store.request_measures(list(bodies), y)
                data.measures = {bodies[b]: x for b, x in measured.items() if bodies[b] in data.reports}
        return [by_year[y] for y in sorted(by_year)]


# ---------------------------------------------------------------------------------------------- helpers


def _named(report: Report, name: str) -> Report:
    report.body = name
    return report


def _upload_report(up: StoredUpload, name: str | None = None) -> Report:
    return _named(Report.from_dict(up.report), name or up.body_name)


def _uploaded_entry(up: StoredUpload, year: int, name: str, body_id: str | None = None) -> BodyEntry:
    kind = BodyKind(up.body_kind)
    return BodyEntry(
        name, kind, up.region_id, ReportStatus.PUBLISHED, due_date(kind, year), body_id,
        upload_id=up.id, published_on=up.published_on or up.uploaded_at.date(), in_summary=True,
    )  # fmt: skip


def _kind(kind: str | None) -> BodyKind:
    """The body's kind as given (code or Chinese label; its InputError names the choices)."""
    return BodyKind(BODY_KINDS.parse(kind)) if kind else BodyKind.DEPARTMENT


def _read_upload(name: str, data: bytes, year: int) -> Report:
    """The report in an uploaded file, through the readers (gongkai.examine): refused with one line when
    it is not a file the readers take, cannot be read, or is a report of another year."""
    if not name or PurePath(name).suffix.lower() not in UPLOAD_SUFFIXES:
        allowed = "、".join(s.lstrip(".").upper() for s in UPLOAD_SUFFIXES)
        raise InputError(
            f"“{name or '未命名文件'}”不是可读取的报告文件（支持 {allowed}）", code="supervise.file"
        )
    if not data:
        raise InputError(f"{name}：文件为空", code="supervise.file")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"{name}：文件超过{MAX_UPLOAD_BYTES // 1024 // 1024}MB", code="supervise.file")
    with tempfile.TemporaryDirectory(prefix="gongkai-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        outcome = examine_file(path)[0]
    if outcome.report is None:
        raise InputError(f"{name}：{outcome.error}", code="supervise.unreadable")
    report = outcome.report
    if report.format is None:
        raise InputError(
            f"{name}：未能识别报告的格式（2019年版或2021年版），无法计入汇总", code="supervise.unplaced"
        )
    if report.year is None:
        report.year = year  # the office says which year it is; the file does not
    elif report.year != year:
        raise InputError(f"{name}是{report.year}年度的报告，不是所选的{year}年度", code="supervise.year")
    return report


def _summarise(view: _RegionYear) -> Summary:
    counted = [e for e in view.entries if e.in_summary]
    if not counted:
        raise InputError(
            f"{view.region.name}尚无已报送、已公开或已上传的{view.year}年度报告，无法汇总",
            code="supervise.empty",
        )
    editions = Counter(str(view.reports[e.name].format) for e in counted)
    main = editions.most_common(1)[0][0]
    reports, unread, missing, other_format = [], [], [], []
    for e in view.entries:
        if not e.in_summary:
            missing.append(e.name)
            unread.append(Unread(e.name, f"{e.name}尚未报送{view.year}年度报告（{e.status_label}）"))
        elif str(view.reports[e.name].format) != main:
            fmt = view.reports[e.name].format
            other_format.append(e.name)
            unread.append(Unread(e.name, f"{e.name}的报告为{fmt}年版格式，与其他机关（{main}年版）不同"))
        else:
            reports.append(view.reports[e.name])
    previous = [view.previous[n][1] for n in (r.body for r in reports) if n in view.previous]
    summary = aggregate(reports, view.region.name, previous=previous, unread=unread)
    # section 一 says why each body is left out (aggregate's own line is about files it could not read)
    lines = [x for x in summary.report.sections[1].splitlines() if not x.startswith("另有")]
    if missing:
        lines.append(f"尚未报送、未计入汇总的机关{len(missing)}个：{'、'.join(missing)}。")
    if other_format:
        lines.append(f"报告格式与其他机关不同、未计入汇总的机关：{'、'.join(other_format)}。")
    summary.report.sections[1] = "\n".join(lines)
    return summary
