"""One family of errors for every package: a stable code, one Chinese line for a person, and context.

Readers, loaders, writers, the register, the store, the services and the web all raise subclasses of
`GongkaiError`. `str(e)` is the whole message (one line, naming the file, record or field and the cause);
`e.code` is a stable dotted identifier other programs can test (`register.workflow`, `read.limit` …);
`e.context` holds the facts behind the message (file, case number, field) for logs and JSON. The CLI maps
the family to exit status 1 and the web to an HTTP status (`http_status`), so no traceback ever reaches
a person.
"""

from __future__ import annotations

import zipfile
from typing import Any, ClassVar


class GongkaiError(Exception):
    """Base of every error gongkai reports to a person."""

    code: ClassVar[str] = "error"
    http_status: ClassVar[int] = 400

    def __init__(self, message: str, *, code: str | None = None, **context: Any):
        message = " ".join(str(message).split()) if "\n" in str(message) else str(message)
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code  # an instance may refine its class's code (e.g. read.limit.pages)
        self.context = {k: v for k, v in context.items() if v is not None}

    def __str__(self) -> str:
        return self.message

    def with_prefix(self, prefix: str) -> GongkaiError:
        """The same error, its message prefixed (e.g. by the record it concerns); type and code kept."""
        clone = type(self).__new__(type(self))
        GongkaiError.__init__(clone, f"{prefix}{self.message}", code=self.code, **self.context)
        clone.__cause__ = self
        return clone

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **{k: str(v) for k, v in self.context.items()}}


class InputError(GongkaiError, ValueError):
    """A value given by a person or a file that cannot be accepted (a wrong date, an unknown choice …)."""

    code = "input"
    http_status = 422


class NotFoundError(GongkaiError, LookupError):
    code = "not_found"
    http_status = 404


class PermissionDenied(GongkaiError):
    """The acting user may not do this (or may not know the record exists: the web answers 404 then)."""

    code = "forbidden"
    http_status = 403


class ConflictError(GongkaiError):
    """Someone else changed the record since it was read (optimistic locking); nothing was written."""

    code = "conflict"
    http_status = 409


class LimitExceeded(InputError):
    """Input larger or costlier than gongkai will process (bytes, lines, cells, pages, time, memory)."""

    code = "limit"
    http_status = 413


# What the standard library's zipfile raises on a damaged archive (DOCX, XLSX) besides BadZipFile:
# a header naming an unknown version or method (NotImplementedError), an encrypted member
# (RuntimeError), sizes and offsets that lie (EOFError, OSError, ValueError).
BROKEN_ZIP: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
    ValueError,
)
