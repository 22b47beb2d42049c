"""The words people see for the core's enum values: the ONE place for enum labels.

The core speaks in codes (``CardState.FAILED``, ``"left_message"``); every widget that
shows one asks here, so a value is never shown raw and is worded (and translated) once.
Add a function per enum, in the "Labels" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advocate_console.domain import CardState, FollowUpKind
from advocate_console.domain.follow_up_calls import CallResult


def card_state_label(state: CardState) -> str:
    """Where a thank-you card is on its way: "Queued", "Failed", …"""
    return {
        CardState.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        CardState.QUEUED: QCoreApplication.translate("Labels", "Queued"),
        CardState.PRINTING: QCoreApplication.translate("Labels", "Printing"),
        CardState.PRINTED: QCoreApplication.translate("Labels", "Printed"),
        CardState.MAILED: QCoreApplication.translate("Labels", "Mailed"),
        CardState.FAILED: QCoreApplication.translate("Labels", "Failed"),
        CardState.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[state]


def follow_up_kind_label(kind: FollowUpKind) -> str:
    """Why a follow-up exists: "Callback" or "Proactive"."""
    return {
        FollowUpKind.CALLBACK: QCoreApplication.translate("Labels", "Callback"),
        FollowUpKind.PROACTIVE: QCoreApplication.translate("Labels", "Proactive"),
    }[kind]


def call_result_label(result: CallResult) -> str:
    """How a follow-up call went: "Reached", "Left a message", "No answer"."""
    return {
        CallResult.REACHED: QCoreApplication.translate("Labels", "Reached"),
        CallResult.LEFT_MESSAGE: QCoreApplication.translate("Labels", "Left a message"),
        CallResult.NO_ANSWER: QCoreApplication.translate("Labels", "No answer"),
    }[result]


def card_move_problem(current: CardState, wanted: CardState | None, customer: str) -> str:
    """Why a card cannot make a move between states (or be edited, ``wanted`` None)."""
    state = card_state_label(current).lower()
    if wanted is None:
        text = QCoreApplication.translate(
            "Labels", "A card that is %1 cannot be edited: reprint it to change it."
        )
    else:
        text = QCoreApplication.translate(
            "Labels", "The card for %2 is %1, so it cannot be marked %3."
        )
        text = text.replace("%3", card_state_label(wanted).lower())
    return text.replace("%1", state).replace("%2", customer)
