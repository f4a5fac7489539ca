"""Rate limits with the `limits` library: counters in memory, or in Redis when GONGKAI_REDIS_URL is set
(so several workers share them)."""

from __future__ import annotations

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from gongkai.errors import GongkaiError


class TooManyRequests(GongkaiError):
    code = "web.rate_limit"
    http_status = 429


class RateLimiter:
    def __init__(self, redis_url: str | None = None):
        self.storage = storage_from_string(redis_url or "memory://")
        self.limiter = MovingWindowRateLimiter(self.storage)

    def check(self, rate: str, *keys: str) -> None:
        """Count one hit of `keys` against `rate` (e.g. "20/minute"); refuse when over the limit."""
        item = parse(rate)
        if not self.limiter.hit(item, *keys):
            raise TooManyRequests("操作过于频繁，请稍后再试")

    def reset(self) -> None:
        self.storage.reset()
