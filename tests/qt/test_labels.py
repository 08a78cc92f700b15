"""Titles break in balanced lines: no short word, and never a lone "2)", on a line of its own."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from kiosk.core.content import load_library
from kiosk.qt.widgets.labels import WrappingLabel, balanced_lines


def test_balanced_lines_evens_the_widths() -> None:
    width = len  # one unit per character
    assert balanced_lines("Where is it?", width, 40) == "Where is it?"
    assert balanced_lines("Signs of a tight psoas (1 of 2)", width, 24) == "Signs of a tight\npsoas (1 of 2)"
    assert balanced_lines("Signs of a tight psoas (1 of 2)", width, 12).split("\n")[-1] != "2)"
    assert balanced_lines("unbreakable", width, 3) == "unbreakable"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_slide_title_leaves_a_short_last_line(qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    label = WrappingLabel(role="title")
    qtbot.addWidget(label)
    font = QFont(label.font())
    font.setPixelSize(52)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    metrics = QFontMetrics(font)
    for slide in load_library([lang]).get(lang).slides:
        for width in range(300, 1000, 25):
            label.setText(slide.title)
            label.resize(width, 400)
            lines = label.shown_lines()
            assert label.text() == slide.title  # the words as set, whatever the breaks
            assert lines[-1] not in {"2)", "2", "of 2)", "de 2)"}, (slide.id, width, lines)
            if len(lines) == 2:  # (more lines only where single long words leave no choice)
                widths = [metrics.horizontalAdvance(line) for line in lines]
                assert min(widths) >= max(widths) // 3, (slide.id, width, lines)
