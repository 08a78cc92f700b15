"""Drive the kiosk the way a patient does: find what is on screen by its text and tap it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


def visible_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root.window()) and b.isVisible()]


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The one visible button showing `text` (or whose accessible name is `text`, for icon-only buttons)."""
    matches = [b for b in visible_buttons(root) if text in (b.text().replace("&", ""), b.accessibleName())]
    if len(matches) != 1:
        shown = sorted({b.text() or b.accessibleName() for b in visible_buttons(root)})
        raise AssertionError(f"expected one visible button {text!r}, found {len(matches)}; visible: {shown}")
    return matches[0]


def tap(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """A finger tap: press and release at the same spot."""
    pos = pos if pos is not None else widget.rect().center()
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()


def tap_text(qtbot, root: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, find_button(root, text))


def swipe(qtbot, widget: QWidget, dx: int) -> None:  # type: ignore[no-untyped-def]
    """Drag a finger horizontally across the widget's middle (dx < 0 = towards the left)."""
    start = widget.rect().center()
    end = QPoint(start.x() + dx, start.y())
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, pos=end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()
