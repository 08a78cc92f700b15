"""On-picture labels: their default texts and size, and laying the chips out inside the rectangle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from kiosk.qt.pictures.palette import IllustrationPalette, _alpha, _mix

MIN_LABEL_PX = 14.0

# Every on-picture label key, with the English fallback. Content files pass translations for these keys.
DEFAULT_LABELS: dict[str, str] = {
    "psoas": "Psoas",
    "spine": "Spine",
    "pelvis": "Pelvis",
    "femur": "Thigh bone",
    "diaphragm": "Diaphragm",
    "disc": "Disc",
    "organs": "Organs",
    "stress": "Stress",
    "front": "Front",
    "back": "Back",
    "t12": "T12",
    "l5": "L5",
}


@dataclass
class _Label:
    text: str
    anchor: QPointF | None  # target coordinates (already mapped out of the design box)
    pos: QPointF
    align: str  # "left": chip starts at pos; "right": chip ends at pos; "center"
    small: bool
    chip: bool


def label_pixel_size(rect: QRectF, small: bool = False) -> float:
    """Label text size for a target rectangle: follows its height, never below 14 px."""
    return max(MIN_LABEL_PX, rect.height() / (28.0 if small else 25.0))


def _label_font(px: float) -> QFont:
    font = QFont()
    font.setFamilies(["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial"])
    font.setPixelSize(max(1, round(px)))
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _draw_labels(painter: QPainter, rect: QRectF, design: QRectF, labels: Sequence[_Label],
                 pal: IllustrationPalette) -> None:
    """Lay out and draw the queued labels in target coordinates.

    Chips sit where the picture designed them, unless the text is large compared with the picture (a narrow
    portrait slot, where a chip would cover the drawing): then they move to spare space beside the picture
    (left/right or top/bottom bands). They are always clamped inside `rect` and pushed apart.
    """
    if not labels:
        return
    margin = max(2.0, rect.height() * 0.004) + 1.0
    inner = rect.adjusted(margin, margin, -margin, -margin)
    gap = label_pixel_size(rect) * 0.5
    items: list[list] = [_place_label(painter, lab, rect, design, inner, gap) for lab in labels]

    _spread_bands(items, inner, gap)
    _push_apart([it for it in items if it[4] in ("design", "left", "right")], inner)

    line_w = max(1.5, label_pixel_size(rect) / 14)
    _draw_leaders(painter, items, line_w, pal)  # leaders first, chips on top
    _draw_chips(painter, items, line_w, pal)


def _place_label(painter: QPainter, lab: _Label, rect: QRectF, design: QRectF, inner: QRectF,
                 gap: float) -> list:
    """One label's layout item: [label, font, text, box, zone], its box where the picture asked for it."""
    px = label_pixel_size(rect, lab.small)
    pad_x, pad_y = (px * 0.45, px * 0.16) if lab.chip else (0.0, 0.0)
    px, font, text, width, height = _fit_text(painter, lab.text, px, inner.width() - 2 * pad_x)
    box = QRectF(0, 0, width + 2 * pad_x, height + 2 * pad_y)
    if lab.align == "left":
        box.moveTopLeft(QPointF(lab.pos.x(), lab.pos.y() - box.height() / 2))
    elif lab.align == "right":
        box.moveTopRight(QPointF(lab.pos.x(), lab.pos.y() - box.height() / 2))
    else:
        box.moveCenter(lab.pos)
    zone = "design"
    crowded = px > design.height() * 0.05  # text big for the picture: a tall, narrow slot
    if lab.anchor is not None and lab.chip and crowded:
        zone = _move_beside_picture(box, lab.pos, lab.anchor, design, inner, gap)
    return [lab, font, text, _clamp_box(box, inner), zone]


def _fit_text(painter: QPainter, text: str, px: float, avail: float) -> tuple[float, QFont, str, float, float]:
    """Font size, font, text, width and height for a label that must fit in `avail` pixels."""
    font = _label_font(px)
    fm = QFontMetricsF(font, painter.device())
    width = fm.horizontalAdvance(text)
    if width > avail:  # long translations: shrink towards the floor, then elide as a last resort
        px = max(MIN_LABEL_PX, px * avail / width)
        font = _label_font(px)
        fm = QFontMetricsF(font, painter.device())
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, avail)
        width = fm.horizontalAdvance(text)
    return px, font, text, width, fm.height()


def _move_beside_picture(box: QRectF, pos: QPointF, anchor: QPointF, design: QRectF, inner: QRectF,
                         gap: float) -> str:
    """Move a crowded chip into spare room beside the picture, if there is any; returns its new zone."""
    left_side = pos.x() < design.center().x()
    side_room = (design.left() - inner.left()) if left_side else (inner.right() - design.right())
    top_side = anchor.y() < design.center().y()
    band_room = (design.top() - inner.top()) if top_side else (inner.bottom() - design.bottom())
    if side_room >= box.width() + gap:
        if left_side:
            box.moveRight(design.left() - gap * 0.5)
        else:
            box.moveLeft(design.right() + gap * 0.5)
        return "left" if left_side else "right"
    if band_room >= box.height() + gap * 0.5:
        box.moveCenter(QPointF(anchor.x(), box.center().y()))
        if top_side:
            box.moveBottom(design.top() - gap * 0.25)
        else:
            box.moveTop(design.bottom() + gap * 0.25)
        return "top" if top_side else "bottom"
    return "design"


def _draw_leaders(painter: QPainter, items: list[list], line_w: float, pal: IllustrationPalette) -> None:
    """A line with a dot from each anchor to its chip, for chips that do not already cover their anchor."""
    for lab, _, _, box, _ in items:
        if lab.anchor is None or box.contains(lab.anchor):
            continue
        target = QPointF(min(max(lab.anchor.x(), box.left()), box.right()),
                         min(max(lab.anchor.y(), box.top()), box.bottom()))
        painter.setPen(QPen(_alpha(pal.background, 0.85), line_w * 2.6, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawLine(lab.anchor, target)
        painter.setPen(QPen(pal.label_text, line_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(lab.anchor, target)
        painter.setPen(QPen(pal.background, line_w))
        painter.setBrush(pal.label_text)
        painter.drawEllipse(lab.anchor, line_w * 2.2, line_w * 2.2)


def _draw_chips(painter: QPainter, items: list[list], line_w: float, pal: IllustrationPalette) -> None:
    """Each label's text, on a rounded chip of background colour when it has one."""
    for lab, font, text, box, _ in items:
        if lab.chip:
            painter.setPen(QPen(_mix(pal.label_text, pal.background, 0.55), max(1.0, line_w * 0.8)))
            painter.setBrush(_alpha(pal.background, 0.94))
            r = box.height() / 2
            painter.drawRoundedRect(box, r, r)
        painter.setFont(font)
        painter.setPen(pal.label_text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _spread_bands(items: list[list], inner: QRectF, gap: float) -> None:
    """Top/bottom bands: keep chips in a row ordered by anchor x; wrap to a new row (away from the picture)
    when a row is full."""
    for zone, direction in (("top", -1), ("bottom", 1)):
        band = sorted((it for it in items if it[4] == zone), key=lambda it: it[0].anchor.x())
        if not band:
            continue
        rows: list[list[list]] = [[]]
        used = 0.0
        for it in band:
            w = it[3].width() + gap * 0.5
            if rows[-1] and used + w > inner.width():
                rows.append([])
                used = 0.0
            rows[-1].append(it)
            used += w
        for r, row in enumerate(rows):
            # Sweep right then left so chips keep their order, stay near their anchors and do not overlap.
            x = inner.left()
            for it in row:
                b = it[3]
                b.moveLeft(max(x, min(b.left(), inner.right() - b.width())))
                x = b.right() + gap * 0.5
            x = inner.right()
            for it in reversed(row):
                b = it[3]
                b.moveRight(min(x, b.right()))
                x = b.left() - gap * 0.5
            for it in row:
                it[3].translate(0, direction * r * (it[3].height() + gap * 0.3))
                it[3] = _clamp_box(it[3], inner)


def _push_apart(items: list[list], inner: QRectF) -> None:
    """Vertically separate chips that overlap (lower one down, or everything up at the bottom edge)."""
    for _ in range(8):
        moved = False
        order = sorted(items, key=lambda it: it[3].top())
        for a, b in pairwise(order):
            if a[3].intersects(b[3]):
                shift = a[3].bottom() - b[3].top() + 4
                nb = QRectF(b[3])
                nb.translate(0, shift)
                if nb.bottom() > inner.bottom():
                    na = QRectF(a[3])
                    na.translate(0, -(nb.bottom() - inner.bottom()))
                    a[3] = _clamp_box(na, inner)
                b[3] = _clamp_box(nb, inner)
                moved = True
        if not moved:
            break


def _clamp_box(box: QRectF, inner: QRectF) -> QRectF:
    out = QRectF(box)
    if out.right() > inner.right():
        out.moveRight(inner.right())
    if out.left() < inner.left():
        out.moveLeft(inner.left())
    if out.bottom() > inner.bottom():
        out.moveBottom(inner.bottom())
    if out.top() < inner.top():
        out.moveTop(inner.top())
    return out
