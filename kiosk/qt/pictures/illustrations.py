"""Original QPainter illustrations for the psoas education slides, and a vector QR code painter.

Every picture is drawn in code, in one 1000 x 1000 logical design box that is scaled to fit the target
rectangle (aspect ratio kept, centred). Nothing is a bitmap, so the pictures stay crisp from a phone-sized
preview up to a 4K kiosk screen. Labels are the exception to the scaling: they are laid out afterwards in
the target's own coordinates, so their size follows the *rectangle* (readable from a metre away) and they are
clamped inside it, whatever shape the slide gives us.

Style: flat, calm, rounded shapes with a clear outline; the psoas is always `palette.muscle` (coral), other
muscles `muscle_other`, bones `bone`, people a soft tint of `accent`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import segno
from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QPolygonF,
    QRadialGradient,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = [
    "DEFAULT_LABELS",
    "ILLUSTRATIONS",
    "Illustration",
    "IllustrationPalette",
    "IllustrationView",
    "QrCodeView",
    "label_pixel_size",
    "paint_illustration",
    "paint_qr",
]




DESIGN = 1000.0  # the logical design box every illustration is drawn in
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


# --------------------------------------------------------------------------------------------- palette


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


# --------------------------------------------------------------------------------------------- geometry


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)


def _length(v: QPointF) -> float:
    return math.hypot(v.x(), v.y())


def _unit(v: QPointF) -> QPointF:
    n = _length(v)
    return QPointF(1.0, 0.0) if n < 1e-9 else QPointF(v.x() / n, v.y() / n)


def _perp(v: QPointF) -> QPointF:
    """Rotate 90 degrees (on screen: from 'down' to 'left')."""
    return QPointF(-v.y(), v.x())


def _dir(angle_deg: float) -> QPointF:
    """Unit vector for an angle measured from straight down, positive towards +x (forward for a figure)."""
    a = math.radians(angle_deg)
    return QPointF(math.sin(a), math.cos(a))


def _lerp(a: QPointF, b: QPointF, t: float) -> QPointF:
    return a + (b - a) * t


def _ease(phase: float) -> float:
    """0 -> 1 -> 0 over one cycle, smooth at both ends (cosine), so loops have no visible seam."""
    return 0.5 - 0.5 * math.cos(2.0 * math.pi * phase)


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


def _append_spline(path: QPainterPath, points: Sequence[QPointF]) -> None:
    """Append an open Catmull-Rom spline through `points` (the path's current point must be points[0])."""
    n = len(points)
    if n < 3:
        for p in points[1:]:
            path.lineTo(p)
        return
    for i in range(n - 1):
        p0, p1, p2, p3 = points[max(i - 1, 0)], points[i], points[i + 1], points[min(i + 2, n - 1)]
        path.cubicTo(p1 + (p2 - p0) * (1 / 6), p2 - (p3 - p1) * (1 / 6), p2)


def _decimate(points: Sequence[QPointF], step: int) -> list[QPointF]:
    out = list(points[::step])
    if out[-1] is not points[-1]:
        out.append(points[-1])
    return out


def _smooth(points: Sequence[QPointF], closed: bool = True) -> QPainterPath:
    """Catmull-Rom spline through the points as cubic Béziers: organic outlines from a short point list."""
    n = len(points)
    path = QPainterPath(points[0])
    if n < 3:
        for p in points[1:]:
            path.lineTo(p)
        return path
    segments = n if closed else n - 1
    for i in range(segments):
        p0 = points[(i - 1) % n] if closed else points[max(i - 1, 0)]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed else points[min(i + 2, n - 1)]
        path.cubicTo(p1 + (p2 - p0) * (1 / 6), p2 - (p3 - p1) * (1 / 6), p2)
    if closed:
        path.closeSubpath()
    return path


def _spline_samples(points: Sequence[QPointF], count: int) -> list[QPointF]:
    """About `count` points along the same open Catmull-Rom curve as _smooth(..., closed=False).

    Evaluated in plain Python (cheap) instead of querying QPainterPath per point, which matters at 25 fps.
    """
    pts = [(p.x(), p.y()) for p in points]
    n = len(pts)
    if n < 2:
        return [QPointF(*pts[0])] * (count + 1)
    lengths = [math.dist(pts[i], pts[i + 1]) for i in range(n - 1)]
    total = sum(lengths) or 1.0
    out: list[QPointF] = []
    for i in range(n - 1):
        p0, p1, p2, p3 = pts[max(i - 1, 0)], pts[i], pts[i + 1], pts[min(i + 2, n - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        steps = max(2, round(count * lengths[i] / total))
        for j in range(steps):
            t = j / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            out.append(QPointF(a * p1[0] + b * c1[0] + c * c2[0] + d * p2[0],
                               a * p1[1] + b * c1[1] + c * c2[1] + d * p2[1]))
    out.append(QPointF(*pts[-1]))
    return out


def _pts(coords: Sequence[tuple[float, float]]) -> list[QPointF]:
    return [QPointF(x, y) for x, y in coords]


def _qt_angle(v: QPointF) -> float:
    """Angle in QPainterPath.arcTo convention (degrees, counter-clockwise on screen)."""
    return math.degrees(math.atan2(-v.y(), v.x()))


def _capsule(a: QPointF, ra: float, b: QPointF, rb: float) -> QPainterPath:
    """A limb segment: the convex hull of two circles (a tapered, round-ended capsule)."""
    d = b - a
    dist = _length(d)
    path = QPainterPath()
    if dist < 1e-6 or dist <= abs(ra - rb):
        r, c = (ra, a) if ra >= rb else (rb, b)
        path.addEllipse(c, r, r)
        return path
    u = QPointF(d.x() / dist, d.y() / dist)
    n = _perp(u)
    s = max(-0.99, min(0.99, (ra - rb) / dist))
    co = math.sqrt(1 - s * s)
    e1 = u * s + n * co
    e2 = u * s - n * co

    def arc(center: QPointF, r: float, start: QPointF, end: QPointF, through: QPointF) -> None:
        a1, a2, au = _qt_angle(start), _qt_angle(end), _qt_angle(through)
        ccw = (a2 - a1) % 360.0
        sweep = ccw if (au - a1) % 360.0 < ccw else ccw - 360.0
        path.arcTo(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), a1, sweep)

    path.moveTo(a + e1 * ra)
    path.lineTo(b + e1 * rb)
    arc(b, rb, e1, e2, u)
    path.lineTo(a + e2 * ra)
    arc(a, ra, e2, e1, -u)
    path.closeSubpath()
    return path


def _ellipse(cx: float, cy: float, rx: float, ry: float, rotate: float = 0.0) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), rx, ry)
    t = QTransform()
    t.translate(cx, cy)
    t.rotate(rotate)
    return t.map(path)


def _ik(root: QPointF, end: QPointF, l1: float, l2: float, bend: float) -> QPointF:
    """Middle joint (knee/elbow) of a two-bone chain; bend=+1 or -1 picks the side it folds to."""
    d = end - root
    dist = max(abs(l1 - l2) + 1e-3, min(_length(d), l1 + l2 - 1e-3))
    u = _unit(d)
    x = (l1 * l1 - l2 * l2 + dist * dist) / (2 * dist)
    h = math.sqrt(max(0.0, l1 * l1 - x * x))
    return root + u * x + _perp(u) * (h * bend)


def _profile(stops: Sequence[tuple[float, float]], t: float) -> float:
    """Smoothly interpolated width profile along a muscle (t in 0..1)."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (t0, w0), (t1, w1) in pairwise(stops):
        if t <= t1:
            f = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
            f = f * f * (3 - 2 * f)
            return w0 + (w1 - w0) * f
    return stops[-1][1]


# --------------------------------------------------------------------------------------------- context


@dataclass
class _Label:
    text: str
    anchor: QPointF | None  # target coordinates (already mapped out of the design box)
    pos: QPointF
    align: str  # "left": chip starts at pos; "right": chip ends at pos; "center"
    small: bool
    chip: bool


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


def _line(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.lineTo(b)
    return path


def _polyline(points: Sequence[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for q in points[1:]:
        path.lineTo(q)
    return path


# --------------------------------------------------------------------------------------------- shared parts


def _backdrop(ctx: _Ctx, cx: float = 500, cy: float = 500, r: float = 455) -> None:
    """Soft disc behind every picture: gives the set one calm, consistent look."""
    ctx.p.setPen(Qt.PenStyle.NoPen)
    ctx.p.setBrush(ctx.backdrop)
    ctx.p.drawEllipse(QPointF(cx, cy), r, r)


def _vertebra_front(ctx: _Ctx, cx: float, cy: float, w: float, h: float, proc: float,
                    rib: float = 0.0) -> None:
    """A vertebra seen from the front: body with waisted sides, pedicle 'eyes', transverse processes."""
    parts: list[QPainterPath] = []
    for s in (-1, 1):
        a = _pt(cx + s * w * 0.3, cy - h * 0.12)
        b = _pt(cx + s * (w / 2 + proc), cy - h * 0.22)
        parts.append(_capsule(a, h * 0.17, b, h * 0.12))
        if rib > 0:
            # The 12th ribs: short, angled steeply down and out (not a handlebar).
            path = _smooth(_pts([(cx + s * w * 0.4, cy - h * 0.3),
                                 (cx + s * (w / 2 + rib * 0.45), cy + h * 0.1),
                                 (cx + s * (w / 2 + rib), cy + h * 1.5)]), closed=False)
            ctx.tube(path, ctx.pal.bone, h * 0.24)
    ctx.merged(parts, ctx.pal.bone)
    x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
    r = h * 0.28
    body = QPainterPath(_pt(x0 + r, y0))
    body.quadTo(_pt(cx, y0 - h * 0.05), _pt(x1 - r, y0))
    body.quadTo(_pt(x1, y0), _pt(x1, y0 + r))
    body.quadTo(_pt(x1 - w * 0.06, cy), _pt(x1, y1 - r))
    body.quadTo(_pt(x1, y1), _pt(x1 - r, y1))
    body.quadTo(_pt(cx, y1 + h * 0.05), _pt(x0 + r, y1))
    body.quadTo(_pt(x0, y1), _pt(x0, y1 - r))
    body.quadTo(_pt(x0 + w * 0.06, cy), _pt(x0, y0 + r))
    body.quadTo(_pt(x0, y0), _pt(x0 + r, y0))
    ctx.bone(body)
    detail = ctx.pen(_alpha(ctx.bone_detail, 0.8), ctx.ow * 0.6)
    ctx.p.setPen(detail)
    ctx.p.setBrush(Qt.BrushStyle.NoBrush)
    for s in (-1, 1):  # pedicles, as seen through the body on a front view
        ctx.p.drawEllipse(_pt(cx + s * w * 0.3, cy - h * 0.08), w * 0.075, h * 0.2)
    ctx.p.drawEllipse(_pt(cx, cy + h * 0.1), w * 0.04, h * 0.16)  # spinous process tip


def _disc_front(ctx: _Ctx, cx: float, cy: float, w: float, h: float) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(cx - w / 2, cy - h / 2, w, h), h * 0.45, h * 0.45)
    ctx.shape(path, ctx.disc, ctx.pal.outline, ctx.ow * 0.8)


# Front-view lumbopelvic model, in "skeleton" coordinates (centre line x=500; T12 at y=105, L5 at y=445).
_LEVELS: list[tuple[str, float, float, float]] = [  # name, centre y, body width, process length
    ("T12", 105, 112, 22),
    ("L1", 173, 118, 44),
    ("L2", 241, 124, 52),
    ("L3", 309, 132, 60),
    ("L4", 377, 140, 54),
    ("L5", 445, 148, 48),
]
_VERT_H = 52.0
_HIP_BONE = [
    (72, 455), (110, 425), (175, 407), (225, 423), (252, 470), (255, 503), (238, 525), (240, 553),
    (228, 580), (225, 615), (218, 655), (195, 690), (165, 745), (130, 763), (100, 750), (60, 733),
    (22, 727), (14, 700), (14, 667), (45, 655), (90, 643), (125, 610), (130, 570), (112, 533), (88, 515),
    (72, 500),
]
_FOSSA = [(98, 462), (150, 438), (210, 440), (236, 478), (224, 528), (182, 560), (138, 575), (112, 540)]
_SACRUM = [(0, 470), (60, 472), (92, 492), (84, 540), (66, 590), (40, 636), (14, 668), (0, 690)]
_FEMUR = [
    (194, 606), (222, 620), (246, 606), (258, 590), (278, 606), (285, 648), (270, 702), (262, 790),
    (253, 890), (246, 1000), (196, 1000), (201, 890), (206, 790), (208, 752), (193, 738), (197, 716),
    (206, 692), (200, 670), (184, 654),
]
_FEMUR_HEAD = (174.0, 621.0, 38.0)
_PSOAS = [(56, 96), (80, 190), (104, 300), (124, 410), (137, 505), (134, 585), (148, 664), (188, 737)]
_PSOAS_W = [(0.0, 5.0), (0.1, 15.0), (0.35, 33.0), (0.55, 39.0), (0.72, 30.0), (0.87, 17.0), (1.0, 6.0)]
_ILIACUS = [(150, 452), (205, 444), (236, 478), (230, 522), (200, 552), (170, 572), (146, 566), (136, 530),
            (132, 484)]


def _side(coords: Sequence[tuple[float, float]], s: int, cx: float = 500.0) -> list[QPointF]:
    return [QPointF(cx + s * x, y) for x, y in coords]


def _sym_shape(half: Sequence[tuple[float, float]], cx: float = 500.0) -> QPainterPath:
    """Closed smooth shape from its right half (listed top to bottom on the centre line ends)."""
    right = list(half)
    left = [(-x, y) for x, y in reversed(right[1:-1])]
    return _smooth([QPointF(cx + x, y) for x, y in right + left])


def _draw_spine_front(ctx: _Ctx, levels: Sequence[tuple[str, float, float, float]] = _LEVELS,
                      tag_levels: Sequence[str] = (), ribs_on_t12: bool = True) -> None:
    for (_, cy, w, _), (_, ny, nw, _) in pairwise(levels):
        _disc_front(ctx, 500, (cy + ny) / 2, min(w, nw) * 0.94, ny - cy - _VERT_H + 8)
    for name, cy, w, proc in levels:
        _vertebra_front(ctx, 500, cy, w, _VERT_H, proc, rib=105 if (name == "T12" and ribs_on_t12) else 0)
        if name in tag_levels:
            ctx.label(name.lower(), None, _pt(500, cy + 2), align="center", small=True, chip=False)


def _draw_pelvis(ctx: _Ctx, fade_end: float = 975.0, iliacus: bool = True) -> None:
    """Sacrum, both hip bones, both femurs (fading out down the shaft) and optionally the iliacus."""
    sacrum = _sym_shape(_SACRUM)
    ctx.bone(sacrum)
    dpen = ctx.pen(ctx.bone_detail, ctx.ow * 0.6)
    for i, (dy, dx, r) in enumerate([(512, 36, 9), (546, 31, 8), (580, 25, 7), (612, 18, 6)]):
        for s in (-1, 1):
            ctx.shape(_ellipse(500 + s * dx, dy, r * 1.2, r), ctx.bone_shade, ctx.bone_detail, ctx.ow * 0.5)
        if i < 3:
            ctx.p.strokePath(_line(_pt(500 - dx + 14, dy + 17), _pt(500 + dx - 14, dy + 17)), dpen)
    for s in (-1, 1):
        hip = _smooth(_side(_HIP_BONE, s))
        hole = _ellipse(500 + s * 106, 702, 36, 26, rotate=-22 * s)
        ctx.shape(hip.subtracted(hole), ctx.pal.bone, ctx.pal.outline)
        ctx.shape(_smooth(_side(_FOSSA, s)), ctx.bone_shade)
        hx, hy, hr = _FEMUR_HEAD
        ctx.shape(_ellipse(500 + s * hx, hy, hr + 9, hr + 9), ctx.bone_shade, ctx.bone_detail, ctx.ow * 0.6)
    for s in (-1, 1):
        grad = QLinearGradient(0, fade_end - 150, 0, fade_end)
        grad.setColorAt(0, ctx.pal.bone)
        grad.setColorAt(1, _alpha(ctx.pal.bone, 0))
        lgrad = QLinearGradient(0, fade_end - 150, 0, fade_end)
        lgrad.setColorAt(0, ctx.pal.outline)
        lgrad.setColorAt(1, _alpha(ctx.pal.outline, 0))
        femur = _smooth(_side(_FEMUR, s))
        hx, hy, hr = _FEMUR_HEAD
        head = _ellipse(500 + s * hx, hy, hr, hr)
        body = femur.united(head)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, DESIGN, fade_end))
        body = body.intersected(clip)
        ctx.p.fillPath(body, QBrush(grad))
        pen = QPen(QBrush(lgrad), ctx.ow)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        ctx.p.strokePath(body, pen)
        # The greater trochanter ridge and the head-neck junction: a hint of relief so the ball reads.
        ctx.p.strokePath(_smooth(_side([(250, 618), (260, 652), (252, 690)], s), closed=False), dpen)
        hx, hy, hr = _FEMUR_HEAD
        junction = QPainterPath()
        jr = QRectF(500 + s * hx - hr, hy - hr, 2 * hr, 2 * hr)
        start = -50.0 if s > 0 else 130.0
        junction.arcMoveTo(jr, start)
        junction.arcTo(jr, start, 100.0)
        ctx.p.strokePath(junction, dpen)
    if iliacus:
        for s in (-1, 1):
            pts = _side(_ILIACUS, s)
            path = _smooth(pts)
            ctx.shape(path, _alpha(ctx.pal.muscle_other, 0.92), ctx.other_line, ctx.ow * 0.7)
            fpen = ctx.pen(_alpha(ctx.other_fibre, 0.8), ctx.ow * 0.5)
            tip = _pt(500 + s * 160, 572)
            for fx, fy in [(165, 462), (200, 458), (222, 490), (222, 525)]:
                ctx.p.strokePath(_smooth([_pt(500 + s * fx, fy + 12), _lerp(_pt(500 + s * fx, fy + 12), tip, 0.5)
                                          + _pt(-s * 6, 0), tip - _pt(0, 18)], closed=False), fpen)


def _psoas_front_points(s: int) -> list[QPointF]:
    return _side(_PSOAS, s)


def _draw_psoas_pair(ctx: _Ctx, tense: float = 0.0) -> None:
    """Both psoas muscles on the front model; `tense` (0..1) thickens and darkens them."""
    stops = [(t, w * (1 + 0.28 * tense)) for t, w in _PSOAS_W]
    fill = _mix(ctx.pal.muscle, ctx.pal.outline, 0.12 * tense)
    for s in (-1, 1):
        ctx.muscle(_psoas_front_points(s), stops, fill=fill)


# -- side-view figure -----------------------------------------------------------------------------------


@dataclass
class _SidePose:
    """A person seen from the side, facing +x. Joints in design coordinates; k scales the whole body."""

    hip: QPointF
    lean: float  # torso lean forward from vertical, degrees
    near_knee: QPointF
    near_ankle: QPointF
    near_foot: float  # foot direction, _dir() convention (90 = pointing forward)
    far_knee: QPointF
    far_ankle: QPointF
    far_foot: float
    near_elbow: QPointF
    near_wrist: QPointF
    far_elbow: QPointF
    far_wrist: QPointF
    head_tilt: float = 0.0
    k: float = 1.0

    def tl(self, x: float, y: float) -> QPointF:
        """Torso-local point (x forward, y up along the spine, hip joint at 0,0) to design coordinates."""
        a = math.radians(self.lean)
        up = QPointF(math.sin(a), -math.cos(a))
        fwd = QPointF(math.cos(a), math.sin(a))
        return self.hip + fwd * (x * self.k) + up * (y * self.k)

    @property
    def shoulder(self) -> QPointF:
        return self.tl(-8, 242)


_THIGH, _SHIN, _UPPER_ARM, _FOREARM = 200.0, 195.0, 135.0, 125.0
_TORSO = [(22, -34), (-34, -44), (-70, -10), (-68, 40), (-54, 96), (-60, 160), (-64, 214), (-52, 262),
          (-26, 288), (10, 290), (42, 268), (60, 212), (54, 160), (47, 112), (56, 62), (52, 14)]
_ILIUM_SIDE = [(-50, 74), (-14, 96), (26, 86), (40, 64), (28, 42), (14, 20), (10, -4), (-14, -34), (-34, -30),
               (-50, 22)]
_SACRUM_SIDE = [(-48, 36), (-20, 40), (-28, 10), (-44, -26), (-56, 4)]


def _leg_ik(hip: QPointF, ankle: QPointF, k: float) -> QPointF:
    return _ik(hip, ankle, _THIGH * k, _SHIN * k, bend=-1)  # knees fold forward


def _arm_ik(shoulder: QPointF, wrist: QPointF, k: float) -> QPointF:
    return _ik(shoulder, wrist, _UPPER_ARM * k, _FOREARM * k, bend=1)  # elbows fold backward


def _arm_by_angles(shoulder: QPointF, upper: float, fore: float, k: float) -> tuple[QPointF, QPointF]:
    elbow = shoulder + _dir(upper) * (_UPPER_ARM * k)
    return elbow, elbow + _dir(fore) * (_FOREARM * k)


def _leg_paths(hip: QPointF, knee: QPointF, ankle: QPointF, foot: float, k: float) -> list[QPainterPath]:
    fd = _dir(foot)
    sole = _perp(fd) * -1 if _perp(fd).y() < 0 else _perp(fd)
    heel = ankle - fd * (14 * k) + sole * (6 * k)
    toe = ankle + fd * (66 * k) + sole * (11 * k)
    return [
        _capsule(hip, 41 * k, knee, 27 * k),
        _capsule(knee, 26 * k, ankle, 16 * k),
        _capsule(heel, 16 * k, toe, 11 * k),
    ]


def _arm_paths(shoulder: QPointF, elbow: QPointF, wrist: QPointF, k: float) -> list[QPainterPath]:
    hand_dir = _unit(wrist - elbow)
    hand = QPainterPath()
    hand.addEllipse(wrist + hand_dir * (14 * k), 17 * k, 17 * k)
    return [_capsule(shoulder, 23 * k, elbow, 18 * k), _capsule(elbow, 17 * k, wrist, 13 * k), hand]


def _head_paths(pose: _SidePose) -> tuple[list[QPainterPath], QPainterPath]:
    k = pose.k
    neck_a = pose.tl(-4, 268)
    a = math.radians(pose.lean + pose.head_tilt)
    up = QPointF(math.sin(a), -math.cos(a))
    fwd = QPointF(math.cos(a), math.sin(a))
    centre = neck_a + up * (76 * k) + fwd * (8 * k)
    neck = _capsule(neck_a, 21 * k, neck_a + up * (40 * k) + fwd * (3 * k), 19 * k)
    head = QPainterPath()
    head.addEllipse(centre, 47 * k, 47 * k)
    # Hair: the back/top of the head, so the facing direction reads at a glance.
    t = QTransform()
    t.translate(centre.x(), centre.y())
    t.rotate(pose.lean + pose.head_tilt)
    cut = QPainterPath()
    cut.addPolygon(QPolygonF([_pt(-200 * k, 200 * k), _pt(-200 * k, -200 * k), _pt(200 * k, -200 * k),
                              _pt(200 * k, -22 * k), _pt(10 * k, -14 * k), _pt(-22 * k, 8 * k),
                              _pt(-30 * k, 200 * k)]))
    hair = head.intersected(t.map(cut))
    return [neck, head], hair


_ALL_PARTS = frozenset({"back", "near_leg", "xray", "psoas", "near_arm"})


def _draw_side_figure(ctx: _Ctx, pose: _SidePose, psoas_label: QPointF | None = None,
                      femur_label: QPointF | None = None, spine_label: QPointF | None = None,
                      lengthen: float = 0.0, parts: frozenset[str] = _ALL_PARTS) -> None:
    """The whole person with an 'x-ray' window on lumbar spine, pelvis, femur and psoas.

    Layering (bottom first): "back" = far limbs and body, "near_leg", "xray" = ilium, sacrum, lumbar
    vertebrae, "psoas" = near femur, psoas and the labels, "near_arm". Animated pictures draw the parts that
    move in their own layer, so still parts can be cached. Arms are posed so they never hide the psoas.
    """
    k = pose.k
    if "back" in parts:
        ctx.merged(_arm_paths(pose.shoulder, pose.far_elbow, pose.far_wrist, k), ctx.figure_far)
        ctx.merged(_leg_paths(pose.hip, pose.far_knee, pose.far_ankle, pose.far_foot, k), ctx.figure_far)
        torso = _smooth([pose.tl(x, y) for x, y in _TORSO])
        head_parts, hair = _head_paths(pose)
        ctx.merged([torso, *head_parts], ctx.figure)
        ctx.shape(hair, ctx.hair)
    if "near_leg" in parts:
        ctx.merged(_leg_paths(pose.hip, pose.near_knee, pose.near_ankle, pose.near_foot, k), ctx.figure)
    if "xray" in parts:
        ilium = _smooth([pose.tl(x, y) for x, y in _ILIUM_SIDE])
        ctx.shape(ilium, _alpha(ctx.pal.bone, 0.92), ctx.pal.outline, ctx.ow * 0.7)
        ctx.shape(_ellipse(pose.hip.x(), pose.hip.y(), 19 * k, 19 * k), ctx.bone_shade, ctx.bone_detail,
                  ctx.ow * 0.5)
        sac = _smooth([pose.tl(x, y) for x, y in _SACRUM_SIDE])
        ctx.shape(sac, ctx.pal.bone, ctx.pal.outline, ctx.ow * 0.7)
        for i in range(6):  # L5 .. T12, following the lumbar curve
            y = 50 + i * 25
            x = -30 + 8 * math.sin(math.pi * i / 5)
            c = pose.tl(x, y)
            t = QTransform()
            t.translate(c.x(), c.y())
            t.rotate(pose.lean - 6 * math.cos(math.pi * i / 5))
            body = QPainterPath()
            body.addRoundedRect(QRectF(-17 * k, -10 * k, 34 * k, 20 * k), 6 * k, 6 * k)
            spinous = _capsule(_pt(-10 * k, 0), 7 * k, _pt(-28 * k, 4 * k), 5 * k)
            ctx.shape(t.map(spinous), ctx.pal.bone, ctx.pal.outline, ctx.ow * 0.6)
            ctx.shape(t.map(body), ctx.pal.bone, ctx.pal.outline, ctx.ow * 0.7)
        if spine_label is not None:
            anchor = pose.tl(-36, 150)
            ctx.label("spine", anchor, spine_label, align="right" if spine_label.x() < anchor.x() else "left")
    if "psoas" in parts:
        tdir = _unit(pose.near_knee - pose.hip)
        femur = _capsule(pose.hip, 12 * k, pose.near_knee - tdir * (14 * k), 10 * k)
        ctx.shape(femur, ctx.pal.bone, ctx.pal.outline, ctx.ow * 0.7)
        ctx.shape(_ellipse(pose.hip.x(), pose.hip.y(), 15 * k, 15 * k), ctx.pal.bone, ctx.pal.outline,
                  ctx.ow * 0.7)
        # Psoas: front of T12-L5, forward over the pelvic brim, then back to the inside of the femur.
        back = _perp(tdir)
        if back.x() * tdir.y() - back.y() * tdir.x() > 0:  # keep 'back' on the posterior side of the thigh
            back = back * -1
        insertion = pose.hip + tdir * (58 * k) + back * (7 * k)
        # In hip extension the muscle runs straighter over the brim: that is what 'lengthened' looks like.
        brim = pose.tl(26 - 12 * lengthen, 20)
        if lengthen > 0:  # a smooth bow over the front of the hip joint instead of a pulley-like kink
            pts = [pose.tl(-12, 176), pose.tl(-5, 128), pose.tl(8, 70), brim, insertion]
        else:
            bend = _lerp(brim, insertion, 0.5) + _unit(brim - pose.hip) * (5 * k)
            pts = [pose.tl(-12, 176), pose.tl(-8, 128), pose.tl(2, 76), brim, bend, insertion]
        thick = 1.0 - 0.3 * lengthen
        stops = [(0, 5 * k), (0.12, 12 * k * thick), (0.4, 21 * k * thick), (0.62, 19 * k * thick),
                 (0.85, 12 * k), (1, 5 * k)]
        centre = ctx.muscle(pts, stops, fibres=2)
        if psoas_label is not None:
            anchor = centre.pointAtPercent(0.3)
            ctx.label("psoas", anchor, psoas_label, align="right" if psoas_label.x() < anchor.x() else "left")
        if femur_label is not None:
            anchor = _lerp(pose.hip, pose.near_knee, 0.62)
            ctx.label("femur", anchor, femur_label, align="right" if femur_label.x() < anchor.x() else "left")
    if "near_arm" in parts:
        ctx.merged(_arm_paths(pose.shoulder, pose.near_elbow, pose.near_wrist, k), ctx.figure)


# -- front-view figure ----------------------------------------------------------------------------------

# Right half of a neutral standing body, 900 units tall, centre line x=0, top of head y=12.
_FRONT_TORSO = [(0, 150), (24, 158), (70, 172), (108, 190), (126, 222), (122, 262), (106, 300), (97, 360),
                (88, 420), (96, 478), (110, 535), (112, 582), (70, 606), (0, 598)]


def _front_body(raise_shoulders: float = 0.0) -> tuple[list[QPainterPath], QPainterPath]:
    """Parts of a front-view body (local 900-unit coordinates) and the head path (for hair)."""
    torso_half = [(x, y - raise_shoulders * max(0.0, 1 - (y - 150) / 150)) for x, y in _FRONT_TORSO]
    parts = [_sym_shape(torso_half, cx=0.0)]
    head = _ellipse(0, 76, 52, 62)
    parts.append(_capsule(_pt(0, 120), 24, _pt(0, 170), 28))
    parts.append(head)
    for s in (-1, 1):
        sh = _pt(s * 110, 226 - raise_shoulders)
        el = _pt(s * 136, 398)
        wr = _pt(s * 146, 545)
        parts += [_capsule(sh, 30, el, 22), _capsule(el, 21, wr, 16), _ellipse(s * 150, 585, 20, 32, s * -6)]
        parts += [_capsule(_pt(s * 56, 566), 60, _pt(s * 52, 745), 37),
                  _capsule(_pt(s * 52, 745), 36, _pt(s * 48, 866), 22),
                  _ellipse(s * 54, 884, 34, 17)]
    return parts, head


def _front_hair(head: QPainterPath, back_view: bool) -> QPainterPath:
    cut = QPainterPath()
    if back_view:
        cut.addRect(QRectF(-80, -10, 160, 124))
    else:
        cut.moveTo(-80, -10)
        cut.lineTo(80, -10)
        cut.lineTo(80, 70)
        cut.cubicTo(_pt(40, 40), _pt(-10, 30), _pt(-80, 58))
        cut.closeSubpath()
    return head.intersected(cut)


# --------------------------------------------------------------------------------------------- pictures


def _draw_skeleton(ctx: _Ctx) -> None:
    _backdrop(ctx)
    _draw_pelvis(ctx, fade_end=972)
    _draw_spine_front(ctx, tag_levels=("T12", "L5"))
    _draw_psoas_pair(ctx)
    ctx.label("spine", _pt(462, 215), _pt(60, 150), align="left")
    ctx.label("psoas", _pt(392, 330), _pt(60, 330), align="left")
    ctx.label("pelvis", _pt(724, 440), _pt(940, 420), align="right")
    ctx.label("femur", _pt(735, 840), _pt(940, 830), align="right")


_STAIRS_FLOOR, _STAIRS_X0, _STAIRS_RISE, _STAIRS_RUN = 940.0, 380.0, 95.0, 170.0


def _stairs_rail_y(x: float) -> float:
    return 350 - 0.56 * (x - 690)


def _draw_stairs_scene(ctx: _Ctx) -> None:
    _backdrop(ctx)
    floor, x0, rise, run = _STAIRS_FLOOR, _STAIRS_X0, _STAIRS_RISE, _STAIRS_RUN
    poly = [_pt(x0, floor)]
    x, y = x0, floor
    for _ in range(4):
        y -= rise
        poly += [_pt(x, y), _pt(min(x + run, 965), y)]
        x += run
    poly.append(_pt(965, floor))
    steps = QPainterPath()
    steps.addPolygon(QPolygonF(poly))
    steps.closeSubpath()
    ctx.shape(steps, _mix(ctx.pal.background, ctx.pal.outline, 0.1), ctx.pal.outline)
    for i in range(4):  # tread nosing: a thin accent line on each step edge
        ty = floor - rise * (i + 1)
        ctx.stroke(_line(_pt(x0 + run * i + 10, ty + 9), _pt(min(x0 + run * (i + 1), 965) - 10, ty + 9)),
                   _alpha(ctx.pal.accent, 0.7), 6)
    ctx.stroke(_line(_pt(70, floor), _pt(x0, floor)), ctx.pal.outline, ctx.ow)
    rail_y = _stairs_rail_y
    rail_col = _mix(ctx.pal.outline, ctx.pal.background, 0.3)
    for px, base in ((300.0, floor), (880.0, floor - 3 * rise)):
        ctx.tube(_line(_pt(px, rail_y(px)), _pt(px, base)), rail_col, 9)
    ctx.tube(_line(_pt(250, rail_y(250)), _pt(950, rail_y(950))), rail_col, 14)


def _stairs_pose(phase: float) -> _SidePose:
    """The climber. Body and arms hold still (cacheable); only the near leg lifts and lowers."""
    floor, rise, k = _STAIRS_FLOOR, _STAIRS_RISE, 0.92
    s = _ease(phase)  # 0: foot on the lower step, 1: foot placed on the next step
    hip = _pt(472, 466)
    far_ankle = _pt(440, floor - rise - 22 * k)
    # The near (lifting) foot travels from the first step onto the second, arcing over the nosing.
    near_ankle = _pt(500 + 128 * (s * s * (3 - 2 * s)), floor - rise - 22 * k - rise * s - 100 * math.sin(math.pi * s))
    pose = _SidePose(
        hip=hip, lean=12,
        near_knee=_leg_ik(hip, near_ankle, k), near_ankle=near_ankle, near_foot=90 - 28 * math.sin(math.pi * s),
        far_knee=_leg_ik(hip, far_ankle, k), far_ankle=far_ankle, far_foot=90,
        near_elbow=_pt(0, 0), near_wrist=_pt(0, 0), far_elbow=_pt(0, 0), far_wrist=_pt(0, 0), k=k,
    )
    # Near hand on the rail in front of the chest; far arm slightly back.
    hx = pose.shoulder.x() + 185
    hand = _pt(hx, _stairs_rail_y(hx) + 2)
    pose.near_wrist = hand - _unit(hand - pose.shoulder) * (14 * k)
    pose.near_elbow = _arm_ik(pose.shoulder, pose.near_wrist, k)
    pose.far_elbow, pose.far_wrist = _arm_by_angles(pose.shoulder, -26, -12, k)
    return pose


def _draw_stairs_body(ctx: _Ctx) -> None:
    _draw_side_figure(ctx, _stairs_pose(0.0), parts=frozenset({"back"}))


def _draw_stairs_leg(ctx: _Ctx) -> None:
    _draw_side_figure(ctx, _stairs_pose(ctx.phase), parts=frozenset({"near_leg"}))


def _draw_stairs_xray(ctx: _Ctx) -> None:
    _draw_side_figure(ctx, _stairs_pose(0.0), parts=frozenset({"xray"}))


def _draw_stairs_psoas(ctx: _Ctx) -> None:
    pose = _stairs_pose(ctx.phase)
    _draw_side_figure(ctx, pose, psoas_label=_pt(200, 330), femur_label=_pt(190, 640), parts=frozenset({"psoas"}))
    # Motion cue: a soft curved arrow in front of the knee, strongest while the leg rises.
    s = math.sin(math.pi * _ease(ctx.phase))
    knee = pose.near_knee
    ctx.curved_arrow([knee + _pt(62, 80), knee + _pt(84, 26), knee + _pt(72, -30)],
                     _alpha(ctx.pal.accent, 0.35 + 0.5 * s), 9)


def _draw_stairs_arm(ctx: _Ctx) -> None:
    _draw_side_figure(ctx, _stairs_pose(0.0), parts=frozenset({"near_arm"}))


def _draw_bend(ctx: _Ctx) -> None:
    _backdrop(ctx)
    floor = 905.0
    ctx.stroke(_line(_pt(80, floor), _pt(920, floor)), ctx.pal.outline, ctx.ow)
    k = 0.95
    hip = _pt(330, 606)
    pose = _SidePose(
        hip=hip, lean=80,
        near_knee=_pt(0, 0), near_ankle=_pt(430, floor - 22 * k), near_foot=90,
        far_knee=_pt(0, 0), far_ankle=_pt(410, floor - 22 * k), far_foot=90,
        near_elbow=_pt(0, 0), near_wrist=_pt(0, 0), far_elbow=_pt(0, 0), far_wrist=_pt(0, 0),
        head_tilt=-30, k=k,
    )
    pose.near_knee = _leg_ik(hip, pose.near_ankle, k)
    pose.far_knee = _leg_ik(hip, pose.far_ankle, k)
    # The object: a small parcel on the floor, reached with a hip hinge and soft knees.
    sh = pose.shoulder
    bx = sh.x() - 10
    box = QPainterPath()
    box.addRoundedRect(QRectF(bx, floor - 104, 160, 104), 14, 14)
    ctx.shape(box, _mix(ctx.pal.background, ctx.pal.accent, 0.5), ctx.pal.outline)
    ctx.stroke(_line(_pt(bx + 80, floor - 104), _pt(bx + 80, floor - 3)), _alpha(ctx.pal.background, 0.9), 12)
    for near, grip in ((True, _pt(bx + 22, floor - 100)), (False, _pt(bx + 52, floor - 104))):
        wrist = grip - _pt(0, 14)
        elbow = _arm_ik(sh, wrist, k)
        if near:
            pose.near_elbow, pose.near_wrist = elbow, wrist
        else:
            pose.far_elbow, pose.far_wrist = elbow, wrist
    _draw_side_figure(ctx, pose, psoas_label=_pt(60, 650), spine_label=_pt(300, 280))
    # Hinge cue: a curved arrow over the hips, the way the trunk folds.
    c = pose.tl(-20, 60)
    pts = [c + _pt(math.cos(math.radians(a)) * 150, -math.sin(math.radians(a)) * 150) for a in (150, 118, 86)]
    ctx.curved_arrow(pts, _alpha(ctx.pal.accent, 0.85), 10)


def _torso_outline(belly: float = 0.0, ribs: float = 0.0) -> QPainterPath:
    """Front torso (no arms) used by 'organs' and 'breath'; belly/ribs widen it for breathing."""
    half = [(0, 22), (62, 26), (72, 70), (150, 102), (255, 128), (292, 170), (292 + ribs, 240),
            (270 + ribs, 340), (240 + belly, 450), (252 + belly * 0.6, 560), (290, 680), (300, 780),
            (292, 880), (276, 940), (222, 962), (120, 962), (46, 940), (14, 895), (0, 880)]
    return _sym_shape(half)


_ORGANS_SC, _ORGANS_OY = 0.8, 246.0


def _organs_model(dx: float, y: float) -> QPointF:
    return _pt(500 + dx * _ORGANS_SC, _ORGANS_OY + y * _ORGANS_SC)


def _draw_organs(ctx: _Ctx) -> None:
    _backdrop(ctx)
    ctx.shape(_torso_outline(), ctx.figure, ctx.pal.outline)
    sc, oy = _ORGANS_SC, _ORGANS_OY
    model = _organs_model
    with ctx.local(500 * (1 - sc), oy, sc):
        _draw_pelvis(ctx, fade_end=880, iliacus=False)
        _draw_spine_front(ctx, ribs_on_t12=False)
        _draw_psoas_pair(ctx)

    # Great vessels in front of the spine, branching along the inner edge of each psoas.
    vessel = _mix(ctx.pal.accent, ctx.pal.outline, 0.15)
    paths = []
    for s, dx in ((1, 6),):  # the aorta and its two iliac branches, along the inner edge of each psoas
        trunk = [model(dx, -40), model(dx, 200), model(dx, 360)]
        for side in (-1, 1):
            branch = [*trunk, model(side * 50 + dx * 0.3, 440), model(side * 96, 540),
                      model(side * 130, 630), model(side * 150, 720)]
            paths.append((s, _smooth(branch, closed=False)))
    for _, path in paths:
        ctx.stroke(path, _alpha(ctx.pal.outline, 0.6), 9 + ctx.ow)
    for s, path in paths:
        ctx.stroke(path, vessel if s > 0 else _mix(vessel, ctx.pal.background, 0.35), 9)

    # Organs, translucent so the psoas behind them stays visible.
    organ_fill = _alpha(ctx.organ, 0.42)
    organ_line = _alpha(ctx.pal.outline, 0.6)
    liver = _smooth(_pts([(255, 215), (400, 188), (520, 200), (565, 236), (505, 288), (420, 338), (330, 372),
                          (272, 342), (245, 282)]))
    stomach = _smooth(_pts([(548, 236), (622, 214), (702, 238), (722, 300), (690, 370), (620, 400),
                            (562, 396), (540, 360), (585, 330), (600, 292), (572, 266)]))
    for path in (liver, stomach):
        ctx.shape(path, organ_fill, organ_line)
    for cx, cy, rot in ((395, 448, 12), (606, 430, -12)):
        kid = _ellipse(cx, cy, 44, 78, rot)
        notch = _ellipse(cx + (22 if cx < 500 else -22), cy, 16, 22)
        ctx.shape(kid.subtracted(notch), _alpha(_mix(ctx.pal.muscle_other, ctx.pal.background, 0.2), 0.7),
                  organ_line)
    colon = _smooth(_pts([(340, 760), (332, 620), (338, 500), (420, 478), (500, 490), (585, 476),
                          (665, 496), (672, 620), (668, 730), (620, 790), (545, 800)]), closed=False)
    stroker = QPainterPathStroker()
    stroker.setWidth(48)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    ctx.shape(stroker.createStroke(colon), organ_fill, organ_line)
    small = _smooth(_pts([(400, 548), (500, 532), (600, 552), (622, 640), (596, 728), (500, 752), (410, 728),
                          (385, 640)]))
    ctx.shape(small, organ_fill, organ_line)
    ctx.p.save()
    ctx.p.setClipPath(small)
    loop = ctx.pen(_alpha(ctx.pal.outline, 0.35), ctx.ow * 0.8)
    for i in range(4):
        y = 570 + i * 48
        wave = QPainterPath(_pt(380, y))
        for j in range(6):
            x = 380 + j * 45
            wave.cubicTo(_pt(x + 12, y - 28), _pt(x + 33, y - 28), _pt(x + 45, y))
        ctx.p.strokePath(wave, loop)
    ctx.p.restore()
    bladder = _ellipse(500, 858, 52, 38)
    ctx.shape(bladder, organ_fill, organ_line)

    ctx.label("psoas", model(-168, 560), _pt(40, 700), align="left")
    ctx.label("organs", _pt(640, 330), _pt(960, 250), align="right")


def _draw_organs_flow(ctx: _Ctx) -> None:
    """Chevrons travelling along each psoas, down one side and up the other: the pumping idea."""
    ph = ctx.phase
    model = _organs_model
    chev = ctx.pal.accent
    for s in (-1, 1):
        centre = _smooth([model(s * (x + 44), y) for x, y in _PSOAS[2:]], closed=False)
        for i in range(3):
            t = (i / 3 + ph * (1 if s < 0 else -1)) % 1.0
            t = 0.08 + 0.84 * t
            p = centre.pointAtPercent(t)
            q = centre.pointAtPercent(min(1.0, t + 0.02)) if s < 0 else centre.pointAtPercent(max(0.0, t - 0.02))
            u = _unit(q - p)
            n = _perp(u)
            fade = math.sin(math.pi * (t - 0.08) / 0.84)
            path = _polyline([p - u * 20 + n * 22, p + u * 6, p - u * 20 - n * 22])
            ctx.stroke(path, _alpha(ctx.pal.background, 0.9 * fade), 20)
            ctx.stroke(path, _alpha(chev, fade), 11)


_BREATH_SC, _BREATH_OY = 0.72, 379.0


def _breath_model(dx: float, y: float) -> QPointF:
    return _pt(500 + dx * _BREATH_SC, _BREATH_OY + y * _BREATH_SC)


def _draw_breath_body(ctx: _Ctx) -> None:
    _backdrop(ctx)
    ctx.shape(_torso_outline(), ctx.figure, ctx.pal.outline)


def _draw_breath_sides(ctx: _Ctx) -> None:
    """Belly and ribs widen: only the two side strips change, so only they are redrawn each frame."""
    s = _ease(ctx.phase)  # 0 = breathed out, 1 = breathed in
    if s < 0.002:
        return
    path = _torso_outline(belly=16 * s, ribs=10 * s)
    for x0, x1 in ((150.0, 300.0), (700.0, 850.0)):
        ctx.p.save()
        ctx.p.setClipRect(QRectF(x0, 150, x1 - x0, 520), Qt.ClipOperation.IntersectClip)
        ctx.shape(path, ctx.figure, ctx.pal.outline)
        ctx.p.restore()


def _draw_breath_skeleton(ctx: _Ctx) -> None:
    sc, oy = _BREATH_SC, _BREATH_OY
    extra = [("T10", -31.0, 100.0, 20.0), ("T11", 37.0, 106.0, 20.0)]
    with ctx.local(500 * (1 - sc), oy, sc):
        _draw_pelvis(ctx, fade_end=(965 - oy) / sc, iliacus=False)
        _draw_spine_front(ctx, levels=extra + _LEVELS, ribs_on_t12=False)
        _draw_psoas_pair(ctx)
    ctx.label("psoas", _breath_model(-120, 470), _pt(40, 760), align="left")


def _draw_breath_diaphragm(ctx: _Ctx) -> None:
    s = _ease(ctx.phase)
    model = _breath_model
    # Diaphragm: a double dome (right side a little higher) that flattens and drops as we breathe in.
    top = 250 + 50 * s
    half = 282 * (1 + 0.04 * s)
    lx, rx, base = 500 - half, 500 + half, 478.0
    under = top + 150 - 20 * s
    # Lower ribcage, drawn behind the dome (as the back ribs would be) so the dome always reads clearly;
    # it widens with the breath.
    w = 1 + 0.05 * s
    for i in range(3):
        y0 = 150 + 48 * i
        for side in (-1, 1):
            pts = [_pt(500 + side * 26, y0), _pt(500 + side * 150 * w, y0 + 6 + 8 * i),
                   _pt(500 + side * (250 + 6 * i) * w, y0 + 70 + 10 * i),
                   _pt(500 + side * (262 + 4 * i) * w, y0 + 150 + 20 * i)]
            ctx.tube(_smooth(pts, closed=False), ctx.pal.bone, 14)
    for side in (-1, 1):  # the costal margin: cartilage from the breastbone out to the side
        pts = [_pt(500 + side * 14, 300), _pt(500 + side * 130 * w, 372), _pt(500 + side * 232 * w, 440),
               _pt(500 + side * 262 * w, 486)]
        ctx.tube(_smooth(pts, closed=False), ctx.disc, 12)
    # Crura: the diaphragm's legs run down the front of L1-L3, right where the psoas begins.
    for side, bottom in ((-1, 309), (1, 241)):
        ctx.muscle([_pt(500 + side * 30, under - 30), model(side * 38, 150), model(side * 28, bottom)],
                   [(0, 14), (0.5, 12), (1, 5)], fill=ctx.pal.muscle_other, line=ctx.other_line,
                   fibre=ctx.other_fibre, fibres=1)
    dome = QPainterPath(_pt(lx, base))
    dome.cubicTo(_pt(lx + 8, top - 6), _pt(420, top - 46 + 16 * s), _pt(500, top + 6))
    dome.cubicTo(_pt(580, top - 38 + 16 * s), _pt(rx - 8, top), _pt(rx, base))
    dome.cubicTo(_pt(rx - 70, base - 40), _pt(600, under), _pt(500, under))
    dome.cubicTo(_pt(400, under), _pt(lx + 70, base - 40), _pt(lx, base))
    dome.closeSubpath()
    ctx.shape(dome, ctx.pal.muscle_other, ctx.other_line, ctx.ow * 0.8)
    # The central tendon; it sits inside the dome at every phase, so no (slow) boolean clip is needed.
    ctx.shape(_ellipse(500, top + 36, 92 * (1 + 0.08 * s), 24), _mix(ctx.pal.muscle_other, ctx.pal.bone, 0.65))
    fpen = ctx.pen(_alpha(ctx.other_fibre, 0.9), ctx.ow * 0.55)
    for f in (-0.78, -0.56, -0.34, 0.34, 0.56, 0.78):  # fibres fan out from the central tendon
        a = _pt(500 + f * 130, top + 40 + abs(f) * 10)
        b = _pt(500 + f * half * 0.92, base - 30 - (1 - abs(f)) * 60)
        ctx.p.strokePath(_smooth([a, _lerp(a, b, 0.5) + _pt(0, -12), b], closed=False), fpen)
    ctx.shape(_capsule(_pt(500, 140), 28, _pt(500, 282), 15), ctx.pal.bone, ctx.pal.outline)
    # Breath cue: arrows point down while breathing in, up while breathing out.
    v = math.sin(2 * math.pi * ctx.phase)
    for x in (350, 650):
        y = under + 70
        a, b = (_pt(x, y - 42), _pt(x, y + 42)) if v >= 0 else (_pt(x, y + 42), _pt(x, y - 42))
        ctx.arrow(a, b, _alpha(ctx.pal.accent, 0.25 + 0.75 * abs(v)), 10)
    ctx.label("diaphragm", _pt(640, under - 50), _pt(960, 110), align="right")


def _draw_stress(ctx: _Ctx) -> None:
    _backdrop(ctx)
    circle = _ellipse(500, 500, 455, 455)
    sc, fx, fy = 1.2, 420.0, 60.0
    ctx.p.save()
    ctx.p.setClipPath(circle)  # a portrait crop: the legs run out of the disc, the psoas stays large
    with ctx.local(fx, fy, sc):
        parts, head = _front_body(raise_shoulders=12)
        ctx.merged(parts, ctx.figure)
        ctx.shape(_front_hair(head, back_view=False), ctx.hair)
        face = ctx.pen(_alpha(ctx.pal.outline, 0.8), 7)
        ctx.p.setPen(face)
        ctx.p.drawPoint(_pt(-18, 84))
        ctx.p.drawPoint(_pt(18, 84))
        ctx.p.strokePath(_line(_pt(-9, 110), _pt(9, 110)), ctx.pen(_alpha(ctx.pal.outline, 0.8), 4))
        ms, moy = 0.365, 334.0
        with ctx.local(-500 * ms, moy, ms):
            _draw_pelvis(ctx, fade_end=960, iliacus=False)
            _draw_spine_front(ctx, ribs_on_t12=False)
            _draw_psoas_pair(ctx, tense=1.0)
            # Tension: paired arrows squeezing each psoas along its length.
            for side in (-1, 1):
                pts = _psoas_front_points(side)
                out = _pt(side * 92, 0)
                c1, c2 = pts[1] + out, pts[5] + out
                mid = _lerp(c1, c2, 0.5)
                ctx.arrow(c1, mid - _pt(0, 26), ctx.pal.accent, 15, head=44)
                ctx.arrow(c2, mid + _pt(0, 26), ctx.pal.accent, 15, head=44)
            anchor = _lerp(_psoas_front_points(-1)[3], _psoas_front_points(-1)[4], 0.5)
            ctx.label("psoas", anchor, _pt(-1000, 520), align="left")
    ctx.p.restore()
    # Startle cue: soft 'vibration' arcs beside the head.
    head_c = _pt(fx, fy + 76 * sc)
    for side in (-1, 1):
        for r in (92, 122):
            arc = QPainterPath()
            rect = QRectF(head_c.x() - r, head_c.y() - r, 2 * r, 2 * r)
            start = -28.0 if side > 0 else 152.0
            arc.arcMoveTo(rect, start)
            arc.arcTo(rect, start, 56.0)
            ctx.stroke(arc, _alpha(ctx.pal.accent, 0.95 - (r - 92) / 100), 9)
    # Alert badge: a rounded disc with a soft lightning bolt.
    bx, by, br = 790, 250, 92
    ctx.shape(_ellipse(bx, by, br, br), _mix(ctx.pal.background, ctx.pal.accent, 0.2), ctx.pal.outline)
    bolt = QPainterPath()
    bolt.addPolygon(QPolygonF(_pts([(bx + 14, by - 66), (bx - 42, by + 10), (bx - 4, by + 10),
                                    (bx - 18, by + 68), (bx + 42, by - 14), (bx + 4, by - 14)])))
    bolt.closeSubpath()
    ctx.shape(bolt, ctx.pal.muscle, ctx.muscle_line, ctx.ow * 0.8)
    ctx.label("stress", _pt(bx, by + br), _pt(bx, by + br + 64), align="center")


def _draw_body_map(ctx: _Ctx) -> None:
    _backdrop(ctx)
    sc = 0.9
    glow = ctx.pal.muscle

    def spot(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, strength: float = 0.85) -> None:
        g = QRadialGradient(_pt(0, 0), 1.0)
        g.setColorAt(0.0, _alpha(glow, strength))
        g.setColorAt(0.55, _alpha(glow, strength * 0.7))
        g.setColorAt(1.0, _alpha(glow, 0.0))
        ctx.p.save()
        ctx.p.translate(cx, cy)
        ctx.p.rotate(rot)
        ctx.p.scale(rx, ry)
        ctx.p.setPen(Qt.PenStyle.NoPen)
        ctx.p.setBrush(QBrush(g))
        ctx.p.drawEllipse(_pt(0, 0), 1.0, 1.0)
        ctx.p.restore()

    def leg_line(points: Sequence[tuple[float, float]]) -> None:
        path = _smooth(_pts(points), closed=False)
        ctx.stroke(path, _alpha(glow, 0.35), 34)
        ctx.stroke(path, _alpha(glow, 0.9), 12)

    for cx, back in ((275.0, False), (725.0, True)):
        with ctx.local(cx, 42, sc):
            parts, head = _front_body()
            ctx.merged(parts, ctx.figure)
            ctx.shape(_front_hair(head, back_view=back), ctx.hair)
            union = QPainterPath()
            for part in parts:  # a real boolean union: overlapping parts must not cancel out
                union = union.united(part)
            ctx.p.save()
            ctx.p.setClipPath(union)
            soft = ctx.pen(_alpha(ctx.pal.outline, 0.35), ctx.ow * 0.8)
            if back:
                spine = QPainterPath(_pt(0, 170))
                spine.lineTo(_pt(0, 520))
                dash = QPen(soft)
                dash.setDashPattern([2, 2.5])
                ctx.p.strokePath(spine, dash)
                ctx.p.strokePath(_smooth(_pts([(-4, 600), (-40, 618), (-90, 606)]), closed=False), soft)
                ctx.p.strokePath(_smooth(_pts([(4, 600), (40, 618), (90, 606)]), closed=False), soft)
                spot(0, 445, 88, 44)  # lower back
                spot(0, 515, 52, 36)  # lumbosacral border
                for side in (-1, 1):
                    spot(side * 54, 560, 50, 42)  # buttocks
                leg_line([(58, 610), (62, 700), (60, 790), (56, 860)])  # down the back of the leg
            else:
                ctx.p.strokePath(_ellipse(0, 420, 4, 6), soft)  # navel
                spot(0, 520, 84, 46)  # pelvis
                for side in (-1, 1):
                    spot(side * 58, 582, 38, 18, rot=side * 32)  # groin
                leg_line([(-52, 620), (-58, 700), (-56, 790), (-52, 850)])  # down the front of the leg
            ctx.p.restore()
        ctx.label("back" if back else "front", None, _pt(cx, 952), align="center")


def _draw_disc(ctx: _Ctx) -> None:
    _backdrop(ctx)

    def vertebra(y0: float) -> None:
        # Side view: the posterior arch (pedicle, articular processes, spinous process) behind the body.
        arch = [
            _capsule(_pt(585, y0 + 64), 40, _pt(660, y0 + 64), 34),  # pedicle
            _capsule(_pt(662, y0 + 44), 26, _pt(680, y0 - 24), 17),  # superior articular process
            _capsule(_pt(690, y0 + 86), 56, _pt(872, y0 + 132), 32),  # lamina + spinous process
            _capsule(_pt(700, y0 + 140), 24, _pt(722, y0 + 236), 16),  # inferior articular process
        ]
        ctx.merged(arch, ctx.pal.bone)
        ctx.shape(_ellipse(664, y0 + 70, 30, 22), ctx.bone_shade, ctx.bone_detail, ctx.ow * 0.6)
        body = QPainterPath(_pt(292, y0))
        body.lineTo(_pt(578, y0))
        body.quadTo(_pt(598, y0), _pt(598, y0 + 20))
        body.quadTo(_pt(588, y0 + 115), _pt(598, y0 + 210))
        body.quadTo(_pt(598, y0 + 230), _pt(578, y0 + 230))
        body.lineTo(_pt(292, y0 + 230))
        body.quadTo(_pt(272, y0 + 230), _pt(272, y0 + 210))
        body.quadTo(_pt(290, y0 + 115), _pt(272, y0 + 20))
        body.quadTo(_pt(272, y0), _pt(292, y0))
        ctx.bone(body)
        dp = ctx.pen(_alpha(ctx.bone_detail, 0.5), ctx.ow * 0.5)  # end-plate lines
        ctx.p.strokePath(_line(_pt(296, y0 + 16), _pt(574, y0 + 16)), dp)
        ctx.p.strokePath(_line(_pt(296, y0 + 214), _pt(574, y0 + 214)), dp)

    lower_y, upper_y = 452.0, 150.0
    vertebra(lower_y)
    vertebra(upper_y)
    # The disc, squeezed thin and bulging backwards.
    top, bot = upper_y + 230, lower_y
    disc = QPainterPath(_pt(290, top))
    disc.lineTo(_pt(580, top))
    disc.cubicTo(_pt(640, top - 2), _pt(668, top + 20), _pt(652, (top + bot) / 2 + 4))
    disc.cubicTo(_pt(640, bot + 2), _pt(610, bot), _pt(580, bot))
    disc.lineTo(_pt(290, bot))
    disc.cubicTo(_pt(256, bot), _pt(250, top), _pt(290, top))
    disc.closeSubpath()
    ctx.shape(disc, ctx.disc, ctx.pal.outline)
    nucleus = _ellipse(505, (top + bot) / 2, 92, 17)
    ctx.shape(nucleus, _mix(ctx.disc, ctx.pal.background, 0.5), ctx.bone_detail, ctx.ow * 0.5)
    ring = ctx.pen(_alpha(ctx.bone_detail, 0.6), ctx.ow * 0.5)
    ctx.p.strokePath(_smooth(_pts([(300, top + 12), (600, top + 12), (630, (top + bot) / 2),
                                   (600, bot - 12), (300, bot - 12)]), closed=False), ring)
    # Bulge warning: a soft glow at the back of the disc with small outward arrows.
    g = QRadialGradient(_pt(640, (top + bot) / 2), 70)
    g.setColorAt(0, _alpha(ctx.pal.muscle, 0.55))
    g.setColorAt(1, _alpha(ctx.pal.muscle, 0.0))
    ctx.p.setPen(Qt.PenStyle.NoPen)
    ctx.p.setBrush(QBrush(g))
    ctx.p.drawEllipse(_pt(640, (top + bot) / 2), 70, 70)
    ctx.arrow(_pt(676, (top + bot) / 2), _pt(732, (top + bot) / 2), ctx.pal.muscle, 9)
    # The tight psoas: from the side of both bodies down and forward, towards the thigh.
    pts = _pts([(330, 176), (306, 330), (290, 470), (262, 640), (206, 790), (150, 930)])
    centre = ctx.muscle(pts, [(0, 10), (0.15, 26), (0.45, 46), (0.8, 44), (1, 34)], fibres=4, opacity=0.95)
    # Squeeze: arrows pressing the two vertebrae together, and the psoas pulling down.
    ctx.arrow(_pt(445, 26), _pt(445, 128), ctx.pal.accent, 18)
    ctx.arrow(_pt(445, 810), _pt(445, 704), ctx.pal.accent, 18)
    ctx.arrow(_pt(330, 690), _pt(286, 830), _alpha(ctx.pal.accent, 0.9), 12)  # the psoas pulls down
    ctx.label("spine", _pt(560, 214), _pt(975, 44), align="right")
    ctx.label("disc", _pt(648, (top + bot) / 2 - 14), _pt(975, (top + bot) / 2 - 60), align="right")
    ctx.label("psoas", centre.pointAtPercent(0.72), _pt(28, 690), align="left")


def _draw_stretch_scene(ctx: _Ctx) -> None:
    _backdrop(ctx)
    floor = 905.0
    ctx.stroke(_line(_pt(70, floor), _pt(930, floor)), ctx.pal.outline, ctx.ow)
    mat = QPainterPath()
    mat.addRoundedRect(QRectF(110, floor - 22, 580, 24), 12, 12)
    ctx.shape(mat, _mix(ctx.pal.background, ctx.pal.accent, 0.45), ctx.pal.outline)


def _stretch_pose() -> _SidePose:
    floor, k = 905.0, 0.95
    knee = _pt(360, floor - 22 - 26 * k)
    dxh = 46 * k
    hip = _pt(knee.x() + dxh, knee.y() - math.sqrt((_THIGH * k) ** 2 - dxh**2))
    front_ankle = _pt(640, floor - 22 * k)
    pose = _SidePose(
        hip=hip, lean=-5,
        near_knee=knee, near_ankle=knee + _unit(_pt(-1, 0.02)) * (_SHIN * k), near_foot=-92,
        far_knee=_leg_ik(hip, front_ankle, k), far_ankle=front_ankle, far_foot=90,
        near_elbow=_pt(0, 0), near_wrist=_pt(0, 0), far_elbow=_pt(0, 0), far_wrist=_pt(0, 0), k=k,
    )
    # Far arm reaches overhead (behind the head); near hand rests on the front thigh, clear of the psoas.
    pose.far_elbow, pose.far_wrist = _arm_by_angles(pose.shoulder, 168, 175, k)
    rest = _lerp(hip, pose.far_knee, 0.62) + _pt(0, -30 * k)
    pose.near_wrist = rest
    pose.near_elbow = _arm_ik(pose.shoulder, rest, k)
    return pose


def _draw_stretch_figure(ctx: _Ctx) -> None:
    _draw_side_figure(ctx, _stretch_pose(), parts=frozenset({"back", "near_leg", "xray", "near_arm"}))


def _draw_stretch_psoas(ctx: _Ctx) -> None:
    """The gentle part that moves: the psoas lengthens and thins as the hips ease forward."""
    s = _ease(ctx.phase)
    pose = _stretch_pose()
    _draw_side_figure(ctx, pose, psoas_label=_pt(80, 330), lengthen=0.45 + 0.55 * s, parts=frozenset({"psoas"}))
    c = pose.tl(-96, 10)
    ctx.arrow(c + _pt(-70 + 6 * s, 0), c + _pt(-4 + 14 * s, 0), _alpha(ctx.pal.accent, 0.55 + 0.4 * s), 11)


def _draw_video(ctx: _Ctx) -> None:
    _backdrop(ctx)
    body = QPainterPath()
    body.addRoundedRect(QRectF(320, 70, 360, 860), 58, 58)
    ctx.shape(body, ctx.pal.outline, ctx.pal.outline)
    screen = QPainterPath()
    screen.addRoundedRect(QRectF(342, 130, 316, 720), 26, 26)
    ctx.shape(screen, _mix(ctx.pal.background, ctx.pal.accent, 0.06))
    ctx.p.setPen(Qt.PenStyle.NoPen)
    ctx.p.setBrush(_mix(ctx.pal.outline, ctx.pal.background, 0.35))
    ctx.p.drawRoundedRect(QRectF(455, 94, 90, 14), 7, 7)
    ctx.p.drawRoundedRect(QRectF(445, 884, 110, 16), 8, 8)
    # The video: a frame showing the spine-and-psoas model, a big play button, a progress bar.
    frame = QPainterPath()
    frame.addRoundedRect(QRectF(358, 170, 284, 360), 18, 18)
    ctx.shape(frame, _mix(ctx.pal.background, ctx.pal.accent, 0.22))
    ctx.p.save()
    ctx.p.setClipPath(frame)
    with ctx.local(500 - 500 * 0.4, 160, 0.4):
        _draw_pelvis(ctx, fade_end=880, iliacus=False)
        _draw_spine_front(ctx, ribs_on_t12=False)
        _draw_psoas_pair(ctx)
    ctx.p.restore()
    ctx.shape(_ellipse(500, 350, 82, 82), _alpha(ctx.pal.accent, 0.96), ctx.pal.outline)
    tri = QPainterPath()
    tri.addPolygon(QPolygonF(_pts([(476, 304), (476, 396), (548, 350)])))
    tri.closeSubpath()
    ctx.shape(tri, ctx.pal.background, ctx.pal.background, 10)
    ctx.stroke(_line(_pt(378, 500), _pt(622, 500)), _mix(ctx.pal.outline, ctx.pal.background, 0.6), 10)
    ctx.stroke(_line(_pt(378, 500), _pt(468, 500)), ctx.pal.accent, 10)
    ctx.shape(_ellipse(468, 500, 15, 15), ctx.pal.accent, ctx.pal.outline, 4)
    # Title lines and two 'more videos' rows, so it reads as a video app.
    line_col = _mix(ctx.pal.outline, ctx.pal.background, 0.6)
    ctx.stroke(_line(_pt(372, 572), _pt(600, 572)), line_col, 16)
    ctx.stroke(_line(_pt(372, 606), _pt(530, 606)), _alpha(line_col, 0.6), 12)
    for y in (660, 752):
        thumb = QPainterPath()
        thumb.addRoundedRect(QRectF(368, y, 110, 70), 10, 10)
        ctx.shape(thumb, _mix(ctx.pal.background, ctx.pal.accent, 0.3))
        t2 = QPainterPath()
        t2.addPolygon(QPolygonF(_pts([(414, y + 22), (414, y + 48), (436, y + 35)])))
        t2.closeSubpath()
        ctx.shape(t2, ctx.pal.background)
        ctx.stroke(_line(_pt(496, y + 20), _pt(628, y + 20)), line_col, 12)
        ctx.stroke(_line(_pt(496, y + 48), _pt(590, y + 48)), _alpha(line_col, 0.6), 10)


def _draw_phone(ctx: _Ctx) -> None:
    _backdrop(ctx)
    # Clipboard with a treatment plan.
    board = QPainterPath()
    board.addRoundedRect(QRectF(410, 140, 400, 690), 36, 36)
    ctx.shape(board, _mix(ctx.pal.background, ctx.pal.accent, 0.45), ctx.pal.outline)
    paper = QPainterPath()
    paper.addRoundedRect(QRectF(445, 200, 330, 595), 16, 16)
    ctx.shape(paper, ctx.pal.background, ctx.pal.outline, ctx.ow * 0.8)
    clip = QPainterPath()
    clip.addRoundedRect(QRectF(530, 110, 160, 74), 22, 22)
    ctx.shape(clip, ctx.pal.outline, ctx.pal.outline)
    ctx.shape(_ellipse(610, 132, 14, 14), _mix(ctx.pal.background, ctx.pal.accent, 0.45))
    # Header: a small medical cross.
    cross = QPainterPath()
    cross.addRoundedRect(QRectF(478, 240, 64, 22), 8, 8)
    cross.addRoundedRect(QRectF(499, 219, 22, 64), 8, 8)
    cross.setFillRule(Qt.FillRule.WindingFill)
    ctx.shape(cross.simplified(), ctx.pal.muscle, ctx.muscle_line, ctx.ow * 0.6)
    line_col = _mix(ctx.pal.outline, ctx.pal.background, 0.65)
    ctx.stroke(_line(_pt(570, 240), _pt(730, 240)), line_col, 14)
    ctx.stroke(_line(_pt(570, 270), _pt(680, 270)), line_col, 14)
    for i in range(4):
        y = 360 + i * 105
        ctx.shape(_ellipse(500, y, 24, 24), ctx.pal.background, ctx.pal.outline, ctx.ow * 0.8)
        if i < 3:
            ctx.stroke(_polyline(_pts([(488, y + 1), (498, y + 11), (516, y - 12)])), ctx.pal.accent, 9)
        ctx.stroke(_line(_pt(548, y - 10), _pt(735 - 40 * (i % 2), y - 10)), line_col, 12)
        ctx.stroke(_line(_pt(548, y + 16), _pt(660, y + 16)), _alpha(line_col, 0.6), 10)
    # A friendly handset, tilted, ringing: two big rounded cups joined by a slimmer curved grip.
    cx, cy, rot = 345.0, 660.0, -28.0
    with ctx.local(cx, cy, 0.95, rotate=rot):
        cups = [_capsule(_pt(-142, 0), 46, _pt(-158, 78), 60), _capsule(_pt(142, 0), 46, _pt(158, 78), 60)]
        grip = _smooth(_pts([(-140, -4), (-72, -52), (0, -62), (72, -52), (140, -4)]), closed=False)
        stroker = QPainterPathStroker()
        stroker.setWidth(46)
        stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
        ctx.merged([stroker.createStroke(grip), *cups], ctx.pal.accent)
        shine = _smooth(_pts([(-96, -40), (-40, -58), (24, -60)]), closed=False)
        ctx.stroke(shine, _alpha(ctx.pal.background, 0.55), 9)
        for x in (-158, 158):  # little grille dots on each cup
            for dx, dy in ((-14, 70), (14, 70), (0, 92), (0, 48)):
                ctx.shape(_ellipse(x + dx, dy, 6, 6), _alpha(ctx.pal.outline, 0.35))
    t = QTransform()
    t.translate(cx, cy)
    t.rotate(rot)
    t.scale(0.95, 0.95)
    ear = t.map(_pt(-158, 48))
    for r in (110, 150, 190):  # ring waves around the earpiece
        arc = QPainterPath()
        rect = QRectF(ear.x() - r, ear.y() - r, 2 * r, 2 * r)
        arc.arcMoveTo(rect, 100)
        arc.arcTo(rect, 100, 55)
        ctx.stroke(arc, _alpha(ctx.pal.accent, 0.95 - r / 380), 12)


# --------------------------------------------------------------------------------------------- registry


_Layer = tuple[bool, Callable[[_Ctx], None]]  # (changes with phase?, draw function)


def _still(draw: Callable[[_Ctx], None]) -> tuple[_Layer, ...]:
    return ((False, draw),)


@dataclass(frozen=True)
class Illustration:
    """One picture: its id, whether it moves, short alt text, and how to draw it.

    The drawing is a stack of layers, bottom first. Layers that do not depend on the phase can be rendered
    once and reused (IllustrationView does), so only the moving parts are repainted at 30 fps.
    """

    name: str
    animated: bool
    description: str
    cycle_seconds: float = 0.0  # length of one animation loop (animated only)
    label_keys: tuple[str, ...] = ()
    layers: tuple[_Layer, ...] = field(default=(), repr=False, compare=False)


ILLUSTRATIONS: dict[str, Illustration] = {
    i.name: i
    for i in (
        Illustration("skeleton", False,
                     "Front view of the lower spine from T12 to L5, the pelvis and both thigh bones, with the "
                     "two psoas muscles highlighted running from the spine to the top of each thigh bone.",
                     label_keys=("psoas", "spine", "pelvis", "femur", "t12", "l5"), layers=_still(_draw_skeleton)),
        Illustration("stairs", True,
                     "A person climbing stairs, seen from the side. The psoas, from the lower back to the "
                     "thigh, lifts the knee; the leg lifts and lowers.",
                     cycle_seconds=4.0, label_keys=("psoas", "femur"),
                     layers=((False, _draw_stairs_scene), (False, _draw_stairs_body), (True, _draw_stairs_leg),
                             (False, _draw_stairs_xray), (True, _draw_stairs_psoas), (False, _draw_stairs_arm))),
        Illustration("bend", False,
                     "A person bending forward at the hips to pick up a box from the floor, with the psoas "
                     "highlighted from the lower spine to the thigh.",
                     label_keys=("psoas", "spine"), layers=_still(_draw_bend)),
        Illustration("organs", True,
                     "The belly seen from the front: the psoas muscles lie behind the organs; small arrows "
                     "along them suggest blood and lymph being pumped.",
                     cycle_seconds=4.0, label_keys=("psoas", "organs"),
                     layers=((False, _draw_organs), (True, _draw_organs_flow))),
        Illustration("breath", True,
                     "The dome-shaped diaphragm above, the psoas below, meeting at the upper lower back; the "
                     "diaphragm moves down and the ribs widen as we breathe in.",
                     cycle_seconds=5.0, label_keys=("psoas", "diaphragm"),
                     layers=((False, _draw_breath_body), (False, _draw_breath_skeleton),
                             (True, _draw_breath_sides), (True, _draw_breath_diaphragm))),
        Illustration("stress", False,
                     "A calm person with a small lightning symbol for stress; both psoas muscles are drawn "
                     "tightened, showing the fight-or-flight reaction.",
                     label_keys=("psoas", "stress"), layers=_still(_draw_stress)),
        Illustration("body_map", False,
                     "Body outlines from the front and the back with soft highlighted areas: lower back, the "
                     "base of the spine, buttocks, groin, pelvis and a line down the leg.",
                     label_keys=("front", "back"), layers=_still(_draw_body_map)),
        Illustration("disc", False,
                     "Two vertebrae of the lower back seen from the side, with the disc between them squeezed "
                     "and bulging; arrows show the pressure from a tight psoas.",
                     label_keys=("spine", "disc", "psoas"), layers=_still(_draw_disc)),
        Illustration("stretch", True,
                     "A kneeling hip-flexor stretch: one knee on a mat, the other foot forward, arm reaching "
                     "up; the psoas of the back leg is gently lengthened.",
                     cycle_seconds=6.0, label_keys=("psoas",),
                     layers=((False, _draw_stretch_scene), (False, _draw_stretch_figure),
                             (True, _draw_stretch_psoas))),
        Illustration("video", False, "A smartphone playing a short video about the psoas.",
                     layers=_still(_draw_video)),
        Illustration("phone", False,
                     "A telephone handset next to a clipboard with a ticked treatment plan: a free phone "
                     "assessment.", layers=_still(_draw_phone)),
    )
}


# --------------------------------------------------------------------------------------------- painting


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
    items: list[list] = []  # [label, font, text, box, zone]
    for lab in labels:
        px = label_pixel_size(rect, lab.small)
        pad_x, pad_y = (px * 0.45, px * 0.16) if lab.chip else (0.0, 0.0)
        font = _label_font(px)
        fm = QFontMetricsF(font, painter.device())
        text = lab.text
        avail = inner.width() - 2 * pad_x
        width = fm.horizontalAdvance(text)
        if width > avail:  # long translations: shrink towards the floor, then elide as a last resort
            px = max(MIN_LABEL_PX, px * avail / width)
            font = _label_font(px)
            fm = QFontMetricsF(font, painter.device())
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, avail)
            width = fm.horizontalAdvance(text)
        box = QRectF(0, 0, width + 2 * pad_x, fm.height() + 2 * pad_y)
        if lab.align == "left":
            box.moveTopLeft(QPointF(lab.pos.x(), lab.pos.y() - box.height() / 2))
        elif lab.align == "right":
            box.moveTopRight(QPointF(lab.pos.x(), lab.pos.y() - box.height() / 2))
        else:
            box.moveCenter(lab.pos)
        zone = "design"
        crowded = px > design.height() * 0.05  # text big for the picture: a tall, narrow slot
        if lab.anchor is not None and lab.chip and crowded:
            left_side = lab.pos.x() < design.center().x()
            side_room = (design.left() - inner.left()) if left_side else (inner.right() - design.right())
            top_side = lab.anchor.y() < design.center().y()
            band_room = (design.top() - inner.top()) if top_side else (inner.bottom() - design.bottom())
            if side_room >= box.width() + gap:
                zone = "left" if left_side else "right"
                if left_side:
                    box.moveRight(design.left() - gap * 0.5)
                else:
                    box.moveLeft(design.right() + gap * 0.5)
            elif band_room >= box.height() + gap * 0.5:
                zone = "top" if top_side else "bottom"
                box.moveCenter(QPointF(lab.anchor.x(), box.center().y()))
                if top_side:
                    box.moveBottom(design.top() - gap * 0.25)
                else:
                    box.moveTop(design.bottom() + gap * 0.25)
        items.append([lab, font, text, _clamp_box(box, inner), zone])

    _spread_bands(items, inner, gap)
    _push_apart([it for it in items if it[4] in ("design", "left", "right")], inner)

    line_w = max(1.5, label_pixel_size(rect) / 14)
    for lab, _, _, box, _ in items:  # leaders first, chips on top
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


# --------------------------------------------------------------------------------------------- widgets


class IllustrationView(QWidget):
    """Shows one illustration filling the widget; animates only while visible and animated."""

    FRAME_MS = 40  # 25 fps: smooth for these slow 4-6 s loops, and light on a kiosk running all day

    def __init__(self, name: str = "skeleton", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._illus = ILLUSTRATIONS[name]
        self._palette = IllustrationPalette()
        self._labels: dict[str, str] = {}
        self._speed = 1.0
        self._enabled = True
        self._phase = 0.0
        self._phase_at_start = 0.0
        self._cache = _LayerCache()
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._update_accessibility()

    # -- public API ---------------------------------------------------------------------------------
    def illustration(self) -> str:
        return self._illus.name

    def set_illustration(self, name: str) -> None:
        illus = ILLUSTRATIONS[name]
        if illus is self._illus:
            return
        self._illus = illus
        self._phase = self._phase_at_start = 0.0
        self._update_accessibility()
        self._sync_timer()
        self.update()

    def set_palette_(self, palette: IllustrationPalette) -> None:
        self._palette = palette
        self.update()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        self.update()

    def set_animation_speed(self, factor: float) -> None:
        if factor <= 0:
            raise ValueError("animation speed factor must be positive")
        self._rebase()
        self._speed = float(factor)

    def set_animation_enabled(self, enabled: bool) -> None:
        """Reduced-motion switch: when off, animated pictures rest on their first frame."""
        self._enabled = bool(enabled)
        if not enabled:
            self._phase = self._phase_at_start = 0.0
        self._sync_timer()
        self.update()

    def phase(self) -> float:
        return self._phase

    def is_animating(self) -> bool:
        return self._timer.isActive()

    # -- Qt -----------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 160)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = QRectF(self.rect())
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self._palette.background)
            if rect.width() > 1 and rect.height() > 1:
                dpr = self.devicePixelRatioF()
                key = (self._illus.name, self.width(), self.height(), dpr, _palette_key(self._palette),
                       tuple(sorted(self._labels.items())))
                if self._cache.key != key:  # size, picture, colours or labels changed: re-render still layers
                    self._cache = _LayerCache(key)
                _paint(painter, self._illus, rect, self._phase, self._palette, self._labels, self._cache, dpr)
        finally:
            painter.end()

    # -- internals ----------------------------------------------------------------------------------
    def _update_accessibility(self) -> None:
        self.setAccessibleName(self._illus.name.replace("_", " "))
        self.setAccessibleDescription(self._illus.description)

    def _sync_timer(self) -> None:
        if self._illus.animated and self._enabled and self.isVisible():
            if not self._timer.isActive():
                self._phase_at_start = self._phase
                self._clock.start()
                self._timer.start()
        else:
            self._stop()

    def _stop(self) -> None:
        if self._timer.isActive():
            self._rebase()
            self._timer.stop()

    def _rebase(self) -> None:
        # Fold the elapsed time into the phase so speed changes and pauses do not make the picture jump.
        if self._clock.isValid() and self._timer.isActive():
            self._phase = self._current_phase()
            self._phase_at_start = self._phase
            self._clock.restart()

    def _current_phase(self) -> float:
        cycle_ms = max(0.1, self._illus.cycle_seconds) * 1000.0
        return (self._phase_at_start + self._clock.elapsed() * self._speed / cycle_ms) % 1.0

    def _tick(self) -> None:
        self._phase = self._current_phase()
        self.update()


@lru_cache(maxsize=16)
def _qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    # micro=False: segno would pick a Micro QR for short data, which most phone cameras cannot read.
    qr = segno.make(data, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


QR_QUIET_ZONE = 4  # modules of light border the QR standard asks for


def paint_qr(painter: QPainter, data: str, rect: QRectF, dark: QColor, light: QColor) -> None:
    """Draw `data` as a QR code (error level M) with its quiet zone, as large as fits in `rect`, centred.

    Modules are snapped to whole device pixels whenever the painter is not rotated or scaled and the code is
    at least one pixel per module, so edges stay razor sharp for phone cameras.
    """
    matrix = _qr_matrix(data)
    n = len(matrix)
    total = n + 2 * QR_QUIET_ZONE
    rect = QRectF(rect)
    side = min(rect.width(), rect.height())
    if side <= 0:
        return
    module = side / total
    x0 = rect.x() + (rect.width() - side) / 2
    y0 = rect.y() + (rect.height() - side) / 2
    t = painter.worldTransform()
    # .value: PySide6 enums are not ordered (comparing them raises TypeError inside paintEvent).
    if t.type().value <= QTransform.TransformationType.TxTranslate.value and module >= 1:
        module = math.floor(module)
        x0 = round(rect.x() + (rect.width() - module * total) / 2 + t.dx()) - t.dx()
        y0 = round(rect.y() + (rect.height() - module * total) / 2 + t.dy()) - t.dy()
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:  # one rectangle per horizontal run of dark modules
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.addRect(QRectF(x0 + (QR_QUIET_ZONE + start) * module, y0 + (QR_QUIET_ZONE + r) * module,
                                    (c - start) * module, module))
            else:
                c += 1
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(x0, y0, module * total, module * total), light)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillPath(path, dark)
    painter.restore()


class QrCodeView(QWidget):
    """A square QR code that scales with the widget. Always dark on light: scanners need that contrast."""

    def __init__(self, data: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_data(data)

    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        self._data = data
        self.setAccessibleName("QR code")
        self.setAccessibleDescription(data)
        self.updateGeometry()
        self.update()

    def modules(self) -> int:
        """Side of the code in modules, quiet zone included."""
        return len(_qr_matrix(self._data)) + 2 * QR_QUIET_ZONE if self._data else 0

    def sizeHint(self) -> QSize:
        side = max(240, self.modules() * 6)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = max(96, self.modules() * 2)  # two pixels per module is the least a phone reliably reads
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._data:
            return
        painter = QPainter(self)
        paint_qr(painter, self._data, QRectF(self.rect()), QColor("#000000"), QColor("#FFFFFF"))
        painter.end()
