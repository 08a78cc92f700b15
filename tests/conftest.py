"""Shared fixtures. Tests need no display: Qt renders offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.core.config import Config, DataSettings, IdleSettings, SlideSettings, StaffSettings


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
def kiosk(qtbot, fast_config: Config) -> Iterator:  # type: ignore[no-untyped-def]
    """A windowed kiosk at 1920x1080, shown offscreen, driven by taps."""
    from kiosk.qt.app import build_kiosk

    k = build_kiosk(fast_config, [], windowed=True, size=(1920, 1080))
    qtbot.addWidget(k.window)
    k.resize(1920, 1080)
    k.window.show()
    qtbot.waitExposed(k.window)
    yield k
    k.state.close()
    # Delete the window (not just close it): leaked kiosks keep their widgets and app-wide event filters, and
    # every later setStyleSheet() re-styles them all, so each test would get slower than the last.
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    k.window.close()
    k.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
