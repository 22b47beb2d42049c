"""``--demo --as lead``: the lead's console joins the demo server a running demo console
serves (its own local store, the lead signed in, the Approvals dock shown), and the
advocate's demo console shows no such dock."""

from __future__ import annotations

import json

from advocate_console.app import parse_args, start_demo
from advocate_console.demo import SERVER_FILE
from advocate_console.settings import Settings


def test_the_command_line_says_who_the_demo_signs_in_as():
    assert parse_args(["--demo", "--as", "lead"]).demo_as == "lead"
    assert parse_args(["--demo"]).demo_as == "advocate"


def test_a_leads_demo_console_joins_the_running_demo(qtbot, tmp_path):
    folder = tmp_path / "demo"
    advocate = start_demo(Settings(data_dir=tmp_path), folder, customers=40)
    qtbot.addWidget(advocate.window)
    with qtbot.waitSignal(advocate.sig_signed_in, timeout=90_000):
        pass
    url = json.loads((folder / SERVER_FILE).read_text())["url"]
    assert advocate.signed_in.client.base_url == url

    lead = start_demo(Settings(data_dir=tmp_path), folder, customers=40, as_lead=True)
    qtbot.addWidget(lead.window)
    try:
        with qtbot.waitSignal(lead.sig_signed_in, timeout=30_000) as signed:
            pass
        session = signed.args[0].session
        assert session.advocate.role == "lead"
        assert signed.args[0].client.base_url == url  # the same demo server, not a second
        qtbot.waitUntil(lambda: lead.approvals.panel is not None, timeout=20_000)
        assert lead.approvals.panel.dock.isVisibleTo(lead.window)
        assert (folder / "lead.sqlite").exists()  # a local store of its own
        assert advocate.approvals.panel is None  # advocates have no Approvals dock
    finally:
        lead.window.close()
        advocate.window.close()
    assert not (folder / SERVER_FILE).exists()  # the demo that started the server stopped it
