"""The "Still there?" overlay: after a quiet spell on a patient screen, count down, then clear everything."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.icons import icon
from kiosk.qt.widgets.labels import WrappingLabel

BACKDROP = QColor(0, 0, 0, 160)  # dims the screen behind; the card itself carries the text (full contrast)


class StillThereOverlay(QWidget):
    """Covers the whole window (a child of it, on top of the screens). A tap anywhere emits `continued()`.
    The countdown on show is only a display: Flow's idle timer decides when the time is up."""

    continued = Signal()

    def __init__(self, window: QWidget, state: KioskState) -> None:
        super().__init__(window)
        self.state = state
        self._seconds = 10.0
        self._remaining = 10
        self._clock = QElapsedTimer()
        self.tick = QTimer(self)
        self.tick.timeout.connect(self._on_tick)

        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = WrappingLabel(role="title")
        self.body = WrappingLabel(role="body")
        self.countdown = WrappingLabel(role="heading")
        for label in (self.title, self.body, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = TouchButton(role="primary", icon="fa5s.hand-pointer")
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the form's field keeps its focus
        self.continue_button.clicked.connect(self._continue)
        layout = QVBoxLayout(self.card)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.countdown)
        layout.addWidget(self.continue_button)
        self.card_layout = layout

        window.installEventFilter(self)  # follow the window's size
        state.language_changed.connect(self.retranslate)
        state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()
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
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
            self._place_card()
        return False

    def resizeEvent(self, event: object) -> None:
        self._place_card()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _place_card(self) -> None:
        width = min(self.width() - 2 * self.state.theme.px(40), max(self.width() // 2, self.state.theme.px(900)))
        width = max(200, width)
        height = self.card.layout().heightForWidth(width) if self.card.layout().hasHeightForWidth() else -1
        height = max(height, self.card.sizeHint().height())
        self.card.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)

    # ---- text and looks ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Still there?"))
        self.body.setText(self.tr("Tap anywhere to continue."))
        self.continue_button.setText(self.tr("I'm still here"))
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
        self._refresh_icons()
        self._place_card()

    def _refresh_icons(self) -> None:
        self.continue_button.refresh_icon(self.state.theme.palette.on_primary)

    def showEvent(self, event: object) -> None:
        # Icon sizes follow the button's font, which is final only once the style sheet has polished the button.
        self._refresh_icons()
        super().showEvent(event)  # type: ignore[arg-type]
