"""The kiosk window covers the screen and a patient cannot close or leave it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent

from kiosk.qt.app import build_kiosk


def _kiosk_mode(qtbot, fast_config):  # type: ignore[no-untyped-def]
    k = build_kiosk(fast_config, [], windowed=False)
    qtbot.addWidget(k.window)
    k.window.show_kiosk()
    qtbot.waitExposed(k.window)
    return k


def test_kiosk_window_covers_the_primary_screen(qtbot, fast_config) -> None:  # type: ignore[no-untyped-def]
    k = _kiosk_mode(qtbot, fast_config)
    screen = QGuiApplication.primaryScreen().geometry()
    assert k.window.geometry() == screen
    assert k.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert k.window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert k.window.cursor().shape() == Qt.CursorShape.BlankCursor
    k.window.allow_close = True


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


def test_escape_keys_and_close_requests_leave_the_window_open(qtbot, fast_config) -> None:  # type: ignore[no-untyped-def]
    k = _kiosk_mode(qtbot, fast_config)
    w = k.window
    combos = [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ]
    for key, mods in combos:
        qtbot.keyClick(w, key, mods)
        qtbot.keyClick(k.flow.education.cta, key, mods)
        assert w.isVisible()
    assert not w.close()
    assert w.isVisible()
    k.window.allow_close = True


def test_context_menus_are_swallowed(qtbot, fast_config) -> None:  # type: ignore[no-untyped-def]
    k = _kiosk_mode(qtbot, fast_config)
    target = k.flow.education.cta
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5))
    assert k.window.guard.eventFilter(target, event) is True
    long_press = QContextMenuEvent(QContextMenuEvent.Reason.Other, QPoint(5, 5))
    assert k.window.guard.eventFilter(target, long_press) is True
    plain = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert k.window.guard.eventFilter(target, plain) is False
    k.window.allow_close = True


def test_windowed_mode_is_a_normal_closable_window(qtbot, fast_config) -> None:  # type: ignore[no-untyped-def]
    k = build_kiosk(fast_config, [], windowed=True)
    qtbot.addWidget(k.window)
    k.window.show_kiosk()
    assert (k.window.width(), k.window.height()) == (1280, 800)
    assert k.window.close()
