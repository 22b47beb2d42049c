"""Following a print job through CUPS (Linux), so a card is marked printed only when it is.

Qt hands the job to CUPS and says nothing more. pycups tells us which job is ours (the
new job id on our printer) and what becomes of it: completed, or stuck because the
printer is off, paused or out of paper.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

try:  # pycups is Linux-only; elsewhere a spooled job is taken as printed
    import cups
except ImportError:  # pragma: no cover - not on this platform
    cups = None


class JobState(IntEnum):
    """IPP job states (RFC 8011 §5.3.7)."""

    PENDING = 3
    HELD = 4
    PROCESSING = 5
    STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


PRINTER_STOPPED = 5
# printer-state-reasons that mean the job cannot make progress until someone acts.
BLOCKING_REASONS = {
    "media-empty": QT_TRANSLATE_NOOP("CupsWatch", "out of paper"),
    "media-needed": QT_TRANSLATE_NOOP("CupsWatch", "out of paper"),
    "media-jam": QT_TRANSLATE_NOOP("CupsWatch", "a paper jam"),
    "offline": QT_TRANSLATE_NOOP("CupsWatch", "switched off or offline"),
    "offline-report": QT_TRANSLATE_NOOP("CupsWatch", "switched off or offline"),
    "paused": QT_TRANSLATE_NOOP("CupsWatch", "paused"),
    "door-open": QT_TRANSLATE_NOOP("CupsWatch", "a door open"),
    "cover-open": QT_TRANSLATE_NOOP("CupsWatch", "the cover open"),
    "toner-empty": QT_TRANSLATE_NOOP("CupsWatch", "out of toner"),
    "marker-supply-empty": QT_TRANSLATE_NOOP("CupsWatch", "out of ink"),
}


class PrintServiceDown(RuntimeError):
    """CUPS cannot be reached (cupsd is not running)."""


@dataclass(frozen=True, slots=True)
class JobOutcome:
    """How a job ended: completed, or why not (and whether it could still be retried)."""

    job_id: int | None
    completed: bool
    reason: str = ""
    retry: bool = True  # False when the printer rejected the job outright

    @property
    def state(self) -> str:
        """``completed`` or ``not printed``, for logs."""
        return "completed" if self.completed else "not printed"


class CupsWatch:
    """Asks CUPS about one printer and the jobs sent to it."""

    def __init__(
        self,
        printer: str,
        connect: Callable[[], Any] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.printer = printer
        self._connect = connect or (cups.Connection if cups is not None else None)
        self._sleep = sleep
        self._clock = clock

    @staticmethod
    def available() -> bool:
        """True where jobs can be followed (pycups installed)."""
        return cups is not None

    def _connection(self) -> Any:
        if self._connect is None:
            raise PrintServiceDown(
                QCoreApplication.translate(
                    "CupsWatch", "Printing can only be followed through CUPS on Linux."
                )
            )
        try:
            return self._connect()
        except RuntimeError:  # pycups: "failed to connect to server"
            raise PrintServiceDown(
                QCoreApplication.translate(
                    "CupsWatch", "The print service (CUPS) is not running, so nothing was printed."
                )
            ) from None

    def check_service(self) -> None:
        """Raise :class:`PrintServiceDown` when CUPS cannot be reached."""
        self._connection()

    def printer_problem(self) -> str:
        """Why the printer cannot print now, or an empty string when it can."""
        connection = self._connection()
        try:
            printers = connection.getPrinters()
        except Exception as error:  # cups.IPPError or a dropped connection
            raise PrintServiceDown(
                QCoreApplication.translate("CupsWatch", "The print service (CUPS) failed: %s")
                % error
            ) from None
        attributes = printers.get(self.printer)
        if attributes is None:
            return (
                QCoreApplication.translate(
                    "CupsWatch", "The printer “%s” is not set up on this computer."
                )
                % self.printer
            )
        return _problem(self.printer, attributes)

    def job_ids(self) -> set[int]:
        """Every job CUPS knows of, finished or not (to tell ours apart afterwards)."""
        connection = self._connection()
        try:
            return set(connection.getJobs(which_jobs="all", requested_attributes=["job-id"]))
        except Exception as error:
            raise PrintServiceDown(
                QCoreApplication.translate("CupsWatch", "The print service (CUPS) failed: %s")
                % error
            ) from None

    def find_new_job(self, before: set[int], timeout: float = 10.0) -> int | None:
        """Our job: the newest job on our printer that was not there ``before``."""
        deadline = self._clock() + timeout
        while True:
            connection = self._connection()
            jobs = connection.getJobs(
                which_jobs="all", requested_attributes=["job-id", "job-printer-uri"]
            )
            ours = [
                job_id
                for job_id, attributes in jobs.items()
                if job_id not in before
                and str(attributes.get("job-printer-uri", "")).rsplit("/", 1)[-1] == self.printer
            ]
            if ours:
                return max(ours)
            if self._clock() >= deadline:
                return None
            self._sleep(0.1)

    def follow(
        self,
        job_id: int,
        timeout: float = 600.0,
        stuck_after: float = 20.0,
        poll: float = 0.25,
        on_progress: Callable[[str], None] | None = None,
    ) -> JobOutcome:
        """Wait until job ``job_id`` completes or cannot; cancel it when it cannot.

        A job that waits on a stopped printer (disabled, out of paper, switched off) for
        ``stuck_after`` seconds is cancelled, so it cannot print later by surprise while
        its cards are back in the queue.
        """
        deadline = self._clock() + timeout
        stuck_since: float | None = None
        while True:
            read = self._read(job_id)
            if isinstance(read, JobOutcome):
                return read
            state, job, printer = read
            ended = self._ended(job_id, state, job, printer)
            if ended is not None:
                return ended
            problem = _problem(self.printer, printer) if printer else ""
            if state is JobState.STOPPED and not problem:
                problem = QCoreApplication.translate("CupsWatch", "The print job was stopped.")
            now = self._clock()
            if problem:
                if on_progress is not None:
                    on_progress(problem)
                stuck_since = stuck_since if stuck_since is not None else now
                if now - stuck_since >= stuck_after:
                    return self._give_up(job_id, problem)
            else:
                stuck_since = None
            if now >= deadline:
                return self._give_up(
                    job_id,
                    QCoreApplication.translate(
                        "CupsWatch", "The printer did not finish the job in time. %s"
                    )
                    % problem,
                )
            self._sleep(poll)

    def _read(self, job_id: int) -> tuple[JobState, dict, dict] | JobOutcome:
        # The job's state and attributes and its printer's, or how following it ended.
        try:
            connection = self._connection()
            job = connection.getJobAttributes(job_id)
            state = JobState(int(job.get("job-state", JobState.PENDING)))
            printer = connection.getPrinters().get(self.printer, {})
        except PrintServiceDown:
            return JobOutcome(
                job_id,
                False,
                QCoreApplication.translate(
                    "CupsWatch",
                    "The print service stopped while the cards were printing; check the "
                    "printer before printing them again.",
                ),
            )
        except Exception as error:  # the job vanished (cups.IPPError)
            return JobOutcome(
                job_id,
                False,
                QCoreApplication.translate("CupsWatch", "CUPS lost the print job: %s") % error,
            )
        return state, job, printer

    def _ended(self, job_id: int, state: JobState, job: dict, printer: dict) -> JobOutcome | None:
        # A job in a final state: printed, cancelled, or given up by the printer.
        if state is JobState.COMPLETED:
            return JobOutcome(job_id, True)
        if state is JobState.CANCELED:
            return JobOutcome(
                job_id,
                False,
                QCoreApplication.translate("CupsWatch", "The print job was cancelled."),
            )
        if state is JobState.ABORTED:
            message = job.get("job-printer-state-message") or _problem(self.printer, printer)
            return JobOutcome(
                job_id,
                False,
                QCoreApplication.translate("CupsWatch", "The printer gave up on the job: %s")
                % message,
                False,
            )
        return None

    def _give_up(self, job_id: int, reason: str) -> JobOutcome:
        # Already gone, or CUPS down: then there is nothing more to cancel.
        with contextlib.suppress(Exception):
            self._connection().cancelJob(job_id, purge_job=False)
        return JobOutcome(job_id, False, reason.strip())


def _problem(name: str, attributes: dict[str, Any]) -> str:
    """What keeps the printer from printing, in words, or empty."""
    reasons = [
        str(reason).removesuffix("-error").removesuffix("-warning").removesuffix("-report")
        for reason in attributes.get("printer-state-reasons", [])
    ]
    blocking = [
        QCoreApplication.translate("CupsWatch", BLOCKING_REASONS[r])
        for r in reasons
        if r in BLOCKING_REASONS
    ]
    message = str(attributes.get("printer-state-message", "")).strip()
    if attributes.get("printer-state") == PRINTER_STOPPED:
        why = "; ".join(
            part for part in (", ".join(blocking), message) if part
        ) or QCoreApplication.translate("CupsWatch", "stopped")
        return QCoreApplication.translate("CupsWatch", "The printer “%s” is not printing (%s).") % (
            name,
            why,
        )
    if blocking:
        return QCoreApplication.translate("CupsWatch", "The printer “%s” reports %s.") % (
            name,
            ", ".join(blocking),
        )
    if attributes.get("printer-is-accepting-jobs") is False:
        return (
            QCoreApplication.translate("CupsWatch", "The printer “%s” is not accepting jobs.")
            % name
        )
    return ""
