"""Touch gestures: a horizontal swipe (next/previous slide) and the staff's hidden corner hold."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class SwipeFilter(QObject):
    """Turns a horizontal drag on a widget into swiped(+1 for next / -1 for previous); a short press is a tap.

    Works on mouse events, which Qt synthesises from touch, so it behaves the same with a finger or in tests.
    """

    swiped = Signal(int)
    tapped = Signal()

    def __init__(self, target: QWidget, threshold_px: int = 80) -> None:
        super().__init__(target)
        self._start: QPointF | None = None
        self._threshold = threshold_px
        target.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.position()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) and self._start is not None:
            delta = event.position() - self._start
            self._start = None
            if abs(delta.x()) >= self._threshold and abs(delta.x()) > abs(delta.y()) * 1.5:
                # Finger moving left reveals the next slide, as on a phone.
                self.swiped.emit(1 if delta.x() < 0 else -1)
            elif abs(delta.x()) < self._threshold / 2 and abs(delta.y()) < self._threshold / 2:
                self.tapped.emit()
        return False


class CornerHold(QObject):
    """The hidden staff gesture: press and hold inside a corner of the window for `seconds`.

    Watches the whole application, because the press lands on whatever child widget is in that corner.
    """

    triggered = Signal()

    def __init__(self, window: QWidget, seconds: float, corner_px: int = 120) -> None:
        super().__init__(window)
        self._window = window
        self._corner = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.triggered)
        self._clock = QElapsedTimer()

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))

    def in_corner(self, global_pos: QPointF) -> bool:
        local = self._window.mapFromGlobal(global_pos.toPoint())
        return 0 <= local.x() < self._corner and 0 <= local.y() < self._corner

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if self.in_corner(event.globalPosition()):
                self._timer.start()
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if self._timer.isActive() and not self.in_corner(event.globalPosition()):
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
        return False
