"""Drive a kiosk the way a patient does, without QtTest (the frozen bundle leaves it out): find buttons by the
words on them, click them, tap with real mouse events, type on the on-screen keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

if TYPE_CHECKING:
    from kiosk.qt.app import Kiosk


def settle() -> None:
    """Deliver posted events (layouts, polish) and paint what changed."""
    QApplication.processEvents()


def button(root: QWidget, text: str) -> QAbstractButton:
    """The one visible button showing `text` (or announcing it as its accessible name, for icon-only buttons)."""
    found = [b for b in root.findChildren(QAbstractButton)
             if b.isVisible() and text in (b.text().replace("&", ""), b.accessibleName())]
    if len(found) != 1:
        raise LookupError(f"expected one visible button {text!r}, found {len(found)}")
    return found[0]


def click(root: QWidget, text: str) -> None:
    button(root, text).click()
    settle()


def send_mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint | None = None) -> None:
    """A real mouse event through QApplication (so every application-wide event filter sees it)."""
    local = QPointF(pos if pos is not None else widget.rect().center())
    pressed = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)), Qt.MouseButton.LeftButton, pressed,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    send_mouse(widget, QEvent.Type.MouseButtonPress, pos)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, pos)
    settle()


class Patient:
    """One complete visit: checklist -> summary -> form (typed on the keyboard) -> save -> thanks -> loop."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.flow = kiosk.flow

    def _expect(self, screen: str) -> None:
        if self.flow.current != screen:
            raise RuntimeError(f"expected the {screen} screen, the kiosk shows {self.flow.current}")

    def type_text(self, text: str) -> None:
        """Taps one key per character. Lower-case letters, digits, space: auto-capitalisation does the rest."""
        keyboard = self.flow.request_form.keyboard
        for ch in text:
            if ch == " ":
                keys = [k for k in keyboard.keys if k.isVisible() and k.kind == "space"]
            else:
                keys = [k for k in keyboard.keys if k.isVisible() and k.kind == "char" and k.value == ch]
            if not keys:
                raise LookupError(f"no visible key for {ch!r}")
            keys[0].click()
        settle()

    def visit(self, n: int, symptom_labels: list[str]) -> None:
        flow = self.flow
        self._expect("education")
        flow.education.cta.click()  # "Check my symptoms"
        settle()
        self._expect("checklist")
        for i in range(1 + n % 3):
            click(self.window, symptom_labels[(n + 3 * i) % len(symptom_labels)])
        click(self.window, "Next")
        self._expect("summary")
        click(self.window, "Request a free phone call")
        self._expect("request_form")
        form = flow.request_form
        tap(form.name_edit)
        self.type_text("ana lee")
        tap(form.phone_edit)
        self.type_text(f"20155501{n % 100:02d}")
        click(self.window, ("Morning", "Afternoon", "Evening", "Any time")[n % 4])
        tap(form.consent_tile)
        click(self.window, "Send my request")
        self._expect("thanks")
        click(self.window, "Done")
        self._expect("education")
