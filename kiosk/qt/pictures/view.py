"""IllustrationView: the widget that shows one illustration and animates it while it is visible."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.qt.pictures.painting import _LayerCache, _paint, _palette_key
from kiosk.qt.pictures.palette import IllustrationPalette
from kiosk.qt.pictures.registry import ILLUSTRATIONS


class IllustrationView(QWidget):
    """Shows one illustration filling the widget; animates only while visible and animated."""

    FRAME_MS = 40  # 25 fps: smooth for these slow 4-6 s loops, and light on a kiosk running all day

    def __init__(self, name: str = "skeleton", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._illus = ILLUSTRATIONS[name]
        self._palette = IllustrationPalette()
        self._labels: dict[str, str] = {}
        self._speed = 1.0
        self._enabled = True
        self._phase = 0.0
        self._phase_at_start = 0.0
        self._cache = _LayerCache()
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._update_accessibility()

    # -- public API ---------------------------------------------------------------------------------
    def illustration(self) -> str:
        return self._illus.name

    def set_illustration(self, name: str) -> None:
        illus = ILLUSTRATIONS[name]
        if illus is self._illus:
            return
        self._illus = illus
        self._phase = self._phase_at_start = 0.0
        self._update_accessibility()
        self._sync_timer()
        self.update()

    def set_palette_(self, palette: IllustrationPalette) -> None:
        self._palette = palette
        self.update()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        self.update()

    def set_animation_speed(self, factor: float) -> None:
        if factor <= 0:
            raise ValueError("animation speed factor must be positive")
        self._rebase()
        self._speed = float(factor)

    def set_animation_enabled(self, enabled: bool) -> None:
        """Reduced-motion switch: when off, animated pictures rest on their first frame."""
        self._enabled = bool(enabled)
        if not enabled:
            self._phase = self._phase_at_start = 0.0
        self._sync_timer()
        self.update()

    def phase(self) -> float:
        return self._phase

    def is_animating(self) -> bool:
        return self._timer.isActive()

    # -- Qt -----------------------------------------------------------------------------------------
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
        rect = QRectF(self.rect())
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self._palette.background)
            if rect.width() > 1 and rect.height() > 1:
                dpr = self.devicePixelRatioF()
                key = (self._illus.name, self.width(), self.height(), dpr, _palette_key(self._palette),
                       tuple(sorted(self._labels.items())))
                if self._cache.key != key:  # size, picture, colours or labels changed: re-render still layers
                    self._cache = _LayerCache(key)
                _paint(painter, self._illus, rect, self._phase, self._palette, self._labels, self._cache, dpr)
        finally:
            painter.end()

    # -- internals ----------------------------------------------------------------------------------
    def _update_accessibility(self) -> None:
        self.setAccessibleName(self._illus.name.replace("_", " "))
        self.setAccessibleDescription(self._illus.description)

    def _sync_timer(self) -> None:
        if self._illus.animated and self._enabled and self.isVisible():
            if not self._timer.isActive():
                self._phase_at_start = self._phase
                self._clock.start()
                self._timer.start()
        else:
            self._stop()

    def _stop(self) -> None:
        if self._timer.isActive():
            self._rebase()
            self._timer.stop()

    def _rebase(self) -> None:
        # Fold the elapsed time into the phase so speed changes and pauses do not make the picture jump.
        if self._clock.isValid() and self._timer.isActive():
            self._phase = self._current_phase()
            self._phase_at_start = self._phase
            self._clock.restart()

    def _current_phase(self) -> float:
        cycle_ms = max(0.1, self._illus.cycle_seconds) * 1000.0
        return (self._phase_at_start + self._clock.elapsed() * self._speed / cycle_ms) % 1.0

    def _tick(self) -> None:
        self._phase = self._current_phase()
        self.update()
