"""The demo county with the supervisor's part: two bodies off the platform with two years of uploaded
reports, one carried over consistently and one missing section 四."""

from __future__ import annotations

from datetime import date

from gongkai.access import Actor, Grant, Role
from gongkai.demo import COUNTY, build
from gongkai.demo_supervision import uploads
from gongkai.reporting import ReportStatus


def test_the_demo_has_off_platform_bodies_with_findings_and_blanks(tmp_path):
    svc = build(f"sqlite:///{tmp_path / 'demo.sqlite3'}", today=date(2026, 6, 30), extra=[uploads])
    office = Actor("县政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id=COUNTY.id)}))
    entries = {e.name: e for e in svc.supervision.bodies(office, COUNTY.id, 2025)}
    weather, tobacco = entries["云溪县气象局"], entries["云溪县烟草专卖局"]
    assert weather.status is ReportStatus.PUBLISHED and weather.upload_id and not weather.on_platform
    got = svc.supervision.upload_report(office, COUNTY.id, weather.upload_id)
    assert got.previous_year == 2024 and not [f for f in got.findings if f.rule == "cross.carry_over"]
    got = svc.supervision.upload_report(office, COUNTY.id, tobacco.upload_id)
    assert "table.missing" in {f.rule for f in got.findings} and len(got.blank_cells) == 16
    summary = svc.supervision.summary(office, COUNTY.id, 2025)
    assert {"云溪县气象局", "云溪县烟草专卖局"} <= {b.name for b in summary.bodies}
    assert summary.report.cells["appeals.reconsideration.upheld"] is None
