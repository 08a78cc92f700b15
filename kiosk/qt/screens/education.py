"""The attract loop: illustrated slides about the psoas that advance on their own.

Its widgets are ui/education.ui (one slide is ui/slide.ui, kiosk/qt/screens/slide.py). The loop's own timers
(next slide, end of a pause) are the screen's; Flow decides when the screen is left.

A slide change fades between two still images of the whole slide area: the outgoing slide fades into the
background, then the incoming one out of it. Text never lies on text, and during the fade nothing live is painted
(the opaque fade covers the slide, so Qt does not draw its labels and picture).

The stage holds two SlideViews: the live one and a hidden one. In the quiet moment after a change (prepare_next)
the hidden one is given the next slide, laid out at the live one's place and size, and its image is taken; at the
change the two swap, so the change itself lays out no text and the fade's frames only blend two images. A prepared
slide that no longer holds (another slide asked for, another language, look or size) is never shown: the slide
asked for is prepared at once instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QRegion, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.core.content import Slide
from kiosk.qt.forms.ui_education import Ui_EducationScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.screens.slide import SlideView
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order
from kiosk.qt.widgets.gestures import SwipeFilter

log = logging.getLogger(__name__)


@dataclass
class SlideImage:
    """An image of the whole slide area and what it was taken for (the key it is valid under)."""

    key: tuple[object, ...]
    image: QPixmap
    phase: float = 0.0  # the picture's phase in it
    moving: QRectF = field(default_factory=QRectF)  # where the picture's moving parts are in it


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

    def begin(self, outgoing: SlideImage, incoming: SlideImage, background: QColor) -> None:
        self.outgoing, self.incoming, self.background = outgoing.image, incoming.image, background
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
        image, opacity = ((self.outgoing, 1 - 2 * self.progress) if self.progress < 0.5
                          else (self.incoming, 2 * self.progress - 1))
        shown = image.deviceIndependentSize()
        covers = not image.isNull() and shown.width() >= self.width() and shown.height() >= self.height()
        if opacity < 1 or not covers:  # an opaque image over all of it needs nothing under it (the change's frame)
            painter.fillRect(event.rect(), self.background)
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
        # The hidden view where the next slide is made ready: built in the first quiet moment, not at start-up
        # (the first slide is painted before anything else).
        self._next_view: SlideView | None = None
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
        self._incoming_phase: float | None = None  # where the picture's motion was when its image was taken
        # The next slide made ready in the hidden view (its key: what it was made for).
        self._prepared: SlideImage | None = None
        # The slide on show, taken in a quiet moment (prepare_next): the next fade starts from it with only the
        # picture's moving parts painted afresh. Valid while its key (slide, words, look, size) still holds.
        self._steady: SlideImage | None = None
        self._spare_images: list[QPixmap] = []  # images of past fades, filled again for the next ones
        # The way the slides go next: back (-1) after a patient went back, so paging back is prepared too;
        # forwards again once the loop goes on by itself.
        self._heading = 1
        self.stage.installEventFilter(self)  # the live slide and the fade always cover exactly the stage
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
        # Once a slide is on screen (its fade over), the next slide is made ready in a quiet moment, so that the
        # slide change itself only swaps views and shows images already made.
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
            self._live_view.setGeometry(stage.rect())
            self.fade.setGeometry(stage.rect())
        return False

    # ---- the two views ------------------------------------------------------------------------------------------
    @property
    def slide_view(self) -> SlideView:
        """The slide on show (the other view, hidden, holds the next one while it is made ready)."""
        return self._live_view

    @slide_view.setter
    def slide_view(self, view: SlideView) -> None:  # the form's setupUi puts its view here: the first live one
        self._live_view = view

    def _hidden_view(self) -> SlideView:
        if self._next_view is None:
            view = SlideView(self.stage)  # ui/slide.ui's widgets again; both views fill the stage
            view.setObjectName("next_slide_view")
            view.hide()  # hidden: never painted on screen, its picture still, none of its words on show
            self._next_view = view
            self._style_view(view)
            view.set_portrait(self.height() > self.width())
        return self._next_view

    def _style_view(self, view: SlideView) -> None:
        theme = self.state.theme
        view.apply_theme(theme)
        body = theme.body_px
        view.set_text_sizes(round(body * 1.75), round(body * 1.3), body)

    def _swap_views(self) -> None:
        """The prepared view goes live in the live one's place (laid out there already: nothing moves)."""
        live, ready = self._live_view, self._hidden_view()
        ready.show()
        live.hide()  # its picture stops moving
        ready.setObjectName("slide_view")  # names as the roles go, for anyone inspecting the widget tree
        live.setObjectName("next_slide_view")
        self._live_view, self._next_view = ready, live

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
        for view in self._views():
            self._style_view(view)
        self.dots.active = QColor(theme.palette.primary)
        self.dots.inactive = QColor(theme.palette.muted_text)
        for button in (self.prev_button, self.next_button):
            button.setMinimumSize(theme.touch_px * 3 // 2, theme.touch_px)
            button.set_icon_px(theme.px(48))
        self.cta.setMinimumHeight(round(theme.touch_px * 1.2))
        self.cta.set_icon_px(theme.px(44, text=True))
        self.dots.setMinimumHeight(theme.px(28))
        self.header.set_spacing(theme.px(16))
        self.update()
        super().apply_appearance()

    def _views(self) -> list[SlideView]:
        return [self._live_view, *([self._next_view] if self._next_view is not None else [])]

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.prev_button, "primary"), (self.next_button, "primary"), (self.cta, "on_accent")]

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        for view in self._views():
            view.set_portrait(portrait)
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
        self._forwards()

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
        if outgoing is not None:
            incoming = self._take_prepared(index)
            self._incoming_phase = incoming.phase
            self._swap_views()
            self.fade.begin(outgoing, incoming, QColor(self.state.theme.palette.background))
            self.fade_anim.setDuration(duration)
            self.fade_anim.start()
        else:
            self.slide_view.show_slide(self.slides[index])  # no fade: the live view shows it at once
        self.dots.set_state(len(self.slides), index)
        self.prepare_timer.start(max(0, duration if outgoing is not None else 0) + self.PREPARE_AFTER_MS)
        self.slide_changed.emit(index)

    def _prepared_key(self, index: int) -> tuple[object, ...]:
        """What a prepared slide must match to be shown: the slide and its words, the look, the live view's place
        and size (the window's size and orientation)."""
        return (index, self.slides[index], self.state.language, self.state.theme, self._live_view.geometry(),
                self.stage.size(), self.stage.devicePixelRatioF())

    def _prepare(self, index: int) -> SlideImage:
        """Make slide `index` ready in the hidden view and take its image (nothing, if it is ready already)."""
        key = self._prepared_key(index)
        if self._prepared is not None:
            if self._prepared.key == key:
                return self._prepared
            self._keep_spares([self._prepared.image])
            self._prepared = None
        view = self._hidden_view()
        image = self._blank_stage_image()
        live = self._live_view.geometry()
        view.prepare(self.slides[index], live, image, live.topLeft())
        self._prepared = SlideImage(key, image, view.picture.phase())
        return self._prepared

    def _take_prepared(self, index: int) -> SlideImage:
        """Slide `index`'s image from the hidden view: prepared ahead when that still holds, else prepared now."""
        prepared = self._prepare(index)
        self._prepared = None
        return prepared

    def _background(self) -> QColor:
        return QColor(self.state.theme.palette.background)

    def _picture_rect(self) -> QRect:
        picture: QWidget = self.slide_view.picture
        return QRect(picture.mapTo(self.slide_view, QPoint(0, 0)), picture.size())

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
        image.fill(self._background())
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

    def _outgoing_image(self) -> SlideImage:
        """What the slide area shows now: the steady image (with the live picture painted on it if it moves) when
        that is still right (the words have not changed), else a render of the whole area (a fade included)."""
        steady, self._steady = self._steady, None  # used once: the picture is painted into it
        if steady is None or steady.key != self._steady_key() or self.fade.isVisible():
            return SlideImage((), self.stage_image())
        picture = self.slide_view.picture
        if picture.is_animating():  # a still picture is in the image as it is now
            # Only where the moving parts were then and are now: the rest of the picture is as it was.
            area = (steady.moving | picture.moving_area()).toAlignedRect() & picture.rect()
            if area.isEmpty():  # not known (never painted): all of it
                area = picture.rect()
            painter = QPainter(steady.image)
            at = picture.mapTo(self.stage, area.topLeft())
            picture.render(painter, at, QRegion(area), QWidget.RenderFlag.DrawChildren)
            painter.end()
        return steady

    def prepare_next(self) -> None:
        """In the quiet moment after a slide change: make the next slide ready in the hidden view (laid out, its
        picture rendered, its image taken; the one before after a patient went back), and take the image of the
        slide on show that the next change starts from."""
        if not self.isVisible():
            return
        if not self.fade.isVisible():
            self._steady = SlideImage(self._steady_key(), self.stage_image(),
                                      moving=self.slide_view.picture.moving_area())
        self._prepare((self.index + self._heading) % len(self.slides))

    def _on_fade(self, value: float) -> None:
        self.fade.set_progress(float(value))

    def _end_fade(self) -> None:
        """The live slide again (the fade's end, or a jump that needs none)."""
        self.fade_anim.stop()
        self._keep_spares(self.fade.finish())
        picture = self.slide_view.picture
        if self._incoming_phase is not None and picture.is_animating():
            picture.set_phase(self._incoming_phase)  # the pose the fade ended on
        self._incoming_phase = None

    def _step(self, delta: int, by_patient: bool) -> None:
        self._heading = delta if by_patient else 1
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
        self._forwards()

    def _forwards(self) -> None:
        """The loop goes on by itself: make its next slide ready (not the one before, after a patient went back)."""
        if self._heading != 1:
            self._heading = 1
            self.prepare_timer.start(self.PREPARE_AFTER_MS)

    # ---- flow hooks -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        self.stop()
        self._heading = 1
        self.show_index(0, animate=False)

    def screenshot_variants(self) -> Iterator[str]:
        self.stop()
        for i, slide in enumerate(self.slides):
            self.show_index(i, animate=False)
            yield f"slide-{i + 1:02d}-{slide.id}"
