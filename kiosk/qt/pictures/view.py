"""PictureView: the widget that shows one slide picture with its labels, animated while it is on screen.

Every part is a cached pixmap (layers.py); a frame repaints only the moving groups' area. Painting depends only on
the phase, never on the clock, so a grab at a given phase is always the same image."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.theme import MIN_BODY_PX
from kiosk.qt.pictures.document import PictureDocument, load_picture
from kiosk.qt.pictures.labels import PlacedLabel
from kiosk.qt.pictures.layers import Layers, layers_for


class PictureView(QWidget):
    """One slide picture filling the widget (aspect kept), labelled, animated only while visible."""

    FRAME_MS = 40  # 25 fps: smooth for these slow 4-6 s loops, light for a fanless PC running all day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._document: PictureDocument | None = None
        self._labels: dict[str, str] = {}
        self._high_contrast = False
        self._ground, self._ink = QColor("#F5F8FA"), QColor("#1E2D3B")
        self._label_px = float(MIN_BODY_PX)
        self._speed, self._enabled = 1.0, True
        self._seconds = self._seconds_at_start = 0.0  # where the loop is, in seconds
        self._layers: Layers | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # -- what to show --------------------------------------------------------------------------------
    def set_picture(self, path: Path | str | None, labels: Mapping[str, str] | None = None,
                    description: str = "") -> None:
        """Show the SVG at `path` (None: nothing) with these label texts by anchor key; `description` is what a
        screen reader says about it."""
        new = Path(path) if path else None
        self._labels = dict(labels or {})
        self.setAccessibleName(description)
        self.setAccessibleDescription(description)
        if new != self._path:  # the same picture (a new language's labels) keeps moving where it was
            self._path, self._seconds, self._seconds_at_start = new, 0.0, 0.0
            self._load()
        self.update()

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self._load()

    def set_colours(self, background: QColor | str, text: QColor | str) -> None:
        """The theme's background (behind the picture and its label chips) and text colour (labels, leaders)."""
        self._ground, self._ink = QColor(background), QColor(text)
        self.update()

    def set_label_px(self, px: float) -> None:
        """Label text size; never below the body-text minimum."""
        self._label_px = max(float(MIN_BODY_PX), px)
        self.update()

    def set_animation_speed(self, factor: float) -> None:
        if factor <= 0:
            raise ValueError("animation speed factor must be positive")
        self._rebase()
        self._speed = float(factor)

    def set_animation_enabled(self, enabled: bool) -> None:
        """Reduced-motion switch: when off, moving parts rest at their start."""
        self._enabled = bool(enabled)
        if not enabled:
            self._stop()
            self._seconds = self._seconds_at_start = 0.0
        self._sync_timer()
        self.update()

    def set_phase(self, phase: float) -> None:
        """Pose the moving parts at `phase` (0..1) of the picture's loop, e.g. for a repeatable grab."""
        cycle = self.cycle_seconds()
        self._seconds = self._seconds_at_start = (phase % 1.0) * cycle if cycle else 0.0
        if self._timer.isActive():
            self._clock.restart()
        self.update()

    # -- what it shows ------------------------------------------------------------------------------
    def picture_path(self) -> Path | None:
        return self._path

    def phase(self) -> float:
        cycle = self.cycle_seconds()
        return (self._seconds % cycle) / cycle if cycle else 0.0

    def cycle_seconds(self) -> float:
        return self._document.cycle_seconds if self._document else 0.0

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def moving_area(self) -> QRectF:
        """Where the moving groups are painted now, in widget coordinates (with room for antialiasing)."""
        area = QRectF()
        layers, document = self._layers, self._document
        if layers is None or document is None:
            return area
        to_widget = document.to_target(layers.figure)
        for part in document.parts:
            if part.motion:
                area |= (document.motion_in(part, self._seconds) * to_widget).mapRect(part.bounds)
        return area.adjusted(-5, -5, 5, 5)

    def figure_rect(self) -> QRectF:
        """Where the drawing lands in the widget (aspect kept, inside the frame)."""
        layers, document = self._current(), self._document
        return document.to_target(layers.figure).mapRect(document.content) if layers and document else QRectF()

    def placed_labels(self) -> list[PlacedLabel]:
        """The labels as laid out at the current size: chips and leader lines, in widget coordinates."""
        layers = self._current()
        return list(layers.placed) if layers else []

    def label_px(self) -> float:
        return self._label_px

    # -- Qt -------------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 160)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self._ground)
            layers, document = self._current(), self._document
            if layers is None or document is None:
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for part, (pixmap, at) in zip(document.parts, layers.images, strict=True):
                if part.motion:
                    painter.save()
                    painter.setWorldTransform(document.motion_in(part, self._seconds, layers.figure), True)
                    painter.drawPixmap(at, pixmap)
                    painter.restore()
                else:
                    painter.drawPixmap(at, pixmap)
            if layers.overlay:
                painter.drawPixmap(0, 0, layers.overlay)
        finally:
            painter.end()

    # -- internals ----------------------------------------------------------------------------------
    def _load(self) -> None:
        self._stop()
        self._document = load_picture(self._path, self._high_contrast) if self._path else None
        self._sync_timer()
        self.update()

    def _current(self) -> Layers | None:
        """This view's layers at its size, look and labels (None when there is nothing to show)."""
        self._layers = self._layers_of(self._document, self._labels)
        return self._layers

    def _layers_of(self, document: PictureDocument | None, labels: dict[str, str]) -> Layers | None:
        if document is None or self.width() < 8 or self.height() < 8:
            return None
        return layers_for(document, self.size(), self.devicePixelRatioF(), labels, self._label_px, self._ground,
                          self._ink)

    def _sync_timer(self) -> None:
        if self.cycle_seconds() and self._enabled and self.isVisible():
            if not self._timer.isActive():
                self._seconds_at_start = self._seconds
                self._clock.start()
                self._timer.start()
        else:
            self._stop()

    def _stop(self) -> None:
        if self._timer.isActive():
            self._rebase()
            self._timer.stop()

    def _rebase(self) -> None:
        # Fold the time so far into the loop position, so speed changes and pauses do not make parts jump.
        if self._timer.isActive():
            self._seconds = self._seconds_at_start = self._now()
            self._clock.restart()

    def _now(self) -> float:
        # Not wrapped at the picture's loop: groups with different loop lengths each wrap on their own.
        return self._seconds_at_start + self._clock.elapsed() / 1000.0 * self._speed

    def _tick(self) -> None:
        before = self.moving_area()
        self._seconds = self._now()
        self.update((before | self.moving_area()).toAlignedRect())
