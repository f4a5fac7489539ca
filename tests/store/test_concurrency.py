"""Concurrent writers: threads appending events to the same requests lose nothing, and a writer whose
version another has overtaken gets a ConflictError with a Chinese message — never a silent overwrite."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date as D

import pytest

from gongkai.register import Request, event
from gongkai.store import ConflictError, Store

THREADS = 6
CASES = ("2025-001", "2025-002", "2025-003")
DAY = D(2025, 3, 4)


@pytest.fixture
def shared(db_url):
    store = Store.open(db_url)
    store.add_body("hbj", "某县生态环境局", "管理员")
    for case in CASES:
        store.add_request("hbj", Request(case, "natural_person", "in_person", D(2025, 3, 3)), "登记员")
    yield store
    store.close()


def _letter(name: str):
    return event("consultation_sent", DAY, party="third_party", party_name=name)


def _in_threads(work) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(n):
        try:
            work(n)
        except BaseException as e:  # reported by the test, not lost in the thread
            errors.append(e)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_writers_from_the_same_version_one_wins_the_others_are_told(shared):
    """Every round, all threads read a request's version, then all append against it at once: exactly
    one append is stored, every other is refused with a conflict naming the case."""
    rounds = 4
    barrier = threading.Barrier(THREADS)
    won, refused = Counter(), []

    def work(n):
        for r in range(rounds):
            case = CASES[r % len(CASES)]
            barrier.wait()  # the previous round is over
            version = shared.get("hbj", case).version
            barrier.wait()  # everybody has read the same version
            try:
                shared.append("hbj", case, _letter(f"第{r}轮线程{n}"), version, f"线程{n}")
                won[r] += 1
            except ConflictError as e:
                refused.append(str(e))

    assert _in_threads(work) == []
    assert dict(won) == {r: 1 for r in range(rounds)}
    assert len(refused) == rounds * (THREADS - 1)
    assert all("已被他人修改" in m and "请刷新后重试" in m for m in refused)
    for case in CASES:
        stored = shared.get("hbj", case)
        assert [e.seq for e in stored.log] == list(range(1, len(stored.log) + 1))
        assert stored.version == len(stored.log)  # one version per stored event, nothing overwritten


def test_writers_that_retry_lose_nothing(shared):
    """Threads append to the same requests, re-reading after each conflict: every event they were told
    is stored is in the log, once, and nothing else is."""
    each = 5
    stored_names, conflicts = [], Counter()
    lock = threading.Lock()

    def work(n):
        for k in range(each):
            case = CASES[(n + k) % len(CASES)]
            name = f"线程{n}第{k}件"
            while True:
                version = shared.get("hbj", case).version
                try:
                    shared.append("hbj", case, _letter(name), version, f"线程{n}")
                    break
                except ConflictError:
                    conflicts[n] += 1
            with lock:
                stored_names.append((case, name))

    assert _in_threads(work) == []
    assert len(stored_names) == THREADS * each
    for case in CASES:
        stored = shared.get("hbj", case)
        logged = sorted(e.event.party_name for e in stored.log[1:])
        assert logged == sorted(name for c, name in stored_names if c == case)
        assert stored.version == len(stored.log)
