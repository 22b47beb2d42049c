"""Passwords and bearer tokens: scrypt hashes, and sha256 digests of random tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# scrypt with 16 MiB of memory: about 50 ms per check here, slow enough for guessing.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_LENGTH = 32
_SCHEME = "scrypt"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=SCRYPT_LENGTH, maxmem=2**26
    )


def hash_password(password: str) -> str:
    """A self-describing scrypt hash of ``password`` with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{_SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored``; compares in constant time."""
    if stored is None:
        # Spend the same time as a real check so unknown user names do not answer faster.
        _scrypt(password, b"0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def new_token() -> str:
    """An opaque, unguessable bearer token (256 random bits)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps of a token: its sha256, so a leaked table grants nothing."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
