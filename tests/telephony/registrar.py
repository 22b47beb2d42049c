"""Debian's kamailio as the company's SIP registrar, on a free loopback port, for one test."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.plumbing import free_port, need_part

KAMAILIO = shutil.which("kamailio") or "/usr/sbin/kamailio"
MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules/"

CONFIG = """#!KAMAILIO
debug=1
log_stderror=yes
children=1
tcp_children=1
listen=udp:127.0.0.1:{port}
listen=tcp:127.0.0.1:{port}
mpath="{modules}"
loadmodule "sl.so"
loadmodule "tm.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "rr.so"
modparam("registrar", "min_expires", 1)
modparam("registrar", "default_expires", 30)

request_route {{
    if (!mf_process_maxfwd_header("10")) {{ sl_send_reply("483", "Too Many Hops"); exit; }}
    if (loose_route()) {{ t_relay(); exit; }}
    if (method == "REGISTER") {{ save("location"); exit; }}
    record_route();
    if (!lookup("location")) {{ sl_send_reply("404", "Not Found"); exit; }}
    t_relay();
}}
"""


def require_kamailio() -> None:
    """Skip where kamailio is missing, unless CI is set: there it must run."""
    if not Path(KAMAILIO).exists():
        need_part("kamailio is not installed (apt-get install kamailio)")


class Registrar:
    """A kamailio process that registers and routes; stop() is the network going away."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="kamailio-"))
        config = self.folder / "kamailio.cfg"
        config.write_text(CONFIG.format(port=self.port, modules=MODULES))
        self.process = subprocess.Popen(
            [
                KAMAILIO,
                "-f",
                str(config),
                "-DD",
                "-E",
                "-P",
                str(self.folder / "pid"),
                "-Y",
                str(self.folder),
                "-m",
                "16",
                "-M",
                "4",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its children go with it on stop()
        )
        self._wait_listening()

    @property
    def uri(self) -> str:
        """The registrar's SIP address."""
        return f"sip:127.0.0.1:{self.port}"

    def _wait_listening(self, timeout_s: float = 20.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"kamailio exited: {self.process.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("kamailio did not start listening")

    def stop(self) -> None:
        """Stop kamailio and its children at once."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)
