"""The demo with the 主动公开 extra: each role of an office finds a publication waiting for it, a returned
draft carries its comment, and section 二 of this year's report has figures."""

from __future__ import annotations

from datetime import date

from gongkai.access import Actor
from gongkai.approval import Stage, Step
from gongkai.demo import BODIES, build
from gongkai.demo_proactive import proactive_in_progress

TODAY = date(2026, 6, 30)


def test_the_demo_extra_gives_every_role_work(tmp_path):
    svc = build(f"sqlite:///{tmp_path / 'demo.sqlite3'}", today=TODAY, extra=[proactive_in_progress])
    op = Actor.operator("检查")
    for b in BODIES:
        entries, _ = svc.proactive.catalogue(op, b.id, limit=100)
        stages = {e.approval.stage for e in entries if e.approval}
        assert {Stage.DRAFT, Stage.REVIEW, Stage.SECRECY} <= stages, b.id
        returned = [e for e in entries if e.approval and e.approval.steps and e.approval.stage is Stage.DRAFT]
        assert returned and returned[0].approval.steps[-1].step is Step.RETURN
        assert not any(e.late for e in entries if e.approval and e.approval.stage is not Stage.DRAFT)
        cells = {
            cid: v for t in svc.proactive.section_two(op, b.id, 2026) for r in t.rows for cid, v in r.cells
        }
        assert cells["active.licensing.decisions"] > 0 and cells["active.penalties.decisions"] > 0
    gov = {
        cid: v for t in svc.proactive.section_two(op, "yx-gov", 2026) for r in t.rows for cid, v in r.cells
    }
    assert gov["active.normative_documents.issued"] == 1
