"""Errors of the store; messages are one Chinese line naming the record and the cause."""

from gongkai.register.errors import RegisterError


class StoreError(RegisterError):
    """A request the store cannot carry out; nothing was written."""


class NotFound(StoreError):
    pass


class ConflictError(StoreError):
    """Someone else changed the record since it was read (optimistic locking)."""
