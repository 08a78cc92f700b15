"""Taps across screen changes: the second half of a double tap never acts on the screen the first half opened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QGuiApplication, QInputEvent, QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget


class FreshScreenGuard(QObject):
    """A tap that belongs to the screen before never acts on this one.

    A quick double tap on the button that brings this screen up would land its second tap here, on whatever is
    under the finger (the checklist's Next, say). While this screen is new, a press close to the press that led
    here and within the double-tap time is ignored, with its release. Watches the top-level QWindow (it sees
    every press before any widget does), so it knows where the press that changed the screen was. Times are the
    events' own (when the finger touched), not when they were handled: a slow screen change changes nothing.
    """

    def __init__(self, screen: QWidget, radius: int = 88) -> None:
        super().__init__(screen)
        self._screen = screen
        self.radius = radius
        self._window: QWindow | None = None
        self._top: QWidget | None = None
        self._last_press: tuple[QPointF, int] | None = None  # where and when (event time, ms)
        self._came_from: tuple[QPointF, int] | None = None
        self._swallowing = False
        screen.installEventFilter(self)
        self._hook()

    def _hook(self) -> None:
        top = self._screen.window()
        if top is not self._top:
            if self._top is not None and self._top is not self._screen:  # the screen's own filter stays
                self._top.removeEventFilter(self)
            self._top = top
            top.installEventFilter(self)  # its Show: the QWindow exists from then on
        handle = top.windowHandle()
        if handle is not None and handle is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            self._window = handle
            handle.installEventFilter(self)

    @staticmethod
    def _interval() -> int:
        hints = QGuiApplication.styleHints()
        return hints.mouseDoubleClickInterval() if hints is not None else 400

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self._screen or obj is self._top:
            if kind in (QEvent.Type.ParentChange, QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._hook()
            if obj is self._screen and kind == QEvent.Type.Show:
                self._came_from = self._last_press  # the tap that brought this screen up (if any)
            return False
        if obj is self._window:
            return self._on_window_event(event)
        return False

    def _on_window_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            where = self._position(event)
            now = event.timestamp() if isinstance(event, QInputEvent) else 0
            self._swallowing = self._is_second_tap(where, now)
            self._last_press = (where, now)
            return self._swallowing
        if kind == QEvent.Type.MouseButtonDblClick:
            return self._swallowing
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchUpdate,
                    QEvent.Type.MouseMove):
            swallowed = self._swallowing
            if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                self._swallowing = False
            return swallowed
        return False

    def _is_second_tap(self, where: QPointF, now: int) -> bool:
        came = self._came_from
        if came is None or not self._screen.isVisible():
            return False
        self._came_from = None  # only the very next press can be the second half of that double tap
        spot, at = came
        near = (where - spot).manhattanLength() <= self.radius * 1.5
        return near and 0 <= now - at <= self._interval()

    @staticmethod
    def _position(event: QEvent) -> QPointF:
        if isinstance(event, QMouseEvent):
            return event.scenePosition()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].scenePosition()
        return QPointF(-1e6, -1e6)
