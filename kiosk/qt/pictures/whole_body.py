"""Pictures of the whole person, front and back: stress, body map."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPolygonF, QRadialGradient

from kiosk.qt.pictures.anatomy import _draw_pelvis, _draw_psoas_pair, _draw_spine_front, _psoas_front_points
from kiosk.qt.pictures.canvas import _backdrop, _Ctx
from kiosk.qt.pictures.figures import _front_body, _front_hair
from kiosk.qt.pictures.geometry import _ellipse, _lerp, _line, _pt, _pts, _smooth
from kiosk.qt.pictures.palette import _alpha, _mix


def _draw_stress(ctx: _Ctx) -> None:
    _backdrop(ctx)
    circle = _ellipse(500, 500, 455, 455)
    sc, fx, fy = 1.2, 420.0, 60.0
    ctx.p.save()
    ctx.p.setClipPath(circle)  # a portrait crop: the legs run out of the disc, the psoas stays large
    with ctx.local(fx, fy, sc):
        _draw_tense_person(ctx)
    ctx.p.restore()
    _draw_startle_arcs(ctx, _pt(fx, fy + 76 * sc))
    _draw_alert_badge(ctx)


def _draw_tense_person(ctx: _Ctx) -> None:
    """The person, shoulders raised, with a small x-ray of the spine and the tightened psoas pair."""
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


def _draw_startle_arcs(ctx: _Ctx, head_c: QPointF) -> None:
    """Startle cue: soft 'vibration' arcs beside the head."""
    for side in (-1, 1):
        for r in (92, 122):
            arc = QPainterPath()
            rect = QRectF(head_c.x() - r, head_c.y() - r, 2 * r, 2 * r)
            start = -28.0 if side > 0 else 152.0
            arc.arcMoveTo(rect, start)
            arc.arcTo(rect, start, 56.0)
            ctx.stroke(arc, _alpha(ctx.pal.accent, 0.95 - (r - 92) / 100), 9)


def _draw_alert_badge(ctx: _Ctx) -> None:
    """Alert badge: a rounded disc with a soft lightning bolt, labelled 'stress'."""
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
                _draw_back_pain_areas(ctx, soft)
            else:
                _draw_front_pain_areas(ctx, soft)
            ctx.p.restore()
        ctx.label("back" if back else "front", None, _pt(cx, 952), align="center")


def _draw_back_pain_areas(ctx: _Ctx, soft: QPen) -> None:
    """Back view: spine and buttock lines, glow on the lower back, its base, the buttocks and down the leg."""
    spine = QPainterPath(_pt(0, 170))
    spine.lineTo(_pt(0, 520))
    dash = QPen(soft)
    dash.setDashPattern([2, 2.5])
    ctx.p.strokePath(spine, dash)
    ctx.p.strokePath(_smooth(_pts([(-4, 600), (-40, 618), (-90, 606)]), closed=False), soft)
    ctx.p.strokePath(_smooth(_pts([(4, 600), (40, 618), (90, 606)]), closed=False), soft)
    _glow_spot(ctx, 0, 445, 88, 44)  # lower back
    _glow_spot(ctx, 0, 515, 52, 36)  # lumbosacral border
    for side in (-1, 1):
        _glow_spot(ctx, side * 54, 560, 50, 42)  # buttocks
    _glow_line(ctx, [(58, 610), (62, 700), (60, 790), (56, 860)])  # down the back of the leg


def _draw_front_pain_areas(ctx: _Ctx, soft: QPen) -> None:
    """Front view: the navel, glow on the pelvis, both groins and down the front of the leg."""
    ctx.p.strokePath(_ellipse(0, 420, 4, 6), soft)  # navel
    _glow_spot(ctx, 0, 520, 84, 46)  # pelvis
    for side in (-1, 1):
        _glow_spot(ctx, side * 58, 582, 38, 18, rot=side * 32)  # groin
    _glow_line(ctx, [(-52, 620), (-58, 700), (-56, 790), (-52, 850)])  # down the front of the leg


def _glow_spot(ctx: _Ctx, cx: float, cy: float, rx: float, ry: float, rot: float = 0.0,
               strength: float = 0.85) -> None:
    """A soft elliptical glow in the psoas colour, fading out to its rim."""
    glow = ctx.pal.muscle
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


def _glow_line(ctx: _Ctx, points: Sequence[tuple[float, float]]) -> None:
    """A glowing line in the psoas colour: pain running down the leg."""
    path = _smooth(_pts(points), closed=False)
    ctx.stroke(path, _alpha(ctx.pal.muscle, 0.35), 34)
    ctx.stroke(path, _alpha(ctx.pal.muscle, 0.9), 12)
