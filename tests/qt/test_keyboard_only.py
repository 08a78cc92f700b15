"""A patient who cannot use the touch screen: a keyboard or a switch (Tab to move, Enter or Space to press) takes
a whole visit, and the focus is always somewhere visible and never stuck."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget

from kiosk.core.config import IdleSettings
from kiosk.qt.widgets.keyboard import KeyButton
from tests.layout_checks import settle

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit)


def _calm(config):  # type: ignore[no-untyped-def]
    return replace(config, idle=IdleSettings(timeout_seconds=600, countdown_seconds=10, thanks_seconds=600))


def _press(kiosk, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key press, delivered where a real keyboard's goes: the focused widget, else the window."""
    target = QApplication.focusWidget() or kiosk.window
    QTest.keyClick(target, key, modifier)
    QApplication.processEvents()


def _type(kiosk, text: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClicks(target, text)
    QApplication.processEvents()


def _tab_to(kiosk, wanted, limit: int = 80) -> QWidget:  # type: ignore[no-untyped-def]
    """Press Tab until the focus is on a control for which `wanted(widget)` holds."""
    for _ in range(limit):
        _press(kiosk, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is not None and wanted(focus):
            return focus
    raise AssertionError(f"Tab never reached the control; focus is on {QApplication.focusWidget()!r}")


def _named(name: str):  # type: ignore[no-untyped-def]
    return lambda w: w.accessibleName() == name


def test_a_whole_visit_with_the_keyboard_only(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config))
    flow = kiosk.flow
    kiosk.window.activateWindow()
    assert flow.current == "education"

    _tab_to(kiosk, _named("Check my symptoms"))
    _press(kiosk, Qt.Key.Key_Return)
    assert flow.current == "checklist"
    tile = _tab_to(kiosk, _named("Groin pain"))
    _press(kiosk, Qt.Key.Key_Space)
    assert tile.isChecked()
    _press(kiosk, Qt.Key.Key_Right)  # arrows move between tiles too
    assert QApplication.focusWidget() is not tile
    _tab_to(kiosk, _named("Next"))
    _press(kiosk, Qt.Key.Key_Enter)
    assert flow.current == "summary"

    _tab_to(kiosk, _named("Request a free phone call"))
    _press(kiosk, Qt.Key.Key_Return)
    assert flow.current == "request_form"
    form = flow.request_form
    # A real keyboard types straight into the field that has the focus.
    settle()
    if QApplication.focusWidget() is not form.name_edit:
        _tab_to(kiosk, lambda w: w is form.name_edit)
    _type(kiosk, "Ana Lopez")
    _press(kiosk, Qt.Key.Key_Return)  # Enter in a one-line field: on to the next one
    assert QApplication.focusWidget() is form.phone_edit
    _type(kiosk, "2015550123")
    _tab_to(kiosk, lambda w: w in form.time_buttons.values())
    _press(kiosk, Qt.Key.Key_Right)  # the best times are one choice: the arrows move between them
    afternoon = QApplication.focusWidget()
    assert afternoon is form.time_buttons["afternoon"]
    _press(kiosk, Qt.Key.Key_Space)
    assert form.best_time() == "afternoon"
    _tab_to(kiosk, lambda w: w is form.consent_tile)
    _press(kiosk, Qt.Key.Key_Space)
    assert form.consent_tile.isChecked()
    _tab_to(kiosk, lambda w: w is form.send_button)
    _press(kiosk, Qt.Key.Key_Return)

    assert flow.current == "thanks"
    reference = flow.thanks.reference
    assert reference and flow.thanks.reference_label.accessibleName() == reference
    stored = kiosk.state.store.list_requests() if hasattr(kiosk.state.store, "list_requests") else None
    assert stored is None or any(r.reference == reference for r in stored)


def _cycle(kiosk, steps: int = 120) -> list[QWidget]:  # type: ignore[no-untyped-def]
    seen: list[QWidget] = []
    for _ in range(steps):
        _press(kiosk, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and focus.isVisible(), "Tab left the focus nowhere"
        seen.append(focus)
    return seen


def _controls(screen: QWidget) -> set[QWidget]:
    """What Tab must reach: every control on show, but only one of a set of exclusive choices (Tab reaches the
    set, the arrow keys move within it, as for radio buttons)."""
    out = set()
    groups = set()
    for w in screen.findChildren(QWidget):
        if not (isinstance(w, CONTROLS) and w.isVisible() and w.isEnabled()):
            continue
        group = w.group() if isinstance(w, QAbstractButton) else None
        if group is not None and group.exclusive():
            if group in groups:
                continue
            groups.add(group)
        out.add(w)
    return out


def _same_choice(a: QWidget, b: QWidget) -> bool:
    group = a.group() if isinstance(a, QAbstractButton) else None
    return a is b or (group is not None and isinstance(b, QAbstractButton) and b.group() is group)


def test_tab_reaches_every_control_of_every_patient_screen_and_comes_round(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config))
    flow = kiosk.flow
    flow.education.stop()
    for name in ("education", "checklist", "summary", "request_form", "thanks"):
        if name == "summary":
            flow.show_summary(("groin_pain",))
        elif name == "request_form":
            flow.show_request_form(("groin_pain",))
        elif name == "thanks":
            flow.show_thanks("PS-TEST")
        else:
            flow.go(name)
        settle()
        screen = flow.window.stack.currentWidget()
        wanted = _controls(screen)
        seen = _cycle(kiosk, len(wanted) * 2 + 4)
        missing = [w.accessibleName() for w in wanted if not any(_same_choice(w, s) for s in seen)]
        assert not missing, f"{name}: Tab never reaches {missing}"
        # Nothing traps the focus: it goes round and comes back, and never to an unnamed widget.
        assert all(w.accessibleName() for w in seen), name
        assert all(screen.isAncestorOf(w) for w in seen), name
    flow.return_to_loop()


def test_on_screen_keys_are_reachable_by_tab_and_type_into_the_field(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config))
    flow = kiosk.flow
    flow.show_request_form(())
    settle()
    form = flow.request_form
    form.name_edit.setFocus(Qt.FocusReason.TabFocusReason)
    key = _tab_to(kiosk, lambda w: isinstance(w, KeyButton) and w.value == "a", limit=200)
    field = form.keyboard.target()
    assert field is form.note_edit  # the last field Tab passed through
    _press(kiosk, Qt.Key.Key_Space)
    _press(kiosk, Qt.Key.Key_Return)
    assert form.note_edit.toPlainText() == "Aa"  # typed into that field (a capital first: a new sentence)
    assert QApplication.focusWidget() is key  # the switch user stays on the keys


def test_escape_does_what_back_does_and_never_leaves_the_kiosk(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config), windowed=False)
    flow = kiosk.flow
    flow.show_checklist()
    settle()
    _press(kiosk, Qt.Key.Key_Escape)
    assert flow.current == "education"
    _press(kiosk, Qt.Key.Key_Escape)  # no Back on the slides: nothing happens, and the window stays
    _press(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    _press(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert flow.current == "education" and kiosk.window.isVisible()
    flow.show_summary(())
    flow.show_request_form(())
    settle()
    _press(kiosk, Qt.Key.Key_Escape)
    assert flow.current == "summary"


def test_the_focus_ring_shows_for_keys_only_in_both_looks(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config))
    flow = kiosk.flow
    flow.education.stop()
    flow.show_checklist()
    settle()
    for high_contrast in (False, True):
        kiosk.state.set_appearance(high_contrast=high_contrast)
        settle()
        tile = _tab_to(kiosk, lambda w: w is flow.checklist.tiles["groin_pain"])
        settle()
        image = tile.grab().toImage()
        focus = QColor(kiosk.state.theme.palette.focus)
        assert image.pixelColor(image.width() // 2, 2) == focus, high_contrast
        assert image.pixelColor(2, image.height() // 2) == focus, high_contrast
    # A tap hides the ring: touch users never see it.
    QTest.mouseClick(flow.checklist.tiles["buttock_pain"] if "buttock_pain" in flow.checklist.tiles
                     else flow.checklist.none_tile, Qt.MouseButton.LeftButton)
    settle()
    image = tile.grab().toImage()
    assert image.pixelColor(image.width() // 2, 2) != QColor(kiosk.state.theme.palette.focus)


def test_still_there_takes_the_keys_and_gives_the_focus_back(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(replace(fast_config, idle=IdleSettings(timeout_seconds=1.0, countdown_seconds=30,
                                                              thanks_seconds=600)))
    flow = kiosk.flow
    flow.education.stop()
    flow.show_checklist()
    settle()
    tile = _tab_to(kiosk, lambda w: w is flow.checklist.tiles["groin_pain"])  # this patient uses the keyboard
    _press(kiosk, Qt.Key.Key_Space)
    assert tile.isChecked()
    qtbot.waitUntil(lambda: flow.still_there.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is flow.still_there.continue_button)
    _press(kiosk, Qt.Key.Key_Return)  # "I'm still here"
    assert not flow.still_there.isVisible() and flow.current == "checklist" and tile.isChecked()
    assert QApplication.focusWidget() is tile
