"""`check`: validate the config file and every content file, printing each problem for IT."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.core import paths
from kiosk.core.config import Config, Problem, load_config
from kiosk.core.content import Content, ContentError, check_same_ids, content_file, load_content_file
from kiosk.core.pictures import check_picture, picture_folders
from kiosk.core.theme import usable_colours


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content-dir", type=Path, metavar="DIR",
                        help="check content files in this folder instead of the configured/bundled ones")


def collect_problems(config_path: Path | None, content_dir: Path | None = None) -> tuple[list[Problem], list[str]]:
    """Every problem in config and content, plus the files that were checked."""
    config, problems = load_config(config_path)
    problems.extend(usable_colours(config.colours)[1])  # clinic colours too faint to read (WCAG contrast)
    checked = [str(config_path or paths.default_config_file())]
    directory = content_dir or config.content_dir
    contents = []
    for lang in config.languages.offered:
        path = content_file(lang, directory)
        checked.append(str(path))
        try:
            contents.append(load_content_file(path))
        except ContentError as exc:
            problems.extend(exc.problems)
    for other in contents[1:]:
        problems.extend(check_same_ids(contents[0], other))
    problems.extend(picture_problems(contents))
    return problems, checked


def picture_problems(contents: list[Content]) -> list[Problem]:
    """Every slide's picture file: found, an SVG with a viewBox, the anchors its labels name, valid moving groups."""
    problems: list[Problem] = []
    seen: set[tuple[Path, tuple[str, ...]]] = set()
    for content in contents:
        for slide in content.slides:
            if slide.picture_path is None:
                folders = ", ".join(str(f) for f in picture_folders(Path(content.source).parent))
                problems.append(Problem(f"{content.source}: slide '{slide.id}'",
                                        f"picture file '{slide.picture}' not found (looked in {folders})"))
                continue
            key = (slide.picture_path, tuple(sorted(slide.labels)))
            if key not in seen:  # the same picture with the same labels in every language: report it once
                seen.add(key)
                problems.extend(check_picture(slide.picture_path, slide.labels))
    return problems


def contact_notes(config: Config) -> list[str]:
    """What the clinic has left out of its contact details: allowed, but the patient then sees less (issue 13)."""
    clinic = config.clinic
    notes = []
    if not clinic.sms_number:
        notes.append("clinic.sms_number is not set: the \"Rather use your own phone?\" text-us code is not shown")
    missing = [lang for lang in config.languages.offered if lang not in clinic.call_within]
    if missing:
        notes.append(f"clinic.call_within has no words for {', '.join(missing)}: the thank-you screen does not "
                     "say when the clinic will call")
    if not clinic.phone:
        notes.append("clinic.phone is not set: the thank-you screen and the contact card show no phone number")
    return notes


def run(args: argparse.Namespace) -> int:
    problems, checked = collect_problems(getattr(args, "config", None), args.content_dir)
    for path in checked:
        print(f"checked {path}")
    for note in contact_notes(load_config(getattr(args, "config", None))[0]):
        print(f"note: {note}")
    for problem in problems:
        print(f"PROBLEM {problem}")
    if problems:
        print(f"{len(problems)} problem(s) found")
        return 2
    print("all good: no problems found")
    return 0
