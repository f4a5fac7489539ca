"""Errors of the register. Every message is one Chinese line naming the record and the cause."""

from __future__ import annotations


class RegisterError(ValueError):
    """Base of every error the register reports to a person; str(e) is the whole message."""


class CalendarError(RegisterError):
    """A date outside every loaded official schedule, or a schedule file that cannot be used."""


class WorkflowError(RegisterError):
    """An event the statutory workflow does not allow at this point."""


class DeadlineUndetermined(RegisterError):
    """The clock is stopped waiting for the applicant (补正, 缴费): no due date can be given yet."""
