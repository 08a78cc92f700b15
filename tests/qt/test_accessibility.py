"""Assistive technology and eyesight: names for every control, a reading-order focus chain, and a toolbar on every
patient screen whose larger text and high contrast restyle everything at once."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kiosk.core.config import IdleSettings
from kiosk.core.theme import LARGE_TEXT_FACTOR, Palette
from kiosk.qt.widgets.keyboard import KeyButton
from kiosk.qt.widgets.tiles import ToggleTile
from kiosk.qt.widgets.toolbar import PatientToolbar
from tests.helpers import find_button, tap, tap_text
from tests.layout_checks import settle

PATIENT_SCREENS = ("education", "checklist", "summary", "request_form", "thanks")


def _calm(kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk.state.config = replace(kiosk.state.config, idle=IdleSettings(timeout_seconds=600, countdown_seconds=10,
                                                                       thanks_seconds=600))


def _shown_text(text: str) -> str:
    """A button's text as read: "&&" is a literal ampersand, a single "&" marks a mnemonic."""
    return re.sub(r"&(.)", r"\1", text)


def _name_problems(window: QWidget, where: str) -> list[str]:
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit | QCheckBox):
            continue
        name = w.accessibleName()
        label = f"{where}: {type(w).__name__}({getattr(w, 'text', lambda: '')()!r})"
        if not name.strip():
            out.append(f"{label} has no accessible name")
        elif isinstance(w, QAbstractButton) and w.text() and name != _shown_text(w.text()):
            out.append(f"{label} is announced as {name!r}, not as what it shows")
    return out


@pytest.mark.parametrize(("lang", "large", "contrast"), [("en", False, False), ("es", True, True)],
                         ids=["en", "es-large-high-contrast"])
def test_every_control_on_every_screen_has_a_name(kiosk, qtbot, lang: str, large: bool, contrast: bool) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    kiosk.state.set_language(lang)
    problems: list[str] = []
    for name, screen in kiosk.flow.screens.items():
        if large and name not in PATIENT_SCREENS:
            continue  # staff screens are never shown with a patient's text size
        kiosk.flow.go(name)
        kiosk.state.set_appearance(large_text=large, high_contrast=contrast)
        for variant in screen.screenshot_variants():  # type: ignore[attr-defined]
            settle()
            problems += _name_problems(kiosk.window, f"{lang} {variant}")
    kiosk.flow.return_to_loop()
    assert not problems, "\n".join(problems)


def _walk_to(kiosk, qtbot, name: str) -> QWidget:  # type: ignore[no-untyped-def]
    flow = kiosk.flow
    if name == "checklist":
        tap_text(qtbot, kiosk.window, "Check my symptoms")
    elif name == "summary":
        tap_text(qtbot, kiosk.window, "Groin pain")
        tap_text(qtbot, kiosk.window, "Next")
    elif name == "request_form":
        tap_text(qtbot, kiosk.window, "Request a free phone call")
    elif name == "thanks":
        flow.show_thanks("PS-TEST")
    assert flow.current == name
    return flow.screens[name]


def test_every_patient_screen_has_the_toolbar(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    kiosk.flow.education.stop()
    for name in PATIENT_SCREENS:
        screen = _walk_to(kiosk, qtbot, name)
        toolbars = [t for t in screen.findChildren(PatientToolbar) if t.isVisible()]
        assert len(toolbars) == 1, name
        bar = toolbars[0]
        texts = [b.text() for b in bar.buttons()]
        assert texts == ["Larger text", "High contrast", "Español"], name
        for button in bar.buttons():
            assert button.height() >= max(64, kiosk.state.theme.touch_px), (name, button.text())
            assert button.accessibleDescription(), (name, button.text())
        # Top right: the toolbar's right edge lines up with the screen's content, above everything else.
        right = bar.mapTo(screen, bar.rect().topRight())
        assert right.x() > screen.width() * 0.9 and right.y() < screen.height() * 0.15, name


def test_larger_text_and_high_contrast_restyle_everything(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    window = kiosk.window
    education = kiosk.flow.education
    education.stop()
    slide_title = education.slide_view.title.font().pixelSize()
    tap_text(qtbot, window, "Check my symptoms")
    checklist = kiosk.flow.checklist
    hint = checklist.hint.font().pixelSize()
    tile = checklist.tiles["groin_pain"]
    compact = tile.is_compact()
    tile.set_compact(False)  # measured in the same look both times (large text may choose compact tiles)
    tile_height = tile.heightForWidth(500)
    tile.set_compact(compact)
    next_icon = checklist.next_button.iconSize().height()

    tap(qtbot, find_button(window, "Larger text"))
    settle()
    assert find_button(window, "Larger text").isChecked()
    assert checklist.hint.font().pixelSize() >= hint * (LARGE_TEXT_FACTOR - 0.05)
    compact = tile.is_compact()
    tile.set_compact(False)
    assert tile.heightForWidth(500) > tile_height  # painted tiles follow the theme as well
    tile.set_compact(compact)
    assert checklist.next_button.iconSize().height() > next_icon  # icons follow their button's words
    assert education.slide_view.title.font().pixelSize() > slide_title  # hidden screens too

    tap(qtbot, find_button(window, "High contrast"))
    settle()
    assert find_button(window, "High contrast").isChecked()
    high = Palette.high_contrast()
    image = window.grab().toImage()
    assert image.pixelColor(3, image.height() // 2) == QColor(high.background)
    assert education.dots.active == QColor(high.primary)
    picture = education.slide_view.picture.grab().toImage()
    assert picture.pixelColor(2, 2) == QColor("#000000")  # the illustrations switched palette too
    tap_text(qtbot, window, "Back")
    # Back to the slides is the same patient: the look stays (it resets only at the moments the README lists).
    assert kiosk.state.theme.large_text is True
    assert kiosk.state.theme.high_contrast is True


def _chain(start: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    """The wanted widgets in the order the focus chain (Tab, assistive technology) reaches them from `start`."""
    seen: list[QWidget] = []
    w = start
    for _ in range(5000):
        if w in wanted and w not in seen:
            seen.append(w)
            if len(seen) == len(wanted):
                break
        w = w.nextInFocusChain()
    return seen


def test_focus_order_follows_reading_order(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    kiosk.flow.education.stop()
    for name in PATIENT_SCREENS:
        screen = _walk_to(kiosk, qtbot, name)
        bar = next(t for t in screen.findChildren(PatientToolbar) if t.isVisible())
        controls = [w for w in screen.findChildren(QWidget)
                    if w.isVisible() and isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit)
                    and not isinstance(w, KeyButton)]
        first = bar.buttons()[0]
        order = _chain(first, controls)
        assert len(order) == len(controls), f"{name}: not every control is in the focus chain"
        assert order[:3] == bar.buttons(), name
        # After the toolbar: top to bottom, and left to right within a row (a few pixels of slack for rows).
        rest = order[3:]
        spots = [(w.mapTo(screen, w.rect().topLeft()).y(), w.mapTo(screen, w.rect().topLeft()).x()) for w in rest]
        for (y1, x1), (y2, x2), w in zip(spots, spots[1:], rest[1:], strict=False):
            same_row = abs(y1 - y2) < 20
            assert (y2 > y1 and not same_row) or (same_row and x2 > x1) or name == "request_form", (name, w)
        if name == "request_form":  # two columns: the fields first, then the consent, then Back and Send
            form = kiosk.flow.request_form
            assert rest.index(form.name_edit) < rest.index(form.phone_edit) < rest.index(form.note_edit)
            assert rest.index(form.note_edit) < rest.index(form.consent_tile) < rest.index(form.send_button)


def test_fields_are_named_by_their_labels_and_icon_buttons_by_what_they_do(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    education = kiosk.flow.education
    assert education.prev_button.accessibleName() == "Previous" and education.prev_button.accessibleDescription()
    assert education.next_button.accessibleName() == "Next" and education.next_button.accessibleDescription()
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, "None of these")
    tap_text(qtbot, kiosk.window, "Next")
    tap_text(qtbot, kiosk.window, "Request a free phone call")
    form = kiosk.flow.request_form
    labels = {w.text() for w in form.findChildren(QLabel)}
    for field in (form.name_edit, form.phone_edit, form.note_edit):
        assert field.accessibleName() in labels
        assert field.accessibleDescription()
    assert isinstance(form.consent_tile, ToggleTile)
    assert form.consent_tile.accessibleDescription() == kiosk.state.content.privacy_text


def test_slide_titles_are_headings_in_their_own_words_and_pictures_are_described(kiosk) -> None:  # type: ignore[no-untyped-def]
    """What assistive technology gets in-process (tests/qt/test_atspi.py checks the same over AT-SPI)."""
    from PySide6.QtGui import QAccessible

    education = kiosk.flow.education
    education.stop()
    for lang in ("en", "es"):
        kiosk.state.set_language(lang)
        for i, slide in enumerate(kiosk.state.content.slides):
            education.show_index(i, animate=False)
            title = QAccessible.queryAccessibleInterface(education.slide_view.title)
            assert title.role() == QAccessible.Role.Heading
            assert title.text(QAccessible.Text.Name) == slide.title
            picture = QAccessible.queryAccessibleInterface(education.slide_view.picture)
            assert picture.role() == QAccessible.Role.Graphic
            assert picture.text(QAccessible.Text.Name) == (slide.picture_description or slide.title)
    kiosk.state.set_language("en")
