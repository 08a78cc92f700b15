"""The frozen kiosk's start-up: shiboken6's signature support is bundled as bytecode where shiboken6 looks for it
first (build.spec), and the frozen kiosk reaches its first painted slide. Skipped unless PSOAS_KIOSK_BUNDLE names a
built bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = os.environ.get("PSOAS_KIOSK_BUNDLE", "")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="set PSOAS_KIOSK_BUNDLE=dist/psoas-kiosk to check a built bundle")


def test_bundle_carries_shiboken_support_as_bytecode() -> None:
    files = Path(BUNDLE) / "_internal" / "shiboken6" / "files.dir"
    assert (files / "signature_bootstrap.pyc").is_file()
    assert (files / "shibokensupport" / "signature" / "loader.pyc").is_file()
    assert not list(files.rglob("*.py")), "bytecode only: a read-only bundle could not cache compiled sources"


def test_frozen_kiosk_paints_its_first_slide(tmp_path: Path) -> None:
    exe = Path(BUNDLE) / ("psoas-kiosk-cli.exe" if sys.platform == "win32" else "psoas-kiosk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PSOAS_KIOSK_CONFIG": str(tmp_path / "config.toml"),
           "PSOAS_KIOSK_DATA_DIR": str(tmp_path / "data"), "PSOAS_KIOSK_LOG_DIR": str(tmp_path / "logs")}
    out = subprocess.run([str(exe), "--windowed", "bench", "--report-first-paint"], capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode == 0 and "PSOAS_BENCH_FIRST_PAINT" in out.stdout, out.stdout + out.stderr
