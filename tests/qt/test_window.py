"""The kiosk window covers the screen and a patient cannot close or leave it."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

# Keys a curious patient (or a stray keyboard) might use to get out: Escape closes a dialog, Alt+F4 a window,
# Ctrl+Q quits an application, Ctrl+W closes a document.
ESCAPE_KEYS = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
]


def _kiosk_mode(make_kiosk):  # type: ignore[no-untyped-def]
    """The locked-down full-screen kiosk, as `psoas-kiosk` starts it (no --windowed)."""
    return make_kiosk(windowed=False, size=None)


class _KeyWitness(QObject):
    """Notes every escape key press that reaches the widgets it watches (the Alt or Ctrl held with it aside)."""

    def __init__(self, reached: list[str]) -> None:
        super().__init__()
        self.reached = reached

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in {key for key, _ in ESCAPE_KEYS}:
            self.reached.append(QKeySequence(event.keyCombination()).toString())
        return False


def _try_to_leave(qtbot, window: QWidget, targets: list[QWidget]) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """Press every escape key on each target, with what would answer them wired up: a shortcut for each that
    closes the window (as a dialog, a window manager or an application's Quit would) and a witness of the key
    presses that reach the widgets. Returns (shortcuts that fired, key presses that reached a widget)."""
    fired: list[str] = []
    reached: list[str] = []

    def answer(name: str) -> None:
        fired.append(name)
        window.close()

    for key, mods in ESCAPE_KEYS:
        sequence = QKeySequence(QKeyCombination(mods, key))
        shortcut = QShortcut(sequence, window)
        shortcut.activated.connect(functools.partial(answer, sequence.toString()))
    witness = _KeyWitness(reached)
    for target in targets:
        target.installEventFilter(witness)
    # Shortcuts answer only in the active window.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    for key, mods in ESCAPE_KEYS:
        for target in targets:
            qtbot.keyClick(target, key, mods)
    for target in targets:
        target.removeEventFilter(witness)
    return fired, reached


def test_kiosk_window_covers_the_primary_screen(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = _kiosk_mode(make_kiosk)
    screen = QGuiApplication.primaryScreen().geometry()
    assert k.window.geometry() == screen
    assert k.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert k.window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert k.window.cursor().shape() == Qt.CursorShape.BlankCursor


_COVER_SCRIPT = """
import json, sys
from kiosk.qt.app import build_kiosk
from kiosk.core.config import Config
k = build_kiosk(Config(), [], windowed=False)
k.window.show_kiosk()
k.app.processEvents()
g = k.window.geometry()
s = k.app.primaryScreen().geometry()
print(json.dumps([g.x(), g.y(), g.width(), g.height(), s.width(), s.height(),
                  k.flow.education.width(), k.flow.education.height()]))
k.window.allow_close = True
"""


@pytest.mark.parametrize("width,height", [(1280, 800), (1080, 1920), (3840, 2160)])
def test_kiosk_covers_screens_of_any_shape(tmp_path: Path, width: int, height: int) -> None:
    """A real process on an offscreen screen of the given size, as on a landscape or portrait kiosk."""
    screens = {"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screens))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run([sys.executable, "-c", _COVER_SCRIPT], env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    x, y, w, h, sw, sh, ew, eh = json.loads(out.stdout.strip().splitlines()[-1])
    assert (sw, sh) == (width, height)
    assert (x, y, w, h) == (0, 0, width, height)
    assert (ew, eh) == (width, height)


def test_escape_keys_and_close_requests_leave_the_window_open(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    # First the same attempt on a plain window (before any kiosk window guards the application): the keys reach
    # it, its shortcuts answer and it closes. So the checks below can fail.
    plain = QWidget()
    qtbot.addWidget(plain)
    QVBoxLayout(plain).addWidget(button := QPushButton("Check my symptoms"))
    plain.show()
    qtbot.waitExposed(plain)
    fired, reached = _try_to_leave(qtbot, plain, [plain, button])
    assert fired and reached and not plain.isVisible()
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(plain, escape)
    assert not escape.isAccepted()

    k = _kiosk_mode(make_kiosk)
    w = k.window
    fired, reached = _try_to_leave(qtbot, w, [w, k.flow.education.cta])
    assert fired == [] and reached == []
    assert w.isVisible()
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, escape)
    assert escape.isAccepted()  # taken by the kiosk, not passed on to anything that would close
    assert not w.close()
    assert w.isVisible()


def test_context_menus_are_swallowed(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = _kiosk_mode(make_kiosk)
    target = k.flow.education.cta
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5))
    assert k.window.guard.eventFilter(target, event) is True
    long_press = QContextMenuEvent(QContextMenuEvent.Reason.Other, QPoint(5, 5))
    assert k.window.guard.eventFilter(target, long_press) is True
    plain = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert k.window.guard.eventFilter(target, plain) is False


def test_windowed_mode_is_a_normal_closable_window(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(size=None, show=False)
    k.window.show_kiosk()
    assert (k.window.width(), k.window.height()) == (1280, 800)
    assert k.window.close()
