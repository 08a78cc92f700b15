"""Colours, sizes and the style sheet. Plain Python so contrast can be checked without a display."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiosk.core import paths
from kiosk.core.config import ColourSettings

LARGE_TEXT_FACTOR = 1.35
BASE_BODY_PX = 30  # body text at 1080p; never below MIN_BODY_PX on small screens
MIN_BODY_PX = 24
MIN_TOUCH_PX = 64


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
        """Every foreground/background pair the style sheet uses for text, for the contrast test."""
        return {
            "body on background": (self.text, self.background),
            "body on surface": (self.text, self.surface),
            "muted on background": (self.muted_text, self.background),
            "muted on surface": (self.muted_text, self.surface),
            "button text on primary": (self.on_primary, self.primary),
            "button text on accent": (self.on_accent, self.accent),
            "selected tile text": (self.on_selected, self.selected),
            "error on surface": (self.error, self.surface),
            "error on background": (self.error, self.background),
            "primary text on background": (self.primary, self.background),
            "primary text on surface": (self.primary, self.surface),
        }


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
