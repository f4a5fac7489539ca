"""Rate limits in memory (one worker) and in Redis (GONGKAI_REDIS_URL: every worker counts together).

CI has Redis on localhost, as a multi-worker deployment does; the tests use database 15 and keys of
their own, so they touch nothing else.
"""

from __future__ import annotations

import uuid

import pytest

from gongkai.web.ratelimit import RateLimiter, TooManyRequests

REDIS = "redis://127.0.0.1:6379/15"


@pytest.mark.parametrize("url", [None, REDIS], ids=["memory", "redis"])
def test_the_hit_over_the_rate_is_refused_in_chinese_and_other_keys_still_pass(url):
    limiter, key = RateLimiter(url), uuid.uuid4().hex
    for _ in range(3):
        limiter.check("3/minute", "login", key)
    with pytest.raises(TooManyRequests, match="操作过于频繁") as e:
        limiter.check("3/minute", "login", key)
    assert e.value.http_status == 429
    limiter.check("3/minute", "login", key + "-another-address")


def test_workers_sharing_redis_count_together():
    key = uuid.uuid4().hex
    first, second = RateLimiter(REDIS), RateLimiter(REDIS)  # two server processes, one Redis
    first.check("2/minute", "apply", key)
    second.check("2/minute", "apply", key)
    with pytest.raises(TooManyRequests):
        first.check("2/minute", "apply", key)
    alone = RateLimiter(None)  # memory counters are per process: this one has seen nothing
    alone.check("2/minute", "apply", key)
