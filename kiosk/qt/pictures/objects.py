"""Pictures of things rather than the body: a phone playing a video, a handset beside a plan."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF, QTransform

from kiosk.qt.pictures.anatomy import _draw_pelvis, _draw_psoas_pair, _draw_spine_front
from kiosk.qt.pictures.canvas import _backdrop, _Ctx
from kiosk.qt.pictures.geometry import _capsule, _ellipse, _line, _polyline, _pt, _pts, _smooth
from kiosk.qt.pictures.palette import _alpha, _mix


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
    _draw_treatment_plan(ctx)
    _draw_ringing_handset(ctx)


def _draw_treatment_plan(ctx: _Ctx) -> None:
    """Clipboard with a treatment plan: a medical cross, a title and a list, three items ticked."""
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


def _draw_ringing_handset(ctx: _Ctx) -> None:
    """A friendly handset, tilted, ringing: two big rounded cups joined by a slimmer curved grip."""
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
