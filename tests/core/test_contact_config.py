"""The clinic's contact keys (SMS number, address, website, when to expect the call) and `check`'s notes on them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.config import example_config, load_config

GOOD = """
[clinic]
name = "Riverside Physio"
phone = "+1 555 010 0100"
sms_number = "+1 (555) 010-0199"
address = "12 River Road, Springfield"
website = "https://riverside.example"
call_within = { en = "within 1 working day", es = "en 1 día laborable" }
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_contact_keys_are_read(tmp_path: Path) -> None:
    config, problems = load_config(_write(tmp_path, GOOD))
    assert problems == []
    clinic = config.clinic
    assert clinic.sms_number == "+1 (555) 010-0199" and clinic.address == "12 River Road, Springfield"
    assert clinic.website == "https://riverside.example"
    assert clinic.call_within == {"en": "within 1 working day", "es": "en 1 día laborable"}


@pytest.mark.parametrize(("line", "key"), [
    ('sms_number = "text us"', "clinic.sms_number"),
    ('sms_number = "+1 555\\u0000 0199"', "clinic.sms_number"),
    ('website = "javascript:alert(1)"', "clinic.website"),
    ('address = "line one\\nline two"', "clinic.address"),
    ('call_within = "tomorrow"', "clinic.call_within"),
    ('call_within = { en = 3 }', "clinic.call_within"),
    ('call_within = { english = "tomorrow" }', "clinic.call_within"),
    (f'call_within = {{ en = "{"x" * 61}" }}', "clinic.call_within"),
])
def test_bad_contact_values_are_named_and_replaced_by_defaults(tmp_path: Path, line: str, key: str) -> None:
    config, problems = load_config(_write(tmp_path, f"[clinic]\n{line}\n"))
    assert len(problems) == 1 and key in str(problems[0])
    assert config.clinic.sms_number == "" and config.clinic.website == "" and config.clinic.call_within == {}


def test_example_config_lists_the_contact_keys() -> None:
    clinic = tomllib.loads(example_config())["clinic"]
    assert {"sms_number", "address", "website", "call_within"} <= set(clinic)
    assert clinic["call_within"] == {}


def test_check_notes_a_missing_sms_number_but_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--config", str(_write(tmp_path, "[clinic]\nphone = \"+1 555 010 0100\"\n"))]) == 0
    out = capsys.readouterr().out
    assert "note: clinic.sms_number is not set" in out and "PROBLEM" not in out
    assert "note: clinic.call_within has no words for en, es" in out


def test_check_is_quiet_about_a_complete_contact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--config", str(_write(tmp_path, GOOD))]) == 0
    assert "note:" not in capsys.readouterr().out
