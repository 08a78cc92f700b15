"""PictureView: the widget that shows one slide picture with its labels, animated while it is on screen.

Still runs and the labels are rendered once per size, look and labels into pixmaps; each frame repaints only the
moving groups' area (the pixmaps below and above them, and the groups themselves under their motion). Painting
depends only on the picture's phase, never on the clock, so a grab at a given phase is always the same image.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.theme import MIN_BODY_PX
from kiosk.qt.pictures.document import PictureDocument, load_picture
from kiosk.qt.pictures.labels import PlacedLabel, chip_sizes, columns, draw_labels, place_labels


class PictureView(QWidget):
    """One slide picture filling the widget (aspect kept), labelled, animated only while visible."""

    FRAME_MS = 33  # at most ~30 fps: smooth for 4-6 s loops, light for a fanless PC running all day
    MARGIN = 0.02  # share of the shorter side kept clear at the frame's edge

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
        self._key: tuple | None = None
        self._pixmaps: list[QPixmap | None] = []  # per part: a still run's pixmap, None for a moving group
        self._overlay = QPixmap()  # the labels
        self._placed: list[PlacedLabel] = []
        self._figure = QRectF()
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
        self._path = Path(path) if path else None
        self._labels = dict(labels or {})
        self.setAccessibleName(description)
        self.setAccessibleDescription(description)
        self._seconds = self._seconds_at_start = 0.0
        self._load()

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self._load()

    def set_colours(self, background: QColor | str, text: QColor | str) -> None:
        """The theme's background (behind the picture and its label chips) and text colour (labels, leaders)."""
        self._ground, self._ink = QColor(background), QColor(text)
        self._key = None
        self.update()

    def set_label_px(self, px: float) -> None:
        """Label text size; never below the body-text minimum."""
        self._label_px = max(float(MIN_BODY_PX), px)
        self._key = None
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

    def set_palette_(self, palette: object) -> None:
        """Old call (education.py until it uses SlideView.apply_theme): an IllustrationPalette picks the look."""
        high = bool(getattr(palette, "high", False))
        self.set_high_contrast(high)
        self.set_colours(*(("#000000", "#FFFFFF") if high else ("#F6F4EF", "#1B2A32")))

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

    def figure_rect(self) -> QRectF:
        """Where the drawing lands in the widget (aspect kept, inside the frame)."""
        self._ensure_layers()
        document = self._document
        if document is None or self._figure.isEmpty():
            return QRectF()
        return document.to_target(self._figure).mapRect(document.content)

    def placed_labels(self) -> list[PlacedLabel]:
        """The labels as laid out at the current size: chips and leader lines, in widget coordinates."""
        self._ensure_layers()
        return list(self._placed)

    def label_px(self) -> float:
        return self._label_px

    def anchor_points(self) -> dict[str, QPointF]:
        """Every anchor's centre in widget coordinates."""
        self._ensure_layers()
        document = self._document
        if document is None or self._figure.isEmpty():
            return {}
        to_widget = document.to_target(self._figure)
        return {key: to_widget.map(point) for key, point in document.anchors.items()}

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
            document = self._document
            if document is None or not self._ensure_layers():
                return
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for part, pixmap in zip(document.parts, self._pixmaps, strict=True):
                if pixmap is None:
                    document.paint_part(painter, part, self._figure, self._seconds)
                else:
                    painter.drawPixmap(0, 0, pixmap)
            painter.drawPixmap(0, 0, self._overlay)
        finally:
            painter.end()

    # -- internals ----------------------------------------------------------------------------------
    def _load(self) -> None:
        self._stop()
        self._document = load_picture(self._path, self._high_contrast) if self._path else None
        self._key = None
        self._sync_timer()
        self.update()

    def _ensure_layers(self) -> bool:
        """(Re)render still runs and labels when size, picture, look or labels changed; False when too small."""
        document, dpr = self._document, self.devicePixelRatioF()
        if document is None or self.width() < 8 or self.height() < 8:
            return False
        key = (id(document), self.width(), self.height(), dpr, tuple(self._labels.items()), self._label_px,
               self._ground.rgba(), self._ink.rgba())
        if key == self._key:
            return True
        self._key = key
        margin = max(2.0, min(self.width(), self.height()) * self.MARGIN)
        frame = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        texts = {k: v for k, v in self._labels.items() if k in document.anchors and v}
        sizes = chip_sizes(texts, self._label_px, frame)
        left, right = columns(document.anchors, document.content.center().x(), sizes)
        self._figure = document.fitted(frame.adjusted(left, 0, -right, 0))
        to_widget = document.to_target(self._figure)
        anchors = {k: to_widget.map(document.anchors[k]) for k in texts}
        self._placed = place_labels(texts, anchors, sizes, frame, to_widget.mapRect(document.content))
        self._pixmaps = [None if part.motion else self._layer(partial(document.paint_part, part=part,
                                                                          target=self._figure))
                         for part in document.parts]
        self._overlay = self._layer(lambda p: draw_labels(p, self._placed, self._label_px, self._ink, self._ground))
        return True

    def _layer(self, paint: Callable[[QPainter], None]) -> QPixmap:
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter)
        painter.end()
        return pixmap

    def _moving_area(self) -> QRectF:
        """Where the moving groups are painted now, in widget coordinates (with room for antialiasing)."""
        area = QRectF()
        document = self._document
        if document is None or self._figure.isEmpty():
            return area
        to_widget = document.to_target(self._figure)
        for part in document.parts:
            if part.motion:
                area |= (document.motion_transform(part, self._seconds) * to_widget).mapRect(part.bounds)
        return area.adjusted(-3, -3, 3, 3)

    def _sync_timer(self) -> None:
        moving = self._document is not None and self._document.moves
        if moving and self._enabled and self.isVisible():
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
        before = self._moving_area()
        self._seconds = self._now()
        self.update((before | self._moving_area()).toAlignedRect())
