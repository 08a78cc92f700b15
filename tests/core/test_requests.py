"""Form model: cleaning, phone parsing, validation codes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.requests import (
    BEST_TIMES,
    NAME_MAX,
    NOTE_MAX,
    FieldError,
    NewRequest,
    clean_text,
    format_phone_for_display,
    parse_phone,
    phone_problem,
    validate_request,
)

GOOD_PHONE = "07911 123456"  # a valid UK mobile number in phonenumbers' metadata
GOOD_E164 = "+447911123456"


def submit(**overrides):
    values = dict(
        name="Ana Pérez",
        phone_raw=GOOD_PHONE,
        best_time="morning",
        symptoms=("groin_pain",),
        note="",
        consent=True,
    )
    values.update(overrides)
    return validate_request(
        values["name"],
        values["phone_raw"],
        values["best_time"],
        values["symptoms"],
        values["note"],
        values["consent"],
        region="GB",
        consent_version="2024-05",
        language="en",
    )


def codes(errors: list[FieldError]) -> dict[str, str]:
    return {e.field: e.code for e in errors}


# --- the happy path -------------------------------------------------------------------------------------


def test_valid_request_is_cleaned_and_normalised():
    req, errors = submit(name="  Ana   Pérez ", phone_raw="+44 7911 123 456", note="  Hurts\r\nwhen  sitting  ")
    assert errors == []
    assert req == NewRequest(
        name="Ana Pérez",
        phone=GOOD_E164,
        best_time="morning",
        symptoms=("groin_pain",),
        note="Hurts\nwhen sitting",
        consent_version="2024-05",
        language="en",
    )


@pytest.mark.parametrize(
    "name",
    [
        "José Ñúñez",
        "Zoë O'Brien-Smith",
        "مرحبا שלום",  # right-to-left scripts
        "李小龍",
        "Ana 😀👍🏽",  # emoji next to letters
        "Dr. Ana-María de la Cruz",
        'Ann "Nan" Lee, Jr.',
        "@SUM Ann",  # formula-looking but has letters: stored as-is, neutralised at export
    ],
)
def test_names_in_any_script_are_accepted_exactly(name):
    req, errors = submit(name=name)
    assert errors == []
    assert req.name == name


def test_nfc_normalisation_makes_decomposed_and_precomposed_equal():
    decomposed = "Jose\u0301"  # e + combining acute
    req, _ = submit(name=decomposed)
    assert req.name == "José" and len(req.name) == 4


def test_symptoms_keep_tick_order_and_drop_duplicates():
    req, errors = submit(symptoms=["hip", "back", "hip"])
    assert errors == [] and req.symptoms == ("hip", "back")


def test_no_symptoms_is_fine():
    req, errors = submit(symptoms=())
    assert errors == [] and req.symptoms == ()


@pytest.mark.parametrize("best_time", BEST_TIMES)
def test_every_best_time_is_accepted(best_time):
    req, errors = submit(best_time=best_time)
    assert errors == [] and req.best_time == best_time


# --- refusals -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"name": ""}, {"name": "required"}),
        ({"name": "   \t\n "}, {"name": "required"}),
        ({"name": "x" * (NAME_MAX + 1)}, {"name": "too_long"}),
        ({"name": "é" * 10_000}, {"name": "too_long"}),
        ({"name": "=1+1"}, {"name": "invalid_chars"}),
        ({"name": "😀👍🏽"}, {"name": "invalid_chars"}),
        ({"name": "12345"}, {"name": "invalid_chars"}),
        ({"phone_raw": ""}, {"phone": "required"}),
        ({"phone_raw": "0" * 10_000}, {"phone": "too_long"}),
        ({"phone_raw": "077"}, {"phone": "not_possible"}),
        ({"phone_raw": "0791112345678901"}, {"phone": "not_possible"}),
        ({"phone_raw": "hello"}, {"phone": "invalid_phone"}),
        ({"phone_raw": "+999 1234567"}, {"phone": "invalid_phone"}),
        ({"phone_raw": "=1+1"}, {"phone": "invalid_phone"}),
        ({"best_time": ""}, {"best_time": "required"}),
        ({"best_time": "midnight"}, {"best_time": "unknown_choice"}),
        ({"symptoms": ["Bad Id!"]}, {"symptoms": "unknown_choice"}),
        ({"symptoms": [f"s{i}" for i in range(51)]}, {"symptoms": "too_long"}),
        ({"note": "n" * (NOTE_MAX + 1)}, {"note": "too_long"}),
        ({"note": "😀" * 10_000}, {"note": "too_long"}),
        ({"consent": False}, {"consent": "required"}),
    ],
)
def test_refusals_return_codes(overrides, expected):
    req, errors = submit(**overrides)
    assert req is None
    assert codes(errors) == expected


def test_all_errors_reported_in_form_order():
    req, errors = submit(name="", phone_raw="", best_time="", note="x" * 600, consent=False)
    assert req is None
    assert [e.field for e in errors] == ["name", "phone", "best_time", "note", "consent"]


def test_limits_are_inclusive():
    req, errors = submit(name="a" * NAME_MAX, note="b" * NOTE_MAX)
    assert errors == [] and len(req.name) == NAME_MAX and len(req.note) == NOTE_MAX


def test_known_symptoms_restricts_ids():
    args = ("Ana", GOOD_PHONE, "any", ["hip", "moon"], "", True)
    kw = dict(region="GB", consent_version="v", language="en")
    assert codes(validate_request(*args, **kw, known_symptoms={"hip"})[1]) == {"symptoms": "unknown_choice"}
    assert validate_request(*args, **kw)[1] == []


def test_error_objects_carry_no_patient_text():
    secret = "Zebedee-Secret"
    _, errors = submit(name=secret * 20, phone_raw=secret, note=secret * 100)
    assert errors and all(secret not in repr(e) for e in errors)


def test_app_supplied_fields_must_be_present():
    with pytest.raises(ValueError):
        validate_request("Ana", GOOD_PHONE, "any", (), "", True, region="GB", consent_version="", language="en")


# --- NUL and control characters: stripped (documented decision) --------------------------------------------


def test_nul_and_controls_are_stripped_not_refused():
    req, errors = submit(name="An\x00a\x07 Lee", note="a\x00b\x1bc")
    assert errors == []
    assert req.name == "Ana Lee"
    assert req.note == "abc"


def test_whitespace_controls_become_spaces_so_words_do_not_merge():
    assert clean_text("Ana\tLee") == "Ana Lee"
    assert clean_text("Ana\nLee") == "Ana Lee"
    assert clean_text("Ana\x85Lee") == "Ana Lee"  # C1 NEL


def test_note_keeps_line_breaks_but_not_runs_of_blank_lines():
    assert clean_text("one\r\ntwo\rthree\u2028four", multiline=True) == "one\ntwo\nthree\nfour"
    assert clean_text("a\n\n\n\n\nb", multiline=True) == "a\n\nb"
    assert clean_text("  a  \t b  \n  c  ", multiline=True) == "a b\nc"


def test_zero_width_joiner_emoji_and_bidi_marks_survive():
    family = "👩\u200d👩\u200d👧"
    assert clean_text(family) == family
    assert clean_text("abc \u200fשלום") == "abc \u200fשלום"


def test_unstorable_characters_are_removed():
    assert clean_text("a\ud800b\ufffec\ufdd0d") == "abcd"


# --- phone ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("07911 123456", GOOD_E164),
        ("+44 7911 123456", GOOD_E164),
        ("+44 (0)7911-123-456", GOOD_E164),
        ("0044 7911 123456", GOOD_E164),
        ("０７９１１ １２３４５６", GOOD_E164),  # full-width digits from some IMEs
        ("020 7946 0958", "+442079460958"),
        ("+1 650 253 0000", "+16502530000"),  # foreign numbers with a country code are fine
    ],
)
def test_parse_phone_gives_e164(raw, e164):
    assert parse_phone(raw, "GB") == e164
    assert phone_problem(raw, "GB") is None


def test_parse_phone_uses_the_region_for_national_numbers():
    assert parse_phone("(650) 253-0000", "US") == "+16502530000"
    assert parse_phone("(650) 253-0000", "gb") is None  # lower-case region is accepted too


@pytest.mark.parametrize("raw", ["", "abc", "07700", "+44", "\x00", "😀", "0" * 10_000])
def test_parse_phone_returns_none_for_bad_input(raw):
    assert parse_phone(raw, "GB") is None


def test_parse_phone_with_unknown_region_does_not_crash():
    assert parse_phone("07911 123456", "ZZ") is None
    assert parse_phone("+447911123456", "") == GOOD_E164


def test_format_phone_for_display():
    assert format_phone_for_display(GOOD_E164, "GB") == "07911 123456"
    assert format_phone_for_display(GOOD_E164, "US") == "+44 7911 123456"
    assert format_phone_for_display("not a number", "GB") == "not a number"
    assert format_phone_for_display("", "GB") == ""


# --- properties -----------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_clean_text_is_idempotent_and_storable(s, multiline):
    out = clean_text(s, multiline=multiline)
    assert clean_text(out, multiline=multiline) == out
    assert out == out.strip()
    assert unicodedata.is_normalized("NFC", out)
    allowed_controls = {"\n"} if multiline else set()
    assert all(unicodedata.category(c) != "Cc" or c in allowed_controls for c in out)
    out.encode("utf-8")  # no lone surrogates


@settings(max_examples=200, deadline=None)
@given(
    name=st.text(max_size=200),
    phone=st.text(max_size=60),
    best_time=st.sampled_from([*BEST_TIMES, "", "x"]),
    note=st.text(max_size=700),
    consent=st.booleans(),
)
def test_validate_request_never_crashes(name, phone, best_time, note, consent):
    req, errors = submit(name=name, phone_raw=phone, best_time=best_time, note=note, consent=consent)
    assert (req is None) == bool(errors)
    if req is not None:
        assert req.name == clean_text(name) and 0 < len(req.name) <= NAME_MAX
        assert req.note == clean_text(note, multiline=True) and len(req.note) <= NOTE_MAX
        assert req.phone.startswith("+") and req.phone[1:].isdigit()
