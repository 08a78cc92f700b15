"""`screenshots DIR`: render every screen and slide offscreen to PNG files."""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.core.store import RequestStore
    from kiosk.qt.app import Kiosk


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="folder for the PNG files (created if missing)")
    parser.add_argument("--size", default="1920x1080", help="screen size WxH (default 1920x1080)")
    parser.add_argument("--lang", default=None, help="language code (default: the configured default)")
    parser.add_argument("--large-text", action="store_true", help="render with large text")
    parser.add_argument("--high-contrast", action="store_true", help="render with the high-contrast theme")


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"size should look like 1920x1080, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def render_all(kiosk: Kiosk, directory: Path, prefix: str = "") -> list[Path]:
    """Walk every screen through its variants and save each as a PNG. Returns the files written."""
    from PySide6.QtWidgets import QApplication

    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    flow = kiosk.flow
    patient_look = (kiosk.state.theme.large_text, kiosk.state.theme.high_contrast)
    for name, screen in flow.screens.items():
        if name.startswith("staff"):
            # Staff mode starts with the patient's choices cleared, so the staff screens always have normal text.
            kiosk.state.set_appearance(large_text=False, high_contrast=False)
        else:
            kiosk.state.set_appearance(large_text=patient_look[0], high_contrast=patient_look[1])
        flow.go(name)
        for variant in screen.screenshot_variants():
            # Twice: the first pass lets layouts react to new texts, the second paints their result.
            QApplication.processEvents()
            QApplication.processEvents()
            path = directory / f"{prefix}{variant}.png"
            if not kiosk.window.grab().save(str(path)):
                raise OSError(f"cannot write {path}")
            written.append(path)
    flow.return_to_loop()
    return written


# Fictional people for the staff-panel pictures: screenshots never show the clinic's real requests.
SAMPLE_REQUESTS = (
    ("Maria Lopez", "+12025550143", "morning", ("lower_back_pain", "pain_sitting_or_rising"), "es"),
    ("James O'Connor", "+12025550178", "afternoon", ("groin_pain",), "en"),
    ("Aisha Rahman", "+12025550112", "any", ("buttock_pain", "pain_down_the_leg", "limping_or_shuffling"), "en"),
    ("Tomás Herrera", "+12025550190", "evening", ("hard_to_stand_upright",), "es"),
    ("Grace Kim", "+12025550127", "morning", ("exhaustion", "difficulty_breathing"), "en"),
)


def fill_sample_requests(store: RequestStore, consent_version: str) -> None:
    from kiosk.core.requests import NewRequest

    for name, phone, best_time, symptoms, lang in SAMPLE_REQUESTS:
        store.add(NewRequest(name=name, phone=phone, best_time=best_time, symptoms=symptoms, note="",
                             consent_version=consent_version, language=lang))


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="psoas-screenshots-") as tmp:
        return _run(args, Path(tmp))


def _run(args: argparse.Namespace, tmp: Path) -> int:
    from kiosk.core.config import load_config
    from kiosk.qt.app import build_kiosk

    try:
        size = parse_size(args.size)
    except argparse.ArgumentTypeError as exc:
        print(f"error: {exc}")
        return 2
    config, problems = load_config(getattr(args, "config", None))
    for problem in problems:
        print(f"config: {problem}")
    # A private data folder: the staff screens must neither show nor purge the clinic's real requests.
    config = replace(config, data=replace(config.data, directory=str(tmp / "data"), export_folder=str(tmp / "out")))
    kiosk = build_kiosk(config, problems, windowed=True, size=size)
    fill_sample_requests(kiosk.state.store, kiosk.state.content.consent_version)
    if args.lang:
        if args.lang not in kiosk.state.languages:
            print(f"error: language {args.lang!r} is not offered (offered: {', '.join(kiosk.state.languages)})")
            return 2
        kiosk.state.set_language(args.lang)
    kiosk.state.set_appearance(large_text=args.large_text, high_contrast=args.high_contrast)
    kiosk.resize(*size)
    kiosk.window.show()
    files = render_all(kiosk, args.directory)
    for path in files:
        print(path)
    print(f"{len(files)} screenshots written to {args.directory}")
    return 0
