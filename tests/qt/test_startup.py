"""Start-up paints the first slide first: only the education screen is built before its first paint, everything else
right after it (or at once when a patient gets there first); the buttons' icons can wait for that paint too."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.icons import hold_icons, release_icons
from tests.helpers import tap_text

EVERY_SCREEN = ["education", "checklist", "summary", "request_form", "thanks", "staff_pin", "staff_panel"]


def test_only_the_slides_are_built_before_the_first_paint(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(show=False)
    assert list(kiosk.flow.built) == ["education"]
    assert kiosk.flow.retention is None  # no database work before the first slide is on screen
    kiosk.resize(1920, 1080)
    kiosk.window.show()
    # After the first paint, the rest is built one piece per pass of the event loop.
    qtbot.waitUntil(lambda: len(kiosk.flow.built) == len(EVERY_SCREEN), timeout=10000)
    assert kiosk.flow.retention is not None
    assert list(kiosk.flow.screens) == EVERY_SCREEN  # in the order screens are listed (screenshots, tests)
    assert kiosk.flow.current == "education"


def test_a_patient_who_taps_at_once_gets_the_checklist(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(show=False)
    kiosk.resize(1920, 1080)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    tap_text(qtbot, kiosk.window, "Check my symptoms")  # built on demand if the backlog has not got there yet
    assert kiosk.flow.current == "checklist"
    assert kiosk.flow.checklist.isVisible()


def test_held_icons_keep_their_size_and_come_on_release(qtbot) -> None:  # type: ignore[no-untyped-def]
    hold_icons()
    try:
        button = TouchButton("Next", icon="fa5s.arrow-right")
        qtbot.addWidget(button)
        button.set_icon_px(40)
        assert button.icon().isNull()  # held: qtawesome not needed yet
        assert button.iconSize().height() == 40  # the size is there already: nothing moves when it comes
    finally:
        release_icons()
    QApplication.processEvents()
    assert not button.icon().isNull()
    assert button.iconSize().height() == 40


def test_start_up_imports_stay_lean() -> None:
    """Importing the kiosk's Qt start-up reads no standard-library source for PySide6's __feature__ check (the
    modules are marked as it would mark them), and brings neither logging.handlers nor socket (milliseconds each)."""
    import subprocess
    import sys

    code = ("import sys, kiosk.qt.app; known = sys.modules['__feature__'].pyside_feature_dict; "
            "print(known.get('typing'), known.get('logging'), known.get('kiosk.qt.flow'), "
            "'logging.handlers' in sys.modules, 'socket' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The standard library: "not a PySide6 user" without a look at its source; the kiosk's own Qt modules are
    # still looked at by PySide6 (they use it: 0).
    assert out.stdout.split() == ["-1", "-1", "0", "False", "False"]


def test_run_kiosk_wires_input_right_after_the_first_paint(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    """run_kiosk's build: no application-wide input filter sees the events of the first slide's start; keys and
    focus ring, activity watch and staff gesture are wired in the first pass after its paint, and then work."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.qt.app import build_kiosk

    kiosk = build_kiosk(fast_config, [], windowed=True, size=(1280, 800), input_after_first_paint=True)
    make_kiosk.made.append(kiosk)  # shut down with the test's other kiosks
    assert kiosk.access is None and not kiosk.flow._watching_app
    kiosk.window.show()
    qtbot.waitUntil(lambda: kiosk.access is not None, timeout=5000)
    assert kiosk.flow._watching_app
    kiosk.window.activateWindow()
    # A key where a real keyboard's goes: the kiosk's key handling hears it (and the focus ring follows it).
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Tab)
    assert kiosk.access.keys_used
    qtbot.waitUntil(lambda: kiosk.access is not None and kiosk.access.ring.isVisible(), timeout=2000)


def test_input_is_wired_even_if_the_first_paint_never_comes(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.qt.app import INPUT_FALLBACK_MS, build_kiosk

    kiosk = build_kiosk(fast_config, [], windowed=False, size=(1280, 800), input_after_first_paint=True)
    make_kiosk.made.append(kiosk)
    assert kiosk.access is None and not kiosk.window._guarding
    qtbot.waitUntil(lambda: kiosk.access is not None, timeout=INPUT_FALLBACK_MS + 4000)  # never shown: no paint
    assert kiosk.flow._watching_app and kiosk.window._guarding  # the kiosk-mode escape guard too
