"""Links shown as QR codes: a YouTube link must carry an 11-character video id, and `check` says when it does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core import paths
from kiosk.core.content import load_library
from kiosk.core.links import link_problem, youtube_id


@pytest.mark.parametrize("url", [
    "https://youtu.be/fvee--yJGME",
    "https://www.youtube.com/watch?v=fvee--yJGME",
    "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
    "https://youtube.com/shorts/abc_DEF-123",
    "https://example.com/not-a-video",
])
def test_good_links_pass(url: str) -> None:
    assert link_problem(url) == ""


@pytest.mark.parametrize("url", [
    "https://youtu.be/fvee-yJGME",          # 10: the flyer's en dash read as one hyphen
    "https://youtu.be/fvee\u2013yJGME",     # the en dash itself
    "https://youtu.be/fvee--yJGME1",        # 12
    "https://www.youtube.com/watch?v=",
    "https://youtu.be/",
])
def test_broken_youtube_links_are_reported(url: str) -> None:
    assert "11 characters" in link_problem(url)


def test_youtube_id_reads_each_kind_of_link() -> None:
    assert youtube_id("https://youtu.be/fvee--yJGME?t=3") == "fvee--yJGME"
    assert youtube_id("https://m.youtube.com/watch?v=fvee--yJGME&t=3") == "fvee--yJGME"
    assert youtube_id("https://www.youtube.com/embed/fvee--yJGME") == "fvee--yJGME"
    assert youtube_id("https://psoas.example/video") is None


def test_bundled_video_link_has_the_real_id() -> None:
    library = load_library(["en", "es"])
    for lang in ("en", "es"):
        links = [s.qr_url for s in library.get(lang).slides if s.qr_url]
        assert links == ["https://youtu.be/fvee--yJGME"], lang


def test_check_rejects_a_ten_character_video_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("en", "es"):
        shutil.copy(paths.resource_path("content", f"{lang}.toml"), tmp_path / f"{lang}.toml")
    assert main(["check", "--content-dir", str(tmp_path)]) == 0
    en = tmp_path / "en.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("fvee--yJGME", "fvee-yJGME"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--content-dir", str(tmp_path)]) == 2
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "video" in printed and "'fvee-yJGME'" in printed and "11 characters" in printed
