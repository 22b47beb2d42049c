"""Several API workers and several bridges on one database, and the console driving a
conference through them: its panels, a console that closes and comes back, and a bridge
killed mid-call. Every party is a separate process on loopback (SIP addresses dialled
directly, no registrar: the module with kamailio is test_bridge_audio.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from advocate_console.api import CentralClient
from advocate_console.api.conferences import NewConference, NewLeg
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain import Collection
from advocate_console.domain.conference import BRIDGE_LOST_AFTER_S, LegState
from advocate_console.telephony.bridge_conference import BridgeConference
from advocate_console.telephony.legs import LegRole
from advocate_console.ui.call_panel import CallPanel

from . import bridge_parts as parts
from .peers import PeerProcess

MAYA, CUSTOMER, ANIL = 530, 700, 1170


@dataclass
class Fleet:
    """Two API servers and two bridges on one database, and three phones."""

    servers: list[EmbeddedServer]
    phones: dict[str, PeerProcess]
    anil: object
    bridges: list[parts.BridgeProcess] = field(default_factory=list)

    def keep_two_bridges(self) -> None:
        """Replace any bridge a test killed."""
        for bridge in [b for b in self.bridges if not b.alive]:
            self.bridges.remove(bridge)
        while len(self.bridges) < 2:
            self.bridges.append(parts.BridgeProcess(self.servers[0].database_url))

    def client(self, worker: int = 0) -> CentralClient:
        """The demo advocate, through API worker ``worker``."""
        return parts.signed_in(self.servers[worker].url)

    def bridge_named(self, name: str) -> parts.BridgeProcess:
        """The bridge process the API calls ``name``."""
        names = _bridge_names(self.servers[0].database_url)
        return next(b for b in self.bridges if names[b.id] == name)


def _bridge_names(url: str) -> dict:
    import sqlalchemy as sa

    from advocate_console.central.conferences.models import BridgeRow

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        names = dict(connection.execute(sa.select(BridgeRow.id, BridgeRow.name)).all())
    engine.dispose()
    return names


@pytest.fixture(scope="module")
def fleet(tmp_path_factory) -> Iterator[Fleet]:
    """Two API workers on one seeded database, two bridges, the phones."""
    from advocate_console.telephony import SIP_AVAILABLE
    from tests.plumbing import need_part

    need_part(None if SIP_AVAILABLE else "pjsua2 is not installed (pip install -e .[sip])")
    first = parts.central(tmp_path_factory.mktemp("central"))
    second = EmbeddedServer(first.database_url)
    second.start()
    phones = {
        name: PeerProcess(name, tone)
        for name, tone in (("maya", MAYA), ("margaret", CUSTOMER), ("anil", ANIL))
    }
    lead = parts.signed_in(first.url, lead=True)
    running = Fleet(
        [first, second], phones, parts.add_resource(lead, "Dr. Anil Varghese", phones["anil"].uri)
    )
    lead.close()
    try:
        running.keep_two_bridges()
        yield running
    finally:
        for bridge in running.bridges:
            bridge.stop()
        for phone in phones.values():
            phone.stop()
        second.stop()
        first.stop()


@pytest.fixture
def two_bridges(fleet) -> Iterator[Fleet]:
    """The fleet with both bridges running; whatever a test leaves on (failing half-way)
    is hung up after it, so the shared phones are free."""
    fleet.keep_two_bridges()
    yield fleet
    client = fleet.client()
    for conference in client.my_conferences():
        if conference.bridge == "running":
            parts.hang_up(client, conference.id)
        else:
            client.end_conference(conference.id)
    client.close()


def test_conferences_spread_over_the_bridges_and_any_worker_steers_them(two_bridges):
    fleet = two_bridges
    first, second = fleet.client(0), fleet.client(1)
    maya, margaret = fleet.phones["maya"], fleet.phones["margaret"]
    one = parts.start(first, maya.uri, margaret.uri)
    one = parts.wait_for(first, one.id, lambda c: parts.all_joined(c, 2))
    # The second conference (through the other worker) goes to the less busy bridge. It
    # rings Anil as its advocate and waits for a transfer, so no phone rings twice.
    two = second.start_conference(
        NewConference(advocate_phone=fleet.phones["anil"].uri, customer_joins="transfer")
    )
    assert two.bridge_name != one.bridge_name
    parts.wait_for(second, two.id, lambda c: c.legs[0].joined)
    # A leg added through the other worker reaches the bridge holding the conference.
    parts.hang_up(second, two.id)
    leg = second.add_leg(one.id, NewLeg(target=fleet.phones["anil"].uri, label="Anil"))
    one = parts.wait_for(first, one.id, lambda c: parts.all_joined(c, 3))
    assert parts.leg_of(one, "Anil").id == leg.id
    ended = parts.hang_up(second, one.id)
    assert {leg.state for leg in ended.legs} == {LegState.ENDED}


# -- the console ---------------------------------------------------------------------------


@dataclass
class Desk:
    """The console's conference and call panel, as the main window would hold them."""

    conference: BridgeConference
    panel: CallPanel
    opened: list[str]

    def button(self, name: str, role: LegRole | None = None, label: str = "") -> QPushButton:
        """A button of the panel, or of the row of the leg with ``role`` or ``label``."""
        if role is None and not label:
            return self.panel.findChild(QPushButton, name)
        entry = next(
            e
            for e in self.conference.legs()
            if (role is None or e.leg.role is role) and (not label or e.name == label)
        )
        return self.panel.row(entry.leg_id).findChild(QPushButton, f"{name}-{entry.leg_id}")

    def legs(self) -> dict[str, object]:
        """Each leg by who it is."""
        return {entry.name: entry.leg for entry in self.conference.legs()}


@pytest.fixture
def desk(qtbot, two_bridges) -> Iterator:
    """Build a console desk (more than one when a test closes one)."""
    built: list[Desk] = []

    def build(phone=None) -> Desk:
        server = two_bridges.servers[0]
        signed = parts.signed_in(server.url)
        token = signed.token
        signed.close()
        opened: list[str] = []
        conference = BridgeConference(
            lambda: CentralClient(server.url, token=token, retries=1),
            lambda: phone.address if phone else two_bridges.phones["maya"].uri,
            open_url=lambda uri: opened.append(uri) or True,
            poll_ms=200,
            phone=phone,
        )
        conference.set_customer("Margaret O'Donnell", two_bridges.phones["margaret"].uri)
        panel = CallPanel(conference)
        qtbot.addWidget(panel)
        panel.show()
        built.append(Desk(conference, panel, opened))
        return built[-1]

    yield build
    for each in built:
        each.conference.stop()
        each.conference.wait_for_writes()
    qtbot.waitUntil(lambda: _idle(), timeout=10_000)


def _idle() -> bool:
    from advocate_console.tasks import pending_tasks

    return pending_tasks() == 0


def _left() -> Qt.MouseButton:
    return Qt.MouseButton.LeftButton


def test_the_console_starts_a_conference_and_steers_each_leg(qtbot, desk, two_bridges):
    console = desk()
    conference = console.conference
    conference.dial(two_bridges.anil)  # one click in the dial-out list starts it all
    qtbot.waitUntil(
        lambda: len(console.legs()) == 3 and all(leg.joined for leg in console.legs().values()),
        timeout=20_000,
    )
    legs = console.legs()
    advocate = next(leg for leg in legs.values() if leg.role is LegRole.ADVOCATE)
    customer = legs["Margaret O'Donnell"]
    assert advocate.answered_at < customer.answered_at  # the advocate's phone rang first
    assert "Your phone" in console.panel.row(advocate.leg_id).name.text()

    qtbot.mouseClick(console.button("hold", label="Dr. Anil Varghese"), _left())
    qtbot.waitUntil(lambda: not console.legs()["Dr. Anil Varghese"].joined, timeout=10_000)
    assert console.legs()["Dr. Anil Varghese"].on_hold
    qtbot.mouseClick(console.button("resume", label="Dr. Anil Varghese"), _left())
    qtbot.waitUntil(lambda: console.legs()["Dr. Anil Varghese"].joined, timeout=10_000)

    qtbot.mouseClick(console.button("drop", label="Dr. Anil Varghese"), _left())
    qtbot.waitUntil(
        lambda: console.legs()["Dr. Anil Varghese"].state is LegState.ENDED, timeout=10_000
    )
    assert console.legs()["Margaret O'Donnell"].state is LegState.CONNECTED
    qtbot.waitUntil(lambda: console.button("helped-yes", label="Dr. Anil Varghese") is not None)
    qtbot.mouseClick(console.button("helped-yes", label="Dr. Anil Varghese"), _left())
    qtbot.mouseClick(console.panel.hang_up_all, _left())
    qtbot.waitUntil(lambda: not conference.live, timeout=10_000)
    assert conference.wait_for_writes()
    anil_leg = next(e for e in conference.legs() if e.resource is not None)
    attempt = two_bridges.client().get(Collection.CALL_ATTEMPTS, anil_leg.attempt_id)
    assert attempt.helped is True and attempt.via == "bridge"


def test_a_closed_console_leaves_the_conference_running_and_the_next_picks_it_up(
    qtbot, desk, two_bridges
):
    first = desk()
    qtbot.mouseClick(first.panel.start_conference, _left())
    qtbot.waitUntil(
        lambda: len(first.legs()) == 2 and all(leg.joined for leg in first.legs().values()),
        timeout=20_000,
    )
    conference_id = first.conference.conference.id
    margaret = two_bridges.phones["margaret"]
    margaret.forget()
    # The laptop's lid closes: the console is gone, nobody hangs up.
    first.conference.stop()
    first.panel.close()
    client = two_bridges.client()
    still = parts.wait_for(client, conference_id, lambda c: c.live)
    assert all(leg.state is LegState.CONNECTED for leg in still.legs)
    assert margaret.seen_no("state", state="disconnected")

    again = desk()
    again.conference.resume()
    qtbot.waitUntil(lambda: len(again.legs()) == 2, timeout=10_000)
    assert again.conference.conference.id == conference_id
    assert all(leg.state is LegState.CONNECTED for leg in again.legs().values())
    assert not again.panel.start_conference.isVisible()
    qtbot.mouseClick(again.panel.hang_up_all, _left())
    qtbot.waitUntil(lambda: not again.conference.live, timeout=10_000)


def test_a_killed_bridge_is_reported_and_the_customer_can_be_called_back(qtbot, desk, two_bridges):
    console = desk()
    qtbot.mouseClick(console.panel.start_conference, _left())
    qtbot.waitUntil(
        lambda: len(console.legs()) == 2 and all(leg.joined for leg in console.legs().values()),
        timeout=20_000,
    )
    holding = two_bridges.bridge_named(console.conference.conference.bridge_name)
    holding.kill()
    # Noticed within seconds: the bridge's heartbeat stops, and the console polls.
    qtbot.waitUntil(
        lambda: console.panel.call_back.isVisible(), timeout=(BRIDGE_LOST_AFTER_S + 4) * 1000
    )
    assert "bridge stopped" in console.panel.message.text()
    assert "Margaret O'Donnell" in console.panel.message.text()
    assert {leg.state for leg in console.legs().values()} == {LegState.LOST}
    qtbot.mouseClick(console.panel.call_back, _left())
    assert console.opened == [two_bridges.phones["margaret"].uri]


def test_the_bridge_rings_the_baresip_phone_which_hears_the_customer(
    qtbot, desk, two_bridges, tmp_path
):
    from advocate_console.telephony import Softphone
    from advocate_console.telephony.baresip_control import baresip_available
    from tests.plumbing import need_part

    from .conftest import console_config
    from .test_baresip_phone import ADVOCATE, heard_by_the_advocate

    need_part(
        None if baresip_available() else "baresip is not installed (apt-get install baresip-core)"
    )
    phone = Softphone(
        console_config(
            engine="baresip",
            null_audio=False,
            audio_capture=f"ausine,{ADVOCATE}",
            audio_playback="alsa,null",
            record_folder=str(tmp_path),
        )
    )
    with qtbot.waitSignal(phone.sig_ready, timeout=20_000):
        phone.start()
    try:
        console = desk(phone)  # this computer's phone is the advocate's leg
        conference = console.conference
        qtbot.mouseClick(console.panel.start_conference, _left())
        # The bridge rings this computer's phone, the console picks it up, then the
        # customer is called back.
        qtbot.waitUntil(
            lambda: len(console.legs()) == 2 and all(leg.joined for leg in console.legs().values()),
            timeout=20_000,
        )
        qtbot.wait(1500)  # audio time for the measurement, not a wait for an event
        qtbot.mouseClick(console.panel.hang_up_all, _left())
        qtbot.waitUntil(lambda: not conference.live, timeout=10_000)
    finally:
        phone.stop()
    assert heard_by_the_advocate(tmp_path) == {ADVOCATE: False, CUSTOMER: True}
