"""Labels for patient text: word-wrapped, styled by role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrappingLabel(QLabel):
    """A label that wraps words and reports a height for its width (so long translations never clip)."""

    def __init__(self, text: str | QWidget | None = "", parent: QWidget | None = None, *, role: str = "body") -> None:
        # Like QLabel: (text, parent) or (parent), as a Designer form builds it (it then sets `role` and `text`).
        if not isinstance(text, str):
            parent, text = text, ""
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
