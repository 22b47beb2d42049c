"""The console shows who really wrote a timeline entry, a resolution or a card (as the
server stamped it, whatever name the writing console sent), and "edited by … at …" where
someone else changed it last."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from advocate_console.central.demo.accounts import DEMO_DISPLAY_NAME, LEAD_DISPLAY_NAME
from advocate_console.domain import (
    Collection,
    Delight,
    Interaction,
    InteractionKind,
    NoteCard,
    Resolution,
)
from advocate_console.store import CallerDirectory, Replica
from advocate_console.sync import pull_changes
from advocate_console.ui.formatting import moment
from advocate_console.ui.history_panel import HistoryPanel
from tests.laptop import CUSTOMER_ID, new_case


def _written(client, collection, record):
    body = record.model_dump(mode="json", exclude={"version"})
    return client.create(collection, body, str(uuid.uuid4()))


def test_the_timeline_and_cards_show_the_stamped_author_and_who_edited(
    qtbot, server, client, lead, local
):
    now = datetime.now(UTC)
    note = _written(
        client,
        Collection.INTERACTIONS,
        Interaction(
            id=uuid.uuid4(),
            customer_id=CUSTOMER_ID,
            kind=InteractionKind.NOTE,
            occurred_at=now,
            summary="Promised a call back about the ice maker",
            advocate="The CEO",  # what a console claims; the server knows better
        ),
    )
    edited = lead.patch(
        Collection.INTERACTIONS,
        note.id,
        {"body": "Lead added: parts ordered."},
        note.version,
        str(uuid.uuid4()),
    )
    card = _written(
        client,
        Collection.CARDS,
        NoteCard(
            id=uuid.uuid4(),
            customer_id=CUSTOMER_ID,
            message="Thank you for bearing with us.",
            created_at=now,
            advocate="The CEO",
        ),
    )
    pull_changes(client, Replica(local))

    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show_history(CallerDirectory(local).history(CUSTOMER_ID))
    timeline = panel.timeline.model
    row = next(r for r in range(timeline.rowCount()) if timeline.record(r).id == note.id)
    panel.timeline.view.setCurrentIndex(timeline.index(row, 0))
    details = panel.details.toPlainText()
    assert "The CEO" not in details
    assert (
        f"{DEMO_DISPLAY_NAME} · edited by {LEAD_DISPLAY_NAME} at {moment(edited.updated_at)}"
        in details
    )
    cards = panel.cards
    shown = {cards.record(r).id: cards.data(cards.index(r, 3)) for r in range(cards.rowCount())}
    assert shown[card.id] == DEMO_DISPLAY_NAME


def test_a_resolution_shows_its_author_not_the_name_its_console_sent(qtbot, client, local):
    now = datetime.now(UTC)
    case = _written(client, Collection.CASES, new_case("Dryer drum squeaks"))
    resolution = _written(
        client,
        Collection.RESOLUTIONS,
        Resolution(
            id=uuid.uuid4(),
            case_id=case.id,
            delight=Delight.SATISFIED,
            resolved_at=now,
            advocate="The CEO",
        ),
    )
    pull_changes(client, Replica(local))
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show_history(CallerDirectory(local).history(CUSTOMER_ID))
    row = next(r for r in range(panel.cases.rowCount()) if panel.cases.record(r).id == case.id)
    panel.cases_view.setCurrentIndex(panel.cases.index(row, 0))
    details = panel.details.toPlainText()
    assert f"{moment(resolution.resolved_at)} · {DEMO_DISPLAY_NAME}" in details
    assert "The CEO" not in details


def test_a_reopened_case_shows_who_reopened_it_why_and_what_it_replaced(qtbot, client, lead, local):
    case = _written(client, Collection.CASES, new_case("Fridge light flickers"))
    resolution = _written(
        client,
        Collection.RESOLUTIONS,
        Resolution(
            id=uuid.uuid4(), case_id=case.id, delight=Delight.NEUTRAL, resolved_at=datetime.now(UTC)
        ),
    )
    reopened = lead.reopen_case(case.id, "The customer called again.", str(uuid.uuid4()))
    pull_changes(client, Replica(local))
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.show_history(CallerDirectory(local).history(CUSTOMER_ID))
    row = next(r for r in range(panel.cases.rowCount()) if panel.cases.record(r).id == case.id)
    panel.cases_view.setCurrentIndex(panel.cases.index(row, 0))
    details = panel.details.toPlainText()
    when = moment(reopened.reopened_at)
    assert f"Reopened\n{when} · {LEAD_DISPLAY_NAME}: The customer called again." in details
    assert f"Replaced\n{when} · {LEAD_DISPLAY_NAME}" in details
    assert f"{moment(resolution.resolved_at)} · {DEMO_DISPLAY_NAME}" in details
