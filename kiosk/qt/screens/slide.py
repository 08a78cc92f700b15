"""One slide of the education loop: its picture beside its text (above it in portrait), with the text fitted.

Its widgets are ui/slide.ui, the picture included (a PictureView showing the SVG file the content names); the QR
code is drawn from the slide's data, so it is added here, in front of its caption. The education screen keeps two:
the one on show and a hidden one where the next slide is made ready (`prepare`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QPaintDevice, QRegion, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.core.content import Slide
from kiosk.core.theme import Theme
from kiosk.qt.forms.ui_slide import Ui_SlideView
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.qr import QrCodeView

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size


class SlideView(QWidget, Ui_SlideView):
    """One slide: picture beside the text in landscape, above it in portrait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.qr = QrCodeView("https://example.invalid", self.text_column)
        self.qr_row.insertWidget(0, self.qr, 0)
        self.slide: Slide | None = None
        self._sizes = (52, 38, 24)
        self.current_body_px = 38
        self._applied: tuple[int, int] | None = None
        self._portrait = False  # the sizes the labels' style sheets hold now
        # The text column changes size after the fact (window turned, toolbar or buttons restyled): fit again then.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_text)
        self.text_column.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.text_column and event.type() == QEvent.Type.Resize:
            self._refit.start()
        return False

    def show_slide(self, slide: Slide) -> None:
        self.slide = slide
        self.title.setText(slide.title)
        self.title.setAccessibleName(slide.title)  # a screen reader hears the title's own words
        self.body.setText(slide.body)
        # A real list so a wrapped bullet lines up under its first word, not under the dot.
        items = "".join(f"<li>{html.escape(b)}</li>" for b in slide.bullets)
        self.bullets.setText(f"<ul style='margin: 0; -qt-list-indent: 1;'>{items}</ul>")
        self.picture.set_picture(slide.picture_path, slide.labels, slide.picture_description or slide.title)
        has_qr = bool(slide.qr_url)
        if has_qr:
            self.qr.set_data(slide.qr_url)
            self.qr_caption.setText(slide.qr_caption)
            self.qr.setAccessibleName(slide.qr_caption)
        # Fit first, show or hide afterwards: showing a label lays the window out at once, and with the new words
        # still at the previous slide's size a long slide would ask for more height than the screen has.
        self.fit_text()
        self.body.setVisible(bool(slide.body))
        self.bullets.setVisible(bool(slide.bullets))
        self.qr.setVisible(has_qr)
        self.qr_caption.setVisible(has_qr)

    def prepare(self, slide: Slide, rect: QRect, image: QPaintDevice, at: QPoint) -> None:
        """While hidden: show `slide` laid out at `rect` (the live slide's place), its text fitted, as it will look
        once shown there, and render it into `image` at `at`. Qt lays out a hidden widget only when it is shown or
        rendered, and the fit needs the text column's size first."""
        self.setGeometry(rect)
        self._size_qr()
        self._lay_out()
        self.show_slide(slide)
        # Its motion starts from the beginning (it would for a new picture anyway): the live picture is put back
        # to exactly this pose when the fade ends, whatever the lengths of its groups' loops.
        self.picture.set_phase(0.0)
        column = self.text_column.size()
        self._lay_out()  # the new words may move the line between picture and text
        if self.text_column.size() != column:
            self.fit_text()
        self.render(image, at, QRegion(), QWidget.RenderFlag.DrawChildren)
        # Rendering lays the text column out, which asks this view to lay out again: done now, not when it shows;
        # and the fit its resize asked for is done already.
        self._lay_out()
        self._refit.stop()

    def _lay_out(self) -> None:
        self.box.invalidate()
        self.box.activate()

    def apply_theme(self, theme: Theme) -> None:
        """The picture in the theme's look: high contrast recolours it; labels in the theme's text colours."""
        self.picture.set_high_contrast(theme.high_contrast)
        self.picture.set_colours(theme.palette.background, theme.palette.text)

    def set_text_sizes(self, title_px: int, body_px: int, min_body_px: int) -> None:
        """Largest sizes the theme wants; fit_text() shrinks towards min_body_px when a slide has a lot to say.
        Picture labels are body text at its smallest size: never below the minimum, readable from a metre away."""
        self._sizes = (title_px, body_px, min_body_px)
        self.picture.set_label_px(min_body_px)
        self.fit_text()

    def fit_text(self) -> None:
        title_px, body_px, min_body_px = self._sizes
        width = self.text_column.width() - 4
        available = self._text_room()
        if width <= 0 or available <= 0:
            return
        scale = 1.0
        while True:
            body = max(min_body_px, round(body_px * scale))
            title = max(round(min_body_px * 1.3), round(title_px * scale))
            self._apply_sizes(title, body)
            needed = sum(w.heightForWidth(width) + 18 for w in self._shown_labels())
            if self.slide is not None and self.slide.qr_url:
                needed += self.qr.height() + 18
            if needed <= available or body <= min_body_px:
                break
            scale -= 0.06
        # Portrait: the text column is only as tall as its words, and the picture above it takes the rest of the
        # slide instead of an empty band under a short text. Landscape: side by side, the column keeps its share.
        self.text_column.setMaximumHeight(max(needed, 1) if self._portrait else QWIDGETSIZE_MAX)

    def _text_room(self) -> int:
        """The height the text may take: in portrait its share of the slide (the column itself may be capped at the
        last slide's words), beside the picture the column's own height."""
        if not self._portrait:
            return self.text_column.height()
        margins = self.box.contentsMargins()
        return (self.height() - margins.top() - margins.bottom() - self.box.spacing()) * 2 // 5

    def _shown_labels(self) -> list[WrappingLabel]:
        """The labels this slide shows (decided by the slide, not by what is visible right now)."""
        slide = self.slide
        if slide is None:
            return [self.title]
        return [self.title, *([self.body] if slide.body else []), *([self.bullets] if slide.bullets else [])]

    def _apply_sizes(self, title_px: int, body_px: int) -> None:
        # A widget's own style sheet beats the application's, so these sizes win over the role defaults.
        # Restyling four labels costs milliseconds on every slide change; most slides keep the sizes they had.
        if self._applied == (title_px, body_px):
            return
        self._applied = (title_px, body_px)
        self.title.setStyleSheet(f"font-size: {title_px}px;")
        for label in (self.body, self.bullets):
            label.setStyleSheet(f"font-size: {body_px}px;")
        self.qr_caption.setStyleSheet(f"font-size: {body_px}px; font-weight: 700;")
        self.current_body_px = body_px

    def set_portrait(self, portrait: bool) -> None:
        self._portrait = portrait
        if not portrait:
            self.text_column.setMaximumHeight(QWIDGETSIZE_MAX)  # beside the picture the column keeps its share
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.box.setStretch(0, 3 if portrait else 11)
        self.box.setStretch(1, 2 if portrait else 9)
        # Landscape: text centred beside the picture. Portrait: text starts right under the picture.
        self.text_layout.setStretch(0, 0 if portrait else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._size_qr()
        super().resizeEvent(event)

    def _size_qr(self) -> None:
        qr_side = max(140, min(self.width(), self.height()) // 4)
        self.qr.setFixedSize(qr_side, qr_side)
