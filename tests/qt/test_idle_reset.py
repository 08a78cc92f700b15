"""Privacy between patients: a quiet spell on a patient screen asks "Still there?", then clears every trace."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kiosk.core.config import IdleSettings
from tests.helpers import go_to_form, tap, tap_field, tap_text, type_on_screen

MARKER_NAME = "Zyxwa Qvorn"
MARKER_PHONE = "2015550123"
MARKER_NOTE = "Marker note"
SECRETS = ("Zyxwa", "Qvorn", "5550123", "555-0123", "Marker")


def _texts_held(widget: QWidget) -> list[str]:
    """Every piece of text a widget could show or give back (including by undo)."""
    texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    if isinstance(widget, QLineEdit):
        texts.append(widget.text())
        if widget.isUndoAvailable():
            texts.append("<undo available>")
        widget.undo()
        texts.append(widget.text())
    elif isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
        if widget.document().isUndoAvailable():
            texts.append("<undo available>")
        widget.undo()
        texts.append(widget.toPlainText())
    elif isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    return texts


def _fill_form(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    """Fill the form with a long idle time (a busy machine may take more than fast_config's 0.3 s between two
    taps), then the short one again from the last tap on."""
    quick = kiosk.state.config
    kiosk.state.config = replace(quick, idle=IdleSettings(timeout_seconds=600, countdown_seconds=10,
                                                          thanks_seconds=600))
    go_to_form(qtbot, kiosk, ("Lower back pain", "Groin pain"))
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, MARKER_NAME)
    tap_field(qtbot, form.phone_edit)
    type_on_screen(qtbot, kiosk.window, MARKER_PHONE)
    tap_field(qtbot, form.note_edit)
    type_on_screen(qtbot, kiosk.window, MARKER_NOTE)
    tap_text(qtbot, kiosk.window, "Evening")
    kiosk.state.config = quick
    tap_text(qtbot, kiosk.window, kiosk.state.content.consent_text)  # a touch: the idle time starts again, short
    assert form.name_edit.text() == MARKER_NAME


def test_idle_form_counts_down_then_leaves_no_trace(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _fill_form(qtbot, kiosk)
    overlay = kiosk.flow.still_there
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert kiosk.flow.current == "request_form"
    assert overlay.geometry() == kiosk.window.rect()  # covers everything
    assert overlay.countdown.text().startswith("Clearing in ")
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=3000)
    assert not overlay.isVisible()

    leftovers = []
    for widget in QApplication.allWidgets():
        for text in _texts_held(widget):
            if any(secret in text for secret in SECRETS) or text == "<undo available>":
                leftovers.append(f"{type(widget).__name__}: {text!r}")
    assert leftovers == []
    # No choice survives either: no ticked symptom, time or consent.
    for screen in (kiosk.flow.checklist, kiosk.flow.summary, kiosk.flow.request_form):
        checked = [b.text() for b in screen.findChildren(QAbstractButton) if b.isChecked()]
        assert checked == [], screen.screen_name
    form = kiosk.flow.request_form
    assert form.keyboard.target() is None and not form.keyboard.shift_on()
    assert form.symptoms == () and kiosk.flow.summary.symptoms == ()


def test_a_tap_during_the_countdown_continues_with_everything_kept(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _fill_form(qtbot, kiosk)
    overlay = kiosk.flow.still_there
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    tap(qtbot, overlay)  # anywhere on the dimmed screen
    assert not overlay.isVisible()
    assert kiosk.flow.current == "request_form"
    form = kiosk.flow.request_form
    assert form.name_edit.text() == MARKER_NAME
    assert form.phone_edit.text() == "(201) 555-0123"
    assert form.best_time() == "evening" and form.consent_tile.isChecked()
    # Still quiet afterwards: asked again, and this time the button says so.
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    tap_text(qtbot, kiosk.window, "I'm still here")
    assert kiosk.flow.current == "request_form" and form.name_edit.text() == MARKER_NAME


def test_idle_checklist_clears_the_choices(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, "Pelvic pain")
    tap_text(qtbot, kiosk.window, "Next")
    assert kiosk.flow.current == "summary"
    qtbot.waitUntil(kiosk.flow.still_there.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=3000)
    assert kiosk.flow.checklist.selected() == ()
    assert kiosk.flow.summary.chosen_list.text() == ""


def test_no_still_there_on_the_education_loop(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.flow.current == "education"
    assert not kiosk.flow.idle_timer.isActive()
    qtbot.wait(500)  # longer than the idle timeout
    assert not kiosk.flow.still_there.isVisible()
