"""The QR code: a pixel-snapped vector painter (paint_qr) and the square QrCodeView widget."""

from __future__ import annotations

import math
from functools import lru_cache

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget


@lru_cache(maxsize=16)
def _qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    # micro=False: segno would pick a Micro QR for short data, which most phone cameras cannot read.
    qr = segno.make(data, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


QR_QUIET_ZONE = 4  # modules of light border the QR standard asks for


def paint_qr(painter: QPainter, data: str, rect: QRectF, dark: QColor, light: QColor) -> None:
    """Draw `data` as a QR code (error level M) with its quiet zone, as large as fits in `rect`, centred.

    Modules are snapped to whole device pixels whenever the painter is not rotated or scaled and the code is
    at least one pixel per module, so edges stay razor sharp for phone cameras.
    """
    matrix = _qr_matrix(data)
    n = len(matrix)
    total = n + 2 * QR_QUIET_ZONE
    rect = QRectF(rect)
    side = min(rect.width(), rect.height())
    if side <= 0:
        return
    module = side / total
    x0 = rect.x() + (rect.width() - side) / 2
    y0 = rect.y() + (rect.height() - side) / 2
    t = painter.worldTransform()
    # .value: PySide6 enums are not ordered (comparing them raises TypeError inside paintEvent).
    if t.type().value <= QTransform.TransformationType.TxTranslate.value and module >= 1:
        module = math.floor(module)
        x0 = round(rect.x() + (rect.width() - module * total) / 2 + t.dx()) - t.dx()
        y0 = round(rect.y() + (rect.height() - module * total) / 2 + t.dy()) - t.dy()
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:  # one rectangle per horizontal run of dark modules
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.addRect(QRectF(x0 + (QR_QUIET_ZONE + start) * module, y0 + (QR_QUIET_ZONE + r) * module,
                                    (c - start) * module, module))
            else:
                c += 1
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(x0, y0, module * total, module * total), light)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillPath(path, dark)
    painter.restore()


class QrCodeView(QWidget):
    """A square QR code that scales with the widget. Always dark on light: scanners need that contrast."""

    def __init__(self, data: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_data(data)

    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        self._data = data
        self.setAccessibleName("QR code")
        self.setAccessibleDescription(data)
        self.updateGeometry()
        self.update()

    def modules(self) -> int:
        """Side of the code in modules, quiet zone included."""
        return len(_qr_matrix(self._data)) + 2 * QR_QUIET_ZONE if self._data else 0

    def sizeHint(self) -> QSize:
        side = max(240, self.modules() * 6)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = max(96, self.modules() * 2)  # two pixels per module is the least a phone reliably reads
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._data:
            return
        painter = QPainter(self)
        paint_qr(painter, self._data, QRectF(self.rect()), QColor("#000000"), QColor("#FFFFFF"))
        painter.end()
