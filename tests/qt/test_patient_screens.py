"""The patient screens as patients meet them: choices kept until the documented resets, square tick boxes,
detail lines never dropped, and a double tap never acting on the screen it opened."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.core.config import IdleSettings
from tests.helpers import find_button, tap, tap_text
from tests.layout_checks import settle

pytestmark = pytest.mark.usefixtures("qtbot")


def _calm(config):  # type: ignore[no-untyped-def]
    """No "Still there?" halfway (fast_config asks after 0.3 s; a busy machine can take that long between steps)."""
    return replace(config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))


def _window_rect(kiosk, widget) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())


def test_checklist_back_keeps_the_patients_language_text_size_and_contrast(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, "Larger text")
    tap_text(qtbot, kiosk.window, "High contrast")
    tap_text(qtbot, kiosk.window, "Español")
    tap_text(qtbot, kiosk.window, "Dolor en la ingle")
    tap_text(qtbot, kiosk.window, "Volver")
    assert kiosk.flow.current == "education"
    theme = kiosk.state.theme
    assert (kiosk.state.language, theme.large_text, theme.high_contrast) == ("es", True, True)
    tap_text(qtbot, kiosk.window, "Revisar mis síntomas")
    assert kiosk.flow.checklist.selected() == ()  # the ticks are the entries that Back clears
    # A documented reset: "Start over" (here through the summary) brings back the clinic's defaults.
    tap_text(qtbot, kiosk.window, "Ninguno de estos")
    tap_text(qtbot, kiosk.window, "Siguiente")
    kiosk.flow.summary.start_over.emit()
    settle()
    assert (kiosk.state.language, kiosk.state.theme.large_text, kiosk.state.theme.high_contrast) == (
        "en", False, False)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_a_double_tap_on_check_my_symptoms_never_presses_next(make_kiosk, fast_config, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_calm(fast_config), size=size)
    cta = _window_rect(kiosk, find_button(kiosk.window, "Check my symptoms"))
    kiosk.flow.go("checklist")
    settle()
    checklist = kiosk.flow.checklist
    spot = cta.intersected(_window_rect(kiosk, checklist.next_button)).center()
    assert not spot.isNull(), "the call to action and Next should share a spot at this size"
    kiosk.flow.go("education")
    settle()
    # A quick double tap at one spot: press, release, press, release, with the events' times close together.
    QTest.mouseDClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QApplication.processEvents()
    assert kiosk.flow.current == "checklist"
    assert "at least one" not in checklist.message.text()  # Next did not act: no message the patient did not cause
    _finger_tap(kiosk, spot)  # a later tap is the patient's own: Next acts
    assert "at least one" in checklist.message.text()


def _finger_tap(kiosk, spot: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Real press and release events on the window (as the display server sends them), not on a widget; QTest
    puts its double-click time between one tap and the next."""
    handle = kiosk.window.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QApplication.processEvents()


def _mark_corner(tile) -> tuple[QColor, QColor]:  # type: ignore[no-untyped-def]
    """The colours just inside the tick box's top-left corner and at its middle-left edge, as painted."""
    image = tile.grab().toImage()
    box = tile._layout(tile.width())["check"]
    box.moveTop(tile.height() // 2 - box.height() // 2)
    # Inside a square box with slightly rounded corners, outside the circle that would fit in the same square.
    inset = round(box.width() * 0.12)
    corner = image.pixelColor(box.left() + inset, box.top() + inset)
    edge = image.pixelColor(box.left() + inset, box.center().y())
    return corner, edge


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_pick_several_shows_square_tick_boxes(kiosk, qtbot, high_contrast) -> None:  # type: ignore[no-untyped-def]
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    if high_contrast:
        tap_text(qtbot, kiosk.window, "High contrast")
    tile = find_button(kiosk.window, "Groin pain")
    tap(qtbot, tile)
    assert tile.isChecked()
    settle()
    corner, edge = _mark_corner(tile)
    # A circle leaves its bounding square's corners in the tile's colour; a square box fills them.
    assert corner == edge, (corner.name(), edge.name())
    assert corner.name().upper() == kiosk.state.theme.palette.on_selected.upper()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_larger_text_keeps_every_detail_line_and_changes_the_layout(make_kiosk, fast_config, qtbot, size,  # type: ignore[no-untyped-def]
                                                                    lang) -> None:
    kiosk = make_kiosk(_calm(fast_config), size=size)
    kiosk.state.set_language(lang)
    kiosk.flow.go("checklist")
    kiosk.state.set_appearance(large_text=True)
    settle()
    checklist = kiosk.flow.checklist
    breathing = checklist.tiles["difficulty_breathing"]
    assert breathing.detail() == kiosk.state.content.symptoms[8].detail and breathing.detail()  # the safety line
    for tile in [*checklist.tiles.values(), checklist.none_tile]:
        assert tile.detail()
        assert not tile.is_compact()
        assert tile.height() >= tile.heightForWidth(tile.width()) - 1, tile.text()
    portrait = size[1] > size[0]
    scroll = checklist.scroll
    if scroll.verticalScrollBar().maximum() > 0:
        # Scrolling, with a hint that there is more, and the tiles wide enough to read.
        assert checklist.grid.columns() < (2 if portrait else 3) or portrait
        assert scroll.has_more_below() and checklist.message.text()
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        settle()
        assert not scroll.has_more_below() and not checklist.message.text()
    else:
        assert not checklist.message.text()
