"""The local copy of authority and approvals: a request kept until the server has it,
the server's copies never replaced by older ones, a lead's pending list."""

from __future__ import annotations

import uuid
from datetime import timedelta

from advocate_console.domain import RemedyKind
from advocate_console.domain.authority import Approval, Authority, AuthorityLimits
from advocate_console.domain.records import Remedy
from advocate_console.store.approvals import ApprovalBook
from tests.factories import NOW

MAYA = uuid.uuid4()
DENNIS = uuid.uuid4()


def request(**fields) -> Approval:
    """A pending request of Maya's for a $150 refund without return."""
    values = dict(
        id=uuid.uuid4(),
        case_id=uuid.uuid4(),
        remedies=[Remedy(kind=RemedyKind.REFUND_WITHOUT_RETURN, cost_cents=15_000)],
        reason="Second unit of the same model failed",
        requester_id=MAYA,
        requester_name="Maya Castellanos",
        created_at=NOW,
    )
    return Approval(**(values | fields))


def test_the_store_has_the_approvals_tables(store):
    with store.engine.connect() as connection:
        tables = set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            .scalars()
            .all()
        )
    assert {"authority", "approvals"} <= tables


def test_the_authority_is_kept_per_advocate_for_offline_work(store):
    book = ApprovalBook(store)
    assert book.authority(MAYA) is None
    lower = Authority(
        limits=AuthorityLimits(per_case_cents=10_000), month="2026-12", spent_this_month_cents=500
    )
    book.keep_authority(MAYA, lower)
    book.keep_authority(MAYA, lower.model_copy(update={"spent_this_month_cents": 900}))
    kept = book.authority(MAYA)
    assert kept is not None
    assert kept.limits.per_case_cents == 10_000
    assert kept.spent_this_month_cents == 900
    assert book.authority(DENNIS) is None


def test_a_request_waits_unsent_until_the_server_has_it(store):
    book = ApprovalBook(store)
    asked = request()
    book.ask(asked)
    assert [r.id for r in book.unsent()] == [asked.id]
    book.not_sent(asked.id, "Cannot reach the central server")
    waiting = book.get(asked.id)
    assert waiting is not None and waiting.unsent and waiting.problem
    assert [r.id for r in book.unsent()] == [asked.id]  # offline: it is sent again later

    book.sent(asked.model_copy(update={"customer_name": "Walter Brennan"}))
    assert book.unsent() == []
    kept = book.get(asked.id)
    assert kept is not None and not kept.unsent and kept.problem is None
    assert kept.approval.customer_name == "Walter Brennan"


def test_a_request_the_server_refuses_is_not_sent_again_and_says_why(store):
    book = ApprovalBook(store)
    asked = request()
    book.ask(asked)
    book.not_sent(asked.id, "The reason is too long", refused=True)
    assert book.unsent() == []
    refused = book.get(asked.id)
    assert refused is not None and refused.refused and refused.problem == "The reason is too long"


def test_a_decision_replaces_the_pending_copy_and_an_older_copy_never_does(store):
    book = ApprovalBook(store)
    asked = request()
    book.ask(asked)
    book.sent(asked)
    approved = asked.model_copy(
        update={"status": "approved", "version": 2, "decided_by_name": "Dennis Whitford"}
    )
    assert book.keep([approved]) == [approved]
    assert book.keep([asked]) == []  # a late list from before the decision
    assert book.keep([approved]) == []  # nothing new
    kept = book.latest_for_case(asked.case_id, MAYA)
    assert kept is not None and kept.approval.status == "approved"


def test_the_newest_request_of_a_case_is_the_one_the_form_follows(store):
    book = ApprovalBook(store)
    case_id = uuid.uuid4()
    first = request(case_id=case_id, status="denied", created_at=NOW - timedelta(minutes=5))
    second = request(case_id=case_id)
    book.keep([first])
    book.ask(second)
    assert book.latest_for_case(case_id, MAYA).id == second.id
    assert book.latest_for_case(case_id, DENNIS) is None
    assert book.latest_for_case(uuid.uuid4()) is None


def test_a_lead_sees_the_pending_requests_but_not_their_own(store):
    book = ApprovalBook(store)
    mine = request(requester_id=DENNIS, requester_name="Dennis Whitford")
    older = request(created_at=NOW - timedelta(minutes=3))
    newer = request()
    decided = request(status="approved", version=2)
    book.keep([newer, mine, decided, older])
    assert [a.id for a in book.pending(except_requester=DENNIS)] == [older.id, newer.id]
    assert book.pending_ids() == {mine.id, older.id, newer.id}
