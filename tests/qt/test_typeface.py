"""The kiosk's typeface: Atkinson Hyperlegible for the whole app, with every character the Spanish texts use."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from kiosk.core import paths
from kiosk.qt.typeface import FAMILY, font_files

ROOT = Path(__file__).resolve().parents[2]


def test_the_whole_app_uses_atkinson_hyperlegible(kiosk) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.font().family() == FAMILY
    for name in ("checklist", "request_form"):
        kiosk.flow.go(name)
        screen = kiosk.flow.screens[name]
        assert screen.font().family() == FAMILY
    assert kiosk.flow.checklist.hint.fontInfo().family() == FAMILY  # really used, not a fallback


def _spanish_texts() -> str:
    content = paths.resource_path("content", "es.toml").read_text(encoding="utf-8")
    ts = paths.resource_path("translations", "kiosk_es.ts").read_text(encoding="utf-8")
    translations = " ".join(re.findall(r"<translation[^>]*>(.*?)</translation>", ts, flags=re.S))
    return content + translations


def test_every_spanish_character_has_a_glyph(kiosk) -> None:  # type: ignore[no-untyped-def]
    characters = {c for c in _spanish_texts() if not c.isspace() and c.isprintable()}
    assert {"ñ", "¿", "¡", "á", "é", "í", "ó", "ú"} <= characters
    for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
        font = QFont(FAMILY)
        font.setWeight(weight)
        font.setPixelSize(30)
        raw = QRawFont.fromFont(font)
        assert raw.familyName() == FAMILY
        # By code point: PySide's QChar overloads mangle non-ASCII characters.
        missing = sorted(c for c in characters if not raw.supportsCharacter(ord(c)))
        assert not missing, f"{weight}: no glyph for {missing}"
        metrics = QFontMetrics(font)
        assert all(metrics.inFontUcs4(ord(c)) for c in characters)
        drawn = raw.glyphIndexesForString("".join(c for c in sorted(characters) if c.isalpha()))
        assert all(not raw.pathForGlyph(g).isEmpty() for g in drawn)  # real outlines, not empty boxes


def test_the_typeface_is_installed_and_bundled() -> None:
    files = font_files()
    assert [f.name for f in files] == ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"]
    assert "fontpkg-atkinson-hyperlegible" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'collect_data_files("fontpkg_atkinson_hyperlegible"' in (ROOT / "build.spec").read_text(encoding="utf-8")
