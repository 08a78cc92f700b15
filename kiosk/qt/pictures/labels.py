"""Picture labels: where each chip goes (beside the figure, clear of the others, inside the frame) and drawing it.

Labels sit in a column left or right of the figure (the side of their anchor), at their anchor's height, pushed
apart so no two chips overlap, with a leader line from the chip to the anchor's centre. The text is the app font at
the size the slide asks for, in the theme's text colour on an opaque chip of the theme's background.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

_WRAP = Qt.TextFlag.TextWordWrap
COLUMN_SHARE = 0.28  # a label column takes at most this share of the frame's width; longer words wrap


@dataclass
class PlacedLabel:
    """One laid-out label: its text, its chip, and its leader line from `start` (chip edge) to the anchor."""

    key: str
    text: str
    box: QRectF
    anchor: QPointF
    left: bool  # in the column left of the figure

    @property
    def start(self) -> QPointF:
        return QPointF(self.box.right() if self.left else self.box.left(), self.box.center().y())


def label_font(px: float) -> QFont:
    """The app font at `px` pixels, semi-bold so a label reads over a busy picture."""
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setWeight(QFont.Weight.DemiBold)
    return font


def chip_sizes(texts: Mapping[str, str], px: float, frame: QRectF) -> dict[str, QRectF]:
    """Each label's chip size (at the origin), its text wrapped to a column's width."""
    metrics = QFontMetricsF(label_font(px))
    pad_x, pad_y = px * 0.4, px * 0.15
    room = QRectF(0, 0, max(px * 3, frame.width() * COLUMN_SHARE - 2 * pad_x), 10 * px)
    sizes = {key: metrics.boundingRect(room, _WRAP, text).size() for key, text in texts.items()}
    return {key: QRectF(0, 0, size.width() + 2 * pad_x, size.height() + 2 * pad_y) for key, size in sizes.items()}


def columns(anchors: Mapping[str, QPointF], centre_x: float, sizes: Mapping[str, QRectF]) -> tuple[float, float]:
    """Widths of the left and right label columns (anchors left of `centre_x` label on the left)."""
    gap = max((s.height() for s in sizes.values()), default=0.0) * 0.5
    left = [sizes[k].width() + gap for k in sizes if k in anchors and anchors[k].x() < centre_x]
    right = [sizes[k].width() + gap for k in sizes if k in anchors and anchors[k].x() >= centre_x]
    return max(left, default=0.0), max(right, default=0.0)


def place_labels(texts: Mapping[str, str], anchors: Mapping[str, QPointF], sizes: Mapping[str, QRectF],
                 frame: QRectF, figure: QRectF) -> list[PlacedLabel]:
    """Chips beside the figure at their anchors' heights, pushed apart, clamped inside `frame`.

    Every text needs its anchor, in the same coordinates as `frame` and `figure`."""
    placed = []
    for key, text in texts.items():
        anchor, box = anchors[key], QRectF(sizes[key])
        left = anchor.x() < figure.center().x()
        if left:
            box.moveRight(max(frame.left() + box.width(), figure.left()))
        else:
            box.moveLeft(min(frame.right() - box.width(), figure.right()))
        box.moveTop(anchor.y() - box.height() / 2)
        placed.append(PlacedLabel(key, text, box, anchor, left))
    gap = min((box.height() for box in sizes.values()), default=0.0) * 0.2
    for side in (True, False):
        _spread([p for p in placed if p.left == side], frame, gap)
    return placed


def _spread(column: list[PlacedLabel], frame: QRectF, gap: float) -> None:
    """Push one column's chips apart top to bottom, then back up from the frame's bottom, inside the frame."""
    column.sort(key=lambda p: p.anchor.y())
    edge = frame.top()
    for label in column:
        label.box.moveTop(max(label.box.top(), edge))
        edge = label.box.bottom() + gap
    edge = frame.bottom()
    for label in reversed(column):
        label.box.moveBottom(min(label.box.bottom(), edge))
        edge = label.box.top() - gap


def draw_labels(painter: QPainter, labels: list[PlacedLabel], px: float, text: QColor, ground: QColor) -> None:
    """Leader lines (with a halo of background so they show on any part of the drawing), then chips and text."""
    width = max(2.0, px / 12)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for colour, line in ((ground, width * 2.6), (text, width)):
        painter.setPen(QPen(colour, line, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for label in labels:
            painter.drawLine(label.start, label.anchor)
    painter.setPen(QPen(ground, width))
    painter.setBrush(text)
    for label in labels:
        painter.drawEllipse(label.anchor, width * 2.2, width * 2.2)
    painter.setFont(label_font(px))
    for label in labels:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ground)
        radius = min(label.box.height() / 2, px * 0.7)
        painter.drawRoundedRect(label.box, radius, radius)
        painter.setPen(text)
        painter.drawText(label.box, int(Qt.AlignmentFlag.AlignCenter) | int(_WRAP), label.text)
    painter.restore()
