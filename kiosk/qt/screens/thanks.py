"""After a request is safely stored: thank the patient, show the reference, then go back to the loop."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.icons import icon
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.toolbar import PatientToolbar


class ThanksScreen(QWidget):
    """Signal `done()` after config.idle.thanks_seconds or a tap on "Done"."""

    screen_name = "thanks"
    done = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setProperty("screen", True)
        self.reference = ""

        self.toolbar = PatientToolbar(state)
        # A patient changing the language or text size here is reading: give them the full time again.
        self.toolbar.used.connect(self._restart_timer)
        self.header = ScreenHeader(toolbar=self.toolbar)
        self.tick = QLabel()
        self.tick.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = WrappingLabel(role="title")
        self.reference_caption = WrappingLabel(role="heading")
        self.reference_label = QLabel()
        self.reference_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_label.setProperty("role", "clinic")  # the primary colour, bold
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.seat = WrappingLabel(role="body")
        for label in (self.title, self.reference_caption, self.reference_label, self.seat):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = TouchButton(role="primary", icon="fa5s.check")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self._finish)

        root = QVBoxLayout(self)
        root.addWidget(self.header)
        root.addStretch(2)
        root.addWidget(self.tick)
        root.addWidget(self.title)
        root.addStretch(1)
        root.addWidget(self.reference_caption)
        root.addWidget(self.reference_label)
        root.addStretch(1)
        root.addWidget(self.seat)
        root.addStretch(2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button, 1)
        buttons.addStretch(1)
        root.addLayout(buttons)
        self.root_layout = root

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._finish)

        state.language_changed.connect(self.retranslate)
        state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()
        set_focus_order([*self.toolbar.buttons(), self.done_button])

    def show_reference(self, reference: str) -> None:
        """Called by Flow as the screen comes up; starts the way back to the loop."""
        self.reference = reference
        self.reference_label.setText(reference)
        self.reference_label.setAccessibleName(reference)
        self._restart_timer()

    def _restart_timer(self) -> None:
        if self.reference:
            self.timer.start(max(50, int(self.state.config.idle.thanks_seconds * 1000)))

    def _finish(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        self.done.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you! We will call you."))
        self.reference_caption.setText(self.tr("Your reference:"))
        self.seat.setText(self.tr("You can go back to your seat."))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setAccessibleDescription(self.tr("Back to the slides"))

    def apply_appearance(self) -> None:
        theme = self.state.theme
        side = round(theme.body_px * 4)
        self.tick.setPixmap(icon("fa5s.check-circle", theme.palette.primary).pixmap(side, side))
        # Very large and spaced out: read across the room, copied onto a card, spelled out on the phone.
        self.reference_label.setStyleSheet(f"font-size: {round(theme.body_px * 4)}px; font-weight: 800; "
                                           f"letter-spacing: {theme.px(8)}px;")
        self.done_button.setMinimumHeight(round(theme.touch_px * 1.2))
        self._refresh_icons()

    def _refresh_icons(self) -> None:
        self.done_button.refresh_icon(self.state.theme.palette.on_primary)

    def showEvent(self, event: object) -> None:
        # Icon sizes follow the button's font, which is final only once the style sheet has polished the button.
        self._refresh_icons()
        super().showEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: object) -> None:
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def reset(self) -> None:
        self.timer.stop()
        self.reference = ""
        self.reference_label.setText("")
        self.reference_label.setAccessibleName("")

    def screenshot_variants(self) -> Iterator[str]:
        self.show_reference("PS-7K3Q")
        self.timer.stop()  # hold still for the picture
        settle()
        yield "thanks"
        self.reset()
