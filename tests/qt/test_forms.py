"""The screens' Designer forms: every ui/*.ui is compiled into a current module that a screen imports."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("education", "checklist", "summary", "request_form", "thanks", "still_there", "staff_pin", "staff_panel")


def _compile_ui():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("compile_ui", ROOT / "tools" / "compile_ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compile_ui"] = module
    spec.loader.exec_module(module)
    return module


def test_every_screen_has_a_designer_form() -> None:
    forms = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    assert set(SCREENS) <= forms, f"screens without a form in ui/: {sorted(set(SCREENS) - forms)}"


def test_every_form_module_is_current() -> None:
    """A generated module older than its .ui (or missing, or left over) fails: run python3 tools/compile_ui.py."""
    assert _compile_ui().problems() == []


def test_every_form_is_used_by_the_code() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk" / "qt").rglob("*.py")
                     if "forms" not in p.parts)
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        assert re.search(rf"from kiosk\.qt\.forms\.ui_{ui.stem} import", code), f"nothing imports ui_{ui.stem}"


def test_the_form_class_is_the_screen_class() -> None:
    """The form's class name is the translation context of its texts: it must be the class that uses the form."""
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        name = re.search(r"<class>(\w+)</class>", ui.read_text(encoding="utf-8"))
        assert name is not None, ui
        module = (ROOT / "kiosk" / "qt" / "forms" / f"ui_{ui.stem}.py").read_text(encoding="utf-8")
        assert f"class Ui_{name[1]}(object)" in module
        code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk" / "qt").rglob("*.py")
                         if "forms" not in p.parts)
        assert re.search(rf"class {name[1]}\(.*Ui_{name[1]}", code), f"no class {name[1]} uses Ui_{name[1]}"
