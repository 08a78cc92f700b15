"""The slide pictures (SVG files rendered with QtSvg, labelled and animated by layers) and the QR code.

`document` reads a picture file into still runs and moving groups in the normal or high-contrast look, `labels`
lays out and draws the translated labels with their leader lines, `view` is the PictureView widget the slide shows
(pixmap cache, animation while visible), and `qr` draws QR codes. The colour table, the motion data and the
checks `check` runs are plain Python in kiosk.core.pictures.
"""

from __future__ import annotations

from kiosk.qt.pictures.document import PictureDocument, load_picture
from kiosk.qt.pictures.qr import QrCodeView, paint_qr
from kiosk.qt.pictures.view import PictureView


class IllustrationPalette:
    """Old name the education screen still passes to PictureView.set_palette_: only says which look."""

    def __init__(self, high: bool = False) -> None:
        self.high = high

    @classmethod
    def high_contrast(cls) -> IllustrationPalette:
        return cls(True)


__all__ = ["IllustrationPalette", "PictureDocument", "PictureView", "QrCodeView", "load_picture", "paint_qr"]
