"""The demo's phone system: a conference bridge and a few simulated phones, each a process
of its own on loopback, so a newcomer can start a conference and hear it work without
any phone system.

The advocate's "desk phone", the customer and three resources answer with a short spoken
greeting (espeak-ng, made once into WAVs; without espeak-ng they answer with a soft tone
and the demo says why); every other resource is a busy line, to show that a failed
dial-out never drops the customer. A dial plan sends the demo resources' addresses and
numbers to those phones, and any other number (the customer's) to the customer.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
import subprocess
import sys
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from advocate_console.central.core.database import Database
from advocate_console.central.records.models import ResourceRow
from advocate_console.domain import Resource

log = logging.getLogger(__name__)

PAUSE_S = 2.0  # between two greetings, as the WAV loops


@dataclass(frozen=True)
class DemoPhone:
    """One simulated phone: who answers, and what they say."""

    name: str
    label: str
    greeting: str
    resource: str = ""  # the demo resource it stands for
    tone: int = 440


PHONES = (
    DemoPhone(
        "desk", "Your desk phone", "This is your desk phone. You are in the conference.", tone=523
    ),
    DemoPhone("customer", "Customer", "Hello? Yes, thank you for calling me back.", tone=587),
    DemoPhone(
        "anil",
        "Dr. Anil Varghese",
        "Hi, Anil Varghese, product engineering. How can I help?",
        "Dr. Anil Varghese",
        659,
    ),
    DemoPhone("dana", "Dana Whitlock", "Dana Whitlock, warranty desk.", "Dana Whitlock", 698),
    DemoPhone("warranty", "Warranty Desk", "Warranty desk, Rafael speaking.", "Warranty Desk", 784),
)


def make_greeting(espeak: str | None, text: str, path: Path) -> bool:
    """``text`` spoken into ``path`` (then a pause); False when espeak-ng cannot."""
    if not espeak:
        return False
    try:
        subprocess.run(
            [espeak, "-v", "en-us", "-s", "160", "-w", str(path), text],
            check=True,
            capture_output=True,
            timeout=30,
        )
        with wave.open(str(path), "rb") as spoken:
            params, frames = spoken.getparams(), spoken.readframes(spoken.getnframes())
        silence = b"\0" * int(PAUSE_S * params.framerate) * params.sampwidth * params.nchannels
        with wave.open(str(path), "wb") as looped:
            looped.setparams(params)
            looped.writeframes(frames + silence)
    except (OSError, subprocess.SubprocessError, wave.Error) as error:
        log.warning("espeak-ng could not make a greeting: %s", error)
        return False
    return True


class DemoSwitchboard:
    """Starts and stops the demo's bridge and phones; never raises, says what is missing."""

    def __init__(
        self, folder: Path, database_url: str, espeak: str | None = shutil.which("espeak-ng")
    ) -> None:
        self.folder = folder
        self.database_url = database_url
        self.espeak = espeak
        self.problems: list[str] = []
        self.desk_phone = ""  # the advocate's (simulated) phone: rung first
        self.uris: dict[str, str] = {}
        self._processes: list[subprocess.Popen] = []

    def start(self) -> bool:
        """Greetings, phones, dial plan, bridge; False (with ``problems``) when it cannot."""
        if getattr(sys, "frozen", False) or importlib.util.find_spec("pjsua2") is None:
            self.problems.append("no_sip")
            return False
        if not self.espeak:
            self.problems.append("no_espeak")
        try:
            greetings = self.folder / "greetings"
            greetings.mkdir(parents=True, exist_ok=True)
            for phone in PHONES:
                wav = greetings / f"{phone.name}.wav"
                spoken = wav.exists() or make_greeting(self.espeak, phone.greeting, wav)
                self.uris[phone.name] = self._phone(phone, wav if spoken else None)
            self.uris["busy"] = self._run(
                [*_module("demo_phone"), "--name", "busy", "--label", "Busy line", "--busy"]
            )
            plan = self.folder / "dial-plan.json"
            plan.write_text(json.dumps(self._dial_plan(), indent=1), encoding="utf-8")
            listen = ["--listen", "127.0.0.1:0", "--name", "demo bridge"]
            command = [*_module("cli", bridge=False), "bridge", "--database", self.database_url]
            self._run([*command, *listen, "--dial-plan", str(plan)], event_key="domain")
        except (OSError, RuntimeError) as error:
            log.error("The demo's phone system did not start: %s", error)
            self.problems.append("failed")
            self.stop()
            return False
        self.desk_phone = self.uris["desk"]
        return True

    def stop(self) -> None:
        """Stop every process: the phones when their input closes, the bridge on SIGTERM
        (it hangs up cleanly); whatever lingers is killed."""
        for process in self._processes:
            if process.stdin is not None:
                process.stdin.close()
            if process.args[2].endswith(".cli") and process.poll() is None:
                process.terminate()
        for process in self._processes:
            for ask in (None, process.terminate, process.kill):
                if ask is not None and process.poll() is None:
                    ask()
                try:
                    process.wait(timeout=3)
                    break
                except subprocess.TimeoutExpired:
                    continue
            if process.stdout is not None:
                process.stdout.close()
        self._processes.clear()

    def _phone(self, phone: DemoPhone, greeting: Path | None) -> str:
        command = [*_module("demo_phone"), "--name", phone.name, "--label", phone.label]
        if greeting is not None:
            command += ["--greeting", str(greeting)]
        else:
            command += ["--tone", str(phone.tone)]
        return self._run(command)

    def _run(self, command: list[str], event_key: str = "uri") -> str:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self._processes.append(process)
        found: dict = {}

        def read_ready() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith('{"event": "ready"'):
                    found.update(json.loads(line))
                    return

        reader = threading.Thread(target=read_ready, daemon=True)
        reader.start()
        reader.join(timeout=30)
        if not found:
            raise RuntimeError(f"{command[2]} did not start")
        return str(found[event_key])

    def _dial_plan(self) -> dict[str, str]:
        db = Database(self.database_url)
        try:
            with db.read() as session:
                rows = session.scalars(select(ResourceRow.data)).all()
        finally:
            db.dispose()
        by_resource = {phone.resource: self.uris[phone.name] for phone in PHONES if phone.resource}
        plan: dict[str, str] = {"*": self.uris["customer"]}
        for data in rows:
            resource = Resource.model_validate_json(data)
            where = by_resource.get(resource.name, self.uris["busy"])
            for target in (resource.sip_uri, str(resource.phone) if resource.phone else None):
                if target:
                    plan[target] = where
        return plan


def _module(name: str, bridge: bool = True) -> list[str]:
    package = "advocate_console.central.bridge" if bridge else "advocate_console.central"
    return [sys.executable, "-m", f"{package}.{name}"]
