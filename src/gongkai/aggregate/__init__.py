"""The supervising office's regional summary: reports of one year and format summed cell by cell.

`aggregate(reports, name)` returns a `Summary`: the regional report (a `Report` the writers and checks
take), each body with its findings, the inputs that could not be read, and which bodies left which cells
blank. A blank is never counted as zero: a cell blank in any body stays blank in the sum.
"""

from gongkai.aggregate.bodies import BodyResult, body_findings
from gongkai.aggregate.inputs import AggregateError
from gongkai.aggregate.summary import Summary, Unread, aggregate

__all__ = ["AggregateError", "BodyResult", "Summary", "Unread", "aggregate", "body_findings"]
