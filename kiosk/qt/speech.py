"""Read aloud: speaking the screen's words in the patient's language (QtTextToSpeech), and stopping in time.

One ReadAloud per kiosk (`reader(state)`). The patient toolbar's "Read aloud" button, offered only when the clinic
turns it on (config `accessibility.read_aloud`), switches it on for this patient: it reads the screen on show and
then what gets the focus or appears (a slide, a tile, an error). Leaving the screen stops the speaking; the idle
reset (KioskState.patient_reset) stops it and switches read-aloud off for the next patient.

QtTextToSpeech is part of PySide6-Addons and needs the system's sound libraries; without them the button is simply
not offered (logged once). Nothing spoken is logged: it may be what a patient typed or chose.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from kiosk.qt.state import KioskState

log = logging.getLogger(__name__)

KEEP_SPOKEN = 50  # what was said lately, for tests and the self-test (never logged)


@dataclass(frozen=True)
class Utterance:
    """One piece of speech: the words and the patient's language they were spoken in."""

    text: str
    language: str


_readers: weakref.WeakKeyDictionary[KioskState, ReadAloud] = weakref.WeakKeyDictionary()
_import_failed = False


def reader(state: KioskState) -> ReadAloud:
    """This kiosk's reader (made on first use)."""
    found = _readers.get(state)
    if found is None:
        found = _readers[state] = ReadAloud(state)
    return found


def _speech_module() -> Any | None:
    """PySide6.QtTextToSpeech, or None when it cannot load (no PySide6-Addons, no sound libraries)."""
    global _import_failed
    if _import_failed:
        return None
    try:
        from PySide6 import QtTextToSpeech
    except ImportError as exc:
        _import_failed = True
        log.warning("read aloud is not available: %s", exc)
        return None
    return QtTextToSpeech


class ReadAloud(QObject):
    """Speaks lists of texts; `active` is the patient's choice (the toolbar button), `offered` the clinic's."""

    active_changed = Signal(bool)

    def __init__(self, state: KioskState) -> None:
        super().__init__(state)
        self.state = state
        self.active = False
        self.spoken: list[Utterance] = []
        self._engine: Any = None
        self._engine_failed = False
        # What the screen on show has to say (set by kiosk.qt.accessibility, which knows the screens).
        self.screen_words: Callable[[], list[str]] = list
        state.patient_reset.connect(self.reset)

    # ---- the engine -------------------------------------------------------------------------------------------
    @property
    def offered(self) -> bool:
        """The clinic turned read-aloud on and this machine can speak."""
        return self.state.config.accessibility.read_aloud and self.engine() is not None

    def engine(self) -> Any | None:
        """The QTextToSpeech engine, made on first use; None when speech cannot work here."""
        if self._engine is None and not self._engine_failed:
            module = _speech_module()
            name = self.state.config.accessibility.speech_engine
            if module is None:
                self._engine_failed = True
            elif name and name not in module.QTextToSpeech.availableEngines():
                log.warning("read aloud: no speech engine %r here (available: %s)", name,
                            ", ".join(module.QTextToSpeech.availableEngines()) or "none")
                self._engine_failed = True
            else:
                engine = module.QTextToSpeech(name, self) if name else module.QTextToSpeech(self)
                if engine.state() == module.QTextToSpeech.State.Error:
                    log.warning("read aloud: the speech engine %r failed to start: %s", engine.engine(),
                                engine.errorString())
                    self._engine_failed = True
                    engine.deleteLater()
                else:
                    self._engine = engine
        return self._engine

    def _use_language(self, engine: Any) -> None:
        """A voice for the patient's language when the engine has one (else its default voice)."""
        wanted = QLocale(self.state.language)
        if engine.locale().language() == wanted.language():
            return
        for locale in engine.availableLocales():
            if locale.language() == wanted.language():
                engine.setLocale(locale)
                return

    # ---- speaking ---------------------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """The patient's button: on reads the screen at once; off stops speaking."""
        if on == self.active:
            return
        self.active = on
        self.active_changed.emit(on)
        if on:
            self.read_screen()
        else:
            self.stop()

    def read_screen(self) -> None:
        """Everything the screen on show says, from the top."""
        self.say(self.screen_words(), interrupt=True)

    def say(self, texts: Sequence[str], *, interrupt: bool = True) -> None:
        """Speak `texts` one after another (only while the patient has read-aloud on). `interrupt` stops what
        is being said first: the patient moved on."""
        if not self.active:
            return
        engine = self.engine()
        if engine is None:
            return
        words = [" ".join(t.split()) for t in texts if t and t.strip()]
        if interrupt:
            self.stop()
        if not words:
            return
        self._use_language(engine)
        for text in words:
            self.spoken.append(Utterance(text, self.state.language))
            engine.enqueue(text)
        del self.spoken[:-KEEP_SPOKEN]

    def is_speaking(self) -> bool:
        engine = self._engine
        return engine is not None and engine.state() == type(engine).State.Speaking

    def stop(self) -> None:
        engine = self._engine
        if engine is not None and engine.state() in (type(engine).State.Speaking, type(engine).State.Paused,
                                                     type(engine).State.Synthesizing):
            engine.stop(type(engine).BoundaryHint.Immediate)

    def reset(self) -> None:
        """Between patients: silent, and off until the next patient asks."""
        self.stop()
        if self.active:
            self.active = False
            self.active_changed.emit(False)
