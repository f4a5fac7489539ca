"""The request register: the statutory workflow, due dates in working days, fees, and the annual report.

Pure functions, no I/O beyond reading schedule files: `gongkai.store` persists what this package derives
and `gongkai.service` is the one API the command line and the web call.
"""

from gongkai.register.annual import Projection, RequestTally, build_report, report_from_projections, tally
from gongkai.register.answers import AnswerKind
from gongkai.register.calendar import WorkCalendar, YearSchedule, default_calendar, load_schedule
from gongkai.register.deadline import StatutoryPolicy
from gongkai.register.errors import CalendarError, DeadlineUndetermined, RegisterError, WorkflowError
from gongkai.register.events import Event, event
from gongkai.register.request import Request, missing_elements, receipt_date
from gongkai.register.types import APPLICANT_TYPES, OUTCOMES, Channel, EventType, State
from gongkai.register.workflow import RequestState, derive, derive_request, due_date

__all__ = [
    "APPLICANT_TYPES",
    "OUTCOMES",
    "AnswerKind",
    "CalendarError",
    "Channel",
    "DeadlineUndetermined",
    "Event",
    "EventType",
    "Projection",
    "RegisterError",
    "Request",
    "RequestState",
    "RequestTally",
    "State",
    "StatutoryPolicy",
    "WorkCalendar",
    "WorkflowError",
    "YearSchedule",
    "build_report",
    "default_calendar",
    "derive",
    "derive_request",
    "due_date",
    "event",
    "load_schedule",
    "missing_elements",
    "receipt_date",
    "report_from_projections",
    "tally",
]
