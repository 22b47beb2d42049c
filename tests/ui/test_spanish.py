"""The console in Spanish: the demo's main window opened with the Spanish translation
speaks Spanish everywhere a person looks, and the core's codes read as Spanish words."""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTableView

from advocate_console.cards import default_book
from advocate_console.central.demo.stories.repeat_failure import REPEAT_FAILURE_PHONE
from advocate_console.domain import CaseStatus, RemedyKind
from advocate_console.ui import labels as labels_module
from advocate_console.ui.i18n import install_translations, source_file
from advocate_console.ui.labels import label
from tests.ui.test_demo_mode import _start


def english_only() -> set[str]:
    """Every English message whose Spanish differs: none may be left on screen."""
    found = set()
    for message in ET.parse(source_file("es")).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [form.text for form in translation.findall("numerusform")] or [translation.text]
        if source not in forms and "%" not in source and len(source) > 2:
            found.add(source)
    return found


@contextlib.contextmanager
def speaking_spanish(qapp, cache: Path) -> Iterator[None]:
    """The application speaking Spanish inside the block (English again after it)."""
    labels_module._labels = None  # the words for codes are read once, in the language then
    assert install_translations(qapp, "es", cache_dir=cache) == "es"
    try:
        yield
    finally:
        install_translations(qapp, "en", cache_dir=cache)
        labels_module._labels = None


@pytest.fixture
def spanish(qapp, tmp_path_factory):
    """The application speaking Spanish for one test (English again after it)."""
    with speaking_spanish(qapp, tmp_path_factory.mktemp("translations")):
        yield


@pytest.fixture
def spanish_demo(qtbot, tmp_path, spanish):
    """The demo's console, made after Spanish was installed, synced, the story caller on."""
    console = _start(qtbot, tmp_path)
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        pass
    window = console.window
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.caller_bar.field.setText(REPEAT_FAILURE_PHONE)
    qtbot.waitUntil(lambda: window.form is not None and window.form.case is not None)
    yield console
    window.close()


def visible_texts(window) -> list[str]:
    """What a person reads on the window: labels, buttons, group titles, column headers."""
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window) and widget.text():
            texts.append(widget.text())
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisibleTo(window)]
    for view in window.findChildren(QTableView):
        if view.isVisibleTo(window) and view.model() is not None:
            model = view.model()
            texts += [str(model.headerData(c, 1) or "") for c in range(model.columnCount())]
    return texts


def test_the_main_window_speaks_spanish(spanish_demo):
    window = spanish_demo.window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Consola", "&Ver", "A&yuda"]
    console_menu = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Buscar cliente" in console_menu and "Con&figuración…" in console_menu
    texts = visible_texts(window)
    # The resolution form's sections and fields, the status bar.
    for spanish_text in ("Cate&goría", "&Qué salió mal", "Solu&ciones", "Los c&inco pasos"):
        assert spanish_text in texts, f"{spanish_text!r} not on the form: {texts}"
    assert spanish_demo.status_bar.sync.state.text() == "● En línea"
    assert "Sincronizar ahora" in texts
    # No English left: nothing on screen is an English message that has a Spanish one.
    left = sorted({text for text in texts if text in english_only()})
    assert left == [], f"English left on the Spanish window: {left}"


def test_codes_read_as_spanish_words(spanish_demo):
    window = spanish_demo.window
    assert label(CaseStatus.RESOLVED) == "Resuelto"
    assert label(RemedyKind.WARRANTY_EXTENDED) == "Garantía extendida"
    assert label("product failure") == "Falla del producto"
    products = window.history.products
    badges = [products.data(products.index(row, 4)) for row in range(products.rowCount())]
    assert any(badge.startswith("venció hace") for badge in badges), badges
    cases = window.history.cases_view.model()
    statuses = {cases.data(cases.index(row, 2)) for row in range(cases.rowCount())}
    assert statuses & {"Abierto", "Resuelto", "Cerrado", "Pendiente"}, statuses


def test_a_problem_on_the_form_is_said_in_spanish(qtbot, spanish_demo):
    form = spanish_demo.window.form
    form.save()  # nothing ticked: the form says what is missing, in Spanish
    texts = visible_texts(form)
    assert "Elija cómo se sintió el cliente al final" in texts, texts
    assert any(text.startswith("Marque al menos una solución") for text in texts), texts


def test_cards_and_dates_follow_the_language(spanish):
    template = default_book().card("a6-flat")
    assert QLocale().name() == "es_US"
    assert template.cover_in("es") == "Gracias"
    assert template.message_in("es").startswith("Apreciable {first_name}:")
    assert template.message_in("fr") == template.default_message  # none: the template's own
