"""Slides a waiting room can read from a chair: a headline and at most 30 words of body (body + bullets) each,
in every language, with all of the flyer's content still covered (tests/core/test_content.py)."""

from __future__ import annotations

import re

import pytest

from kiosk.core.content import load_library

MAX_WORDS = 30
SLIDE_IDS = ["free-assessment", "meet-psoas", "where-is-it", "spine-to-legs", "lifts-your-legs", "bend-and-steady",
             "organs-and-flow", "breathing", "stress", "symptoms-1", "symptoms-2", "why-it-hurts", "stretching",
             "video", "book-appointment"]


def _words(text: str) -> int:
    return len(re.findall(r"[^\s—–-]+", text))  # a dash between words is not a word


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_slide_has_a_headline_and_at_most_30_words(lang: str) -> None:
    content = load_library([lang]).get(lang)
    too_long = {}
    for slide in content.slides:
        assert slide.title.strip(), slide.id
        count = _words(slide.body) + sum(_words(b) for b in slide.bullets)
        if count > MAX_WORDS:
            too_long[slide.id] = count
    assert not too_long, f"{lang}: more than {MAX_WORDS} words on {too_long}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_fifteen_slides_keep_their_ids(lang: str) -> None:
    assert [s.id for s in load_library([lang]).get(lang).slides] == SLIDE_IDS


def test_the_flyers_facts_are_still_there() -> None:
    en = load_library(["en"]).get("en")
    text = " ".join(f"{s.title} {s.body} {' '.join(s.bullets)}" for s in en.slides).lower()
    for fact in ("deepest", "t12", "l5", "pelvis", "femur", "spine", "stairs", "walk", "pick", "steady", "sit",
                 "organ", "pump", "blood", "lymph", "diaphragm", "breath", "fight or flight", "stress", "disc",
                 "lift your legs", "stretch", "free phone assessment", "front desk", "healthcare professional"):
        assert fact in text, fact
    symptoms = {s.id for s in en.symptoms}
    assert len(symptoms) == 11  # the flyer's list, each on a slide's bullets and on the checklist
