"""The SMS text and the clinic's vCard (kiosk.core.contact): length, language, escaping, hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.contact import (
    SMS_LIMIT,
    SmsWords,
    clean_text,
    phone_digits,
    shorten,
    sms_length,
    sms_message,
    sms_payload,
    vcard,
)

EN = SmsWords("Hello, please call me for a free phone assessment. Symptoms: {symptoms}",
              "Hello, please call me for a free phone assessment.", "+{count} more")
ES = SmsWords("Hola, llámenme para una evaluación gratuita por teléfono. Síntomas: {symptoms}",
              "Hola, llámenme para una evaluación gratuita por teléfono.", "+{count} más")
EN_LABELS = ["Lower back pain", "Pain when sitting or getting up", "Hard to stand up straight",
             "Pain in the buttocks", "Pain running down the leg", "Groin pain", "Pelvic pain",
             "Limping or shuffling", "Difficulty breathing", "Feeling worn out", "Weaker immune system"]


def test_message_lists_the_ticked_symptoms_in_the_patients_words() -> None:
    text = sms_message(EN, ["Lower back pain", "Groin pain"])
    assert text == "Hello, please call me for a free phone assessment. Symptoms: Lower back pain, Groin pain"
    spanish = sms_message(ES, ["Dolor lumbar", "Dolor en la ingle"])
    assert spanish.startswith("Hola, llámenme") and spanish.endswith("Dolor lumbar, Dolor en la ingle")


def test_no_symptoms_asks_for_the_call_alone() -> None:
    assert sms_message(EN, []) == "Hello, please call me for a free phone assessment."
    assert sms_message(ES, ["", "   "]) == "Hola, llámenme para una evaluación gratuita por teléfono."


def test_a_long_list_is_shortened_with_a_count_of_the_rest() -> None:
    text = sms_message(EN, EN_LABELS)
    assert sms_length(text) <= SMS_LIMIT
    assert text.startswith(EN.with_symptoms.split("{")[0] + "Lower back pain, ")
    shown = text.split("Symptoms: ")[1].split(", ")
    hidden = int(shown[-1].removeprefix("+").removesuffix(" more"))
    assert len(shown) - 1 + hidden == len(EN_LABELS)
    # As many as fit: one more whole label would not.
    assert sms_length(text.replace(shown[-1], EN_LABELS[len(shown) - 1] + ", +99 more")) > SMS_LIMIT


def test_one_huge_label_is_cut_not_the_request() -> None:
    text = sms_message(EN, ["x" * 10_000, "Groin pain"])
    assert sms_length(text) <= SMS_LIMIT
    assert text.startswith("Hello, please call me") and "…" in text and text.endswith("+1 more")


def test_hostile_labels_are_cleaned() -> None:
    labels = ["Back\x00pain\r\nnow", "\u202eniap nioR\u202c", "Ache 😣👨‍👩‍👧", "ألم في الظهر", "\ud800bad"]
    text = sms_message(EN, labels)
    assert "\x00" not in text and "\r" not in text and "\n" not in text and "\u202e" not in text
    assert "\ud800" not in text
    assert "Back pain now" in text and "ألم في الظهر" in text and "😣" in text
    assert sms_length(text) <= SMS_LIMIT
    text.encode("utf-8")  # no lone surrogate survives


def test_emoji_count_as_two_sms_characters_and_are_never_split() -> None:
    assert sms_length("😣") == 2
    cut = shorten("😣" * 100, 11)
    assert sms_length(cut) <= 11 and cut.endswith("…") and cut.count("😣") == 5


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=15), st.text(max_size=200))
def test_any_input_fits_in_one_sms(labels: list[str], extra: str) -> None:
    words = SmsWords(extra + " {symptoms}", extra, "+{count}")
    text = sms_message(words, labels)
    assert sms_length(text) <= SMS_LIMIT
    text.encode("utf-8")
    assert "\n" not in text and "\x00" not in text


def test_sms_payload_form_and_number() -> None:
    assert sms_payload("+1 (555) 010-0199", "Hi: there") == "SMSTO:+15550100199:Hi: there"
    assert sms_payload("0612 345 678", "x") == "SMSTO:0612345678:x"
    for bad in ("", "call us", "+1 555 010 0199 ext 2", "12", "1" * 16, "+1\x00555"):
        assert phone_digits(bad) == ""
        with pytest.raises(ValueError):
            sms_payload(bad, "x")


def test_clean_text() -> None:
    assert clean_text("  a\tb\n\nc  ") == "a b c"
    assert clean_text("e\u0301") == "é"  # NFC: one character, as phones count it
    assert clean_text("\u2066x\u2069") == "x"


def _unfold(card: str) -> list[str]:
    return card.replace("\r\n ", "").split("\r\n")


def test_vcard_has_the_clinics_fields_with_crlf_lines() -> None:
    card = vcard("Riverside Physio", "+1 555-010-0100", sms_number="+1 555 010 0199",
                 address="12 River Rd, Springfield; Suite 4", website="https://riverside.example/book")
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "\n" not in card.replace("\r\n", "")
    lines = _unfold(card)
    assert "FN:Riverside Physio" in lines and "ORG:Riverside Physio" in lines and "N:;;;;" in lines
    assert "TEL;TYPE=WORK,VOICE:+15550100100" in lines
    assert "TEL;TYPE=CELL,MSG:+15550100199" in lines
    assert "ADR;TYPE=WORK:;;12 River Rd\\, Springfield\\; Suite 4;;;;" in lines
    assert "URL:https://riverside.example/book" in lines


def test_vcard_leaves_out_what_is_not_configured() -> None:
    lines = _unfold(vcard("Clinic", ""))
    assert not any(line.startswith(("TEL", "ADR", "URL")) for line in lines)
    assert not any(line.startswith("URL") for line in _unfold(vcard("C", website="javascript:alert(1)")))


def test_vcard_escapes_and_folds_hostile_names() -> None:
    name = "Dr. O'Brien, Smith & Co; \\ Physio\x00\r\nEND:VCARD 😀 عيادة " + "é" * 80
    card = vcard(name, "+15550100100")
    # The name's "END:VCARD" stays inside the FN line: only the card's own last line starts with it.
    assert [line for line in card.split("\r\n") if line.startswith(("END:", "BEGIN:"))] == ["BEGIN:VCARD",
                                                                                         "END:VCARD"]
    for line in card.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    fn = next(line for line in _unfold(card) if line.startswith("FN:"))
    assert fn.startswith("FN:Dr. O'Brien\\, Smith & Co\\; \\\\ Physio END:VCARD 😀 عيادة é")
    card.encode("utf-8")
