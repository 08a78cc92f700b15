"""A monkey in the waiting room: thousands of seeded random taps, swipes, long presses and pauses on every patient
screen, with the fast timers of `fast_config`.

What must hold throughout: no exception anywhere (pytest-qt fails the test on an exception in any Qt slot or
override), the window never closes, and whenever nobody touches it the kiosk goes back to the education loop
with nothing of the last patient left on screen.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from tests.helpers import find_button, tap, tap_field

PATIENT_SCREENS = {"education", "checklist", "summary", "request_form", "thanks"}
ACTIONS_PER_SEED = 700
CHECK_EVERY = 250  # actions between "leave it alone" checks
CORNER_PX = 140  # the staff gesture's corner (120 px) plus a margin: long presses keep out of it
LEFT_ALONE_MS = 6000  # generous: idle (0.3 s) + "Still there?" (0.3 s) + a loaded CI machine


def _reachable(window: QWidget, widget: QWidget) -> bool:
    """A finger can reach the widget: what is on top at its centre is the widget itself or one of its children
    (not the "Still there?" overlay or another screen)."""
    centre = widget.mapTo(window, widget.rect().center())
    top = window.childAt(centre)
    return top is not None and (top is widget or widget.isAncestorOf(top))


def _visible_buttons(window: QWidget) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


class Monkey:
    def __init__(self, kiosk, qtbot, seed: int) -> None:  # type: ignore[no-untyped-def]
        self.kiosk = kiosk
        self.qtbot = qtbot
        self.window = kiosk.window
        self.rng = random.Random(seed)
        self.seen: set[str] = {kiosk.flow.current}
        self.still_there_seen = False
        self.counts: dict[str, int] = {}
        kiosk.flow.screen_changed.connect(self.seen.add)
        self.actions: list[tuple[int, Callable[[], None]]] = [
            (40, self.tap_button), (22, self.tap_anywhere), (12, self.swipe), (5, self.long_press),
            (8, self.short_wait), (1, self.leave_alone), (4, self.fill_form), (3, self.next_step),
        ]

    # -- where --
    def _point(self, avoid_corner: bool = False) -> QPoint:
        w, h = self.window.width(), self.window.height()
        while True:
            p = QPoint(self.rng.randrange(w), self.rng.randrange(h))
            if not (avoid_corner and p.x() < CORNER_PX and p.y() < CORNER_PX):
                return p

    def _under(self, p: QPoint) -> tuple[QWidget, QPoint]:
        widget = self.window.childAt(p) or self.window
        return widget, widget.mapFrom(self.window, p)

    # -- what --
    def tap_button(self) -> None:
        buttons = [b for b in _visible_buttons(self.window) if _reachable(self.window, b)]
        if buttons:
            # The toolbar's text-size and contrast switches re-style the whole window (~0.4 s each here): tapped
            # less often, so the run spends its time on many screens rather than on re-styling.
            weights = [0.05 if b.property("role") == "toolbar" else 1.0 for b in buttons]
            tap(self.qtbot, self.rng.choices(buttons, weights)[0])

    def tap_anywhere(self) -> None:
        widget, pos = self._under(self._point())
        tap(self.qtbot, widget, pos)

    def swipe(self) -> None:
        start = self._point(avoid_corner=True)
        widget, pos = self._under(start)
        dx, dy = self.rng.randint(-700, 700), self.rng.randint(-400, 400)
        self.qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
        for step in range(1, 6):
            self.qtbot.mouseMove(widget, pos=pos + QPoint(dx * step // 5, dy * step // 5))
        self.qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos + QPoint(dx, dy))

    def long_press(self) -> None:
        widget, pos = self._under(self._point(avoid_corner=True))
        self.qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
        self.qtbot.wait(self.rng.randint(100, 350))
        self.qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)

    def short_wait(self) -> None:
        self.qtbot.wait(self.rng.randint(5, 80))

    def leave_alone(self) -> None:
        """A patient walks away mid-way: long enough for "Still there?" and sometimes for its countdown."""
        self.qtbot.wait(self.rng.randint(350, 700))

    def next_step(self) -> None:
        """The button that moves a patient on, when it is there: keeps the monkey from circling one screen."""
        for text in ("Check my symptoms", "Next", "Request a free phone call", "I'm still here", "Done"):
            try:
                button = find_button(self.window, text)
            except AssertionError:
                continue
            if _reachable(self.window, button):
                tap(self.qtbot, button)
                return

    def _keys(self, kind: str, value: str | None = None) -> list[QAbstractButton]:
        keyboard = self.kiosk.flow.request_form.keyboard
        return [k for k in keyboard.keys if k.isVisible() and k.kind == kind and (value is None or k.value == value)]

    def _retype(self, field: QLineEdit, text: str) -> None:
        """Tap the field, delete what is in it with the keyboard's delete key, type `text` key by key."""
        tap_field(self.qtbot, field)
        for _ in range(len(field.text())):
            tap(self.qtbot, self._keys("backspace")[0])
        for ch in text:
            keys = self._keys("char", ch)
            if not keys:
                raise LookupError(ch)
            tap(self.qtbot, keys[0])

    def fill_form(self) -> None:
        """On the form, type valid entries like a patient and send them (so thanks and saving are reached too).
        Widgets are found by what they are, not by their words: the monkey may have switched the language."""
        flow = self.kiosk.flow
        form = flow.request_form
        steps: list[Callable[[], None]] = [
            lambda: self._retype(form.name_edit, "ana"),
            lambda: self._retype(form.phone_edit, "2015550123"),
            lambda: tap(self.qtbot, form.time_buttons["morning"]),
            lambda: None if form.consent_tile.isChecked() else tap(self.qtbot, form.consent_tile),
            lambda: tap(self.qtbot, form.send_button),
        ]
        for step in steps:
            # The monkey may have been interrupted meanwhile (an idle reset): stop filling then.
            if flow.current != "request_form" or flow.still_there.isVisible():
                return
            try:
                step()
            except (LookupError, IndexError):  # a key the fill wanted is not showing (symbols page, ...)
                return

    # -- the run --
    def act(self) -> None:
        weights = [w for w, _ in self.actions]
        action = self.rng.choices([a for _, a in self.actions], weights)[0]
        if action is self.fill_form and self.kiosk.flow.current != "request_form":
            action = self.next_step
        self.counts[action.__name__] = self.counts.get(action.__name__, 0) + 1
        action()
        if self.kiosk.flow.still_there.isVisible():
            self.still_there_seen = True

    def check_left_alone(self) -> None:
        """Nobody touches the kiosk: it must end up on the loop with every trace of the patient gone."""
        flow = self.kiosk.flow
        self.qtbot.waitUntil(lambda: flow.current == "education", timeout=LEFT_ALONE_MS)
        assert self.window.isVisible(), "the kiosk window closed"
        form = flow.request_form
        assert form.name_edit.text() == "" and form.phone_edit.text() == "" and form.note_edit.toPlainText() == ""
        assert not flow.checklist.selected() and not flow.still_there.isVisible()


@pytest.mark.parametrize("seed", [7, 1234, 20240501])
def test_monkey_never_breaks_the_kiosk(kiosk, qtbot, seed: int) -> None:  # type: ignore[no-untyped-def]
    kiosk.resize(1280, 800)  # robustness, not painting speed, is tested here: the smaller window is quicker
    monkey = Monkey(kiosk, qtbot, seed)
    for i in range(1, ACTIONS_PER_SEED + 1):
        monkey.act()
        assert kiosk.window.isVisible(), f"the kiosk window closed after action {i} ({monkey.counts})"
        assert kiosk.flow.current in PATIENT_SCREENS, f"left the patient screens: {kiosk.flow.current}"
        if i % CHECK_EVERY == 0:
            monkey.check_left_alone()
    monkey.check_left_alone()
    # The run really went everywhere a patient can go, overlay included.
    assert monkey.seen >= PATIENT_SCREENS, f"never reached {PATIENT_SCREENS - monkey.seen} ({monkey.counts})"
    assert monkey.still_there_seen, f"the 'Still there?' overlay never showed ({monkey.counts})"
