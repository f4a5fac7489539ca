"""Who is who: regions (县、市) and the bodies (机关) in them, with the details their documents carry.

A region holds bodies and smaller regions; its government office (政府办公室 / 政务公开办) supervises the
bodies in it. A body's profile is what its notices, 指南 and annual report print: name, the office that
handles disclosure, address, telephone, fax, e-mail, hours and the prefix of its document numbers.
"""

from gongkai.org.model import (
    BODY_KIND_LABELS,
    REGION_LEVEL_LABELS,
    BodyKind,
    BodyProfile,
    Region,
    RegionLevel,
)

__all__ = [
    "BODY_KIND_LABELS",
    "REGION_LEVEL_LABELS",
    "BodyKind",
    "BodyProfile",
    "Region",
    "RegionLevel",
]
