"""A quiet "Update available: 1.4 — release notes" in the status bar. Never installs anything.

The central server says which release is current on each channel; the console asks after
sign-in and then once a day, off the UI thread. Where the Debian package was installed
from IT's apt repository, the notice says the update comes with the system's updates.
Only an ``https:`` link is shown and opened: an answer naming any other address (a server
of an earlier version, or one tampered with) shows the notice without a link.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

from advocate_console import __version__
from advocate_console.api import ApiError, CentralClient
from advocate_console.api.schemas import Release
from advocate_console.domain.releases import is_newer, is_notes_url
from advocate_console.installation import apt_source
from advocate_console.tasks import run_task

log = logging.getLogger(__name__)

DAY_MS = 24 * 60 * 60 * 1000


class UpdateNotice(QLabel):
    """Shows a link to the release notes when the channel has a newer release."""

    sig_checked = Signal(object)
    """A check finished: the channel's current :class:`Release`, or None (none, or failed)."""

    def __init__(
        self,
        current_version: str = __version__,
        interval_ms: int = DAY_MS,
        parent: QWidget | None = None,
        updates_from: Callable[[], str | None] = apt_source,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("updateNotice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self.open_notes)  # the browser; nothing is installed
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setAccessibleName(self.tr("Update notice"))
        self.current_version = current_version
        self.channel = "stable"
        self.release: Release | None = None  # the newer release shown, if any
        self.updates_from = updates_from  # on a worker: the apt repository, or None
        self.system_source: str | None = None  # where system updates bring it from
        self._client: CentralClient | None = None
        self._checking = False
        self._round = 0  # bumped by stop(): answers to checks from before are dropped
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)
        self.hide()

    def start(self, client: CentralClient, channel: str) -> None:
        """Check now with ``client`` (a client of its own: it is used on worker threads),
        and again every day."""
        self.stop()
        self._client, self.channel = client, channel
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        """No more checks (signed out, or closing)."""
        self._timer.stop()
        self._round += 1
        self._checking = False
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def set_channel(self, channel: str) -> None:
        """Follow another channel (the settings changed); checks at once."""
        if channel != self.channel:
            self.channel = channel
            self.check_now()

    def check_now(self) -> None:
        """Ask the server for the channel's current release, off the UI thread."""
        client, channel = self._client, self.channel
        if client is None or self._checking:
            return
        self._checking = True
        round_, updates_from = self._round, self.updates_from
        run_task(
            lambda: (client.current_release(channel), updates_from()),
            lambda found: self._found(round_, channel, *found),
            lambda error: self._failed(round_, error),
            owner=self,
        )

    def _stale(self, round_: int) -> bool:
        # A check made before the channel changed (or the notice stopped) is not news.
        return round_ != self._round

    def _found(
        self, round_: int, asked: str, release: Release | None, source: str | None = None
    ) -> None:
        if self._stale(round_):
            return
        self._checking = False
        if asked != self.channel:  # the channel changed meanwhile: ask about the new one
            self.check_now()
            return
        newer = release is not None and is_newer(release.version, self.current_version)
        self.release = release if newer else None
        self.system_source = source
        if self.release is not None:
            self._show(self.release, source)
        self.setVisible(self.release is not None)
        self.sig_checked.emit(release)

    def _show(self, release: Release, source: str | None) -> None:
        version = html.escape(release.version)
        secure = is_notes_url(release.notes_url)  # nothing else is linked nor opened
        if source and secure:
            text = self.tr(
                'Update available: %1 — it comes with your system updates (<a href="%2">'
                "release notes</a>)"
            )
        elif source:
            text = self.tr("Update available: %1 — it comes with your system updates")
        elif secure:
            text = self.tr('Update available: %1 — <a href="%2">release notes</a>')
        else:
            text = self.tr("Update available: %1")
        link = html.escape(release.notes_url, quote=True)
        self.setText(text.replace("%1", version).replace("%2", link))
        tip = (
            self.tr("Version %1 is out on the %2 channel; you have %3.")
            .replace("%1", release.version)
            .replace("%2", release.channel)
            .replace("%3", self.current_version)
        )
        if source:
            tip += " " + self.tr("Your computer's software updates install it, from %1.").replace(
                "%1", source
            )
        if not secure:
            log.warning("Release notes not on https: not linked (%s)", release.notes_url)
        self.setToolTip(tip)

    def open_notes(self, url: str) -> bool:
        """Open ``url`` in the browser if it is an https address; True if it was opened."""
        if not is_notes_url(url):
            log.warning("Refused to open release notes that are not at an https address")
            return False
        return QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))

    def _failed(self, round_: int, error: Exception) -> None:
        # Quiet by design: an update check never interrupts; the next one may work.
        if self._stale(round_):
            return
        self._checking = False
        level = logging.INFO if isinstance(error, ApiError) else logging.WARNING
        log.log(level, "Update check failed: %s", error)
        self.sig_checked.emit(None)
