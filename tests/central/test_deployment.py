"""The deployment in packaging/server, run here: Caddy terminating TLS with a self-signed
certificate, two workers, a throwaway PostgreSQL; a console syncs through it over https
with its CA bundle setting, and its event stream works through the proxy."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import requests

from advocate_console.api import CentralClient, Offline
from advocate_console.api.events import CallEvent
from advocate_console.auth import TokenVault, sign_in
from advocate_console.central.core.database import Database
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.central.demo.stories.repeat_failure import REPEAT_FAILURE_PHONE
from advocate_console.central.integrations.service import create_integration
from advocate_console.central.seed import seed_database
from advocate_console.domain import Collection
from advocate_console.store import CallerDirectory, LocalChanges, Replica, open_store
from advocate_console.sync import pull_changes, push_outbox
from advocate_console.sync.events import CallState, EventListener
from tests.laptop import open_case_offline
from tests.plumbing import free_port, need_part, wait_until

from .conftest import postgres_database
from .workers import ServedWorkers

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
PACKAGING = Path(__file__).resolve().parents[2] / "packaging" / "server"


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate it signed for 127.0.0.1: (CA bundle, cert, key)."""
    ca_key, ca, key, request, cert = (
        folder / name for name in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem")
    )
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        ca_key,
        "-out",
        ca,
        "-days",
        "2",
        "-subj",
        "/CN=Advocate test CA",
    )
    _openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        request,
        "-subj",
        "/CN=127.0.0.1",
    )
    extensions = folder / "san.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    _openssl(
        "x509",
        "-req",
        "-in",
        request,
        "-CA",
        ca,
        "-CAkey",
        ca_key,
        "-CAcreateserial",
        "-out",
        cert,
        "-days",
        "2",
        "-extfile",
        extensions,
    )
    return ca, cert, key


def _caddy(folder: Path, port: int, upstream: int, cert: Path, key: Path) -> subprocess.Popen:
    """Caddy with the shipped Caddyfile, its name, certificate and upstream put in."""
    shipped = (PACKAGING / "Caddyfile").read_text()
    config = (
        "{\n\tadmin off\n\tauto_https off\n\tgrace_period 1s\n\tstorage file_system "
        + str(folder / "data")
        + "\n}\n"
        + shipped.replace("advocates.example.com", f"https://127.0.0.1:{port}")
        .replace("/etc/advocate-central/tls/server.pem", str(cert))
        .replace("/etc/advocate-central/tls/server.key", str(key))
        .replace("127.0.0.1:8765", f"127.0.0.1:{upstream}")
    )
    caddyfile = folder / "Caddyfile"
    caddyfile.write_text(config)
    environment = {
        **os.environ,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    log = (folder / "caddy.log").open("wb")
    return subprocess.Popen(
        ["caddy", "run", "--config", caddyfile, "--adapter", "caddyfile"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=environment,
    )


def test_a_console_syncs_through_the_tls_proxy_and_two_workers(postgres_server, tmp_path):
    if shutil.which("caddy") is None or shutil.which("openssl") is None:
        need_part("caddy and openssl are not installed (scripts/bootstrap test installs them)")
    ca, cert, key = _certificates(tmp_path)
    with postgres_database(postgres_server) as url:
        seed_database(url, customers=12, seed=3, demo_users=True)
        db = Database(url)
        integration_key = create_integration(db, f"pbx-{uuid.uuid4().hex[:6]}")[1]
        db.dispose()
        workers = ServedWorkers(url, 2, tmp_path / "serve.log")
        port = free_port()
        proxy = _caddy(tmp_path, port, workers.port, cert, key)
        base = f"https://127.0.0.1:{port}"
        store = open_store(tmp_path / "laptop.sqlite")
        listener = None
        try:
            wait_until(lambda: _answers(base, ca), timeout=30, what="Caddy to answer over TLS")
            # Without the CA bundle the console refuses the server, as it must.
            with pytest.raises(Exception, match="certificate"):
                sign_in(base, DEMO_USERNAME, DEMO_PASSWORD, TokenVault(memory_only=True))
            signed = sign_in(
                base, DEMO_USERNAME, DEMO_PASSWORD, TokenVault(memory_only=True), ca_bundle=str(ca)
            )
            pulled = pull_changes(signed.client, Replica(store))
            assert pulled.changes > 0
            assert CallerDirectory(store).count() == 12
            case = open_case_offline(store, "Synced through the proxy")
            pushed = push_outbox(signed.client, LocalChanges(store))
            assert pushed.stopped_by is None
            on_server = signed.client.get(Collection.CASES, case.id)
            assert on_server.summary == "Synced through the proxy"
            # The event stream passes the proxy unbuffered: a posted call reaches the console.
            listener = EventListener(
                CentralClient(base, token=signed.client.token, ca_bundle=str(ca), retries=0)
            )
            listener.start()
            wait_until(lambda: listener.last_event_id, timeout=15, what="the stream to open")
            answer = requests.post(
                f"{base}/api/v1/telephony/events",
                verify=str(ca),
                timeout=10,
                headers={"Authorization": f"Bearer {integration_key}"},
                json={
                    "event": CallEvent.NEW_CALL,
                    "call_id": "d-1",
                    "from": REPEAT_FAILURE_PHONE,
                    "user": DEMO_USERNAME,
                },
            )
            assert answer.status_code == 200, answer.text
            wait_until(
                lambda: listener.calls.get("d-1") == CallState.OFFERED,
                timeout=10,
                what="the pop through the proxy",
            )
            assert requests.get(f"{base}/metrics", verify=str(ca), timeout=5).status_code == 404
        except Offline as error:
            log = (tmp_path / "caddy.log").read_text()[-2000:]
            raise AssertionError(f"{error}\n{log}") from None
        finally:
            if listener is not None:
                listener.stop()
            store.close()
            proxy.terminate()
            try:
                proxy.wait(10)
            except subprocess.TimeoutExpired:
                proxy.kill()
                proxy.wait()
            workers.stop()


def _answers(base: str, ca: Path) -> bool:
    try:
        return requests.get(f"{base}/api/v1/ready", verify=str(ca), timeout=2).ok
    except requests.RequestException:
        return False
