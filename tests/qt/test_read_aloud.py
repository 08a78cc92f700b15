"""Read aloud (QtTextToSpeech's `mock` engine): what the kiosk would say, in which language, and that it stops when
the patient leaves the screen or the idle reset runs. Offered only where the clinic turns it on."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.core.config import AccessibilitySettings, IdleSettings
from kiosk.qt import speech
from kiosk.qt.widgets.toolbar import PatientToolbar
from tests.helpers import find_button, tap, tap_text
from tests.layout_checks import settle

pytest.importorskip("PySide6.QtTextToSpeech", reason="read aloud needs PySide6-Addons (a project dependency)",
                    exc_type=ImportError)


def _reading_config(config, *, idle: float = 600):  # type: ignore[no-untyped-def]
    return replace(config, accessibility=AccessibilitySettings(read_aloud=True, speech_engine="mock"),
                   idle=IdleSettings(timeout_seconds=idle, countdown_seconds=idle, thanks_seconds=600))


def _said(kiosk) -> list[speech.Utterance]:  # type: ignore[no-untyped-def]
    return speech.reader(kiosk.state).spoken


def test_the_button_is_offered_only_when_the_clinic_turns_it_on(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    plain = make_kiosk()
    assert fast_config.accessibility.read_aloud is False  # the default is off
    bars = [t for t in plain.window.findChildren(PatientToolbar) if t.isVisible()]
    assert bars and all(not t.read_button.isVisible() for t in bars)
    with pytest.raises(AssertionError):
        find_button(plain.window, "Read aloud")

    reading = make_kiosk(_reading_config(fast_config))
    reading.flow.education.stop()
    button = find_button(reading.window, "Read aloud")
    assert button.accessibleDescription() and button.height() >= 64
    assert [b.text() for b in reading.window.findChildren(PatientToolbar)[0].buttons()][-1] == "Read aloud"


def test_read_aloud_speaks_the_slide_title_then_its_words_in_the_patients_language(make_kiosk, fast_config,
                                                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_reading_config(fast_config))
    education = kiosk.flow.education
    education.stop()
    slide = education.slides[education.index]
    tap(qtbot, find_button(kiosk.window, "Read aloud"))
    said = _said(kiosk)
    assert [u.text for u in said[:2]] == [slide.title, " ".join(slide.body.split())]
    assert all(u.language == "en" for u in said)
    assert speech.reader(kiosk.state).is_speaking()
    assert find_button(kiosk.window, "Read aloud").isChecked()

    # Spanish: the same slide again, in Spanish (the engine gets a Spanish voice where it has one).
    said.clear()
    tap(qtbot, find_button(kiosk.window, "Español"))
    settle()
    spanish = kiosk.state.content.slides[education.index]
    assert said and said[0].text == spanish.title and said[0].text != slide.title
    assert all(u.language == "es" for u in said)

    # Next slide: read as it comes up.
    said.clear()
    tap(qtbot, education.next_button)
    nxt = kiosk.state.content.slides[education.index]
    assert said and said[0].text == nxt.title

    # Tap again: silence.
    tap(qtbot, find_button(kiosk.window, "Leer en voz alta"))
    assert not speech.reader(kiosk.state).is_speaking()
    assert not speech.reader(kiosk.state).active


def test_checklist_question_tiles_on_focus_and_form_errors_are_read(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_reading_config(fast_config))
    flow = kiosk.flow
    flow.education.stop()
    tap(qtbot, find_button(kiosk.window, "Read aloud"))
    said = _said(kiosk)
    said.clear()
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    qtbot.waitUntil(lambda: bool(said))
    texts = [u.text for u in said]
    assert "Which of these do you have?" in texts
    assert any("choose more than one" in t for t in texts)  # the question and how to answer it

    said.clear()
    tile = flow.checklist.tiles["groin_pain"]
    for _ in range(40):
        QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is tile:
            break
    assert [u.text for u in said[-2:]] == [tile.text(), tile.detail()]
    QTest.keyClick(tile, Qt.Key.Key_Space)
    assert tile.isChecked()
    said.clear()
    other = flow.checklist.tiles["lower_back_pain"]
    tap(qtbot, other)  # a touch user hears the tapped tile too
    assert other.isChecked() and [u.text for u in said] == [other.text(), other.detail()]

    tap_text(qtbot, kiosk.window, "Next")
    tap_text(qtbot, kiosk.window, "Request a free phone call")
    qtbot.waitUntil(lambda: flow.current == "request_form")
    settle()
    texts = [u.text for u in _said(kiosk)]
    for label in ("Your name", "Your phone number", "Best time to call you"):
        assert label in texts, texts
    said.clear()
    tap_text(qtbot, kiosk.window, "Send my request")
    texts = " ".join(u.text for u in said)
    assert "Please type your name." in texts and "Please choose when we should call you." in texts


def test_speaking_stops_when_the_screen_changes_and_on_the_idle_reset(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(_reading_config(fast_config, idle=0.3))
    flow = kiosk.flow
    flow.education.stop()
    reader = speech.reader(kiosk.state)
    tap(qtbot, find_button(kiosk.window, "Read aloud"))
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    qtbot.waitUntil(reader.is_speaking)
    # Nobody there: "Still there?" is read out, then the idle reset clears the screen and silences the kiosk.
    qtbot.waitUntil(lambda: any("Still there?" in u.text for u in reader.spoken), timeout=5000)
    qtbot.waitUntil(lambda: flow.current == "education" and not reader.active, timeout=5000)
    assert not reader.is_speaking()
    count = len(reader.spoken)
    flow.education.show_index(1)  # the next patient's slides are not read out
    assert len(reader.spoken) == count
    assert not find_button(kiosk.window, "Read aloud").isChecked()


def test_a_message_that_appears_is_announced(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Errors are announced to assistive technology as they appear (kiosk.qt.accessibility.announce); with
    read-aloud on they are also spoken, which is how this test hears them."""
    kiosk = make_kiosk(_reading_config(fast_config))
    kiosk.flow.education.stop()
    tap(qtbot, find_button(kiosk.window, "Read aloud"))
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    said = _said(kiosk)
    said.clear()
    QTest.keyClick(kiosk.flow.checklist.next_button, Qt.Key.Key_Space)
    assert [u.text for u in said] == ["Please tap at least one box, or “None of these”."]
