"""The staff PIN pad, reached by the hidden corner gesture. Big keys, dots instead of digits, clear messages.

Its widgets are ui/staff_pin.ui. Flow cancels it after config.staff.pin_timeout_seconds untouched.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.security import PIN_MAX, PinCheck, PinVault
from kiosk.core.store import RequestStore, StoreError
from kiosk.qt.forms.ui_staff_pin import Ui_StaffPinScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton, set_role
from kiosk.qt.widgets.pad_key import PadKey

__all__ = ["DOT", "PadKey", "StaffPinScreen", "vault_for"]

log = logging.getLogger(__name__)

DOT = "●"
KEY_SPACING = 16  # the key grid's gaps (ui/staff_pin.ui)

# One vault per store: when the store cannot be written the attempt counter lives in the vault's memory, so the
# same vault must see every attempt (and the panel asks it whether the counter is saved).
_VAULTS: weakref.WeakKeyDictionary[RequestStore, PinVault] = weakref.WeakKeyDictionary()


def vault_for(store: RequestStore) -> PinVault:
    """The kiosk's PinVault for `store`, made once."""
    vault = _VAULTS.get(store)
    if vault is None:
        vault = _VAULTS[store] = PinVault(store)
    return vault


class StaffPinScreen(Screen, Ui_StaffPinScreen):
    """Asks for the staff PIN. Emits `accepted` for the right PIN and `cancelled` for Cancel. Flow cancels it
    after config.staff.pin_timeout_seconds untouched, so that patients never face it."""

    screen_name = "staff_pin"
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._portrait = False
        self._digits = ""
        self._message_kind = ""
        self._locked_until: datetime | None = None
        self._attempts_left = 0

        self.keys: dict[str, PadKey] = {}
        for digit in "1234567890":
            key: PadKey = getattr(self, f"key_{digit}")
            key.clicked.connect(lambda _=False, digit=digit: self._press_digit(digit))
            self.keys[digit] = key
        self.backspace.clicked.connect(self._backspace)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.cancel)

        # When a lockout ends while the pad is on screen, unlock the keys without needing a tap.
        self.unlock_timer = QTimer(self)
        self.unlock_timer.setSingleShot(True)
        self.unlock_timer.timeout.connect(self.refresh)

        self.follow_state()

    # ---- text and looks -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        self._show_dots()
        self._show_message()

    def apply_appearance(self) -> None:
        theme = self.state.theme
        # A portrait screen has room to spare under the pad: bigger keys are easier to hit.
        grow = 1.25 if self._portrait else 1.0
        # A short landscape screen (1280x800) has no height to spare for the pad, its messages and Cancel.
        roomy = self._portrait or theme.screen_short_side >= 1000
        key_h = round(theme.touch_px * (1.2 if roomy else 1.0) * grow)
        key_w = round(theme.touch_px * 2.1 * grow)
        digit_px = round(theme.body_px * 1.6)
        p = theme.palette
        # Widget-level sheets: the digits grow, and a locked pad must look locked (the app sheet's key and primary
        # roles would otherwise keep their normal colours when disabled).
        disabled = (f"QPushButton:disabled {{ color: {p.muted_text}; background: {p.background}; "
                    f"border-color: {p.muted_text}; border-style: dashed; }}")
        for key in self.keys.values():
            key.setStyleSheet(f"QPushButton {{ font-size: {digit_px}px; }} {disabled}")
        for key in (self.backspace, self.ok_button):
            key.setStyleSheet(disabled)
        for key in (*self.keys.values(), self.backspace, self.ok_button):
            key.set_key_size(QSize(key_w, key_h))
        self.cancel_button.setMinimumHeight(theme.touch_px)
        self.dots.setMinimumHeight(round(theme.body_px * 2.4))
        self.column_widget.setFixedWidth(key_w * 3 + 2 * KEY_SPACING)  # three keys and the grid's two gaps
        super().apply_appearance()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.backspace, "text"), (self.ok_button, "on_primary"), (self.cancel_button, "primary")]

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._portrait = portrait
            self.apply_appearance()
        super().resizeEvent(event)

    # ---- what the flow calls ----------------------------------------------------------------------------
    def enter(self) -> None:
        """The pad comes on screen: empty, showing whether staff mode is set up or locked."""
        self._digits = ""
        self.apply_appearance()  # icons are sized from the styled font, known once the screen is polished
        self.setFocus()  # a keyboard's digits go to the pad; no button starts with a focus ring
        self.refresh()

    def reset(self) -> None:
        self._digits = ""
        self._set_message("")
        self.unlock_timer.stop()
        self._set_keys_enabled(True)
        self._show_dots()

    def cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def refresh(self) -> None:
        """Read the vault: not set up, locked, or ready for a PIN."""
        self.unlock_timer.stop()
        vault = self._vault()
        if vault is None:
            return
        try:
            check = vault.lock_state()
        except StoreError as exc:
            self._store_failed(exc)
            return
        self._apply_check(check, fresh=True)

    # ---- keys -----------------------------------------------------------------------------------------------
    def _press_digit(self, digit: str) -> None:
        if len(self._digits) >= PIN_MAX:
            return
        self._digits += digit
        if self._message_kind == "wrong":
            self._set_message("")  # a new attempt has started; the old complaint is stale
        self._show_dots()

    def _backspace(self) -> None:
        self._digits = self._digits[:-1]
        self._show_dots()

    def _submit(self) -> None:
        if not self._digits:
            self._set_message("empty")
            return
        vault = self._vault()
        if vault is None:
            return
        pin, self._digits = self._digits, ""
        self._show_dots()
        try:
            check = vault.verify(pin)
        except StoreError as exc:
            self._store_failed(exc)
            return
        if check.ok:
            log.info("staff PIN accepted")
            if check.unsaved is not None:
                # The panel shows this as a warning (and says why wrong PINs are not remembered across restarts).
                self.state.store_error = str(check.unsaved)
            self.reset()
            self.accepted.emit()
            return
        self._apply_check(check, fresh=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A keyboard at the front desk works too: digits, Backspace, Enter.
        text = event.text()
        if text.isdigit() and len(text) == 1 and text.isascii():
            if self.keys[text].isEnabled():
                self._press_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.ok_button.isEnabled():
                self._submit()
        else:
            super().keyPressEvent(event)

    # ---- state --------------------------------------------------------------------------------------------
    def _vault(self) -> PinVault | None:
        try:
            return vault_for(self.state.store)
        except StoreError as exc:
            self._store_failed(exc)
            return None

    def _store_failed(self, exc: StoreError) -> None:
        # The message names the file and the kind of problem, never personal data.
        log.error("staff PIN: request database unavailable (%s)", exc.kind)
        self.state.store_error = str(exc)
        self._set_keys_enabled(False)
        self._set_message("store")

    def _apply_check(self, check: PinCheck, *, fresh: bool) -> None:
        if check.not_set:
            self._set_keys_enabled(False)
            self._set_message("not_set")
        elif check.locked_until is not None:
            self._locked_until = check.locked_until
            self._set_keys_enabled(False)
            self._set_message("locked")
            wait_ms = int((check.locked_until - datetime.now(UTC)).total_seconds() * 1000) + 500
            self.unlock_timer.start(max(500, min(wait_ms, 10 * 60 * 1000)))
        else:
            self._set_keys_enabled(True)
            if fresh:
                self._set_message("")
            else:
                self._attempts_left = check.attempts_left
                self._set_message("wrong")

    def _set_keys_enabled(self, enabled: bool) -> None:
        for key in (*self.keys.values(), self.backspace, self.ok_button):
            key.setEnabled(enabled)

    def _show_dots(self) -> None:
        count = len(self._digits)
        self.dots.setText(" ".join(DOT * count))
        # Screen readers hear how many digits there are, never which.
        self.dots.setAccessibleName(self.tr("%1 digits entered").replace("%1", str(count)))

    def _set_message(self, kind: str) -> None:
        self._message_kind = kind
        self._show_message()

    def _show_message(self) -> None:
        kind = self._message_kind
        text = ""
        if kind == "wrong":
            if self._attempts_left == 1:
                text = self.tr("Wrong PIN. 1 try left.")
            else:
                text = self.tr("Wrong PIN. %1 tries left.").replace("%1", str(self._attempts_left))
        elif kind == "locked" and self._locked_until is not None:
            # Rounded up to the minute: at "14:05" the pad is open again, never a few seconds later.
            until = self._locked_until.astimezone()
            if until.second or until.microsecond:
                until = until.replace(second=0, microsecond=0) + timedelta(minutes=1)
            at = until.strftime("%H:%M")
            text = self.tr("Too many wrong PINs. Try again at %1.").replace("%1", at)
        elif kind == "not_set":
            text = self.tr("Staff mode is not set up. IT can set a PIN with: psoas-kiosk set-pin")
        elif kind == "empty":
            text = self.tr("Type the PIN first, then tap OK.")
        elif kind == "store":
            text = self.tr("The kiosk's data file cannot be opened, so staff mode is not available. "
                           "Ask IT to check the data folder.")
        set_role(self.message, "body" if kind == "not_set" else "error")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- screenshots ----------------------------------------------------------------------------------------
    def screenshot_variants(self) -> Iterator[str]:
        """Each look of the pad, set directly so rendering never counts as a PIN attempt."""
        self.reset()
        self.apply_appearance()
        self.setFocus()
        yield "staff-pin-empty"
        self._digits = "123"
        self._show_dots()
        yield "staff-pin-typing"
        self._digits = ""
        self._show_dots()
        self._attempts_left = 3
        self._set_message("wrong")
        yield "staff-pin-wrong"
        self._locked_until = datetime.now(UTC) + timedelta(minutes=5)
        self._set_keys_enabled(False)
        self._set_message("locked")
        yield "staff-pin-locked"
        self._set_message("not_set")
        yield "staff-pin-not-set"
        self.reset()
