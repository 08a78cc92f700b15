"""Colours and sizes: WCAG contrast for both themes, text and touch targets big enough at 1080p."""

from __future__ import annotations

import re

import pytest

from kiosk.core.config import ColourSettings
from kiosk.core.theme import LARGE_TEXT_FACTOR, Palette, Theme, contrast_ratio, usable_colours


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
    assert LARGE_TEXT_FACTOR >= 1.3
    assert large.body_px >= theme.body_px * (LARGE_TEXT_FACTOR - 0.05)


def test_stylesheet_has_no_unfilled_tokens() -> None:
    sheet = Theme.create(ColourSettings()).stylesheet()
    assert "@" not in sheet
    assert "font-size: 30px" in sheet


# ---- every colour pair the kiosk shows ---------------------------------------------------------------------------

PALETTES = [pytest.param(Palette.from_colours(ColourSettings()), id="normal"),
            pytest.param(Palette.high_contrast(), id="high-contrast")]


@pytest.mark.parametrize("palette", PALETTES)
def test_every_colour_pair_meets_its_wcag_minimum(palette: Palette) -> None:
    """Text 4.5:1 (also where it is large), outlines of controls, focus ring and page dots 3:1."""
    checks = palette.contrast_checks()
    assert len(checks) >= 25
    failures = [f"{name}: {contrast_ratio(fg, bg):.2f} < {minimum}" for name, fg, bg, minimum in checks
                if contrast_ratio(fg, bg) < minimum]
    assert not failures
    assert palette.contrast_failures() == []


def _qss_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """(rule, text colour, background colour) for every rule in kiosk.qss that sets both, with the tokens filled."""
    from kiosk.core import paths

    tokens = {"@primary": palette.primary, "@on_primary": palette.on_primary, "@accent": palette.accent,
              "@on_accent": palette.on_accent, "@background": palette.background, "@surface": palette.surface,
              "@text": palette.text, "@muted": palette.muted_text, "@selected": palette.selected,
              "@on_selected": palette.on_selected, "@error": palette.error, "@focus": palette.focus}
    sheet = paths.resource_path("styles", "kiosk.qss").read_text(encoding="utf-8")
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    out = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        for fg_key, bg_key in (("color", "background"), ("selection-color", "selection-background-color")):
            fg, bg = props.get(fg_key, "").strip(), props.get(bg_key, "").strip()
            if fg in tokens and bg in tokens:
                out.append((" ".join(selector.split()), tokens[fg], tokens[bg]))
            elif fg in tokens and not bg:
                # No background of its own: the text sits on the screen background or on a card.
                out.extend([(f"{' '.join(selector.split())} on background", tokens[fg], palette.background),
                            (f"{' '.join(selector.split())} on surface", tokens[fg], palette.surface)])
    return out


@pytest.mark.parametrize("palette", PALETTES)
def test_every_text_colour_in_the_style_sheet_is_readable(palette: Palette) -> None:
    pairs = _qss_pairs(palette)
    assert len(pairs) >= 20  # the parser found the rules
    failures = [f"{rule}: {contrast_ratio(fg, bg):.2f}" for rule, fg, bg in pairs if contrast_ratio(fg, bg) < 4.5]
    assert not failures


@pytest.mark.parametrize("high", [False, True], ids=["normal", "high-contrast"])
def test_picture_labels_are_readable_on_their_chips(high: bool) -> None:
    """Picture labels are the theme's text colour on an opaque chip of the theme's background (kiosk.qt.pictures),
    so they are as readable as body text; tests/qt/test_pictures.py checks the picture uses these colours."""
    palette = Palette.high_contrast() if high else Palette.from_colours(ColourSettings())
    assert contrast_ratio(palette.text, palette.background) >= 4.5


# ---- clinic colours ----------------------------------------------------------------------------------------------


def test_faint_clinic_colours_are_reported_and_replaced() -> None:
    colours = ColourSettings(primary="#88CCEE", accent="#FFB000", text="#999999")
    usable, problems = usable_colours(colours)
    where = {p.where for p in problems}
    assert where == {"colours.primary", "colours.accent", "colours.text"}
    assert all("contrast" in p.message and "default" in p.message for p in problems)
    assert usable == ColourSettings()  # all three fell back; background and surface were fine
    assert Palette.from_colours(usable).contrast_failures() == []


def test_good_clinic_colours_are_kept() -> None:
    colours = ColourSettings(primary="#5B2A86", accent="#A0381B", background="#FFFFFF", surface="#F4F4F4",
                             text="#111111")
    assert usable_colours(colours) == (colours, [])


def test_a_faint_background_is_blamed_when_the_text_colour_is_the_default() -> None:
    usable, problems = usable_colours(ColourSettings(background="#50606A"))
    assert [p.where for p in problems] == ["colours.background"]
    assert usable.background == ColourSettings().background


def test_check_command_and_staff_warnings_report_faint_colours(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.commands.check import collect_problems
    from kiosk.core.config import load_config
    from kiosk.qt.state import KioskState

    config_file = tmp_path / "config.toml"
    config_file.write_text('[colours]\nprimary = "#88CCEE"\n', encoding="utf-8")
    problems, _checked = collect_problems(config_file)
    assert [p.where for p in problems] == ["colours.primary"]
    config, config_problems = load_config(config_file)
    state = KioskState(config, config_problems)
    assert state.theme.palette.primary == ColourSettings().primary
    assert any(w.code == "config" and "colours.primary" in w.text for w in state.staff_warnings())
