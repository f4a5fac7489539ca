"""One database session for all the reads of a page (gongkai.store.sessions): GET and HEAD only, so a
form post's writes and the reads around them keep their own transactions."""

from __future__ import annotations

SAFE = frozenset({"GET", "HEAD"})


class SharedReads:
    def __init__(self, app, sessions):
        self.app = app
        self.sessions = sessions

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in SAFE:
            return await self.app(scope, receive, send)
        with self.sessions.shared_reads():
            await self.app(scope, receive, send)
