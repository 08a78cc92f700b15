"""The symptom checklist and the summary, driven by taps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.qt.widgets.tiles import ToggleTile
from tests.helpers import find_button, tap, tap_text

pytestmark = pytest.mark.usefixtures("qtbot")


def _open_checklist(kiosk, qtbot):  # type: ignore[no-untyped-def]
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    assert kiosk.flow.current == "checklist"
    return kiosk.flow.checklist


def test_every_symptom_is_a_big_tile_and_all_fit_at_1080p(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    content = kiosk.state.content
    assert len(content.symptoms) == 11
    for symptom in content.symptoms:
        tile = find_button(kiosk.window, symptom.label)
        assert isinstance(tile, ToggleTile)
        assert tile.accessibleName() == symptom.label
        assert tile.height() >= 64
        assert tile.height() >= kiosk.state.theme.touch_px
    assert find_button(kiosk.window, "None of these").height() >= 64
    assert screen.grid.columns() == 3
    assert screen.scroll.verticalScrollBar().maximum() == 0  # nothing hidden below the fold


@pytest.mark.parametrize(("size", "columns"), [((1080, 1920), 2), ((3840, 2160), 3)])
def test_grid_reflows_and_fits(kiosk, qtbot, size, columns) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: screen.grid.columns() == columns, timeout=2000)
    QApplication.processEvents()
    assert screen.scroll.verticalScrollBar().maximum() == 0
    assert not screen.scroll.has_more_below()
    heights = [t.height() for t in screen.grid.tiles()]
    assert min(heights) >= kiosk.state.theme.touch_px


def test_several_symptoms_can_be_chosen(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    tap_text(qtbot, kiosk.window, "Lower back pain")
    tap_text(qtbot, kiosk.window, "Groin pain")
    tap_text(qtbot, kiosk.window, "Feeling worn out")
    assert screen.selected() == ("lower_back_pain", "groin_pain", "exhaustion")
    tap_text(qtbot, kiosk.window, "Groin pain")  # a second tap un-chooses
    assert screen.selected() == ("lower_back_pain", "exhaustion")


def test_none_of_these_is_exclusive(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    none = find_button(kiosk.window, "None of these")
    tap_text(qtbot, kiosk.window, "Lower back pain")
    tap_text(qtbot, kiosk.window, "Pelvic pain")
    tap(qtbot, none)  # ticks on: the first tap only asks (on the tile itself)
    assert not none.isChecked()
    assert screen.selected() == ("lower_back_pain", "pelvic_pain")
    assert "Tap again" in none.accessibleDescription()
    tap(qtbot, none)
    assert none.isChecked()
    assert screen.selected() == ()
    tap_text(qtbot, kiosk.window, "Groin pain")
    assert not none.isChecked()
    assert screen.selected() == ("groin_pain",)


def test_next_with_nothing_chosen_says_what_to_do(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    tap_text(qtbot, kiosk.window, "Next")
    assert kiosk.flow.current == "checklist"
    assert screen.message.isVisible()
    assert "None of these" in screen.message.text()
    tap_text(qtbot, kiosk.window, "None of these")
    assert screen.message.text() == ""


def test_summary_counts_never_diagnoses_and_back_keeps_choices(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    for label in ("Lower back pain", "Groin pain", "Pelvic pain", "Limping or shuffling"):
        tap_text(qtbot, kiosk.window, label)
    tap_text(qtbot, kiosk.window, "Next")
    assert kiosk.flow.current == "summary"
    summary = kiosk.flow.summary
    assert summary.text.text() == kiosk.state.content.summary(4)
    assert "4" in summary.text.text() and "only a health professional can tell" in summary.text.text().lower()
    assert "Groin pain" in summary.chosen_list.text()
    tap_text(qtbot, kiosk.window, "Back")
    assert kiosk.flow.current == "checklist"
    assert screen.selected() == ("lower_back_pain", "groin_pain", "pelvic_pain", "limping_or_shuffling")


def test_summary_for_none_of_these(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open_checklist(kiosk, qtbot)
    tap_text(qtbot, kiosk.window, "None of these")
    tap_text(qtbot, kiosk.window, "Next")
    assert kiosk.flow.summary.text.text() == kiosk.state.content.summary_text_none
    assert not kiosk.flow.summary.chosen_card.isVisible()
    tap_text(qtbot, kiosk.window, "Request a free phone call")
    assert kiosk.flow.current == "request_form"
    assert kiosk.flow.request_form.symptoms == ()


def test_start_over_clears_everything(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    tap_text(qtbot, kiosk.window, "Lower back pain")
    tap_text(qtbot, kiosk.window, "Next")
    tap_text(qtbot, kiosk.window, "Start over")
    assert kiosk.flow.current == "education"
    assert screen.selected() == ()
    assert kiosk.flow.summary.chosen_list.text() == ""


def test_language_switch_keeps_the_patients_place(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = _open_checklist(kiosk, qtbot)
    tap_text(qtbot, kiosk.window, "Lower back pain")
    kiosk.state.set_language("es")
    es = kiosk.state.library.get("es")
    tile = screen.tiles["lower_back_pain"]
    assert tile.text() == es.symptoms[0].label
    assert tile.isChecked()
    assert kiosk.flow.current == "checklist"
