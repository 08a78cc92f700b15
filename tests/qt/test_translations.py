"""Spanish (and any further language): complete translation files, a language button on every patient screen that
switches at once and keeps the patient's place, and the clinic's default language back after each patient."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.core.config import Config, ContentSettings, IdleSettings, LanguageSettings
from kiosk.qt.widgets.keyboard import KeyButton
from kiosk.qt.widgets.toolbar import LanguageChooser, PatientToolbar
from tests.helpers import find_button, tap, tap_field, tap_text, type_on_screen

ROOT = Path(__file__).resolve().parents[2]
PATIENT_SCREENS = ("education", "checklist", "summary", "request_form", "thanks")


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    module = _tool()
    try:
        module.tool("lupdate")
        module.tool("lrelease")
    except SystemExit:
        pytest.skip("lupdate/lrelease not installed")
    return module


# ---- the files --------------------------------------------------------------------------------------------------


def test_every_translation_file_is_complete_current_and_compiled(tool: ModuleType) -> None:
    """No untranslated message, every string lupdate finds in the code is in the .ts (and nothing stale), the .qm
    is byte for byte what lrelease makes of the .ts, and placeholders (%1, %n) survive translation."""
    files = tool.ts_files()
    assert "es" in files
    problems = [p for lang, ts in files.items() for p in tool.check(lang, ts)]
    assert not problems, "run python3 tools/update_translations.py, then translate:\n" + "\n".join(problems)


def test_the_check_notices_missing_and_untranslated_strings(tool: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "kiosk_es.ts"
    text = (tool.TRANSLATIONS / "kiosk_es.ts").read_text(encoding="utf-8")
    # Drop one message and leave another untranslated.
    text = re.sub(r"<message>\s*<source>Still there\?</source>.*?</message>", "", text, count=1, flags=re.S)
    text = text.replace("<translation>Sigo aquí</translation>", '<translation type="unfinished"></translation>')
    ts.write_text(text, encoding="utf-8")
    problems = tool.check("es", ts)
    assert any("not in the file yet" in p and "Still there?" in p for p in problems)
    assert any("untranslated" in p and "I'm still here" in p for p in problems)
    assert any("kiosk_es.qm" in p for p in problems)  # none next to this copy


def test_spanish_numerus_forms(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from kiosk.qt.state import KioskState

    state = KioskState(Config())
    try:
        state.set_language("es")
        tr = QCoreApplication.translate
        assert tr("RequestFormScreen", "%n letters left", "", 1) == "Queda 1 letra"
        assert tr("RequestFormScreen", "%n letters left", "", 480) == "Quedan 480 letras"
    finally:
        state.set_language("en")


# ---- switching --------------------------------------------------------------------------------------------------


def _calm(kiosk) -> None:  # type: ignore[no-untyped-def]
    """No "Still there?" halfway through a test that is not about it (fast_config asks after 0.3 s)."""
    kiosk.state.config = replace(kiosk.state.config, idle=IdleSettings(timeout_seconds=600, countdown_seconds=10,
                                                                       thanks_seconds=600))


def _texts(window: QWidget) -> dict[int, tuple[str, str]]:
    """Visible buttons (keyboard letter keys left out: a "q" is a "q" in any language) -> (text, name)."""
    out = {}
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or (isinstance(button, KeyButton) and button.kind != "space"):
            continue
        out[id(button)] = (button.text(), button.accessibleName())
    return out


def _walk_to(kiosk, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    flow = kiosk.flow
    if name == "education":
        flow.education.stop()
    elif name == "checklist":
        tap_text(qtbot, kiosk.window, "Check my symptoms")
    elif name == "summary":
        tap_text(qtbot, kiosk.window, "Lower back pain")
        tap_text(qtbot, kiosk.window, "Next")
    elif name == "request_form":
        tap_text(qtbot, kiosk.window, "Request a free phone call")
    elif name == "thanks":
        flow.show_thanks("PS-TEST")
    assert flow.current == name


def test_language_button_on_every_patient_screen_changes_every_button(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    for name in PATIENT_SCREENS:
        _walk_to(kiosk, qtbot, name)
        screen = kiosk.flow.screens[name]
        toolbars = [t for t in screen.findChildren(PatientToolbar) if t.isVisible()]
        assert len(toolbars) == 1, name
        before = _texts(kiosk.window)
        tap(qtbot, find_button(kiosk.window, "Español"))
        assert kiosk.state.language == "es"
        after = _texts(kiosk.window)
        unchanged = [before[k] for k in before if k in after and after[k] == before[k]]
        assert not unchanged, f"{name}: still in English after switching: {unchanged}"
        assert find_button(kiosk.window, "English").isVisible()
        tap(qtbot, find_button(kiosk.window, "English"))  # and straight back
        assert kiosk.state.language == "en"
        assert _texts(kiosk.window) == before, name


def test_switching_keeps_the_slide(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    screen = kiosk.flow.education
    screen.stop()
    screen.show_index(2, animate=False)
    tap(qtbot, find_button(kiosk.window, "Español"))
    assert screen.index == 2
    assert screen.slide_view.title.text() == kiosk.state.library.get("es").slides[2].title
    assert screen.paused  # the patient wants to read: the slide waits
    # The picture's labels are the Spanish content file's.
    labels = {label.key: label.text for label in screen.slide_view.picture.placed_labels()}
    assert labels == dict(kiosk.state.library.get("es").slides[2].labels) and labels["femur"] == "Fémur"
    assert find_button(kiosk.window, "Revisar mis síntomas").isVisible()


def test_switching_keeps_choices_and_typed_entries_and_gives_the_keyboard_an_enye(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    _calm(kiosk)
    window = kiosk.window
    tap_text(qtbot, window, "Check my symptoms")
    tap_text(qtbot, window, "Groin pain")
    tap_text(qtbot, window, "Pelvic pain")
    tap(qtbot, find_button(window, "Español"))
    checklist = kiosk.flow.checklist
    assert checklist.selected() == ("groin_pain", "pelvic_pain")
    assert find_button(window, "Dolor en la ingle").isChecked()
    tap(qtbot, find_button(window, "English"))
    tap_text(qtbot, window, "Next")
    tap_text(qtbot, window, "Request a free phone call")
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, window, "Pe")
    assert not [k for k in window.findChildren(KeyButton) if k.isVisible() and k.text().lower() == "ñ"]
    tap_text(qtbot, window, "Evening")
    tap_text(qtbot, window, "Send my request")  # no phone yet: a message in English
    assert form.phone_error.text() == "Please type your phone number."
    assert form.keyboard.target() is form.phone_edit  # the first problem has the keys
    tap_field(qtbot, form.name_edit)

    tap(qtbot, find_button(window, "Español"))
    assert kiosk.flow.current == "request_form"
    assert form.name_edit.text() == "Pe"
    assert form.best_time() == "evening"
    assert form.phone_error.text() == "Escriba su número de teléfono, por favor."
    assert form.symptoms_line.text().startswith("Sus síntomas: ")
    assert find_button(window, "Enviar mi solicitud").isVisible()
    type_on_screen(qtbot, window, "ña")  # the Spanish keyboard has an ñ key
    assert form.name_edit.text() == "Peña"
    assert form.keyboard.target() is form.name_edit  # the toolbar never takes the field's focus


# ---- back to the clinic's defaults --------------------------------------------------------------------------------


def test_idle_reset_brings_back_the_default_language_text_size_and_colours(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    fast_idle = kiosk.state.config.idle
    _calm(kiosk)  # each restyle takes a moment; fast_config's 0.3 s would run out between the taps
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap(qtbot, find_button(kiosk.window, "Español"))
    tap(qtbot, find_button(kiosk.window, "Letra grande"))
    tap(qtbot, find_button(kiosk.window, "Alto contraste"))
    theme = kiosk.state.theme
    assert (kiosk.state.language, theme.large_text, theme.high_contrast) == ("es", True, True)
    kiosk.state.config = replace(kiosk.state.config, idle=fast_idle)
    tap(qtbot, kiosk.flow.checklist.title)  # a touch restarts the idle time, now the short one
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=5000)  # "Still there?" ran out
    theme = kiosk.state.theme
    assert (kiosk.state.language, theme.large_text, theme.high_contrast) == ("en", False, False)
    assert not find_button(kiosk.window, "Larger text").isChecked()
    assert not find_button(kiosk.window, "High contrast").isChecked()
    assert find_button(kiosk.window, "Check my symptoms").isVisible()


def test_choices_made_on_the_slides_are_undone_after_a_quiet_loop(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, find_button(kiosk.window, "Español"))
    tap(qtbot, find_button(kiosk.window, "Letra grande"))
    assert kiosk.flow.idle_timer.isActive()
    # fast_config: slides.speed 0.01, so a whole loop without a touch takes about 2.5 s.
    qtbot.waitUntil(lambda: kiosk.state.language == "en" and not kiosk.state.theme.large_text, timeout=8000)
    assert kiosk.flow.current == "education"


def _back_to_english(k) -> None:  # type: ignore[no-untyped-def]
    """Leave no Spanish or French translator installed in the application for the tests that follow."""
    k.state.set_language("en")


def test_a_clinic_whose_default_is_spanish(qtbot, fast_config: Config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(replace(fast_config, languages=LanguageSettings(offered=("en", "es"), default="es")))
    try:
        assert k.state.language == "es"
        assert find_button(k.window, "Revisar mis síntomas").isVisible()
        tap(qtbot, find_button(k.window, "English"))
        assert k.state.language == "en"
        k.flow.return_to_loop()  # what every idle reset does
        assert k.state.language == "es"
    finally:
        _back_to_english(k)


def test_one_language_means_no_language_button(qtbot, fast_config: Config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(replace(fast_config, languages=LanguageSettings(offered=("en",), default="en")))
    try:
        for toolbar in k.window.findChildren(PatientToolbar):
            assert toolbar.language_button.isHidden()
    finally:
        _back_to_english(k)


def test_a_third_language_needs_only_files(qtbot, fast_config: Config, tmp_path: Path, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    """The README's recipe: a content file and `languages.offered`; no code. (No .qm yet: the screens' own words
    stay in English until kiosk_fr.ts is translated and compiled.)"""
    content = tmp_path / "content"
    content.mkdir()
    french = (ROOT / "resources" / "content" / "en.toml").read_text(encoding="utf-8")
    french = french.replace('language = "en"', 'language = "fr"').replace('language_name = "English"',
                                                                          'language_name = "Français"')
    french = french.replace('title = "Meet your psoas"', 'title = "Voici votre psoas"')
    (content / "fr.toml").write_text(french, encoding="utf-8")
    shutil.copy(ROOT / "resources" / "content" / "es.toml", content / "es.toml")
    shutil.copy(ROOT / "resources" / "content" / "en.toml", content / "en.toml")
    config = replace(fast_config, languages=LanguageSettings(offered=("en", "es", "fr"), default="en"),
                     content=ContentSettings(directory=str(content)))
    k = make_kiosk(config)
    try:
        assert k.state.languages == ["en", "es", "fr"]
        k.flow.education.stop()
        k.flow.education.show_index(1, animate=False)
        tap(qtbot, find_button(k.window, "English"))  # three languages: the button shows the current one
        chooser = k.window.findChild(LanguageChooser)
        assert chooser is not None and chooser.isVisible()
        names = [b.text() for b in chooser.buttons.values()]
        assert names == ["English", "Español", "Français"]
        assert chooser.buttons["en"].isChecked()
        tap(qtbot, chooser.buttons["fr"])
        assert k.state.language == "fr" and not chooser.isVisible()
        assert k.flow.education.slide_view.title.text() == "Voici votre psoas"
        assert find_button(k.window, "Français").isVisible()
        tap(qtbot, find_button(k.window, "Français"))  # a tap outside the card closes it without a change
        chooser = k.window.findChild(LanguageChooser)
        tap(qtbot, chooser, chooser.rect().topLeft())
        assert not chooser.isVisible() and k.state.language == "fr"
    finally:
        _back_to_english(k)


def test_a_thrown_away_spanish_kiosk_leaves_no_translator_behind(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    first = make_kiosk()
    first.state.set_language("es")
    make_kiosk.close(first)  # still in Spanish
    del first
    QApplication.processEvents()
    second = make_kiosk()
    try:
        assert second.state.language == "en"
        assert find_button(second.window, "Check my symptoms").isVisible()
    finally:
        _back_to_english(second)


def test_changing_the_language_on_the_thank_you_screen_gives_the_full_time_again(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    thanks_seconds = 1.5
    kiosk.state.config = replace(kiosk.state.config, idle=IdleSettings(timeout_seconds=600, countdown_seconds=10,
                                                                       thanks_seconds=thanks_seconds))
    left: list[float] = []  # when the thank-you screen gave way to another
    kiosk.flow.screen_changed.connect(lambda name: left.append(time.monotonic()) if name != "thanks" else None)
    taps: list[tuple[float, str, bool]] = []  # (when, screen tapped on, Spanish shown right after)

    def tap_spanish() -> None:
        when, screen = time.monotonic(), kiosk.flow.current
        tap(qtbot, find_button(kiosk.window, "Español"))
        taps.append((when, screen, find_button(kiosk.window, "Listo").isVisible()))

    kiosk.flow.show_thanks("PS-TEST")
    # Halfway through the thank-you time the patient switches to Spanish. Timers fire in the order they fall due
    # however late the machine runs, so this tap always comes before the thank-you screen's first end.
    patient = QTimer(kiosk.window)
    patient.setSingleShot(True)
    patient.setTimerType(Qt.TimerType.PreciseTimer)
    patient.timeout.connect(tap_spanish)
    patient.start(int(thanks_seconds * 500))
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=10000)
    [(tapped_at, screen, spanish)] = taps
    assert screen == "thanks" and spanish
    # The full time again from the tap, not what was left of the first (coarse timers may fire 5 % early).
    assert left[0] - tapped_at >= thanks_seconds * 0.9
