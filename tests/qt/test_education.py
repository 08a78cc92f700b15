"""The education loop, driven as a patient would: watch, swipe, tap arrows, tap to pause."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from tests.helpers import find_button, swipe, tap


def test_slides_advance_on_their_own(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    assert kiosk.flow.current == "education"
    start = screen.index
    qtbot.waitUntil(lambda: screen.index != start, timeout=3000)
    qtbot.waitUntil(lambda: screen.index not in (start, start + 1), timeout=3000)


def test_loop_wraps_around(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    seen: set[int] = set()
    screen.slide_changed.connect(seen.add)
    qtbot.waitUntil(lambda: 0 in seen and len(seen) == len(screen.slides), timeout=10000)


def test_arrows_move_between_slides(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    screen.stop()
    index = screen.index
    tap(qtbot, find_button(kiosk.window, "Next"))
    assert screen.index == (index + 1) % len(screen.slides)
    tap(qtbot, find_button(kiosk.window, "Previous"))
    tap(qtbot, find_button(kiosk.window, "Previous"))
    assert screen.index == (index - 1) % len(screen.slides)
    assert screen.dots.accessibleName() == f"{screen.index + 1} / {len(screen.slides)}"


def test_swipe_left_shows_next_and_right_shows_previous(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    screen.stop()
    index = screen.index
    swipe(qtbot, screen.stage, -300)
    assert screen.index == (index + 1) % len(screen.slides)
    swipe(qtbot, screen.stage, 300)
    assert screen.index == index


def test_tap_pauses_then_loop_resumes(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    changes: list[tuple[float, bool]] = []  # (when, paused then) for every slide change
    screen.slide_changed.connect(lambda _i: changes.append((time.monotonic(), screen.paused)))
    tapped_at = time.monotonic()
    tap(qtbot, screen.stage, QPoint(screen.stage.width() // 2, screen.stage.height() // 2))
    assert screen.paused
    assert screen.pause_note.isVisible()
    index = screen.index
    # Slides last ~0.15 s in tests, the pause 0.3 s. Had the tap not held the slide, its next one would come
    # while paused: timers fire in the order they fall due, however late the machine runs.
    qtbot.waitUntil(lambda: not screen.paused, timeout=3000)
    qtbot.waitUntil(lambda: screen.index != index, timeout=3000)
    assert changes and not any(paused for _, paused in changes), "the slide changed during the pause"
    # Held for the whole pause (coarse timers may fire 5 % early).
    assert changes[0][0] - tapped_at >= kiosk.state.config.slides.resume_after_seconds * 0.9


def test_check_my_symptoms_opens_checklist_and_back_returns(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, find_button(kiosk.window, "Check my symptoms"))
    assert kiosk.flow.current == "checklist"
    assert not kiosk.flow.education.advance_timer.isActive()
    tap(qtbot, find_button(kiosk.window, "Back"))
    assert kiosk.flow.current == "education"


def test_cross_fade_is_short_and_ends(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    screen.stop()
    tap(qtbot, find_button(kiosk.window, "Next"))
    assert screen.fade.isVisible()
    assert screen.fade_anim.duration() <= 400
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)


def test_every_slide_renders_in_both_orientations(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = kiosk.flow.education
    screen.stop()
    for size in ((1920, 1080), (1080, 1920), (1280, 800)):
        kiosk.resize(*size)
        for i in range(len(screen.slides)):
            screen.show_index(i, animate=False)
            QApplication.processEvents()
            image = kiosk.window.grab().toImage()
            assert image.width() == size[0] and image.height() == size[1]
            # Something other than the background was painted in the picture area.
            assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()
            title = screen.slide_view.title
            assert title.isVisible() and title.text() == screen.slides[i].title
            assert title.geometry().bottom() <= screen.slide_view.height() + 1


def test_clinic_logo_from_config_is_shown(make_kiosk, fast_config, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#0B5563"))
    assert image.save(str(logo))
    config = replace(fast_config, clinic=replace(fast_config.clinic, logo=str(logo)))
    k = make_kiosk(config)
    screen = k.flow.education
    assert screen.logo.isVisible()
    assert screen.logo.pixmap().height() == k.state.theme.px(72)


def test_in_portrait_the_picture_takes_the_room_the_words_leave(kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    # A short slide used to leave an empty band under its words: the text column had two fifths of the slide
    # whatever it held. Now it is as tall as its words, and the picture above gets the rest.
    screen = kiosk.flow.education
    screen.stop()
    kiosk.resize(1080, 1920)
    for i in range(len(screen.slides)):
        screen.show_index(i, animate=False)
        QApplication.processEvents()
        view = screen.slide_view
        words = view.text_column
        shown = [w for w in (view.title, view.body, view.bullets, view.qr, view.qr_caption) if w.isVisible()]
        assert words.height() <= max(w.geometry().bottom() for w in shown) + 40, screen.slides[i].id
        assert view.picture.height() >= words.height(), screen.slides[i].id
        assert view.title.geometry().top() >= 0 and words.geometry().bottom() <= view.height() + 1
    kiosk.resize(1920, 1080)  # back to landscape: the column keeps its share beside the picture again
    QApplication.processEvents()
    assert screen.slide_view.text_column.maximumHeight() > 10_000
