"""The phone-assessment request, typed on the on-screen keyboard and saved to the SQLite store."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.config import Config, DataSettings
from kiosk.core.requests import NOTE_MAX, FieldError
from tests.helpers import find_button, go_to_form, tap, tap_field, tap_text, type_on_screen

NAME = "Zoë Quinn-Ávila"
PHONE_TYPED = "2015550123"
PHONE_E164 = "+12015550123"


@pytest.fixture
def fast_config(fast_config: Config) -> Config:
    """These tests type whole names tap by tap; none is about the idle question, which a slow moment of a loaded
    machine could otherwise bring up mid-word after conftest's 0.3 s."""
    return replace(fast_config, idle=replace(fast_config.idle, timeout_seconds=600))


def _rows(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM requests")]
    finally:
        conn.close()


def _fill(qtbot, kiosk, *, name: str = NAME, phone: str = PHONE_TYPED, time: str = "Afternoon",  # type: ignore[no-untyped-def]
          consent: bool = True) -> None:
    form = kiosk.flow.request_form
    window = kiosk.window
    if name:
        tap_field(qtbot, form.name_edit)
        type_on_screen(qtbot, window, name)
    if phone:
        tap_field(qtbot, form.phone_edit)
        type_on_screen(qtbot, window, phone)
    if time:
        tap_text(qtbot, window, time)
    if consent:
        tap_text(qtbot, window, kiosk.state.content.consent_text)


def test_happy_path_from_the_loop_to_a_row_in_the_database(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk, ("Lower back pain", "Groin pain", "Pelvic pain"))
    form = kiosk.flow.request_form
    assert "Lower back pain" in form.symptoms_line.text()
    _fill(qtbot, kiosk)
    tap_field(qtbot, form.note_edit)
    type_on_screen(qtbot, kiosk.window, "Worse at night.")
    assert form.name_edit.text() == NAME
    tap_text(qtbot, kiosk.window, "Send my request")

    assert kiosk.flow.current == "thanks"
    reference = kiosk.flow.thanks.reference_label.text()
    assert reference.startswith("PS-") and len(reference) == 7
    assert kiosk.flow.thanks.reference_label.isVisible()
    rows = _rows(kiosk.state.config.database_path)
    assert len(rows) == 1
    row = rows[0]
    assert row["reference"] == reference
    assert row["name"] == NAME
    assert row["phone"] == PHONE_E164
    assert row["best_time"] == "afternoon"
    assert json.loads(row["symptoms"]) == ["lower_back_pain", "groin_pain", "pelvic_pain"]
    assert row["note"] == "Worse at night."
    assert row["consent_version"] == kiosk.state.content.consent_version
    assert row["language"] == "en"
    assert row["status"] == "new"
    # The form forgot the patient as soon as the request was safe.
    assert form.name_edit.text() == "" and form.phone_edit.text() == ""
    assert kiosk.state.last_save_failed is False
    # And the thank-you screen goes back to the loop by itself.
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=3000)


def test_phone_is_formatted_when_leaving_the_field(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_field(qtbot, form.phone_edit)
    assert form.keyboard.layout_name() == "phone"
    type_on_screen(qtbot, kiosk.window, PHONE_TYPED)
    assert form.phone_edit.text() == PHONE_TYPED
    tap_field(qtbot, form.name_edit)
    assert form.keyboard.layout_name() == "letters"
    assert form.phone_edit.text() == "(201) 555-0123"


def test_every_validation_message(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_text(qtbot, kiosk.window, "Send my request")
    assert kiosk.flow.current == "request_form"
    shown = {label.text() for label in (form.name_error, form.phone_error, form.time_error, form.consent_error)
             if label.isVisible() and label.text()}
    assert shown == {"Please type your name.", "Please type your phone number.",
                     "Please choose when we should call you.",
                     "Please tick the box above."}
    assert form.name_edit.property("invalid") is True

    # Messages go away as soon as the patient fixes that field.
    tap_text(qtbot, kiosk.window, "Morning")
    assert not form.time_error.isVisible()
    tap_text(qtbot, kiosk.window, kiosk.state.content.consent_text)
    assert not form.consent_error.text()  # (its place stays, empty: nothing moves)

    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, "- .")
    assert not form.name_error.isVisible()
    tap_field(qtbot, form.phone_edit)
    type_on_screen(qtbot, kiosk.window, "123")
    tap_text(qtbot, kiosk.window, "Send my request")
    assert form.name_error.text() == "Please type your name with letters."
    assert form.phone_error.text() == "That phone number has too few or too many digits — please check it."
    assert form.keyboard.target() is form.name_edit  # the first problem has the focus (and the keys)

    tap_field(qtbot, form.phone_edit)
    for _ in range(3):
        tap(qtbot, find_button(kiosk.window, "Delete"))
    type_on_screen(qtbot, kiosk.window, "1112223333")
    tap_text(qtbot, kiosk.window, "Send my request")
    assert form.phone_error.text() == "That phone number doesn't look right — please check it."
    assert _rows(kiosk.state.config.database_path) == [] if kiosk.state.config.database_path.exists() else True

    # Codes the keyboard cannot produce (limits stop typing) still have plain words.
    for field, code, words in (("name", "too_long", "too long"), ("phone", "too_long", "too long"),
                               ("note", "too_long", "too long"), ("symptoms", "unknown_choice", "start over"),
                               ("best_time", "unknown_choice", "when we should call")):
        assert words in form.message_for(FieldError(field, code))


def test_note_is_limited_and_counts_down(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    assert form.note_count.text() == f"{NOTE_MAX} letters left"
    tap_field(qtbot, form.note_edit)
    type_on_screen(qtbot, kiosk.window, "Hi.")
    assert form.note_count.text() == f"{NOTE_MAX - 3} letters left"
    form.note_edit.setPlainText("x" * (NOTE_MAX - 1))  # a long note, without 500 taps
    form.note_edit.moveCursor(form.note_edit.textCursor().MoveOperation.End)
    type_on_screen(qtbot, kiosk.window, "ab")
    assert len(form.note_edit.toPlainText()) == NOTE_MAX
    assert form.note_count.text() == "0 letters left"


def test_double_tap_stores_one_request(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The thank-you screen stays until Done is tapped: fast_config's 0.3 s could run out between the taps below.
    config = kiosk.state.config
    kiosk.state.config = replace(config, idle=replace(config.idle, thanks_seconds=600))
    go_to_form(qtbot, kiosk, ("Groin pain",))
    _fill(qtbot, kiosk)
    send = find_button(kiosk.window, "Send my request")
    tap(qtbot, send)
    tap(qtbot, send)
    QApplication.processEvents()
    assert len(_rows(kiosk.state.config.database_path)) == 1
    assert kiosk.flow.current == "thanks"
    tap_text(qtbot, kiosk.window, "Done")
    assert kiosk.flow.current == "education"
    assert kiosk.flow.thanks.reference_label.text() == ""


def test_back_keeps_entries(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk, ("Groin pain",))
    _fill(qtbot, kiosk, consent=False)
    tap_text(qtbot, kiosk.window, "Back")
    assert kiosk.flow.current == "summary"
    tap_text(qtbot, kiosk.window, "Request a free phone call")
    form = kiosk.flow.request_form
    assert form.name_edit.text() == NAME
    assert form.best_time() == "afternoon"


@pytest.fixture
def blocked_kiosk(make_kiosk, fast_config: Config, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A kiosk whose data folder cannot be created: its parent is a regular file (a real fault, even as root)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    config = replace(fast_config, data=DataSettings(directory=str(blocker / "data")))
    return make_kiosk(config), blocker


def test_save_failure_keeps_entries_then_retry_succeeds(blocked_kiosk, qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    kiosk, blocker = blocked_kiosk
    caplog.set_level(logging.DEBUG)
    go_to_form(qtbot, kiosk, ("Lower back pain",))
    _fill(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_text(qtbot, kiosk.window, "Send my request")

    assert kiosk.flow.current == "request_form"
    assert form.banner.isVisible()
    assert form.banner.text() == "Sorry, we could not save your request — please tell the front desk."
    assert form.name_edit.text() == NAME
    assert form.phone_edit.text() == "(201) 555-0123"
    assert form.best_time() == "afternoon"
    assert form.consent_tile.isChecked()
    assert kiosk.state.last_save_failed is True
    assert any(w.code == "save" for w in kiosk.state.staff_warnings())
    send = find_button(kiosk.window, "Send my request")
    assert send.isEnabled()
    # The log says what failed, never who.
    assert "could not save" in caplog.text
    for secret in ("Zoë", "Quinn", "555", PHONE_E164):
        assert secret not in caplog.text

    blocker.unlink()  # staff fix the disk
    tap(qtbot, send)
    assert kiosk.flow.current == "thanks"
    assert kiosk.state.last_save_failed is False
    rows = _rows(kiosk.state.config.database_path)
    assert [r["name"] for r in rows] == [NAME]
    assert not form.banner.isVisible()


def test_keyboard_language_follows_the_patient(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    kiosk.state.set_language("es")
    form = kiosk.flow.request_form
    assert find_button(kiosk.window, "Ñ")  # the Spanish letters, a capital for the start of a name
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, "Begoña")
    assert form.name_edit.text() == "Begoña"
    assert form.consent_tile.text() == kiosk.state.library.get("es").consent_text
