"""Authority and approvals kept in step with the server, off the UI thread.

Each run sends the requests the server does not have yet (the approvals' outbox), then
reads the advocate's authority and the approvals they may see. It runs after every sync
cycle of the engine and at once when a request is made or a push says an approval was
requested or decided; a pushed approval is kept before anything is asked of the server,
so a decision shows within a moment of the lead's click. While the event stream is down,
an advocate with a request waiting, and a lead, look again every :data:`WATCH_S` seconds
instead of waiting for the next sync cycle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, Signal

from advocate_console.api import ApiError, CentralClient, Offline, Rejected, SignedOut
from advocate_console.api.approvals import (
    approval,
    approvals,
    ask_for_approval,
    decide,
    my_authority,
)
from advocate_console.domain import Role
from advocate_console.domain.authority import Approval, Authority
from advocate_console.domain.records import Advocate
from advocate_console.store.approvals import ApprovalBook
from advocate_console.tasks import SerialQueue

log = logging.getLogger(__name__)

APPROVAL_EVENTS = frozenset({"approval_requested", "approval_decided"})
DECIDERS = frozenset({Role.LEAD, Role.ADMIN})
WATCH_S = 5
"""How often approvals are read while something waits and no push can say so."""


@dataclass(frozen=True)
class ApprovalNews:
    """What one run (or one pushed event) brought."""

    authority: Authority | None = None
    changed: list[Approval] = field(default_factory=list)
    """Approvals new here or changed (decided), in the order they came."""
    sent: int = 0
    problem: str | None = None
    """Why the server could not be asked (offline, signed out); None when it was."""
    waiting: int = 0
    """How many of the advocate's own requests wait for a decision."""
    decided: list[Approval] = field(default_factory=list)
    """Of ``changed``, those kept here as pending until now: a decision just arrived."""


def send_requests(client: CentralClient, book: ApprovalBook) -> tuple[int, list[Approval]]:
    """Send every unsent request, oldest first; stops at the first that cannot get through
    (offline: they all wait). Returns how many were sent and the server's copies."""
    sent: list[Approval] = []
    for request in book.unsent():
        try:
            answer = ask_for_approval(client, request.approval)
        except Rejected as error:
            # 404: the case itself may still wait in the outbox (opened offline): later.
            book.not_sent(request.id, str(error), refused=error.status != 404)
            continue
        except ApiError as error:  # offline, signed out, server trouble: all wait
            book.not_sent(request.id, str(error))
            raise
        book.sent(answer)
        sent.append(answer)
    return len(sent), sent


def sync_approvals(client: CentralClient, book: ApprovalBook, me: Advocate) -> ApprovalNews:
    """Send the waiting requests, then read the authority and the approvals ``me`` sees."""
    before = book.pending_ids()
    try:
        count, sent = send_requests(client, book)
        authority = my_authority(client)
        book.keep_authority(me.id, authority)
        changed = book.keep(approvals(client, mine=True))
        if me.role in DECIDERS:
            pending = book.pending_ids()
            waiting = approvals(client, "pending")
            changed += book.keep(waiting)
            # Pending here but not there: another lead decided it meanwhile.
            for gone in pending - {item.id for item in waiting}:
                changed += book.keep([approval(client, gone)])
    except (Offline, SignedOut) as error:
        return ApprovalNews(problem=str(error))
    except ApiError as error:
        log.warning("Approvals not synced: %s", error)
        return ApprovalNews(problem=str(error))
    known = {item.id for item in changed}
    changed += [item for item in sent if item.id not in known]
    return ApprovalNews(
        authority,
        changed,
        count,
        waiting=book.waiting_for(me.id),
        decided=_decided(changed, before),
    )


def keep_pushed(book: ApprovalBook, data: dict[str, Any]) -> ApprovalNews:
    """An approval pushed with an event: kept at once (the run after it confirms)."""
    before = book.pending_ids()
    changed = book.keep([Approval.model_validate(data)])
    return ApprovalNews(changed=changed, decided=_decided(changed, before))


def _decided(changed: list[Approval], pending: set) -> list[Approval]:
    return [item for item in changed if item.is_decided and item.id in pending]


class ApprovalSync(QObject):
    """Runs approval syncs one at a time on the thread pool; answers on the UI thread."""

    sig_news = Signal(object)
    """What a run or a pushed event brought (:class:`ApprovalNews`)."""

    def __init__(self, book: ApprovalBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.client: CentralClient | None = None
        self.me: Advocate | None = None
        self._queue = SerialQueue()
        self._running = False
        self._again = False
        self._waiting = False  # a request of mine waits for a decision
        self.listening = False
        """The event stream is open: pushes bring the news, no need to watch."""
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_S * 1000)
        self._watch.timeout.connect(self.sync_now)

    def set_listening(self, listening: bool) -> None:
        """The event stream opened (True) or dropped: watch while it is down."""
        self.listening = listening
        if listening:
            self.sync_now()  # what was pushed while it was down
        self._rewatch()

    def _rewatch(self) -> None:
        me = self.me
        needed = (
            self.client is not None
            and me is not None
            and not self.listening
            and (self._waiting or me.role in DECIDERS)
        )
        if needed and not self._watch.isActive():
            self._watch.start()
        elif not needed:
            self._watch.stop()

    def use(self, client: CentralClient | None, me: Advocate | None) -> None:
        """Sync as ``me`` with ``client`` (its own: runs happen on worker threads)."""
        old, self.client, self.me = self.client, client, me
        if old is not None and old is not client:
            self._queue.run_task(old.close)  # after any run still using it
        if client is not None:
            self.sync_now()
        else:
            self.listening = False
        self._rewatch()

    def sync_now(self) -> None:
        """Sync as soon as the run under way (if any) has ended; requests coalesce."""
        client, me = self.client, self.me
        if client is None or me is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        book = self.book
        self._queue.run_task(
            lambda: sync_approvals(client, book, me), self._ran, self._failed, owner=self
        )

    def pushed(self, name: str, data: object) -> None:
        """An event from the server's stream: an approval requested or decided."""
        if name not in APPROVAL_EVENTS or not isinstance(data, dict):
            return
        book = self.book
        self._queue.run_task(
            lambda: keep_pushed(book, data),
            self.sig_news.emit,
            lambda error: log.warning("A pushed approval was not kept: %s", error),
            owner=self,
        )
        self.sync_now()

    def decide(
        self,
        seen: Approval,
        decision: Literal["approved", "denied"],
        note: str,
        done: Callable[[Approval], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Send a lead's decision (after any run under way); the server's copy is kept."""
        client, book = self.client, self.book
        if client is None:
            failed(SignedOut("You are signed out. Sign in to continue.").coded("signed_out"))
            return

        def send() -> Approval:
            try:
                decided = decide(client, seen, decision, note)
            except ApiError as error:
                current = getattr(error, "approval", None)
                if current is not None:
                    book.keep([current])
                raise
            book.keep([decided])
            return decided

        self._queue.run_task(send, done, failed, owner=self)

    def _ran(self, news: ApprovalNews) -> None:
        self._running = False
        if news.problem is None:
            self._waiting = news.waiting > 0
            self._rewatch()
        self.sig_news.emit(news)
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, error: Exception) -> None:
        log.exception("Approvals sync failed", exc_info=error)
        self._ran(ApprovalNews(problem=str(error)))
