"""A slide change fades between still images of the whole slide: mid-fade the screen shows the outgoing slide (or,
later, the incoming one) over the background, never both slides' words at once, and nothing live is painted."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.helpers import find_button, tap


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


def test_mid_fade_shows_still_images_one_at_a_time(make_kiosk, fast_config, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(replace(fast_config, slides=replace(fast_config.slides, transition_ms=1000)))
    screen = kiosk.flow.education
    screen.stop()  # the loop's own timer (very short in tests) must not change slides under the test
    stage = screen.stage
    QApplication.processEvents()  # the window's layout settled, as on a kiosk showing its first slide
    background = kiosk.state.theme.palette.background
    outgoing = screen.stage_image().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert _differing(_on_screen(kiosk, stage), outgoing) < 0.01  # the image is the slide as shown

    screen.prepare_next()  # the quiet moment a slide gets after its change: the next fade starts from its image
    watch = PaintCount()
    view = screen.slide_view
    live = [view.title, view.body, view.bullets, view.picture]
    tap(qtbot, find_button(kiosk.window, "Next"))  # a patient's tap: the fade starts
    animation = screen.fade_anim
    animation.pause()  # the test moves time itself
    for ms in (20, 40, 60):  # the first frames take the incoming image: its words, then its picture in two halves
        animation.setCurrentTime(ms)
    for widget in live:
        widget.installEventFilter(watch)
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
    animation.setCurrentTime(750)  # second half: only the incoming slide, coming out of the background
    progress = screen.fade.progress
    assert 0.5 < progress < 1
    shown = _on_screen(kiosk, stage)
    assert _differing(shown, _over_background(incoming, background, 2 * progress - 1)) < 0.01
    assert watch.paints == 0  # the live slide's words and picture were never painted during the fade

    animation.setCurrentTime(1000)  # the end: the live slide again, looking exactly like its image
    qtbot.waitUntil(lambda: not screen.fade.isVisible(), timeout=2000)
    assert view.picture.isVisible()
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
