"""The kiosk's one config file (TOML). Bad keys are reported by name and replaced by their defaults."""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kiosk.core import paths
from kiosk.core.contact import phone_digits

log = logging.getLogger(__name__)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LANG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a config or content file, worded for IT: where, which key, what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class ClinicSettings:
    name: str = "Your Physiotherapy Clinic"
    phone: str = ""
    region: str = "US"
    logo: str = ""
    # Issue 13: the patient's own phone. No sms_number = no "text us" code. call_within: language -> words.
    sms_number: str = ""
    address: str = ""
    website: str = ""
    call_within: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ColourSettings:
    primary: str = "#0B5563"
    accent: str = "#B8471E"
    background: str = "#F6F4EF"
    surface: str = "#FFFFFF"
    text: str = "#1B2A32"


@dataclass(frozen=True)
class LanguageSettings:
    offered: tuple[str, ...] = ("en", "es")
    default: str = "en"


@dataclass(frozen=True)
class SlideSettings:
    speed: float = 1.0  # multiplies every slide's seconds; 0.5 = twice as fast
    transition_ms: int = 350
    resume_after_seconds: float = 20.0


@dataclass(frozen=True)
class IdleSettings:
    timeout_seconds: float = 60.0
    countdown_seconds: float = 10.0
    thanks_seconds: float = 10.0


@dataclass(frozen=True)
class StaffSettings:
    gesture_hold_seconds: float = 3.0
    logout_seconds: float = 120.0
    pin_timeout_seconds: float = 30.0  # the PIN pad goes back to the patients' loop after this long untouched


@dataclass(frozen=True)
class DataSettings:
    directory: str = ""
    export_folder: str = ""
    retention_days: int = 30


@dataclass(frozen=True)
class ContentSettings:
    directory: str = ""  # a folder of <language>.toml files replacing the bundled ones; empty = bundled


@dataclass(frozen=True)
class DisplaySettings:
    show_cursor: bool = False
    stay_on_top: bool = True


@dataclass(frozen=True)
class AccessibilitySettings:
    read_aloud: bool = False  # offer the patients' "Read aloud" button (some rooms want it only with headphones)
    speech_engine: str = ""  # QtTextToSpeech engine ("speechd", "sapi", "winrt"...); empty = the system's default


@dataclass(frozen=True)
class Config:
    clinic: ClinicSettings = field(default_factory=ClinicSettings)
    colours: ColourSettings = field(default_factory=ColourSettings)
    languages: LanguageSettings = field(default_factory=LanguageSettings)
    slides: SlideSettings = field(default_factory=SlideSettings)
    idle: IdleSettings = field(default_factory=IdleSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    data: DataSettings = field(default_factory=DataSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    content: ContentSettings = field(default_factory=ContentSettings)
    accessibility: AccessibilitySettings = field(default_factory=AccessibilitySettings)
    source: str = "built-in defaults"

    @property
    def data_dir(self) -> Path:
        return Path(self.data.directory).expanduser() if self.data.directory else paths.default_data_dir()

    @property
    def export_dir(self) -> Path:
        if self.data.export_folder:
            return Path(self.data.export_folder).expanduser()
        return paths.default_export_dir()

    @property
    def database_path(self) -> Path:
        return self.data_dir / "requests.sqlite3"

    @property
    def content_dir(self) -> Path | None:
        """The clinic's own content folder (content.directory), or None for the bundled content files."""
        return Path(self.content.directory).expanduser() if self.content.directory else None


# Section name -> its settings class (ClinicSettings...), which makes the section's defaults when called.
_SECTIONS: dict[str, type[Any]] = {
    f.name: type(getattr(Config(), f.name)) for f in fields(Config) if f.name != "source"
}

# Extra checks beyond the type: (section, key) -> (test, what IT should know).
_RULES: dict[tuple[str, str], tuple[Any, str]] = {
    ("colours", "primary"): (_COLOUR.match, "a colour like \"#0B5563\""),
    ("colours", "accent"): (_COLOUR.match, "a colour like \"#B8471E\""),
    ("colours", "background"): (_COLOUR.match, "a colour like \"#F6F4EF\""),
    ("colours", "surface"): (_COLOUR.match, "a colour like \"#FFFFFF\""),
    ("colours", "text"): (_COLOUR.match, "a colour like \"#1B2A32\""),
    ("clinic", "region"): (lambda v: re.fullmatch(r"[A-Z]{2}", v), "a two-letter country code like \"US\""),
    ("clinic", "name"): (lambda v: 0 < len(v) <= 80, "1 to 80 characters"),
    ("clinic", "logo"): (lambda v: not v or Path(v).expanduser().is_file(), "the path of an image file that exists"),
    ("clinic", "sms_number"): (lambda v: not v or phone_digits(v), "a phone number that takes text messages, "
                                                                   "like \"+1 555 010 0199\""),
    ("clinic", "address"): (lambda v: len(v) <= 200 and "\n" not in v, "one line of at most 200 characters"),
    ("clinic", "website"): (lambda v: not v or (re.fullmatch(r"https?://[^\s\"<>]+", v) and len(v) <= 200),
                            "a link starting with https://"),
    ("clinic", "call_within"): (lambda v: all(_LANG.match(k) and 0 < len(t) <= 60 and "\n" not in t
                                              for k, t in v.items()),
                                "a table of language code = words, like { en = \"within 1 working day\", "
                                "es = \"en 1 día laborable\" } (at most 60 characters each)"),
    ("languages", "default"): (_LANG.match, "a language code like \"en\""),
    ("languages", "offered"): (lambda v: v and all(_LANG.match(x) for x in v), "a list like [\"en\", \"es\"]"),
    ("slides", "speed"): (lambda v: 0.01 <= v <= 10, "a number from 0.01 to 10"),
    ("slides", "transition_ms"): (lambda v: 0 <= v <= 400, "0 to 400 milliseconds"),
    ("slides", "resume_after_seconds"): (lambda v: 0.05 <= v <= 600, "0.05 to 600 seconds"),
    ("idle", "timeout_seconds"): (lambda v: 0.05 <= v <= 3600, "0.05 to 3600 seconds"),
    ("idle", "countdown_seconds"): (lambda v: 0.05 <= v <= 120, "0.05 to 120 seconds"),
    ("idle", "thanks_seconds"): (lambda v: 0.05 <= v <= 120, "0.05 to 120 seconds"),
    ("staff", "gesture_hold_seconds"): (lambda v: 0.05 <= v <= 30, "0.05 to 30 seconds"),
    ("staff", "logout_seconds"): (lambda v: 0.05 <= v <= 3600, "0.05 to 3600 seconds"),
    ("staff", "pin_timeout_seconds"): (lambda v: 0.05 <= v <= 3600, "0.05 to 3600 seconds"),
    ("data", "retention_days"): (lambda v: 1 <= v <= 3650, "1 to 3650 days"),
}


def _type_ok(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, tuple):
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    if isinstance(default, dict):
        return isinstance(value, dict) and all(isinstance(x, str) for x in value.values())
    return isinstance(value, type(default))


def _type_name(default: Any) -> str:
    return {bool: "true or false", float: "a number", int: "a whole number", tuple: "a list of text",
            str: "text", dict: "a table of texts"}.get(type(default), type(default).__name__)


def parse_config(data: dict[str, Any], where: str) -> tuple[Config, list[Problem]]:
    """Build a Config from parsed TOML, keeping defaults for every bad or missing key."""
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    for name, value in data.items():
        if name not in _SECTIONS:
            problems.append(Problem(where, f"unknown section [{name}] (known: {', '.join(_SECTIONS)})"))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(where, f"[{name}] must be a table of keys"))
            continue
        default_section = _SECTIONS[name]()
        known = {f.name: getattr(default_section, f.name) for f in fields(default_section)}
        changes: dict[str, Any] = {}
        for key, raw in value.items():
            if key not in known:
                problems.append(Problem(where, f"unknown key {name}.{key} (known: {', '.join(known)})"))
                continue
            default = known[key]
            if not _type_ok(default, raw):
                problems.append(Problem(
                    where, f"{name}.{key} should be {_type_name(default)}, got {raw!r}; using default {default!r}"))
                continue
            converted = tuple(raw) if isinstance(default, tuple) else type(default)(raw)
            rule = _RULES.get((name, key))
            if rule and not rule[0](converted):
                problems.append(Problem(
                    where, f"{name}.{key} should be {rule[1]}, got {raw!r}; using default {default!r}"))
                continue
            changes[key] = converted
        sections[name] = replace(default_section, **changes)
    config = Config(**sections, source=where)
    langs = config.languages
    if langs.default not in langs.offered:
        problems.append(Problem(where, f"languages.default {langs.default!r} is not in languages.offered "
                                       f"{list(langs.offered)}; using {langs.offered[0]!r}"))
        config = replace(config, languages=replace(langs, default=langs.offered[0]))
    return config, problems


def load_config(path: Path | None = None) -> tuple[Config, list[Problem]]:
    """Load the config file; a missing default file is fine, a broken one falls back to defaults with problems."""
    explicit = path is not None
    path = path or paths.default_config_file()
    where = str(path)
    if not path.exists():
        if explicit:
            return Config(), [Problem(where, "config file not found; using built-in defaults")]
        return Config(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [Problem(where, f"cannot read the config file ({exc.__class__.__name__}: {exc}); "
                                         "using built-in defaults")]
    except tomllib.TOMLDecodeError as exc:
        return Config(), [Problem(where, f"not valid TOML ({exc}); using built-in defaults")]
    return parse_config(data, where)


def example_config() -> str:
    """A complete config file with every key at its default, for README and `python3 -m kiosk check`."""
    out: list[str] = []
    for name, factory in _SECTIONS.items():
        out.append(f"[{name}]")
        section = factory()
        for f in fields(section):
            value = getattr(section, f.name)
            if isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, tuple):
                text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
            elif isinstance(value, dict):
                text = "{ " + ", ".join(f'{k} = "{v}"' for k, v in value.items()) + " }" if value else "{}"
            elif isinstance(value, str):
                text = f'"{value}"'
            else:
                text = repr(value)
            out.append(f"{f.name} = {text}")
        out.append("")
    return "\n".join(out)
