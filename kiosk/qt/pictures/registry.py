"""The illustration registry: every picture's name, alt text, cycle, label keys and layers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.qt.pictures.canvas import _Ctx
from kiosk.qt.pictures.inside import (
    _draw_breath_body,
    _draw_breath_diaphragm,
    _draw_breath_sides,
    _draw_breath_skeleton,
    _draw_disc,
    _draw_organs,
    _draw_organs_flow,
    _draw_skeleton,
)
from kiosk.qt.pictures.movement import (
    _draw_bend,
    _draw_stairs_arm,
    _draw_stairs_body,
    _draw_stairs_leg,
    _draw_stairs_psoas,
    _draw_stairs_scene,
    _draw_stairs_xray,
    _draw_stretch_figure,
    _draw_stretch_psoas,
    _draw_stretch_scene,
)
from kiosk.qt.pictures.objects import _draw_phone, _draw_video
from kiosk.qt.pictures.whole_body import _draw_body_map, _draw_stress

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
