"""A change the server refused is listed with its reason; the advocate can copy it (and
try again, or discard it)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtGui import QGuiApplication

from advocate_console.domain import Collection, Interaction, InteractionKind
from advocate_console.store import LocalChanges, Replica
from advocate_console.sync import pull_changes, push_outbox
from advocate_console.ui.changes_dialog import ChangesDialog
from tests.laptop import CUSTOMER_ID
from tests.ui.test_spanish import speaking_spanish


def test_a_refused_edit_is_listed_with_its_reason_and_can_be_copied(
    qtbot, qapp, client, lead, local, tmp_path
):
    note = Interaction(
        id=uuid.uuid4(),
        customer_id=CUSTOMER_ID,
        kind=InteractionKind.NOTE,
        occurred_at=datetime.now(UTC),
        summary="Lead's note",
    )
    lead.create(
        Collection.INTERACTIONS, note.model_dump(mode="json", exclude={"version"}), "note-1"
    )
    pull_changes(client, Replica(local))
    changes = LocalChanges(local)
    changes.update(Collection.INTERACTIONS, note.id, {"body": "What I heard on the call."})
    assert push_outbox(client, changes).refused == 1

    dialog = ChangesDialog(changes)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    assert dialog.list.item(0).text() == "Timeline entry · refused by the server"
    assert dialog.retry.isVisibleTo(dialog) and dialog.copy.isEnabled()
    dialog.copy.click()
    copied = QGuiApplication.clipboard().text()
    # The console's words for the server's code (its detail is for API users).
    assert "You may change only what you wrote" in copied and "Dennis Whitford" in copied
    assert "Text: What I heard on the call." in copied

    # In Spanish the server's refusal reads in Spanish: the console words its code.
    with speaking_spanish(qapp, tmp_path / "translations"):
        dialog.reload()
        qtbot.waitUntil(lambda: dialog.reason.text().startswith("Solo puede cambiar lo que"))
        assert "Dennis Whitford" in dialog.reason.text()
