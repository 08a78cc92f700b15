"""Slide picture files (SVG): where they are found, their colour table, their moving groups, and checking them.

Plain Python (xml.etree), so `check` can validate a clinic's pictures without a display; the Qt renderer in
kiosk.qt.pictures reads the same colour table and motion data from here. The contract the artwork follows is in
docs (SVG picture contract): a viewBox, colours only through classes in one `<style id="palette">` block, label
anchors `anchor-<key>`, still layers and `move-<name>` groups with data-motion/pivot/from/to/seconds.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core import paths
from kiosk.core.config import Problem

SVG_NS = "http://www.w3.org/2000/svg"
MOTIONS = ("rotate", "translate", "scale-y")
LABEL_KEY = re.compile(r"^[a-z0-9_]+$")

# One table for both looks: class -> (normal (fill, stroke, opacity), high contrast (fill, stroke, opacity)).
# None leaves the property out. High contrast recolours the same drawing (the kiosk swaps the palette block).
COLOURS: dict[str, tuple[tuple[str | None, str | None, float | None], tuple[str | None, str | None, float | None]]] = {
    "outline": (("none", "#2F4256", None), ("none", "#FFFFFF", None)),
    "bone": (("#F6EFE2", "#2F4256", None), ("#000000", "#FFFFFF", None)),
    "psoas": (("#E4573D", "#8E2A17", None), ("#FFD400", "#FFFFFF", None)),
    "iliacus": (("#F08A5D", "#8E2A17", None), ("#FFA800", "#FFFFFF", None)),
    "muscle": (("#E7B9A8", "#9C5B4B", None), ("#7A4FCC", "#FFFFFF", None)),
    "organ": (("#C9D8E6", "#2F4256", None), ("#1B3A66", "#FFFFFF", None)),
    "skin": (("#F3D9C6", "#2F4256", None), ("#333333", "#FFFFFF", None)),
    "cloth": (("#3A7CA5", "#2F4256", None), ("#005F87", "#FFFFFF", None)),
    "diaphragm": (("#B5838D", "#6D3B47", None), ("#B07CFF", "#FFFFFF", None)),
    "disc": (("#7FB7C9", "#2F4256", None), ("#00D7F0", "#FFFFFF", None)),
    "highlight": (("#E4573D", None, 0.45), ("#FFD400", None, 0.7)),
    "accent": (("#3A9AAE", None, None), ("#00D7F0", None, None)),
    "device": (("#2F4256", None, None), ("#FFFFFF", None, None)),
    "screen": (("#E8F3F6", None, None), ("#000000", None, None)),
    "ground": (("#DCE3E8", None, None), ("#333333", None, None)),
    "shade": (("#000000", None, 0.08), ("#000000", None, 0.0)),
    "anchor": (("none", "none", None), ("none", "none", None)),
}


def palette_css(high_contrast: bool) -> str:
    """The text of the `<style id="palette">` block for the normal or the high-contrast look."""
    rules = []
    for name, looks in COLOURS.items():
        fill, stroke, opacity = looks[1 if high_contrast else 0]
        props = [f"fill:{fill}" if fill else "", f"stroke:{stroke}" if stroke else "",
                 f"opacity:{opacity:g}" if opacity is not None else ""]
        rules.append(f".{name}{{{';'.join(p for p in props if p)}}}")
    return "\n".join(rules)


def picture_folders(content_folder: Path | None) -> list[Path]:
    """Where a slide's picture file is looked for: the clinic's content folder first, then the bundled pictures."""
    folders = [content_folder / "illustrations", content_folder] if content_folder else []
    return [*folders, paths.resource_path("illustrations")]


def find_picture(name: str, content_folder: Path | None) -> Path | None:
    """The picture file a slide names, or None when no folder has it."""
    for folder in picture_folders(content_folder):
        path = folder / name
        if path.is_file():
            return path
    return None


def picture_name_problem(name: str) -> str:
    """Why a slide's `picture` value cannot name a picture file ('' when it can)."""
    path = Path(name)
    if path.suffix.lower() != ".svg":
        return f"field 'picture' should name an .svg file, got '{name}'"
    if path.is_absolute() or ".." in path.parts:
        return f"field 'picture' should be a file name in the content folder, got '{name}'"
    return ""


@dataclass(frozen=True)
class Motion:
    """A `move-*` group's animation: eases from `start` to `end` and back once every `seconds`."""

    group: str
    kind: str  # rotate (degrees about the pivot) | translate (dx dy) | scale-y (factor about the pivot)
    pivot: tuple[float, float]
    start: tuple[float, ...]
    end: tuple[float, ...]
    seconds: float

    def value(self, seconds: float) -> tuple[float, ...]:
        """The group's transform values `seconds` into the loop (start at 0, end half a loop later)."""
        t = (1 - math.cos(2 * math.pi * (seconds % self.seconds) / self.seconds)) / 2
        return tuple(a + (b - a) * t for a, b in zip(self.start, self.end, strict=True))

    def matrix(self, seconds: float) -> tuple[float, float, float, float, float, float]:
        """The group's affine transform at `seconds`, (m11, m12, m21, m22, dx, dy) as QTransform takes it:
        x' = m11 x + m21 y + dx, y' = m12 x + m22 y + dy (SVG units, y down, degrees clockwise)."""
        value = self.value(seconds)
        px, py = self.pivot
        if self.kind == "translate":
            return (1.0, 0.0, 0.0, 1.0, value[0], value[1])
        if self.kind == "scale-y":
            return (1.0, 0.0, 0.0, value[0], 0.0, py - value[0] * py)
        c, s = math.cos(math.radians(value[0])), math.sin(math.radians(value[0]))
        return (c, s, -s, c, px - c * px + s * py, py - s * px - c * py)


def _numbers(text: str | None, count: int) -> tuple[float, ...] | None:
    try:
        values = tuple(float(v) for v in (text or "").replace(",", " ").split())
    except ValueError:
        return None
    return values if len(values) == count and all(math.isfinite(v) for v in values) else None


def read_motion(element: ET.Element) -> tuple[Motion | None, str]:
    """A move-* group's Motion, or None and what is wrong with its data-* attributes."""
    group = element.get("id", "")
    kind = element.get("data-motion", "")
    if kind not in MOTIONS:
        return None, f"group '{group}': data-motion should be one of {', '.join(MOTIONS)}, got '{kind}'"
    size = 2 if kind == "translate" else 1
    pivot = _numbers(element.get("data-pivot", "0 0" if kind == "translate" else None), 2)
    start, end = _numbers(element.get("data-from"), size), _numbers(element.get("data-to"), size)
    seconds = _numbers(element.get("data-seconds"), 1)
    wanted = "two numbers 'dx dy'" if size == 2 else "a number"
    for name, value, what in (("data-pivot", pivot, "two numbers 'x y'"), ("data-from", start, wanted),
                              ("data-to", end, wanted), ("data-seconds", seconds, "a number")):
        if value is None:
            return None, f"group '{group}': {name} should be {what}, got '{element.get(name, '')}'"
    assert pivot and start and end and seconds  # each was checked just above
    if not 0.5 <= seconds[0] <= 60:
        return None, f"group '{group}': data-seconds should be 0.5 to 60, got '{element.get('data-seconds')}'"
    return Motion(group, kind, (pivot[0], pivot[1]), start, end, seconds[0]), ""


def view_box(root: ET.Element) -> tuple[float, float, float, float] | None:
    """The root's viewBox (x, y, width, height), or None when missing or unusable."""
    box = _numbers(root.get("viewBox"), 4)
    return (box[0], box[1], box[2], box[3]) if box and box[2] > 0 and box[3] > 0 else None


def local(tag: str) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def check_picture(path: Path, label_keys: Iterable[str] = (), moves: Iterable[str] = ()) -> list[Problem]:
    """Everything wrong with one picture file for a slide with these labels (and these move-* groups)."""
    where = str(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        return [Problem(where, f"not a readable SVG file ({exc.__class__.__name__}: {exc})")]
    if local(root.tag) != "svg":
        return [Problem(where, f"the root element should be <svg>, got <{local(root.tag)}>")]
    problems = []
    if view_box(root) is None:
        problems.append(Problem(where, "the <svg> element needs a viewBox='x y width height'"))
    ids = {e.get("id") for e in root.iter()}
    for key in label_keys:
        if f"anchor-{key}" not in ids:
            problems.append(Problem(where, f"no element with id 'anchor-{key}' for the label '{key}'"))
    for move in moves:
        if move not in ids:
            problems.append(Problem(where, f"no group with id '{move}' to animate"))
    for element in root.iter():
        if element is not root and (element.get("id") or "").startswith("move-"):
            if element not in list(root):
                problems.append(Problem(where, f"group '{element.get('id')}' should be a top-level group"))
                continue
            error = read_motion(element)[1]
            if error:
                problems.append(Problem(where, error))
            for inner in element.iter():
                if (inner.get("id") or "").startswith("anchor-"):
                    problems.append(Problem(where, f"anchor '{inner.get('id')}' is inside the moving group "
                                                   f"'{element.get('id')}': labels point at anchors that keep still"))
    return problems
