"""Painting an illustration into a rectangle: fit the design box, run the layers, cache still ones."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from kiosk.qt.pictures.canvas import DESIGN, _Ctx
from kiosk.qt.pictures.labels import _draw_labels, _Label
from kiosk.qt.pictures.palette import IllustrationPalette
from kiosk.qt.pictures.registry import ILLUSTRATIONS, Illustration


def _fit(rect: QRectF) -> tuple[float, QRectF]:
    """Scale and target square of the design box inside `rect` (aspect kept, centred)."""
    scale = min(rect.width(), rect.height()) / DESIGN
    side = DESIGN * scale
    return scale, QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)


def _run_layer(painter: QPainter, rect: QRectF, draw: Callable[[_Ctx], None], phase: float,
               pal: IllustrationPalette, labels: Mapping[str, str] | None) -> list[_Label]:
    """Draw one layer in design coordinates; returns the labels it queued (in `rect` coordinates)."""
    base = painter.worldTransform()
    scale, design = _fit(rect)
    painter.save()
    painter.translate(design.x(), design.y())
    painter.scale(scale, scale)
    ctx = _Ctx(painter, pal, phase, labels, base)
    try:
        draw(ctx)
    finally:
        painter.restore()
    return ctx.pending


@dataclass
class _LayerCache:
    """Rendered phase-independent layers for one size/palette/labels combination.

    Each entry: the layer image cropped to its content, where to put it (device pixels from the rect's
    corner) and the labels the layer queued.
    """

    key: tuple = ()
    images: dict[int, tuple[QImage, QPointF, list[_Label]]] = field(default_factory=dict)


def _crop_to_content(image: QImage) -> tuple[QImage, QPointF]:
    """Trim fully transparent margins so re-blitting a cached layer touches only the pixels it covers."""
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    row_bytes = w * 4
    zero = bytes(row_bytes)
    rows = [y for y in range(h) if data[y * bpl:y * bpl + row_bytes] != zero]
    if not rows:
        return image.copy(0, 0, 1, 1), QPointF(0, 0)
    top, bottom = rows[0], rows[-1]
    acc = 0
    for y in rows:
        acc |= int.from_bytes(data[y * bpl:y * bpl + row_bytes], "little")
    line = acc.to_bytes(row_bytes, "little")
    left = (row_bytes - len(line.lstrip(b"\0"))) // 4
    right = (len(line.rstrip(b"\0")) - 1) // 4
    return image.copy(left, top, right - left + 1, bottom - top + 1), QPointF(left, top)


def _palette_key(pal: IllustrationPalette) -> tuple[int, ...]:
    return tuple(getattr(pal, f).rgba() for f in
                 ("background", "outline", "bone", "muscle", "muscle_other", "accent", "label_text"))


def _paint(painter: QPainter, illus: Illustration, rect: QRectF, phase: float, pal: IllustrationPalette,
           labels: Mapping[str, str] | None, cache: _LayerCache | None = None, dpr: float = 1.0) -> None:
    phase = (phase % 1.0) if illus.animated else 0.0
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip if painter.hasClipping()
                            else Qt.ClipOperation.ReplaceClip)
        pending: list[_Label] = []
        for index, (moving, draw) in enumerate(illus.layers):
            if cache is None or moving:
                pending += _run_layer(painter, rect, draw, phase, pal, labels)
                continue
            entry = cache.images.get(index)
            if entry is None:
                # Rendered at the device's own resolution, so the cached layer is exactly as crisp as
                # drawing the vectors directly.
                image = QImage(max(1, math.ceil(rect.width() * dpr)), max(1, math.ceil(rect.height() * dpr)),
                               QImage.Format.Format_ARGB32_Premultiplied)
                image.setDevicePixelRatio(dpr)
                image.fill(Qt.GlobalColor.transparent)
                ip = QPainter(image)
                ip.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                ip.translate(-rect.x(), -rect.y())
                try:
                    layer_labels = _run_layer(ip, rect, draw, phase, pal, labels)
                finally:
                    ip.end()
                cropped, offset = _crop_to_content(image)
                cropped.setDevicePixelRatio(dpr)
                entry = (cropped, offset / dpr, layer_labels)
                cache.images[index] = entry
            painter.drawImage(rect.topLeft() + entry[1], entry[0])
            pending += entry[2]
        painter.setOpacity(1.0)
        _draw_labels(painter, rect, _fit(rect)[1], pending, pal)
    finally:
        painter.restore()


def paint_illustration(
    painter: QPainter,
    name: str,
    rect: QRectF,
    phase: float = 0.0,
    palette: IllustrationPalette | None = None,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Draw illustration `name` scaled to fit `rect` (aspect kept, centred). Raises KeyError for unknown names.

    Pure vector drawing. Only the picture is painted (no background fill), so it sits on whatever the slide
    painted. `phase` (0..1) is the animation position; static pictures ignore it.
    """
    illus = ILLUSTRATIONS[name]
    rect = QRectF(rect)
    if rect.width() <= 1 or rect.height() <= 1:
        return
    _paint(painter, illus, rect, phase, palette or IllustrationPalette(), labels)
