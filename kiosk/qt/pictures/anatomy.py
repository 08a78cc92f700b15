"""The front-view lumbopelvic model several pictures share: vertebrae, discs, pelvis, psoas pair."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainterPath, QPen

from kiosk.qt.pictures.canvas import DESIGN, _Ctx
from kiosk.qt.pictures.geometry import _capsule, _ellipse, _lerp, _line, _pt, _pts, _side, _smooth, _sym_shape
from kiosk.qt.pictures.palette import _alpha, _mix


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
    _draw_sacrum(ctx)
    for s in (-1, 1):
        _draw_hip_bone(ctx, s)
    for s in (-1, 1):
        _draw_femur_front(ctx, s, fade_end)
    if iliacus:
        for s in (-1, 1):
            _draw_iliacus(ctx, s)


def _draw_sacrum(ctx: _Ctx) -> None:
    """The sacrum with its paired foramina and the ridges between its fused segments."""
    sacrum = _sym_shape(_SACRUM)
    ctx.bone(sacrum)
    dpen = ctx.pen(ctx.bone_detail, ctx.ow * 0.6)
    for i, (dy, dx, r) in enumerate([(512, 36, 9), (546, 31, 8), (580, 25, 7), (612, 18, 6)]):
        for s in (-1, 1):
            ctx.shape(_ellipse(500 + s * dx, dy, r * 1.2, r), ctx.bone_shade, ctx.bone_detail, ctx.ow * 0.5)
        if i < 3:
            ctx.p.strokePath(_line(_pt(500 - dx + 14, dy + 17), _pt(500 + dx - 14, dy + 17)), dpen)


def _draw_hip_bone(ctx: _Ctx, s: int) -> None:
    """One hip bone (side `s`: -1 left, +1 right) with its opening, iliac fossa and hip socket."""
    hip = _smooth(_side(_HIP_BONE, s))
    hole = _ellipse(500 + s * 106, 702, 36, 26, rotate=-22 * s)
    ctx.shape(hip.subtracted(hole), ctx.pal.bone, ctx.pal.outline)
    ctx.shape(_smooth(_side(_FOSSA, s)), ctx.bone_shade)
    hx, hy, hr = _FEMUR_HEAD
    ctx.shape(_ellipse(500 + s * hx, hy, hr + 9, hr + 9), ctx.bone_shade, ctx.bone_detail, ctx.ow * 0.6)


def _draw_femur_front(ctx: _Ctx, s: int, fade_end: float) -> None:
    """One thigh bone, head in its socket, fading out down the shaft towards `fade_end`."""
    dpen = ctx.pen(ctx.bone_detail, ctx.ow * 0.6)
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
    junction = QPainterPath()
    jr = QRectF(500 + s * hx - hr, hy - hr, 2 * hr, 2 * hr)
    start = -50.0 if s > 0 else 130.0
    junction.arcMoveTo(jr, start)
    junction.arcTo(jr, start, 100.0)
    ctx.p.strokePath(junction, dpen)


def _draw_iliacus(ctx: _Ctx, s: int) -> None:
    """The iliacus filling one iliac fossa, its fibres converging towards the psoas tendon."""
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
