"""What the web application reads from the environment (one place, so tests can pass their own)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None  # GONGKAI_DATABASE_URL; None: ./gongkai.sqlite3
    # Signs session and CSRF cookies. `gongkai serve` sets one for all its workers when none is given.
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    redis_url: str | None = None  # GONGKAI_REDIS_URL: rate-limit counters shared by the workers
    secure_cookies: bool = False  # GONGKAI_SECURE_COOKIES=1 behind HTTPS
    session_hours: int = 8
    login_rate: str = "20/minute"  # per client address, on top of the lockout per account
    write_rate: str = "120/minute"  # form posts per signed-in user

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        kw = {}
        if env.get("GONGKAI_SECRET_KEY"):
            kw["secret_key"] = env["GONGKAI_SECRET_KEY"]
        return cls(
            database_url=env.get("GONGKAI_DATABASE_URL") or None,
            redis_url=env.get("GONGKAI_REDIS_URL") or None,
            secure_cookies=env.get("GONGKAI_SECURE_COOKIES", "") in ("1", "true", "yes"),
            **kw,
        )
