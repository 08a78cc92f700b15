#!/usr/bin/env python3
"""Compile the screens' Qt Designer forms, ui/<name>.ui, into kiosk/qt/forms/ui_<name>.py with pyside6-uic.

    python3 tools/compile_ui.py           (re)generate every form module whose .ui changed
    python3 tools/compile_ui.py --check   change nothing; exit 1 if a form module is missing, stale or orphaned

The generated modules are committed, so that the kiosk (and the frozen bundle) imports plain Python at start-up
instead of parsing XML with QUiLoader. tests/qt/test_forms.py runs --check. Open a form with
`pyside6-designer ui/request_form.ui`; the kiosk's own widgets appear there as promoted widgets.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "kiosk" / "qt" / "forms"
FORMS_INIT = '"""Modules generated from ui/*.ui by tools/compile_ui.py (pyside6-uic): do not edit them by hand."""\n'
# uic writes its own version into the header; a newer PySide6 must not make every form look stale.
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.M)


def uic() -> str:
    """pyside6-uic's real binary ships inside the PySide6 package (the pyside6-uic script is only a wrapper)."""
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
        for exe in (base / "Qt" / "libexec" / "uic", base / "uic.exe", base / "uic"):
            if exe.exists():
                return str(exe)
    except ImportError:
        pass
    found = shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("cannot find pyside6-uic: install PySide6 (python3 -m pip install PySide6-Essentials)")
    return found


def module_for(ui: Path) -> Path:
    return FORMS_DIR / f"ui_{ui.stem}.py"


def compile_form(ui: Path) -> str:
    """The Python module pyside6-uic makes of `ui`, with a stable header."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "form.py"
        cmd = [uic(), "-g", "python", str(ui.relative_to(ROOT)), "-o", str(out)]
        if Path(cmd[0]).name.startswith("pyside6-"):  # the wrapper script already passes -g python
            cmd[1:3] = []
        subprocess.run(cmd, cwd=ROOT, check=True)
        text = out.read_text(encoding="utf-8")
    return _VERSION_LINE.sub("## Created by: Qt User Interface Compiler (pyside6-uic)", text)


def problems() -> list[str]:
    """What --check reports: every form module that does not match its .ui."""
    found = []
    uis = sorted(UI_DIR.glob("*.ui"))
    for ui in uis:
        module = module_for(ui)
        if not module.exists():
            found.append(f"{module.relative_to(ROOT)} is missing: run python3 tools/compile_ui.py")
        elif module.read_text(encoding="utf-8") != compile_form(ui):
            found.append(f"{module.relative_to(ROOT)} is older than {ui.relative_to(ROOT)}: "
                         "run python3 tools/compile_ui.py")
    wanted = {module_for(ui).name for ui in uis}
    for module in sorted(FORMS_DIR.glob("ui_*.py")):
        if module.name not in wanted:
            found.append(f"{module.relative_to(ROOT)} has no ui/{module.stem.removeprefix('ui_')}.ui")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a form module is missing or stale")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for problem in found:
            print(problem)
        return 1 if found else 0
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists() or init.read_text(encoding="utf-8") != FORMS_INIT:
        init.write_text(FORMS_INIT, encoding="utf-8")
    for ui in sorted(UI_DIR.glob("*.ui")):
        module = module_for(ui)
        text = compile_form(ui)
        if not module.exists() or module.read_text(encoding="utf-8") != text:
            module.write_text(text, encoding="utf-8")
            print(f"compiled {ui.relative_to(ROOT)} -> {module.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
