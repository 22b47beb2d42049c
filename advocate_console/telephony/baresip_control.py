"""A ``baresip`` process and its ``ctrl_tcp`` connection: netstring-framed JSON commands in,
responses and events out (``{"event": true, "type": "CALL_INCOMING", …}``).

The process gets a configuration folder of its own (modules, where it listens, which
sound devices); the SIP account, with its password, is created over the control
connection (``uanew``), so no secret is ever written to a file or a command line.
"""

from __future__ import annotations

import contextlib
import errno
import json
import select
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BARESIP = shutil.which("baresip") or "/usr/bin/baresip"
MODULE_FOLDERS = ("/usr/lib/baresip/modules", "/usr/local/lib/baresip/modules")
# Drivers a sound device name may start with ("alsa,default", "ausine,440", …).
SOUND_MODULES = ("alsa", "portaudio", "jack", "oss", "sndio", "ausine", "aufile", "aubridge")


def baresip_available() -> bool:
    """True where the baresip program and its modules are installed (Debian: baresip-core)."""
    return Path(BARESIP).exists() and module_folder() is not None


def module_folder() -> Path | None:
    """Where baresip's modules are."""
    return next((Path(p) for p in MODULE_FOLDERS if Path(p, "ctrl_tcp.so").exists()), None)


def baresip_ports(host: str, sip_port: int = 0) -> tuple[int, int]:
    """A SIP port (``sip_port`` if set) and a control port for one baresip, free now and
    different: baresip listens for SIP on UDP and TCP at the port and for SIP over TLS at
    the next one, and stops at start ("address in use", exit 98) if any of them is taken.
    Every port stays held until all are picked, so the control port is never the TLS one."""
    with contextlib.ExitStack() as held:
        if not sip_port:
            sip_port = _hold_sip_port(host, held)
        control = _hold(held, socket.SOCK_STREAM, "127.0.0.1", 0)
        return sip_port, control


def _hold_sip_port(host: str, held: contextlib.ExitStack) -> int:
    for _ in range(100):
        with contextlib.ExitStack() as attempt:
            port = _hold(attempt, socket.SOCK_STREAM, host, 0)
            try:
                _hold(attempt, socket.SOCK_DGRAM, host, port)
                _hold(attempt, socket.SOCK_STREAM, host, port + 1)  # SIP over TLS
            except OSError:
                continue
            held.enter_context(attempt.pop_all())
            return port
    raise OSError(f"No port free for SIP (UDP, TCP and TLS) on {host}")


def _hold(held: contextlib.ExitStack, kind: int, host: str, port: int) -> int:
    sock = held.enter_context(socket.socket(_family(host), kind))
    sock.bind((host, port))
    return sock.getsockname()[1]


def _family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


class PortTaken(OSError):
    """baresip stopped at start because a port it was told to listen on is in use."""


class Netstrings:
    """Reads ``12:{"a": true},`` frames out of a byte stream."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> Iterator[dict[str, Any]]:
        """Every complete message in what has arrived so far."""
        self._buffer += data
        while True:
            length, colon, rest = self._buffer.partition(b":")
            if not colon or not length.isdigit():
                return
            size = int(length)
            if len(rest) < size + 1:
                return
            body, self._buffer = rest[:size], rest[size + 1 :]
            yield json.loads(body)

    @staticmethod
    def frame(message: dict[str, Any]) -> bytes:
        """One message as a netstring."""
        body = json.dumps(message).encode()
        return str(len(body)).encode() + b":" + body + b","


@dataclass(frozen=True)
class BaresipAudio:
    """Where baresip takes the advocate's voice from and plays the far end to."""

    source: str  # "driver,device": "alsa,default", "ausine,530" (a test tone)
    player: str
    record_folder: str = ""  # with sndfile: every call's audio both ways, as WAVs


class BaresipProcess:
    """One baresip, listening for SIP at ``address``:``port``, controlled over TCP."""

    def __init__(self, address: str, port: int, audio: BaresipAudio, user_agent: str) -> None:
        self.address = address
        self.folder = Path(tempfile.mkdtemp(prefix="advocate-baresip-"))
        for attempt in range(1, 4):
            self.port, self.control_port = baresip_ports(address, port)
            self._write_config(audio, user_agent)
            self.process = subprocess.Popen(
                [BARESIP, "-f", str(self.folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                self._socket = self._connect()
                break
            except PortTaken:
                # Another program took a port between its pick and baresip's start: pick
                # again, unless the port is the configured one (that is the user's to fix).
                if port or attempt == 3:
                    shutil.rmtree(self.folder, ignore_errors=True)
                    raise
            except OSError:
                if self.alive:  # never opened its control port
                    self.process.kill()
                    self.process.wait(timeout=5)
                shutil.rmtree(self.folder, ignore_errors=True)
                raise
        self._reader = Netstrings()
        self._tokens = 0

    def _write_config(self, audio: BaresipAudio, user_agent: str) -> None:
        modules = module_folder()
        lines = [
            f"sip_listen {self.address}:{self.port}",
            f"ctrl_tcp_listen 127.0.0.1:{self.control_port}",
            f"module_path {modules}",
            "call_max_calls 4",
            f"audio_source {audio.source}",
            f"audio_player {audio.player}",
            f"audio_alert {audio.player}",
            f"user_agent {user_agent}",
        ]
        if self.address not in ("0.0.0.0", "::"):
            lines.append(f"net_interface {self.address}")
        if audio.source.startswith("ausine"):  # its only format: 48 kHz stereo
            lines += ["ausrc_srate 48000", "ausrc_channels 2"]
        drivers = {device.split(",", 1)[0] for device in (audio.source, audio.player)}
        wanted = ["g711", "g722", *sorted(d for d in drivers if d in SOUND_MODULES)]
        if audio.record_folder:
            wanted.append("sndfile")
            lines.append(f"snd_path {audio.record_folder}")
        lines += [f"module {name}.so" for name in wanted if Path(modules, f"{name}.so").exists()]
        lines += ["module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so"]
        (self.folder / "config").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (self.folder / "accounts").write_text("", encoding="utf-8")  # made over TCP

    def _connect(self, timeout_s: float = 10.0) -> socket.socket:
        deadline = time.monotonic() + timeout_s
        while True:
            if self.process.poll() is not None:
                status = self.process.returncode
                if status == errno.EADDRINUSE:
                    raise PortTaken(
                        f"baresip stopped at start: port {self.port} (SIP), {self.port + 1}"
                        f" (SIP over TLS) or {self.control_port} is in use"
                    )
                raise OSError(f"baresip stopped at start (exit status {status})")
            try:
                sock = socket.create_connection(("127.0.0.1", self.control_port), timeout=1.0)
            except OSError:
                if time.monotonic() > deadline:
                    raise OSError("baresip did not open its control port") from None
                time.sleep(0.02)
                continue
            sock.setblocking(False)
            return sock

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.poll() is None

    def send(self, command: str, params: str = "") -> str:
        """Send one command; returns its token (the response carries it)."""
        self._tokens += 1
        token = f"t{self._tokens}"
        frame = Netstrings.frame({"command": command, "params": params, "token": token})
        self._socket.setblocking(True)
        try:
            self._socket.sendall(frame)
        finally:
            self._socket.setblocking(False)
        return token

    def read(self, wait_ms: int) -> list[dict[str, Any]]:
        """Whatever baresip said within ``wait_ms`` (events and responses)."""
        ready, _, _ = select.select([self._socket], [], [], wait_ms / 1000)
        if not ready:
            return []
        try:
            data = self._socket.recv(65536)
        except BlockingIOError:
            return []
        if not data:
            return []
        return list(self._reader.feed(data))

    def close(self) -> None:
        """Quit baresip (it hangs up), killing it if it lingers; remove its folder."""
        try:
            if self.alive:
                self.send("quit")
                self.process.wait(timeout=3)
        except (OSError, subprocess.TimeoutExpired):
            if self.alive:
                self.process.kill()
                self.process.wait(timeout=5)
        finally:
            self._socket.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def alsa_cards(path: str = "/proc/asound/cards") -> list[tuple[str, str]]:
    """The sound cards ALSA has: (id, name) pairs, e.g. ("PCH", "HDA Intel PCH")."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    cards = []
    for line in text.splitlines():
        head, _, name = line.partition(" - ")
        parts = head.split()
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].startswith("["):
            cards.append((parts[1].strip("[]").strip(), name.strip()))
    return cards
