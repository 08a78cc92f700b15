"""The attract loop: illustrated slides about the psoas that advance on their own.

Its widgets are ui/education.ui (one slide is ui/slide.ui, kiosk/qt/screens/slide.py). The loop's own timers
(next slide, end of a pause) are the screen's; Flow decides when the screen is left.

A slide change fades between two still images of the whole slide area, taken once when the change starts: the
outgoing slide fades into the background, then the incoming one out of it. Text never lies on text, and during
the fade nothing live is painted (the opaque fade covers the slide, so Qt does not draw its labels and picture).
The incoming image is taken over the fade's first frames (the words, then the picture): it is needed only from the
fade's middle, and each frame stays short.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QRect, QSizeF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QRegion, QResizeEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QWidget

from kiosk.core.content import Slide
from kiosk.qt.forms.ui_education import Ui_EducationScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order
from kiosk.qt.widgets.gestures import SwipeFilter

log = logging.getLogger(__name__)


class SlideFade(QWidget):
    """Covers the slide area during a slide change and paints only two still images of it: the outgoing one fading
    into the background over the first half (`progress` 0 to 0.5), the incoming one out of it over the second.

    Opaque, so Qt paints nothing of the live slide under it; taps go through to the slide (swipes, arrows)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.area = parent
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.outgoing = QPixmap()
        self.incoming = QPixmap()
        self.background = QColor(Qt.GlobalColor.white)
        self.progress = 0.0
        self.hide()

    def begin(self, outgoing: QPixmap, incoming: QPixmap, background: QColor) -> None:
        self.outgoing, self.incoming, self.background = outgoing, incoming, background
        self.progress = 0.0
        self.setGeometry(self.area.rect())
        self.show()
        self.raise_()

    def set_progress(self, progress: float) -> None:
        self.progress = progress
        self.update()

    def finish(self) -> list[QPixmap]:
        """Hide, and hand back the images (for reuse: a fresh screen-sized image costs more than filling one)."""
        self.hide()
        images = [i for i in (self.outgoing, self.incoming) if not i.isNull()]
        self.outgoing = self.incoming = QPixmap()
        return images

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.background)
        image, opacity = ((self.outgoing, 1 - 2 * self.progress) if self.progress < 0.5
                          else (self.incoming, 2 * self.progress - 1))
        if opacity > 0 and not image.isNull():
            painter.setOpacity(min(1.0, opacity))
            painter.drawPixmap(0, 0, image)
        painter.end()


class EducationScreen(Screen, Ui_EducationScreen):
    """The loop patients see when nobody is using the kiosk. Signals `check_symptoms()` on a tap on the
    call to action and `slide_changed(index)` whenever another slide comes up."""

    screen_name = "education"
    check_symptoms = Signal()
    slide_changed = Signal(int)

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.index = 0
        self.paused = False

        keep = self.pause_note.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the slide below must not jump when the note comes and goes
        self.pause_note.setSizePolicy(keep)
        self.pause_note.hide()
        clinic = state.config.clinic
        self.logo.setAccessibleName(clinic.name)
        self._logo_image = QPixmap(clinic.logo) if clinic.logo else QPixmap()
        self.logo.setVisible(not self._logo_image.isNull())
        if clinic.logo and self._logo_image.isNull():
            log.warning("clinic.logo %s is not an image Qt can read (PNG, JPG or SVG); no logo shown", clinic.logo)
        self.toolbar.bind(state)
        self.toolbar.used.connect(self.pause)  # a patient changing the language or text size wants to read
        self.header.attach(self.header_left, self.toolbar)

        self.fade = SlideFade(self.stage)
        self._incoming_steps: list[Callable[[], None]] = []  # what is left to take of the incoming image
        self._incoming_phase: float | None = None  # where the picture's motion was when its image was taken
        # The slide on show, taken in a quiet moment (prepare_next): the next fade starts from it with only the
        # picture painted afresh (it may move). Valid while the key (slide, words, look, size) still holds.
        self._steady: tuple[tuple[object, ...], QPixmap] | None = None
        self._spare_images: list[QPixmap] = []  # images of past fades, filled again for the next ones
        self.stage.installEventFilter(self)  # the fade always covers exactly the stage
        self.swipe = SwipeFilter(self.stage)
        self.swipe.swiped.connect(self._on_swipe)
        self.swipe.tapped.connect(self.pause)
        self.prev_button.clicked.connect(lambda: self._step(-1, by_patient=True))
        self.next_button.clicked.connect(lambda: self._step(1, by_patient=True))
        self.cta.clicked.connect(self.check_symptoms)

        self.advance_timer = QTimer(self)
        self.advance_timer.setSingleShot(True)
        self.advance_timer.timeout.connect(lambda: self._step(1, by_patient=False))
        self.resume_timer = QTimer(self)
        self.resume_timer.setSingleShot(True)
        self.resume_timer.timeout.connect(self.resume)
        # Once a slide is on screen (its fade over), the next slide's picture is rendered ahead, in a quiet moment,
        # so that the slide change itself only lays out words and shows images already made.
        self.prepare_timer = QTimer(self)
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.timeout.connect(self.prepare_next)
        self.fade_anim = QVariantAnimation(self)
        self.fade_anim.setStartValue(0.0)
        self.fade_anim.setEndValue(1.0)
        self.fade_anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.fade_anim.valueChanged.connect(self._on_fade)
        self.fade_anim.finished.connect(self._end_fade)

        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.prev_button, self.next_button, self.cta])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        stage: QWidget = self.stage
        if obj is stage and event.type() == QEvent.Type.Resize:
            self.fade.setGeometry(stage.rect())
        return False

    # ---- text and looks -----------------------------------------------------------------------------------
    @property
    def slides(self) -> tuple[Slide, ...]:
        return self.state.content.slides

    def retranslate(self) -> None:
        super().retranslate()
        clinic = self.state.config.clinic
        self.clinic.setText(clinic.name)
        self.phone.setText(clinic.phone)
        self.phone.setVisible(bool(clinic.phone))
        self.index = min(self.index, len(self.slides) - 1)
        self.slide_view.show_slide(self.slides[self.index])  # the pictures' labels follow the language
        self.dots.set_state(len(self.slides), self.index)

    def apply_appearance(self) -> None:
        theme = self.state.theme
        if not self._logo_image.isNull():
            # Scaled from the original each time so the logo stays crisp on every screen size.
            height = theme.px(72)
            self.logo.setPixmap(self._logo_image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation))
        self.slide_view.apply_theme(theme)
        self.dots.active = QColor(theme.palette.primary)
        self.dots.inactive = QColor(theme.palette.muted_text)
        for button in (self.prev_button, self.next_button):
            button.setMinimumSize(theme.touch_px * 3 // 2, theme.touch_px)
            button.set_icon_px(theme.px(48))
        self.cta.setMinimumHeight(round(theme.touch_px * 1.2))
        self.cta.set_icon_px(theme.px(44, text=True))
        body = theme.body_px
        self.slide_view.set_text_sizes(round(body * 1.75), round(body * 1.3), body)
        self.dots.setMinimumHeight(theme.px(28))
        self.header.set_spacing(theme.px(16))
        self.update()
        super().apply_appearance()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.prev_button, "primary"), (self.next_button, "primary"), (self.cta, "on_accent")]

    def resizeEvent(self, event: QResizeEvent) -> None:
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
        self.prepare_timer.stop()

    def _schedule(self) -> None:
        seconds = self.slides[self.index].seconds * self.state.config.slides.speed
        self.advance_timer.start(max(1, int(seconds * 1000)))

    def show_index(self, index: int, animate: bool = True) -> None:
        index %= len(self.slides)
        duration = self.state.config.slides.transition_ms
        fading = animate and duration > 0 and self.isVisible() and self.stage.width() > 0
        # What is on screen now, a fade under way included: that is what fades out.
        outgoing = self._outgoing_image() if fading else None
        self._end_fade()
        self.index = index
        self.slide_view.show_slide(self.slides[index])
        self.dots.set_state(len(self.slides), index)
        self.prepare_timer.start(max(0, duration if outgoing is not None else 0) + self.PREPARE_AFTER_MS)
        if outgoing is not None:
            self.fade.begin(outgoing, QPixmap(), QColor(self.state.theme.palette.background))
            self.fade_anim.setDuration(duration)
            self.fade_anim.start()
            # From the next frame on (start() has shown the first): the words, then the picture.
            self._incoming_steps = [self._take_incoming_words, partial(self._take_incoming_picture, 0),
                                    partial(self._take_incoming_picture, 1)]
        self.slide_changed.emit(index)

    def take_incoming_image(self, whole: bool = False) -> None:
        """Take the next piece of the incoming slide's image (`whole`: all that is left). One per fade frame."""
        while self._incoming_steps:
            self._incoming_steps.pop(0)()
            if not whole:
                break

    def _picture_rect(self) -> QRect:
        picture: QWidget = self.slide_view.picture
        return QRect(picture.mapTo(self.slide_view, QPoint(0, 0)), picture.size())

    def _take_incoming_words(self) -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the new slide laid out before its image
        image = self._blank_stage_image()
        words = QRegion(self.slide_view.rect()) - QRegion(self._picture_rect())
        at = self.slide_view.mapTo(self.stage, words.boundingRect().topLeft())
        self.slide_view.render(image, at, words, QWidget.RenderFlag.DrawChildren)
        self.fade.incoming = image

    def _take_incoming_picture(self, half: int) -> None:
        """The picture's top half (0) or bottom half (1), each in a frame of its own, both in the same pose."""
        picture = self.slide_view.picture
        if half == 0:
            # The live picture moves on under the fade; it is put back to this pose for the other half and when
            # the fade ends: no tear, no jump.
            self._incoming_phase = picture.phase()
        elif self._incoming_phase is not None and picture.is_animating():
            picture.set_phase(self._incoming_phase)
        top = picture.height() // 2 if half else 0
        part = QRect(0, top, picture.width(), picture.height() // 2 if half == 0 else picture.height() - top)
        painter = QPainter(self.fade.incoming)
        picture.render(painter, picture.mapTo(self.stage, part.topLeft()), QRegion(part),
                       QWidget.RenderFlag.DrawChildren)
        painter.end()
        self.fade.update()

    def stage_image(self) -> QPixmap:
        """The slide area as it looks now (a fade under way included), on the screen's background."""
        image = self._blank_stage_image()
        self.stage.render(image, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
        return image

    def _blank_stage_image(self) -> QPixmap:
        """The slide area's size at the screen's pixel density, filled with the screen's background."""
        stage: QWidget = self.stage
        ratio = stage.devicePixelRatioF()
        size = (QSizeF(stage.size()) * ratio).toSize()
        fitting = [i for i in self._spare_images if i.size() == size and i.devicePixelRatio() == ratio]
        self._spare_images = []  # the others are the wrong size now
        image = fitting[0] if fitting else QPixmap(size)
        self._spare_images = fitting[1:]
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(self.state.theme.palette.background))
        return image

    SPARE_PIXELS = 2_600_000  # images kept for reuse only up to about a 1080p slide area (memory at 4K)

    def _keep_spares(self, images: list[QPixmap]) -> None:
        for image in images:
            if image.width() * image.height() <= self.SPARE_PIXELS and len(self._spare_images) < 2:
                self._spare_images.append(image)

    PREPARE_AFTER_MS = 400  # after the fade: not in the middle of its frames or of the reveal

    def _steady_key(self) -> tuple[object, ...]:
        return (self.index, self.state.language, self.state.theme, self.stage.size(), self.slide_view.current_body_px,
                self._picture_rect())

    def _outgoing_image(self) -> QPixmap:
        """What the slide area shows now: the steady image (with the live picture painted on it if it moves) when
        that is still right (the words have not changed), else a render of the whole area (a fade included)."""
        steady, self._steady = self._steady, None  # used once: the picture is painted into it
        if steady is None or steady[0] != self._steady_key() or self.fade.isVisible():
            return self.stage_image()
        image = steady[1]
        picture = self.slide_view.picture
        if picture.is_animating():  # a still picture is in the steady image as it is now
            painter = QPainter(image)
            picture.render(painter, picture.mapTo(self.stage, QPoint(0, 0)), QRegion(),
                           QWidget.RenderFlag.DrawChildren)
            painter.end()
        return image

    def prepare_next(self) -> None:
        """In the quiet moment after a slide change: render the next slide's picture ahead, and take the image of
        the slide on show that the next change starts from."""
        if not self.isVisible():
            return
        if not self.fade.isVisible():
            self._steady = (self._steady_key(), self.stage_image())
        upcoming = self.slides[(self.index + 1) % len(self.slides)]
        if upcoming.picture_path:  # the same picture and labels SlideView.show_slide will ask for
            self.slide_view.picture.prepare(upcoming.picture_path, upcoming.labels)

    def _on_fade(self, value: float) -> None:
        # One piece of the incoming image per frame; all that is left once the fade needs it (a slow machine).
        self.take_incoming_image(whole=value >= 0.5)
        self.fade.set_progress(float(value))

    def _end_fade(self) -> None:
        """The live slide again (the fade's end, or a jump that needs none)."""
        self._incoming_steps = []
        self.fade_anim.stop()
        self._keep_spares(self.fade.finish())
        picture = self.slide_view.picture
        if self._incoming_phase is not None and picture.is_animating():
            picture.set_phase(self._incoming_phase)  # the pose the fade ended on
        self._incoming_phase = None

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
