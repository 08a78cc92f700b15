"""Labels for patient text: word-wrapped, styled by role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QWidget,
)

if TYPE_CHECKING:
    pass



class WrappingLabel(QLabel):
    """A label that wraps words and reports a height for its width (so long translations never clip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "body") -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
