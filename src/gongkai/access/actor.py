"""The acting user every service operation takes."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.access.roles import BODY_ROLES, Role
from gongkai.errors import InputError


@dataclass(frozen=True)
class Grant:
    """One role, for a body (office roles), a region (supervisor) or everything (administrator)."""

    role: Role
    body_id: str | None = None
    region_id: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "role", Role(self.role))
        if self.role in BODY_ROLES and not self.body_id:
            raise InputError(f"角色{self.role.value}须指定机关", code="access.grant")
        if self.role is Role.SUPERVISOR and not self.region_id:
            raise InputError("主管部门角色须指定地区", code="access.grant")


@dataclass(frozen=True)
class Actor:
    """Who acts: the name written into every record and audit row, and what they were granted."""

    name: str
    user_id: int | None = None
    grants: frozenset[Grant] = field(default_factory=frozenset)

    def __post_init__(self):
        if not str(self.name).strip():
            raise InputError("操作人不能为空", code="access.actor")

    @classmethod
    def operator(cls, name: str) -> Actor:
        """The person at the command line of a local installation: its administrator."""
        return cls(name, grants=frozenset({Grant(Role.ADMIN)}))

    @property
    def is_admin(self) -> bool:
        return any(g.role is Role.ADMIN for g in self.grants)

    def roles_for_body(self, body_id: str) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants if g.body_id == body_id)

    def supervised_regions(self) -> frozenset[str]:
        return frozenset(g.region_id for g in self.grants if g.role is Role.SUPERVISOR and g.region_id)

    def __str__(self) -> str:
        return self.name
