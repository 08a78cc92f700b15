"""Colours, sizes and the style sheet. Plain Python so contrast can be checked without a display."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from kiosk.core import paths
from kiosk.core.config import ColourSettings, Problem

LARGE_TEXT_FACTOR = 1.35
BASE_BODY_PX = 30  # body text at 1080p; never below MIN_BODY_PX on small screens
MIN_BODY_PX = 24
MIN_TOUCH_PX = 64
# WCAG 2.x level AA: body text, large text (>= 24 px, or >= 18.7 px bold) and the outlines of controls/graphics.
TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
GRAPHICS_RATIO = 3.0


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.x contrast ratio between two #RRGGBB colours (1 to 21)."""
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Palette:
    primary: str        # buttons, headings accents
    on_primary: str     # text on primary
    accent: str         # the call-to-action button
    on_accent: str
    background: str
    surface: str        # cards, tiles
    text: str
    muted_text: str     # secondary text, still >= 4.5:1
    selected: str       # chosen tiles
    on_selected: str
    error: str
    focus: str

    @classmethod
    def from_colours(cls, c: ColourSettings) -> Palette:
        return cls(primary=c.primary, on_primary="#FFFFFF", accent=c.accent, on_accent="#FFFFFF",
                   background=c.background, surface=c.surface, text=c.text, muted_text="#44545C",
                   selected=c.primary, on_selected="#FFFFFF", error="#A4161A", focus="#1F6FEB")

    @classmethod
    def high_contrast(cls) -> Palette:
        return cls(primary="#FFE000", on_primary="#000000", accent="#FFE000", on_accent="#000000",
                   background="#000000", surface="#111111", text="#FFFFFF", muted_text="#E6E6E6",
                   selected="#FFFFFF", on_selected="#000000", error="#FF8A80", focus="#00E5FF")

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair used for text (style sheet and self-painted widgets): >= 4.5:1."""
        return {name: (fg, bg) for name, fg, bg, minimum in self.contrast_checks() if minimum == TEXT_RATIO}

    def contrast_checks(self) -> list[tuple[str, str, str, float]]:
        """(what, foreground, background, minimum ratio) for every colour pair the kiosk shows.

        Text is held to 4.5:1 everywhere, even where it is large enough for 3:1 (headings, buttons): the
        waiting room has patients with poor eyesight. Outlines that show where a control is (field borders,
        tile borders, focus ring, page dots, tick boxes) need 3:1 against what surrounds them."""
        text = [
            # kiosk.qss: labels on the screen background and on cards (surface)
            ("body text on background", self.text, self.background),
            ("body text on surface (cards, tiles, fields, keys)", self.text, self.surface),
            ("muted text on background", self.muted_text, self.background),
            ("muted text on surface", self.muted_text, self.surface),
            ("clinic name / reference (primary) on background", self.primary, self.background),
            ("primary text on surface (buttons, ghost buttons)", self.primary, self.surface),
            ("error text on background", self.error, self.background),
            ("error text on surface", self.error, self.surface),
            ("disabled button text on surface", self.muted_text, self.surface),
            # buttons
            ("primary button text", self.on_primary, self.primary),
            ("primary button text, pressed", self.on_primary, self.text),
            ("call-to-action / banner text", self.on_accent, self.accent),
            ("call-to-action text, pressed", self.on_accent, self.text),
            ("chosen tile / time button / toolbar toggle", self.on_selected, self.selected),
            ("switched-on key (shift, áé, 123)", self.on_primary, self.primary),
            ("selected text in a field or table", self.on_primary, self.primary),
        ]
        graphics = [
            ("field / key / tile border on surface", self.muted_text, self.surface),
            ("tile border on background", self.muted_text, self.background),
            ("field border when invalid", self.error, self.surface),
            ("focus ring on background", self.focus, self.background),
            ("focus ring on surface", self.focus, self.surface),
            ("button border (primary) on background", self.primary, self.background),
            ("tick box / tile ring (primary) on surface", self.primary, self.surface),
            ("tick in a chosen tile", self.on_selected, self.selected),
            ("current page dot", self.primary, self.background),
            ("other page dots", self.muted_text, self.background),
        ]
        return ([(n, f, b, TEXT_RATIO) for n, f, b in text]
                + [(n, f, b, GRAPHICS_RATIO) for n, f, b in graphics])

    def contrast_failures(self) -> list[tuple[str, float, float]]:
        """(what, ratio, minimum) for every pair below its minimum; empty when the palette is fine."""
        out = []
        for name, fg, bg, minimum in self.contrast_checks():
            ratio = contrast_ratio(fg, bg)
            if ratio < minimum:
                out.append((name, ratio, minimum))
        return out


# Which clinic colour to give up first when a pair fails (the other colour in the pair is usually the one the
# clinic cares about less: the background of a call-to-action, say, is the colour itself).
_BLAME: dict[str, tuple[str, ...]] = {
    "body text on background": ("text", "background"),
    "body text on surface (cards, tiles, fields, keys)": ("text", "surface"),
    "muted text on background": ("background",),
    "muted text on surface": ("surface",),
    "clinic name / reference (primary) on background": ("primary", "background"),
    "primary text on surface (buttons, ghost buttons)": ("primary", "surface"),
    "error text on background": ("background",),
    "error text on surface": ("surface",),
    "disabled button text on surface": ("surface",),
    "primary button text": ("primary",),
    "primary button text, pressed": ("text",),
    "call-to-action / banner text": ("accent",),
    "call-to-action text, pressed": ("text",),
    "chosen tile / time button / toolbar toggle": ("primary",),
    "switched-on key (shift, áé, 123)": ("primary",),
    "selected text in a field or table": ("primary",),
    "field / key / tile border on surface": ("surface",),
    "tile border on background": ("background",),
    "field border when invalid": ("surface",),
    "focus ring on background": ("background",),
    "focus ring on surface": ("surface",),
    "button border (primary) on background": ("primary", "background"),
    "tick box / tile ring (primary) on surface": ("primary", "surface"),
    "tick in a chosen tile": ("primary",),
    "current page dot": ("primary", "background"),
    "other page dots": ("background",),
}


def usable_colours(colours: ColourSettings) -> tuple[ColourSettings, list[Problem]]:
    """The clinic's colours with every one that makes text or controls too faint replaced by the default.

    Plain Python, so `check` can report it without a display and KioskState can warn staff. Each replaced
    colour is one Problem naming the key, the pair that failed and its ratio."""
    defaults = ColourSettings()
    problems: list[Problem] = []
    current = colours
    for _ in range(len(fields(ColourSettings)) + 1):
        failures = Palette.from_colours(current).contrast_failures()
        if not failures:
            break
        name, ratio, minimum = failures[0]
        keys = [k for k in _BLAME.get(name, ()) if getattr(current, k) != getattr(defaults, k)]
        if not keys:  # only fixed colours are involved: nothing the clinic can change (the test keeps it so)
            break
        key = keys[0]
        problems.append(Problem(
            f"colours.{key}",
            f"{getattr(current, key)!r} is too faint for {name}: contrast {ratio:.1f}:1, at least {minimum:g}:1 "
            f"is needed; the default {getattr(defaults, key)!r} is used"))
        current = replace(current, **{key: getattr(defaults, key)})
    return current, problems


@dataclass(frozen=True)
class Theme:
    palette: Palette
    screen_short_side: int = 1080
    large_text: bool = False
    high_contrast: bool = False

    @classmethod
    def create(cls, colours: ColourSettings, short_side: int = 1080, large_text: bool = False,
               high_contrast: bool = False) -> Theme:
        palette = Palette.high_contrast() if high_contrast else Palette.from_colours(colours)
        return cls(palette=palette, screen_short_side=short_side, large_text=large_text,
                   high_contrast=high_contrast)

    def with_(self, **changes: object) -> Theme:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def unit(self) -> float:
        """Scale from the 1080p design to this screen (portrait and landscape alike use the short side)."""
        return max(0.75, min(3.0, self.screen_short_side / 1080))

    def px(self, design_px: float, *, text: bool = False) -> int:
        value = design_px * self.unit
        if text and self.large_text:
            value *= LARGE_TEXT_FACTOR
        return round(value)

    @property
    def body_px(self) -> int:
        return max(self.px(BASE_BODY_PX, text=True), round(MIN_BODY_PX * (LARGE_TEXT_FACTOR if self.large_text
                                                                         else 1)))

    @property
    def touch_px(self) -> int:
        return max(MIN_TOUCH_PX, self.px(88))

    def stylesheet(self) -> str:
        template = paths.resource_path("styles", "kiosk.qss").read_text(encoding="utf-8")
        p = self.palette
        body = self.body_px
        tokens = {
            "@primary": p.primary, "@on_primary": p.on_primary, "@accent": p.accent, "@on_accent": p.on_accent,
            "@background": p.background, "@surface": p.surface, "@text": p.text, "@muted": p.muted_text,
            "@selected": p.selected, "@on_selected": p.on_selected, "@error": p.error, "@focus": p.focus,
            "@body_px": f"{body}px", "@small_px": f"{max(MIN_BODY_PX, round(body * 0.85))}px",
            "@title_px": f"{round(body * 1.75)}px", "@heading_px": f"{round(body * 1.3)}px",
            "@button_px": f"{round(body * 1.05)}px", "@touch_px": f"{self.touch_px}px",
            "@radius": f"{self.px(18)}px", "@pad": f"{self.px(20)}px", "@border": f"{max(2, self.px(3))}px",
        }
        # Longest tokens first so @on_primary is not eaten by @primary.
        for key in sorted(tokens, key=len, reverse=True):
            template = template.replace(key, tokens[key])
        return template
