"""Property tests: every input validator and the export round-trips, fed generated data (Hypothesis).

Each property states what must hold for ANY input, not for a handful of examples: validators never raise on
what a patient, IT or a content editor could produce, and what they accept is stable when fed back in.
"""

from __future__ import annotations

import copy
import csv
import math
import re
import tempfile
import tomllib
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.core import paths
from kiosk.core.config import Config, Problem, parse_config
from kiosk.core.content import MAX_SECONDS, MIN_SECONDS, ContentError, parse_content
from kiosk.core.export import EXPORT_COLUMNS, FORMULA_TRIGGERS, export_requests, neutralise_cell
from kiosk.core.requests import (
    BEST_TIMES,
    FIELDS,
    NAME_MAX,
    NOTE_MAX,
    NewRequest,
    clean_text,
    format_phone_for_display,
    parse_phone,
    validate_request,
)
from kiosk.core.security import PIN_MAX, PIN_MIN, pin_format_problem
from kiosk.core.store import RequestStore

E164 = re.compile(r"^\+[1-9]\d{1,14}$")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # what XML 1.0 cannot hold
ERROR_CODES = {"required", "too_long", "invalid_chars", "invalid_phone", "not_possible", "unknown_choice"}
REGIONS = st.one_of(st.sampled_from(["US", "GB", "ES", "DE", "FR", "MX", "AU", "IN", "JP", "BR"]),
                    st.text(max_size=4))  # and whatever a broken config might hold

# Phone input as people type it (digits, spaces, dashes, brackets, a leading + or 00) and as junk.
phone_like = st.one_of(
    st.text(alphabet="0123456789 -().+", max_size=30),
    st.builds(lambda cc, rest: f"+{cc} {rest}", st.integers(1, 999), st.text(alphabet="0123456789 -", max_size=16)),
    st.builds(lambda n: f"(201) 555-{n:04d}", st.integers(0, 9999)),
    st.text(max_size=45),
)
symptom_ids = st.lists(st.sampled_from(["groin_pain", "lower_back_pain", "pelvic_pain", "x", "Bad Id", ""]),
                       max_size=6)


# --- patient input ------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(raw=phone_like, region=REGIONS)
def test_parse_phone_gives_e164_or_none_and_is_stable(raw: str, region: str) -> None:
    e164 = parse_phone(raw, region)
    display = format_phone_for_display(raw, region)  # never raises, whatever came in
    assert isinstance(display, str)
    if e164 is None:
        return
    assert E164.match(e164), e164
    # What was accepted reads back as the same number, typed as stored or as shown to the patient.
    assert parse_phone(e164, region) == e164
    assert parse_phone(format_phone_for_display(e164, region), region) == e164


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=120), phone=phone_like, best_time=st.sampled_from([*BEST_TIMES, "", "noon"]),
       symptoms=symptom_ids, note=st.text(max_size=600), consent=st.sampled_from([True, False, None, 1]),
       region=REGIONS)
def test_validate_request_accepts_or_names_each_problem_once(name: str, phone: str, best_time: str,
                                                            symptoms: list[str], note: str, consent: Any,
                                                            region: str) -> None:
    known = {"groin_pain", "lower_back_pain", "pelvic_pain"}
    request, errors = validate_request(name, phone, best_time, symptoms, note, consent, region=region,
                                       consent_version="2024-05", language="en", known_symptoms=known)
    assert (request is None) == bool(errors)
    fields = [e.field for e in errors]
    assert len(fields) == len(set(fields)), "at most one message per field"
    assert fields == sorted(fields, key=FIELDS.index), "messages in the order of the form"
    assert all(e.code in ERROR_CODES for e in errors)
    if consent is not True:
        assert "consent" in fields  # only a real tick counts, not a truthy value
    if request is None:
        return
    assert isinstance(request, NewRequest)
    assert 0 < len(request.name) <= NAME_MAX and len(request.note) <= NOTE_MAX
    assert request.name == clean_text(request.name) and request.note == clean_text(request.note, multiline=True)
    assert E164.match(request.phone) and request.best_time in BEST_TIMES
    assert set(request.symptoms) <= known and len(request.symptoms) == len(set(request.symptoms))
    # Accepted data is a fixed point: validating what was stored gives exactly the same request.
    again, again_errors = validate_request(request.name, request.phone, request.best_time, request.symptoms,
                                           request.note, True, region=region, consent_version="2024-05",
                                           language="en", known_symptoms=known)
    assert again_errors == [] and again == request


@settings(max_examples=200, deadline=None)
@given(s=st.text(), multiline=st.booleans())
def test_clean_text_leaves_only_storable_tidy_text(s: str, multiline: bool) -> None:
    out = clean_text(s, multiline=multiline)
    assert out == clean_text(out, multiline=multiline)
    assert out == out.strip() and unicodedata.is_normalized("NFC", out)
    assert "\n\n\n" not in out and ("\n" not in out or multiline)
    assert "  " not in out.replace("\n", "|")  # runs of spaces collapse, in names and within a note's lines
    out.encode("utf-8")  # strict: no lone surrogates survive


@settings(max_examples=200, deadline=None)
@given(pin=st.one_of(st.text(max_size=16), st.text(alphabet="0123456789", max_size=16),
                     st.integers(), st.none(), st.binary(max_size=8), st.lists(st.integers(), max_size=3)))
def test_pin_format_problem_is_total(pin: Any) -> None:
    problem = pin_format_problem(pin)
    acceptable = isinstance(pin, str) and re.fullmatch(rf"[0-9]{{{PIN_MIN},{PIN_MAX}}}", pin) is not None
    assert (problem is None) == acceptable
    assert problem in (None, "not_digits", "too_short", "too_long")
    if isinstance(pin, str) and pin.isascii() and pin.isdigit():
        assert problem == ("too_short" if len(pin) < PIN_MIN else "too_long" if len(pin) > PIN_MAX else None)


# --- config and content files -------------------------------------------------------------------------------------

# What tomllib can produce: str, 64-bit int, float (incl. inf/nan), bool, date-times, arrays, tables.
toml_scalar = st.one_of(
    st.text(max_size=20), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.datetimes(), st.sampled_from(["en", "es", "#0B5563", "GB", "https://x.example", "", "zz_ZZ"]),
)
toml_value = st.recursive(
    toml_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
KNOWN_KEYS = {name: [f for f in vars(getattr(Config(), name)).keys()] for name in
              ("clinic", "colours", "languages", "slides", "idle", "staff", "data", "content", "display")}
config_key = st.one_of(st.sampled_from([k for keys in KNOWN_KEYS.values() for k in keys]), st.text(max_size=10))
config_section = st.one_of(st.dictionaries(config_key, toml_value, max_size=8), toml_value)
config_data = st.dictionaries(st.one_of(st.sampled_from(sorted(KNOWN_KEYS)), st.text(max_size=10)),
                              config_section, max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=config_data)
def test_parse_config_never_raises_and_always_gives_usable_settings(data: dict[str, Any]) -> None:
    config, problems = parse_config(data, "config.toml")
    assert isinstance(config, Config) and all(isinstance(p, Problem) for p in problems)
    assert config.languages.offered and config.languages.default in config.languages.offered
    assert 0.01 <= config.slides.speed <= 10 and 0 <= config.slides.transition_ms <= 400
    assert all(math.isfinite(v) and v > 0 for v in (config.idle.timeout_seconds, config.idle.countdown_seconds,
                                                     config.idle.thanks_seconds, config.staff.logout_seconds))
    assert re.fullmatch(r"[A-Z]{2}", config.clinic.region) and 0 < len(config.clinic.name) <= 80
    assert 1 <= config.data.retention_days <= 3650
    assert isinstance(config.display.show_cursor, bool)
    # Anything that was not used is reported by name (no silent drops): unknown sections at least.
    for section in data:
        if section not in KNOWN_KEYS:
            assert any(f"[{section}]" in p.message for p in problems)


def _bundled_content() -> dict[str, Any]:
    return tomllib.loads(paths.resource_path("content", "en.toml").read_text(encoding="utf-8"))


BUNDLED = _bundled_content()


@st.composite
def mutated_content(draw: st.DrawFn) -> dict[str, Any]:
    """The real English content with a few random edits of the kind a content editor (or a bad merge) makes."""
    data = copy.deepcopy(BUNDLED)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(["top", "slide", "symptom", "list"]))
        if where == "list":
            key = draw(st.sampled_from(["slides", "symptoms"]))
            action = draw(st.sampled_from(["empty", "duplicate", "replace", "drop"]))
            items = data.get(key)
            if action == "empty":
                data[key] = []
            elif action == "replace":
                data[key] = draw(toml_value)
            elif isinstance(items, list) and items:
                i = draw(st.integers(0, len(items) - 1))
                if action == "duplicate":
                    items.append(copy.deepcopy(items[i]))
                else:
                    del items[i]
            continue
        if where == "top":
            target: Any = data
        else:
            items = data.get("slides" if where == "slide" else "symptoms")
            if not isinstance(items, list) or not items:
                continue
            target = items[draw(st.integers(0, len(items) - 1))]
            if not isinstance(target, dict):
                continue
        keys = sorted(target) or ["id"]
        key = draw(st.one_of(st.sampled_from(keys), st.text(max_size=8)))
        if draw(st.booleans()) and key in target:
            del target[key]
        else:
            target[key] = draw(toml_value)
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_content())
def test_parse_content_raises_only_content_error(data: dict[str, Any]) -> None:
    try:
        content = parse_content(data, "en.toml")
    except ContentError as exc:
        assert exc.problems and all(str(p).startswith("en.toml") for p in exc.problems)
        return
    # Accepted content is usable as it stands.
    assert content.slides and content.symptoms
    assert len({s.id for s in content.slides}) == len(content.slides)
    assert len({s.id for s in content.symptoms}) == len(content.symptoms)
    assert all(MIN_SECONDS <= s.seconds <= MAX_SECONDS and s.title.strip() for s in content.slides)
    assert "{count}" in content.summary_text


def test_the_bundled_content_itself_parses() -> None:
    assert parse_content(copy.deepcopy(BUNDLED), "en.toml").slides


# --- export round-trips ---------------------------------------------------------------------------------------

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
# Labels are translations, i.e. text from a file: they get the same treatment as what patients type.
label_text = st.one_of(st.text(min_size=1, max_size=30),
                       st.sampled_from(["=1+1", "-5", "@x", "+1", " =a", "#N/A", "\r", "\rx", "a\x08b", "\t=1"]))
patient_row = st.tuples(st.text(max_size=90), st.text(max_size=520), st.sampled_from(BEST_TIMES), symptom_ids)


def _store_rows(store: RequestStore, rows: list[tuple[str, str, str, list[str]]]) -> list[tuple[NewRequest, str]]:
    """Validate like the form does; store what the form would store. Returns (request, "Created" as exported)."""
    kept = []
    for i, (name, note, best_time, symptoms) in enumerate(rows):
        request, _ = validate_request(name, "07400 123456", best_time, [s for s in symptoms if s.islower()], note,
                                      True, region="GB", consent_version="v1", language="en")
        if request is not None:
            created = T0 + timedelta(minutes=i, seconds=i, microseconds=999_999)  # seconds are cut, not rounded
            store.add(request, now=created)
            kept.append((request, created.strftime("%Y-%m-%d %H:%M:%S")))
    return kept


def _expected(request: NewRequest, symptom_labels: dict[str, str], best_time_labels: dict[str, str]) -> list[str]:
    return [request.name, request.phone, best_time_labels.get(request.best_time, request.best_time),
            "; ".join(symptom_labels.get(s, s) for s in request.symptoms), request.note, "en", "new", "v1"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(patient_row, min_size=1, max_size=6),
       symptom_labels=st.dictionaries(st.sampled_from(["groin_pain", "lower_back_pain", "pelvic_pain"]), label_text),
       best_time_labels=st.dictionaries(st.sampled_from(BEST_TIMES), label_text))
def test_every_cell_round_trips_through_export(fmt: str, rows: list, symptom_labels: dict[str, str],
                                               best_time_labels: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp, RequestStore(Path(tmp) / "r.sqlite3") as store:
        kept = _store_rows(store, rows)
        assume(kept)
        result = export_requests(store, fmt, Path(tmp) / "out", symptom_labels=symptom_labels,
                                 best_time_labels=best_time_labels, now=T0 + timedelta(hours=2), tz=UTC)
        assert result.rows == len(kept)
        if fmt == "csv":
            with open(result.path, encoding="utf-8-sig", newline="") as f:
                table = list(csv.reader(f))
        else:
            sheet = openpyxl.load_workbook(result.path).active
            cells = list(sheet.iter_rows())
            table = [["" if c.value is None else c.value for c in row] for row in cells]
        assert table[0] == list(EXPORT_COLUMNS) and len(table) == len(kept) + 1
        for i, (got, (request, created)) in enumerate(zip(table[1:], kept, strict=True)):
            want = _expected(request, symptom_labels, best_time_labels)
            assert got[0].startswith("PS-") and got[1] == created
            shown = got[2:]
            if fmt == "csv":
                # The only change CSV makes: one leading apostrophe on cells a spreadsheet would run.
                assert shown == [neutralise_cell(v) for v in want]
                assert [v[1:] if v != w else v for v, w in zip(shown, want, strict=True)] == want
            else:
                # XLSX: exactly the stored text, as string cells, less what XML cannot hold (documented). A CR
                # (only a content file's label could hold one) is kept as Excel's escape _x000D_, which Excel
                # reads as a CR and openpyxl leaves as it is.
                written = [XML_ILLEGAL.sub("", v) for v in want]
                assert shown == [v.replace("\r", "_x000D_") for v in written]
                for cell, value in zip(cells[i + 1][2:], written, strict=True):
                    if value:
                        assert cell.data_type == "s"
                        risky = value[0] == "#" or neutralise_cell(value) != value
                        assert bool(cell.quotePrefix) == risky
        # Every exported row is marked, so "since the last export" starts after these.
        assert all(r.status == "exported" for r in store.for_export(all_rows=True))


@settings(max_examples=100, deadline=None)
@given(value=st.text(alphabet=st.sampled_from([*sorted(FORMULA_TRIGGERS), " ", "\u00a0", "\u2003", "a", "1", "'"]),
                     max_size=8))
def test_neutralise_cell_matches_its_definition(value: str) -> None:
    # The definition in words: add "'" when the first character, or the first after leading whitespace, is a
    # formula trigger; otherwise change nothing.
    first = value[:1]
    first_visible = value.lstrip()[:1]
    risky = bool(value) and (first in FORMULA_TRIGGERS or first_visible in FORMULA_TRIGGERS)
    assert neutralise_cell(value) == ("'" + value if risky else value)
