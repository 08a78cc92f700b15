"""What the patient chose, and the offer of a free phone call. Never a diagnosis: the words come from the content
file (Content.summary), which says only a health professional can tell.

Its widgets are ui/summary.ui: the message card with the request button and the "You chose" card (they scroll
together when large text leaves too little room), and the "Rather use your own phone?" code (an SMS to the clinic,
shown when the clinic has an SMS number). The screen uses its room: the message, the list and the code are as
large as the screen allows, and shrink (never below the body size or a code a phone reads) until everything fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.qt.forms.ui_summary import Ui_SummaryScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import title_sizes
from kiosk.qt.widgets.icons import icon


def _set_style(widget: QWidget, style: str) -> None:
    """A widget's own style sheet, set only when it changes (each setStyleSheet restyles the widget)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


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
        self.sms_code.bind(state)
        self._portrait = False
        # Texts and sizes settle after the layout has placed the cards: fit once the events are through.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.request_button, self.back_button, self.start_over_button])

    def show_choices(self, symptoms: tuple[str, ...]) -> None:
        """The symptom ids chosen on the checklist (empty = "None of these")."""
        self.symptoms = tuple(symptoms)
        self.sms_code.show_symptoms(self.symptoms)
        self._fill()

    def _fill(self) -> None:
        content = self.state.content
        self.text.setText(content.summary(len(self.symptoms)))
        labels = content.symptom_labels()
        self.chosen_list.setText("\n".join(f"✓  {labels.get(sid, sid)}" for sid in self.symptoms))
        self.chosen_card.setVisible(bool(self.symptoms))
        self.answers_scroll.verticalScrollBar().setValue(0)
        self.fit()
        self._refit.start()

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
        self.fit()
        self._refit.start()

    # ---- using the room -------------------------------------------------------------------------------------
    def fit(self) -> None:
        """Largest message, list and code that fit: from a title-sized message, a heading-sized list and a code of
        about 6 px per module, down to body-sized words and a code of 3 px per module. Past that the answers
        scroll (large text on a small screen); the code never does."""
        if self.width() <= 0 or self.height() <= 0:
            return
        theme = self.state.theme
        body = theme.body_px
        scale = 1.0
        while True:
            _set_style(self.text, f"font-size: {max(body, round(body * 1.75 * scale))}px;")
            _set_style(self.chosen_list, f"font-size: {max(body, round(body * 1.3 * scale))}px;")
            self.sms_code.set_code_side(round(self.sms_code.preferred_code_px(theme) * scale))
            if self._needed_height() <= self._room():
                # Room to spare: a bigger code reads from further away.
                width = self._body_width()
                card_w = width if self._portrait else width - self.body.spacing() - self._answers_width()
                self.sms_code.grow_code(lambda: self._needed_height() <= self._room(), card_w, theme)
                break
            if scale <= 0.5:
                break
            scale -= 0.05
        # Landscape: the answers get their share (see _answers_width) and the code the rest.
        if not self._portrait:
            answers = self._answers_width()
            self.body.setStretch(0, answers)
            self.body.setStretch(1, max(1, self._body_width() - self.body.spacing() - answers))

    def _room(self) -> int:
        """Height the body may use: the screen less the header, the button row, margins and spacings."""
        m = self.root_layout.contentsMargins()
        spacing = self.root_layout.spacing()
        # The header puts its title under the toolbar when the screen is narrow: ask it for its height there.
        header = max(self.header.sizeHint().height(), self.header.heightForWidth(self._body_width()))
        return self.height() - m.top() - m.bottom() - header - self.back_button.sizeHint().height() - 2 * spacing

    def _body_width(self) -> int:
        m = self.root_layout.contentsMargins()
        return self.width() - m.left() - m.right()

    def _answers_width(self) -> int:
        """Landscape: three fifths of the body, or more when the request button's words (which do not wrap) and a
        scroll bar need it. Portrait, or no code beside the answers: the whole width."""
        width = self._body_width()
        if self._portrait or not self.sms_code.offered:
            return width
        scroll_bar = self.answers_scroll.verticalScrollBar().sizeHint().width()
        least = self.answers_content.minimumSizeHint().width() + scroll_bar
        return max((width - self.body.spacing()) * 3 // 5, least)

    def _needed_height(self) -> int:
        """Height of the answers (message card, then the list) and the code, at the sizes just set."""
        width = self._body_width()
        spacing = self.body.spacing()
        # Measured without the scroll bar's width, so that the answers fit when there is none.
        answers_w = self._answers_width() - self.answers_scroll.verticalScrollBar().sizeHint().width()
        answers = self.card.heightForWidth(answers_w)
        if self.symptoms:
            answers += self.answers.spacing() + self.chosen_card.heightForWidth(answers_w)
        if not self.sms_code.offered:
            return answers
        if self._portrait:
            return answers + spacing + self.sms_code.heightForWidth(width)
        return max(answers, self.sms_code.heightForWidth(width - spacing - answers_w))

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.back_button, "primary"), (self.start_over_button, "primary"),
                (self.request_button, "on_accent")]

    def turn(self, portrait: bool) -> None:
        self._portrait = portrait
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.body.setDirection(direction)
        self.sms_code.set_beside(portrait)  # portrait: words beside the code, under the answers
        # Portrait: the code as high as it needs, the answers the rest. Landscape: 3:2 side by side.
        self.body.setStretch(0, 1 if portrait else 3)
        self.body.setStretch(1, 0 if portrait else 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.turn(self.height() > self.width())
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(margin)
        self.body.setSpacing(margin)
        self.answers.setSpacing(margin)
        super().resizeEvent(event)
        self.fit()
        self._refit.start()

    def reset(self) -> None:
        self.symptoms = ()
        self.sms_code.reset()
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
