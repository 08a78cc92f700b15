"""Touch-friendly lists and tables: roomy rows that never cut wrapped text, finger scrolling, breakable paths."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QAbstractItemView, QScroller, QStyledItemDelegate, QStyleOptionViewItem

ZWSP = "\u200b"  # zero-width space: a line may break here, nothing shows


class RoomyDelegate(QStyledItemDelegate):
    """Measures cells the way they are painted, plus some air: rows are easier to hit with a finger, and wrapped
    text is never cut off. Qt wraps at the full column width when measuring but paints inside the style sheet's
    side padding, which would make long symptom lists end in "…"."""

    def __init__(self, parent: QObject, pad_px: int, extra_px: int) -> None:
        super().__init__(parent)
        self.pad_px = pad_px
        self.extra_px = extra_px

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrower = QStyleOptionViewItem(option)
        if option.rect.width() > 2 * self.pad_px:
            narrower.rect = option.rect.adjusted(0, 0, -2 * self.pad_px, 0)
        hint = super().sizeHint(narrower, index)
        return QSize(hint.width(), hint.height() + self.extra_px)


def breakable_path(path: str) -> str:
    """A path that can wrap inside a narrow list: invisible break chances after separators and dashes (a file name
    like psoas-requests-2026-11-25-140512.csv has none of its own, so it would be cut off with "…")."""
    for ch in ("/", "\\", "-", "_"):
        path = path.replace(ch, ch + ZWSP)
    return path


def make_kinetic(view: QAbstractItemView) -> None:
    """Drag with a finger to scroll, with momentum, like a phone; a tap without movement still selects."""
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
