"""A token that expires mid-sync brings the sign-in back and loses no work."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocate_console.api import SignedOut
from advocate_console.central.core.clock import SettableClock
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain import Collection
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.sync import pull_changes, push_outbox
from tests.laptop import assert_exactly_once, open_case_offline, signed_in


def test_an_expired_token_stops_sync_until_signed_in_again(server, tmp_path):
    clock = SettableClock()
    short = EmbeddedServer(server.database_url, clock=clock)
    short.start()
    try:
        client = signed_in(short.url)
        store = open_store(tmp_path / "laptop.sqlite")
        pull_changes(client, Replica(store))
        case = open_case_offline(store)
        clock.advance(timedelta(hours=12, seconds=1))  # the token's lifetime is over

        with pytest.raises(SignedOut, match="expired"):
            push_outbox(client, LocalChanges(store))
        with pytest.raises(SignedOut):
            pull_changes(client, Replica(store))
        assert LocalChanges(store).waiting() == 1

        client.sign_in("demo", "demo")
        assert push_outbox(client, LocalChanges(store)).pushed == 1
        assert_exactly_once(client, store, Collection.CASES, case.id, 1)
        store.close()
    finally:
        short.stop()
