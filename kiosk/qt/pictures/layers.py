"""A picture laid out and rendered for one size, look and set of labels: the pixmaps PictureView paints, cached.

QtSvg takes tens of milliseconds for a detailed picture, far too slow for every frame, so each part (still run or
moving group, drawn each frame under its motion) renders once into a pixmap only as large as what it draws, labels
into the topmost still one. A few recent layouts are kept: a slide prepared ahead or come round again shows at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from kiosk.qt.pictures.document import PictureDocument, PicturePart
from kiosk.qt.pictures.labels import PlacedLabel, chip_sizes, columns, draw_labels, place_labels

MARGIN = 0.02  # share of the shorter side kept clear at the frame's edge
_KEEP = 3  # layouts kept (up to a few MB each at 1080p): the slide on show, the next one prepared, the last


@dataclass
class Layers:
    figure: QRectF  # where the viewBox goes in the view
    placed: list[PlacedLabel]
    images: list[tuple[QPixmap, QPointF]]  # per part: its pixmap and where its top-left goes (moving: at rest)
    overlay: QPixmap | None  # the labels, when a moving group is the topmost part


_cache: OrderedDict[tuple, Layers] = OrderedDict()


def layers_for(document: PictureDocument, size: QSize, dpr: float, labels: Mapping[str, str], px: float,
               ground: QColor, ink: QColor) -> Layers:
    """The rendered layers for this picture at this size with these labels and colours (cached)."""
    key = (document, size.width(), size.height(), dpr, tuple(labels.items()), px, ground.rgba(), ink.rgba())
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    layers = _render(document, size, dpr, labels, px, ground, ink)
    _cache[key] = layers
    while len(_cache) > _KEEP:
        _cache.popitem(last=False)
    return layers


def _render(document: PictureDocument, size: QSize, dpr: float, labels: Mapping[str, str], px: float,
            ground: QColor, ink: QColor) -> Layers:
    margin = max(2.0, min(size.width(), size.height()) * MARGIN)
    frame = QRectF(0, 0, size.width(), size.height()).adjusted(margin, margin, -margin, -margin)
    texts = {k: v for k, v in labels.items() if k in document.anchors and v}
    sizes = chip_sizes(texts, px, frame)
    left, right = columns(document.anchors, document.content.center().x(), sizes)
    figure = document.fitted(frame.adjusted(left, 0, -right, 0))
    to_view = document.to_target(figure)
    anchors = {k: to_view.map(document.anchors[k]) for k in texts}
    placed = place_labels(texts, anchors, sizes, frame, to_view.mapRect(document.content))

    def draw_labels_on(painter: QPainter) -> None:
        draw_labels(painter, placed, px, ink, ground)

    view, reach, labelled = QRectF(0, 0, size.width(), size.height()), max(2.0, px / 12) * 3, QRectF()
    for label in placed:  # its chip; its leader line, the line's halo and the anchor's dot
        labelled |= label.box | QRectF(label.start, label.anchor).normalized().adjusted(-reach, -reach, reach, reach)
    images = []
    for i, part in enumerate(document.parts):
        top = i == len(document.parts) - 1 and not part.motion
        box = to_view.mapRect(part.bounds) | (labelled if top else QRectF())
        area = QRectF(box.adjusted(-4, -4, 4, 4).toAlignedRect())  # whole pixels: painted as it is in the view
        rect = area if part.motion else area & view if part.bounds.isValid() and float(dpr).is_integer() else view

        def paint(painter: QPainter, part: PicturePart = part, top: bool = top, rect: QRectF = rect) -> None:
            painter.translate(-rect.topLeft())
            document.paint_part(painter, part, figure)
            if top:
                draw_labels_on(painter)

        images.append((_pixmap(rect, dpr, paint), rect.topLeft()))
    overlay = _pixmap(view, dpr, draw_labels_on) if not document.parts or document.parts[-1].motion else None
    return Layers(figure, placed, images, overlay)


def _pixmap(rect: QRectF, dpr: float, paint: Callable[[QPainter], None]) -> QPixmap:
    pixmap = QPixmap(max(1, round(rect.width() * dpr)), max(1, round(rect.height() * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(painter)
    painter.end()
    return pixmap
