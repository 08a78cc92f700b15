"""Drive the kiosk the way a patient does: find what is on screen by its text and tap it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.qt.app import Kiosk


class KioskFactory:
    """Builds kiosks for a test (the `make_kiosk` fixture) and shuts each one down completely afterwards."""

    def __init__(self, qtbot, default_config: Config) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.default_config = default_config
        self.made: list[Kiosk] = []

    def __call__(self, config: Config | None = None, *, size: tuple[int, int] | None = (1920, 1080),
                 show: bool = True, windowed: bool = True) -> Kiosk:
        """A kiosk on `config` (fast_config if None). Windowed at `size` (None: build_kiosk's own choice), or
        with `windowed=False` the locked-down full-screen kiosk; shown and exposed unless `show=False`."""
        from kiosk.qt.app import build_kiosk

        k = build_kiosk(config if config is not None else self.default_config, [], windowed=windowed, size=size)
        self.made.append(k)
        if show:
            if not windowed:
                k.window.show_kiosk()
            else:
                if size is not None:
                    k.resize(*size)
                k.window.show()
            self.qtbot.waitExposed(k.window)
        return k

    def close(self, k: Kiosk) -> None:
        """Shut one kiosk down now (a restart, a thrown-away kiosk) and forget it."""
        self.made = [m for m in self.made if m is not k]
        k.state.close()
        # Delete the window (not just close it): leaked kiosks keep their widgets and app-wide event filters, and
        # every later setStyleSheet() re-styles them all, so each test would get slower than the last.
        k.window.allow_close = True  # a full-screen kiosk refuses to close otherwise
        k.window.close()
        k.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close_all(self) -> None:
        for k in list(self.made):
            self.close(k)


def visible_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root.window()) and b.isVisible()]


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The one visible button showing `text` (or whose accessible name is `text`, for icon-only buttons)."""
    matches = [b for b in visible_buttons(root) if text in (b.text().replace("&", ""), b.accessibleName())]
    if len(matches) != 1:
        shown = sorted({b.text() or b.accessibleName() for b in visible_buttons(root)})
        raise AssertionError(f"expected one visible button {text!r}, found {len(matches)}; visible: {shown}")
    return matches[0]


def tap(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """A finger tap: press and release at the same spot."""
    pos = pos if pos is not None else widget.rect().center()
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()


def tap_text(qtbot, root: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, find_button(root, text))


def swipe(qtbot, widget: QWidget, dx: int) -> None:  # type: ignore[no-untyped-def]
    """Drag a finger horizontally across the widget's middle (dx < 0 = towards the left)."""
    start = widget.rect().center()
    end = QPoint(start.x() + dx, start.y())
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, pos=end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()


def _visible_key(root: QWidget, text: str) -> QAbstractButton | None:
    from kiosk.qt.widgets.keyboard import KeyButton

    keys = [k for k in root.findChildren(KeyButton) if k.isVisible() and text in (k.text(), k.accessibleName())]
    return keys[0] if len(keys) == 1 else None


def type_on_screen(qtbot, root: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` by tapping the on-screen keyboard's keys, as a patient would (shift and "áé" included)."""
    for ch in text:
        if ch == " ":
            tap(qtbot, find_button(root, "space"))
            continue
        key = _visible_key(root, ch)
        if key is None and ch.lower() != ch.upper():
            # Wrong case showing: shift switches it (on for a capital, off after an automatic capital).
            tap(qtbot, find_button(root, "Capital letter"))
            key = _visible_key(root, ch)
        if key is None:
            tap(qtbot, find_button(root, "áé"))
            key = _visible_key(root, ch)
            if key is None and ch.lower() != ch.upper():
                tap(qtbot, find_button(root, "Capital letter"))
                key = _visible_key(root, ch)
        if key is None:
            raise AssertionError(f"no key for {ch!r} on the on-screen keyboard")
        tap(qtbot, key)


def go_to_form(qtbot, kiosk, symptom_labels: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    """From the education loop to the request form, tapping what a patient taps."""
    window = kiosk.window
    tap_text(qtbot, window, "Check my symptoms")
    for label in symptom_labels or ("None of these",):
        tap_text(qtbot, window, label)
    tap_text(qtbot, window, "Next")
    tap_text(qtbot, window, "Request a free phone call")
    assert kiosk.flow.current == "request_form"


def tap_field(qtbot, field: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Tap into a text field (a QPlainTextEdit takes taps on its viewport)."""
    viewport = getattr(field, "viewport", None)
    tap(qtbot, viewport() if viewport is not None else field)
