"""A slide change fades between still images of the whole slide: mid-fade the screen shows the outgoing slide (or,
later, the incoming one) over the background, never both slides' words at once, and nothing live is painted.

The incoming slide is made ready ahead in a hidden view (prepare_next, the quiet moment after a change); these tests
also show that a preparation that no longer holds (another language, another slide, another size) is never shown,
and that the slide on show after the fade looks exactly like the image that faded in."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.qt.accessibility import words_of
from kiosk.qt.screens.slide import SlideView
from tests.helpers import find_button, swipe, tap


class PaintCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _on_screen(kiosk, widget) -> QImage:  # type: ignore[no-untyped-def]
    """What the window shows where `widget` is (rendered through the window, as a repaint would)."""
    top_left = widget.mapTo(kiosk.window, QPoint(0, 0))
    return kiosk.window.grab(QRect(top_left, widget.size())).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _over_background(image: QImage, background: str, opacity: float) -> QImage:
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.setDevicePixelRatio(image.devicePixelRatio())
    out.fill(QColor(background))
    painter = QPainter(out)
    painter.setOpacity(opacity)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def _differing(a: QImage, b: QImage, tolerance: int = 4) -> float:
    """Share of pixels that differ by more than `tolerance` in a channel, compared at a quarter of the size."""
    assert a.size() == b.size()
    small = a.size() / 4
    a, b = (i.scaled(small, mode=Qt.TransformationMode.SmoothTransformation) for i in (a, b))
    differ = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if p != q and max(abs((p >> s & 255) - (q >> s & 255)) for s in (0, 8, 16)) > tolerance:
                differ += 1
    return differ / (a.width() * a.height())


def _most_different(a: QImage, b: QImage) -> int:
    """The largest difference in any channel of any pixel, at full size."""
    import numpy as np

    def array(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[
            :, :image.width() * 4].astype(int)

    assert a.size() == b.size()
    return int(np.abs(array(a) - array(b)).max())


def test_mid_fade_shows_still_images_one_at_a_time(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(replace(fast_config, slides=replace(fast_config.slides, transition_ms=1000)))
    screen = kiosk.flow.education
    screen.stop()  # the loop's own timer (very short in tests) must not change slides under the test
    stage = screen.stage
    QApplication.processEvents()  # the window's layout settled, as on a kiosk showing its first slide
    background = kiosk.state.theme.palette.background
    outgoing = screen.stage_image().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert _differing(_on_screen(kiosk, stage), outgoing) < 0.01  # the image is the slide as shown

    screen.prepare_next()  # the quiet moment a slide gets after its change: the next slide is made ready
    watch = PaintCount()
    views = (screen.slide_view, next(v for v in _views(screen) if v is not screen.slide_view))
    live = [w for view in views for w in (view.title, view.body, view.bullets, view.picture)]
    for widget in live[4:]:  # the incoming slide is ready: neither the change nor the fade paints it again
        widget.installEventFilter(watch)
    tap(qtbot, find_button(kiosk.window, "Next"))  # a patient's tap: the fade starts
    animation = screen.fade_anim
    animation.pause()  # the test moves time itself
    assert screen.slide_view is views[1]
    for widget in live[:4]:  # the outgoing slide, once its image is taken
        widget.installEventFilter(watch)
    for ms in (20, 40, 60):
        animation.setCurrentTime(ms)
    assert screen.fade.isVisible() and screen.fade.geometry() == stage.rect()
    assert screen.dots.accessibleName() == f"{screen.index + 1} / {len(screen.slides)}"  # at once, as before
    assert _differing(screen.fade.outgoing.toImage().convertToFormat(QImage.Format.Format_RGB32), outgoing) < 0.01
    incoming = screen.fade.incoming.toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert _differing(incoming, outgoing) > 0.02  # another slide

    animation.setCurrentTime(250)  # first half: only the outgoing slide, fading into the background
    progress = screen.fade.progress
    assert 0 < progress < 0.5
    shown = _on_screen(kiosk, stage)
    assert _differing(shown, _over_background(outgoing, background, 1 - 2 * progress)) < 0.01
    assert _most_different(shown, _over_background(screen.fade.outgoing.toImage(), background, 1 - 2 * progress)) <= 2
    animation.setCurrentTime(750)  # second half: only the incoming slide, coming out of the background
    progress = screen.fade.progress
    assert 0.5 < progress < 1
    shown = _on_screen(kiosk, stage)
    assert _differing(shown, _over_background(incoming, background, 2 * progress - 1)) < 0.01
    assert _most_different(shown, _over_background(incoming, background, 2 * progress - 1)) <= 2
    assert watch.paints == 0  # the live slide's words and picture were never painted during the fade

    animation.setCurrentTime(1000)  # the end: the live slide again, looking exactly like its image
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)
    assert screen.slide_view.picture.isVisible()
    assert screen.fade.incoming.isNull()  # the images are let go
    assert _differing(_on_screen(kiosk, stage), incoming) < 0.01
    for widget in live:
        widget.removeEventFilter(watch)


def test_a_tap_during_a_fade_starts_from_what_is_on_screen(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(replace(fast_config, slides=replace(fast_config.slides, transition_ms=1000)))
    screen = kiosk.flow.education
    screen.stop()
    first = screen.index
    tap(qtbot, find_button(kiosk.window, "Next"))
    screen.fade_anim.pause()
    screen.fade_anim.setCurrentTime(250)
    on_screen = _on_screen(kiosk, screen.stage)
    tap(qtbot, find_button(kiosk.window, "Next"))  # a second tap mid-fade
    screen.fade_anim.pause()
    assert screen.index == (first + 2) % len(screen.slides) and screen.fade.isVisible()
    outgoing = screen.fade.outgoing.toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert _differing(outgoing, on_screen) < 0.01  # no jump: the new fade starts from the half-faded slide
    screen.fade_anim.setCurrentTime(1000)
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)
    assert screen.slide_view.picture.isVisible()


# ---- the slide made ready ahead ---------------------------------------------------------------------------------
def _views(screen) -> list[SlideView]:  # type: ignore[no-untyped-def]
    return screen.stage.findChildren(SlideView)


def _rgb(image) -> QImage:  # type: ignore[no-untyped-def]
    return image.toImage().convertToFormat(QImage.Format.Format_RGB32)


def _fade_to_the_end(screen, qtbot) -> QImage:  # type: ignore[no-untyped-def]
    """Pause the fade that just started, check that a frame in each half shows its image blended over the
    background (to the pixel), run the fade to its end; the incoming image."""
    animation = screen.fade_anim
    animation.pause()
    incoming = _rgb(screen.fade.incoming)
    background = screen.state.theme.palette.background
    for share in (0.25, 0.75):
        animation.setCurrentTime(round(animation.duration() * share))
        progress = screen.fade.progress
        image, opacity = (screen.fade.outgoing, 1 - 2 * progress) if progress < 0.5 else (
            screen.fade.incoming, 2 * progress - 1)
        shown = screen.window().grab(QRect(screen.stage.mapTo(screen.window(), QPoint(0, 0)), screen.stage.size()))
        assert _most_different(shown.toImage(), _over_background(image.toImage(), background, opacity)) <= 2
    animation.setCurrentTime(animation.duration())
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)
    return incoming


def _shows(kiosk, screen, index: int, incoming: QImage) -> None:  # type: ignore[no-untyped-def]
    """Slide `index` is live, it is what read-aloud and the labels on show say, and it looks like the image that
    faded in (the fade ended without a jump)."""
    slide = screen.slides[index]
    assert screen.index == index and screen.slide_view.slide == slide
    assert screen.slide_view.isVisible() and screen.slide_view.title.text() == slide.title
    assert words_of(screen)[0] == slide.title
    heading = QAccessible.queryAccessibleInterface(screen.slide_view.title)  # assistive technology: the live one
    assert heading.role() == QAccessible.Role.Heading and heading.text(QAccessible.Text.Name) == slide.title
    picture = QAccessible.queryAccessibleInterface(screen.slide_view.picture)
    assert picture.role() == QAccessible.Role.Graphic and not picture.state().invisible
    shown = {w.text() for w in screen.stage.findChildren(QLabel) if w.isVisible() and w.text()}
    assert slide.title in shown
    assert not any(v.isVisible() for v in _views(screen) if v is not screen.slide_view)
    assert _differing(_on_screen(kiosk, screen.stage), incoming) < 0.01


def _slow_fades(make_kiosk, fast_config):  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(replace(fast_config, slides=replace(fast_config.slides, transition_ms=1000)))
    kiosk.flow.education.stop()
    QApplication.processEvents()
    return kiosk


def test_the_next_slide_is_made_ready_in_a_hidden_view_and_fades_in_as_it_will_show(make_kiosk, fast_config,  # type: ignore[no-untyped-def]
                                                                                   qtbot) -> None:
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    stairs = next(i for i, s in enumerate(screen.slides) if s.picture == "stairs.svg")  # its picture moves
    screen.show_index(stairs - 1, animate=False)
    QApplication.processEvents()
    screen.prepare_next()
    ready = next(v for v in _views(screen) if v is not screen.slide_view)
    assert not ready.isVisible() and ready.slide == screen.slides[stairs]  # made ready, hidden
    assert not ready.picture.is_animating()  # nothing moves while hidden
    assert QAccessible.queryAccessibleInterface(ready.title).state().invisible  # screen readers skip it
    assert ready.geometry() == screen.slide_view.geometry()
    assert screen.slides[stairs].title not in {w.text() for w in kiosk.window.findChildren(QLabel) if w.isVisible()}
    # Its image is taken there and then: the change paints nothing of it again.
    watch = PaintCount()
    for widget in (ready, ready.title, ready.picture):
        widget.installEventFilter(watch)
    tap(qtbot, find_button(kiosk.window, "Next"))
    assert screen.slide_view is ready and watch.paints == 0
    screen.fade_anim.pause()
    incoming = _rgb(screen.fade.incoming)
    qtbot.wait(300)  # the live picture moves on under the fade; it ends in the pose of the image that faded in
    screen.fade_anim.setCurrentTime(1000)
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)
    assert screen.slide_view.picture.is_animating()
    _shows(kiosk, screen, stairs, incoming)
    picture = screen.slide_view.picture  # its moving parts too, to the pixel
    area = QRect(picture.mapTo(screen.stage, QPoint(0, 0)), picture.size())
    assert _differing(_on_screen(kiosk, picture), incoming.copy(area)) < 0.001


def test_a_preparation_in_another_language_is_never_shown(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    screen.prepare_next()  # the next slide made ready in English
    index = screen.index
    tap(qtbot, find_button(kiosk.window, "Español"))  # mid-slide, a patient changes the language
    assert kiosk.state.language == "es"
    tap(qtbot, find_button(kiosk.window, "Siguiente"))
    incoming = _fade_to_the_end(screen, qtbot)
    _shows(kiosk, screen, (index + 1) % len(screen.slides), incoming)
    assert screen.slide_view.title.text() == kiosk.state.library.get("es").slides[screen.index].title


def test_previous_next_and_swipes_show_the_slide_asked_for(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    count = len(screen.slides)
    screen.show_index(3, animate=False)
    QApplication.processEvents()
    screen.prepare_next()  # slide 4 made ready; the patient asks for 2
    tap(qtbot, find_button(kiosk.window, "Previous"))
    _shows(kiosk, screen, 2, _fade_to_the_end(screen, qtbot))
    screen.prepare_next()
    tap(qtbot, find_button(kiosk.window, "Next"))  # the one made ready
    _shows(kiosk, screen, 3, _fade_to_the_end(screen, qtbot))
    tap(qtbot, find_button(kiosk.window, "Next"))  # before its quiet moment: made ready at once
    _shows(kiosk, screen, 4, _fade_to_the_end(screen, qtbot))
    screen.prepare_next()
    swipe(qtbot, screen.stage, 300)  # a swipe to the right: back
    _shows(kiosk, screen, 3, _fade_to_the_end(screen, qtbot))
    screen.prepare_next()
    screen.reset()  # between patients: back to the first slide at once, no fade
    assert screen.index == 0 and screen.slide_view.slide == screen.slides[0] and not screen.fade.isVisible()
    screen.prepare_next()
    tap(qtbot, find_button(kiosk.window, "Previous"))  # from the first slide round to the last
    _shows(kiosk, screen, count - 1, _fade_to_the_end(screen, qtbot))


def test_a_preparation_at_another_size_or_look_is_never_shown(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    screen.prepare_next()
    index = screen.index
    kiosk.resize(1080, 1920)  # the screen turned to portrait
    QApplication.processEvents()
    tap(qtbot, find_button(kiosk.window, "Next"))
    incoming = _fade_to_the_end(screen, qtbot)
    assert screen.slide_view.geometry() == screen.stage.rect()
    _shows(kiosk, screen, (index + 1) % len(screen.slides), incoming)
    screen.prepare_next()
    tap(qtbot, find_button(kiosk.window, "High contrast"))
    tap(qtbot, find_button(kiosk.window, "Next"))
    incoming = _fade_to_the_end(screen, qtbot)
    _shows(kiosk, screen, (index + 2) % len(screen.slides), incoming)
    assert incoming.pixelColor(2, 2) == QColor("#000000")  # the high-contrast background


def test_every_slide_fades_in_exactly_as_it_then_shows(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The hidden view lays every slide out as the live one does (QR codes, bullets, long titles), in both
    orientations: no slide jumps when its fade ends."""
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    for size in ((1920, 1080), (1080, 1920)):
        kiosk.resize(*size)
        QApplication.processEvents()
        for _ in screen.slides:
            screen.prepare_next()
            tap(qtbot, find_button(kiosk.window, "Next"))
            incoming = _fade_to_the_end(screen, qtbot)
            screen.slide_view.picture.set_phase(0.0)  # a moving picture may have ticked on since
            _shows(kiosk, screen, screen.index, incoming)


def test_paging_back_is_made_ready_too_and_the_loop_forwards_again(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = _slow_fades(make_kiosk, fast_config)
    screen = kiosk.flow.education
    screen.show_index(5, animate=False)
    QApplication.processEvents()
    tap(qtbot, find_button(kiosk.window, "Previous"))  # made ready at once
    _shows(kiosk, screen, 4, _fade_to_the_end(screen, qtbot))
    screen.prepare_timer.stop()
    screen.prepare_next()  # the patient is going back: the slide before is made ready
    ready = next(v for v in _views(screen) if v is not screen.slide_view)
    assert ready.slide == screen.slides[3]
    watch = PaintCount()
    ready.installEventFilter(watch)
    tap(qtbot, find_button(kiosk.window, "Previous"))
    assert screen.slide_view is ready and watch.paints == 0  # shown as made ready, not made again
    _shows(kiosk, screen, 3, _fade_to_the_end(screen, qtbot))
    screen.prepare_timer.stop()
    screen.resume()  # the quiet spell is over: the loop goes forwards, and its next slide is made ready
    screen.stop()
    screen.prepare_next()
    assert next(v for v in _views(screen) if v is not screen.slide_view).slide == screen.slides[4]
