"""The QR code's old home: it moved to kiosk.qt.widgets.qr (CODES, issue 13); re-exported for existing importers."""

from kiosk.qt.widgets.qr import QrCodeView, paint_qr

__all__ = ["QrCodeView", "paint_qr"]
