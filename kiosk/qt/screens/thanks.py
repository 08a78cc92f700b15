"""The thank-you screen: the request is safely stored; say what happens now and how to reach the clinic.

It shows the reference to quote (large), when to expect the call (config clinic.call_within, per language), the
clinic's name and phone, and a "Save our number" code holding the clinic's contact card (vCard 3.0, from
kiosk.core.contact), so the patient knows the number when the call comes. Its widgets are ui/thanks.ui. Flow takes
the patient back to the loop after config.idle.thanks_seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.core.contact import clean_text, phone_digits, vcard
from kiosk.qt.forms.ui_thanks import Ui_ThanksScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.icons import icon

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size


class ThanksScreen(Screen, Ui_ThanksScreen):
    """Signal `done()` on a tap on "Done" (Flow also leaves the screen after its time is up)."""

    screen_name = "thanks"
    done = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.reference = ""
        self._portrait = False
        self.toolbar.bind(state)
        self.header.attach(None, self.toolbar)
        self.done_button.clicked.connect(self.done)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.done_button])

    def show_reference(self, reference: str) -> None:
        """Called by Flow as the screen comes up."""
        self.reference = reference
        self.reference_label.setText(reference)
        self.reference_label.setAccessibleName(reference)
        self._refit.start()

    # ---- texts ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        clinic = self.state.config.clinic
        when = clean_text(clinic.call_within.get(self.state.language, ""))
        self.when.setText(self.tr("Expect our call %1.").replace("%1", when) if when else "")
        self.when.setVisible(bool(when))
        self.clinic_name.setText(clinic.name)
        phone = clean_text(clinic.phone).replace(" ", "\u00a0")  # the number never breaks across lines
        self.clinic_phone.setText(self.tr("Our phone number: %1").replace("%1", phone) if phone else "")
        self.clinic_phone.setVisible(bool(phone))
        self.contact_code.set_code(
            self.contact_card(), self.tr("Save our number"),
            self.tr("Scan with your camera to add the clinic to your contacts."), "fa5s.address-card",
            self.tr("The clinic's contact card: name, phone number, address and website"))
        self.contact_code.setVisible(self.offers_contact())
        self._refit.start()

    def offers_contact(self) -> bool:
        """A contact card is worth saving only with a number on it."""
        clinic = self.state.config.clinic
        return bool(phone_digits(clinic.phone) or phone_digits(clinic.sms_number))

    def contact_card(self) -> str:
        clinic = self.state.config.clinic
        return vcard(clinic.name, clinic.phone, sms_number=clinic.sms_number, address=clinic.address,
                     website=clinic.website)

    # ---- look and room ----------------------------------------------------------------------------------------
    def apply_appearance(self) -> None:
        theme = self.state.theme
        self.done_button.setMinimumHeight(round(theme.touch_px * 1.2))
        self.contact_code.apply_theme(theme)
        super().apply_appearance()
        self.fit()
        self._refit.start()

    def fit(self) -> None:
        """Largest tick, reference and code that fit: the reference from 4 down to 2 body sizes, the code from about
        6 down to 3 px per module; the tick shrinks with them."""
        if self.width() <= 0 or self.height() <= 0:
            return
        theme = self.state.theme
        body = theme.body_px
        scale = 1.0
        self.tick.show()
        while True:
            side = max(round(body * 1.5), round(body * 4 * scale))
            self.tick.setPixmap(icon("fa5s.check-circle", theme.palette.primary).pixmap(side, side))
            # Very large and spaced out: read across the room, copied onto a card, spelled out on the phone.
            self.reference_label.setStyleSheet(f"font-size: {max(body * 2, round(body * 4 * scale))}px; "
                                               f"font-weight: 800; letter-spacing: {theme.px(8)}px;")
            self.contact_code.set_code_side(round(self.contact_code.preferred_code_px(theme) * scale))
            # Landscape: the card only as wide as its code (or its words) needs; the message takes the rest.
            self.contact_code.setMaximumWidth(QWIDGETSIZE_MAX if self._portrait
                                              else self.contact_code.narrow_width(theme))
            if self._needed_height() <= self._room():
                # Room to spare: a bigger code (no wider than the card's words need) reads from further away.
                width = self.width() - self.root_layout.contentsMargins().left() * 2
                card_w = width if self._portrait else self.contact_code.narrow_width(theme)
                self.contact_code.grow_code(lambda: self._needed_height() <= self._room(), card_w, theme)
                return
            if scale <= 0.5:
                break
            scale -= 0.05
        # Still too tight (large text on a small screen): the tick is decoration, the words are not.
        self.tick.hide()

    def _room(self) -> int:
        m = self.root_layout.contentsMargins()
        width = self.width() - m.left() - m.right()
        header = max(self.header.sizeHint().height(), self.header.heightForWidth(width))
        return self.height() - m.top() - m.bottom() - header - self.done_button.sizeHint().height() \
            - 2 * self.root_layout.spacing()

    def _needed_height(self) -> int:
        m = self.root_layout.contentsMargins()
        width = self.width() - m.left() - m.right()
        spacing = self.body.spacing()
        code = self.offers_contact()
        card_w = min(self.contact_code.maximumWidth(), (width - spacing) // 2)
        message_w = width if self._portrait or not code else width - spacing - card_w
        shown = [w for w in (self.tick, self.title, self.when, self.reference_caption, self.reference_label,
                             self.clinic_name, self.clinic_phone, self.seat) if not w.isHidden()]
        message = sum(w.heightForWidth(message_w) if w.hasHeightForWidth() else w.sizeHint().height()
                      for w in shown) + self.message_layout.spacing() * (len(shown) - 1)
        if not code:
            return message
        if self._portrait:
            return message + spacing + self.contact_code.heightForWidth(width)
        return max(message, self.contact_code.heightForWidth(card_w))

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.done_button, "on_primary")]

    def turn(self, portrait: bool) -> None:
        self._portrait = portrait
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.contact_code.set_beside(portrait)

    def resizeEvent(self, event: QResizeEvent) -> None:
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin)
        self.turn(self.height() > self.width())
        self.body.setSpacing(margin)
        self.message_layout.setSpacing(max(8, margin // 3))
        super().resizeEvent(event)
        self.fit()
        self._refit.start()

    def reset(self) -> None:
        self.reference = ""
        self.reference_label.setText("")
        self.reference_label.setAccessibleName("")

    def screenshot_variants(self) -> Iterator[str]:
        self.show_reference("PS-7K3Q")
        settle()
        yield "thanks"
        self.reset()
