"""Pictures of the inside of the body: skeleton, organs (animated), breath (animated), disc."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QRadialGradient

from kiosk.qt.pictures.anatomy import _LEVELS, _PSOAS, _draw_pelvis, _draw_psoas_pair, _draw_spine_front
from kiosk.qt.pictures.canvas import _backdrop, _Ctx
from kiosk.qt.pictures.figures import _torso_outline
from kiosk.qt.pictures.geometry import (
    _capsule,
    _ease,
    _ellipse,
    _lerp,
    _line,
    _perp,
    _polyline,
    _pt,
    _pts,
    _smooth,
    _unit,
)
from kiosk.qt.pictures.palette import _alpha, _mix


def _draw_skeleton(ctx: _Ctx) -> None:
    _backdrop(ctx)
    _draw_pelvis(ctx, fade_end=972)
    _draw_spine_front(ctx, tag_levels=("T12", "L5"))
    _draw_psoas_pair(ctx)
    ctx.label("spine", _pt(462, 215), _pt(60, 150), align="left")
    ctx.label("psoas", _pt(392, 330), _pt(60, 330), align="left")
    ctx.label("pelvis", _pt(724, 440), _pt(940, 420), align="right")
    ctx.label("femur", _pt(735, 840), _pt(940, 830), align="right")


_ORGANS_SC, _ORGANS_OY = 0.8, 246.0


def _organs_model(dx: float, y: float) -> QPointF:
    return _pt(500 + dx * _ORGANS_SC, _ORGANS_OY + y * _ORGANS_SC)


def _draw_organs(ctx: _Ctx) -> None:
    _backdrop(ctx)
    ctx.shape(_torso_outline(), ctx.figure, ctx.pal.outline)
    sc, oy = _ORGANS_SC, _ORGANS_OY
    with ctx.local(500 * (1 - sc), oy, sc):
        _draw_pelvis(ctx, fade_end=880, iliacus=False)
        _draw_spine_front(ctx, ribs_on_t12=False)
        _draw_psoas_pair(ctx)
    _draw_great_vessels(ctx)
    # Organs, translucent so the psoas behind them stays visible.
    organ_fill = _alpha(ctx.organ, 0.42)
    organ_line = _alpha(ctx.pal.outline, 0.6)
    _draw_upper_organs(ctx, organ_fill, organ_line)
    _draw_intestines(ctx, organ_fill, organ_line)
    bladder = _ellipse(500, 858, 52, 38)
    ctx.shape(bladder, organ_fill, organ_line)

    ctx.label("psoas", _organs_model(-168, 560), _pt(40, 700), align="left")
    ctx.label("organs", _pt(640, 330), _pt(960, 250), align="right")


def _draw_great_vessels(ctx: _Ctx) -> None:
    """Great vessels in front of the spine, branching along the inner edge of each psoas."""
    model = _organs_model
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


def _draw_upper_organs(ctx: _Ctx, organ_fill: QColor, organ_line: QColor) -> None:
    """Liver, stomach and both kidneys."""
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


def _draw_intestines(ctx: _Ctx, organ_fill: QColor, organ_line: QColor) -> None:
    """The colon framing the belly, and the small intestine inside it with a few loops drawn in."""
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
    # Lower ribcage, drawn behind the dome (as the back ribs would be) so the dome always reads clearly.
    _draw_lower_ribcage(ctx, 1 + 0.05 * s)
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


def _draw_lower_ribcage(ctx: _Ctx, w: float) -> None:
    """Three lower ribs a side and the costal margin; `w` widens them with the breath."""
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


def _draw_disc(ctx: _Ctx) -> None:
    _backdrop(ctx)
    lower_y, upper_y = 452.0, 150.0
    _draw_vertebra_side(ctx, lower_y)
    _draw_vertebra_side(ctx, upper_y)
    top, bot = upper_y + 230, lower_y
    _draw_squeezed_disc(ctx, top, bot)
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


def _draw_vertebra_side(ctx: _Ctx, y0: float) -> None:
    """A lumbar vertebra seen from the side, its body's top edge at `y0`."""
    # The posterior arch (pedicle, articular processes, spinous process) behind the body.
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


def _draw_squeezed_disc(ctx: _Ctx, top: float, bot: float) -> None:
    """The disc between two vertebrae, squeezed thin and bulging backwards, with a warning glow."""
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
