"""The built-in phone's SIP port is free for UDP too, not only TCP: baresip listens on
both, and stops at start ("address in use", exit 98) when another phone on the laptop
holds the UDP one (seen with the demo's simulated phones running beside the tests)."""

from __future__ import annotations

import contextlib
import socket

from advocate_console.telephony.baresip_control import free_port


def test_a_sip_port_is_free_for_udp_and_tcp_while_many_udp_ports_are_taken():
    taken = []
    try:
        for _ in range(2000):  # UDP ports held, as other phones on the machine would
            udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            udp.bind(("127.0.0.1", 0))
            taken.append(udp)
        held = {udp.getsockname()[1] for udp in taken}
        for _ in range(200):
            port = free_port("127.0.0.1", udp_too=True)
            assert port not in held
            with socket.socket() as tcp, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                tcp.bind(("127.0.0.1", port))
                udp.bind(("127.0.0.1", port))
    finally:
        for udp in taken:
            with contextlib.suppress(OSError):
                udp.close()
