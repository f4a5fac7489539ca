"""Tracking codes: what an online applicant keeps to follow the application.

A code is 20 characters of an alphabet without look-alikes (no 0/O, 1/I/L), drawn with `secrets`: about
100 bits, so it cannot be guessed; it is shown once and only its SHA-256 digest is stored. The second
factor is the last four digits of the applicant's telephone, compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 20
GROUP = 5


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalise(code: str) -> str:
    """The code as typed (any case, spaces or dashes anywhere) in its canonical grouped form."""
    raw = "".join(c for c in str(code).upper() if c.isalnum())
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def same_tail(expected: str, given: str) -> bool:
    digits = "".join(c for c in str(given) if c.isdigit())
    return bool(expected) and hmac.compare_digest(expected.encode(), digits[-4:].encode())
