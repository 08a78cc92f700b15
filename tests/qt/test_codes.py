"""The QR codes patients scan, decoded from the rendered screens with a real decoder (zxing-cpp), as a phone would:
the summary's SMS to the clinic, the thank-you screen's contact card and the video slide's link."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.core.config import ClinicSettings, Config, IdleSettings
from kiosk.core.contact import SMS_LIMIT, sms_length
from tests.helpers import find_button, go_to_form, tap, tap_field, tap_text, type_on_screen
from tests.layout_checks import fit_problems, settle

CLINIC = ClinicSettings(
    name="Riverside Physiotherapy & Sports Injury Clinic", phone="+1 555 010 0100", sms_number="+1 (555) 010-0199",
    address="12 River Road, Springfield; Suite 4", website="https://riverside-physio.example/book",
    call_within={"en": "within 1 working day", "es": "en 1 día laborable"})


@pytest.fixture
def clinic_config(fast_config: Config) -> Config:
    # The thank-you screen stays until Done: a busy machine must not leave it before the grab.
    return replace(fast_config, clinic=CLINIC,
                   idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))


def decode(widget: QWidget) -> list[str]:
    """Every QR code in what `widget` shows on screen."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    found = zxingcpp.read_barcodes(pixels[:, :image.width()].copy(), formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found]


def _sms(window: QWidget) -> tuple[str, str]:
    codes = [c for c in decode(window) if c.startswith("SMSTO:")]
    assert len(codes) == 1, codes
    _, number, message = codes[0].split(":", 2)
    return number, message


def test_summary_sms_code_holds_the_number_and_the_ticked_symptoms(make_kiosk, clinic_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(clinic_config)
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    for label in ("Lower back pain", "Groin pain", "Pelvic pain"):
        tap_text(qtbot, kiosk.window, label)
    tap_text(qtbot, kiosk.window, "Next")
    settle()
    card = kiosk.flow.summary.sms_code
    assert card.isVisible() and card.accessibleName() == "Rather use your own phone?"
    assert card.caption.isVisible() and card.caption.text()
    number, message = _sms(kiosk.window)
    assert number == "+15550100199"
    assert message == "Hello, please call me for a free phone assessment. My symptoms: Lower back pain, Groin pain, " \
                      "Pelvic pain"
    assert sms_length(message) <= SMS_LIMIT
    # The code is large enough for a phone at arm's length: at least 3 screen pixels per module.
    assert card.code.width() >= card.code.modules() * 3


def test_summary_sms_code_is_in_spanish_and_shortened_for_every_symptom(make_kiosk, clinic_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(clinic_config)
    tap_text(qtbot, kiosk.window, "Español")
    tap_text(qtbot, kiosk.window, "Revisar mis síntomas")
    labels = [s.label for s in kiosk.state.content.symptoms]
    for label in labels:
        tap_text(qtbot, kiosk.window, label)
    tap_text(qtbot, kiosk.window, "Siguiente")
    settle()
    assert kiosk.flow.summary.sms_code.accessibleName() == "¿Prefiere usar su propio teléfono?"
    number, message = _sms(kiosk.window)
    assert number == "+15550100199"
    assert message.startswith("Hola, por favor llámenme para una evaluación gratuita por teléfono. Mis síntomas: ")
    assert labels[0] in message and "más" in message.rsplit("+", 1)[1]
    listed = message.split("Mis síntomas: ")[1].split(", ")
    assert int(listed[-1].removeprefix("+").removesuffix(" más")) == len(labels) - (len(listed) - 1)
    assert sms_length(message) <= SMS_LIMIT
    # Back in English on the same screen: the code follows the language.
    tap_text(qtbot, kiosk.window, "English")
    settle()
    assert _sms(kiosk.window)[1].startswith("Hello, please call me")


def test_none_of_these_asks_for_the_call_alone(make_kiosk, clinic_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(clinic_config)
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, "None of these")
    tap_text(qtbot, kiosk.window, "Next")
    settle()
    assert _sms(kiosk.window) == ("+15550100199", "Hello, please call me for a free phone assessment.")


def test_no_sms_code_without_an_sms_number(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, "Groin pain")
    tap_text(qtbot, kiosk.window, "Next")
    settle()
    assert not kiosk.flow.summary.sms_code.isVisible()
    assert not [c for c in decode(kiosk.window) if c.startswith("SMSTO:")]


def test_thank_you_screen_gives_the_next_step_and_the_contact_card(make_kiosk, clinic_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(clinic_config)
    go_to_form(qtbot, kiosk, ("Groin pain",))
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, "Ana Ruiz")
    tap_field(qtbot, form.phone_edit)
    type_on_screen(qtbot, kiosk.window, "2015550123")
    tap_text(qtbot, kiosk.window, "Afternoon")
    tap_text(qtbot, kiosk.window, kiosk.state.content.consent_text)
    tap_text(qtbot, kiosk.window, "Send my request")
    assert kiosk.flow.current == "thanks"
    thanks = kiosk.flow.thanks
    settle()
    assert thanks.when.text() == "Expect our call within 1 working day."
    assert thanks.clinic_name.text() == CLINIC.name
    assert thanks.clinic_phone.text().replace("\u00a0", " ") == "Our phone number: +1 555 010 0100"
    assert thanks.contact_code.accessibleName() == "Save our number"
    cards = [c for c in decode(kiosk.window) if c.startswith("BEGIN:VCARD")]
    assert len(cards) == 1
    lines = cards[0].replace("\r\n ", "").split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and lines[-2:] == ["END:VCARD", ""]
    assert f"FN:{CLINIC.name}" in lines and f"ORG:{CLINIC.name}" in lines
    assert "TEL;TYPE=WORK,VOICE:+15550100100" in lines and "TEL;TYPE=CELL,MSG:+15550100199" in lines
    assert "ADR;TYPE=WORK:;;12 River Road\\, Springfield\\; Suite 4;;;;" in lines
    assert "URL:https://riverside-physio.example/book" in lines
    # Nothing the patient typed is in the card.
    assert "Ana" not in cards[0] and "2015550123" not in cards[0]
    tap_text(qtbot, kiosk.window, "Español")
    settle()
    assert thanks.when.text() == "Espere nuestra llamada en 1 día laborable."


def test_video_slide_code_opens_the_video(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    screen.stop()
    for _ in screen.slides:
        if screen.slides[screen.index].id == "video":
            break
        tap(qtbot, find_button(kiosk.window, "Next"))
    assert screen.slides[screen.index].id == "video"
    # Read once the cross-fade to the slide is over (a phone cannot read a half-faded code either).
    qtbot.waitUntil(lambda: decode(kiosk.window) == ["https://youtu.be/fvee--yJGME"], timeout=3000)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_codes_fit_every_size_and_text_size(make_kiosk, clinic_config, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Nothing cut off or overlapping on the summary and thank-you screens with both codes showing, and the codes
    still read."""
    kiosk = make_kiosk(clinic_config, size=(1280, 800))
    kiosk.state.set_language(lang)
    problems: list[str] = []
    unread: list[str] = []
    for size in ((1280, 800), (1920, 1080), (1080, 1920)):
        kiosk.resize(*size)
        kiosk.window.setFixedSize(*size)
        for large in (False, True):
            for name in ("summary", "thanks"):
                screen = kiosk.flow.screens[name]
                kiosk.flow.go(name)
                kiosk.state.set_appearance(large_text=large)
                for variant in screen.screenshot_variants():  # type: ignore[attr-defined]
                    settle()
                    where = f"{lang}{' large' if large else ''} {size[0]}x{size[1]} {variant}"
                    problems += fit_problems(kiosk.window, where, size)
                    if not decode(kiosk.window):
                        unread.append(where)
        kiosk.flow.return_to_loop()
        kiosk.state.set_language(lang)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])
    assert not unread, f"no code read on: {unread}"


def test_hostile_symptom_words_still_make_one_readable_sms(make_kiosk, clinic_config, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A clinic's own content file with an emoji, right-to-left words, a bidi override and a 300-character label:
    the code still reads, in one SMS, without the override."""
    from kiosk.core import paths

    folder = tmp_path / "content"
    folder.mkdir()
    hostile = "Back pain 😣 ألم في الظهر \u202egnirts desrever\u202c " + "very " * 60
    for lang in ("en", "es"):
        text = (paths.resource_path("content") / f"{lang}.toml").read_text(encoding="utf-8")
        if lang == "en":
            assert text.count('label = "Lower back pain"') == 1
            text = text.replace('label = "Lower back pain"', f'label = "{hostile}"')
        (folder / f"{lang}.toml").write_text(text, encoding="utf-8")
    config = replace(clinic_config, content=replace(clinic_config.content, directory=str(folder)))
    kiosk = make_kiosk(config)
    assert not kiosk.state.library.problems
    tap_text(qtbot, kiosk.window, "Check my symptoms")
    tap_text(qtbot, kiosk.window, hostile)
    tap_text(qtbot, kiosk.window, "Next")
    settle()
    number, message = _sms(kiosk.window)
    assert number == "+15550100199" and sms_length(message) <= SMS_LIMIT
    assert "Back pain 😣 ألم في الظهر gnirts desrever very" in message
    assert "\u202e" not in message and "\u202c" not in message and message.endswith("…")
