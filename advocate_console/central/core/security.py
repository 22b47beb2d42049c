"""Passwords and bearer tokens: argon2id hashes, and sha256 digests of random tokens.

Hashes made by earlier versions (scrypt) still verify, and are replaced by an argon2id
hash at the user's next successful sign-in (:func:`needs_rehash`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's Password Storage Cheat Sheet: argon2id with 19 MiB of memory, 2 passes, one lane
# (its first configuration). About 0.1 s per check on the 2-core build machine.
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Checked against when the user name is unknown, so that answers no faster.
_NOBODY = HASHER.hash(secrets.token_urlsafe(16))

_SCRYPT = "scrypt"  # earlier versions' hashes: scrypt$N$r$p$salt$digest
_SCRYPT_MAXMEM = 2**26


def hash_password(password: str) -> str:
    """A self-describing argon2id hash of ``password`` with a fresh random salt."""
    return HASHER.hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored`` (argon2id, or an older scrypt hash)."""
    if stored is None:
        _argon2_matches(password, _NOBODY)
        return False
    if stored.startswith(f"{_SCRYPT}$"):
        return _scrypt_matches(password, stored)
    return _argon2_matches(password, stored)


def needs_rehash(stored: str) -> bool:
    """True for a hash older than this version's (scrypt, or weaker argon2 parameters)."""
    if not stored.startswith("$argon2"):
        return True
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _argon2_matches(password: str, stored: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _scrypt_matches(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(digest)),
            maxmem=_SCRYPT_MAXMEM,
        )
        return hmac.compare_digest(actual, base64.b64decode(digest))
    except ValueError:
        return False


def new_token() -> str:
    """An opaque, unguessable bearer token (256 random bits)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps of a token: its sha256, so a leaked table grants nothing."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
