"""Preview tool for the illustration SVGs: renders them with QtSvg, as the kiosk does, to PNG files.

Usage:
    python3 tools/preview_svg.py resources/illustrations/breathing.svg --size 900 --anchors --out /tmp/preview
    python3 tools/preview_svg.py resources/illustrations/*.svg --size 500 --palette high

Writes <out>/<name>-<size>-<palette>.png for each file and palette (normal, high or both). With --anchors it
marks every `anchor-*` element with a ring and a dot, and --moving paints every `move-*` group at its "to" pose
as well, so a picture's parts can be checked by eye. It also prints any contract problem it notices (missing
viewBox or palette block, colours written on elements, text elements).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# the kiosk's own palettes, so the preview matches what the kiosk shows
from kiosk.core.pictures import palette_css

BACKGROUNDS = {"normal": "#FFFFFF", "high": "#000000"}
PALETTE_BLOCK = re.compile(r'(<style[^>]*id="palette"[^>]*>)(.*?)(</style>)', re.S)
MOVE_GROUP = re.compile(r'<g\s[^>]*id="(move-[\w-]+)"[^>]*>', re.S)


def with_palette(svg_text: str, palette: str) -> str:
    """Return the SVG text with its palette block replaced for the given palette name."""
    css = "\n" + palette_css(palette == "high") + "\n"
    return PALETTE_BLOCK.sub(lambda m: m.group(1) + css + m.group(3), svg_text, count=1)


def posed(svg_text: str, end: str) -> str:
    """Give every move-* group the transform of its data-from or data-to pose (end is "from" or "to")."""

    def pose(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        motion, value = attrs.get("data-motion", ""), attrs.get(f"data-{end}", "")
        px, py = [*attrs.get("data-pivot", "0 0").split(), "0", "0"][:2]
        if motion == "rotate":
            transform = f"rotate({value} {px} {py})"
        elif motion == "translate":
            transform = "translate({})".format(value.replace(" ", ","))
        elif motion == "scale-y":
            transform = f"translate({px},{py}) scale(1,{value}) translate({-float(px)},{-float(py)})"
        else:
            return tag
        return tag[:-1].rstrip("/") + f' transform="{transform}">'

    return MOVE_GROUP.sub(pose, svg_text)


def contract_problems(svg_text: str) -> list[str]:
    """Cheap checks of the picture contract that are easy to break by hand."""
    problems = []
    if 'viewBox="0 0 1000 1000"' not in svg_text:
        problems.append("no viewBox 0 0 1000 1000")
    if not PALETTE_BLOCK.search(svg_text):
        problems.append('no <style id="palette"> block')
    body = PALETTE_BLOCK.sub("", svg_text)
    for attr in ("fill", "stroke"):
        for value in re.findall(rf'\s{attr}="([^"]*)"', body):
            if value != "none":
                problems.append(f'{attr}="{value}" written on an element')
    if re.search(r"<text\b|<image\b|<filter\b|<mask\b|<clipPath\b", svg_text):
        problems.append("uses text, image, filter, mask or clipPath")
    return problems


def render(svg_text: str, size: int, palette: str, anchors: bool, out: Path) -> None:
    """Render one variant to a PNG of size x size pixels."""
    from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(with_palette(svg_text, palette).encode()))
    if not renderer.isValid():
        raise SystemExit(f"{out.name}: QtSvg could not parse it")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(BACKGROUNDS[palette]))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    if anchors:
        scale = size / renderer.viewBoxF().width()
        for key in re.findall(r'id="(anchor-[\w-]+)"', svg_text):
            centre = renderer.transformForElement(key).map(renderer.boundsOnElement(key).center()) * scale
            painter.setPen(QPen(QColor("#00A000"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(centre), 12, 12)
            painter.setBrush(QColor("#00A000"))
            painter.drawEllipse(QPointF(centre), 3, 3)
            painter.drawText(QPointF(centre) + QPointF(14, -6), key.removeprefix("anchor-"))
    painter.end()
    image.save(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--size", type=int, action="append", help="PNG side in px (repeatable; default 900)")
    parser.add_argument("--palette", choices=["normal", "high", "both"], default="both")
    parser.add_argument("--anchors", action="store_true", help="mark the label anchors")
    parser.add_argument("--moving", action="store_true", help="also render the move-* groups at their 'to' pose")
    parser.add_argument("--out", type=Path, default=Path("/tmp/svg-preview"))
    args = parser.parse_args(argv)

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and painting need it
    args.out.mkdir(parents=True, exist_ok=True)
    palettes = ["normal", "high"] if args.palette == "both" else [args.palette]
    status = 0
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        for problem in contract_problems(text):
            print(f"{path.name}: {problem}")
            status = 1
        poses = [("", text)] + ([("-to", posed(text, "to"))] if args.moving and MOVE_GROUP.search(text) else [])
        for size in args.size or [900]:
            for palette in palettes:
                for suffix, variant in poses:
                    out = args.out / f"{path.stem}-{size}-{palette}{suffix}.png"
                    render(variant, size, palette, args.anchors, out)
                    print(out)
    return status


if __name__ == "__main__":
    sys.exit(main())
