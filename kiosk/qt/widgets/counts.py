"""The staff panel's counts: a big number with its caption underneath (new, today, total requests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.qt.widgets.labels import WrappingLabel


class StatLabel(QWidget):
    """A count with its caption underneath: big number, small word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = WrappingLabel("0", role="title")
        self.caption = WrappingLabel(role="muted")
        for label in (self.number, self.caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(False)  # one short word: it must claim its full width, never be clipped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, caption: str, value: int) -> None:
        self.caption.setText(caption)
        self.number.setText(str(value))
        self.setAccessibleName(f"{caption}: {value}")
