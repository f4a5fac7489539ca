"""Permissions as predicates: one plain function per question, used by services and the web alike.

`body_regions` is the chain of regions a body belongs to, from its own region up to the root (a
supervisor of any of them may look at the body). The administrator may do everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.access.actor import Actor
from gongkai.access.roles import BODY_ROLES, Role


def _has(actor: Actor, body_id: str, *roles: Role) -> bool:
    return actor.is_admin or bool(actor.roles_for_body(body_id) & set(roles))


def is_staff(actor: Actor, body_id: str) -> bool:
    """Any office role in the body: sees its register, applicants' personal data included."""
    return _has(actor, body_id, *BODY_ROLES)


def supervises(actor: Actor, body_regions: Iterable[str]) -> bool:
    return actor.is_admin or bool(actor.supervised_regions() & set(body_regions))


def can_read_register(actor: Actor, body_id: str, body_regions: Iterable[str] = ()) -> bool:
    """The body's requests and reports: its staff, and supervisors of its region (without personal data)."""
    return is_staff(actor, body_id) or supervises(actor, body_regions)


def can_see_personal_data(actor: Actor, body_id: str) -> bool:
    """Applicants' names, identity numbers and contacts: the body's own staff only."""
    return is_staff(actor, body_id)


def can_write_register(actor: Actor, body_id: str) -> bool:
    """Register requests, record events, draft answers, correct entries."""
    return _has(actor, body_id, Role.CLERK, Role.REVIEWER)


def can_sign(actor: Actor, body_id: str) -> bool:
    """Approve extensions, sign answers and publications (审核、签发)."""
    return _has(actor, body_id, Role.REVIEWER)


def can_review_secrecy(actor: Actor, body_id: str) -> bool:
    """Record the 保密审查 before an answer or a publication is released."""
    return _has(actor, body_id, Role.SECRECY)


def can_manage_body(actor: Actor, body_id: str) -> bool:
    """The body's users and profile."""
    return _has(actor, body_id, Role.BODY_ADMIN)


def can_edit_guide(actor: Actor, body_id: str) -> bool:
    """The body's 政府信息公开指南 and 制度 on the portal (第十二条)."""
    return _has(actor, body_id, Role.BODY_ADMIN, Role.REVIEWER)


def can_read_audit(actor: Actor, body_id: str) -> bool:
    return _has(actor, body_id, Role.BODY_ADMIN, Role.REVIEWER)


def can_supervise(actor: Actor, region_id: str, region_chain: Iterable[str] = ()) -> bool:
    """The region's summary and its bodies' reports; `region_chain` is the region and its ancestors."""
    return supervises(actor, [region_id, *region_chain])


def can_administer(actor: Actor) -> bool:
    """Regions, bodies and users of the whole installation."""
    return actor.is_admin
