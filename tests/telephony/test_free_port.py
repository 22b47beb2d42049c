"""The built-in phone's ports are free for everything baresip listens on: SIP on UDP and
TCP at its port and SIP over TLS at the next one, plus its control port. baresip stops at
start ("address in use", exit 98) when any is taken: seen in CI once with another phone
holding the UDP port, and once when the control port picked was the TLS one."""

from __future__ import annotations

import contextlib
import socket

import pytest

from advocate_console.telephony import baresip_control
from advocate_console.telephony.baresip_control import (
    BaresipAudio,
    BaresipProcess,
    PortTaken,
    baresip_available,
    baresip_ports,
)
from tests.plumbing import need_part

SILENT = BaresipAudio(source="ausine,440", player="alsa,null")


def test_sip_ports_are_free_for_udp_tcp_and_tls_while_many_ports_are_taken():
    taken = []
    try:
        for _ in range(1000):  # ports held, as other phones on the machine would
            for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                sock = socket.socket(socket.AF_INET, kind)
                sock.bind(("127.0.0.1", 0))
                taken.append(sock)
        for _ in range(200):
            sip, control = baresip_ports("127.0.0.1")
            assert control not in (sip, sip + 1)
            with contextlib.ExitStack() as held:
                for kind, port in [
                    (socket.SOCK_STREAM, sip),
                    (socket.SOCK_DGRAM, sip),
                    (socket.SOCK_STREAM, sip + 1),
                    (socket.SOCK_STREAM, control),
                ]:
                    held.enter_context(socket.socket(socket.AF_INET, kind)).bind(
                        ("127.0.0.1", port)
                    )
    finally:
        for sock in taken:
            with contextlib.suppress(OSError):
                sock.close()


def test_a_configured_sip_port_is_kept():
    assert baresip_ports("127.0.0.1", 5070)[0] == 5070


@pytest.fixture
def baresip():
    need_part(None if baresip_available() else "baresip is not installed")


def taken_tls_port():
    """A listening socket on the TLS port of a SIP port that is free itself."""
    for _ in range(100):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            sip = probe.getsockname()[1]
        tls = socket.socket()
        try:
            tls.bind(("127.0.0.1", sip + 1))
        except OSError:
            tls.close()
            continue
        tls.listen()
        return sip, tls
    raise OSError("no port pair free")


def test_a_configured_port_in_use_says_which_ports(baresip):
    sip, tls = taken_tls_port()
    with tls, pytest.raises(PortTaken, match=f"port {sip} \\(SIP\\), {sip + 1}"):
        BaresipProcess("127.0.0.1", sip, SILENT, "test")


def test_a_picked_port_taken_before_baresip_starts_is_picked_again(baresip, monkeypatch):
    sip, tls = taken_tls_port()
    picks = []

    def pick(host, sip_port=0):
        # The first pick is a port another program takes before baresip binds it.
        pair = baresip_ports(host, sip if not picks else sip_port)
        picks.append(pair)
        return pair

    monkeypatch.setattr(baresip_control, "baresip_ports", pick)
    with tls:
        phone = BaresipProcess("127.0.0.1", 0, SILENT, "test")
    try:
        assert len(picks) == 2 and phone.port != sip and phone.alive
    finally:
        phone.close()
    assert not phone.folder.exists()
