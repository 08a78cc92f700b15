"""People: the posed side-view figure with its x-ray window, the front-view body, the bare torso."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from kiosk.qt.pictures.canvas import _Ctx
from kiosk.qt.pictures.geometry import _capsule, _dir, _ellipse, _ik, _lerp, _perp, _pt, _smooth, _sym_shape, _unit
from kiosk.qt.pictures.palette import _alpha


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
        _draw_far_side_and_body(ctx, pose)
    if "near_leg" in parts:
        ctx.merged(_leg_paths(pose.hip, pose.near_knee, pose.near_ankle, pose.near_foot, k), ctx.figure)
    if "xray" in parts:
        _draw_side_pelvis_and_spine(ctx, pose, spine_label)
    if "psoas" in parts:
        _draw_side_femur_and_psoas(ctx, pose, psoas_label, femur_label, lengthen)
    if "near_arm" in parts:
        ctx.merged(_arm_paths(pose.shoulder, pose.near_elbow, pose.near_wrist, k), ctx.figure)


def _label_beside(ctx: _Ctx, key: str, anchor: QPointF, pos: QPointF) -> None:
    """A label whose chip grows away from its anchor (leftwards when it sits left of it)."""
    ctx.label(key, anchor, pos, align="right" if pos.x() < anchor.x() else "left")


def _draw_far_side_and_body(ctx: _Ctx, pose: _SidePose) -> None:
    """The far arm and leg (a shade darker, behind), then torso, neck, head and hair."""
    k = pose.k
    ctx.merged(_arm_paths(pose.shoulder, pose.far_elbow, pose.far_wrist, k), ctx.figure_far)
    ctx.merged(_leg_paths(pose.hip, pose.far_knee, pose.far_ankle, pose.far_foot, k), ctx.figure_far)
    torso = _smooth([pose.tl(x, y) for x, y in _TORSO])
    head_parts, hair = _head_paths(pose)
    ctx.merged([torso, *head_parts], ctx.figure)
    ctx.shape(hair, ctx.hair)


def _draw_side_pelvis_and_spine(ctx: _Ctx, pose: _SidePose, spine_label: QPointF | None) -> None:
    """The x-ray window's bones: ilium, hip socket, sacrum and the lumbar vertebrae (L5 .. T12)."""
    k = pose.k
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
        _label_beside(ctx, "spine", pose.tl(-36, 150), spine_label)


def _draw_side_femur_and_psoas(ctx: _Ctx, pose: _SidePose, psoas_label: QPointF | None,
                               femur_label: QPointF | None, lengthen: float) -> None:
    """The near thigh bone and the psoas over it; `lengthen` (0..1) straightens and thins the muscle."""
    k = pose.k
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
        _label_beside(ctx, "psoas", centre.pointAtPercent(0.3), psoas_label)
    if femur_label is not None:
        _label_beside(ctx, "femur", _lerp(pose.hip, pose.near_knee, 0.62), femur_label)


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


def _torso_outline(belly: float = 0.0, ribs: float = 0.0) -> QPainterPath:
    """Front torso (no arms) used by 'organs' and 'breath'; belly/ribs widen it for breathing."""
    half = [(0, 22), (62, 26), (72, 70), (150, 102), (255, 128), (292, 170), (292 + ribs, 240),
            (270 + ribs, 340), (240 + belly, 450), (252 + belly * 0.6, 560), (290, 680), (300, 780),
            (292, 880), (276, 940), (222, 962), (120, 962), (46, 940), (14, 895), (0, 880)]
    return _sym_shape(half)
