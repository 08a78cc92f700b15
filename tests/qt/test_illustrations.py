"""Illustrations: every picture renders, fits its rectangle, animates only when it should; QR painter."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys

import pytest
import segno
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.qt.pictures import (
    DEFAULT_LABELS,
    ILLUSTRATIONS,
    Illustration,
    IllustrationPalette,
    IllustrationView,
    QrCodeView,
    label_pixel_size,
    paint_illustration,
    paint_qr,
)

REQUIRED = {"skeleton", "stairs", "bend", "organs", "breath", "stress", "body_map", "disc", "stretch", "video",
            "phone"}
ANIMATED = {name for name, ill in ILLUSTRATIONS.items() if ill.animated}
SIZES = {"landscape": (640, 360), "portrait": (240, 420), "square": (300, 300)}


@pytest.fixture(autouse=True)
def _qt_app(qapp):  # text layout needs a QGuiApplication even when painting into a QImage
    return qapp


def render(name: str, w: int, h: int, phase: float = 0.0, palette: IllustrationPalette | None = None,
           labels: dict[str, str] | None = None, rect: QRectF | None = None) -> QImage:
    pal = palette or IllustrationPalette()
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(pal.background)
    painter = QPainter(img)
    paint_illustration(painter, name, rect or QRectF(0, 0, w, h), phase, pal, labels)
    painter.end()
    return img


def differs(img: QImage, x: int, y: int, bg: QColor) -> bool:
    c = img.pixelColor(x, y)
    return abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) > 6


def changed_pixels(img: QImage, rect: tuple[int, int, int, int], bg: QColor, step: int = 3) -> int:
    x0, y0, x1, y1 = rect
    return sum(differs(img, x, y, bg) for y in range(y0, y1, step) for x in range(x0, x1, step))


# ----------------------------------------------------------------------------------------- registry


def test_all_required_illustrations_exist_with_metadata() -> None:
    assert REQUIRED <= set(ILLUSTRATIONS)
    for name, ill in ILLUSTRATIONS.items():
        assert isinstance(ill, Illustration)
        assert ill.name == name
        assert isinstance(ill.animated, bool)
        assert 20 < len(ill.description) < 300, name
        assert ill.layers, name
        if ill.animated:
            assert 2.0 <= ill.cycle_seconds <= 8.0


def test_leg_lift_and_breathing_animate_with_their_cycles(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The climber's leg lifts and comes down again the same way, head and shoulders still, once every 4 s; the
    diaphragm moves down and the ribs widen, once every 5 s. Checked on the pixels and on the running view."""
    import time

    from kiosk.qt.pictures import IllustrationPalette, IllustrationView

    size = 320
    bg = IllustrationPalette().background

    def ink(c: QColor) -> int:  # how far a pixel is from the bare background: lines and fills
        return abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue())

    def moved(name: str, start: float, end: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Pixels (x, y) where the drawing is from phase `start` to `end` and was not, and where it was and is not."""
        a, b = render(name, size, size, phase=start), render(name, size, size, phase=end)
        came, went = [], []
        for y in range(0, size, 2):
            for x in range(0, size, 2):
                was, now = ink(a.pixelColor(x, y)), ink(b.pixelColor(x, y))
                if now > was + 30:
                    came.append((x, y))
                elif was > now + 30:
                    went.append((x, y))
        assert len(came) > 100 and len(went) > 100, f"{name} hardly moves"
        return came, went

    def mean_y(points: list[tuple[int, int]]) -> float:
        return sum(y for _, y in points) / len(points)

    def spread(points: list[tuple[int, int]]) -> float:
        return sum(abs(x - size / 2) for x, _ in points) / len(points)

    # Stairs: from the foot on the lower step (phase 0) to the top of the lift (0.5) the drawing moves up.
    came, went = moved("stairs", 0.0, 0.5)
    assert mean_y(came) < mean_y(went), "the leg does not lift"
    down, up = render("stairs", size, size, phase=0.0), render("stairs", size, size, phase=0.5)
    assert down.copy(0, 0, size, size // 4) == up.copy(0, 0, size, size // 4), "head and shoulders move"
    # Down the way it went up: a quarter cycle either side of the top the leg is in the same place.
    assert render("stairs", size, size, phase=0.25) == render("stairs", size, size, phase=0.75)
    # Breath: from breathed out (0) to breathed in (0.5) the diaphragm moves down and the ribs widen.
    came, went = moved("breath", 0.0, 0.5)
    assert mean_y(came) > mean_y(went), "the diaphragm does not move down"
    assert spread(came) > spread(went), "the ribs do not widen"

    # The running view: one loop every 4 s (stairs) and 5 s (breath). Played slowly (a 40-50 s loop) so that
    # the phase cannot wrap round unseen; the time it took to reach is bracketed by our own clock readings, so
    # a busy machine only widens the bracket.
    speed, reached = 0.1, 0.01
    for name, seconds in (("stairs", 4.0), ("breath", 5.0)):
        view = IllustrationView(name)
        qtbot.addWidget(view)
        view.resize(200, 200)
        view.set_animation_speed(speed)
        before = time.monotonic()
        view.show()  # its clock starts here
        after = time.monotonic()
        polls: dict[str, float] = {"below": after}  # when a poll last saw less than `reached`, and then did not

        def poll(view: IllustrationView = view, polls: dict[str, float] = polls) -> bool:
            polls["below" if view.phase() < reached else "reached"] = time.monotonic()
            return "reached" in polls

        qtbot.waitUntil(poll, timeout=20000)
        phase = view.phase()
        # The frame that reached `reached` was drawn after the last poll that saw less and before the first
        # that saw it; the clock started between `before` and `after`.
        low, high = (polls["below"] - after) * speed / phase, (polls["reached"] - before) * speed / phase
        assert low <= seconds <= high, f"{name}: one loop takes {low:.2f}-{high:.2f} s"
        view.hide()


def test_default_labels_cover_every_key_used() -> None:
    for ill in ILLUSTRATIONS.values():
        assert set(ill.label_keys) <= set(DEFAULT_LABELS), ill.name
    assert {"psoas", "spine", "pelvis", "femur", "diaphragm", "disc"} <= set(DEFAULT_LABELS)


def test_unknown_name_raises_key_error() -> None:
    img = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    try:
        with pytest.raises(KeyError):
            paint_illustration(painter, "no-such-picture", QRectF(0, 0, 50, 50))
    finally:
        painter.end()


# ----------------------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("name", sorted(REQUIRED))
@pytest.mark.parametrize("shape", sorted(SIZES))
def test_renders_something_in_the_centre(name: str, shape: str) -> None:
    w, h = SIZES[shape]
    bg = IllustrationPalette().background
    img = render(name, w, h)
    cx, cy, r = w // 2, h // 2, min(w, h) // 6
    assert changed_pixels(img, (cx - r, cy - r, cx + r, cy + r), bg) > 10


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_animated_pictures_move_and_static_ones_do_not(name: str) -> None:
    a = render(name, 320, 320, phase=0.0)
    b = render(name, 320, 320, phase=0.5)
    if name in ANIMATED:
        assert a != b
    else:
        assert a == b


@pytest.mark.parametrize("name", sorted(ANIMATED))
def test_animation_loops_without_a_jump(name: str) -> None:
    assert render(name, 200, 200, phase=0.0) == render(name, 200, 200, phase=1.0)


@pytest.mark.parametrize("name", sorted(REQUIRED))
@pytest.mark.parametrize("shape", sorted(SIZES))
def test_nothing_crosses_the_rect_edge(name: str, shape: str) -> None:
    # Draw into a rect inside a bigger image: nothing may land outside it or on its 1 px border.
    w, h = SIZES[shape]
    pad = 12
    bg = IllustrationPalette().background
    long_labels = {k: f"{v} (a rather long translation)" for k, v in DEFAULT_LABELS.items()}
    for labels in (None, long_labels):
        img = render(name, w + 2 * pad, h + 2 * pad, phase=0.25, labels=labels,
                     rect=QRectF(pad, pad, w, h))
        bad = [(x, y) for x in range(w + 2 * pad) for y in range(h + 2 * pad)
               if not (pad < x < pad + w - 1 and pad < y < pad + h - 1) and differs(img, x, y, bg)]
        assert not bad, f"{name} {shape} labels={labels is not None}: {bad[:5]}"


def test_labels_are_translated_and_fall_back_to_english() -> None:
    default = render("skeleton", 400, 400)
    partial = render("skeleton", 400, 400, labels={"psoas": "Psoas"})  # rest falls back to English
    translated = render("skeleton", 400, 400, labels={"psoas": "Músculo psoas", "femur": "Fémur"})
    assert default == partial
    assert translated != default


def test_label_size_follows_the_rect_and_has_a_floor() -> None:
    assert label_pixel_size(QRectF(0, 0, 800, 800)) >= 800 / 28
    assert label_pixel_size(QRectF(0, 0, 1920, 1080)) >= 1080 / 28
    assert label_pixel_size(QRectF(0, 0, 120, 120)) == 14
    assert label_pixel_size(QRectF(0, 0, 120, 120), small=True) == 14


def test_painting_is_vector_and_scales_with_the_painter() -> None:
    # The same picture drawn at 2x through the painter transform covers the same relative area.
    small = render("disc", 150, 150)
    big = QImage(300, 300, QImage.Format.Format_ARGB32)
    pal = IllustrationPalette()
    big.fill(pal.background)
    painter = QPainter(big)
    painter.scale(2, 2)
    paint_illustration(painter, "disc", QRectF(0, 0, 150, 150), 0.0, pal)
    painter.end()
    bg = pal.background
    a = changed_pixels(small, (0, 0, 150, 150), bg, step=1) / 150**2
    b = changed_pixels(big, (0, 0, 300, 300), bg, step=1) / 300**2
    assert a == pytest.approx(b, abs=0.05)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_high_contrast_palette_renders(name: str) -> None:
    hc = IllustrationPalette.high_contrast()
    img = render(name, 240, 240, palette=hc)
    assert changed_pixels(img, (60, 60, 180, 180), hc.background) > 10


def test_palettes() -> None:
    default, hc = IllustrationPalette(), IllustrationPalette.high_contrast()
    for field in ("background", "outline", "bone", "muscle", "muscle_other", "accent", "label_text"):
        assert isinstance(getattr(default, field), QColor)
        assert isinstance(getattr(hc, field), QColor)
    assert hc.background == QColor("#000000")
    assert hc.outline == QColor("#FFFFFF")
    assert default.muscle.red() > default.muscle.blue()  # a warm coral psoas
    assert IllustrationPalette().muscle is not IllustrationPalette().muscle  # no shared mutable colours


def test_many_frames_do_not_exhaust_none_references() -> None:
    # PySide6 6.12.0 abi3 wheels on CPython 3.11 drop a reference to None per void Qt call, which aborts the
    # interpreter after a few frames; pyproject.toml keeps that release out. This catches a binding that leaks.
    before = sys.getrefcount(None)
    img = QImage(120, 120, QImage.Format.Format_ARGB32)
    for i in range(40):
        painter = QPainter(img)
        paint_illustration(painter, "breath", QRectF(0, 0, 120, 120), i / 40)
        painter.end()
    assert sys.getrefcount(None) >= before - 100


# ----------------------------------------------------------------------------------------- view


def test_view_animates_only_while_visible(qtbot) -> None:
    view = IllustrationView("stairs")
    qtbot.addWidget(view)
    view.resize(300, 300)
    assert not view.is_animating()
    view.show()
    qtbot.waitExposed(view)
    assert view.is_animating()
    view.set_animation_speed(8.0)
    start = view.phase()
    qtbot.waitUntil(lambda: abs(view.phase() - start) > 0.05, timeout=3000)
    view.hide()
    assert not view.is_animating()
    frozen = view.phase()
    qtbot.wait(120)
    assert view.phase() == frozen
    view.show()
    assert view.is_animating()


def test_view_static_pictures_do_not_run_a_timer(qtbot) -> None:
    view = IllustrationView("skeleton")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert not view.is_animating()
    view.set_illustration("breath")
    assert view.is_animating()
    assert view.illustration() == "breath"
    view.set_illustration("disc")
    assert not view.is_animating()


def test_view_reduced_motion_and_bad_speed(qtbot) -> None:
    view = IllustrationView("breath")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.set_animation_enabled(False)
    assert not view.is_animating()
    assert view.phase() == 0.0
    view.set_animation_enabled(True)
    assert view.is_animating()
    with pytest.raises(ValueError):
        view.set_animation_speed(0)


def test_view_paints_palette_labels_and_accessibility(qtbot) -> None:
    view = IllustrationView("skeleton")
    qtbot.addWidget(view)
    view.resize(360, 360)
    view.set_labels({"psoas": "Psoas", "spine": "Columna"})
    plain = view.grab().toImage()
    view.set_palette_(IllustrationPalette.high_contrast())
    dark = view.grab().toImage()
    assert dark.pixelColor(2, 2) == QColor("#000000")
    assert plain != dark
    assert "psoas" in view.accessibleDescription().lower()


def test_view_cached_painting_matches_direct_painting(qtbot) -> None:
    # The view caches still layers as images at device resolution; the result must equal the vector drawing.
    for name in ("stairs", "organs", "skeleton"):
        view = IllustrationView(name)
        qtbot.addWidget(view)
        view.resize(300, 240)
        grabbed = view.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
        direct = render(name, 300, 240)
        diff = sum(
            differs(grabbed, x, y, direct.pixelColor(x, y)) for y in range(0, 240, 2) for x in range(0, 300, 2)
        )
        assert diff < 0.01 * 150 * 120, (name, diff)


# ----------------------------------------------------------------------------------------- QR


URL = "https://youtu.be/fvee-yJGME"


def test_qr_matrix_dimensions() -> None:
    qr = segno.make(URL, error="m", micro=False)
    assert not qr.is_micro
    assert len(qr.matrix) == 17 + 4 * qr.version
    assert all(len(row) == len(qr.matrix) for row in qr.matrix)


@pytest.mark.parametrize("data", [URL, "hi"])  # "hi" would be a Micro QR if we let segno choose
def test_paint_qr_draws_the_exact_modules_with_a_quiet_zone(data: str) -> None:
    matrix = segno.make(data, error="m", micro=False).matrix
    n = len(matrix)
    module = 5
    side = (n + 8) * module
    img = QImage(side + 7, side + 3, QImage.Format.Format_ARGB32)  # odd extra space: code is centred
    img.fill(QColor("#808080"))
    painter = QPainter(img)
    paint_qr(painter, data, QRectF(0, 0, img.width(), img.height()), QColor("black"), QColor("white"))
    painter.end()
    ox, oy = (img.width() - side) // 2, (img.height() - side) // 2
    dark_count = 0
    for r in range(n + 8):
        for c in range(n + 8):
            px = img.pixelColor(QPoint(ox + c * module + module // 2, oy + r * module + module // 2))
            expected_dark = 4 <= r < n + 4 and 4 <= c < n + 4 and bool(matrix[r - 4][c - 4])
            assert (px.lightness() < 128) == expected_dark, (r, c)
            dark_count += expected_dark
    assert dark_count > 0


def test_paint_qr_under_a_scaled_painter_still_has_dark_modules() -> None:
    img = QImage(301, 301, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.scale(1.37, 1.37)
    paint_qr(painter, URL, QRectF(0, 0, 219, 219), QColor("black"), QColor("white"))
    painter.end()
    dark = sum(img.pixelColor(x, y).lightness() < 80 for y in range(0, 300, 3) for x in range(0, 300, 3))
    assert dark > 500


def test_qr_view_geometry(qtbot) -> None:
    view = QrCodeView(URL)
    qtbot.addWidget(view)
    modules = len(segno.make(URL, error="m", micro=False).matrix) + 8
    assert view.modules() == modules
    assert view.hasHeightForWidth()
    assert view.heightForWidth(321) == 321
    assert view.sizeHint().width() == view.sizeHint().height()
    assert view.minimumSizeHint().width() >= 2 * modules
    view.resize(260, 260)
    img = view.grab().toImage()
    assert img.pixelColor(3, 3).lightness() > 200  # quiet zone
    view.set_data("https://example.org/a/much/longer/address/that/needs/a/bigger/code?x=1234567890")
    assert view.modules() > modules
    assert view.data().startswith("https://example.org/")
