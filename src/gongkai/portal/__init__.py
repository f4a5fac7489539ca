"""The public portal's domain: the 政府信息公开指南 and 制度 of each body (第十二条), online applications
(第二十九条) with their identity documents and tracking codes, and the applicants' ratings (社会评议).

Plain values and pure functions; the store persists them (`gongkai.store.portal`) and
`gongkai.service.portal` is the one API the web pages call.
"""

from gongkai.portal.application import ApplicantKind, OnlineApplication
from gongkai.portal.guide import GUIDE_LABELS, Guide, default_guide, default_rules
from gongkai.portal.ratings import RATING_LABELS, Rating, RatingSummary

__all__ = [
    "GUIDE_LABELS",
    "RATING_LABELS",
    "ApplicantKind",
    "Guide",
    "OnlineApplication",
    "Rating",
    "RatingSummary",
    "default_guide",
    "default_rules",
]
