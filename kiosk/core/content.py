"""Education content: slides and symptoms, one TOML file per language, validated when loaded."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core import paths
from kiosk.core.config import Problem
from kiosk.core.links import link_problem
from kiosk.core.pictures import LABEL_KEY, find_picture, picture_name_problem

log = logging.getLogger(__name__)

MIN_SECONDS, MAX_SECONDS = 3, 120


@dataclass(frozen=True)
class Slide:
    id: str
    title: str
    picture: str  # the SVG file's name, as the content file gives it
    seconds: float
    body: str = ""
    bullets: tuple[str, ...] = ()
    qr_url: str = ""
    qr_caption: str = ""
    labels: Mapping[str, str] = field(default_factory=dict)  # anchor key -> label text
    picture_description: str = ""  # what a screen reader says about the picture
    picture_path: Path | None = None  # the file found (clinic's content folder first), None when missing


@dataclass(frozen=True)
class Symptom:
    id: str
    label: str
    icon: str
    detail: str = ""


@dataclass(frozen=True)
class Content:
    language: str
    language_name: str
    consent_version: str
    consent_text: str
    privacy_text: str
    summary_text: str
    summary_text_one: str
    summary_text_none: str
    slides: tuple[Slide, ...]
    symptoms: tuple[Symptom, ...]
    source: str

    def symptom_labels(self) -> dict[str, str]:
        return {s.id: s.label for s in self.symptoms}

    def summary(self, count: int) -> str:
        if count == 0:
            return self.summary_text_none
        if count == 1:
            return self.summary_text_one
        return self.summary_text.replace("{count}", str(count))


class ContentError(Exception):
    """A content file cannot be used; `problems` names the file, the slide and the field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


_TEXT_KEYS = ("language", "language_name", "consent_version", "consent_text", "privacy_text",
              "summary_text", "summary_text_one", "summary_text_none")


def content_file(language: str, directory: Path | None = None) -> Path:
    return (directory or paths.resource_path("content")) / f"{language}.toml"


def _text(entry: dict[str, Any], key: str, where: str, problems: list[Problem], required: bool = True) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            problems.append(Problem(where, f"missing field '{key}'"))
        return ""
    if not isinstance(value, str):
        problems.append(Problem(where, f"field '{key}' should be text, got {type(value).__name__}"))
        return ""
    if required and not value.strip():
        problems.append(Problem(where, f"field '{key}' is empty"))
    return value


def _slide(entry: Any, index: int, file: str, problems: list[Problem], folder: Path | None) -> Slide | None:
    if not isinstance(entry, dict):
        problems.append(Problem(f"{file}: slide #{index + 1}", "should be a [[slides]] table"))
        return None
    ident = entry.get("id")
    where = f"{file}: slide '{ident}'" if isinstance(ident, str) and ident else f"{file}: slide #{index + 1}"
    before = len(problems)
    ident = _text(entry, "id", where, problems)
    title = _text(entry, "title", where, problems)
    body = _text(entry, "body", where, problems, required=False)
    bullets = entry.get("bullets", [])
    if not isinstance(bullets, list) or not all(isinstance(b, str) and b.strip() for b in bullets):
        problems.append(Problem(where, "field 'bullets' should be a list of non-empty texts"))
        bullets = []
    if not body.strip() and not bullets:
        problems.append(Problem(where, "needs a 'body' or 'bullets'"))
    if "illustration" in entry:
        problems.append(Problem(where, "field 'illustration' is now 'picture', an SVG file name (e.g. "
                                       "picture = \"psoas-front.svg\")"))
    picture = _text(entry, "picture", where, problems, required="illustration" not in entry)
    if picture and picture_name_problem(picture):
        problems.append(Problem(where, picture_name_problem(picture)))
    description = _text(entry, "picture_description", where, problems, required=False)
    seconds = entry.get("seconds")
    if seconds is None:
        problems.append(Problem(where, "missing field 'seconds'"))
    elif isinstance(seconds, bool) or not isinstance(seconds, int | float):
        problems.append(Problem(where, f"field 'seconds' should be a number, got {type(seconds).__name__}"))
    elif not MIN_SECONDS <= seconds <= MAX_SECONDS:
        problems.append(Problem(where, f"field 'seconds' should be {MIN_SECONDS} to {MAX_SECONDS}, got {seconds}"))
    qr_url = _text(entry, "qr_url", where, problems, required=False)
    if qr_url and not qr_url.startswith("https://"):
        problems.append(Problem(where, "field 'qr_url' should start with https://"))
    if qr_url and link_problem(qr_url):
        problems.append(Problem(where, f"field 'qr_url': {link_problem(qr_url)}"))
    qr_caption = _text(entry, "qr_caption", where, problems, required=False)
    if qr_url and not qr_caption:
        problems.append(Problem(where, "field 'qr_caption' is needed with 'qr_url'"))
    labels = entry.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        problems.append(Problem(where, "field 'labels' should be a table of texts"))
        labels = {}
    for key in labels:
        if not LABEL_KEY.match(key):
            problems.append(Problem(where, f"picture label '{key}' should be an anchor key (a-z, 0-9, _)"))
    unknown = set(entry) - {"id", "title", "body", "bullets", "illustration", "picture", "picture_description",
                            "seconds", "qr_url", "qr_caption", "labels"}
    for key in sorted(unknown):
        problems.append(Problem(where, f"unknown field '{key}'"))
    if len(problems) > before:
        return None
    assert seconds is not None  # a missing 'seconds' was reported above
    return Slide(id=ident, title=title, body=body, bullets=tuple(bullets), picture=picture,
                 seconds=float(seconds), qr_url=qr_url, qr_caption=qr_caption, labels=dict(labels),
                 picture_description=description, picture_path=find_picture(picture, folder))


def _symptom(entry: Any, index: int, file: str, problems: list[Problem]) -> Symptom | None:
    if not isinstance(entry, dict):
        problems.append(Problem(f"{file}: symptom #{index + 1}", "should be a [[symptoms]] table"))
        return None
    ident = entry.get("id")
    where = f"{file}: symptom '{ident}'" if isinstance(ident, str) and ident else f"{file}: symptom #{index + 1}"
    before = len(problems)
    ident = _text(entry, "id", where, problems)
    label = _text(entry, "label", where, problems)
    icon = _text(entry, "icon", where, problems)
    detail = _text(entry, "detail", where, problems, required=False)
    for key in sorted(set(entry) - {"id", "label", "icon", "detail"}):
        problems.append(Problem(where, f"unknown field '{key}'"))
    if len(problems) > before:
        return None
    return Symptom(id=ident, label=label, icon=icon, detail=detail)


def parse_content(data: dict[str, Any], file: str, folder: Path | None = None) -> Content:
    """Validate parsed TOML; raises ContentError listing every problem found.

    Picture files are looked for in `folder` (the content file's own) first, then among the bundled pictures; a
    missing one is not an error here (the slide shows no picture) but `check` reports it."""
    problems: list[Problem] = []
    texts = {k: _text(data, k, file, problems) for k in _TEXT_KEYS}
    raw_slides = data.get("slides")
    if not isinstance(raw_slides, list) or not raw_slides:
        problems.append(Problem(file, "no slides: add at least one [[slides]] table"))
        raw_slides = []
    slides = [_slide(e, i, file, problems, folder) for i, e in enumerate(raw_slides)]
    raw_symptoms = data.get("symptoms")
    if not isinstance(raw_symptoms, list) or not raw_symptoms:
        problems.append(Problem(file, "no symptoms: add [[symptoms]] tables"))
        raw_symptoms = []
    symptoms = [_symptom(e, i, file, problems) for i, e in enumerate(raw_symptoms)]
    for kind, items in (("slide", slides), ("symptom", symptoms)):
        seen: set[str] = set()
        for item in items:
            if item and item.id in seen:
                problems.append(Problem(f"{file}: {kind} '{item.id}'", "id is used twice"))
            if item:
                seen.add(item.id)
    if "{count}" not in texts["summary_text"] and texts["summary_text"]:
        problems.append(Problem(file, "field 'summary_text' should contain {count}"))
    if problems:
        raise ContentError(problems)
    return Content(slides=tuple(s for s in slides if s), symptoms=tuple(s for s in symptoms if s), source=file,
                   **texts)


def load_content_file(path: Path) -> Content:
    file = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(file, "content file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(file, f"cannot read the file ({exc.__class__.__name__})")]) from None
    if not raw.strip():
        raise ContentError([Problem(file, "the file is empty")])
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([Problem(file, f"not valid TOML ({exc})")]) from None
    return parse_content(data, file, path.parent)


def check_same_ids(reference: Content, other: Content) -> list[Problem]:
    """Every language must offer the same slides and symptoms, so switching language keeps the patient's place."""
    problems = []
    for kind, ref_ids, ids in (("slide", [s.id for s in reference.slides], [s.id for s in other.slides]),
                               ("symptom", [s.id for s in reference.symptoms], [s.id for s in other.symptoms])):
        if ref_ids != ids:
            missing = sorted(set(ref_ids) - set(ids))
            extra = sorted(set(ids) - set(ref_ids))
            detail = f"missing {missing}, extra {extra}" if (missing or extra) else "different order"
            problems.append(Problem(other.source, f"{kind} ids differ from {reference.source}: {detail}"))
    return problems


@dataclass
class ContentLibrary:
    """All languages' content, with the problems that forced a fallback (shown to staff, logged for IT)."""

    by_language: dict[str, Content]
    problems: list[Problem]

    def get(self, language: str) -> Content:
        return self.by_language.get(language) or next(iter(self.by_language.values()))

    @property
    def languages(self) -> list[str]:
        return list(self.by_language)


def load_library(languages: list[str] | tuple[str, ...], directory: Path | None = None) -> ContentLibrary:
    """Load each offered language; a broken file falls back to the bundled file for that language, then to English.

    Never raises for a broken custom file: the kiosk must always have something to show.
    """
    bundled = paths.resource_path("content")
    problems: list[Problem] = []
    by_language: dict[str, Content] = {}
    for lang in languages:
        candidates = [content_file(lang, directory)] if directory else []
        candidates.append(content_file(lang, bundled))
        for path in candidates:
            try:
                by_language[lang] = load_content_file(path)
                break
            except ContentError as exc:
                problems.extend(exc.problems)
                log.error("content problem, falling back: %s", exc)
    if not by_language:
        # The bundled English file is tested in CI; it is the floor under everything.
        by_language["en"] = load_content_file(content_file("en", bundled))
    reference = next(iter(by_language.values()))
    for lang, content in list(by_language.items())[1:]:
        mismatch = check_same_ids(reference, content)
        if mismatch:
            problems.extend(mismatch)
            log.error("content ids differ for %s; that language is not offered", lang)
            del by_language[lang]
    return ContentLibrary(by_language=by_language, problems=problems)
