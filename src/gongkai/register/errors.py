"""Errors of the register. Every message is one Chinese line naming the record and the cause."""

from __future__ import annotations

from gongkai.errors import InputError


class RegisterError(InputError):
    """Base of every error the register reports to a person; str(e) is the whole message."""

    code = "register"


class CalendarError(RegisterError):
    """A date outside every loaded official schedule, or a schedule file that cannot be used."""

    code = "register.calendar"


class WorkflowError(RegisterError):
    """An event the statutory workflow does not allow at this point."""

    code = "register.workflow"


class DeadlineUndetermined(RegisterError):
    """The clock is stopped waiting for the applicant (补正, 缴费): no due date can be given yet."""

    code = "register.undetermined"
