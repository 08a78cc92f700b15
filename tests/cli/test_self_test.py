"""`self-test`: one line per step with its time, PASS/FAIL, and problems named with their file or folder."""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.commands.self_test import EXIT_FAILED, EXIT_PASSED, run_self_test

STEPS = ("versions", "config", "content", "qt platform", "fonts", "libraries", "render", "request store",
         "data folder", "log folder")
LINE = re.compile(r"^(PASS|FAIL|SKIP)\s+\d+ ms  (?P<step>[a-z ]+): (?P<detail>.*)$")


@pytest.fixture(autouse=True)
def _restore_hooks_and_logging() -> Iterator[None]:
    """The self-test installs the kiosk's exception hook (via build_kiosk) and logging; undo both."""
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kiosk", False)]:
        root.removeHandler(handler)
        handler.close()


def _steps(lines: list[str]) -> dict[str, tuple[str, str]]:
    found = {}
    for line in lines:
        match = LINE.match(line)
        if match:
            found[match.group("step")] = (match.group(1), match.group("detail"))
    return found


@pytest.mark.qt_no_exception_capture  # the render step records drawing errors itself
def test_self_test_passes(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # One language keeps this test quick; the CLI self-test in .ci/run renders every offered language.
    config = tmp_path / "cfg" / "config.toml"
    config.parent.mkdir()
    config.write_text('[languages]\noffered = ["en"]\n', encoding="utf-8")
    lines: list[str] = []
    code = run_self_test(config, lines.append, size=(1920, 1080))
    steps = _steps(lines)
    assert tuple(steps) == STEPS, lines
    failed = {name: detail for name, (status, detail) in steps.items() if status != "PASS"}
    assert not failed, "\n".join(lines)
    assert code == EXIT_PASSED
    assert lines[-1].startswith("SELF-TEST PASSED: all 10 steps passed")
    assert str(tmp_path / "data") in steps["data folder"][1]
    assert str(tmp_path / "logs") in steps["log folder"][1]
    assert "PNGs for 1 language(s) at 1920x1080, none blank" in steps["render"][1]
    # Only the probe file was written, and removed again: rendering the staff screens did not create, open or
    # purge the real request file.
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").iterdir()) == []
    assert "self-test finished: passed" in (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_self_test_names_each_problem_and_fails(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[clinic]\ncolour = "red"\n[data]\ndirectory = "{(blocker / "data").as_posix()}"\n',
                      encoding="utf-8")
    lines: list[str] = []
    # Only the steps this is about (rendering is covered above and takes seconds).
    code = run_self_test(config, lines.append, only=("config", "request store", "data folder", "log folder"))
    steps = _steps(lines)
    assert tuple(steps) == ("config", "request store", "data folder", "log folder")
    assert code == EXIT_FAILED
    assert steps["config"][0] == "FAIL" and str(config) in steps["config"][1]
    assert any("unknown key clinic.colour" in line for line in lines)
    assert steps["data folder"][0] == "FAIL"
    assert f"cannot write in the data folder {blocker / 'data'}" in steps["data folder"][1]
    assert steps["request store"][0] == "PASS"  # the temporary store does not depend on the data folder
    assert lines[-1].startswith("SELF-TEST FAILED: 2 of 4 steps did not pass (config, data folder)")
