"""The bridge's PJSIP endpoint: the null sound device (what the PyPI wheel has, and all a
server needs), its SIP transport and accounts, and a :class:`Room` per conference.

Runs on one thread, the bridge's PJSIP thread: PJSIP has no threads of its own for SIP
(``threadCnt = 0``), so callbacks fire only inside :meth:`Mixer.pump`. Audio is mixed by
PJSIP's conference bridge on its media clock, whatever this thread is doing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from traceback import format_exc
from typing import Any
from uuid import UUID

import pjsua2 as pj

from advocate_console.central.conferences.reports import ConferenceWork, LegReport
from advocate_console.domain.conference import dial_address

from .room import Room

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BridgeSettings:
    """How a bridge process runs (``advocate-central bridge`` options)."""

    bind_address: str = "127.0.0.1"
    port: int = 5080  # 0: any free port
    registrar: str = ""  # "sip:pbx.example.com": conference addresses are registered there
    sip_domain: str = ""  # numbers are dialled through it; default: the registrar's host
    ring_timeout_s: float = 30.0
    codecs: tuple[str, ...] = ()
    dial_plan: Mapping[str, str] = field(default_factory=dict)  # address -> where it is
    region: str = "US"  # how numbers without a country code are read
    # Calls at once, over all its conferences. PyPI's pjsua2-python is built with
    # PJSUA_MAX_CALLS 4 and PJSUA quietly keeps to it whatever is asked: a fifth call
    # fails (PJ_ETOOMANY). A PJSIP built with a larger limit can be given more.
    max_calls: int = 4
    log_level: int = 0


class RoomAccount(pj.Account):
    """A SIP account: the bridge's own, or a conference's address for transfers."""

    def __init__(self, mixer: Mixer, room_id: UUID | None = None) -> None:
        super().__init__()
        self.mixer = mixer
        self.room_id = room_id

    def onIncomingCall(self, prm: Any) -> None:
        self.mixer.guarded(self.mixer.on_incoming, self, prm.callId)


class Mixer:
    """The PJSIP endpoint and every conference (room) this bridge holds."""

    def __init__(
        self,
        settings: BridgeSettings,
        report: Callable[[LegReport], None],
        conference_ended: Callable[[UUID], None],
    ) -> None:
        self.settings = settings
        self.report = report
        self.conference_ended = conference_ended
        self.endpoint: pj.Endpoint | None = None
        self.account: RoomAccount | None = None
        self.domain = ""
        self.rooms: dict[UUID, Room] = {}
        self._room_accounts: dict[UUID, RoomAccount] = {}
        self._finished: list[Any] = []  # pjsua2 objects to delete outside callbacks

    def open(self) -> str:
        """Start PJSIP; returns the SIP domain conference addresses live in."""
        settings = self.settings
        endpoint = pj.Endpoint()
        endpoint.libCreate()
        self.endpoint = endpoint
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = False
        config.uaConfig.maxCalls = settings.max_calls
        config.uaConfig.userAgent = "Advocate Console bridge"
        config.logConfig.level = config.logConfig.consoleLevel = settings.log_level
        config.medConfig.sndAutoCloseTime = -1  # the null device would stop the mixing
        config.medConfig.noVad = True
        endpoint.libInit(config)
        transport = pj.TransportConfig()
        transport.port = settings.port
        transport.boundAddress = "" if settings.bind_address == "0.0.0.0" else settings.bind_address
        transport_id = endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        local = endpoint.transportGetInfo(transport_id).localName
        endpoint.libStart()
        endpoint.audDevManager().setNullDev()
        for codec in endpoint.codecEnum2():
            wanted = settings.codecs
            rank = wanted.index(codec.codecId) if codec.codecId in wanted else None
            if wanted:
                endpoint.codecSetPriority(codec.codecId, 0 if rank is None else 254 - rank)
        registrar_host = settings.registrar.split(":", 1)[-1] if settings.registrar else ""
        self.domain = settings.sip_domain or registrar_host or local
        self.account = RoomAccount(self)
        self.account.create(self._account_config(f"sip:bridge@{self.domain}", register=False))
        return self.domain

    def close(self) -> None:
        """Hang up every conference and destroy PJSIP (every pjsua2 object first)."""
        if self.endpoint is None:
            return
        for room in self.rooms.values():
            room.end()
        deadline = time.monotonic() + 1.0
        while any(room.calls for room in self.rooms.values()) and time.monotonic() < deadline:
            self.endpoint.libHandleEvents(20)
        self._retire(list(self.rooms))
        self._finished.clear()
        for account in [self.account, *self._room_accounts.values()]:
            if account is not None:
                account.shutdown()
        self._room_accounts.clear()
        self.account = None
        self.endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self.endpoint = None

    def pump(self, wait_ms: int) -> None:
        """Let PJSIP handle its events; then retire what finished."""
        assert self.endpoint is not None
        self.endpoint.libHandleEvents(wait_ms)
        self._finished.clear()
        now = time.monotonic()
        for room in self.rooms.values():
            room.tick(now)
        self._retire([room.id for room in self.rooms.values() if room.over])

    def apply(self, works: list[ConferenceWork]) -> None:
        """The API's latest wishes for every live conference of this bridge."""
        for work in works:
            room = self.rooms.get(work.id)
            if room is None:
                room = self.rooms[work.id] = self._room(work)
            room.update(work)
        live = {work.id for work in works}
        for room in self.rooms.values():
            if room.id not in live and not room.ending:
                room.end()  # ended elsewhere (the API saw the bridge as lost)

    def guarded(self, handler: Callable[..., None], *args: Any) -> None:
        """Run a callback's handler; an exception must never travel back into PJSIP."""
        try:
            handler(*args)
        except Exception:
            log.error("Bridge callback %s failed:\n%s", handler.__name__, format_exc())

    def on_incoming(self, account: RoomAccount, call_id: int) -> None:
        """A call to a conference's address goes to its room; any other is refused."""
        room = self.rooms.get(account.room_id) if account.room_id else None
        if room is not None:
            room.on_incoming(call_id)
            return
        call = pj.Call(account, call_id)
        param = pj.CallOpParam()
        param.statusCode = 404
        call.answer(param)
        self._finished.append(call)

    def address_of(self, target: str) -> str:
        """Where a leg's target is dialled: the dial plan first (its ``"*"`` takes every
        phone number it does not name), then the SIP domain."""
        plan = self.settings.dial_plan
        planned = plan.get(target)
        if planned:
            return planned
        address = dial_address(target, self.domain, self.settings.region)
        if address in plan:
            return plan[address]
        is_number = not target.strip().lower().startswith(("sip:", "sips:"))
        return plan.get("*", address) if is_number else address

    # -- inside ---------------------------------------------------------------------------

    def _room(self, work: ConferenceWork) -> Room:
        account = self.account
        if work.customer_joins == "transfer":  # the conference needs an address of its own
            account = RoomAccount(self, work.id)
            account.create(self._account_config(work.address, register=True))
            self._room_accounts[work.id] = account
        assert account is not None
        return Room(
            work,
            account,
            address_of=self.address_of,
            report=self.report,
            guard=self.guarded,
            finished=self._finished,
            ring_timeout_s=self.settings.ring_timeout_s,
            line_free=self._line_free,
        )

    def _line_free(self) -> bool:
        return sum(len(room.calls) for room in self.rooms.values()) < self.settings.max_calls

    def _retire(self, room_ids: list[UUID]) -> None:
        for room_id in room_ids:
            room = self.rooms.pop(room_id)
            room.media.clear()
            room.calls.clear()
            account = self._room_accounts.pop(room_id, None)
            if account is not None:
                account.shutdown()
            self.conference_ended(room_id)

    def _account_config(self, address: str, *, register: bool) -> pj.AccountConfig:
        settings = self.settings
        config = pj.AccountConfig()
        config.idUri = f'"Conference" <{address}>'
        if settings.bind_address != "0.0.0.0":
            config.mediaConfig.transportConfig.boundAddress = settings.bind_address
        if settings.registrar:
            config.sipConfig.proxies.append(settings.registrar + ";lr")
            if register:
                config.regConfig.registrarUri = settings.registrar
                config.regConfig.timeoutSec = 300
        return config
