"""Password hashing (argon2id through argon2-cffi) and the rules a new password must meet."""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from gongkai.errors import InputError

MIN_LENGTH = 8
_hasher = PasswordHasher()  # argon2-cffi's defaults (RFC 9106 low-memory profile)
# Verified when the login name is unknown, so an unknown name costs the same time as a wrong password.
_DUMMY = _hasher.hash("gongkai-no-such-user")


def use_parameters(parameters: Parameters) -> None:
    """Other argon2 parameters, e.g. `argon2.profiles.CHEAPEST` in tests (argon2-cffi's own test profile).
    Hashes made before keep verifying; they are rehashed at the next login."""
    global _hasher, _DUMMY
    _hasher = PasswordHasher.from_parameters(parameters)
    _DUMMY = _hasher.hash("gongkai-no-such-user")


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher.hash(password)


def verify(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def check_password(password: str, field: str = "password") -> None:
    if len(password or "") < MIN_LENGTH:
        raise InputError(f"密码至少{MIN_LENGTH}个字符", code="accounts.password", field=field)
    if password.strip() != password:
        raise InputError("密码首尾不能有空格", code="accounts.password", field=field)
