"""Opening the console's local store with its key from the keyring: encrypted on disk, or
in memory only when there is no secure keyring to keep the key in."""

from __future__ import annotations

import logging
from pathlib import Path

from advocate_console.store import Store
from advocate_console.store.database import (
    WrongStoreKey,
    open_memory_store,
    open_store,
    store_files,
)

from .vault import TokenVault

log = logging.getLogger(__name__)


def open_local_store(path: Path, vault: TokenVault, *, made_up: bool = False) -> Store:
    """The local store at ``path``, encrypted with the key the vault keeps for it (a plain
    store of an earlier version is encrypted on the way); without a secure keyring, a store
    in memory (a plain one found there is moved into it, and its file removed).

    ``made_up``: the demo's store, a plain file. Its records are invented and its server's
    database lies plain beside it, so a key would protect nothing; on disk, a restart of
    the demo searches it before its server is up."""
    if made_up:
        return open_store(path)
    key = vault.store_key(path)
    if key is None:
        return open_memory_store(plain_file=path)
    try:
        return open_store(path, key=key)
    except WrongStoreKey as error:
        # Its key is gone from the keyring (reset, or another computer's file): nobody can
        # read it any more, so a new store takes its place and the first sync refills it.
        log.warning("%s A new local store replaces it.", error)
        for file in store_files(path):
            file.unlink(missing_ok=True)
        return open_store(path, key=key)
