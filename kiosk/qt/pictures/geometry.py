"""Vector and path helpers the drawings are built from: points, splines, capsules, ellipses, IK."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QTransform


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


def _line(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.lineTo(b)
    return path


def _polyline(points: Sequence[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for q in points[1:]:
        path.lineTo(q)
    return path


def _side(coords: Sequence[tuple[float, float]], s: int, cx: float = 500.0) -> list[QPointF]:
    return [QPointF(cx + s * x, y) for x, y in coords]


def _sym_shape(half: Sequence[tuple[float, float]], cx: float = 500.0) -> QPainterPath:
    """Closed smooth shape from its right half (listed top to bottom on the centre line ends)."""
    right = list(half)
    left = [(-x, y) for x, y in reversed(right[1:-1])]
    return _smooth([QPointF(cx + x, y) for x, y in right + left])
