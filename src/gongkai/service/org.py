"""A body's details (the profile its documents print), read by its staff, changed by its 单位管理员."""

from __future__ import annotations

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.org import BodyProfile
from gongkai.service.base import Service
from gongkai.store.org import profile_of


class OrgService(Service):
    def profile(self, actor: Actor, body_id: str) -> BodyProfile:
        self.require_read(actor, body_id)
        return profile_of(self.store.body(body_id))

    def set_profile(self, actor: Actor, body_id: str, profile: BodyProfile) -> None:
        """Replace the details; the old values go to the audit log."""
        self.store.body(body_id)
        self.require(can.can_manage_body(actor, body_id), actor, f"修改机关{body_id}的资料")
        self.store.set_profile(body_id, profile, actor.name)
