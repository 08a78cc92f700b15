"""The kiosk window: covers the primary screen, and a patient cannot close or leave it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

# Keys a curious patient (or a stray keyboard) might use to get out of the kiosk.
_BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_F11, Qt.Key.Key_Menu, Qt.Key.Key_Super_L,
                 Qt.Key.Key_Super_R, Qt.Key.Key_Meta}
_BLOCKED_CTRL_KEYS = {Qt.Key.Key_Q, Qt.Key.Key_W}


def is_escape_key(event: QKeyEvent) -> bool:
    if event.key() in _BLOCKED_KEYS:
        return True
    mods = event.modifiers()
    if mods & Qt.KeyboardModifier.ControlModifier and event.key() in _BLOCKED_CTRL_KEYS:
        return True
    return event.matches(QKeySequence.StandardKey.Close) or event.matches(QKeySequence.StandardKey.Quit)


class EscapeGuard(QObject):
    """Application-wide filter: eats escape keys and context menus wherever the focus is."""

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if is_escape_key(event):
                event.accept()
                return True
        return kind == QEvent.Type.ContextMenu


class ScreenStack(QStackedWidget):
    """The screens, one at a time. Only the screen on show counts for the window's minimum size: a hidden screen
    still laid out for the other orientation (it hears about a resize only when it is shown) must not make the
    window grow when the display turns from portrait to landscape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else QSize(0, 0)

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()


class KioskWindow(QWidget):
    """One frameless top-level window holding every screen in a stack."""

    def __init__(self, *, kiosk_mode: bool = True, stay_on_top: bool = True, show_cursor: bool = False,
                 guard_keys: bool = True) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.kiosk_mode = kiosk_mode
        self.allow_close = not kiosk_mode
        self.setWindowTitle("Psoas kiosk")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if kiosk_mode:
            flags = Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window
            if stay_on_top:
                flags |= Qt.WindowType.WindowStaysOnTopHint
            self.setWindowFlags(flags)
            if not show_cursor:
                self.setCursor(Qt.CursorShape.BlankCursor)
        self.stack = ScreenStack(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.guard = EscapeGuard(self)
        self._guarding = False
        if guard_keys:
            self.guard_keys()

    def guard_keys(self) -> None:
        """In kiosk mode, eat escape keys and context menus application-wide (run_kiosk asks for it right after the
        first paint: an application-wide Python filter sees each of the hundreds of events before it)."""
        app = QApplication.instance()
        if self.kiosk_mode and app is not None and not self._guarding:
            app.installEventFilter(self.guard)
            self._guarding = True

    def show_kiosk(self) -> None:
        """Cover the whole primary screen. Bare X has no window manager to honour showFullScreen(), so set the
        geometry from the screen ourselves first and then ask for full screen as well."""
        if not self.kiosk_mode:
            self.resize(1280, 800)
            self.show()
            return
        screen = QGuiApplication.primaryScreen()
        geometry = screen.geometry()
        self.setGeometry(geometry)
        self.setFixedSize(geometry.size())
        self.show()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        screen.geometryChanged.connect(self._follow_screen)

    def _follow_screen(self, geometry: QRect) -> None:
        # The screen was rotated or its resolution changed: cover it again.
        self.setFixedSize(geometry.size())
        self.setGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored (kiosk mode)")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kiosk_mode and is_escape_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def quit_for_staff(self) -> None:
        """The only way out in kiosk mode: the staff panel's Quit to desktop."""
        self.allow_close = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
