"""The roles of a disclosure office, of its supervisor, and of the system."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 登记员: registers and processes requests, drafts answers and publications
    REVIEWER = "reviewer"  # 审核人/负责人: approves extensions, signs answers and publications
    SECRECY = "secrecy"  # 保密审查员: the 保密审查 before anything is released
    BODY_ADMIN = "body_admin"  # 单位管理员: the body's users and details
    SUPERVISOR = "supervisor"  # 主管部门: read-only across a region's bodies, receives their reports
    ADMIN = "admin"  # 系统管理员


ROLE_LABELS = {
    Role.CLERK: "登记员",
    Role.REVIEWER: "审核人（负责人）",
    Role.SECRECY: "保密审查员",
    Role.BODY_ADMIN: "单位管理员",
    Role.SUPERVISOR: "主管部门",
    Role.ADMIN: "系统管理员",
}

#: Roles held for one body; the supervisor role is held for a region; the administrator for everything.
BODY_ROLES = frozenset({Role.CLERK, Role.REVIEWER, Role.SECRECY, Role.BODY_ADMIN})
