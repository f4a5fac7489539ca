"""Errors of the store; messages are one Chinese line naming the record and the cause."""

from gongkai import errors
from gongkai.register.errors import RegisterError


class StoreError(RegisterError):
    """A request the store cannot carry out; nothing was written."""

    code = "store"


class NotFound(StoreError, errors.NotFoundError):
    code = "not_found"
    http_status = 404


class ConflictError(StoreError, errors.ConflictError):
    """Someone else changed the record since it was read (optimistic locking)."""

    code = "conflict"
    http_status = 409
