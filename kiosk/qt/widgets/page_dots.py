"""The row of dots under the slides: how many slides there are and which one is showing."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class PageDots(QWidget):
    """Where the patient is in the slide loop: one dot per slide, the current one filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._current = 0
        self.active = QColor("#0B5563")
        self.inactive = QColor("#8A9AA2")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(24)

    def set_state(self, count: int, current: int) -> None:
        self._count, self._current = count, current
        self.setAccessibleName(f"{current + 1} / {count}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._count * 36, 28)

    def paintEvent(self, _event: object) -> None:
        if not self._count:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.height() * 0.6, self.width() / (self._count * 2))
        gap = d
        total = self._count * d + (self._count - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - d) / 2
        for i in range(self._count):
            rect = QRectF(x + i * (d + gap), y, d, d)
            if i == self._current:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self.active)
                p.drawEllipse(rect.adjusted(-d * 0.2, -d * 0.2, d * 0.2, d * 0.2))
            else:
                p.setPen(self.inactive)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(rect.adjusted(1, 1, -1, -1))
