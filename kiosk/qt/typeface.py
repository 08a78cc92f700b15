"""The kiosk's typeface: Atkinson Hyperlegible (made for readers with low vision; SIL Open Font License), bundled
as the Python package fontpkg-atkinson-hyperlegible and set as the application font, in source and frozen runs.

Only the regular and bold faces are loaded (the kiosk shows no italics): two small files, a few milliseconds
before the first paint. Without the package (a broken install) the kiosk keeps Qt's default font and says so
in the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FAMILY = "Atkinson Hyperlegible"
FACES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")
_loaded: str | None = None  # the family once loaded ("" when it could not be)


def font_files() -> list[Path]:
    """The typeface's files as the package installs them (PyInstaller bundles the same folder)."""
    try:
        import fontpkg_atkinson_hyperlegible as package  # type: ignore[import-untyped]
    except ImportError:
        return []
    folder = Path(package.__file__).resolve().parent / "files"
    return [folder / name for name in FACES if (folder / name).is_file()]


def load_typeface() -> str:
    """Register the typeface with Qt once; its family name, or "" when it is not available."""
    global _loaded
    if _loaded is None:
        families: list[str] = []
        for path in font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _loaded = FAMILY if FAMILY in families else (families[0] if families else "")
        if not _loaded:
            log.warning("typeface %s not found (package fontpkg-atkinson-hyperlegible); using Qt's default", FAMILY)
    return _loaded


def use_typeface(app: QApplication) -> None:
    """Every widget's words in the kiosk's typeface (sizes stay the style sheet's)."""
    family = load_typeface()
    if family and app.font().family() != family:
        font = QFont(app.font())
        font.setFamilies([family])
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # the same shapes on every screen
        app.setFont(font)
