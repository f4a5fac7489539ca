"""The region's charts: the numbers each chart draws and prints as its table, by body and over years,
blank where a body left a figure blank or the platform has no register for it."""

from __future__ import annotations

from datetime import date as D

from gongkai.register import Request, event

from .conftest import CITY, CLERK, file_of, sample


def _chart(charts, chart_id):
    return next(c for c in charts if c.id == chart_id)


def _values(chart, series):
    return dict(zip(chart.categories, next(s for s in chart.series if s.name == series).values, strict=True))


def _register(svc):
    """某区生态环境局's register of 2025: four requests, one 补正 notice, one third-party consultation."""
    for n in range(1, 5):
        day = D(2025, 4, n)
        svc.requests.register(
            CLERK,
            "hb",
            Request(f"2025-{n:03}", "natural_person", "in_person", day, content="x", submitted_on=day),
        )
    svc.requests.record(CLERK, "hb", "2025-001", event("correction_requested", D(2025, 4, 2), days=10))
    svc.requests.record(
        CLERK, "hb", "2025-002", event("consultation_sent", D(2025, 4, 3), party="third_party")
    )


def test_charts_by_body_and_over_years(svc, published):
    _register(svc)
    water = sample(61, "某区水务局")
    water.sections[1] += "开展社会评议，群众满意度为96.5%。"
    water.cells["requests.received.research"] = None  # left blank: the regional figure is blank too
    svc.supervision.upload(CITY, "320812", 2025, *file_of(water, "txt"))
    hb24, hb25, jt25 = published["hb24"], published["hb25"], published["jt25"]
    charts = svc.supervision.charts(CITY, "3208", 2025)

    by_year = _chart(charts, "requests_by_year")
    assert by_year.categories == ("2024", "2025")
    cid = "requests.received.natural_person"
    assert _values(by_year, "自然人") == {
        "2024": hb24.cells[cid],
        "2025": hb25.cells[cid] + jt25.cells[cid] + water.cells[cid],
    }
    assert _values(by_year, "科研机构")["2025"] is None

    by_body = _chart(charts, "requests_by_body")
    assert by_body.categories == ("某区水务局", "某区生态环境局", "某市交通运输局")
    assert _values(by_body, "商业企业")["某区水务局"] == water.cells["requests.received.commercial"]
    header, rows = by_body.table()
    assert header[:2] == ["机关", "自然人（件）"] and rows[0][:2] == ["某区水务局", water.cells[cid]]

    outcomes = _chart(charts, "outcomes_by_body")
    withheld = sum(
        v for k, v in water.cells.items() if k.startswith("requests.withheld.") and k.endswith(".total")
    )
    assert _values(outcomes, "不予公开")["某区水务局"] == withheld
    granted = "requests.granted.total"
    assert _values(outcomes, "予以公开")["全地区"] == sum(r.cells[granted] for r in (hb25, jt25, water))

    rates = _chart(charts, "rates_by_body")
    # 某区水务局 is not on the platform; 某市交通运输局 registered no request in 2025: no rate, not 0
    assert _values(rates, "补正率") == {"某区水务局": None, "某区生态环境局": 25.0, "某市交通运输局": None}
    assert _values(rates, "征求第三方意见率")["某区生态环境局"] == 25.0
    no_corr = round(
        water.cells["requests.other.no_correction.total"] * 100 / water.cells["requests.total.total"], 1
    )
    assert _values(rates, "逾期不补正占办结比")["某区水务局"] == no_corr
    assert _values(_chart(charts, "late_by_body"), "逾期答复") == {
        "某区水务局": None,  # not on the platform: no register to count
        "某区生态环境局": 0,
        "某市交通运输局": None,
    }
    assert _values(_chart(charts, "late_by_year"), "逾期答复") == {"2024": None, "2025": 0}

    appeals = _chart(charts, "appeals_by_body")

    def rate(reports, rows):
        corrected = sum(r.cells[f"appeals.{row}.corrected"] for r in reports for row in rows)
        decided = sum(
            r.cells[f"appeals.{row}.{c}"]
            for r in reports
            for row in rows
            for c in ("upheld", "corrected", "other")
        )
        return round(corrected * 100 / decided, 1)

    assert _values(appeals, "行政复议纠错率")["某区生态环境局"] == rate([hb25], ["reconsideration"])
    litigation = ["litigation_direct", "litigation_after_reconsideration"]
    assert _values(appeals, "行政诉讼纠错率")["全地区"] == rate([hb25, jt25, water], litigation)
    assert _values(_chart(charts, "appeals_by_year"), "行政复议纠错率")["2024"] == rate(
        [hb24], ["reconsideration"]
    )

    evaluation = _chart(charts, "evaluation_by_body")
    assert _values(evaluation, "满意度") == {
        "某区水务局": 96.5,
        "某区生态环境局": None,
        "某市交通运输局": None,
    }
    assert all(c.to_dict()["categories"] == list(c.categories) for c in charts)


def test_no_evaluation_chart_where_no_report_states_one(svc, published):
    ids = [c.id for c in svc.supervision.charts(CITY, "3208", 2025)]
    assert "evaluation_by_body" not in ids and "requests_by_year" in ids
