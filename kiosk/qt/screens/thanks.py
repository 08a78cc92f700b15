"""The thank-you screen: the request is safely stored; thank the patient and show the reference to quote.

Its widgets are ui/thanks.ui. Flow takes the patient back to the loop after config.idle.thanks_seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.forms.ui_thanks import Ui_ThanksScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.icons import icon


class ThanksScreen(Screen, Ui_ThanksScreen):
    """Signal `done()` on a tap on "Done" (Flow also leaves the screen after its time is up)."""

    screen_name = "thanks"
    done = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.reference = ""
        self.toolbar.bind(state)
        self.header.attach(None, self.toolbar)
        self.done_button.clicked.connect(self.done)
        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.done_button])

    def show_reference(self, reference: str) -> None:
        """Called by Flow as the screen comes up."""
        self.reference = reference
        self.reference_label.setText(reference)
        self.reference_label.setAccessibleName(reference)

    def apply_appearance(self) -> None:
        theme = self.state.theme
        side = round(theme.body_px * 4)
        self.tick.setPixmap(icon("fa5s.check-circle", theme.palette.primary).pixmap(side, side))
        # Very large and spaced out: read across the room, copied onto a card, spelled out on the phone.
        self.reference_label.setStyleSheet(f"font-size: {round(theme.body_px * 4)}px; font-weight: 800; "
                                           f"letter-spacing: {theme.px(8)}px;")
        self.done_button.setMinimumHeight(round(theme.touch_px * 1.2))
        super().apply_appearance()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.done_button, "on_primary")]

    def resizeEvent(self, event: QResizeEvent) -> None:
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin)
        super().resizeEvent(event)

    def reset(self) -> None:
        self.reference = ""
        self.reference_label.setText("")
        self.reference_label.setAccessibleName("")

    def screenshot_variants(self) -> Iterator[str]:
        self.show_reference("PS-7K3Q")
        settle()
        yield "thanks"
        self.reset()
