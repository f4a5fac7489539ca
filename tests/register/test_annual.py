"""The annual report from the register: the 勾稽 rules hold by construction, year after year."""

from datetime import date as D
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.format.spec import OUTCOME_ROWS, Version
from gongkai.model import Report
from gongkai.register import (
    APPLICANT_TYPES,
    OUTCOMES,
    Event,
    Projection,
    derive,
    event,
    report_from_projections,
)
from gongkai.register.active import (
    AppealCase,
    Document,
    YearlyCounts,
    appeal_cells,
    count_cells,
    document_cells,
)
from gongkai.register.annual import seed_carry_over
from gongkai.register.errors import CalendarError, RegisterError, WorkflowError

COLS = (*APPLICANT_TYPES, "total")


def P(kind, rec, closed=None, outcome=None):
    return Projection(kind, rec, closed, outcome)


def test_counts_by_year():
    ps = [
        P("natural_person", D(2023, 12, 20), D(2024, 1, 10), "granted"),  # brought forward into 2024
        P("natural_person", D(2024, 2, 1), D(2024, 2, 20), "granted"),
        P("commercial", D(2024, 3, 1), D(2024, 3, 15), "withheld.state_secret"),
        P("research", D(2024, 12, 25)),  # carried forward
        P("legal_services", D(2024, 12, 30), D(2025, 1, 6), "other.fee_unpaid"),  # carried forward
        P("other_org", D(2023, 5, 5), D(2023, 6, 1), "granted"),  # not in 2024 at all
        P("social_welfare", D(2025, 1, 2)),  # not in 2024 at all
    ]
    r = report_from_projections(ps, 2024, body="某市生态环境局")
    c = r.cells
    assert r.format is Version.V2021 and r.year == 2024 and r.body == "某市生态环境局"
    assert c["requests.received.total"] == 4
    assert c["requests.received.commercial"] == 1
    assert c["requests.brought_forward.natural_person"] == 1 and c["requests.brought_forward.total"] == 1
    assert c["requests.granted.natural_person"] == 2
    assert c["requests.withheld.state_secret.commercial"] == 1
    assert c["requests.total.total"] == 3
    assert c["requests.carried_forward.research"] == 1 and c["requests.carried_forward.legal_services"] == 1
    assert c["requests.carried_forward.total"] == 2
    assert c["active.licensing.decisions"] is None  # nothing entered: blank, not zero
    assert c["appeals.reconsideration.total"] is None


def test_2019_format_merges_other_rows():
    ps = [P("research", D(2020, 3, 1), D(2020, 3, 9), "other.no_correction")]
    r = report_from_projections(ps, 2020)
    assert r.format is Version.V2019
    assert r.cells["requests.other.research"] == 1 and r.cells["requests.total.total"] == 1


def _assert_rules(r: Report):
    c = r.cells
    for col in COLS:
        assert (
            c[f"requests.received.{col}"] + c[f"requests.brought_forward.{col}"]
            == c[f"requests.total.{col}"] + c[f"requests.carried_forward.{col}"]
        )
        assert c[f"requests.total.{col}"] == sum(c[f"requests.{row}.{col}"] for row in OUTCOME_ROWS[r.format])
    rows = ("received", "brought_forward", *OUTCOME_ROWS[r.format], "total", "carried_forward")
    for row in rows:
        assert c[f"requests.{row}.total"] == sum(c[f"requests.{row}.{a}"] for a in APPLICANT_TYPES)
        assert all(c[f"requests.{row}.{a}"] >= 0 for a in COLS)


_STEPS = [
    ("correction_requested", {"days": 10}),
    ("correction_received", {}),
    ("abandoned", {}),
    ("explanation_requested", {"days": 5}),
    ("explanation_received", {}),
    ("consultation_sent", {"party": "third_party"}),
    ("consultation_replied", {}),
    ("extended", {"days": 10, "approved_by": "主任"}),
    ("fee_notified", {"amount": "100", "served": None}),
    ("fee_paid", {}),
    ("fee_unpaid", {}),
    ("answered", {}),
    ("withdrawn", {}),
]


@st.composite
def request_logs(draw):
    """A request and an event log built by a random walk; events the workflow refuses are dropped."""
    received = D(2021, 1, 1) + timedelta(days=draw(st.integers(0, 5 * 365 - 1)))
    kind = draw(st.sampled_from(APPLICANT_TYPES))
    events: list[Event] = []
    day = received
    for _ in range(draw(st.integers(0, 5))):
        day = day + timedelta(days=draw(st.integers(0, 60)))
        if day.year > 2026 or day > D(2026, 10, 31):
            break
        name, kw = draw(st.sampled_from(_STEPS))
        if name == "answered":
            kw = {"outcome": draw(st.sampled_from(OUTCOMES))}
        if name == "consultation_sent" and draw(st.booleans()):
            kw = {**kw, "party": "body", "party_name": f"机关{draw(st.integers(1, 3))}"}
        ev = event(name, day, **kw)
        try:
            derive(received, [*events, ev], CAL)
        except (WorkflowError, CalendarError):
            continue
        events.append(ev)
    return kind, received, events


from gongkai.register.calendar import default_calendar  # noqa: E402

CAL = default_calendar()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(request_logs(), min_size=1, max_size=40))
def test_rules_hold_for_random_registers(logs):
    projections = []
    for kind, received, events in logs:
        s = derive(received, events, CAL)
        projections.append(Projection(kind, received, s.closed_on, s.outcome))
    previous = None
    for year in range(2021, 2027):
        r = report_from_projections(projections, year)
        _assert_rules(r)
        if previous is not None:
            for col in COLS:
                assert (
                    r.cells[f"requests.brought_forward.{col}"]
                    == previous.cells[f"requests.carried_forward.{col}"]
                )
        previous = r
    assert previous.cells["requests.carried_forward.total"] == sum(
        1 for p in projections if p.closed_on is None
    )


def test_sections_two_and_four():
    docs = [
        Document("regulations", D(2022, 3, 1), title="甲规章"),
        Document("regulations", D(2024, 5, 1), D(2024, 11, 1), title="乙规章"),
        Document("normative_documents", D(2023, 1, 1), D(2024, 2, 2), title="丙文件"),
        Document("normative_documents", D(2024, 6, 1), title="丁文件"),
        Document("normative_documents", D(2024, 7, 1), title="戊文件"),
    ]
    cells = document_cells(docs, 2024)
    assert cells["active.regulations.issued"] == 1
    assert cells["active.regulations.repealed"] == 1
    assert cells["active.regulations.in_force"] == 1
    assert cells["active.normative_documents.issued"] == 2
    assert cells["active.normative_documents.repealed"] == 1
    assert cells["active.normative_documents.in_force"] == 2
    before = document_cells(docs, 2023)
    for k in ("regulations", "normative_documents"):  # rule 7 by construction
        assert (
            cells[f"active.{k}.in_force"]
            == before[f"active.{k}.in_force"] + cells[f"active.{k}.issued"] - cells[f"active.{k}.repealed"]
        )
    assert document_cells(None, 2024) == {}
    counts = count_cells(YearlyCounts(2024, licensing=321, penalties=45, fees_amount="12.34"))
    assert (
        counts["active.licensing.decisions"] == 321 and counts["active.coercive_measures.decisions"] is None
    )
    assert counts["active.fees.amount"] == Decimal("12.34")

    cases = [
        AppealCase("reconsideration", D(2024, 2, 1), D(2024, 4, 1), "upheld", "复-1"),
        AppealCase("reconsideration", D(2024, 11, 1), D(2025, 1, 20), "corrected", "复-2"),
        AppealCase("litigation_direct", D(2023, 10, 1), D(2024, 3, 1), "other", "诉-1"),
        AppealCase("litigation_after_reconsideration", D(2023, 1, 1), D(2023, 6, 1), "upheld", "诉-2"),
        AppealCase("litigation_after_reconsideration", D(2024, 12, 1), case_no="诉-3"),
    ]
    a = appeal_cells(cases, 2024)
    assert a["appeals.reconsideration.upheld"] == 1 and a["appeals.reconsideration.pending"] == 1
    assert a["appeals.reconsideration.total"] == 2
    assert a["appeals.litigation_direct.other"] == 1
    assert a["appeals.litigation_after_reconsideration.upheld"] == 0
    assert a["appeals.litigation_after_reconsideration.pending"] == 1
    assert appeal_cells(cases, 2025)["appeals.reconsideration.corrected"] == 1

    r = report_from_projections(
        [],
        2024,
        active={**cells, **counts},
        appeals=a,
        fees_collected=Decimal(300),
        narrative={1: "总体情况。"},
    )
    assert r.cells["active.regulations.in_force"] == 1 and r.cells["appeals.reconsideration.total"] == 2
    assert r.sections[1] == "总体情况。" and "300元" in r.sections[6]


def test_bad_inputs():
    with pytest.raises(RegisterError, match="废止日期"):
        Document("regulations", D(2024, 5, 1), D(2024, 1, 1), title="甲")
    with pytest.raises(RegisterError, match="类型"):
        Document("laws", D(2024, 5, 1))
    with pytest.raises(RegisterError, match="同时填写"):
        AppealCase("reconsideration", D(2024, 1, 1), D(2024, 2, 1), case_no="复-9")
    with pytest.raises(RegisterError, match="应为0至10000000之间的整数"):
        YearlyCounts(2024, licensing=-1)


def test_seed_carry_over():
    r = Report.blank("2021", year=2023, body="某局")
    for i, col in enumerate(APPLICANT_TYPES, 1):
        r.cells[f"requests.carried_forward.{col}"] = i
    r.cells["requests.carried_forward.total"] = 21
    assert seed_carry_over(r.to_dict()) == (2023, dict(zip(APPLICANT_TYPES, range(1, 7), strict=True)))
    r.cells["requests.carried_forward.research"] = None
    with pytest.raises(RegisterError, match="不完整"):
        seed_carry_over(r)
    r.cells["requests.carried_forward.total"] = 18
    assert seed_carry_over(r)[1]["research"] == 0
