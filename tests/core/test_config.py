"""Config file: defaults, every key checked by name, broken files fall back to defaults."""

from __future__ import annotations

import tomllib
from pathlib import Path

from kiosk.core.config import Config, example_config, load_config, parse_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_default_file_is_fine() -> None:
    config, problems = load_config()
    assert config == Config()
    assert problems == []


def test_explicit_missing_file_is_reported(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "nope.toml")
    assert config == Config()
    assert "not found" in str(problems[0])


def test_good_values_are_used(tmp_path: Path) -> None:
    path = write(tmp_path, """
[clinic]
name = "Harbour Physio"
phone = "(02) 9999 0000"
region = "AU"
[idle]
timeout_seconds = 45
[languages]
offered = ["es", "en"]
default = "es"
""")
    config, problems = load_config(path)
    assert problems == []
    assert config.clinic.name == "Harbour Physio"
    assert config.clinic.region == "AU"
    assert config.idle.timeout_seconds == 45.0
    assert config.languages.default == "es"


def test_unknown_keys_and_wrong_types_are_named_and_replaced_by_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, """
[clinic]
name = 42
colour = "red"
[idle]
timeout_seconds = "soon"
[colours]
primary = "blue"
[data]
retention_days = 0
[mystery]
x = 1
""")
    config, problems = load_config(path)
    text = "\n".join(map(str, problems))
    assert "clinic.name" in text
    assert "unknown key clinic.colour" in text
    assert "idle.timeout_seconds" in text
    assert "colours.primary" in text
    assert "data.retention_days" in text
    assert "unknown section [mystery]" in text
    assert str(path) in text
    defaults = Config()
    assert config.clinic.name == defaults.clinic.name
    assert config.idle.timeout_seconds == defaults.idle.timeout_seconds
    assert config.colours.primary == defaults.colours.primary
    assert config.data.retention_days == 30


def test_corrupt_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "[clinic\nname = ")
    config, problems = load_config(path)
    assert config.clinic == Config().clinic
    assert "not valid TOML" in str(problems[0])


def test_binary_garbage_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    config, problems = load_config(path)
    assert config == Config(source=config.source) or config.clinic == Config().clinic
    assert problems


def test_default_language_must_be_offered(tmp_path: Path) -> None:
    path = write(tmp_path, '[languages]\noffered = ["en"]\ndefault = "es"\n')
    config, problems = load_config(path)
    assert config.languages.default == "en"
    assert "languages.default" in str(problems[0])


def test_example_config_is_complete_and_valid() -> None:
    data = tomllib.loads(example_config())
    config, problems = parse_config(data, "example")
    assert problems == []
    assert config.clinic == Config().clinic


def test_missing_logo_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, f'[clinic]\nlogo = "{tmp_path / "nope.png"}"\n')
    config, problems = load_config(path)
    assert config.clinic.logo == ""
    assert "clinic.logo" in str(problems[0])


def test_pin_pad_timeout_is_a_staff_key_checked_like_the_other_staff_timeouts(tmp_path: Path) -> None:
    assert Config().staff.pin_timeout_seconds == 30.0
    assert "pin_timeout_seconds = 30.0" in example_config()
    config, problems = load_config(write(tmp_path, "[staff]\npin_timeout_seconds = 45\n"))
    assert problems == [] and config.staff.pin_timeout_seconds == 45.0
    for bad in ("0", "-5", "3601", '"soon"', "true"):
        config, problems = load_config(write(tmp_path, f"[staff]\npin_timeout_seconds = {bad}\n"))
        assert config.staff.pin_timeout_seconds == 30.0, bad
        assert len(problems) == 1 and "staff.pin_timeout_seconds" in str(problems[0]), bad


def test_content_folder_is_the_configured_one_expanded_or_none_for_the_bundled_files(tmp_path: Path) -> None:
    assert Config().content_dir is None
    config, _ = load_config(write(tmp_path, '[content]\ndirectory = "~/clinic-content"\n'))
    assert config.content_dir == Path.home() / "clinic-content"
