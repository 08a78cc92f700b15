"""The attract loop: illustrated slides about the psoas that advance on their own."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterator

from PySide6.QtCore import QEasingCurve, QEvent, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.content import Slide
from kiosk.qt.pictures import IllustrationPalette, IllustrationView, QrCodeView
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order
from kiosk.qt.widgets.gestures import SwipeFilter
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.page_dots import PageDots
from kiosk.qt.widgets.toolbar import PatientToolbar

log = logging.getLogger(__name__)


class SlideView(QWidget):
    """One slide: picture beside the text in landscape, above it in portrait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = IllustrationView("skeleton", self)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = WrappingLabel(role="title")
        self.title.setAccessibleName("slide title")
        self.body = WrappingLabel(role="body")
        self.bullets = WrappingLabel(role="body")
        self.bullets.setTextFormat(Qt.TextFormat.RichText)
        self.qr = QrCodeView("https://example.invalid", self)
        self.qr_caption = WrappingLabel(role="heading")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        text = QVBoxLayout()
        text.setSpacing(18)
        text.setContentsMargins(0, 0, 0, 0)
        text.addStretch(1)
        text.addWidget(self.title)
        text.addWidget(self.body)
        text.addWidget(self.bullets)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr, 0)
        qr_row.addWidget(self.qr_caption, 1)
        text.addLayout(qr_row)
        text.addStretch(2)
        self.text_column = QWidget(self)
        self.text_column.setLayout(text)
        self.text_column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(32)
        self.box.addWidget(self.picture, 11)
        self.box.addWidget(self.text_column, 9)
        self.slide: Slide | None = None
        self._sizes = (52, 38, 24)
        self.current_body_px = 38
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
        self.body.setText(slide.body)
        # A real list so a wrapped bullet lines up under its first word, not under the dot.
        items = "".join(f"<li>{html.escape(b)}</li>" for b in slide.bullets)
        self.bullets.setText(f"<ul style='margin: 0; -qt-list-indent: 1;'>{items}</ul>")
        self.picture.set_illustration(slide.illustration)
        # The content file's labels for this slide win; any part it does not name gets the translated default.
        self.picture.set_labels({**self.default_labels(), **slide.labels})
        self.picture.setAccessibleName(slide.title)
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

    def default_labels(self) -> dict[str, str]:
        """Names of the parts a picture can label, in the patient's language (the screens' .ts translations).
        T12 and L5 are the names of vertebrae in every language."""
        return {
            "psoas": self.tr("Psoas"), "spine": self.tr("Spine"), "pelvis": self.tr("Pelvis"),
            "femur": self.tr("Thigh bone"), "diaphragm": self.tr("Diaphragm"), "disc": self.tr("Disc"),
            "organs": self.tr("Organs"), "stress": self.tr("Stress"),
            "front": self.tr("Front", "the body seen from the front"),
            "back": self.tr("Back", "the body seen from behind"),
        }

    def set_text_sizes(self, title_px: int, body_px: int, min_body_px: int) -> None:
        """Largest sizes the theme wants; fit_text() shrinks towards min_body_px when a slide has a lot to say."""
        self._sizes = (title_px, body_px, min_body_px)
        self.fit_text()

    def fit_text(self) -> None:
        title_px, body_px, min_body_px = self._sizes
        width = self.text_column.width() - 4
        available = self.text_column.height()
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
                return
            scale -= 0.06

    def _shown_labels(self) -> list[WrappingLabel]:
        """The labels this slide shows (decided by the slide, not by what is visible right now)."""
        slide = self.slide
        if slide is None:
            return [self.title]
        return [self.title, *([self.body] if slide.body else []), *([self.bullets] if slide.bullets else [])]

    def _apply_sizes(self, title_px: int, body_px: int) -> None:
        # A widget's own style sheet beats the application's, so these sizes win over the role defaults.
        self.title.setStyleSheet(f"font-size: {title_px}px;")
        for label in (self.body, self.bullets):
            label.setStyleSheet(f"font-size: {body_px}px;")
        self.qr_caption.setStyleSheet(f"font-size: {body_px}px; font-weight: 700;")
        self.current_body_px = body_px


    def set_portrait(self, portrait: bool) -> None:
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.box.setStretch(0, 3 if portrait else 11)
        self.box.setStretch(1, 2 if portrait else 9)
        # Landscape: text centred beside the picture. Portrait: text starts right under the picture.
        text = self.text_column.layout()
        text.setStretch(0, 0 if portrait else 1)

    def resizeEvent(self, event: object) -> None:
        qr_side = max(140, min(self.width(), self.height()) // 4)
        self.qr.setFixedSize(qr_side, qr_side)
        super().resizeEvent(event)


class FadeOverlay(QWidget):
    """Paints the previous slide on top of the new one with falling opacity: a cross-fade with no flicker."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pixmap = QPixmap()
        self.opacity = 0.0
        self.hide()

    def paintEvent(self, _event: object) -> None:
        if self.opacity <= 0 or self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setOpacity(self.opacity)
        painter.drawPixmap(0, 0, self.pixmap)


class EducationScreen(QWidget):
    """The loop patients see when nobody is using the kiosk."""

    screen_name = "education"
    check_symptoms = Signal()
    slide_changed = Signal(int)

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setProperty("screen", True)
        self.index = 0
        self.paused = False

        # Top: the clinic (name, phone) and the pause note on the left, the patient toolbar on the right.
        self.clinic = WrappingLabel(role="clinic")
        self.phone = WrappingLabel(role="muted")
        self.pause_note = WrappingLabel(role="muted")
        self.pause_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        keep = self.pause_note.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the slide below must not jump when the note comes and goes
        self.pause_note.setSizePolicy(keep)
        self.pause_note.hide()
        identity = QVBoxLayout()
        identity.setContentsMargins(0, 0, 0, 0)
        identity.setSpacing(0)
        identity.addWidget(self.clinic)
        identity.addWidget(self.phone)
        self.header_left = QWidget()
        top = QHBoxLayout(self.header_left)
        top.setContentsMargins(0, 0, 0, 0)
        self.logo = QLabel()
        self.logo.setAccessibleName(self.state.config.clinic.name)
        self._logo_image = QPixmap(self.state.config.clinic.logo) if self.state.config.clinic.logo else QPixmap()
        self.logo.setVisible(not self._logo_image.isNull())
        if self.state.config.clinic.logo and self._logo_image.isNull():
            log.warning("clinic.logo %s is not an image Qt can read (PNG, JPG or SVG); no logo shown",
                        self.state.config.clinic.logo)
        top.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addLayout(identity, 3)  # the clinic's name on one line where it can
        top.addWidget(self.pause_note, 2)
        self.top_bar = top
        self.toolbar = PatientToolbar(state)
        self.toolbar.used.connect(self.pause)  # a patient changing the language or text size wants to read
        self.header = ScreenHeader(left=self.header_left, toolbar=self.toolbar)

        self.stage = QWidget(self)
        self.slide_view = SlideView(self.stage)
        stage_layout = QVBoxLayout(self.stage)
        stage_layout.setContentsMargins(0, 0, 0, 0)
        stage_layout.addWidget(self.slide_view)
        self.fade = FadeOverlay(self.stage)
        self.stage.installEventFilter(self)  # the fade always covers exactly the stage
        self.swipe = SwipeFilter(self.stage)
        self.swipe.swiped.connect(self._on_swipe)
        self.swipe.tapped.connect(self.pause)

        self.prev_button = TouchButton("", role="ghost", icon="fa5s.chevron-left")
        self.next_button = TouchButton("", role="ghost", icon="fa5s.chevron-right")
        self.dots = PageDots()
        self.cta = TouchButton("", role="cta", icon="fa5s.clipboard-check")
        self.prev_button.clicked.connect(lambda: self._step(-1, by_patient=True))
        self.next_button.clicked.connect(lambda: self._step(1, by_patient=True))
        self.cta.clicked.connect(self.check_symptoms)
        self.nav = QHBoxLayout()
        self.nav.addWidget(self.prev_button)
        self.nav.addWidget(self.dots, 1)
        self.nav.addWidget(self.next_button)
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.addLayout(self.nav, 1)
        self.bottom.addWidget(self.cta, 1)

        root = QVBoxLayout(self)
        root.addWidget(self.header)
        root.addWidget(self.stage, 1)
        root.addLayout(self.bottom)
        self.root_layout = root

        self.advance_timer = QTimer(self)
        self.advance_timer.setSingleShot(True)
        self.advance_timer.timeout.connect(lambda: self._step(1, by_patient=False))
        self.resume_timer = QTimer(self)
        self.resume_timer.setSingleShot(True)
        self.resume_timer.timeout.connect(self.resume)
        self.fade_anim = QVariantAnimation(self)
        self.fade_anim.setStartValue(1.0)
        self.fade_anim.setEndValue(0.0)
        self.fade_anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.fade_anim.valueChanged.connect(self._on_fade)
        self.fade_anim.finished.connect(self.fade.hide)

        state.language_changed.connect(self.retranslate)
        state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()
        set_focus_order([*self.toolbar.buttons(), self.prev_button, self.next_button, self.cta])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.stage and event.type() == QEvent.Type.Resize:
            self.fade.setGeometry(self.stage.rect())
        return False

    # ---- text and looks -----------------------------------------------------------------------------------
    @property
    def slides(self) -> tuple[Slide, ...]:
        return self.state.content.slides

    def retranslate(self) -> None:
        clinic = self.state.config.clinic
        self.clinic.setText(clinic.name)
        self.phone.setText(clinic.phone)
        self.phone.setVisible(bool(clinic.phone))
        self.cta.setText(self.tr("Check my symptoms"))
        self.cta.setAccessibleDescription(self.tr("Tick the symptoms you have, then ask for a free phone call"))
        self.prev_button.setText("")
        self.prev_button.setAccessibleName(self.tr("Previous"))
        self.prev_button.setAccessibleDescription(self.tr("Show the previous slide"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setAccessibleDescription(self.tr("Show the next slide"))
        self.pause_note.setText(self.tr("Paused — the slides go on by themselves soon"))
        self.index = min(self.index, len(self.slides) - 1)
        self.slide_view.show_slide(self.slides[self.index])
        self.dots.set_state(len(self.slides), self.index)

    def apply_appearance(self) -> None:
        theme = self.state.theme
        if not self._logo_image.isNull():
            # Scaled from the original each time so the logo stays crisp on every screen size.
            height = theme.px(72)
            self.logo.setPixmap(self._logo_image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation))
        palette = IllustrationPalette.high_contrast() if theme.high_contrast else IllustrationPalette()
        self.slide_view.picture.set_palette_(palette)
        self.dots.active = QColor(theme.palette.primary)
        self.dots.inactive = QColor(theme.palette.muted_text)
        for button in (self.prev_button, self.next_button):
            button.setMinimumSize(theme.touch_px * 3 // 2, theme.touch_px)
            button.refresh_icon(theme.palette.primary)
        self.cta.setMinimumHeight(round(theme.touch_px * 1.2))
        self.cta.refresh_icon(theme.palette.on_accent)
        self.cta.set_icon_px(theme.px(44, text=True))
        for button in (self.prev_button, self.next_button):
            button.set_icon_px(theme.px(48))
        body = theme.body_px
        self.slide_view.set_text_sizes(round(body * 1.75), round(body * 1.3), body)
        self.dots.setMinimumHeight(theme.px(28))
        self.header.set_spacing(theme.px(16))
        self.update()

    def resizeEvent(self, event: object) -> None:
        portrait = self.height() > self.width()
        self.slide_view.set_portrait(portrait)
        self.bottom.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        super().resizeEvent(event)

    # ---- the loop -------------------------------------------------------------------------------------------
    def start(self, from_first: bool = False) -> None:
        """Called whenever the loop comes on screen."""
        if from_first:
            self.show_index(0, animate=False)
        self.paused = False
        self.pause_note.hide()
        self.resume_timer.stop()
        self._schedule()

    def stop(self) -> None:
        self.advance_timer.stop()
        self.resume_timer.stop()

    def _schedule(self) -> None:
        seconds = self.slides[self.index].seconds * self.state.config.slides.speed
        self.advance_timer.start(max(1, int(seconds * 1000)))

    def show_index(self, index: int, animate: bool = True) -> None:
        index %= len(self.slides)
        duration = self.state.config.slides.transition_ms
        if animate and duration > 0 and self.isVisible() and self.stage.width() > 0:
            self.fade.pixmap = self.stage.grab()
            self.fade.opacity = 1.0
            self.fade.setGeometry(self.stage.rect())
            self.fade.show()
            self.fade.raise_()
            self.fade_anim.stop()
            self.fade_anim.setDuration(duration)
            self.fade_anim.start()
        elif self.fade.isVisible():  # a jump without animation: no old slide fading out on top of the new one
            self.fade_anim.stop()
            self.fade.hide()
        self.index = index
        self.slide_view.show_slide(self.slides[index])
        self.dots.set_state(len(self.slides), index)
        self.slide_changed.emit(index)

    def _on_fade(self, value: float) -> None:
        self.fade.opacity = float(value)
        self.fade.update()

    def _step(self, delta: int, by_patient: bool) -> None:
        self.show_index(self.index + delta)
        if by_patient:
            self.pause()
        elif not self.paused:
            self._schedule()

    def _on_swipe(self, direction: int) -> None:
        self._step(direction, by_patient=True)

    def pause(self) -> None:
        """A tap holds the current slide so the patient can read; the loop resumes after a quiet spell."""
        self.paused = True
        self.advance_timer.stop()
        self.pause_note.show()
        self.resume_timer.start(int(self.state.config.slides.resume_after_seconds * 1000))

    def resume(self) -> None:
        self.paused = False
        self.pause_note.hide()
        self._schedule()

    # ---- flow hooks -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        self.stop()
        self.show_index(0, animate=False)

    def screenshot_variants(self) -> Iterator[str]:
        self.stop()
        for i, slide in enumerate(self.slides):
            self.show_index(i, animate=False)
            yield f"slide-{i + 1:02d}-{slide.id}"
