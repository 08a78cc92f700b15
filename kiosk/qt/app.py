"""Puts the kiosk together: Qt application, config, content, window, flow, crash recovery."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# The Qt-free modules the first slide needs come before PySide6: from its import on, PySide6 reads the source of
# every module imported after it (to see whether it asks for a `__feature__`), milliseconds of every start.
from kiosk import __version__
from kiosk.core import content, paths, theme  # noqa: F401 - imported here for the order only
from kiosk.core.config import Config, Problem, load_config
from kiosk.core.logsetup import enable_crash_dump, setup_logging

# isort: split
from kiosk.qt import pyside  # noqa: F401 - PySide6 itself, before the kiosk's Qt modules (see there)

# isort: split
from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.qt.flow import Flow
from kiosk.qt.single_instance import EXIT_ALREADY_RUNNING, AlreadyRunning, InstanceLock
from kiosk.qt.state import KioskState
from kiosk.qt.typeface import use_typeface
from kiosk.qt.widgets.icons import hold_icons, release_icons
from kiosk.qt.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.qt.accessibility import KeyboardAccess

log = logging.getLogger(__name__)


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("psoas-kiosk")
        app.setApplicationVersion(__version__)
    use_typeface(app)  # type: ignore[arg-type]  # also on an application made elsewhere (tests, self-test)
    return app  # type: ignore[return-value]


@dataclass
class Kiosk:
    """A running kiosk: everything tests, screenshots and the self-test need to drive it."""

    app: QApplication
    state: KioskState
    window: KioskWindow
    flow: Flow
    access: KeyboardAccess | None = None  # keys, focus ring and read-aloud, once wired (build_kiosk)

    def apply_theme(self) -> None:
        self.app.setStyleSheet(self.state.theme.stylesheet())

    def resize(self, width: int, height: int) -> None:
        """Lay the window out for another screen size (screenshots, tests)."""
        self.window.setMinimumSize(0, 0)
        self.window.setMaximumSize(16777215, 16777215)
        # Sizes first: the old screen's bigger text and keys would otherwise keep the window from shrinking.
        self.state.set_appearance(short_side=min(width, height))
        self.app.processEvents()
        self.window.resize(width, height)
        self.app.processEvents()
        if (self.window.width(), self.window.height()) != (width, height):
            # Layouts settle over a pass or two after a restyle.
            self.window.resize(width, height)


# A first paint that never comes (a window the display never shows) must not leave the kiosk deaf to keys and touches.
INPUT_FALLBACK_MS = 1000


def build_kiosk(config: Config, problems: list[Problem] | None = None, *, windowed: bool = True,
                size: tuple[int, int] | None = None, input_after_first_paint: bool = False) -> Kiosk:
    """Create the window and screens (not yet shown). `windowed=False` is the locked-down full-screen kiosk.

    `input_after_first_paint` (run_kiosk): the application-wide input handling (keys and focus ring, the escape
    guard, the activity watch and the staff gesture) is wired up right after the first slide is painted, not now.
    Each is a Python filter on the whole application, and each sees every one of the hundreds of events Qt
    delivers while the first slide is built, styled, laid out and painted: several percent of the start-up."""
    app = ensure_qapp()
    if size is None:
        screen = QGuiApplication.primaryScreen()
        geometry = screen.geometry() if screen else None
        size = (geometry.width(), geometry.height()) if (geometry and not windowed) else (1280, 800)
    state = KioskState(config, problems, short_side=min(size))
    window = KioskWindow(kiosk_mode=not windowed, stay_on_top=config.display.stay_on_top,
                         show_cursor=config.display.show_cursor, guard_keys=not input_after_first_paint)
    flow = Flow(window, state, watch_app=not input_after_first_paint)
    from kiosk.qt import accessibility  # keys, focus ring, headings and read-aloud on every screen

    # Heading roles before anything is shown: assistive technology keeps the role it first got for a widget.
    accessibility.install_heading_roles()
    kiosk = Kiosk(app=app, state=state, window=window, flow=flow)

    def wire_input() -> None:
        if kiosk.access is None:
            window.guard_keys()
            flow.watch_app()
            kiosk.access = accessibility.KeyboardAccess(flow)

    if input_after_first_paint:
        flow.after_first_paint.insert(0, wire_input)
        QTimer.singleShot(INPUT_FALLBACK_MS, flow, wire_input)
    else:
        wire_input()
    kiosk.apply_theme()
    state.appearance_changed.connect(kiosk.apply_theme)
    window.resize(*size)
    install_crash_recovery(flow.return_to_loop)
    return kiosk


# More unexpected errors than this within CRASH_LOOP_SECONDS means recovery is not working (say, a screen that
# raises on every paint): quit with EXIT_CRASH_LOOP so that the service manager starts a fresh kiosk, rather than
# spinning and flooding the log until the first, useful traceback has rotated away.
CRASH_LOOP_ERRORS = 20
CRASH_LOOP_SECONDS = 60.0
EXIT_CRASH_LOOP = 70  # EX_SOFTWARE


def install_crash_recovery(back_to_loop: Callable[[], None]) -> None:
    """An exception in any slot or timer is logged and the kiosk goes back to the loop instead of dying.

    PySide6 hands exceptions raised in slots, timers and Python overrides of Qt virtuals (paintEvent...) to
    sys.excepthook and carries on; this hook logs the traceback and schedules one return to the loop."""
    recent: deque[float] = deque(maxlen=CRASH_LOOP_ERRORS + 1)
    pending = False
    # A hook someone installed before us (pytest-qt's, which turns slot errors into test failures) still hears
    # about every error; Python's default one would only print to stderr, which the log already covers.
    # An earlier kiosk's hook is replaced, not chained, so hooks never pile up.
    previous = getattr(sys.excepthook, "kiosk_previous", sys.excepthook)
    if previous is sys.__excepthook__:
        previous = None

    def recover() -> None:
        nonlocal pending
        pending = False
        _safe(back_to_loop)()

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal pending
        if issubclass(kind, KeyboardInterrupt):
            QApplication.exit(130)  # not quit(): the kiosk window refuses to close, which would cancel a quit()
            return
        # The traceback names code, not patient data; exception messages from our own code never carry any.
        log.error("unexpected error, returning to the education loop:\n%s",
                  "".join(traceback.format_exception(kind, value, tb)))
        if previous is not None:
            previous(kind, value, tb)
        release_frames(tb)
        now = time.monotonic()
        recent.append(now)
        if len(recent) > CRASH_LOOP_ERRORS and now - recent[0] < CRASH_LOOP_SECONDS:
            log.critical("%d unexpected errors within %.0f s; quitting (exit code %d) so that the kiosk is "
                         "restarted", len(recent), CRASH_LOOP_SECONDS, EXIT_CRASH_LOOP)
            QApplication.exit(EXIT_CRASH_LOOP)
            return
        if not pending:  # many errors in one pass of the event loop (every paint of a screen) -> one recovery
            pending = True
            QTimer.singleShot(0, recover)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        # Worker threads cannot touch the widgets; log the traceback so that it is not lost.
        log.error("unexpected error in thread %s:\n%s", args.thread.name if args.thread else "?",
                  "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))

    hook.kiosk_previous = previous or sys.__excepthook__  # type: ignore[attr-defined]
    sys.excepthook = hook
    threading.excepthook = thread_hook


def release_frames(tb: TracebackType | None) -> None:
    """Drop the local variables of the failed frames now. Python keeps the last traceback (sys.last_traceback)
    alive, and with it, say, the QPainter of a paintEvent that raised: Qt then finishes the paint with that
    painter still active and crashes when it is destroyed later. Clearing the frames ends it in time."""
    try:
        traceback.clear_frames(tb)
    except RuntimeError:  # a frame still running (cannot happen for slot errors; harmless to skip)
        pass


def _safe(fn: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception:
            log.exception("could not return to the education loop")

    return run


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def qt_message_to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # Qt's own warnings (missing plugins, fonts, painter misuse) go to the kiosk log where IT can find them.
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _stop_on_signals() -> QTimer:
    """Stop cleanly on SIGTERM (systemctl stop, shutdown) and SIGINT (Ctrl+C): the request store is closed (its
    -wal file folded back into requests.sqlite3), the lock released and "kiosk stopped" logged."""

    def stop(signum: int, _frame: object) -> None:
        log.info("received %s; stopping", signal.Signals(signum).name)
        QApplication.exit(0)  # not quit(): the kiosk window refuses to close, which would cancel a quit()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    # Python runs signal handlers only when it has control; Qt's event loop rarely gives it back on its own.
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(500)
    return timer


def run_kiosk(config_path: Path | None = None, windowed: bool = False,
              on_started: Callable[[Kiosk], None] | None = None) -> int:
    """Run the kiosk until it is stopped; returns the exit code.

    `on_started` is called with the kiosk once its window is shown, before the event loop runs: how a caller
    outside the kiosk (the start-up measurement of `bench`) hooks in without the kiosk knowing it.
    """
    log_file = setup_logging()
    enable_crash_dump()
    config, problems = load_config(config_path)
    config_file = config_path or paths.default_config_file()
    log.info("psoas-kiosk %s starting (%s mode); config: %s%s; data folder: %s; log file: %s", __version__,
             "windowed" if windowed else "kiosk", config_file, "" if config_file.exists() else " (none: defaults)",
             config.data_dir, log_file or "none (console only)")
    for problem in problems:
        log.warning("config: %s", problem)
    lock = InstanceLock(config.data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        log.error("%s", exc)
        return EXIT_ALREADY_RUNNING
    try:
        qInstallMessageHandler(qt_message_to_log)
        app = ensure_qapp(sys.argv[:1])
        signal_timer = _stop_on_signals()  # noqa: F841 - kept alive for the whole run
        # The first slide first: the buttons' icons (qtawesome is slow to import) come right after its paint.
        hold_icons()
        kiosk = build_kiosk(config, problems, windowed=windowed, input_after_first_paint=True)
        kiosk.flow.after_first_paint.append(release_icons)
        kiosk.window.show_kiosk()
        if on_started is not None:
            on_started(kiosk)
        log.info("kiosk started on platform %s", app.platformName())
        code = app.exec()
        kiosk.state.close()
    finally:
        lock.release()
    log.info("kiosk stopped (exit code %d)", code)
    return code
