"""Pictures of a person moving, seen from the side: stairs (animated), bend, stretch (animated)."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from kiosk.qt.pictures.canvas import _backdrop, _Ctx
from kiosk.qt.pictures.figures import _SHIN, _THIGH, _arm_by_angles, _arm_ik, _draw_side_figure, _leg_ik, _SidePose
from kiosk.qt.pictures.geometry import _ease, _lerp, _line, _pt, _unit
from kiosk.qt.pictures.palette import _alpha, _mix

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
