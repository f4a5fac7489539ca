"""The store's sessions: `store.Session()` for a read, `store.Session.begin()` for a transaction that writes.

Each read normally gets its own session and pooled connection. Inside `shared_reads()` every read of one
unit of work — a web page — shares one session instead: a dashboard that made a dozen reads paid a dozen
checkouts, pings, BEGINs and ROLLBACKs (about 0.8 ms each on PostgreSQL, more than the queries
themselves), and read its body three times. Writes always get their own transaction, so what a page reads
is never half-written; the shared session never flushes (autoflush off) and is rolled back at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class _Shared:
    """The session of one unit of work, opened at its first read."""

    def __init__(self, factory: sessionmaker):
        self._factory = factory
        self._session: Session | None = None

    def session(self) -> Session:
        if self._session is None:
            self._session = self._factory(autoflush=False)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


class Sessions:
    def __init__(self, engine: Engine):
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._shared: ContextVar[_Shared | None] = ContextVar(f"gongkai_reads_{id(self)}", default=None)

    def __call__(self):
        """A session for reading, used as `with store.Session() as s:`."""
        shared = self._shared.get()
        return self._factory() if shared is None else nullcontext(shared.session())

    def begin(self):
        """A new transaction (`with store.Session.begin() as s:`): commits at the end, nothing on error."""
        return self._factory.begin()

    @contextmanager
    def shared_reads(self) -> Iterator[None]:
        """Every `Session()` read in this context (and in threads started from it) shares one session."""
        shared = _Shared(self._factory)
        token = self._shared.set(shared)
        try:
            yield
        finally:
            self._shared.reset(token)
            shared.close()
