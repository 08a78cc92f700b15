"""An unexpected exception in a slot or timer is logged with its traceback and the kiosk goes back to the loop.

pytest-qt normally turns such exceptions into test failures by owning sys.excepthook; these tests opt out with
`qt_no_exception_capture`, install the kiosk's own hook, and put the previous hook back afterwards.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from kiosk.qt import app as kiosk_app
from tests.helpers import find_button, tap

pytestmark = pytest.mark.qt_no_exception_capture


class InjectedFault(RuntimeError):
    pass


@pytest.fixture
def recovering(kiosk) -> Iterator:  # type: ignore[no-untyped-def]
    """The test kiosk with the crash-recovery hook of a real run, on the checklist (away from the loop)."""
    previous, previous_thread = sys.excepthook, threading.excepthook
    kiosk_app.install_crash_recovery(kiosk.flow.return_to_loop)
    try:
        yield kiosk
    finally:
        sys.excepthook, threading.excepthook = previous, previous_thread


def _leave_the_loop(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, find_button(kiosk.window, "Check my symptoms"))
    assert kiosk.flow.current == "checklist"


def _boom() -> None:
    raise InjectedFault("injected by test_crash_recovery")


def test_exception_in_a_timer_returns_to_the_loop(qtbot, recovering, caplog) -> None:  # type: ignore[no-untyped-def]
    _leave_the_loop(qtbot, recovering)
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.app"):
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: recovering.flow.current == "education", timeout=3000)
    text = caplog.text
    assert "unexpected error, returning to the education loop" in text
    assert "Traceback (most recent call last)" in text and "_boom" in text
    assert "InjectedFault: injected by test_crash_recovery" in text
    assert recovering.window.isVisible()


def test_exception_in_a_button_slot_returns_to_the_loop(qtbot, recovering, caplog) -> None:  # type: ignore[no-untyped-def]
    _leave_the_loop(qtbot, recovering)
    button = find_button(recovering.window, "Back")
    button.clicked.connect(_boom)
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.app"):
        # Disconnect the screen's own handler so that only the fault can bring us back to the loop.
        button.clicked.disconnect()
        button.clicked.connect(_boom)
        tap(qtbot, button)
        qtbot.waitUntil(lambda: recovering.flow.current == "education", timeout=3000)
    assert "InjectedFault" in caplog.text
    assert recovering.window.isVisible()
    # The kiosk still works: a patient can start again.
    _leave_the_loop(qtbot, recovering)


def _report_fault() -> None:
    """What PySide6 does with an exception raised in a slot or a Python override of a Qt virtual."""
    try:
        _boom()
    except InjectedFault:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]


class FailingPaint(QWidget):
    """Raises halfway through painting, with its QPainter still active."""

    paints = 0

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.drawLine(0, 0, 10, 10)
        FailingPaint.paints += 1
        raise InjectedFault("injected into paintEvent")


def test_exception_in_a_paint_event_does_not_crash(qtbot, recovering, caplog, qtlog) -> None:  # type: ignore[no-untyped-def]
    """Without the hook releasing the failed frame, the painter outlives the paint and Qt segfaults."""
    _leave_the_loop(qtbot, recovering)
    widget = FailingPaint(recovering.window)
    widget.setGeometry(0, 0, 50, 50)
    widget.show()
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.app"):
        for _ in range(5):
            widget.update()
            qtbot.wait(20)
        qtbot.waitUntil(lambda: recovering.flow.current == "education", timeout=3000)
    assert FailingPaint.paints >= 2
    assert "injected into paintEvent" in caplog.text
    assert not [r.message for r in qtlog.records if "active painter" in r.message or "being painted" in r.message]
    widget.hide()
    widget.deleteLater()
    assert recovering.window.isVisible()


@pytest.fixture
def hook_only() -> Iterator[None]:
    """Just the hook, no kiosk: for what does not need the widgets."""
    previous, previous_thread = sys.excepthook, threading.excepthook
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = previous, previous_thread


def test_errors_in_one_pass_recover_once(qtbot, hook_only) -> None:  # type: ignore[no-untyped-def]
    """A screen failing on every paint must not queue a return to the loop per failure."""
    calls: list[int] = []
    kiosk_app.install_crash_recovery(lambda: calls.append(1))
    for _ in range(5):
        _report_fault()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=1000)
    qtbot.wait(50)
    assert calls == [1]
    _report_fault()  # a later error recovers again
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=1000)


def test_a_crash_loop_quits_for_a_restart(qtbot, hook_only, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    kiosk_app.install_crash_recovery(lambda: None)
    codes: list[int] = []
    monkeypatch.setattr(kiosk_app.QApplication, "exit", staticmethod(codes.append))
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.app"):
        for _ in range(kiosk_app.CRASH_LOOP_ERRORS + 1):
            _report_fault()
    assert codes == [kiosk_app.EXIT_CRASH_LOOP]
    assert "quitting (exit code 70)" in caplog.text


def test_exception_in_a_thread_is_logged(hook_only, caplog) -> None:  # type: ignore[no-untyped-def]
    kiosk_app.install_crash_recovery(lambda: None)
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.app"):
        worker = threading.Thread(target=_boom, name="probe-worker")
        worker.start()
        worker.join()
    assert "unexpected error in thread probe-worker" in caplog.text
    assert "InjectedFault" in caplog.text
