"""Erasing what a console keeps on this computer: the local store (with its drafts, card
queue and outbox) and the keyring entries (sign-in tokens, the store's key).

One function for the three ways it happens: the server's wipe order, "erase" at sign-out,
and ``advocate-console --erase-local-data`` (for one user, or, as root, for every user's
data folder).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from advocate_console.store.database import STORE_NAME, store_files

from .vault import TokenVault

log = logging.getLogger(__name__)

DEMO_FOLDER = "demo"  # the demo mode's own data folder, inside the data folder
# platformdirs' user data folder, relative to a home that is not ours.
_DEFAULT_DATA_DIR = (
    "Library/Application Support/advocate-console"
    if sys.platform == "darwin"
    else ".local/share/advocate-console"
)


@dataclass
class Erased:
    """What an erase removed, and what it could not."""

    files: list[Path] = field(default_factory=list)
    keyring_entries: int = 0
    problems: list[str] = field(default_factory=list)


def erase_local_data(
    data_dir: Path, vault: TokenVault | None = None, store: Path | None = None
) -> Erased:
    """Remove the local store files of ``data_dir`` (and of its demo folder, and ``store``
    when it is elsewhere) and, with a ``vault``, every sign-in it saved. The stores must be
    closed first."""
    erased = Erased()
    stores = [data_dir / STORE_NAME, data_dir / DEMO_FOLDER / STORE_NAME]
    if store is not None and store not in stores:
        stores.append(store)
    for store in stores:
        for path in store_files(store):
            _remove(path, erased)
    demo = data_dir / DEMO_FOLDER
    if demo.is_dir():  # the demo's own server database: made-up customers, still erased
        try:
            shutil.rmtree(demo)
            erased.files.append(demo)
        except OSError as error:
            erased.problems.append(f"{demo}: {error.strerror or error}")
    if vault is not None:
        erased.keyring_entries += vault.delete_all()
    log.info("Erased the local data in %s (%d files)", data_dir, len(erased.files))
    return erased


def _remove(path: Path, erased: Erased) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        erased.problems.append(f"{path}: {error.strerror or error}")
        return
    erased.files.append(path)


def every_users_data_folders() -> list[Path]:
    """The data folder of each user of this computer who has one (for root: IT erasing a
    laptop before it changes hands). Each user's own ``data_dir`` setting counts, then the
    managed settings', then the default; their keyrings are theirs and stay out of reach."""
    if sys.platform == "win32" or not hasattr(os, "geteuid"):
        raise OSError("erasing every user's data is only done on Linux and macOS, as root")
    import pwd

    from advocate_console.settings_layers import load_layers

    folders: list[Path] = []
    for user in pwd.getpwall():
        home = Path(user.pw_dir)
        if (user.pw_uid != 0 and user.pw_uid < 1000) or not home.is_dir():
            continue  # system accounts
        layers = load_layers(user_path=home / ".config" / "advocate-console" / "settings.toml")
        chosen = layers.user.get("data_dir") or layers.managed.get("data_dir")
        default = home / _DEFAULT_DATA_DIR
        folder = Path(chosen.replace("~", str(home), 1)) if chosen else default
        if folder.is_dir() and folder not in folders:
            folders.append(folder)
    return folders
