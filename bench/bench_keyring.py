"""The bench's stand-in for the OS keyring: it hands the console the encrypted copy's store
key (bench_one_screen.py names it in PYTHON_KEYRING_BACKEND, with the key, a constant of
made-up data, in BENCH_STORE_KEY). Loaded by the keyring library where the console loads
its keyring: on a worker, after the window is up, as the Secret Service's backend is."""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend


class BenchKeyring(KeyringBackend):
    """Answers the local store's key entry; keeps nothing else."""

    priority = 1  # (any: the environment names it)

    def get_password(self, service: str, username: str) -> str | None:
        """The store key for its entry; nothing for any other."""
        return (
            os.environ.get("BENCH_STORE_KEY") if username.startswith("local-store-key:") else None
        )

    def set_password(self, service: str, username: str, password: str) -> None:
        """Keeps nothing."""

    def delete_password(self, service: str, username: str) -> None:
        """Keeps nothing."""
