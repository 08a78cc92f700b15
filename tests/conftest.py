"""Shared fixtures. Tests need no display: Qt renders offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.core.config import Config, DataSettings, IdleSettings, SlideSettings, StaffSettings

if TYPE_CHECKING:
    from kiosk.qt.app import Kiosk
    from tests.helpers import KioskFactory


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real platform config, data or log folders."""
    monkeypatch.setenv("PSOAS_KIOSK_CONFIG", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("PSOAS_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PSOAS_KIOSK_LOG_DIR", str(tmp_path / "logs"))


@pytest.fixture
def fast_config(tmp_path: Path) -> Config:
    """Timers short enough that tests never wait long, and a private data folder."""
    return replace(
        Config(),
        slides=SlideSettings(speed=0.01, transition_ms=50, resume_after_seconds=0.3),
        idle=IdleSettings(timeout_seconds=0.3, countdown_seconds=0.3, thanks_seconds=0.3),
        staff=StaffSettings(gesture_hold_seconds=0.2, logout_seconds=0.5),
        data=DataSettings(directory=str(tmp_path / "data"), export_folder=str(tmp_path / "exports")),
    )


@pytest.fixture
def make_kiosk(qtbot, fast_config: Config) -> Iterator[KioskFactory]:  # type: ignore[no-untyped-def]
    """Build kiosks: `make_kiosk(config=None, size=(1920, 1080), show=True, windowed=True)`. Each is shown offscreen
    and waited for; all are shut down afterwards (store closed, window deleted with its app-wide filters)."""
    from tests.helpers import KioskFactory

    factory = KioskFactory(qtbot, fast_config)
    yield factory
    factory.close_all()


@pytest.fixture
def kiosk(make_kiosk: KioskFactory) -> Kiosk:
    """A windowed kiosk on fast_config at 1920x1080, shown offscreen, driven by taps."""
    return make_kiosk()
