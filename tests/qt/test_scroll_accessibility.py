"""A screen reader may walk a scroll area while its scroll bar comes and goes: the children it counted stay there.

Qt's own scroll-area interface drops the hidden scroll bar from its children and does not check the index it is
asked for, so a screen reader asking for a child counted a moment before made the kiosk crash (tests/qt/
test_atspi.py, about one run in two). kiosk.qt.accessibility gives scroll areas the plain widget interface.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.qt.accessibility import install_heading_roles
from kiosk.qt.widgets.scrolling import KineticScrollArea


def test_a_scroll_area_keeps_its_children_while_its_scroll_bar_shows_and_hides(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_heading_roles()
    content = QWidget()
    QVBoxLayout(content).addWidget(QLabel("words"))
    area = KineticScrollArea(content)
    qtbot.addWidget(area)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)

    content.setMinimumHeight(2000)  # more than fits: the scroll bar shows
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())
    shown = QAccessible.queryAccessibleInterface(area)
    count = shown.childCount()
    assert count >= 2

    content.setMinimumHeight(0)  # everything fits: the scroll bar hides
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())
    hidden = QAccessible.queryAccessibleInterface(area)
    assert hidden.childCount() == count, "a child counted a moment ago is still there to ask for"
    assert all(hidden.child(i) is not None for i in range(count))
    assert hidden.child(count) is None, "one past the end is nothing, not a read past Qt's list"
