"""Beyond sight and touch: headings and announcements for screen readers, keyboard and switch operation of every
patient screen (with a visible focus ring), and what "Read aloud" says on each screen.

build_kiosk wires it to a kiosk: `install_heading_roles()` before anything is shown, `KeyboardAccess(flow)` right
after the first slide is painted. The screens themselves only name their widgets and chain
them in reading order (kiosk.qt.widgets.focus.set_focus_order); everything shared lives here:

- Labels styled as a title or heading are reported to assistive technology with the Heading role.
- `announce(widget, text)` tells a screen reader about something that just appeared (an error, the "Still there?"
  countdown), and speaks it when the patient has read-aloud on.
- Keys: Tab / Shift+Tab move through the screen's controls in reading order, the arrow keys do the same between
  buttons and tiles, Enter and Space press the focused button, Enter in a one-line field goes to the next one, and
  Escape does what the screen's Back button does. The window's lock-down (kiosk.qt.window.EscapeGuard) stays: no
  key leaves the kiosk.
- A focus ring, drawn over the focused control in the theme's focus colour, once the patient uses keys (a tap
  never shows it).
"""

from __future__ import annotations

import atexit
import logging
import re
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from kiosk.qt import speech
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.focus import can_take_tab_focus, chain_end

if TYPE_CHECKING:
    from kiosk.qt.flow import Flow

log = logging.getLogger(__name__)

HEADING_ROLES = frozenset({"title", "heading"})  # the style sheet's label roles that are headings
# Widgets that draw a picture (a slide's illustration, a QR code): images, named by what they show.
PICTURE_CLASSES = frozenset({"PictureView", "IllustrationView", "QrCodeView", "QrCode"})


# ---- headings ---------------------------------------------------------------------------------------------------
class _HeadingLabel(QAccessibleWidget):
    """A title label as assistive technology sees it: a heading named by its own words."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or _plain(self._label.text())
        return super().text(kind)


class _Picture(QAccessibleWidget):
    """A drawn picture as assistive technology sees it: an image with the content's description as its name."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.Graphic)


# The interfaces made here. Python owns them (shiboken), yet Qt's accessibility cache keeps and uses them until
# their widget goes, and then deletes them itself (which marks the Python object invalid). So Python must never
# free one: each is kept here for good (dead ones are pruned), and at exit they are let go without being freed.
_made: list[QAccessibleWidget] = []
_prune_at = 256


def _keep(made: QAccessibleWidget) -> None:
    global _prune_at
    _made.append(made)
    if len(_made) >= _prune_at:
        _made[:] = [m for m in _made if shiboken6.isValid(m)]  # those Qt deleted with their widget
        _prune_at = max(256, 2 * len(_made))


def _let_go_at_exit() -> None:
    for made in _made:
        if shiboken6.isValid(made):
            shiboken6.invalidate(made)  # Python forgets it without deleting it: Qt's cache may still hold it
    _made.clear()


def _heading_factory(_class_name: str, obj: QObject) -> QAccessibleWidget | None:
    made: QAccessibleWidget | None = None
    if isinstance(obj, QLabel) and obj.property("role") in HEADING_ROLES:
        made = _HeadingLabel(obj)
    elif isinstance(obj, QWidget) and type(obj).__name__ in PICTURE_CLASSES:
        made = _Picture(obj)
    elif isinstance(obj, QScrollArea):
        # Not Qt's scroll-area interface: it lists the scroll bar only while the bar is on show and never checks
        # the index it is asked for (QAccessibleAbstractScrollArea::child). A screen reader that counted the
        # children just before the bar hid (a screen laying itself out anew) asks for one past the end, and Qt
        # reads a pointer past its list and crashes (in QAccessibleCache::idForObject). The plain widget
        # interface lists every child widget, shown or not, and checks the index.
        made = QAccessibleWidget(obj, QAccessible.Role.Client)
    if made is not None:
        _keep(made)
    return made


_factory_installed = False


def install_heading_roles() -> None:
    """Once per process: title and heading labels are Heading objects for assistive technology, pictures are
    images, scroll areas are safe to walk while their scroll bar comes and goes."""
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_heading_factory)
        atexit.register(_let_go_at_exit)
        _factory_installed = True


def _plain(text: str) -> str:
    """A label's words without rich-text tags."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


# ---- announcements ----------------------------------------------------------------------------------------------
def _state_of(widget: QWidget) -> KioskState | None:
    w: QObject | None = widget
    while w is not None:
        state = getattr(w, "state", None)
        if isinstance(state, KioskState):
            return state
        w = w.parent()
    return None


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Tell assistive technology that `text` just appeared on `widget` (an error, a countdown), and say it when the
    patient has read-aloud on. Assertive interrupts what the screen reader is saying (for errors)."""
    text = _plain(text)
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    state = _state_of(widget)
    if state is not None:
        speech.reader(state).say([text], interrupt=assertive)


# ---- what read-aloud says -----------------------------------------------------------------------------------------
def _labels_in_reading_order(root: QWidget) -> list[str]:
    """The words of every label on show in `root`, top to bottom and left to right (the toolbar is buttons)."""
    labels = [w for w in root.findChildren(QLabel) if w.isVisible() and _plain(w.text())]
    labels.sort(key=lambda w: (w.mapTo(root, w.rect().topLeft()).y() // 20, w.mapTo(root, w.rect().topLeft()).x()))
    return [_plain(w.text()) for w in labels]


def words_of(screen: QWidget) -> list[str]:
    """What "Read aloud" says for a screen: a slide's title then its words; elsewhere every label on show (the
    checklist's question and hint, the summary, the form's field labels and messages, the thank-you words)."""
    slide_view = getattr(screen, "slide_view", None)
    slide = getattr(slide_view, "slide", None)
    if slide is not None:
        return [slide.title, slide.body, *slide.bullets]
    return _labels_in_reading_order(screen)


def words_for_focus(widget: QWidget) -> list[str]:
    """What "Read aloud" says when a control gets the focus: its name, and a tile's detail line."""
    name = widget.accessibleName() or _plain(getattr(widget, "text", lambda: "")() or "")
    words = [name]
    detail = getattr(widget, "detail", None)
    if callable(detail):
        words.append(str(detail()))
    return words


# ---- the focus ring -------------------------------------------------------------------------------------------------
class FocusRing(QWidget):
    """Drawn over the focused control (a child of it, so it moves and scrolls with it): a thick ring in the focus
    colour with a thin line of the background colour inside, visible on any fill in both looks."""

    def __init__(self, state: KioskState, home: QWidget) -> None:
        super().__init__(home)  # hidden in the window when no control has the keyboard focus
        self.state = state
        self.home = home
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None and self.target is not widget:
            self.target.removeEventFilter(self)
        self.target = widget
        if widget is None:
            self.hide()
            if self.parentWidget() is not self.home and shiboken6.isValid(self.home):
                self.setParent(self.home)
            return
        self.setParent(widget)
        widget.installEventFilter(self)
        self.setGeometry(widget.rect())
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.target and event.type() == QEvent.Type.Resize and isinstance(obj, QWidget):
            self.setGeometry(obj.rect())
        elif obj is self.target and event.type() == QEvent.Type.Destroy:
            self.target = None
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        theme = self.state.theme
        width = max(5, theme.px(8))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        radius = theme.px(14)
        painter.setPen(QPen(QColor(theme.palette.focus), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(outer, radius, radius)
        inner_w = max(2, width // 3)
        inner = outer.adjusted((width + inner_w) / 2, (width + inner_w) / 2, -(width + inner_w) / 2,
                               -(width + inner_w) / 2)
        painter.setPen(QPen(QColor(theme.palette.background), inner_w))
        painter.drawRoundedRect(inner, max(0, radius - width), max(0, radius - width))


# ---- keyboard and switch operation -------------------------------------------------------------------------------
_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up}
_PRESS_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_POINTER_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_WATCHED_EVENTS = frozenset({*_POINTER_EVENTS, QEvent.Type.MouseButtonRelease, QEvent.Type.Show, QEvent.Type.Hide,
                             QEvent.Type.KeyPress})
# Where these keys apply: the patients' screens. The staff screens keep Qt's and their own keys (the PIN pad's
# digits and Enter, the search field's Enter).
PATIENT_SCREENS = frozenset({"education", "checklist", "summary", "request_form", "thanks", "still_there"})


class KeyboardAccess(QObject):
    """The application-wide key handling, focus ring and read-aloud wiring of one kiosk window."""

    def __init__(self, flow: Flow) -> None:
        super().__init__(flow.window)
        self.flow = flow
        self.window = flow.window
        self.state = flow.state
        self.keys_used = False  # the patient's last input was a key (a keyboard or a switch), not a touch
        self.ring = FocusRing(flow.state, flow.window)
        self.reader = speech.reader(flow.state)
        self.reader.screen_words = self.current_words
        self._overlay_return: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self)
            app.focusChanged.connect(self._on_focus_changed)
        flow.screen_changed.connect(self._on_screen_changed)
        flow.education.slide_changed.connect(self._on_slide_changed)
        # A new language while reading: say the screen again in it (once the screens have their new words).
        flow.state.language_changed.connect(lambda _lang: QTimer.singleShot(0, self, self._read_again))

    # ---- where we are --------------------------------------------------------------------------------------
    def overlay(self) -> QWidget | None:
        """The "Still there?" card while it is up (it takes the keys then)."""
        for child in self.window.children():
            if isinstance(child, QWidget) and getattr(child, "screen_name", "") == "still_there" and child.isVisible():
                return child
        return None

    def current_screen(self) -> QWidget | None:
        return self.overlay() or self.window.stack.currentWidget()

    def current_words(self) -> list[str]:
        screen = self.current_screen()
        return words_of(screen) if screen is not None else []

    # ---- events ----------------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED_EVENTS:  # most events (paints, layouts...): out at once, this runs for all of them
            return False
        if kind in _POINTER_EVENTS:
            if self.keys_used:
                self.keys_used = False
                self._ring().follow(None)
            return False
        if kind == QEvent.Type.MouseButtonRelease and self.reader.active and callable(getattr(obj, "detail", None)):
            # Read-aloud for touch users too: a tapped tile says its name and detail, as on focus.
            if isinstance(obj, QAbstractButton) and obj.window() is self.window:
                self.reader.say(words_for_focus(obj))
            return False
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and getattr(obj, "screen_name", "") == "still_there":
            if kind == QEvent.Type.Show and isinstance(obj, QWidget):
                focus = QApplication.focusWidget()
                self._overlay_return = focus if focus is not None and not obj.isAncestorOf(focus) else None
                QTimer.singleShot(0, self, self._on_overlay_shown)
            else:
                self._on_overlay_hidden()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not isinstance(obj, QWidget):
            return False
        focus = QApplication.focusWidget()
        # A key press climbs the widget tree when nobody takes it; act once, where it was first delivered.
        if obj is not (focus or self.window) or obj.window() is not self.window:
            return False
        self.keys_used = True
        return self._on_key(event, focus)

    def _on_key(self, event: QKeyEvent, focus: QWidget | None) -> bool:
        key = event.key()
        screen = self.current_screen()
        if screen is None or getattr(screen, "screen_name", "") not in PATIENT_SCREENS:
            return False
        outside = focus is None or not focus.isVisible() or not screen.isAncestorOf(focus)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and outside:
            return self._focus_end(screen, last=key == Qt.Key.Key_Backtab)
        if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            return self._press_back(screen)
        if outside or focus is None:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        if key in _PRESS_KEYS:
            if isinstance(focus, QAbstractButton):
                focus.click()
                return True
            if isinstance(focus, QLineEdit):
                self._step(focus, forward=True)
                return True
        elif (key in _NEXT_KEYS or key in _PREVIOUS_KEYS) and isinstance(focus, QAbstractButton):
            group = focus.group()
            if group is not None and group.exclusive():
                return False  # one choice of several (best time): Tab reaches the group, arrows move within it
            self._step(focus, forward=key in _NEXT_KEYS)
            return True
        return False

    def _focus_end(self, screen: QWidget, last: bool) -> bool:
        target = chain_end(screen, last=last)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.BacktabFocusReason if last else Qt.FocusReason.TabFocusReason)
        return True

    def _step(self, focus: QWidget, forward: bool) -> None:
        """As Tab / Shift+Tab would: the next control in the reading order."""
        key = Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab
        mods = Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier
        QApplication.sendEvent(focus, QKeyEvent(QEvent.Type.KeyPress, key, mods))

    def _press_back(self, screen: QWidget) -> bool:
        """Escape: the screen's Back (or, on the "Still there?" card, "I'm still here")."""
        for name in ("continue_button", "back_button"):
            button = getattr(screen, name, None)
            if isinstance(button, QAbstractButton) and button.isVisible() and button.isEnabled():
                button.click()
                return True
        return False

    def _ring(self) -> FocusRing:
        """The ring, made again if the control it sat on was deleted with it."""
        if not shiboken6.isValid(self.ring):
            self.ring = FocusRing(self.state, self.window)
        return self.ring

    def _on_slide_changed(self, _index: int) -> None:
        if self.flow.current == "education" and self.overlay() is None:
            self.reader.read_screen()

    def _read_again(self) -> None:
        if self.reader.active:
            self.reader.read_screen()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.window:
            return
        if self.keys_used and isinstance(new, QAbstractButton | QLineEdit | QPlainTextEdit):
            self._ring().follow(new)
            # Read-aloud follows the focus: a tile's name and detail, a field's label.
            self.reader.say(words_for_focus(new))
        else:
            self._ring().follow(None)

    def _on_screen_changed(self, _name: str) -> None:
        self.reader.stop()
        self._ring().follow(None)
        QTimer.singleShot(0, self, self._after_screen_change)

    def _after_screen_change(self) -> None:
        screen = self.current_screen()
        if screen is None:
            return
        focus = QApplication.focusWidget()
        if self.keys_used and (focus is None or not focus.isVisible() or not screen.isAncestorOf(focus)):
            self._focus_end(screen, last=False)
        elif self.keys_used and focus is not None:
            self._ring().follow(focus)
        self.reader.read_screen()

    def _on_overlay_shown(self) -> None:
        overlay = self.overlay()
        if overlay is None:
            return
        announce(overlay, " ".join(_labels_in_reading_order(overlay)), assertive=True)
        button = getattr(overlay, "continue_button", None)
        if isinstance(button, QWidget):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if self.keys_used:
                button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_overlay_hidden(self) -> None:
        """"I'm still here": silence the countdown and give the focus back where the patient was."""
        self.reader.stop()
        back, self._overlay_return = self._overlay_return, None
        if self.keys_used and back is not None and shiboken6.isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["KeyboardAccess", "announce", "can_take_tab_focus", "install_heading_roles", "words_of"]
