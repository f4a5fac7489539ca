"""Accounts of the web application: users with argon2 password hashes and lockout, and the role grants
that become the `gongkai.access.Actor` every service operation takes."""

from gongkai.accounts.service import MAX_FAILURES, AccountService, LoginRefused, User, grant_label

__all__ = ["MAX_FAILURES", "AccountService", "LoginRefused", "User", "grant_label"]
