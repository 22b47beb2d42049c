"""The update notice against the real server on loopback: quiet unless there is news."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from advocate_console.api import CentralClient
from advocate_console.auth import TokenVault
from advocate_console.central.core.database import Database
from advocate_console.central.releases.schemas import PublishRelease
from advocate_console.central.releases.service import publish_release
from advocate_console.console import Console
from advocate_console.installation import apt_source
from advocate_console.settings import Settings, SettingsLayers
from advocate_console.tasks import pending_tasks
from advocate_console.ui.update_notice import UpdateNotice
from tests.laptop import signed_in

NOTES = "https://advocates.example.com/releases/{}"


def publish(server, channel: str, version: str, notes: str = NOTES) -> None:
    # model_construct: a notes address this server version would refuse, as an earlier
    # version (or a tampered database) may hold.
    db = Database(server.database_url)
    release = PublishRelease.model_construct(
        channel=channel, version=version, notes_url=notes.format(version)
    )
    publish_release(db, release)
    db.dispose()


class Browser(QObject):
    """Qt's own URL-handler hook, standing in for the desktop's browser: what it opened."""

    SCHEMES = ("https", "http", "file", "javascript", "ftp")

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        """Note ``url`` as opened."""
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    handler = Browser()
    for scheme in Browser.SCHEMES:
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in Browser.SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def notice(qtbot):
    widget = UpdateNotice(current_version="0.1.0")
    qtbot.addWidget(widget)
    yield widget
    widget.stop()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def check(qtbot, notice: UpdateNotice, start=None):
    with qtbot.waitSignal(notice.sig_checked, timeout=10_000) as checked:
        (start or notice.check_now)()
    return checked.args[0]


def test_a_newer_release_shows_a_link_to_its_notes(qtbot, notice, server, browser):
    publish(server, "stable-a", "0.2.0")
    release = check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-a"))
    assert release.version == "0.2.0"
    assert not notice.isHidden()
    assert notice.text() == (
        'Update available: 0.2.0 — <a href="https://advocates.example.com/releases/0.2.0">'
        "release notes</a>"
    )
    notice.linkActivated.emit("https://advocates.example.com/releases/0.2.0")
    assert browser.opened == ["https://advocates.example.com/releases/0.2.0"]  # nothing installed
    assert "you have 0.1.0" in notice.toolTip()


@pytest.mark.parametrize(
    "notes_url",
    [
        "http://advocates.example.com/releases/0.2.0",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://advocates.example.com/notes",
        "https:///no-host",
        "https://advocates.example.com/a b",
    ],
)
def test_release_notes_anywhere_but_an_https_address_are_neither_linked_nor_opened(
    qtbot, notice, server, browser, notes_url
):
    publish(server, "stable-g", "0.2.0", notes_url)
    release = check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-g"))
    assert release.notes_url == notes_url  # the server of an earlier version sent it
    assert notice.text() == "Update available: 0.2.0"  # the news, without the link
    assert not notice.isHidden()
    notice.linkActivated.emit(notes_url)  # were a link to it ever shown
    assert not notice.open_notes(notes_url)
    assert browser.opened == []


def test_the_same_or_an_older_release_says_nothing(qtbot, notice, server):
    publish(server, "stable-b", "0.1.0")
    check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-b"))
    assert notice.isHidden()
    publish(server, "stable-b", "0.0.9")
    check(qtbot, notice)
    assert notice.isHidden()


def test_a_channel_with_nothing_published_says_nothing(qtbot, notice, server):
    assert check(qtbot, notice, lambda: notice.start(signed_in(server.url), "empty")) is None
    assert notice.isHidden()


def test_changing_the_channel_checks_it_at_once(qtbot, notice, server):
    publish(server, "beta-c", "0.3.0rc1")
    check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-c"))
    assert notice.isHidden()
    release = check(qtbot, notice, lambda: notice.set_channel("beta-c"))
    assert release.version == "0.3.0rc1" and not notice.isHidden()


def test_an_unreachable_server_is_quiet(qtbot, notice, server):
    publish(server, "stable-d", "0.2.0")
    check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-d"))
    assert not notice.isHidden()
    gone = CentralClient("http://127.0.0.1:9", token="x", retries=0, timeout=(0.5, 0.5))
    assert check(qtbot, notice, lambda: notice.start(gone, "stable-d")) is None
    assert not notice.isHidden()  # what was found before stays: the release is still out


def test_release_notes_not_on_https_are_not_linked(qtbot, notice, server):
    publish(server, "stable-e", "0.2.0", "http://advocates.example.com/releases/{}")
    check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-e"))
    assert notice.text() == "Update available: 0.2.0"
    assert "<a" not in notice.text() and "http:" not in notice.text()


def test_where_apt_updates_it_the_notice_says_the_system_brings_it(qtbot, server):
    # apt-cache itself answers only for the installed package (the Debian test checks
    # that through the self-test); here the notice is told what it would have said.
    notice = UpdateNotice(current_version="0.1.0", updates_from=lambda: "https://apt.example.com")
    qtbot.addWidget(notice)
    publish(server, "stable-f", "0.2.0")
    check(qtbot, notice, lambda: notice.start(signed_in(server.url), "stable-f"))
    assert notice.text() == (
        "Update available: 0.2.0 — it comes with your system updates "
        '(<a href="https://advocates.example.com/releases/0.2.0">release notes</a>)'
    )
    assert "software updates install it, from https://apt.example.com" in notice.toolTip()
    notice.stop()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def test_outside_the_debian_package_updates_come_by_hand():
    assert apt_source() is None  # this test runs from a checkout, not /opt/advocate-console


def test_the_console_checks_its_channel_after_sign_in(qtbot, tmp_path, server):
    publish(server, "pilot", "9.0")
    settings = Settings(api_url=server.url, data_dir=tmp_path, update_channel="pilot")
    console = Console(
        settings,
        tmp_path,
        TokenVault(memory_only=True),
        QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat),
        layers=SettingsLayers.of(settings, tmp_path / "settings.toml"),
    )
    qtbot.addWidget(console.window)
    with qtbot.waitSignal(console.update_notice.sig_checked, timeout=20_000) as checked:
        console.sign_in_as(server.url, "demo", "demo")
    assert checked.args[0].version == "9.0"
    assert console.update_notice.isVisible() is console.window.isVisible()
    assert not console.update_notice.isHidden()
    console.window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def test_an_answer_after_the_window_closed_is_dropped(qtbot, server, proxy):
    publish(server, "stable-e", "0.2.0")
    client = signed_in(proxy.url, timeout=(2.0, 1.0))
    proxy.set("stall")  # the check hangs until its read time-out
    widget = UpdateNotice(current_version="0.1.0")
    widget.start(client, "stable-e")
    assert pending_tasks() == 1
    widget.deleteLater()  # the window closed mid-check
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)  # and nothing raised
