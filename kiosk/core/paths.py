"""Where things live: bundled resources (source tree or frozen bundle) and the platform directories."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_DIR_NAME = "psoas-kiosk"
APP_AUTHOR = "PsoasKiosk"


def bundle_root() -> Path:
    """The folder holding `resources/` and `ui/`: the PyInstaller bundle when frozen, else the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return _source_root()


@cache
def _source_root() -> Path:
    # Resolved once: resolve() asks the file system about every folder on the way, and start-up alone looks for
    # some thirty resources (each slide's picture, the style sheet, the content files).
    return Path(__file__).resolve().parent.parent.parent


def resource_path(*parts: str) -> Path:
    """A path inside `resources/`, e.g. resource_path("content", "en.toml")."""
    return bundle_root().joinpath("resources", *parts)


def _override(var: str) -> Path | None:
    # Environment overrides let tests and IT point every directory somewhere else without a config file.
    value = os.environ.get(var)
    return Path(value) if value else None


def default_config_file() -> Path:
    return _override("PSOAS_KIOSK_CONFIG") or Path(
        platformdirs.user_config_dir(APP_DIR_NAME, APP_AUTHOR, roaming=False)
    ) / "config.toml"


def default_data_dir() -> Path:
    return _override("PSOAS_KIOSK_DATA_DIR") or Path(platformdirs.user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def default_log_dir() -> Path:
    return _override("PSOAS_KIOSK_LOG_DIR") or Path(platformdirs.user_log_dir(APP_DIR_NAME, APP_AUTHOR))


def default_export_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Psoas kiosk exports"
