"""The "Still there?" overlay: after a quiet spell on a patient screen, count down, then clear everything.

Its widgets are ui/still_there.ui. The countdown is only a display: Flow's idle timer decides when the time is up
(kiosk/qt/flow.py on_idle) and then clears the screen and dismisses the overlay.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.forms.ui_still_there import Ui_StillThereOverlay
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.icons import icon

BACKDROP = QColor(0, 0, 0, 160)  # dims the screen behind; the card itself carries the text (full contrast)


class StillThereOverlay(Screen, Ui_StillThereOverlay):
    """Covers the whole window (a child of it, on top of the screens). A tap anywhere emits `continued()`.
    The countdown on show is only a display: Flow's idle timer decides when the time is up."""

    screen_name = "still_there"
    paints_screen_background = False  # the dimmed screen behind shows through (paintEvent)
    continued = Signal()

    def __init__(self, window: QWidget, state: KioskState) -> None:
        super().__init__(state, window)
        self._seconds = 10.0
        self._remaining = 10
        self._clock = QElapsedTimer()
        self.tick = QTimer(self)
        self.tick.timeout.connect(self._on_tick)
        self.continue_button.clicked.connect(self._continue)
        window.installEventFilter(self)  # follow the window's size
        self.follow_state()
        self.hide()

    # ---- showing ----------------------------------------------------------------------------------------------
    def start(self, seconds: float) -> None:
        """Show the overlay and count down `seconds`."""
        self._seconds = max(0.05, seconds)
        self._clock.start()
        # Tick often enough that the number on screen is never more than a quarter second late.
        self.tick.start(max(20, min(250, int(self._seconds * 1000 / 4))))
        self._cover()
        self._show_remaining(math.ceil(self._seconds))

    def show_frozen(self, seconds_left: int) -> None:
        """For screenshots: the overlay with a fixed number and no timer running."""
        self.tick.stop()
        self._cover()
        self._show_remaining(seconds_left)

    def dismiss(self) -> None:
        self.tick.stop()
        self.hide()

    def is_counting(self) -> bool:
        return self.isVisible() and self.tick.isActive()

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._place_card()

    def _on_tick(self) -> None:
        left = self._seconds - self._clock.elapsed() / 1000
        if left <= 0:
            self.tick.stop()  # Flow clears the screen and dismisses the overlay
            return
        self._show_remaining(math.ceil(left))

    def _show_remaining(self, seconds: int) -> None:
        self._remaining = seconds
        self.countdown.setText(self.tr("Clearing in %1…").replace("%1", str(seconds)))

    def _continue(self) -> None:
        if self.isVisible():
            self.dismiss()
            self.continued.emit()

    # ---- events -----------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere, on the card or the dimmed screen around it, means "I'm still here".
        event.accept()
        self._continue()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if obj is parent and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(parent.rect())
            self._place_card()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_card()
        super().resizeEvent(event)

    def _place_card(self) -> None:
        width = min(self.width() - 2 * self.state.theme.px(40), max(self.width() // 2, self.state.theme.px(900)))
        width = max(200, width)
        height = self.card_layout.heightForWidth(width) if self.card_layout.hasHeightForWidth() else -1
        height = max(height, self.card.sizeHint().height())
        self.card.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)

    # ---- text and looks ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        self._show_remaining(self._remaining)
        self._place_card()

    def apply_appearance(self) -> None:
        theme = self.state.theme
        side = round(theme.body_px * 3)
        self.picture.setPixmap(icon("fa5s.hand-pointer", theme.palette.primary).pixmap(side, side))
        pad = theme.px(40)
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.card_layout.setSpacing(theme.px(20))
        self.continue_button.setMinimumHeight(round(theme.touch_px * 1.2))
        super().apply_appearance()
        self._place_card()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.continue_button, "on_primary")]
