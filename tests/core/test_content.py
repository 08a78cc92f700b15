"""Content files: the bundled ones cover the flyer; broken files are reported by file, slide and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import paths
from kiosk.core.content import ContentError, load_content_file, load_library

FLYER_SYMPTOMS = 11


def test_bundled_languages_load_and_match() -> None:
    library = load_library(["en", "es"])
    assert library.problems == []
    en, es = library.get("en"), library.get("es")
    assert len(en.slides) >= 8
    assert len(en.symptoms) == FLYER_SYMPTOMS
    assert [s.id for s in en.slides] == [s.id for s in es.slides]
    assert [s.id for s in en.symptoms] == [s.id for s in es.symptoms]


def test_flyer_topics_are_covered() -> None:
    en = load_library(["en"]).get("en")
    text = " ".join(f"{s.title} {s.body} {' '.join(s.bullets)}" for s in en.slides).lower()
    for phrase in ("t12", "l5", "pelvis", "thigh", "stairs", "walk", "pick", "organ", "lymph", "breath",
                   "diaphragm", "fight", "disc", "stretch", "free phone assessment"):
        assert phrase in text, phrase
    pictures = {s.picture for s in en.slides}
    assert {"psoas-front.svg", "stairs.svg", "bend.svg", "breathing.svg", "disc-squeeze.svg", "stretch.svg"} <= pictures
    video = [s for s in en.slides if s.qr_url]
    assert len(video) == 1 and video[0].qr_url.startswith("https://youtu.be/")


def _broken(tmp_path: Path, replace_from: str, replace_to: str) -> Path:
    text = paths.resource_path("content", "en.toml").read_text(encoding="utf-8")
    assert replace_from in text
    path = tmp_path / "en.toml"
    path.write_text(text.replace(replace_from, replace_to, 1), encoding="utf-8")
    return path


def test_missing_field_names_file_slide_and_field(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'picture = "psoas-front.svg"', "")
    with pytest.raises(ContentError) as err:
        load_content_file(path)
    message = str(err.value)
    assert str(path) in message and "slide 'meet-psoas'" in message and "missing field 'picture'" in message


def test_wrong_type_is_reported(tmp_path: Path) -> None:
    text = paths.resource_path("content", "en.toml").read_text(encoding="utf-8")
    first_seconds = text.index("seconds = ")
    end = text.index("\n", first_seconds)
    path = tmp_path / "en.toml"
    path.write_text(text[:first_seconds] + 'seconds = "long"' + text[end:], encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content_file(path)
    assert "'seconds' should be a number" in str(err.value)


def test_a_picture_that_is_not_svg_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'picture = "psoas-front.svg"', 'picture = "kangaroo.gif"')
    with pytest.raises(ContentError) as err:
        load_content_file(path)
    assert "should name an .svg file, got 'kangaroo.gif'" in str(err.value)


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "en.toml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content_file(path)
    assert "empty" in str(err.value) and str(path) in str(err.value)


def test_broken_custom_content_falls_back_to_bundled(tmp_path: Path) -> None:
    _broken(tmp_path, 'picture = "psoas-front.svg"', 'picture = "kangaroo.gif"')
    library = load_library(["en"], tmp_path)
    assert library.problems and "kangaroo" in str(library.problems[0])
    assert library.get("en").source == str(paths.resource_path("content", "en.toml"))
