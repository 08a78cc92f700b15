"""Reusable touch widgets and gesture helpers shared by every screen."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


def set_role(widget: QWidget, role: str) -> None:
    """Style hook: the style sheet selects on the `role` property."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class TouchButton(QPushButton):
    """A big button whose accessible name always equals what it shows."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "", icon: str = "",
                 description: str = "") -> None:
        super().__init__(text, parent)
        self._icon_name = icon
        if role:
            self.setProperty("role", role)
        if description:
            self.setAccessibleDescription(description)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)
        self.setText(text)
        self.refresh_icon()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text.replace("&&", "&"))

    def refresh_icon(self, colour: str | None = None) -> None:
        if not self._icon_name:
            return
        import qtawesome  # imported late: it needs a QApplication

        colour = colour or self.palette().buttonText().color().name()
        self.setIcon(qtawesome.icon(self._icon_name, color=colour))
        size = max(24, int(self.fontMetrics().height() * 1.1))
        self.setIconSize(QSize(size, size))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))


class WrappingLabel(QLabel):
    """A label that wraps words and reports a height for its width (so long translations never clip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "body") -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


class PageDots(QWidget):
    """Where the patient is in the slide loop: one dot per slide, the current one filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._current = 0
        self.active = QColor("#0B5563")
        self.inactive = QColor("#8A9AA2")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(24)

    def set_state(self, count: int, current: int) -> None:
        self._count, self._current = count, current
        self.setAccessibleName(f"{current + 1} / {count}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._count * 36, 28)

    def paintEvent(self, _event: object) -> None:
        if not self._count:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.height() * 0.6, self.width() / (self._count * 2))
        gap = d
        total = self._count * d + (self._count - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - d) / 2
        for i in range(self._count):
            rect = QRectF(x + i * (d + gap), y, d, d)
            if i == self._current:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self.active)
                p.drawEllipse(rect.adjusted(-d * 0.2, -d * 0.2, d * 0.2, d * 0.2))
            else:
                p.setPen(self.inactive)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(rect.adjusted(1, 1, -1, -1))


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


def icon(name: str, colour: str) -> QIcon:
    import qtawesome

    return qtawesome.icon(name, color=colour)
