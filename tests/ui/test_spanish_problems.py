"""What is wrong, in Spanish: the problems the core finds (a new caller's, a settings
file's, a card message's merge fields, a change the server refused or someone else
changed first) and the suggestion rules' reasons come as codes and values, and the
console says them in the advocate's language."""

from __future__ import annotations

import json

import keyring.backends.fail
import pytest
import requests
from PySide6.QtWidgets import QLabel

from advocate_console.api import BadResponse, CentralClient, Offline
from advocate_console.api.answers import error_for
from advocate_console.auth import TokenVault
from advocate_console.cards import MergeError, check_fields, default_book
from advocate_console.cards.layout import CardLayoutWords
from advocate_console.cards.templates import TemplateError
from advocate_console.domain.reasons import Reason
from advocate_console.domain.suggestion_rules import read_rules
from advocate_console.domain.suggestions import Suggestion
from advocate_console.paths import resource_dir
from advocate_console.settings_layers import load_layers
from advocate_console.store.contacts import ContactBook
from advocate_console.store.database import StoreError, open_store
from advocate_console.sync import SyncState, SyncStatus
from advocate_console.ui.card_writing import CardWriting
from advocate_console.ui.new_contact_dialog import NewContactDialog
from advocate_console.ui.reason_words import error_text, reason_text
from advocate_console.ui.resolution.suggestion_words import SuggestionWords
from advocate_console.ui.settings_notice import SettingsNotice
from advocate_console.ui.sign_in_dialog import SignInDialog
from advocate_console.ui.sync_status import SyncStatusBar
from tests.plumbing import free_port
from tests.ui.test_spanish import spanish  # noqa: F401  (the fixture)
from tests.wrong_servers import wrong_server


def test_a_new_callers_problems_are_said_in_spanish(qtbot, store, spanish):  # noqa: F811
    dialog = NewContactDialog(ContactBook(store))
    qtbot.addWidget(dialog)
    dialog.name.setText("Ana Ruiz")
    dialog.save()  # neither a phone nor an e-mail
    assert dialog.problems["phones"].text() == (
        "Escriba un número de teléfono o un correo electrónico"
    )
    dialog.email.setText("ana-en-casa")
    dialog.save()
    assert dialog.problems["emails"].text() == "Correo: “ana-en-casa” no es un correo electrónico"


def test_a_settings_files_problems_are_said_in_spanish(qtbot, tmp_path, spanish):  # noqa: F811
    user = tmp_path / "settings.toml"
    user.write_text('sip_listen_port = "5060"\ncolour = "teal"\n', encoding="utf-8")
    layers = load_layers(user, tmp_path / "managed.toml")
    notice = SettingsNotice()
    qtbot.addWidget(notice)
    notice.show_problems(layers.problems)
    said = notice.toolTip().splitlines()
    assert said == [
        f"{user}, línea 1: “sip_listen_port” debe ser un número entero, sin comillas; se ignoró",
        f"{user}, línea 2: se ignoró el ajuste desconocido “colour”",
    ]
    broken = tmp_path / "broken.toml"
    broken.write_text("port = \n", encoding="utf-8")
    (problem,) = load_layers(broken, tmp_path / "managed.toml").problems
    notice.show_problems([problem])
    assert "línea 1: no es TOML válido (" in notice.toolTip(), notice.toolTip()
    assert "columna 8); no se usó nada de este archivo" in notice.toolTip(), notice.toolTip()


def test_merge_fields_and_their_mistakes_are_said_in_spanish(qtbot, spanish):  # noqa: F811
    try:
        check_fields("Apreciable {frist_name}:")
    except MergeError as error:
        said = CardLayoutWords().merge_problem(error)
    assert said.startswith("Campo de combinación desconocido: {frist_name}. Campos conocidos:")
    try:
        default_book().card("a5-gilded")  # a card another console wrote, on its template
    except TemplateError as error:
        said = CardLayoutWords().template_problem(error)
    assert said.startswith("Esta tarjeta usa la plantilla “a5-gilded”"), said
    writing = CardWriting(default_book())
    qtbot.addWidget(writing)
    menu = [action.text() for action in writing.fields.menu().actions()]
    assert "{first_name} — El nombre de pila del cliente" in menu


def test_what_became_of_a_change_is_said_in_spanish(spanish):  # noqa: F811
    stored = Reason("Changed by someone else meanwhile: summary", "changed_meanwhile", ("summary",))
    assert (
        reason_text(Reason.read(stored.stored()))
        == "Otra persona lo cambió mientras tanto: resumen"
    )
    first = Reason("Not sent: Dennis resolved this case first; …", "resolved_first", ("Dennis",))
    assert reason_text(Reason.read(first.stored())).startswith("No enviado: Dennis resolvió")
    # A code this console does not know (a newer server's): the server's own detail.
    newer = Reason("Case C-1 is on hold.", "case_on_hold", ("C-1",))
    assert reason_text(Reason.read(newer.stored())) == "Case C-1 is on hold."
    # A reason stored before codes were kept reads as it was written.
    assert reason_text(Reason.read("Cannot reach the server")) == "Cannot reach the server"


def test_the_suggestion_rules_reasons_are_said_in_spanish(spanish):  # noqa: F811
    book = read_rules((resource_dir() / "remedy_rules.toml").read_text(encoding="utf-8"))
    rule = next(rule for rule in book.rules if rule.id == "just-out-of-warranty")
    gold = next(lift for lift in book.raises if lift.min_tier == "gold")
    suggestion = Suggestion(
        f"rule:{rule.id}",
        rule.remedies,
        rule.reason,
        reasons=rule.reasons,
        raised=gold.reason,
        raised_in=gold.reasons,
    )
    said = SuggestionWords().reason(suggestion)
    assert said.startswith("Fuera de garantía por 30 días o menos"), said
    assert "Cliente oro" in said, said


def test_a_server_out_of_reach_is_said_in_spanish(qtbot, spanish):  # noqa: F811
    address = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(Offline) as raised:
        CentralClient(address, retries=0).health()
    status = SyncStatusBar()
    qtbot.addWidget(status)
    with qtbot.waitSignal(status.sig_problem_changed) as shown:
        status.show_status(
            SyncStatus(SyncState.OFFLINE, problem=raised.value.reason(), retrying=True)
        )
    assert shown.args == [
        f"No se puede conectar con el servidor central en {address} (sin conexión)."
        " Trabajando sin conexión. Sus cambios se conservan; la sincronización lo vuelve"
        " a intentar sola."
    ]


def test_a_sign_in_problem_is_said_in_spanish(qtbot, spanish):  # noqa: F811
    dialog = SignInDialog(TokenVault(memory_only=True), "http://advocates.example.com", "demo")
    qtbot.addWidget(dialog)
    dialog.password.setText("secret")
    dialog.submit()  # plain http to another computer: refused before anything is sent
    assert dialog.message.text().startswith("Use una dirección https://")
    # Without a secure keyring the dialog says what that means, in Spanish too.
    insecure = SignInDialog(TokenVault(keyring.backends.fail.Keyring()), "", "demo")
    qtbot.addWidget(insecure)
    texts = [label.text() for label in insecure.findChildren(QLabel)]
    assert any(text.startswith("No hay un llavero seguro") for text in texts), texts


def test_a_web_page_instead_of_the_server_is_said_in_spanish(tmp_path, spanish):  # noqa: F811
    with wrong_server("html", tmp_path) as (address, _log), pytest.raises(BadResponse) as raised:
        CentralClient(address, retries=0).health()
    said = reason_text(raised.value.reason())
    assert said.startswith("El servidor respondió con una página web en lugar de datos"), said


def test_the_servers_other_refusals_are_said_in_spanish(spanish):  # noqa: F811
    decided = Reason("Lee Tester already approved this request.", "already_decided")
    coded = Reason(decided.text, decided.code, ("Lee Tester", "approved"))
    assert reason_text(coded) == "Lee Tester ya aprobó esta solicitud."
    role = Reason("Only a lead or an admin may do this; …", "role_only", ("lead,admin", "advocate"))
    assert reason_text(role) == (
        "Solo un supervisor o un administrador puede hacer esto; usted inició sesión como asesor."
    )
    # A code this console does not know (a newer server's), or values it cannot read.
    assert reason_text(Reason("The bridge is full.", "bridge_full")) == "The bridge is full."
    assert reason_text(Reason("Too weak.", "weak_password", ("too_pretty",))) == "Too weak."


def test_a_request_the_server_found_not_valid_is_said_in_spanish(spanish):  # noqa: F811
    answer = requests.Response()  # the server's 422, as it answers a case with no summary
    answer.status_code = 422
    body = {
        "detail": "The request is not valid: summary: is required (and 1 more).",
        "problems": [
            {
                "field": "summary",
                "message": "is required",
                "code": "missing",
                "values": ["summary"],
            },
            {"field": "colour", "message": "is not a field"},
        ],
    }
    answer._content = json.dumps(body).encode()
    said = reason_text(error_for(answer).reason())
    assert (
        said
        == "El servidor no aceptó esto: Qué salió mal: este dato es obligatorio (y 1 problema más)."
    )
    # A type this console has no words for: the server's detail.
    body["problems"][0] |= {"code": "uuid_parsing"}
    answer._content = json.dumps(body).encode()
    assert reason_text(error_for(answer).reason()).startswith(body["detail"])


def test_the_local_stores_problems_are_said_in_spanish(tmp_path, spanish):  # noqa: F811
    closed = open_store(tmp_path / "local.sqlite")
    closed.close_for_good()
    with pytest.raises(StoreError) as raised, closed.session():
        pass
    assert error_text(raised.value) == "La copia local se cerró para borrarla."
    # A problem the console has no words for keeps its own message.
    assert error_text(StoreError("The disk is full.", "disk_full")) == "The disk is full."
