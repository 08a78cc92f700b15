"""Puts the kiosk together: Qt application, config, content, window, flow, crash recovery."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.core.config import Config, Problem, load_config
from kiosk.core.logsetup import setup_logging
from kiosk.flow import Flow
from kiosk.state import KioskState
from kiosk.window import KioskWindow

log = logging.getLogger(__name__)


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("psoas-kiosk")
        app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


@dataclass
class Kiosk:
    """A running kiosk: everything tests, screenshots and the self-test need to drive it."""

    app: QApplication
    state: KioskState
    window: KioskWindow
    flow: Flow

    def apply_theme(self) -> None:
        self.app.setStyleSheet(self.state.theme.stylesheet())

    def resize(self, width: int, height: int) -> None:
        """Lay the window out for another screen size (screenshots, tests)."""
        self.window.setMinimumSize(0, 0)
        self.window.setMaximumSize(16777215, 16777215)
        self.window.resize(width, height)
        self.state.set_appearance(short_side=min(width, height))


def build_kiosk(config: Config, problems: list[Problem] | None = None, *, windowed: bool = True,
                size: tuple[int, int] | None = None) -> Kiosk:
    """Create the window and screens (not yet shown). `windowed=False` is the locked-down full-screen kiosk."""
    app = ensure_qapp()
    if size is None:
        screen = QGuiApplication.primaryScreen()
        geometry = screen.geometry() if screen else None
        size = (geometry.width(), geometry.height()) if (geometry and not windowed) else (1280, 800)
    state = KioskState(config, problems, short_side=min(size))
    window = KioskWindow(kiosk_mode=not windowed, stay_on_top=config.display.stay_on_top,
                         show_cursor=config.display.show_cursor)
    flow = Flow(window, state)
    kiosk = Kiosk(app=app, state=state, window=window, flow=flow)
    kiosk.apply_theme()
    state.appearance_changed.connect(kiosk.apply_theme)
    window.resize(*size)
    install_crash_recovery(flow.return_to_loop)
    return kiosk


def install_crash_recovery(back_to_loop: Callable[[], None]) -> None:
    """An exception in any slot or timer is logged and the kiosk goes back to the loop instead of dying."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        # The traceback names code, not patient data; exception messages from our own code never carry any.
        log.error("unexpected error, returning to the education loop:\n%s",
                  "".join(traceback.format_exception(kind, value, tb)))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        QTimer.singleShot(0, _safe(back_to_loop))

    sys.excepthook = hook


def _safe(fn: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception:
            log.exception("could not return to the education loop")

    return run


def run_kiosk(config_path: Path | None = None, windowed: bool = False) -> int:
    setup_logging()
    config, problems = load_config(config_path)
    for problem in problems:
        log.warning("config: %s", problem)
    app = ensure_qapp(sys.argv[:1])
    kiosk = build_kiosk(config, problems, windowed=windowed)
    kiosk.window.show_kiosk()
    log.info("kiosk started (version %s, %s mode)", __version__, "windowed" if windowed else "kiosk")
    code = app.exec()
    kiosk.state.close()
    return code
