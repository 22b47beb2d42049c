"""The local store encrypted at rest (SQLCipher 4 through ``sqlcipher3``), or, where there is
no secure keyring for its key, kept in memory only.

The key is 32 random bytes, used raw (``PRAGMA key = "x'…'"``): no key derivation at each
connection, which a passphrase would cost (256,000 rounds of PBKDF2 every time a pooled
connection opens). Everything SQLite writes goes through the cipher: the database, its
write-ahead log and the journal; the shared-memory index holds no records.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import uuid
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

KEY_BYTES = 32
# Each page's HMAC (tamper detection) with SHA-256, which CPUs compute in hardware (SHA-NI),
# rather than SQLCipher 4's default SHA-512: a first sync's writer spent a third more time
# than on a plain store, most of it on HMACs. Fixed for a store's life: pages carry it.
HMAC = "HMAC_SHA256"
# Decrypted pages kept per connection (KiB). A plain store's pages stay in the system's
# file cache, cheap to read again; an encrypted one's are decrypted and checked each time.
CACHE_KIB = 32 * 1024
_PLAIN_HEADER = b"SQLite format 3\x00"
_ENCRYPTING = ".encrypting"  # the encrypted copy of a plain store, until it takes its place


def sqlcipher() -> ModuleType:
    """The DB-API module of SQLCipher (bundling its own SQLite)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def new_key() -> bytes:
    """A fresh random key for a store."""
    return secrets.token_bytes(KEY_BYTES)


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a store key has {KEY_BYTES} bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_encrypted(path: Path, key: bytes, timeout: float = 30.0):
    """A connection to the encrypted store at ``path`` (made on first use)."""
    connection = sqlcipher().connect(str(path), timeout=timeout, check_same_thread=False)
    connection.execute(_key_pragma(key))
    connection.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC}")
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # A wrong key is StoreError's to explain, not SQLCipher's lines on stderr.
    connection.execute("PRAGMA cipher_log_level = NONE")
    return connection


def memory_uri() -> str:
    """A new in-memory database every connection of this process can share (SQLite's
    ``memdb``: ordinary locking between connections, unlike a shared cache)."""
    return f"file:/advocate-console-{uuid.uuid4().hex}?vfs=memdb"


def connect_memory(uri: str, timeout: float = 30.0):
    """A connection to the in-memory database at ``uri`` (see :func:`memory_uri`)."""
    return sqlcipher().connect(uri, uri=True, timeout=timeout, check_same_thread=False)


def is_plain(path: Path) -> bool:
    """True for an unencrypted SQLite file (a store made before encryption)."""
    try:
        with path.open("rb") as file:
            return file.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER
    except OSError:
        return False


def encrypt_plain_store(path: Path, key: bytes) -> None:
    """Turn the plain store at ``path`` into an encrypted one with ``key``, in place.

    The encrypted copy is written beside it, then takes its name in one rename; the plain
    file's bytes are overwritten with zeros through a handle kept open across the rename,
    and its log files removed. (On SSDs and copy-on-write file systems overwriting is no
    guarantee the old blocks are gone; the copy of the customers is what it can remove.)
    """
    encrypted = path.with_name(path.name + _ENCRYPTING)
    for leftover in _with_logs(encrypted):  # from a start that stopped half-way
        leftover.unlink(missing_ok=True)
    plain = sqlcipher().connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every change into the main file
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(encrypted),))
        plain.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {HMAC}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    _sync(encrypted)
    with path.open("r+b") as old:
        os.replace(encrypted, path)
        _overwrite(old)
    for log_file in _with_logs(path)[1:]:
        log_file.unlink(missing_ok=True)
    log.info("The local store at %s is encrypted now", path)


def copy_plain_into(path: Path, connection) -> None:
    """Copy the plain store at ``path`` into ``connection`` (an in-memory store), then
    remove the file as :func:`encrypt_plain_store` does: without a keyring, its records
    and unsynced changes live on in memory only."""
    plain = sqlcipher().connect(str(path))
    try:
        # Out of WAL mode first: a copy marked WAL cannot be opened in memory.
        plain.execute("PRAGMA journal_mode=DELETE")
        plain.backup(connection)
    finally:
        plain.close()
    with path.open("r+b") as old:
        path.unlink()
        _overwrite(old)
    for log_file in _with_logs(path)[1:]:
        log_file.unlink(missing_ok=True)


def _with_logs(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _overwrite(file) -> None:
    size = os.fstat(file.fileno()).st_size
    zeros = bytes(1 << 20)
    file.seek(0)
    for offset in range(0, size, len(zeros)):
        file.write(zeros[: min(len(zeros), size - offset)])
    file.flush()
    with contextlib.suppress(OSError):
        os.fsync(file.fileno())


def _sync(path: Path) -> None:
    with path.open("rb") as file, contextlib.suppress(OSError):
        os.fsync(file.fileno())


def encryption_check(folder: Path) -> str:
    """For ``--self-test``: a store encrypted with a throwaway key in ``folder`` hides what
    was written and gives it back with the key; the SQLCipher version, or CheckFailed-like
    RuntimeError saying what went wrong."""
    path, key, marker = folder / "encryption-check.sqlite", new_key(), "ENCRYPTION-CHECK-42"
    connection = connect_encrypted(path, key)
    try:
        version = connection.execute("PRAGMA cipher_version").fetchone()
        if not version:
            raise RuntimeError("SQLite here is not SQLCipher: the store would not be encrypted")
        connection.execute("CREATE TABLE check_values (value TEXT)")
        connection.execute("INSERT INTO check_values VALUES (?)", (marker,))
        connection.commit()
    finally:
        connection.close()
    if marker.encode() in path.read_bytes():
        raise RuntimeError("the store file holds what was written in plain text")
    again = connect_encrypted(path, key)
    try:
        if again.execute("SELECT value FROM check_values").fetchone() != (marker,):
            raise RuntimeError("the encrypted store did not give back what was written")
    finally:
        again.close()
    return f"store encrypted (SQLCipher {version[0]})"
