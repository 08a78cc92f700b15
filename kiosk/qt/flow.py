"""The one place that decides which screen comes next, timed transitions included.

Screens only emit intents (signals); Flow connects them to transitions. Every time-out is Flow's too, with its
length from the config: the idle question on patient screens and its countdown, the quiet-loop reset of a
patient's choices on the slides, the thank-you screen, the staff PIN pad and the staff panel's logout.
Adding a screen means adding it here.
"""

from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.qt.retention import RetentionKeeper
from kiosk.qt.screens.base import Screen
from kiosk.qt.screens.checklist import ChecklistScreen
from kiosk.qt.screens.education import EducationScreen
from kiosk.qt.screens.request_form import RequestFormScreen
from kiosk.qt.screens.staff_panel import StaffPanelScreen
from kiosk.qt.screens.staff_pin import StaffPinScreen
from kiosk.qt.screens.still_there import StillThereOverlay
from kiosk.qt.screens.summary import SummaryScreen
from kiosk.qt.screens.thanks import ThanksScreen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.gestures import CornerHold
from kiosk.qt.window import KioskWindow

log = logging.getLogger(__name__)

_ACTIVITY_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
                    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress}


AnyScreen = TypeVar("AnyScreen", bound=Screen)


class ActivityWatch(QObject):
    """Any touch anywhere counts as the patient still being there."""

    activity = Signal()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self.activity.emit()
        return False


class Flow(QObject):
    """Owns the screens and every transition between them, the idle reset and the staff gesture."""

    screen_changed = Signal(str)

    # Screens where a patient may have typed or chosen something: idle time there ends the session.
    PATIENT_INPUT_SCREENS = frozenset({"checklist", "summary", "request_form"})

    def __init__(self, window: KioskWindow, state: KioskState) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.screens: dict[str, Screen] = {}

        self.education = self._add(EducationScreen(state))
        self.checklist = self._add(ChecklistScreen(state))
        self.summary = self._add(SummaryScreen(state))
        self.request_form = self._add(RequestFormScreen(state))
        self.thanks = self._add(ThanksScreen(state))

        self.education.check_symptoms.connect(self.show_checklist)
        self.checklist.chosen.connect(self.show_summary)
        self.checklist.back.connect(self.return_to_loop)
        self.summary.request_assessment.connect(self.show_request_form)
        self.summary.back.connect(self.show_checklist)  # the choices are still ticked
        self.summary.start_over.connect(self.return_to_loop)
        self.request_form.saved.connect(self.show_thanks)
        self.request_form.back.connect(lambda: self.go("summary"))  # entries are kept
        self.thanks.done.connect(self.return_to_loop)

        self.still_there = StillThereOverlay(window, state)
        self.still_there.continued.connect(self._restart_idle)

        # The one timer for the screen on show: what happens when nobody touches it for a while (on_idle).
        self.counting_down = False  # the "Still there?" countdown is running on the idle timer
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.on_idle)
        self.activity = ActivityWatch(self)
        self.activity.activity.connect(self.note_activity)
        self.corner = CornerHold(window, state.config.staff.gesture_hold_seconds)
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.installEventFilter(self.activity)
            qapp.installEventFilter(self.corner)

        # Staff mode: hidden corner hold -> PIN pad -> staff panel -> back to the loop. Plus the daily purge.
        self.staff_pin = self._add(StaffPinScreen(state))
        self.staff_panel = self._add(StaffPanelScreen(state))
        self.corner.triggered.connect(self.open_staff)
        self.staff_pin.accepted.connect(self.show_staff_panel)
        self.staff_pin.cancelled.connect(self.return_to_loop)
        self.staff_panel.locked.connect(self.return_to_loop)
        self.staff_panel.quit_requested.connect(lambda: self.window.quit_for_staff())
        # A language, text size or contrast chosen on the slides is undone after a quiet spell there too.
        state.language_changed.connect(lambda _lang: self._restart_idle())
        state.appearance_changed.connect(self._restart_idle)
        self.retention = RetentionKeeper(state, self)
        self.retention.start()
        self.current = ""
        self.go("education")

    def _add(self, screen: AnyScreen) -> AnyScreen:
        name = screen.screen_name
        self.screens[name] = screen
        self.window.stack.addWidget(screen)
        return screen

    # ---- transitions -----------------------------------------------------------------------------------------
    def go(self, name: str) -> None:
        screen = self.screens[name]
        self.still_there.dismiss()
        if self.current == "education" and name != "education":
            self.education.stop()
        self.current = name
        self.window.stack.setCurrentWidget(screen)
        if name == "education":
            self.education.start()
        self._restart_idle()
        log.info("screen: %s", name)
        self.screen_changed.emit(name)

    def show_checklist(self) -> None:
        self.go("checklist")

    def show_summary(self, symptoms: tuple[str, ...]) -> None:
        self.summary.show_choices(symptoms)
        self.go("summary")

    def show_request_form(self, symptoms: tuple[str, ...]) -> None:
        self.request_form.begin(symptoms)
        self.go("request_form")

    def show_thanks(self, reference: str) -> None:
        """The request is stored: thank the patient and forget what they entered right away."""
        self.thanks.show_reference(reference)
        self.go("thanks")
        for screen in (self.checklist, self.summary, self.request_form):
            screen.reset()

    def return_to_loop(self) -> None:
        """Back to the education loop with no trace of the last patient."""
        for screen in self.screens.values():
            if screen is not self.education:
                screen.reset()
        self.state.reset_patient_choices()
        self.go("education")
        self.education.start(from_first=False)

    STAFF_SCREENS = frozenset({"staff_pin", "staff_panel"})

    def open_staff(self) -> None:
        """The hidden gesture: clear the patient's entries as an idle reset would, then ask for the PIN."""
        if self.current in self.STAFF_SCREENS:
            return
        log.info("staff gesture")
        self.return_to_loop()
        self.staff_pin.enter()
        self.go("staff_pin")

    def show_staff_panel(self) -> None:
        self.staff_panel.enter()
        self.go("staff_panel")

    # ---- idle --------------------------------------------------------------------------------------------------
    def _restart_idle(self) -> None:
        self.counting_down = False
        ms = self._idle_ms()
        if ms is None:
            self.idle_timer.stop()
        else:
            self.idle_timer.start(ms)

    def _idle_ms(self) -> int | None:
        """How long the screen on show may stay untouched before on_idle, or None when it may stay for ever."""
        config = self.state.config
        if self.current in self.PATIENT_INPUT_SCREENS:
            seconds = config.idle.timeout_seconds
        elif self.current == "education":
            return self._education_idle_ms() if self.state.has_patient_choices() else None
        elif self.current == "thanks":
            seconds = config.idle.thanks_seconds
        elif self.current == "staff_pin":
            seconds = config.staff.pin_timeout_seconds
        elif self.current == "staff_panel":
            seconds = config.staff.logout_seconds
        else:
            return None
        return max(50, int(seconds * 1000))

    def _education_idle_ms(self) -> int:
        """On the slides nothing personal is on screen, so a patient may watch a whole loop in Spanish or in
        large text without touching anything; only after that long are the clinic's defaults back."""
        loop = sum(slide.seconds for slide in self.state.content.slides) * self.state.config.slides.speed
        return int(max(self.state.config.idle.timeout_seconds, loop) * 1000)

    def note_activity(self) -> None:
        # A touch during the countdown answers "Still there?" only on the overlay itself (continued).
        if self.idle_timer.isActive() and not self.counting_down:
            self._restart_idle()

    def on_idle(self) -> None:
        """Nobody has touched the screen on show for its time."""
        if self.counting_down:
            self.on_idle_expired()
        elif self.current == "education":
            log.info("idle on the slides: back to the clinic's language, text size and colours")
            self.state.reset_patient_choices()
        elif self.current in self.PATIENT_INPUT_SCREENS:
            # Ask, with a countdown, before clearing what the patient entered.
            log.info("idle on %s: asking if the patient is still there", self.current)
            seconds = max(0.05, self.state.config.idle.countdown_seconds)
            self.still_there.start(seconds)
            self.counting_down = True
            self.idle_timer.start(int(seconds * 1000))
        elif self.current == "thanks":
            self.return_to_loop()
        elif self.current == "staff_pin":
            log.info("staff PIN pad left idle: back to the education loop")
            self.staff_pin.cancel()
        elif self.current == "staff_panel":
            log.info("staff mode closed after %.0f s without a touch", self.state.config.staff.logout_seconds)
            self.staff_panel.lock()

    def on_idle_expired(self) -> None:
        log.info("no answer on %s: clearing and returning to the education loop", self.current)
        self.return_to_loop()
