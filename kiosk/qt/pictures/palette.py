"""The illustration palette (IllustrationPalette) and the colour helpers the drawings mix with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QColor


def _c(hex_code: str) -> Callable[[], QColor]:
    # QColor is mutable, so every palette instance gets its own copies.
    return lambda: QColor(hex_code)


@dataclass(frozen=True)
class IllustrationPalette:
    """The handful of colours every illustration uses. Defaults: calm modern medical style."""

    background: QColor = field(default_factory=_c("#F5F8FA"))
    outline: QColor = field(default_factory=_c("#2F4256"))
    bone: QColor = field(default_factory=_c("#F6EFE2"))
    muscle: QColor = field(default_factory=_c("#EE6F57"))  # the psoas, always
    muscle_other: QColor = field(default_factory=_c("#E7B9A8"))
    accent: QColor = field(default_factory=_c("#3A9AAE"))
    label_text: QColor = field(default_factory=_c("#1E2D3B"))

    @classmethod
    def high_contrast(cls) -> IllustrationPalette:
        """Black ground, white line art, yellow psoas: for the high-contrast theme and low vision."""
        return cls(
            background=QColor("#000000"),
            outline=QColor("#FFFFFF"),
            bone=QColor("#000000"),
            muscle=QColor("#FFD400"),
            muscle_other=QColor("#B07CFF"),
            accent=QColor("#00D7F0"),
            label_text=QColor("#FFFFFF"),
        )


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def _alpha(c: QColor, a: float) -> QColor:
    out = QColor(c)
    out.setAlphaF(max(0.0, min(1.0, a)))
    return out
