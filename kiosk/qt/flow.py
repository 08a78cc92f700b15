"""The one place that decides which screen comes next, timed transitions included.

Screens only emit intents (signals); Flow connects them to transitions. Every time-out is Flow's too, with its
length from the config: the idle question on patient screens and its countdown, the quiet-loop reset of a
patient's choices on the slides, the thank-you screen, the staff PIN pad and the staff panel's logout.
Adding a screen means adding it here.

Start-up paints the first slide before anything else: only the education screen is built at first; every other
screen is built on its first use, or after the first slide has been painted (one per pass of the event loop), so a
patient never waits for one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.qt.screens.base import Screen
from kiosk.qt.screens.education import EducationScreen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.gestures import CornerHold
from kiosk.qt.window import KioskWindow

if TYPE_CHECKING:  # the other screens are imported when they are built (start-up paints the slides first)
    from kiosk.qt.retention import RetentionKeeper
    from kiosk.qt.screens.checklist import ChecklistScreen
    from kiosk.qt.screens.request_form import RequestFormScreen
    from kiosk.qt.screens.staff_panel import StaffPanelScreen
    from kiosk.qt.screens.staff_pin import StaffPinScreen
    from kiosk.qt.screens.still_there import StillThereOverlay
    from kiosk.qt.screens.summary import SummaryScreen
    from kiosk.qt.screens.thanks import ThanksScreen

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


class FirstPaintWatch(QObject):
    """Calls `then` once, from the event loop, after `widget` has been painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            # After the whole paint pass (every dirty widget, then the flush): a zero timer.
            QTimer.singleShot(0, self, self.then)
        return False


class Flow(QObject):
    """Owns the screens and every transition between them, the idle reset and the staff gesture."""

    screen_changed = Signal(str)

    # Screens where a patient may have typed or chosen something: idle time there ends the session.
    PATIENT_INPUT_SCREENS = frozenset({"checklist", "summary", "request_form"})

    def __init__(self, window: KioskWindow, state: KioskState, *, watch_app: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self._built: dict[str, Screen] = {}  # the screens built so far
        self._still_there: StillThereOverlay | None = None
        self.retention: RetentionKeeper | None = None
        self.after_first_paint: list[Callable[[], None]] = []  # run_kiosk's own start-up work, done first

        self.education = self._add(EducationScreen(state))
        self.education.check_symptoms.connect(self.show_checklist)

        # The one timer for the screen on show: what happens when nobody touches it for a while (on_idle).
        self.counting_down = False  # the "Still there?" countdown is running on the idle timer
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.on_idle)
        self.activity = ActivityWatch(self)
        self.activity.activity.connect(self.note_activity)
        self.corner = CornerHold(window, state.config.staff.gesture_hold_seconds)
        self._watching_app = False
        if watch_app:
            self.watch_app()

        # Staff mode: hidden corner hold -> PIN pad -> staff panel -> back to the loop.
        self.corner.triggered.connect(self.open_staff)
        # A language, text size or contrast chosen on the slides is undone after a quiet spell there too.
        state.language_changed.connect(lambda _lang: self._restart_idle())
        state.appearance_changed.connect(self._restart_idle)
        self.current = ""
        self.go("education")
        # Everything else once the first slide is on screen: one piece per pass of the event loop.
        self._backlog: list[Callable[[], object]] = []
        self._first_paint = FirstPaintWatch(self.education, self._start_backlog)

    def watch_app(self) -> None:
        """Hear every touch in the application: the activity that keeps a patient's screen up, and the staff corner
        hold. Application-wide Python filters see every event Qt delivers, hundreds while the first slide is built,
        laid out and painted: run_kiosk asks for them right after that paint (Flow(watch_app=False))."""
        qapp = QApplication.instance()
        if qapp is not None and not self._watching_app:
            qapp.installEventFilter(self.activity)
            qapp.installEventFilter(self.corner)
            self._watching_app = True

    # ---- building the screens ----------------------------------------------------------------------------------
    # name -> how to build it and wire its intents; in the order screens are listed (screenshots, tests).
    SCREEN_ORDER = ("education", "checklist", "summary", "request_form", "thanks", "staff_pin", "staff_panel")

    def _add(self, screen: AnyScreen) -> AnyScreen:
        self._built[screen.screen_name] = screen
        self.window.stack.addWidget(screen)
        return screen

    def _screen(self, name: str) -> Screen:
        """The screen called `name`, built now if this is its first use."""
        screen = self._built.get(name)
        if screen is None:
            screen = self._add(getattr(self, f"_build_{name}")())
        return screen

    @property
    def built(self) -> list[str]:
        """Names of the screens built so far (start-up builds the slides first)."""
        return list(self._built)

    @property
    def screens(self) -> dict[str, Screen]:
        """Every screen by name (all built now), in SCREEN_ORDER."""
        return {name: self._screen(name) for name in self.SCREEN_ORDER}

    def _build_checklist(self) -> ChecklistScreen:
        from kiosk.qt.screens.checklist import ChecklistScreen

        screen = ChecklistScreen(self.state)
        screen.chosen.connect(self.show_summary)
        # Back to the slides is not a new patient: their language, text size and contrast stay (README).
        screen.back.connect(lambda: self.return_to_loop(keep_choices=True))
        return screen

    def _build_summary(self) -> SummaryScreen:
        from kiosk.qt.screens.summary import SummaryScreen

        screen = SummaryScreen(self.state)
        screen.request_assessment.connect(self.show_request_form)
        screen.back.connect(self.show_checklist)  # the choices are still ticked
        screen.start_over.connect(self.return_to_loop)
        return screen

    def _build_request_form(self) -> RequestFormScreen:
        from kiosk.qt.screens.request_form import RequestFormScreen

        screen = RequestFormScreen(self.state)
        screen.saved.connect(self.show_thanks)
        screen.back.connect(lambda: self.go("summary"))  # entries are kept
        return screen

    def _build_thanks(self) -> ThanksScreen:
        from kiosk.qt.screens.thanks import ThanksScreen

        screen = ThanksScreen(self.state)
        screen.done.connect(self.return_to_loop)
        return screen

    def _build_staff_pin(self) -> StaffPinScreen:
        from kiosk.qt.screens.staff_pin import StaffPinScreen

        screen = StaffPinScreen(self.state)
        screen.accepted.connect(self.show_staff_panel)
        screen.cancelled.connect(self.return_to_loop)
        return screen

    def _build_staff_panel(self) -> StaffPanelScreen:
        from kiosk.qt.screens.staff_panel import StaffPanelScreen

        screen = StaffPanelScreen(self.state)
        screen.locked.connect(self.return_to_loop)
        screen.quit_requested.connect(lambda: self.window.quit_for_staff())
        return screen

    @property
    def checklist(self) -> ChecklistScreen:
        return self._screen("checklist")  # type: ignore[return-value]

    @property
    def summary(self) -> SummaryScreen:
        return self._screen("summary")  # type: ignore[return-value]

    @property
    def request_form(self) -> RequestFormScreen:
        return self._screen("request_form")  # type: ignore[return-value]

    @property
    def thanks(self) -> ThanksScreen:
        return self._screen("thanks")  # type: ignore[return-value]

    @property
    def staff_pin(self) -> StaffPinScreen:
        return self._screen("staff_pin")  # type: ignore[return-value]

    @property
    def staff_panel(self) -> StaffPanelScreen:
        return self._screen("staff_panel")  # type: ignore[return-value]

    @property
    def still_there(self) -> StillThereOverlay:
        if self._still_there is None:
            from kiosk.qt.screens.still_there import StillThereOverlay

            self._still_there = StillThereOverlay(self.window, self.state)
            self._still_there.continued.connect(self._restart_idle)
        return self._still_there

    def _start_retention(self) -> None:
        """The daily purge of old exported requests (it opens the store, so not before the first slide)."""
        if self.retention is None:
            from kiosk.qt.retention import RetentionKeeper

            self.retention = RetentionKeeper(self.state, self)
            self.retention.start()

    def _start_backlog(self) -> None:
        self._backlog = [*self.after_first_paint, self._start_retention,
                         *(lambda n=name: self._screen(n) for name in self.SCREEN_ORDER),
                         lambda: self.still_there]
        # One more pass first: whatever else waited for this paint (a zero timer of its own) goes before.
        QTimer.singleShot(0, self, self._next_in_backlog)

    def _next_in_backlog(self) -> None:
        if self._backlog:
            self._backlog.pop(0)()
            QTimer.singleShot(0, self, self._next_in_backlog)

    def build_all(self) -> None:
        """Build now whatever is not built yet (what the backlog would do over the next passes of the loop)."""
        self._start_retention()
        self.screens  # noqa: B018 - builds every screen
        self.still_there  # noqa: B018

    # ---- transitions -----------------------------------------------------------------------------------------
    def go(self, name: str) -> None:
        screen = self._screen(name)
        if self._still_there is not None:
            self._still_there.dismiss()
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

    def return_to_loop(self, keep_choices: bool = False) -> None:
        """Back to the education loop with no trace of the last patient (`keep_choices`: the same patient goes
        back to the slides, keeping their language, text size and contrast)."""
        for screen in list(self._built.values()):  # a screen never built holds nothing to forget
            if screen is not self.education:
                screen.reset()
        if not keep_choices:
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
            if self.staff_panel.exporting():  # an export must finish (or be stopped) before staff mode closes
                self._restart_idle()
                return
            log.info("staff mode closed after %.0f s without a touch", self.state.config.staff.logout_seconds)
            self.staff_panel.lock()

    def on_idle_expired(self) -> None:
        log.info("no answer on %s: clearing and returning to the education loop", self.current)
        self.return_to_loop()
