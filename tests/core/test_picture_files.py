"""Picture files: `check` names the file and what is wrong; content finds a clinic's own pictures first; the bundled
pictures follow the SVG contract (one per slide, the anchors their labels need, the moving groups the slides use)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.commands.check import collect_problems
from kiosk.core import paths
from kiosk.core.content import ContentError, load_content_file, load_library
from kiosk.core.pictures import COLOURS, check_picture, find_picture, palette_css, read_motion
from kiosk.core.theme import contrast_ratio

ROOT = Path(__file__).resolve().parents[2]

# The SVG picture contract: slide id -> (file, label anchor keys, moving groups it must have).
CONTRACT = {
    "free-assessment": ("phone-call.svg", set(), set()),
    "meet-psoas": ("psoas-front.svg", {"psoas", "spine", "pelvis", "femur"}, set()),
    "where-is-it": ("psoas-attachments.svg", {"t12", "l5", "pelvis", "femur", "psoas"}, set()),
    "spine-to-legs": ("spine-to-legs.svg", {"spine", "psoas", "femur"}, set()),
    "lifts-your-legs": ("stairs.svg", {"psoas", "femur"}, {"move-leg"}),
    "bend-and-steady": ("bend.svg", {"psoas", "spine"}, set()),
    "organs-and-flow": ("organs.svg", {"psoas", "organs"}, set()),
    "breathing": ("breathing.svg", {"psoas", "diaphragm"}, {"move-diaphragm"}),
    "stress": ("stress.svg", {"psoas", "stress"}, set()),
    "symptoms-1": ("symptoms-back.svg", {"lower_back", "buttock", "leg"}, set()),
    "symptoms-2": ("symptoms-front.svg", {"groin", "pelvis", "chest"}, set()),
    "why-it-hurts": ("disc-squeeze.svg", {"spine", "disc", "psoas"}, set()),
    "stretching": ("stretch.svg", {"psoas"}, {"move-stretch"}),
    "video": ("video.svg", set(), set()),
    "book-appointment": ("appointment.svg", set(), set()),
}

GOOD = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">
<style id="palette">.bone{fill:#F6EFE2;stroke:#2F4256}.anchor{fill:none;stroke:none}</style>
<g id="layer-bone"><rect class="bone" x="100" y="100" width="300" height="300"/>
<circle id="anchor-psoas" class="anchor" cx="250" cy="250" r="6"/></g>
<g id="move-leg" data-motion="rotate" data-pivot="500 500" data-from="0" data-to="30" data-seconds="4">
<rect class="bone" x="500" y="500" width="300" height="60"/></g>
</svg>"""


def _svg(tmp_path: Path, text: str, name: str = "picture.svg") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- check_picture ---------------------------------------------------------------------------------------------


def test_a_good_picture_has_no_problems(tmp_path: Path) -> None:
    assert check_picture(_svg(tmp_path, GOOD), ["psoas"], ["move-leg"]) == []


def test_broken_xml_is_reported_with_the_file(tmp_path: Path) -> None:
    path = _svg(tmp_path, GOOD.replace("</svg>", ""))
    [problem] = check_picture(path, ["psoas"])
    assert problem.where == str(path) and "not a readable SVG" in problem.message


def test_a_file_that_is_not_svg_is_reported(tmp_path: Path) -> None:
    [problem] = check_picture(_svg(tmp_path, "<html><body/></html>"), [])
    assert "root element should be <svg>" in problem.message


def test_missing_view_box_is_reported(tmp_path: Path) -> None:
    [problem] = check_picture(_svg(tmp_path, GOOD.replace(' viewBox="0 0 1000 1000"', "")), ["psoas"])
    assert "viewBox" in problem.message
    [problem] = check_picture(_svg(tmp_path, GOOD.replace('viewBox="0 0 1000 1000"', 'viewBox="0 0 0 10"')), [])
    assert "viewBox" in problem.message


def test_missing_anchor_and_moving_group_are_named(tmp_path: Path) -> None:
    path = _svg(tmp_path, GOOD)
    problems = check_picture(path, ["psoas", "femur"], ["move-leg", "move-arm"])
    assert [str(p) for p in problems] == [
        f"{path}: no element with id 'anchor-femur' for the label 'femur'",
        f"{path}: no group with id 'move-arm' to animate",
    ]


@pytest.mark.parametrize(("old", "new", "named"), [
    ('data-motion="rotate"', 'data-motion="spin"', "data-motion"),
    ('data-pivot="500 500"', 'data-pivot="500"', "data-pivot"),
    ('data-from="0"', 'data-from="zero"', "data-from"),
    ('data-to="30"', "", "data-to"),
    ('data-seconds="4"', 'data-seconds="0"', "data-seconds"),
    ('data-seconds="4"', 'data-seconds="nan"', "data-seconds"),
    ('data-motion="rotate"', 'data-motion="translate"', "data-from"),  # translate needs 'dx dy'
])
def test_bad_motion_data_is_reported(tmp_path: Path, old: str, new: str, named: str) -> None:
    [problem] = check_picture(_svg(tmp_path, GOOD.replace(old, new)), ["psoas"])
    assert "'move-leg'" in problem.message and named in problem.message


def test_a_moving_group_inside_a_layer_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace('<g id="move-leg"', '<g id="layer-x"><g id="move-leg"')
    text = text.replace("</g>\n</svg>", "</g></g>\n</svg>")
    [problem] = check_picture(_svg(tmp_path, text), ["psoas"])
    assert "'move-leg' should be a top-level group" in problem.message


def test_an_anchor_inside_a_moving_group_is_reported(tmp_path: Path) -> None:
    anchor = '<circle id="anchor-femur" cx="600" cy="530" r="6"/>'
    text = GOOD.replace('<rect class="bone" x="500"', anchor + '<rect class="bone" x="500"')
    [problem] = check_picture(_svg(tmp_path, text), ["psoas", "femur"])
    assert "anchor 'anchor-femur' is inside the moving group 'move-leg'" in problem.message


def test_motion_eases_there_and_back_once_a_loop() -> None:
    element = ET.fromstring('<g id="move-x" data-motion="translate" data-from="0 0" data-to="10 -20" '
                            'data-seconds="4"/>')
    motion, error = read_motion(element)
    assert motion is not None and error == ""
    assert motion.pivot == (0.0, 0.0)
    assert motion.value(0) == (0.0, 0.0)
    assert motion.value(2) == pytest.approx((10.0, -20.0))
    assert motion.value(1) == pytest.approx(motion.value(3))
    assert motion.value(4) == pytest.approx((0.0, 0.0))


# ---- colours -----------------------------------------------------------------------------------------------------


def test_one_colour_table_gives_both_palettes() -> None:
    normal, high = palette_css(False), palette_css(True)
    assert ".psoas{fill:#E4573D;stroke:#8E2A17}" in normal and ".psoas{fill:#FFD400;stroke:#FFFFFF}" in high
    assert ".shade{fill:#000000;opacity:0.08}" in normal and ".shade{fill:#000000;opacity:0}" in high
    assert set(COLOURS) >= {"outline", "bone", "psoas", "iliacus", "muscle", "organ", "skin", "cloth", "diaphragm",
                            "disc", "highlight", "accent", "device", "screen", "ground", "shade", "anchor"}


def test_high_contrast_outlines_stand_out_on_black() -> None:
    # Every outlined part is drawn in white on the black ground; the psoas itself is the brightest fill.
    for name, (_, (_fill, stroke, _opacity)) in COLOURS.items():
        if stroke and stroke != "none":
            assert contrast_ratio(stroke, "#000000") >= 4.5, name
    assert contrast_ratio(COLOURS["psoas"][1][0] or "", "#000000") >= 4.5


# ---- content and finding files -------------------------------------------------------------------------------------


def _content_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for lang in ("en", "es"):
        text = paths.resource_path("content", f"{lang}.toml").read_text(encoding="utf-8")
        (folder / f"{lang}.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_clinics_own_picture_wins_over_the_bundled_one(tmp_path: Path) -> None:
    folder = _content_dir(tmp_path)
    bundled = paths.resource_path("illustrations", "stairs.svg")
    assert find_picture("stairs.svg", folder) == bundled
    (folder / "stairs.svg").write_text(GOOD, encoding="utf-8")
    assert find_picture("stairs.svg", folder) == folder / "stairs.svg"
    (folder / "illustrations").mkdir()
    (folder / "illustrations" / "stairs.svg").write_text(GOOD, encoding="utf-8")
    slide = next(s for s in load_content_file(folder / "en.toml").slides if s.id == "lifts-your-legs")
    assert slide.picture == "stairs.svg" and slide.picture_path == folder / "illustrations" / "stairs.svg"


def test_old_illustration_field_and_bad_picture_names_are_reported(tmp_path: Path) -> None:
    folder = _content_dir(tmp_path)
    path = folder / "en.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('picture = "stairs.svg"', 'illustration = "stairs"', 1)
                        .replace('picture = "bend.svg"', 'picture = "../bend.svg"', 1)
                        .replace('picture = "stress.svg"', 'picture = "stress.png"', 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content_file(path)
    message = str(err.value)
    assert "slide 'lifts-your-legs': field 'illustration' is now 'picture'" in message
    assert "slide 'bend-and-steady': field 'picture' should be a file name" in message
    assert "slide 'stress': field 'picture' should name an .svg file" in message


def test_check_names_the_picture_file_and_the_missing_id(tmp_path: Path) -> None:
    folder = _content_dir(tmp_path)
    (folder / "illustrations").mkdir()
    broken = folder / "illustrations" / "psoas-front.svg"
    broken.write_text(GOOD, encoding="utf-8")  # has only anchor-psoas: spine, pelvis and femur are missing
    (folder / "stairs.svg").write_text("<svg", encoding="utf-8")
    text = (folder / "en.toml").read_text(encoding="utf-8").replace('picture = "stress.svg"', 'picture = "x.svg"')
    (folder / "en.toml").write_text(text, encoding="utf-8")
    problems = [str(p) for p in collect_problems(None, folder)[0]]
    assert f"{broken}: no element with id 'anchor-spine' for the label 'spine'" in problems
    assert f"{broken}: no element with id 'anchor-femur' for the label 'femur'" in problems
    assert any(p.startswith(f"{folder / 'stairs.svg'}: not a readable SVG") for p in problems)
    assert any("slide 'stress': picture file 'x.svg' not found" in p for p in problems)
    assert len([p for p in problems if "anchor-spine" in p]) == 1  # en and es share the file: reported once


def test_check_command_fails_on_a_broken_picture(tmp_path: Path) -> None:
    folder = _content_dir(tmp_path)
    (folder / "breathing.svg").write_text(GOOD.replace(' viewBox="0 0 1000 1000"', ""), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "kiosk", "check", "--content-dir", str(folder)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"PROBLEM {folder / 'breathing.svg'}: the <svg> element needs a viewBox" in proc.stdout
    assert f"PROBLEM {folder / 'breathing.svg'}: no element with id 'anchor-diaphragm'" in proc.stdout


# ---- the bundled pictures --------------------------------------------------------------------------------------------


def test_every_slide_has_its_own_picture_as_the_contract_says() -> None:
    library = load_library(["en", "es"])
    for content in library.by_language.values():
        assert {s.id: s.picture for s in content.slides} == {k: v[0] for k, v in CONTRACT.items()}
        assert len({s.picture for s in content.slides}) == len(content.slides)  # no two slides share a picture
        for slide in content.slides:
            _file, keys, _moves = CONTRACT[slide.id]
            assert set(slide.labels) == keys, slide.id
            assert all(text.strip() for text in slide.labels.values()), slide.id
            assert 30 < len(slide.picture_description) < 300, slide.id


@pytest.mark.parametrize("slide_id", sorted(CONTRACT))
def test_bundled_pictures_pass_check_with_their_labels_and_motion(slide_id: str) -> None:
    file, keys, moves = CONTRACT[slide_id]
    path = paths.resource_path("illustrations", file)
    assert path.is_file(), file
    assert check_picture(path, sorted(keys), sorted(moves)) == []
    root = ET.parse(path).getroot()
    assert [e.get("id") for e in root.iter() if e.get("id") == "palette"] == ["palette"]
    for element in root.iter():  # colours only through classes, so high contrast can recolour the drawing
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none"), (file, element.get("id"), attribute)
        assert element.tag.rsplit("}", 1)[-1] not in ("text", "image", "filter", "mask"), file


def test_bundled_check_is_clean() -> None:
    problems, _checked = collect_problems(None)
    assert [str(p) for p in problems if "illustrations" in p.where or "picture" in p.message] == []
