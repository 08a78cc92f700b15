"""The PIN pad's key: a touch button of fixed size that keeps its size through every restyle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QWidget

from kiosk.qt.widgets.buttons import TouchButton


class PadKey(TouchButton):
    """A key of fixed size. The style sheet's touch minimum is re-applied on every restyle (theme change, first
    show) and would shrink a fixed-size key back to it, so the key re-asserts its size after each one."""

    def __init__(self, text: str | QWidget | None = "", parent: QWidget | None = None, *, role: str = "key",
                 icon: str = "") -> None:
        # Like TouchButton: (text, parent) or (parent), as the PIN pad's Designer form builds it.
        super().__init__(text, parent, role=role, icon=icon)
        self.key_size = QSize()

    def set_key_size(self, size: QSize) -> None:
        self.key_size = size
        self.setFixedSize(size)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange) and self.key_size.isValid():
            self.setFixedSize(self.key_size)
        return handled
