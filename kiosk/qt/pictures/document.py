"""One slide picture's SVG, ready to paint: recoloured for the look, split into still runs and moving groups.

Top-level elements paint in document order. Each run of still ones, and each valid `move-*` group, becomes its own
QtSvg document (shared style and defs copied in), so each renders once into a pixmap (layers.py)."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache, reduce
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.pictures import SVG_NS, Motion, local, palette_css, read_motion

log = logging.getLogger(__name__)

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_SHARED = {"style", "defs", "title", "desc", "metadata"}  # no pixels of their own: copied into every part


@dataclass
class PicturePart:
    """A still run (motion None) or one moving group, as its own renderer over the whole viewBox."""

    renderer: QSvgRenderer
    motion: Motion | None
    bounds: QRectF  # what it covers, in viewBox units (empty: not known, e.g. a still element without an id)


class PictureDocument:
    """A picture file in one look (normal or high contrast): its parts, viewBox, anchors and loop length."""

    def __init__(self, path: Path, high_contrast: bool) -> None:
        self.path = path
        self.parts: list[PicturePart] = []
        self.anchors: dict[str, QPointF] = {}
        self.view_box = QRectF(0, 0, 1000, 1000)
        self.content = QRectF(self.view_box)  # what is drawn (moving groups at every pose), in viewBox units
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            log.warning("picture %s cannot be read (%s); shown empty", path.name, exc.__class__.__name__)
            return
        _set_palette(root, high_contrast)
        shared = [e for e in root if local(e.tag) in _SHARED]
        run: list[ET.Element] = []
        for element in [*root, None]:  # None: the end, where the last run of still elements is closed
            motion = read_motion(element)[0] if element is not None and _ident(element).startswith("move-") else None
            if element is not None and motion is None:
                run += [] if local(element.tag) in _SHARED else [element]
                continue
            if run:
                self.parts.append(_still_part(root, shared, run))
                run = []
            if element is not None:
                self.parts.append(PicturePart(_renderer(root, [*shared, element]), motion, QRectF()))
        if not self.parts or not all(part.renderer.isValid() for part in self.parts):
            log.warning("picture %s is not an SVG QtSvg can draw; shown empty", path.name)
            self.parts = []
            return
        self.view_box = self.parts[0].renderer.viewBoxF()
        for part in self.parts:
            part.bounds = (self._bounds(part.motion.group) if part.motion else part.bounds) or QRectF()
        anchors = {_ident(e): self._bounds(_ident(e)) for e in root.iter() if _ident(e).startswith("anchor-")}
        self.anchors = {a.removeprefix("anchor-"): box.center() for a, box in anchors.items() if box is not None}
        self.content = self._content(root)

    def _bounds(self, ident: str) -> QRectF | None:
        """An element's bounds in viewBox units (its parents' transforms applied); None when no part has it."""
        for part in self.parts:
            if part.renderer.elementExists(ident):
                return part.renderer.transformForElement(ident).mapRect(part.renderer.boundsOnElement(ident))
        return None

    def _content(self, root: ET.Element) -> QRectF:
        """The drawing's bounds: every top-level layer's, moving groups' at five poses along their way; the
        whole viewBox when a drawn top-level element has no id to ask about."""
        box = QRectF()
        for element in root:
            if local(element.tag) not in _SHARED:
                bounds = self._bounds(_ident(element)) if _ident(element) else None
                if bounds is None:
                    return QRectF(self.view_box)
                box |= bounds
        for part, seconds in [(p, p.motion.seconds) for p in self.parts if p.motion]:
            for step in range(5):  # from start (0 s) to end (half a loop)
                box |= self.motion_in(part, seconds * step / 8).mapRect(part.bounds)
        return box if box.isValid() else QRectF(self.view_box)

    @property
    def cycle_seconds(self) -> float:
        """One loop of the whole picture: its slowest moving group's (0 when nothing moves)."""
        return max((part.motion.seconds for part in self.parts if part.motion), default=0.0)

    def fitted(self, frame: QRectF) -> QRectF:
        """Where the viewBox goes so that the drawing (`content`) is as large as fits in `frame`, aspect kept,
        centred in it. The viewBox's empty margins may reach beyond the frame."""
        box, content = self.view_box, self.content
        scale = min(frame.width() / content.width(), frame.height() / content.height())
        left = frame.center().x() - (content.center().x() - box.left()) * scale
        top = frame.center().y() - (content.center().y() - box.top()) * scale
        return QRectF(left, top, box.width() * scale, box.height() * scale)

    def to_target(self, target: QRectF) -> QTransform:
        """viewBox units -> `target` (a fitted rectangle) coordinates."""
        box = self.view_box
        scale = target.width() / box.width()
        return QTransform(scale, 0, 0, scale, target.left() - box.left() * scale, target.top() - box.top() * scale)

    def motion_in(self, part: PicturePart, seconds: float, target: QRectF | None = None) -> QTransform:
        """A moving group's transform at `seconds`, in viewBox units or those of `target` (a fitted rectangle)."""
        motion = QTransform(*part.motion.matrix(seconds)) if part.motion else QTransform()
        to_target = self.to_target(target) if target else QTransform()
        return to_target.inverted()[0] * motion * to_target

    def paint_part(self, painter: QPainter, part: PicturePart, target: QRectF) -> None:
        """Paint one part into `target` (fitted); a moving group at rest, where the file draws it."""
        painter.save()
        painter.setWorldTransform(self.to_target(target) * painter.worldTransform())
        part.renderer.render(painter, self.view_box)
        painter.restore()


def _set_palette(root: ET.Element, high_contrast: bool) -> None:
    """Give the palette block the kiosk's colours; after the file's own rules, so
    they win for the contract's classes while a clinic's extra classes keep theirs."""
    block = next((e for e in root.iter() if local(e.tag) == "style" and e.get("id") == "palette"), None)
    if block is None:
        block = ET.Element(f"{{{SVG_NS}}}style", {"id": "palette"})
        root.insert(0, block)
    block.text = f"{block.text or ''}\n{palette_css(high_contrast)}"


def _ident(element: ET.Element) -> str:
    return element.get("id") or ""


def _renderer(root: ET.Element, children: list[ET.Element]) -> QSvgRenderer:
    part = ET.Element(root.tag, dict(root.attrib))
    part.extend(children)
    return QSvgRenderer(QByteArray(ET.tostring(part, encoding="utf-8")))


def _still_part(root: ET.Element, shared: list[ET.Element], run: list[ET.Element]) -> PicturePart:
    r = _renderer(root, shared + run)  # its bounds: its elements', empty when one of them has no id to ask about
    boxes = [r.transformForElement(i).mapRect(r.boundsOnElement(i)) for i in map(_ident, run) if r.elementExists(i)]
    return PicturePart(r, None, reduce(QRectF.united, boxes, QRectF()) if len(boxes) == len(run) else QRectF())


@lru_cache(maxsize=3)  # the slides on show, made ready and before: ~2 ms to read one again, ~0.25 MB each
def _cached(path: Path, mtime_ns: int, high_contrast: bool) -> PictureDocument:
    return PictureDocument(path, high_contrast)


def load_picture(path: Path, high_contrast: bool = False) -> PictureDocument:
    """The picture at `path` in the given look; reused while the file is unchanged (a slide paged back to)."""
    return _cached(path, path.stat().st_mtime_ns if path.is_file() else -1, high_contrast)
