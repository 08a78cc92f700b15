"""The on-screen keyboard: big keys that never take focus, capitals, accents, numbers, the phone pad."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.qt.widgets.focus import settle
from kiosk.qt.widgets.keyboard import KeyButton
from tests.helpers import find_button, go_to_form, tap, tap_field, tap_text, type_on_screen


def test_keys_are_big_and_never_take_focus(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    kiosk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window, timeout=2000)
    tap_field(qtbot, form.name_edit)
    assert QApplication.focusWidget() is form.name_edit
    keys = [k for k in form.keyboard.findChildren(KeyButton) if k.isVisible()]
    assert len(keys) >= 30
    for key in keys:
        assert not key.focusPolicy().value & Qt.FocusPolicy.ClickFocus.value  # a tap never takes the focus
        assert key.height() >= 64 and key.height() >= kiosk.state.theme.touch_px
        assert key.accessibleName()
    type_on_screen(qtbot, kiosk.window, "Ann")
    assert QApplication.focusWidget() is form.name_edit  # the focus ring stays on the field
    assert form.keyboard.caption.text() == "Typing: Your name"


def test_names_get_capitals_and_shift_is_one_shot(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    assert form.keyboard.shift_on()  # an empty name starts with a capital
    for key in ("A", "n", "a", "space", "L", "o"):
        tap_text(qtbot, kiosk.window, key)
    assert form.name_edit.text() == "Ana Lo"
    tap_text(qtbot, kiosk.window, "Capital letter")
    tap_text(qtbot, kiosk.window, "P")
    tap_text(qtbot, kiosk.window, "e")  # shift went off after one letter
    assert form.name_edit.text() == "Ana LoPe"
    tap_text(qtbot, kiosk.window, "Delete")
    tap_text(qtbot, kiosk.window, "Delete")
    assert form.name_edit.text() == "Ana Lo"


def test_accents_and_numbers(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, "José Núñez")
    assert form.name_edit.text() == "José Núñez"
    assert find_button(kiosk.window, "q")  # after one accented letter the usual letters are back
    tap_field(qtbot, form.note_edit)
    assert form.keyboard.caption.text() == "Typing: Anything else? (optional)"
    tap_text(qtbot, kiosk.window, "123")
    tap_text(qtbot, kiosk.window, "3")
    tap_text(qtbot, kiosk.window, "space")  # numbers until the next space
    type_on_screen(qtbot, kiosk.window, "weeks.")
    assert form.note_edit.toPlainText() == "3 weeks."


def test_phone_field_gets_the_number_pad(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_field(qtbot, form.phone_edit)
    assert form.keyboard.layout_name() == "phone"
    shown = {k.text() for k in form.keyboard.findChildren(KeyButton) if k.isVisible()}
    assert set("0123456789+") <= shown
    assert not shown & set("qwertyQWERTY")
    for key in ("+", "1", "2", "0", "1", "space", "5"):
        tap_text(qtbot, kiosk.window, key)
    tap(qtbot, find_button(kiosk.window, "Delete"))
    assert form.phone_edit.text() == "+1201 "
    for key in [k for k in form.keyboard.findChildren(KeyButton) if k.isVisible()]:
        assert key.height() >= kiosk.state.theme.touch_px


def test_reset_forgets_undo_shift_and_layout(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk)
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, "Secret Name")
    tap_field(qtbot, form.note_edit)
    type_on_screen(qtbot, kiosk.window, "Secret note")
    tap_field(qtbot, form.phone_edit)
    kiosk.flow.return_to_loop()
    for field in (form.name_edit, form.note_edit):
        field.undo()
    assert form.name_edit.text() == "" and form.note_edit.toPlainText() == ""
    assert not form.name_edit.isUndoAvailable() and not form.note_edit.document().isUndoAvailable()
    assert form.keyboard.target() is None
    assert form.keyboard.layout_name() == "letters" and not form.keyboard.shift_on()


def test_what_a_button_shows_is_its_accessible_name(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk, ("Groin pain",))
    tap_text(qtbot, kiosk.window, "áé")
    form = kiosk.flow.request_form
    for button in form.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.accessibleName() == (button.text() or button.accessibleName()), button.text()
            assert button.accessibleName(), "a button without a name"
    assert form.name_edit.accessibleName() == form.name_label.text()
    assert form.phone_edit.accessibleName() == form.phone_label.text()


def test_only_the_page_on_show_sizes_the_keyboard(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A page built earlier (another language, another text size) and now hidden must not widen the keyboard and
    squeeze the form beside it (seen as Spanish time buttons cut off at 1280x800 after an English page)."""
    go_to_form(qtbot, kiosk)
    keyboard = kiosk.flow.request_form.keyboard
    shown = keyboard.minimumSizeHint().width()
    hidden = keyboard.phone_page  # the letters are on show
    assert keyboard.pages.currentWidget() is not hidden
    hidden.setMinimumWidth(shown * 3)
    keyboard.pages.layout().invalidate()  # a hidden page's change is picked up at the next layout pass
    settle()
    assert keyboard.minimumSizeHint().width() == shown
    tap_field(qtbot, kiosk.flow.request_form.phone_edit)  # now the phone pad is on show, and it counts
    settle()
    assert keyboard.minimumSizeHint().width() >= shown * 3
