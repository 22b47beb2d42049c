"""The server side of a conference, each part a real process or server on loopback: the
central API (seeded), bridge processes (``advocate-central bridge``), and helpers to
start conferences through the API as the console does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from advocate_console.api import CentralClient
from advocate_console.api.conferences import ConferenceOut, LegChange, LegOut, NewConference
from advocate_console.central.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.central.server import EmbeddedServer
from advocate_console.domain import Collection, Resource
from tests.laptop import seeded_central
from tests.plumbing import wait_until

from .peers import CODEC

ROOT = Path(__file__).resolve().parents[2]
RING_TIMEOUT_S = 4.0


class BridgeProcess:
    """``advocate-central bridge`` in its own process, on a free port."""

    def __init__(
        self, database_url: str, *, registrar: str = "", name: str = "", dial_plan: str = ""
    ) -> None:
        command = [
            sys.executable,
            "-m",
            "advocate_console.central.cli",
            "bridge",
            "--database",
            database_url,
            "--listen",
            "127.0.0.1:0",
            "--codec",
            CODEC,
            "--ring-timeout",
            str(RING_TIMEOUT_S),
        ]
        for option, value in (("--registrar", registrar), ("--name", name)):
            if value:
                command += [option, value]
        if dial_plan:
            command += ["--dial-plan", dial_plan]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.ready: dict = {}
        reader = threading.Thread(target=self._read_ready, daemon=True)
        reader.start()
        reader.join(timeout=30)
        if not self.ready:
            self.kill()
            raise RuntimeError("the bridge did not start")
        self.id = uuid.UUID(self.ready["bridge"])
        self.domain = self.ready["domain"]

    def _read_ready(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith('{"event": "ready"'):
                self.ready = json.loads(line)
                return

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.poll() is None

    def kill(self) -> None:
        """The bridge dies at once (kill -9): no goodbye to anyone."""
        if self.alive:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """A clean stop (SIGTERM): everyone is hung up, the bridge says it stopped."""
        if self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process.stdout is not None:
            self.process.stdout.close()


def central(folder: Path) -> EmbeddedServer:
    """The central API on a small seeded SQLite database (the demo's logins)."""
    server = EmbeddedServer(seeded_central(folder))
    server.start()
    return server


def signed_in(url: str, lead: bool = False) -> CentralClient:
    """The demo advocate's (or lead's) client of ``url``."""
    client = CentralClient(url, retries=1, backoff=0.05)
    if lead:
        client.sign_in(LEAD_USERNAME, LEAD_PASSWORD)
    else:
        client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    return client


def add_resource(lead: CentralClient, name: str, sip_uri: str) -> Resource:
    """A resource of the directory reachable at ``sip_uri`` (leads write resources)."""
    body = {
        "id": str(uuid.uuid4()),
        "name": name,
        "department": "Product engineering",
        "role": "Engineer",
        "sip_uri": sip_uri,
    }
    resource = lead.create(Collection.RESOURCES, body, str(uuid.uuid4()))
    assert isinstance(resource, Resource)
    return resource


def start(client: CentralClient, advocate_phone: str, customer: str, **fields) -> ConferenceOut:
    """A conference calling the customer back once the advocate answers."""
    body = NewConference(advocate_phone=advocate_phone, customer=customer, **fields)
    return client.start_conference(body)


def leg_of(conference: ConferenceOut, label: str) -> LegOut:
    """The leg called ``label``."""
    return next(leg for leg in conference.legs if leg.label == label)


def wait_for(client: CentralClient, conference_id, check, timeout: float = 20.0) -> ConferenceOut:
    """Poll the API (as the console does) until ``check(conference)``; a time-out says
    where each leg was last seen."""
    seen: list[ConferenceOut] = []

    def checked() -> ConferenceOut | None:
        seen[:] = [client.conference(conference_id)]
        return seen[0] if check(seen[0]) else None

    try:
        what = f"conference {conference_id}"
        return wait_until(checked, timeout=timeout, interval=0.05, what=what)
    except AssertionError as error:
        legs = "; ".join(
            f"{leg.label}: {leg.state}{', joined' if leg.joined else ''}"
            + (
                f" ({leg.sip_code} {leg.reason}, {leg.outcome})"
                if leg.sip_code or leg.reason
                else ""
            )
            for leg in seen[0].legs
        )
        raise AssertionError(f"{error}; its legs were {legs}") from None


def all_joined(conference: ConferenceOut, count: int) -> bool:
    """``count`` legs, every one in the mix."""
    return len(conference.legs) == count and all(leg.joined for leg in conference.legs)


def hang_up(client: CentralClient, conference_id) -> ConferenceOut:
    """End the conference and wait until every leg is over (the phones are free again)."""
    client.end_conference(conference_id)
    return wait_for(
        client,
        conference_id,
        lambda c: not c.live and not any(leg.state.is_live for leg in c.legs),
    )


def change(client: CentralClient, conference_id, leg: LegOut, **fields) -> LegOut:
    """Change one leg as the console's buttons do."""
    return client.change_leg(conference_id, leg.id, LegChange(**fields))
