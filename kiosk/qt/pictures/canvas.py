"""The drawing context every picture draws with: design box, derived colours, shape primitives."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from kiosk.qt.pictures.geometry import (
    _append_spline,
    _decimate,
    _line,
    _perp,
    _profile,
    _smooth,
    _spline_samples,
    _unit,
)
from kiosk.qt.pictures.labels import DEFAULT_LABELS, _Label
from kiosk.qt.pictures.palette import IllustrationPalette, _alpha, _mix

DESIGN = 1000.0  # the logical design box every illustration is drawn in


class _Ctx:
    """Drawing state handed to each illustration: painter, palette, derived colours, pending labels."""

    def __init__(
        self,
        painter: QPainter,
        palette: IllustrationPalette,
        phase: float,
        labels: Mapping[str, str] | None,
        base: QTransform,
    ) -> None:
        self.p = painter
        self.pal = palette
        self.phase = phase
        self.ow = 5.0  # outline width in design units
        self.texts = {**DEFAULT_LABELS, **{k: v for k, v in (labels or {}).items() if v}}
        self.pending: list[_Label] = []
        self._to_target = base.inverted()[0]  # device -> target-rect coordinates
        bg, acc, out = palette.background, palette.accent, palette.outline
        self.backdrop = _mix(bg, acc, 0.08)
        self.figure = _mix(bg, acc, 0.22)
        self.figure_far = _mix(bg, acc, 0.36)
        self.hair = _mix(_mix(bg, acc, 0.3), out, 0.55)
        self.muscle_line = _mix(palette.muscle, out, 0.5)
        self.fibre = _mix(palette.muscle, QColor("#FFFFFF"), 0.4)
        self.other_line = _mix(palette.muscle_other, out, 0.5)
        self.other_fibre = _mix(palette.muscle_other, QColor("#FFFFFF"), 0.4)
        self.bone_shade = _mix(palette.bone, out, 0.12)
        self.bone_detail = _mix(palette.bone, out, 0.4)
        self.disc = _mix(palette.bone, acc, 0.35)
        self.organ = _mix(bg, acc, 0.42)
        self.soft_line = _mix(out, bg, 0.45)

    # -- labels -------------------------------------------------------------------------------------
    def label(
        self,
        key: str,
        anchor: QPointF | None,
        pos: QPointF,
        align: str = "left",
        small: bool = False,
        chip: bool = True,
    ) -> None:
        """Queue a label; it is drawn last, in target coordinates, so its size follows the rectangle."""
        t = self.p.worldTransform() * self._to_target
        self.pending.append(
            _Label(
                self.texts.get(key, key),
                t.map(anchor) if anchor is not None else None,
                t.map(pos),
                align,
                small,
                chip,
            )
        )

    # -- transforms ---------------------------------------------------------------------------------
    @contextmanager
    def local(self, dx: float, dy: float, scale: float = 1.0, rotate: float = 0.0) -> Iterator[None]:
        """Draw a sub-picture in its own coordinates; outline widths stay visually constant."""
        self.p.save()
        old = self.ow
        self.p.translate(dx, dy)
        self.p.rotate(rotate)
        self.p.scale(scale, scale)
        self.ow = old / scale
        try:
            yield
        finally:
            self.ow = old
            self.p.restore()

    # -- primitives ---------------------------------------------------------------------------------
    def pen(self, color: QColor, width: float | None = None) -> QPen:
        pen = QPen(color, self.ow if width is None else width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def shape(self, path: QPainterPath, fill: QColor | QBrush, line: QColor | None = None,
              width: float | None = None) -> None:
        self.p.fillPath(path, QBrush(fill) if isinstance(fill, QColor) else fill)
        if line is not None:
            self.p.strokePath(path, self.pen(line, width))

    def merged(self, paths: Sequence[QPainterPath], fill: QColor, line: QColor | None = None,
               width: float | None = None) -> None:
        """Outline every part, then fill every part: overlapping parts read as one silhouette."""
        line = self.pal.outline if line is None else line
        w = self.ow if width is None else width
        pen = self.pen(line, 2 * w)
        for path in paths:
            self.p.strokePath(path, pen)
        for path in paths:
            self.p.fillPath(path, fill)

    def stroke(self, path: QPainterPath, color: QColor, width: float) -> None:
        self.p.strokePath(path, self.pen(color, width))

    def tube(self, path: QPainterPath, fill: QColor, width: float, line: QColor | None = None) -> None:
        """A thick rounded stroke with an outline (ribs, rails, colon, handle)."""
        line = self.pal.outline if line is None else line
        self.stroke(path, line, width + 2 * self.ow)
        self.stroke(path, fill, width)

    def bone(self, path: QPainterPath) -> None:
        self.shape(path, self.pal.bone, self.pal.outline)

    def arrow(self, start: QPointF, end: QPointF, color: QColor, width: float, head: float | None = None) -> None:
        head = width * 2.6 if head is None else head
        u = _unit(end - start)
        n = _perp(u)
        base = end - u * head
        self.stroke(_line(start, base), color, width)
        tri = QPolygonF([end, base + n * (head * 0.62), base - n * (head * 0.62)])
        path = QPainterPath()
        path.addPolygon(tri)
        path.closeSubpath()
        self.p.fillPath(path, color)
        self.p.strokePath(path, self.pen(color, width * 0.5))

    def curved_arrow(self, points: Sequence[QPointF], color: QColor, width: float,
                     head: float | None = None) -> None:
        head = width * 2.6 if head is None else head
        path = _smooth(points, closed=False)
        length = path.length()
        cut = max(0.0, (length - head * 0.8) / length) if length > 0 else 0.0
        # Shorten the shaft so the round cap does not poke through the arrow head.
        shaft = QPainterPath(path.pointAtPercent(0))
        steps = 24
        for i in range(1, steps + 1):
            shaft.lineTo(path.pointAtPercent(path.percentAtLength(length * cut * i / steps)))
        self.stroke(shaft, color, width)
        end = points[-1]
        tail = path.pointAtPercent(path.percentAtLength(max(0.0, length - head)))
        u = _unit(end - tail)
        n = _perp(u)
        base = end - u * head
        tri = QPainterPath()
        tri.addPolygon(QPolygonF([end, base + n * (head * 0.62), base - n * (head * 0.62)]))
        tri.closeSubpath()
        self.p.fillPath(tri, color)
        self.p.strokePath(tri, self.pen(color, width * 0.5))

    def muscle(
        self,
        points: Sequence[QPointF],
        stops: Sequence[tuple[float, float]],
        fill: QColor | None = None,
        line: QColor | None = None,
        fibre: QColor | None = None,
        fibres: int = 3,
        opacity: float = 1.0,
    ) -> QPainterPath:
        """A spindle-shaped muscle band along a smooth centre line, with fibre lines for texture."""
        fill = self.pal.muscle if fill is None else fill
        line = self.muscle_line if line is None else line
        fibre = self.fibre if fibre is None else fibre
        centre = _smooth(points, closed=False)
        pts = _spline_samples(points, 48)
        samples = len(pts) - 1
        normals = []
        for i in range(samples + 1):
            a, b = pts[max(0, i - 1)], pts[min(samples, i + 1)]
            normals.append(_perp(_unit(b - a)))
        widths = [_profile(stops, i / samples) for i in range(samples + 1)]
        left = [pts[i] + normals[i] * widths[i] for i in range(samples + 1)]
        right = [pts[i] - normals[i] * widths[i] for i in range(samples + 1)]
        # Edges as smooth curves through every 4th sample: as exact to the eye, and far cheaper to stroke
        # than a long polyline with round joins.
        band = QPainterPath(left[0])
        _append_spline(band, _decimate(left, 4))
        # Rounded tips: a short curve around each end instead of a cut.
        tip_end = pts[-1] + _unit(pts[-1] - pts[-2]) * widths[-1]
        band.quadTo(tip_end, right[-1])
        _append_spline(band, _decimate(right[::-1], 4))
        tip_start = pts[0] - _unit(pts[1] - pts[0]) * widths[0]
        band.quadTo(tip_start, left[0])
        band.closeSubpath()
        self.p.save()
        self.p.setOpacity(self.p.opacity() * opacity)
        self.p.fillPath(band, fill)
        if fibres:
            fpen = self.pen(_alpha(fibre, 0.75), max(self.ow * 0.55, 1.2))
            for k in range(fibres):
                f = -0.6 + 1.2 * (k + 0.5) / fibres
                line_pts = [pts[i] + normals[i] * (widths[i] * f) for i in range(2, samples - 1)]
                fl = QPainterPath(line_pts[0])
                _append_spline(fl, _decimate(line_pts, 4))
                self.p.strokePath(fl, fpen)
        self.p.strokePath(band, self.pen(line, self.ow * 0.8))
        self.p.restore()
        return centre


def _backdrop(ctx: _Ctx, cx: float = 500, cy: float = 500, r: float = 455) -> None:
    """Soft disc behind every picture: gives the set one calm, consistent look."""
    ctx.p.setPen(Qt.PenStyle.NoPen)
    ctx.p.setBrush(ctx.backdrop)
    ctx.p.drawEllipse(QPointF(cx, cy), r, r)
