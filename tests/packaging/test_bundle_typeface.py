"""The frozen kiosk uses Atkinson Hyperlegible too. Skipped unless PSOAS_KIOSK_BUNDLE names a built bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = os.environ.get("PSOAS_KIOSK_BUNDLE", "")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="set PSOAS_KIOSK_BUNDLE=dist/psoas-kiosk to check a built bundle")


def test_bundle_carries_the_typeface() -> None:
    folder = Path(BUNDLE) / "_internal" / "fontpkg_atkinson_hyperlegible" / "files"
    for face in ("Regular", "Bold"):
        assert (folder / f"AtkinsonHyperlegible-{face}.ttf").is_file()


def test_frozen_kiosk_sets_the_typeface(tmp_path: Path) -> None:
    exe = Path(BUNDLE) / ("psoas-kiosk-cli.exe" if sys.platform == "win32" else "psoas-kiosk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PSOAS_KIOSK_CONFIG": str(tmp_path / "config.toml"),
           "PSOAS_KIOSK_DATA_DIR": str(tmp_path / "data"), "PSOAS_KIOSK_LOG_DIR": str(tmp_path / "logs")}
    out = subprocess.run([str(exe), "self-test"], capture_output=True, text=True, timeout=300, env=env)
    fonts = [line for line in out.stdout.splitlines() if "font families" in line]
    assert fonts and "default 'Atkinson Hyperlegible'" in fonts[0], out.stdout + out.stderr
