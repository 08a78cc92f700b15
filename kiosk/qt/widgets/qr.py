"""QR codes for patients' phones: segno's matrix painted pixel-sharp (paint_qr), the square QrCodeView, and the
cards that say what a code does before it is scanned (CodeCard, and SmsCodeCard: "Rather use your own phone?").

Size and error level: error correction M (15 %), quiet zone of 4 modules always kept, and at least 3 device pixels
per module (about 0.8 mm on a 24" 1080p screen), so a phone camera reads the code from arm's length; screens give
the code more when they have room (CodeCard.preferred_code_px).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QTransform
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from kiosk.core.contact import SmsWords, phone_digits, sms_message, sms_payload
from kiosk.qt.widgets.icons import safe_icon
from kiosk.qt.widgets.labels import WrappingLabel

if TYPE_CHECKING:
    from kiosk.core.theme import Theme
    from kiosk.qt.state import KioskState


@lru_cache(maxsize=16)
def _qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    # micro=False: segno would pick a Micro QR for short data, which most phone cameras cannot read.
    # UTF-8 for anything beyond ASCII: segno would otherwise write Latin-1 for "á", which phones guess wrongly.
    import segno  # here, not at the top: it pulls in urllib, http and email, a tenth of the kiosk's start-up

    qr = segno.make(data, error="m", micro=False, encoding=None if data.isascii() else "utf-8")
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


def qr_modules(data: str) -> int:
    """Side of `data`'s code in modules, quiet zone included."""
    return len(_qr_matrix(data)) + 2 * QR_QUIET_ZONE if data else 0


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



MIN_PX_PER_MODULE = 3  # the least a phone reads at arm's length on a kiosk screen
GOOD_PX_PER_MODULE = 6  # what a screen gives when it has room (1080p): read without leaning in
MAX_PX_PER_MODULE = 10  # beyond this a bigger code reads no better, it only takes room


class QrCodeView(QWidget):
    """A square QR code that scales with the widget. Always dark on light: scanners need that contrast."""

    def __init__(self, data: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        self.preferred_side = 0  # 0: from the module count; a CodeCard sets the side it wants
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_data(data)

    def data(self) -> str:
        return self._data

    def set_data(self, data: str, description: str | None = None) -> None:
        """The code's text; `description` is what assistive technology hears (default: the text itself)."""
        self._data = data
        if not self.accessibleName():
            self.setAccessibleName("QR code")
        self.setAccessibleDescription(data if description is None else description)
        self.updateGeometry()
        self.update()

    def modules(self) -> int:
        """Side of the code in modules, quiet zone included."""
        return qr_modules(self._data)

    def sizeHint(self) -> QSize:
        side = self.preferred_side or max(240, self.modules() * GOOD_PX_PER_MODULE)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = max(96, self.modules() * 2)  # two pixels per module is the least a phone reads held close
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


class CodeCard(QFrame):
    """A QR code with what it does: an icon and a heading (what you get), a caption (how), then the code.

    Beside (landscape, little height): text on the left, code on the right. Otherwise the text sits above the code.
    The screen sets the code's side (set_code_side) and calls apply_theme() when the look changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.icon_label = QLabel(self)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.heading = WrappingLabel("", self, role="heading")
        self.caption = WrappingLabel("", self, role="body")
        self.code = QrCodeView("", self)
        self._icon_name = "fa5s.qrcode"
        self._icon_colour = "#0B5563"
        self._icon_px = 48
        self._text_box = QGridLayout()
        self._text_box.addWidget(self.icon_label, 0, 0)
        self._text_box.addWidget(self.heading, 0, 1)
        self._text_box.addWidget(self.caption, 1, 0, 1, 2)
        self._text_box.setColumnStretch(1, 1)
        self._text_box.setRowStretch(2, 1)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.addLayout(self._text_box, 0)
        self.box.addWidget(self.code, 1, Qt.AlignmentFlag.AlignCenter)
        self.side = 240
        self.set_code_side(240)

    def set_code(self, data: str, heading: str, caption: str, icon_name: str, description: str = "") -> None:
        """What the code holds and what the patient reads about it (icon: a qtawesome name)."""
        self.heading.setText(heading)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.code.setAccessibleName(heading)
        self.code.set_data(data, description or caption or heading)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(caption)
        if icon_name != self._icon_name:
            self._icon_name = icon_name
            self._paint_icon()

    def data(self) -> str:
        return self.code.data()

    def minimumSizeHint(self) -> QSize:
        # Only the smallest code: the words' least height is taken at their least width (a word a line), and a
        # screen that is turning lays out for a moment the other way round; either would make the window larger
        # than the screen. Screens size the words and the code themselves (their fit()).
        m = self.box.contentsMargins()
        least = self.min_code_px()
        return QSize(least + m.left() + m.right(), least + m.top() + m.bottom())

    def set_beside(self, beside: bool) -> None:
        """Beside: words on the left taking the width, code on the right. Else words on top, code centred below."""
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        self.box.setStretch(0, 1 if beside else 0)
        self.box.setStretch(1, 0 if beside else 1)

    def set_code_side(self, px: int) -> None:
        """Side of the code in device pixels, quiet zone included; never below MIN_PX_PER_MODULE per module."""
        least = self.min_code_px()
        side = max(px, least)
        self.side = side
        # Not a fixed size: while the screen turns (a landscape layout at a portrait size for a moment), the code
        # may be drawn smaller for that moment rather than make the window wider. It asks for `side` and gets it.
        self.code.preferred_side = side
        self.code.setMinimumSize(least, least)
        self.code.setMaximumSize(side, side)
        self.code.updateGeometry()

    def min_code_px(self) -> int:
        return max(96, self.code.modules() * MIN_PX_PER_MODULE)

    def preferred_code_px(self, theme: Theme) -> int:
        """A comfortable side for this screen: about 6 px per module at 1080p, never less than the minimum."""
        return max(self.min_code_px(), round(self.code.modules() * GOOD_PX_PER_MODULE * theme.unit))

    def grow_code(self, fits: Callable[[], bool], card_width: int, theme: Theme) -> None:
        """Make the code larger while `fits()` stays true, up to 10 px per module and the card's width (beside:
        the width its words leave). A screen calls this once its words have their size, to use the room left."""
        m = self.box.contentsMargins()
        widest = card_width - m.left() - m.right()
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            widest -= theme.body_px * 12 + self.box.spacing()
        limit = min(widest, self.code.modules() * MAX_PX_PER_MODULE)
        side = self.side
        while side < limit:
            bigger = min(limit, round(side * 1.08) + 1)
            self.set_code_side(bigger)
            if not fits():
                self.set_code_side(side)
                return
            side = bigger

    def narrow_width(self, theme: Theme) -> int:
        """The least comfortable width above the code: the code, or twelve body-sized characters for the words."""
        m = self.box.contentsMargins()
        return max(self.side, theme.body_px * 12) + m.left() + m.right()

    def apply_theme(self, theme: Theme) -> None:
        """Icon size and colour, spacing: they follow the text size and the colours."""
        self._icon_colour = theme.palette.primary
        self._icon_px = round(theme.body_px * 1.8)
        pad = theme.px(24)
        self.box.setContentsMargins(pad, pad, pad, pad)
        self.box.setSpacing(pad)
        self._text_box.setHorizontalSpacing(theme.px(16))
        self._text_box.setVerticalSpacing(theme.px(8))
        self._paint_icon()

    def _paint_icon(self) -> None:
        side = self._icon_px
        self.icon_label.setPixmap(safe_icon(self._icon_name, self._icon_colour).pixmap(side, side))
        self.icon_label.setFixedWidth(side + 4)


class SmsCodeCard(CodeCard):
    """"Rather use your own phone?": a code that opens the patient's messaging app with a text to the clinic, in
    the patient's language, listing the ticked symptoms. Nothing is typed or stored on the kiosk.

    Hidden while clinic.sms_number is not set (`offered` is then False): screens lay out around `offered` and never
    show or hide the card themselves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: KioskState | None = None
        self.symptoms: tuple[str, ...] = ()
        self.set_code("", "", "", "fa5s.sms")

    def bind(self, state: KioskState) -> None:
        """Follow the kiosk's language (texts, message) and look (icon) from now on."""
        self.state = state
        state.language_changed.connect(self.refresh)
        state.appearance_changed.connect(lambda: self.apply_theme(state.theme))
        self.apply_theme(state.theme)
        self.refresh()

    @property
    def offered(self) -> bool:
        return self.state is not None and bool(phone_digits(self.state.config.clinic.sms_number))

    def show_symptoms(self, symptoms: tuple[str, ...]) -> None:
        """The ticked symptom ids, in checklist order (empty: the message just asks for the call)."""
        self.symptoms = tuple(symptoms)
        self.refresh()

    def reset(self) -> None:
        self.show_symptoms(())

    def message(self) -> str:
        """The SMS text in the current language (at most 160 characters)."""
        if self.state is None:
            return ""
        labels = self.state.content.symptom_labels()
        words = SmsWords(
            with_symptoms=self.tr("Hello, please call me for a free phone assessment. My symptoms: {symptoms}"),
            without_symptoms=self.tr("Hello, please call me for a free phone assessment."),
            more=self.tr("+{count} more", "ends a shortened list of symptoms in a text message"),
            separator=self.tr(", ", "between two symptoms in a text message"),
        )
        return sms_message(words, [labels.get(sid, "") for sid in self.symptoms])

    def refresh(self) -> None:
        offered = self.offered
        if offered and self.state is not None:
            payload = sms_payload(self.state.config.clinic.sms_number, self.message())
            self.set_code(payload, self.tr("Rather use your own phone?"),
                          self.tr("Scan with your camera: a text to the clinic is ready to send."),
                          "fa5s.sms", self.tr("Opens your phone's messages with a text to the clinic"))
            self.set_code_side(self.side)  # a longer message can need more modules
        self.setVisible(offered)
