"""What the patient chose, and the offer of a free phone call. Never a diagnosis: the words come from the content
file (Content.summary), which says only a health professional can tell.

Its widgets are ui/summary.ui: the message card with the request button, and the "You chose" card whose list
scrolls inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.qt.forms.ui_summary import Ui_SummaryScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import title_sizes
from kiosk.qt.widgets.icons import icon


class SummaryScreen(Screen, Ui_SummaryScreen):
    """Signals: `request_assessment(tuple[str, ...])` (the chosen symptom ids), `back()` (to the checklist,
    keeping the choices) and `start_over()` (everything cleared)."""

    screen_name = "summary"
    request_assessment = Signal(tuple)
    back = Signal()
    start_over = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        self.symptoms: tuple[str, ...] = ()
        super().__init__(state, parent)
        self.toolbar.bind(state)
        self.header.attach(self.title, self.toolbar)
        self.request_button.clicked.connect(lambda: self.request_assessment.emit(self.symptoms))
        self.back_button.clicked.connect(self.back)
        self.start_over_button.clicked.connect(self.start_over)
        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.request_button, self.back_button, self.start_over_button])

    def show_choices(self, symptoms: tuple[str, ...]) -> None:
        """The symptom ids chosen on the checklist (empty = "None of these")."""
        self.symptoms = tuple(symptoms)
        self._fill()

    def _fill(self) -> None:
        content = self.state.content
        self.text.setText(content.summary(len(self.symptoms)))
        labels = content.symptom_labels()
        self.chosen_list.setText("\n".join(f"✓  {labels.get(sid, sid)}" for sid in self.symptoms))
        self.chosen_card.setVisible(bool(self.symptoms))
        self.chosen_scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()

    def apply_appearance(self) -> None:
        theme = self.state.theme
        side = round(theme.body_px * 2.6)
        self.phone_icon.setPixmap(icon("fa5s.phone-alt", theme.palette.primary).pixmap(side, side))
        self.phone_icon.setFixedWidth(side + theme.px(16))
        pad = theme.px(32)
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.card_layout.setSpacing(pad)
        self.chosen_layout.setContentsMargins(pad, pad, pad, pad)
        self.chosen_layout.setSpacing(theme.px(12))
        self.request_button.setMinimumHeight(round(theme.touch_px * 1.4))
        for button in (self.back_button, self.start_over_button):
            button.setMinimumHeight(round(theme.touch_px * 1.1))
        self.header.set_spacing(theme.px(16))
        self.header.set_title_sizes(title_sizes(theme.body_px))
        super().apply_appearance()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.back_button, "primary"), (self.start_over_button, "primary"),
                (self.request_button, "on_accent")]

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.body.setDirection(direction)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(margin)
        self.body.setSpacing(margin)
        super().resizeEvent(event)

    def reset(self) -> None:
        self.symptoms = ()
        self.text.setText("")
        self.chosen_list.setText("")

    def screenshot_variants(self) -> Iterator[str]:
        ids = [s.id for s in self.state.content.symptoms]
        self.show_choices((ids[0], ids[1], ids[5]))
        settle()
        yield "summary-3-chosen"
        self.show_choices(tuple(ids))
        settle()
        yield "summary-all-chosen"
        self.show_choices(())
        settle()
        yield "summary-none"
        self.reset()
