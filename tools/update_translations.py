#!/usr/bin/env python3
"""Keep the kiosk's translations in step with the code.

    python3 tools/update_translations.py          update every resources/translations/kiosk_<lang>.ts from the
                                                  code (new strings appear untranslated, gone ones are dropped),
                                                  then compile each to kiosk_<lang>.qm
    python3 tools/update_translations.py fr       the same, and start kiosk_fr.ts for a new language first
    python3 tools/update_translations.py --check  change nothing; exit 1 if a .ts misses strings from the code,
                                                  has untranslated strings, or its .qm is not compiled from it

Uses lupdate and lrelease from PySide6 (pyside6-lupdate / pyside6-lrelease). English is the source language and
needs no file. Translate a .ts in Qt Linguist (`pyside6-linguist resources/translations/kiosk_fr.ts`) or any text
editor: fill each <translation> and remove its type="unfinished".
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """Path of lupdate/lrelease: PySide6 ships them in its package folder (and as pyside6-<name> scripts)."""
    try:
        import PySide6

        exe = Path(PySide6.__file__).parent / (f"{name}.exe" if os.name == "nt" else name)
        if exe.exists():
            return str(exe)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"cannot find {name}: install PySide6 (python3 -m pip install PySide6-Essentials)")
    return found


FORMS = ROOT / "kiosk" / "qt" / "forms"  # generated from ui/*.ui by tools/compile_ui.py


def sources() -> list[str]:
    """Every Python file of the kiosk package and every Designer form in ui/, relative to the repository (stable
    order, stable .ts files). The forms' texts are read from the .ui files: lupdate does not see the u"..." strings
    of the modules pyside6-uic generates from them, so those are skipped."""
    python = [p for p in (ROOT / "kiosk").rglob("*.py") if FORMS not in p.parents]
    return sorted(str(p.relative_to(ROOT)) for p in [*python, *(ROOT / "ui").glob("*.ui")])


def ts_files() -> dict[str, Path]:
    """Language code -> its .ts file."""
    out = {}
    for path in sorted(TRANSLATIONS.glob("kiosk_*.ts")):
        out[path.stem.removeprefix("kiosk_")] = path
    return out


def run_lupdate(ts: Path, language: str) -> None:
    # -locations none: no file names and line numbers in the .ts, so editing code does not change it;
    # -no-obsolete: strings no longer in the code are dropped instead of kept as "vanished".
    cmd = [tool("lupdate"), *sources(), "-ts", str(ts), "-source-language", SOURCE_LANGUAGE,
           "-target-language", language, "-locations", "none", "-no-obsolete", "-silent"]
    subprocess.run(cmd, cwd=ROOT, check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return self.context, self.source, self.comment, self.numerus


def read_messages(ts: Path) -> list[Message]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            unfinished = True
            if translation is not None:
                unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
                numerus = translation.findall("numerusform")
                forms = tuple(f.text or "" for f in numerus) if numerus else (translation.text or "",)
            out.append(Message(name, message.findtext("source") or "", message.findtext("comment") or "",
                               message.get("numerus") == "yes", forms, unfinished))
    return out


def ts_language(ts: Path) -> str:
    return ET.parse(ts).getroot().get("language") or ""


def check(language: str, ts: Path) -> list[str]:
    """Everything wrong with one language's files, as lines for a person to read."""
    problems: list[str] = []
    name = ts.name
    ours = read_messages(ts)
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / name
        shutil.copyfile(ts, fresh_ts)
        run_lupdate(fresh_ts, language)
        fresh = {m.key for m in read_messages(fresh_ts)}
        known = {m.key for m in ours}
        for context, source, _comment, _numerus in sorted(fresh - known):
            problems.append(f"{name}: not in the file yet: {context}: {source!r}")
        for context, source, _comment, _numerus in sorted(known - fresh):
            problems.append(f"{name}: no longer in the code: {context}: {source!r}")
        fresh_qm = Path(tmp) / "fresh.qm"
        run_lrelease(ts, fresh_qm)
        qm = ts.with_suffix(".qm")
        if not qm.exists():
            problems.append(f"{qm.name}: missing")
        elif qm.read_bytes() != fresh_qm.read_bytes():
            problems.append(f"{qm.name}: not compiled from the current {name}")
    for m in ours:
        if m.unfinished or not all(f.strip() for f in m.translations):
            problems.append(f"{name}: untranslated: {m.context}: {m.source!r}")
        elif placeholders(m.source) != set().union(*(placeholders(f) for f in m.translations)):
            problems.append(f"{name}: the translation of {m.source!r} has other placeholders (%1, %n...)")
    if ts_language(ts) != language:
        problems.append(f"{name}: language=\"{ts_language(ts)}\" in the file, expected \"{language}\"")
    return problems


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%(?:\d|n)", text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("new", nargs="*", metavar="LANG", help="start kiosk_LANG.ts for a new language")
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = [p for lang, ts in ts_files().items() for p in check(lang, ts)]
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)" if problems else "translations are complete and compiled")
        return 1 if problems else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in args.new:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", lang):
            parser.error(f"{lang!r} does not look like a language code (en, fr, pt_BR)")
        path = TRANSLATIONS / f"kiosk_{lang}.ts"
        if not path.exists():
            run_lupdate(path, lang)
            print(f"started {path.relative_to(ROOT)}")
    for lang, ts in ts_files().items():
        run_lupdate(ts, lang)
        run_lrelease(ts, ts.with_suffix(".qm"))
        left = sum(1 for m in read_messages(ts) if m.unfinished)
        print(f"{ts.relative_to(ROOT)}: {len(read_messages(ts))} strings, {left} untranslated"
              f" -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
