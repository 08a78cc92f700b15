"""What the patient chose, and the offer of a free phone call. Never a diagnosis: the words come from the content
file (Content.summary), which says only a health professional can tell."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import ScreenHeader, title_sizes
from kiosk.qt.widgets.icons import icon
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.scrolling import KineticScrollArea
from kiosk.qt.widgets.toolbar import PatientToolbar


class SummaryScreen(QWidget):
    """Signals: `request_assessment(tuple[str, ...])` (the chosen symptom ids), `back()` (to the checklist,
    keeping the choices) and `start_over()` (everything cleared)."""

    screen_name = "summary"
    request_assessment = Signal(tuple)
    back = Signal()
    start_over = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setProperty("screen", True)
        self.symptoms: tuple[str, ...] = ()

        self.title = WrappingLabel(role="title")
        self.toolbar = PatientToolbar(state)
        self.header = ScreenHeader(left=self.title, toolbar=self.toolbar)

        # The message and the offer, in one card beside a phone icon: the one thing to read on this screen.
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.phone_icon = QLabel()
        self.phone_icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.text = WrappingLabel(role="heading")
        self.request_button = TouchButton(role="cta", icon="fa5s.phone-alt")
        self.request_button.clicked.connect(lambda: self.request_assessment.emit(self.symptoms))
        card_layout = QGridLayout(self.card)
        card_layout.addWidget(self.phone_icon, 0, 0)
        card_layout.addWidget(self.text, 0, 1)
        # Under the icon too: the card's whole width for the words, which are long in Spanish and in large text.
        card_layout.addWidget(self.request_button, 1, 0, 1, 2)
        card_layout.setColumnStretch(1, 1)
        self.card_layout = card_layout

        # What they chose, so they can check it before asking for a call.
        self.chosen_card = QFrame()
        self.chosen_card.setProperty("role", "card")
        self.chosen_title = WrappingLabel(role="heading")
        self.chosen_list = WrappingLabel(role="body")
        self.chosen_list.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Every symptom in large text does not fit a 1280x800 screen: the list then scrolls (with a finger) inside
        # its card, and the message and the button beside it stay where they are.
        self.chosen_scroll = KineticScrollArea(self.chosen_list)
        chosen = QVBoxLayout(self.chosen_card)
        chosen.addWidget(self.chosen_title)
        chosen.addWidget(self.chosen_scroll, 1)
        self.chosen_layout = chosen

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        # The message and the button get two thirds: the list beside them can scroll, the message cannot.
        self.body.addWidget(self.card, 2)
        self.body.addWidget(self.chosen_card, 1)

        self.back_button = TouchButton(icon="fa5s.arrow-left")
        self.start_over_button = TouchButton(role="ghost", icon="fa5s.undo-alt")
        self.back_button.clicked.connect(self.back)
        self.start_over_button.clicked.connect(self.start_over)
        for button in (self.back_button, self.start_over_button, self.request_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch only: no focus ring on a button
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button, 1)
        bottom.addWidget(self.start_over_button, 1)
        bottom.addStretch(2)

        root = QVBoxLayout(self)
        root.addWidget(self.header)
        root.addStretch(1)
        root.addLayout(self.body)  # at the height it needs, a little above the middle of the screen
        root.addStretch(2)
        root.addLayout(bottom)
        self.root_layout = root

        state.language_changed.connect(self.retranslate)
        state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()
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
        self.title.setText(self.tr("Your answers"))
        self.chosen_title.setText(self.tr("You chose:"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleDescription(self.tr("Change your answers"))
        self.start_over_button.setText(self.tr("Start over"))
        self.start_over_button.setAccessibleDescription(self.tr("Clear your answers and go back to the slides"))
        self.request_button.setText(self.tr("Request a free phone call"))
        self.request_button.setAccessibleDescription(self.tr("Type your name and phone number on the next screen"))
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
        self._refresh_icons()

    def _refresh_icons(self) -> None:
        palette = self.state.theme.palette
        self.back_button.refresh_icon(palette.primary)
        self.start_over_button.refresh_icon(palette.primary)
        self.request_button.refresh_icon(palette.on_accent)

    def showEvent(self, event: object) -> None:
        # Icon sizes follow the button's font, which is final only once the style sheet has polished the button.
        self._refresh_icons()
        super().showEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: object) -> None:
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.body.setDirection(direction)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(margin)
        self.body.setSpacing(margin)
        super().resizeEvent(event)  # type: ignore[arg-type]

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
