"""One session for the reads of a page (gongkai.store.sessions) and work-list totals without a count."""

from __future__ import annotations

from datetime import date as D

import pytest
from sqlalchemy import event as sa_event

from gongkai.register import Channel, Request, event
from gongkai.store import RequestQuery


def req(case: str, received: D) -> Request:
    return Request(
        case, "natural_person", Channel.ONLINE, received, content="申请公开某项目文件", applicant_name="张三"
    )


@pytest.fixture
def checkouts(store):
    seen = []

    def count(*_):
        seen.append(1)

    sa_event.listen(store.engine, "checkout", count)
    yield seen
    sa_event.remove(store.engine, "checkout", count)


def test_reads_share_one_connection_inside_shared_reads(store, body, checkouts):
    for i in range(3):
        store.add_request(body, req(f"2025-{i:03d}", D(2025, 3, 3 + i)), actor="甲")
    checkouts.clear()
    store.body(body), store.search(body, RequestQuery(limit=2)), store.body(body)
    assert len(checkouts) == 3  # one each outside
    checkouts.clear()
    with store.Session.shared_reads():
        b1 = store.body(body)
        rows, total = store.search(body, RequestQuery(limit=2))
        b2 = store.body(body)
    assert len(checkouts) == 1 and b1 is b2 and total == 3 and len(rows) == 2


def test_a_write_inside_shared_reads_commits_on_its_own(store, body):
    with store.Session.shared_reads():
        assert store.search(body)[1] == 0
        store.add_request(body, req("2025-101", D(2025, 3, 3)), actor="甲")
        # a new statement of the shared read session sees the commit (PostgreSQL: read committed;
        # SQLite: its snapshot began at the first read, so it may still show the old count)
        if store.engine.dialect.name == "postgresql":
            assert store.search(body)[1] == 1
    assert store.search(body)[1] == 1  # committed, not rolled back with the shared session
    assert store.get(body, "2025-101").request.case_no == "2025-101"


def test_a_failed_read_leaves_the_shared_session_usable_after_the_context(store, body):
    with pytest.raises(Exception, match="机关nope不存在"), store.Session.shared_reads():
        store.body("nope")
    assert store.body(body).id == body


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 5, 7, 8])
def test_totals_are_exact_on_every_page(store, body, limit):
    """The total comes from a count only when a page is full; a last page counts itself."""
    n = 7
    for i in range(n):
        events = [event("answered", D(2025, 4, 1), outcome="granted")] if i % 3 == 0 else []
        store.add_request(body, req(f"2025-{i:03d}", D(2025, 3, 3 + i)), actor="甲", events=events)
    open_n = sum(1 for i in range(n) if i % 3)
    for offset in range(0, n + 3):
        rows, total = store.search(body, RequestQuery(limit=limit, offset=offset))
        assert total == n and len(rows) == max(0, min(limit, n - offset)), (limit, offset)
        rows, total = store.search(body, RequestQuery(limit=limit, offset=offset, states=("in_progress",)))
        assert total == open_n, (limit, offset)
