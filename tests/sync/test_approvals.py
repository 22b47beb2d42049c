"""Authority and approvals synced with the real server: a request kept offline reaches the
server exactly once, the authority is kept for offline work, a lead's decision comes back
(pulled or pushed), and a decision someone made first is explained, not overwritten."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from advocate_console.api import Rejected
from advocate_console.api.approvals import AlreadyDecided, approvals, decide
from advocate_console.domain import Collection, RemedyKind
from advocate_console.domain.authority import Approval
from advocate_console.domain.records import Remedy
from advocate_console.store.approvals import ApprovalBook
from advocate_console.sync.approvals import keep_pushed, sync_approvals
from tests.laptop import new_case

REFUND = [Remedy(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)]


@pytest.fixture
def case(client):
    """A case of the story customer on the server."""
    made = new_case("The ice maker leaks again")
    body = made.model_dump(mode="json", exclude={"version"})
    return client.create(Collection.CASES, body, str(uuid.uuid4()))


def request(client, case) -> Approval:
    return Approval(
        id=uuid.uuid4(),
        case_id=case.id,
        remedies=REFUND,
        reason="Second failure of the same model",
        requester_id=client.me().id,
        created_at=datetime.now(UTC),
    )


def test_a_request_kept_offline_reaches_the_server_once(client, proxy, local, case):
    book = ApprovalBook(local)
    me = client.me()
    asked = request(client, case)
    book.ask(asked)
    proxy.set("refuse")
    news = sync_approvals(client, book, me)
    assert news.problem and "Working offline" in news.problem
    (waiting,) = book.unsent()
    assert waiting.id == asked.id and "Working offline" in waiting.problem

    proxy.set("cut_after_commit", faults=1)  # the server has it; the answer is lost
    sync_approvals(client, book, me)
    proxy.set("pass")
    news = sync_approvals(client, book, me)
    assert news.problem is None
    assert book.unsent() == []
    mine = [a for a in approvals(client, mine=True) if a.case_id == case.id]
    assert [a.id for a in mine] == [asked.id]  # sent again, made once
    assert mine[0].status == "pending" and mine[0].requester_name


def test_the_authority_is_kept_for_offline_work(client, local):
    book = ApprovalBook(local)
    me = client.me()
    news = sync_approvals(client, book, me)
    assert news.authority is not None
    assert book.authority(me.id) == news.authority
    assert news.authority.limits.refund_without_return_cents > 0


def test_a_leads_decision_comes_back_to_the_advocate(client, lead, local, tmp_path, case):
    from advocate_console.store import open_store

    book = ApprovalBook(local)
    asked = request(client, case)
    book.ask(asked)
    sync_approvals(client, book, client.me())

    leads_store = open_store(tmp_path / "lead.sqlite")
    try:
        leads_book = ApprovalBook(leads_store)
        news = sync_approvals(lead, leads_book, lead.me())
        assert asked.id in {a.id for a in news.changed}
        (pending,) = [a for a in leads_book.pending(lead.me().id) if a.id == asked.id]
        decided = decide(lead, pending, "approved", "Yes")
    finally:
        leads_store.close()

    news = sync_approvals(client, book, client.me())
    assert [(a.id, a.status) for a in news.changed] == [(asked.id, "approved")]
    assert [a.id for a in news.decided] == [asked.id]  # the notification says this one

    other_laptop = open_store(tmp_path / "other.sqlite")
    try:
        first = sync_approvals(client, ApprovalBook(other_laptop), client.me())
        assert asked.id in {a.id for a in first.changed}
        assert first.decided == []  # a first sync brings old decisions: nothing to notify
    finally:
        other_laptop.close()
    kept = book.latest_for_case(case.id, client.me().id)
    assert kept.approval.status == "approved" and kept.approval.note == "Yes"
    assert kept.approval.version == decided.version


def test_a_pushed_decision_is_kept_at_once(local, case, client):
    book = ApprovalBook(local)
    asked = request(client, case)
    book.ask(asked)
    decided = asked.model_copy(update={"status": "denied", "version": 2, "note": "No"})
    news = keep_pushed(book, decided.model_dump(mode="json"))
    assert news.changed == [decided]
    assert book.get(asked.id).approval.status == "denied"


def test_a_decision_made_first_by_someone_else_is_explained(client, lead, case):
    from advocate_console.api.approvals import ask_for_approval

    sent = ask_for_approval(client, request(client, case))
    decide(lead, sent, "approved", "First")
    with pytest.raises(AlreadyDecided) as error:
        decide(lead, sent, "denied", "Second")
    assert error.value.approval.status == "approved"
    assert error.value.approval.note == "First"


def test_an_advocate_cannot_decide(client, case):
    from advocate_console.api.approvals import ask_for_approval

    sent = ask_for_approval(client, request(client, case))
    with pytest.raises(Rejected) as error:
        decide(client, sent, "approved", "")
    assert error.value.status == 403


def test_without_the_event_stream_a_waiting_request_is_watched(qtbot, client, local, case):
    from advocate_console.sync.approvals import ApprovalSync

    sync = ApprovalSync(ApprovalBook(local))
    sync.book.ask(request(client, case))
    own = type(client)(client.base_url, token=client.token, retries=1)
    with qtbot.waitSignal(sync.sig_news, timeout=10_000) as ran:
        sync.use(own, client.me())
    assert ran.args[0].waiting >= 1
    assert sync._watch.isActive()  # no push can say it was decided: look every few seconds
    with qtbot.waitSignal(sync.sig_news, timeout=10_000):
        sync.set_listening(True)
    assert not sync._watch.isActive()  # the stream will say it
    sync.set_listening(False)
    assert sync._watch.isActive()
    sync.use(None, None)  # signed out
    assert not sync._watch.isActive()
