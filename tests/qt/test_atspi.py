"""What a screen reader (Orca) gets: the kiosk runs on a real X display (Xvfb) with the Linux accessibility bus
(a private D-Bus session, at-spi-bus-launcher, the registry), and a pyatspi walker (tests/qt/atspi_walker.py, run
with the system's /usr/bin/python3, which has Debian's pyatspi) reads its tree and presses its buttons through
their actions, as assistive technology does.

Needs: Xvfb, dbus-daemon, at-spi2-core, python3-pyatspi, gir1.2-atspi-2.0 and Qt's xcb libraries (`.ci/run`
installs them). Skipped with the reason when one is missing here; never skipped in CI (CI=true).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.config import Config
from kiosk.core.content import load_library

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER_PLACES = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher",
                       "/usr/lib/at-spi2/at-spi-bus-launcher")
INSTALL = ("apt-get install -y xvfb dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0 libxcb-cursor0 "
           "libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 "
           "libxcb-shape0 libxcb-randr0")
CONTROL_ROLES = {"push button", "check box", "toggle button", "text", "entry", "radio button"}


def _bus_launcher() -> str | None:
    return next((p for p in BUS_LAUNCHER_PLACES if os.access(p, os.X_OK)), None)


def _missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if _bus_launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(SYSTEM_PYTHON)
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi, gir1.2-atspi-2.0)")
    return missing


def _require_tools() -> None:
    missing = _missing_tools()
    if not missing:
        return
    reason = f"AT-SPI test needs {', '.join(missing)}: {INSTALL}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI must not skip this test; .ci/run installs them)")
    pytest.skip(reason)


class Walker:
    """The pyatspi walker subprocess: one JSON command in, one JSON answer out."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([SYSTEM_PYTHON, str(WALKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            stderr = self.proc.stderr.read() if self.proc.stderr is not None else ""
            raise AssertionError(f"the AT-SPI walker stopped: {stderr[-2000:]}")
        answer: dict[str, Any] = json.loads(line)
        assert "error" not in answer, answer["error"]
        return answer

    def tree(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = self.ask(cmd="tree")["nodes"]
        return nodes

    def act(self, name: str, action: str = "Press") -> None:
        assert self.ask(cmd="act", name=name, action=action)["ok"], f"no showing control {name!r} with {action}"

    def wait_for(self, check: Callable[[list[dict[str, Any]]], bool], what: str,
                 seconds: float = 20) -> list[dict[str, Any]]:
        """The tree once `check(tree)` holds (the kiosk answers an action from its own event loop)."""
        end = time.monotonic() + seconds
        nodes = self.tree()
        while not check(nodes):
            if time.monotonic() > end:
                shown = [(n["role"], n["name"]) for n in nodes if n["name"]]
                raise AssertionError(f"timed out waiting for {what}; showing: {shown}")
            time.sleep(0.1)
            nodes = self.tree()
        return nodes


def _stop(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def screen_reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walker]:
    """The kiosk on Xvfb with the accessibility bus, and a walker attached to it."""
    _require_tools()
    tmp = tmp_path_factory.mktemp("atspi")
    runtime = tmp / "runtime"
    runtime.mkdir(mode=0o700)
    started: list[subprocess.Popen[Any]] = []
    try:
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        started.append(xvfb)
        assert xvfb.stdout is not None
        display = ":" + xvfb.stdout.readline().strip()
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        started.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PSOAS_KIOSK_"))}
        env.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address, XDG_RUNTIME_DIR=str(runtime),
                   NO_AT_BRIDGE="0")
        launcher = _bus_launcher()
        assert launcher is not None
        started.append(subprocess.Popen([launcher, "--launch-immediately"], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True))
        config = tmp / "config.toml"
        # Slides that stay put (the test moves them itself), no idle reset while it reads.
        config.write_text("[slides]\nspeed = 10.0\ntransition_ms = 0\n[idle]\ntimeout_seconds = 600.0\n"
                          "[accessibility]\nread_aloud = true\nspeech_engine = \"mock\"\n", encoding="utf-8")
        kiosk_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                         PSOAS_KIOSK_CONFIG=str(config), PSOAS_KIOSK_DATA_DIR=str(tmp / "data"),
                         PSOAS_KIOSK_LOG_DIR=str(tmp / "logs"))
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed"], cwd=ROOT, env=kiosk_env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        started.append(kiosk)
        walker = Walker(env)
        started.append(walker.proc)
        if not walker.ask(cmd="wait_app", name="psoas-kiosk", seconds=90)["ok"]:
            log = tmp / "logs" / "kiosk.log"
            raise AssertionError("the kiosk never appeared on the accessibility bus; its log:\n"
                                 + (log.read_text(encoding="utf-8")[-3000:] if log.exists() else "(none)"))
        walker.wait_for(lambda t: any(n["name"] == "Check my symptoms" for n in t), "the slides", seconds=60)
        yield walker
    finally:
        for proc in reversed(started):
            _stop(proc)


def _titles(language: str) -> list[str]:
    library = load_library(Config().languages.offered, None)
    return [slide.title for slide in library.get(language).slides]


def _headings(tree: list[dict[str, Any]]) -> list[str]:
    return [n["name"] for n in tree if n["role"] == "heading"]


def _node(tree: list[dict[str, Any]], name: str) -> dict[str, Any]:
    found = [n for n in tree if n["name"] == name and n["role"] in CONTROL_ROLES]
    assert len(found) == 1, (name, [(n["role"], n["name"]) for n in tree])
    return found[0]


def _checked(tree: list[dict[str, Any]], name: str) -> bool | None:
    """Whether the control `name` is checked; None while it is not on show (the screen is restyling)."""
    found = [n for n in tree if n["name"] == name and n["role"] in CONTROL_ROLES]
    return "checked" in found[0]["states"] if len(found) == 1 else None


def _unnamed_controls(tree: list[dict[str, Any]]) -> list[str]:
    return [n["role"] for n in tree if n["role"] in CONTROL_ROLES and not n["name"].strip()]


def _read_every_slide(walker: Walker, titles: list[str], next_name: str) -> None:
    """Every slide's title is a heading with its own words; Next (pressed by its action) brings the next one."""
    first = walker.wait_for(lambda t: titles[0] in _headings(t), f"the first slide's title {titles[0]!r}")
    assert "slide title" not in _headings(first)
    images = [n for n in first if n["role"] == "image"]
    assert images and all(n["name"] for n in images), "the picture is an image named by its description"
    for i, title in enumerate(titles[1:], start=1):
        walker.act(next_name)
        walker.wait_for(lambda t, title=title: title in _headings(t), f"slide {i + 1}'s title {title!r}")
    walker.act(next_name)  # round to the first again
    walker.wait_for(lambda t: titles[0] in _headings(t), "the first slide again")


def test_slide_titles_are_headings_in_their_own_words_in_english_and_spanish(screen_reader: Walker) -> None:
    walker = screen_reader
    tree = walker.tree()
    assert not _unnamed_controls(tree)
    for name in ("Larger text", "High contrast", "Español", "Read aloud", "Previous", "Next", "Check my symptoms"):
        assert _node(tree, name)["actions"], name
    _read_every_slide(walker, _titles("en"), "Next")

    walker.act("Español")
    spanish = _titles("es")
    # The header lays itself out again for the new words: wait for the toolbar to be on show again too.
    tree = walker.wait_for(lambda t: spanish[0] in _headings(t) and _checked(t, "English") is not None,
                           "the Spanish title and the English button")
    assert not _unnamed_controls(tree)
    _read_every_slide(walker, spanish, "Siguiente")
    walker.act("English")
    walker.wait_for(lambda t: _titles("en")[0] in _headings(t) and _checked(t, "Español") is not None,
                    "English again")


def test_toggles_report_their_checked_state_and_actions_press_buttons(screen_reader: Walker) -> None:
    walker = screen_reader
    walker.wait_for(lambda t: _checked(t, "Larger text") is False, "Larger text, not checked")
    walker.act("Larger text")
    walker.wait_for(lambda t: _checked(t, "Larger text") is True, "Larger text checked")
    walker.act("Larger text")
    walker.wait_for(lambda t: _checked(t, "Larger text") is False, "Larger text unchecked")

    walker.act("Check my symptoms")
    tree = walker.wait_for(lambda t: "Which of these do you have?" in _headings(t), "the checklist")
    assert not _unnamed_controls(tree)
    tiles = [n for n in tree if n["role"] == "check box" and n["name"] not in ("Larger text", "High contrast",
                                                                                "Read aloud")]
    assert len(tiles) >= 10 and all("checked" not in n["states"] for n in tiles)
    assert all("focusable" in n["states"] for n in tiles), "every tile can take the keyboard focus"
    walker.act("Groin pain")
    walker.wait_for(lambda t: _checked(t, "Groin pain") is True, "the ticked tile")
    walker.act("Next")
    walker.wait_for(lambda t: any(n["name"] == "Request a free phone call" for n in t), "the summary")
    walker.act("Request a free phone call")
    tree = walker.wait_for(lambda t: any(n["name"] == "Send my request" for n in t), "the request form")
    assert not _unnamed_controls(tree), "every field, key and button of the form is named"
    fields = {n["name"] for n in tree if n["role"] in ("text", "entry")}
    assert {"Your name", "Your phone number"} <= fields, fields
    walker.act("Back")
    walker.wait_for(lambda t: any(n["name"] == "Start over" for n in t), "the summary again")
    walker.act("Start over")
    walker.wait_for(lambda t: any(n["name"] == "Check my symptoms" for n in t), "the slides again")
