"""Colours and sizes: WCAG contrast for both themes, text and touch targets big enough at 1080p."""

from __future__ import annotations

import pytest

from kiosk.core.config import ColourSettings
from kiosk.theme import LARGE_TEXT_FACTOR, Palette, Theme, contrast_ratio


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [Palette.from_colours(ColourSettings()), Palette.high_contrast()],
                         ids=["normal", "high-contrast"])
def test_every_text_colour_pair_meets_wcag_aa(palette: Palette) -> None:
    for name, (fg, bg) in palette.text_pairs().items():
        assert contrast_ratio(fg, bg) >= 4.5, name


def test_high_contrast_is_much_stronger() -> None:
    normal = Palette.from_colours(ColourSettings())
    high = Palette.high_contrast()
    assert contrast_ratio(high.text, high.background) >= 15
    assert contrast_ratio(high.text, high.background) > contrast_ratio(normal.text, normal.background)


@pytest.mark.parametrize("short_side", [800, 1080, 2160])
def test_body_text_and_touch_targets_are_big_enough(short_side: int) -> None:
    theme = Theme.create(ColourSettings(), short_side)
    assert theme.body_px >= 24
    assert theme.touch_px >= 64
    large = theme.with_(large_text=True)
    assert large.body_px >= theme.body_px * (LARGE_TEXT_FACTOR - 0.05)


def test_stylesheet_has_no_unfilled_tokens() -> None:
    sheet = Theme.create(ColourSettings()).stylesheet()
    assert "@" not in sheet
    assert "font-size: 30px" in sheet
