"""Benchmark: the annual report of a body with 1,000,000 requests over 5 years, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/register.py                      # 1,000,000 requests, both backends
    .venv/bin/python benchmarks/register.py --requests 20000     # a quick run
    .venv/bin/python benchmarks/register.py --backend sqlite

The register is bulk-loaded straight into the tables (executemany on SQLite, COPY on PostgreSQL) with the
projection columns the store maintains; each request gets its `received` and, when closed, its closing
event. Due dates come from the real working-day calendar. Then `Store.annual_report` is timed for one year.
PostgreSQL: a throwaway database is created (PG_ADMIN_URL, default postgresql+psycopg://postgres@localhost/test)
and dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from gongkai.register.calendar import default_calendar
from gongkai.register.types import APPLICANT_TYPES, OUTCOMES, Channel
from gongkai.store import Store
from gongkai.store.models import Base

BODY = "bench"
APPLICANT_WEIGHTS = (70, 15, 3, 3, 4, 5)
# common outcomes dominate, every row appears
OUTCOME_WEIGHTS = [
    40 if o == "granted" else 15 if o == "partially_granted" else 12 if o == "unavailable.not_held" else 1
    for o in OUTCOMES
]


def generate(n: int, first_year: int, years: int, seed: int = 20250101):
    """Rows of requests and events, as tuples in table column order."""
    rnd = random.Random(seed)
    cal = default_calendar()
    start = date(first_year, 1, 1)
    span = (date(first_year + years, 1, 1) - start).days
    channels = [c.value for c in Channel]
    last_day = date(first_year + years - 1, 12, 31)
    now = datetime.now(UTC).replace(tzinfo=None)
    received_dates = sorted(start + timedelta(days=rnd.randrange(span)) for _ in range(n))
    requests, events = [], []
    eid = 0
    for i, rec in enumerate(received_dates, 1):
        kind = rnd.choices(APPLICANT_TYPES, APPLICANT_WEIGHTS)[0]
        due = cal.add_workdays(rec, 20)
        closed = cal.add_workdays(rec, rnd.randint(1, 22))  # a few answered late
        if closed > last_day and rnd.random() < 0.5:
            closed = None  # still open at the end of the data
        outcome = rnd.choices(OUTCOMES, OUTCOME_WEIGHTS)[0] if closed else None
        state = (
            "in_progress"
            if closed is None
            else {
                "other.no_correction": "abandoned",
                "other.fee_unpaid": "fee_unpaid",
            }.get(outcome, "answered")
        )
        requests.append(
            (
                i,
                BODY,
                f"{rec.year}-{i:07d}",
                kind,
                "",
                "",
                rnd.choice(channels),
                rec,
                "",
                False,
                state,
                due,
                closed,
                outcome,
                1 if closed is None else 2,
                now,
                "bench",
                *BLANK_TEXTS,
                closed is not None and closed > due,  # late
                False,  # provisional
            )
        )
        eid += 1
        events.append((eid, i, BODY, 1, "received", rec, None, "{}", now, "bench"))
        if closed is not None:
            if state == "answered":
                kind_, data = "answered", json.dumps({"outcome": outcome})
            else:  # an abandoned or unpaid request: its opening notice, then the closing event
                opening = "correction_requested" if state == "abandoned" else "fee_notified"
                if state in ("abandoned", "fee_unpaid"):
                    eid += 1
                    events.append((eid, i, BODY, 2, opening, rec, None, "{}", now, "bench"))
                kind_, data = (
                    {"abandoned": "abandoned", "fee_unpaid": "fee_unpaid"}.get(state, "withdrawn"),
                    "{}",
                )
            eid += 1
            events.append(
                (
                    eid,
                    i,
                    BODY,
                    2 if kind_ in ("answered", "withdrawn") else 3,
                    kind_,
                    closed,
                    None,
                    data,
                    now,
                    "bench",
                )
            )
    return requests, events


REQ_COLS = (
    "id",
    "body_id",
    "case_no",
    "applicant_type",
    "applicant_name",
    "applicant_contact",
    "channel",
    "received_on",
    "content",
    "seeded",
    "state",
    "due_on",
    "closed_on",
    "outcome",
    "version",
    "created_at",
    "created_by",
    # columns 0003 added as NOT NULL: the application's texts (blank here) and the lateness flags
    *("id_number", "address", "postcode", "email", "medium", "delivery", "purpose", "late", "provisional"),
)
BLANK_TEXTS = ("",) * 7
EV_COLS = (
    "id",
    "request_id",
    "body_id",
    "seq",
    "type",
    "event_on",
    "amount",
    "data",
    "recorded_at",
    "recorded_by",
)


def _filled(table: str, cols: tuple[str, ...], rows):
    """The rows with every NOT NULL column the generator leaves out set to the model's default, so a
    bulk load keeps up with columns later migrations add."""
    extra = [
        c
        for c in Base.metadata.tables[table].columns
        if c.name not in cols and not c.nullable and c.default is not None and c.default.is_scalar
    ]
    names = cols + tuple(c.name for c in extra)
    defaults = tuple(c.default.arg for c in extra)
    return names, (tuple(r) + defaults for r in rows)


def _iso(v):
    """SQLAlchemy's SQLite storage format for dates and datetimes."""
    if isinstance(v, datetime):
        return v.isoformat(" ")
    return v.isoformat() if isinstance(v, date) else v


def load_sqlite(store: Store, requests, events) -> None:
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA synchronous=OFF")
        for table, cols, rows in (("requests", REQ_COLS, requests), ("request_events", EV_COLS, events)):
            names, rows = _filled(table, cols, rows)
            q = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            cur.executemany(q, ([_iso(v) for v in r] for r in rows))
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def load_postgres(store: Store, requests, events) -> None:
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        for table, cols, rows in (("requests", REQ_COLS, requests), ("request_events", EV_COLS, events)):
            names, rows = _filled(table, cols, rows)
            with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
        cur.execute("SELECT setval('requests_id_seq', (SELECT max(id) FROM requests))")
        cur.execute("SELECT setval('request_events_id_seq', (SELECT max(id) FROM request_events))")
        raw.commit()
        raw.driver_connection.autocommit = True
        cur.execute("VACUUM ANALYZE requests")  # sets the visibility map: index-only scans
        cur.execute("VACUUM ANALYZE request_events")
    finally:
        raw.close()


def bench(name: str, url: str, requests, events, year: int, runs: int) -> dict:
    t0 = time.perf_counter()
    store = Store.open(url)
    store.add_body(BODY, "基准测试机关", actor="bench")
    (load_sqlite if name == "sqlite" else load_postgres)(store, requests, events)
    load_s = time.perf_counter() - t0
    times = []
    report = None
    for _ in range(runs):
        s = Store(store.engine)  # a fresh store: no cached calendar
        t = time.perf_counter()
        report = s.annual_report(BODY, year)
        times.append(time.perf_counter() - t)
    c = report.cells
    for col in (*APPLICANT_TYPES, "total"):  # the report still balances
        assert c[f"requests.received.{col}"] + c[f"requests.brought_forward.{col}"] == (
            c[f"requests.total.{col}"] + c[f"requests.carried_forward.{col}"]
        )
    store.close()
    return {
        "backend": name,
        "load_s": round(load_s, 1),
        "report_s_min": round(min(times), 3),
        "report_s_median": round(statistics.median(times), 3),
        "received": c["requests.received.total"],
        "brought_forward": c["requests.brought_forward.total"],
        "answered": c["requests.total.total"],
        "carried_forward": c["requests.carried_forward.total"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=1_000_000)
    ap.add_argument("--first-year", type=int, default=2021)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--year", type=int, help="report year (default: the last year)")
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--sqlite-path", type=Path, help="keep the SQLite database here (default: a temporary file)"
    )
    ap.add_argument(
        "--pg-admin-url",
        default=os.environ.get("PG_ADMIN_URL", "postgresql+psycopg://postgres@localhost:5432/test"),
    )
    args = ap.parse_args(argv)
    year = args.year or args.first_year + args.years - 1

    t = time.perf_counter()
    requests, events = generate(args.requests, args.first_year, args.years)
    print(
        f"generated {len(requests):,} requests and {len(events):,} events in {time.perf_counter() - t:.1f}s",
        flush=True,
    )

    results = []
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as d:
            path = args.sqlite_path or Path(d) / "bench.sqlite3"
            results.append(bench("sqlite", f"sqlite:///{path}", requests, events, year, args.runs))
            print(results[-1], flush=True)
    if args.backend in ("postgresql", "both"):
        name = f"gongkai_bench_{secrets.token_hex(4)}"
        admin = create_engine(args.pg_admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = args.pg_admin_url.rsplit("/", 1)[0] + "/" + name
            results.append(bench("postgresql", url, requests, events, year, args.runs))
            print(results[-1], flush=True)
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    print(f"\nannual report {year}, {args.requests:,} requests over {args.years} years (target < 2 s):")
    for r in results:
        ok = "OK" if r["report_s_median"] < 2 else "SLOW"
        print(
            f"  {r['backend']:<11} load {r['load_s']:>6}s   report median {r['report_s_median']:.3f}s "
            f"(min {r['report_s_min']:.3f}s)  {ok}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
