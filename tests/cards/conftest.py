"""Card test set-up: demo story data in a temp store, and a real CUPS queue (cups-pdf).

The CUPS fixtures need root (lpadmin, /etc/cups). Without root they skip — unless CI is
set, where a skipped printer test would hide a broken pipeline, so they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME
from advocate_console.central.demo.generator import demo_batches
from advocate_console.central.demo.stories.repeat_failure import STORY_REPEAT_FAILURE_CUSTOMER_ID
from advocate_console.domain import CardState, Collection
from advocate_console.store import Replica, Store
from advocate_console.store.cards import CardQueue
from tests.plumbing import need_part, wait_until

CUPS_CONF = Path("/etc/cups")


def _cups_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return result.returncode == 0 and "not running" not in result.stdout


def _need_root() -> None:
    if shutil.which("cupsd") is None or shutil.which("lpadmin") is None:
        reason = "CUPS is not installed (apt-get install cups printer-driver-cups-pdf)"
    elif os.geteuid() != 0:
        reason = "the CUPS tests add a printer queue, which needs root"
    else:
        return
    need_part(reason)


@dataclass
class CupsService:
    """The cupsd serving the tests; ``stop``/``start`` let a test take it away for a while."""

    started_here: bool
    process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start cupsd in the foreground of a child process and wait until it answers."""
        self.process = subprocess.Popen(
            ["cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_until(_cups_running, 10, what="cupsd to answer")

    def stop(self) -> None:
        """Stop the cupsd this fixture started (never one it found running)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
            wait_until(lambda: not _cups_running(), 10, what="cupsd to stop")


@pytest.fixture(scope="session")
def cups_service() -> Iterator[CupsService]:
    """A running cupsd: the system's, or one started here (and stopped at the end)."""
    _need_root()
    if _cups_running():
        yield CupsService(started_here=False)
        return
    service = CupsService(started_here=True)
    service.start()
    try:
        yield service
    finally:
        service.stop()


@dataclass(frozen=True)
class PdfQueue:
    """A cups-pdf printer queue and the folder its PDFs land in."""

    name: str
    out: Path

    def pdfs(self) -> list[Path]:
        """The PDFs written so far."""
        return sorted(self.out.glob("*.pdf"))

    def pdf_of_job(self, job_id: int, timeout: float = 20.0) -> Path:
        """The PDF of job ``job_id`` (cups-pdf names files ``…-job_<N>.pdf``)."""
        found: list[Path] = []

        def written() -> bool:
            found[:] = [p for p in self.out.glob(f"*job_{job_id}.pdf") if p.stat().st_size]
            return bool(found)

        wait_until(written, timeout, what=f"cups-pdf to write a PDF for job {job_id} in {self.out}")
        return found[0]


def _add_queue(name: str, out: Path) -> PdfQueue:
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o777)  # cups-pdf writes as the job's user
    # cups-pdf reads cups-pdf-<X>.conf for the device URI cups-pdf:/<X>.
    (CUPS_CONF / f"cups-pdf-{name}.conf").write_text(f"Out {out}\nLabel 1\n")
    subprocess.run(
        [
            "lpadmin",
            "-p",
            name,
            "-E",
            "-v",
            f"cups-pdf:/{name}",
            "-m",
            "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd",
        ],
        check=True,
        capture_output=True,
    )
    return PdfQueue(name, out)


def _remove_queue(name: str) -> None:
    subprocess.run(["cancel", "-a", name], capture_output=True, check=False)
    subprocess.run(["lpadmin", "-x", name], capture_output=True, check=False)
    (CUPS_CONF / f"cups-pdf-{name}.conf").unlink(missing_ok=True)


def _remove_left_queues() -> None:
    # The tests' queues are theirs by name; a run that was killed left its own behind,
    # and a "no printer" test would find it.
    listed = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=False)
    for name in listed.stdout.split():
        if name.startswith(("CardTest", "CardPaused")):
            _remove_queue(name)


@pytest.fixture(scope="session")
def pdf_queue(cups_service, tmp_path_factory) -> Iterator[PdfQueue]:
    """A cups-pdf queue for the whole session, writing into its own temp folder (queues a
    killed run left are removed first)."""
    _remove_left_queues()
    name = f"CardTest{uuid.uuid4().hex[:8]}"
    queue = _add_queue(name, tmp_path_factory.mktemp("cups-pdf"))
    try:
        yield queue
    finally:
        _remove_queue(name)


@pytest.fixture
def disabled_queue(cups_service, tmp_path) -> Iterator[PdfQueue]:
    """A cups-pdf queue that exists but is disabled (``cupsdisable``), as a paused printer."""
    name = f"CardPaused{uuid.uuid4().hex[:8]}"
    queue = _add_queue(name, tmp_path / "out")
    subprocess.run(
        ["cupsdisable", "-r", "Out of card stock", name], check=True, capture_output=True
    )
    try:
        yield queue
    finally:
        _remove_queue(name)


@pytest.fixture
def stopped_cups(cups_service, pdf_queue) -> Iterator[str]:
    """cupsd stopped for the length of one test (and started again after it).

    Only possible when the tests started cupsd themselves; a system cupsd is left alone.
    """
    if not cups_service.started_here:
        pytest.skip("cupsd was already running; the tests do not stop a system service")
    cups_service.stop()
    try:
        yield pdf_queue.name
    finally:
        cups_service.start()


@pytest.fixture
def no_printer(cups_service, pdf_queue) -> Iterator[None]:
    """CUPS running with no printer at all, for the length of one test (the session's
    queue is taken away and put back after it).

    Only where the tests' queues are the only ones: a system's own printers are left alone.
    """
    listed = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=False)
    others = [name for name in listed.stdout.split() if not name.startswith("Card")]
    if others:
        pytest.skip(f"this system has printers of its own ({', '.join(others)})")
    subprocess.run(["lpadmin", "-x", pdf_queue.name], check=True, capture_output=True)
    try:
        yield None
    finally:
        _add_queue(pdf_queue.name, pdf_queue.out)


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """Laying out and painting cards needs the (offscreen) QApplication for its fonts."""


# -- demo data ----------------------------------------------------------------------------


COLLEAGUE = "Connor Byrne"


@pytest.fixture(scope="session")
def demo_batch():
    """The first demo batch: the three story customers and a few regular ones."""
    return next(iter(demo_batches(12, seed=1)))


@pytest.fixture
def story_card(demo_batch):
    """The repeat-failure story customer's card with its $25 gift certificate."""
    return next(
        card
        for card in demo_batch.cards
        if card.customer_id == STORY_REPEAT_FAILURE_CUSTOMER_ID and card.gift_value_cents
    )


@pytest.fixture
def story_customer(demo_batch):
    """Margaret O'Donnell, whose second microwave failed out of warranty."""
    return next(c for c in demo_batch.customers if c.id == STORY_REPEAT_FAILURE_CUSTOMER_ID)


@pytest.fixture
def card_store(store: Store, demo_batch) -> Store:
    """A store holding the demo batch, every card in it queued for printing."""
    records = [(Collection.CUSTOMERS, c) for c in demo_batch.customers]
    records += [(Collection.PRODUCTS, p) for p in demo_batch.products]
    records += [(Collection.CASES, c) for c in demo_batch.cases]
    # The last card is a colleague's, whoever the demo data gave it to: the queue's Mine and
    # Team need one of each.
    colleague = {demo_batch.cards[-1].id: {"advocate": COLLEAGUE}}
    records += [
        (
            Collection.CARDS,
            card.model_copy(update={"state": CardState.QUEUED, **colleague.get(card.id, {})}),
        )
        for card in demo_batch.cards
    ]
    Replica(store).apply(records)
    return store


@pytest.fixture
def card_queue(card_store) -> CardQueue:
    """The card queue over :func:`card_store`, as the demo advocate (the last card is
    Connor Byrne's, the others hers)."""
    return CardQueue(card_store, advocate=DEMO_DISPLAY_NAME)
