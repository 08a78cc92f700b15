"""The QR code painter and view (the slide pictures are tested in tests/qt/test_pictures.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import segno
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.qt.widgets.qr import QrCodeView, paint_qr


@pytest.fixture(autouse=True)
def _qt_app(qapp):  # text layout needs a QGuiApplication even when painting into a QImage
    return qapp


# ----------------------------------------------------------------------------------------- QR


URL = "https://youtu.be/fvee-yJGME"


def test_qr_matrix_dimensions() -> None:
    qr = segno.make(URL, error="m", micro=False)
    assert not qr.is_micro
    assert len(qr.matrix) == 17 + 4 * qr.version
    assert all(len(row) == len(qr.matrix) for row in qr.matrix)


@pytest.mark.parametrize("data", [URL, "hi"])  # "hi" would be a Micro QR if we let segno choose
def test_paint_qr_draws_the_exact_modules_with_a_quiet_zone(data: str) -> None:
    matrix = segno.make(data, error="m", micro=False).matrix
    n = len(matrix)
    module = 5
    side = (n + 8) * module
    img = QImage(side + 7, side + 3, QImage.Format.Format_ARGB32)  # odd extra space: code is centred
    img.fill(QColor("#808080"))
    painter = QPainter(img)
    paint_qr(painter, data, QRectF(0, 0, img.width(), img.height()), QColor("black"), QColor("white"))
    painter.end()
    ox, oy = (img.width() - side) // 2, (img.height() - side) // 2
    dark_count = 0
    for r in range(n + 8):
        for c in range(n + 8):
            px = img.pixelColor(QPoint(ox + c * module + module // 2, oy + r * module + module // 2))
            expected_dark = 4 <= r < n + 4 and 4 <= c < n + 4 and bool(matrix[r - 4][c - 4])
            assert (px.lightness() < 128) == expected_dark, (r, c)
            dark_count += expected_dark
    assert dark_count > 0


def test_paint_qr_under_a_scaled_painter_still_has_dark_modules() -> None:
    img = QImage(301, 301, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.scale(1.37, 1.37)
    paint_qr(painter, URL, QRectF(0, 0, 219, 219), QColor("black"), QColor("white"))
    painter.end()
    dark = sum(img.pixelColor(x, y).lightness() < 80 for y in range(0, 300, 3) for x in range(0, 300, 3))
    assert dark > 500


def test_qr_view_geometry(qtbot) -> None:
    view = QrCodeView(URL)
    qtbot.addWidget(view)
    modules = len(segno.make(URL, error="m", micro=False).matrix) + 8
    assert view.modules() == modules
    assert view.hasHeightForWidth()
    assert view.heightForWidth(321) == 321
    assert view.sizeHint().width() == view.sizeHint().height()
    assert view.minimumSizeHint().width() >= 2 * modules
    view.resize(260, 260)
    img = view.grab().toImage()
    assert img.pixelColor(3, 3).lightness() > 200  # quiet zone
    view.set_data("https://example.org/a/much/longer/address/that/needs/a/bigger/code?x=1234567890")
    assert view.modules() > modules
    assert view.data().startswith("https://example.org/")
