"""Pushing the outbox through a network that fails: every change arrives exactly once."""

from __future__ import annotations

import pytest

from advocate_console.api import BadResponse, Offline, ServerError, SignedOut
from advocate_console.domain import CaseStatus, Collection
from advocate_console.store import LocalChanges
from advocate_console.sync import push_outbox
from tests import factories as make
from tests.laptop import assert_exactly_once, open_case_offline


def test_a_case_opened_offline_reaches_the_server_once(client, local):
    case = open_case_offline(local)

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.stopped_by) == (1, None)
    assert LocalChanges(local).waiting() == 0
    assert push_outbox(client, LocalChanges(local)).pushed == 0
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_server_down_keeps_the_change_until_it_is_back(client, proxy, local):
    case = open_case_offline(local)
    proxy.set("refuse")

    result = push_outbox(client, LocalChanges(local))

    assert isinstance(result.stopped_by, Offline)
    assert "Cannot reach the central server" in str(result.stopped_by)
    [entry] = LocalChanges(local).entries()
    assert entry.attempts == 1 and "Working offline" in entry.last_error
    proxy.set("pass")
    assert push_outbox(client, LocalChanges(local)).pushed == 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_a_connection_cut_after_the_server_committed_creates_no_second_record(client, proxy, local):
    case = open_case_offline(local)
    proxy.set("cut_after_commit", faults=1)  # the client retries with the same key

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.refused) == (1, 0)
    assert proxy.connections >= 2
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_an_update_cut_after_commit_is_applied_once(client, proxy, local):
    case = open_case_offline(local)
    push_outbox(client, LocalChanges(local))
    LocalChanges(local).update(Collection.CASES, case.id, {"status": CaseStatus.PENDING})
    proxy.set("cut_after_commit", faults=1)

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.conflicts) == (1, 0)  # a replay, not a stale 412
    assert_exactly_once(client, local, Collection.CASES, case.id, 2)
    assert client.get(Collection.CASES, case.id).status is CaseStatus.PENDING


def test_a_server_error_stops_the_push_and_keeps_the_change(client, proxy, local):
    case = open_case_offline(local)
    proxy.set("respond", canned="500", faults=1)

    result = push_outbox(client, LocalChanges(local))

    assert isinstance(result.stopped_by, ServerError)
    assert "database down" in str(result.stopped_by)
    assert LocalChanges(local).waiting() == 1
    assert push_outbox(client, LocalChanges(local)).pushed == 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_503_with_retry_after_is_waited_out(client, proxy, local):
    case = open_case_offline(local)
    proxy.set("respond", canned="503", faults=1)

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.stopped_by) == (1, None)
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


@pytest.mark.parametrize(
    ("canned", "error", "words"),
    [
        ("malformed", BadResponse, "not what was expected"),
        ("html", BadResponse, "Wi-Fi sign-in page"),
        ("truncated", Offline, "dropped mid-answer"),
    ],
)
def test_a_broken_answer_is_an_error_never_a_crash(client, proxy, local, canned, error, words):
    case = open_case_offline(local)
    proxy.set("respond", canned=canned, faults=3)

    result = push_outbox(client, LocalChanges(local))

    assert isinstance(result.stopped_by, error)
    assert words in str(result.stopped_by)
    assert LocalChanges(local).waiting() == 1
    proxy.set("pass")
    assert push_outbox(client, LocalChanges(local)).pushed == 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_a_server_that_stalls_times_out_and_keeps_the_change(client, proxy, local):
    open_case_offline(local)
    proxy.set("stall")

    result = push_outbox(client, LocalChanges(local))

    assert isinstance(result.stopped_by, Offline)
    assert "did not answer in time" in str(result.stopped_by)
    assert LocalChanges(local).waiting() == 1


def test_a_revoked_token_asks_for_sign_in_and_loses_nothing(client, proxy, local):
    case = open_case_offline(local)
    token = client.token
    client.sign_out()  # revoked on the server
    client.token = token

    with pytest.raises(SignedOut):
        push_outbox(client, LocalChanges(local))

    assert LocalChanges(local).waiting() == 1
    client.sign_in("demo", "demo")
    assert push_outbox(client, LocalChanges(local)).pushed == 1
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)


def test_a_refused_change_is_kept_with_the_reason_and_others_go_on(client, local):
    stranger = make.customer()  # never on the server
    LocalChanges(local).create(Collection.INTERACTIONS, make.interaction(stranger))
    case = open_case_offline(local)

    result = push_outbox(client, LocalChanges(local))

    assert (result.pushed, result.refused) == (1, 1)
    [kept] = LocalChanges(local).entries()
    assert kept.state == "refused" and "customer" in kept.last_error
    assert_exactly_once(client, local, Collection.CASES, case.id, 1)
