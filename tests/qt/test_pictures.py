"""Slide pictures from SVG: every slide's picture fits its frame at every screen size, labels point at their anchors
and are big enough and readable, high contrast recolours the drawing, moving groups move only while on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.theme import MIN_BODY_PX, contrast_ratio
from kiosk.qt.pictures import PictureView, load_picture
from kiosk.qt.pictures.labels import draw_labels
from tests.helpers import find_button, tap

# A tiny picture: a still layer under a moving arm under a still layer, an anchor inside a moved (transform) layer.
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">
<style id="palette">.bone{fill:#F6EFE2;stroke:#2F4256}.psoas{fill:#E4573D;stroke:#8E2A17}.anchor{fill:none}</style>
<g id="layer-body"><rect class="bone" x="100" y="100" width="400" height="800" stroke-width="6"/></g>
<g id="move-arm" data-motion="rotate" data-pivot="500 300" data-from="0" data-to="60" data-seconds="4">
<rect class="psoas" x="500" y="270" width="400" height="60"/></g>
<g id="layer-front" transform="translate(100 50)"><rect class="bone" x="150" y="600" width="100" height="100"/>
<circle id="anchor-psoas" class="anchor" cx="200" cy="200" r="6"/>
<circle id="anchor-femur" class="anchor" cx="700" cy="700" r="6"/></g>
</svg>"""


@pytest.fixture
def picture_file(tmp_path: Path) -> Path:
    path = tmp_path / "arm.svg"
    path.write_text(SVG, encoding="utf-8")
    return path


def _view(qtbot, path: Path, w: int = 600, h: int = 500, labels: dict[str, str] | None = None) -> PictureView:  # type: ignore[no-untyped-def]
    view = PictureView()
    qtbot.addWidget(view)
    view.resize(w, h)
    view.set_picture(path, labels or {}, "An arm that lifts")
    return view


def _near(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _same(a: QImage, b: QImage) -> bool:
    """Equal but for rounding in a transformed pixmap's edge pixels."""
    return sum(not _near(a.pixelColor(x, y), b.pixelColor(x, y), 8)
               for y in range(0, a.height(), 2) for x in range(0, a.width(), 2)) < a.width() * a.height() / 4000


def _count(img: QImage, colour: str, rect: QRectF | None = None, step: int = 2) -> int:
    c, r = QColor(colour), (rect or QRectF(img.rect())).toAlignedRect()
    return sum(_near(img.pixelColor(x, y), c, 6) for y in range(r.top(), r.bottom(), step)
               for x in range(r.left(), r.right(), step))


# ---- the renderer on a tiny picture ---------------------------------------------------------------------------------


def test_layers_paint_as_the_whole_drawing_does(qtbot, picture_file: Path) -> None:  # type: ignore[no-untyped-def]
    """Still runs cached as pixmaps, the moving group between them: the same image as QtSvg drawing the file."""
    view = _view(qtbot, picture_file, 400, 400)
    view.set_colours("#FFFFFF", "#000000")
    grabbed = view.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    direct = QImage(400, 400, QImage.Format.Format_ARGB32)
    direct.fill(QColor("#FFFFFF"))
    painter = QPainter(direct)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(8, 8, 384, 384)  # the view keeps 2% of its side clear
    QSvgRenderer(str(picture_file)).render(painter, load_picture(picture_file).fitted(frame))
    painter.end()
    differ = sum(not _near(grabbed.pixelColor(x, y), direct.pixelColor(x, y), 40)
                 for y in range(0, 400, 2) for x in range(0, 400, 2))
    assert differ < 0.01 * 200 * 200


def test_leader_lines_end_on_the_anchor_centres(qtbot, picture_file: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, picture_file, 900, 600, {"psoas": "Psoas", "femur": "Thigh bone", "nothing": "No anchor"})
    figure = view.figure_rect()
    document = load_picture(picture_file)
    box = document.content  # the drawing's bounds in SVG units, mapped onto figure_rect()
    scale = figure.width() / box.width()
    expected = {"psoas": QPointF(300, 250), "femur": QPointF(800, 750)}  # cx, cy + the layer's translate(100 50)
    placed = {label.key: label for label in view.placed_labels()}
    assert set(placed) == {"psoas", "femur"}  # a label whose anchor is missing is left out (check reports it)
    img = view.grab().toImage()
    for key, point in expected.items():
        where = QPointF(figure.left() + (point.x() - box.left()) * scale,
                        figure.top() + (point.y() - box.top()) * scale)
        end = placed[key].anchor
        assert abs(end.x() - where.x()) < 2 and abs(end.y() - where.y()) < 2, key
        assert _near(img.pixelColor(end.toPoint()), QColor("#1E2D3B"), 40), key  # the leader's dot is drawn there
    assert placed["psoas"].left and not placed["femur"].left


def test_moving_group_moves_only_in_its_area_and_loops(qtbot, picture_file: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, picture_file, 400, 400)
    assert view.cycle_seconds() == 4.0
    view.set_phase(0.0)
    rest = view.grab().toImage()
    view.set_phase(0.5)
    lifted = view.grab().toImage()
    view.set_phase(0.5)
    assert view.grab().toImage() == lifted  # painting depends on the phase only
    view.set_phase(0.25)
    quarter = view.grab().toImage()
    view.set_phase(0.75)
    assert _same(view.grab().toImage(), quarter)  # eases there and back the same way
    assert not _same(rest, lifted)
    figure = view.figure_rect()
    body = QRectF(figure.left(), figure.top() + figure.height() * 0.6, figure.width() * 0.35, figure.height() * 0.3)
    assert rest.copy(body.toAlignedRect()) == lifted.copy(body.toAlignedRect())  # the still body does not move


@pytest.mark.parametrize("motion", ["rotate", "scale-y", "translate"])
def test_motion_matrix_is_qts_transform_about_the_pivot(motion: str) -> None:
    from PySide6.QtGui import QTransform

    from kiosk.core.pictures import Motion

    if motion == "translate":
        m = Motion("move-x", motion, (0.0, 0.0), (0.0, 0.0), (40.0, -20.0), 4)
        turn = QTransform.fromTranslate(*m.value(1.3))
    else:
        m = Motion("move-x", motion, (500.0, 300.0), (1.0,), (40.0,), 4)
        value = m.value(1.3)[0]
        turn = QTransform().rotate(value) if motion == "rotate" else QTransform.fromScale(1, value)
    pivot = m.pivot
    expected = QTransform.fromTranslate(-pivot[0], -pivot[1]) * turn * QTransform.fromTranslate(*pivot)
    for point in (QPointF(0, 0), QPointF(700, 900)):
        got, want = QTransform(*m.matrix(1.3)).map(point), expected.map(point)
        assert abs(got.x() - want.x()) < 1e-6 and abs(got.y() - want.y()) < 1e-6


def test_animates_only_while_visible(qtbot, picture_file: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, picture_file)
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
    qtbot.wait(100)
    assert view.phase() == frozen
    view.show()
    assert view.is_animating()
    assert view._timer.interval() >= 33  # at most ~30 fps
    view.set_animation_enabled(False)
    assert not view.is_animating() and view.phase() == 0.0
    with pytest.raises(ValueError):
        view.set_animation_speed(0)


def test_a_still_picture_runs_no_timer_and_a_broken_file_shows_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    still = tmp_path / "still.svg"
    still.write_text(SVG.replace('id="move-arm"', 'id="layer-arm"'), encoding="utf-8")
    view = _view(qtbot, still)
    view.show()
    qtbot.waitExposed(view)
    assert not view.is_animating()
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    view.set_picture(broken, {"psoas": "Psoas"}, "")
    view.set_colours("#123456", "#FFFFFF")
    img = view.grab().toImage()
    assert _count(img, "#123456") == len(range(0, img.height(), 2)) * len(range(0, img.width(), 2))
    view.set_picture(None)
    assert view.placed_labels() == []


def test_high_contrast_recolours_the_same_drawing(qtbot, picture_file: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, picture_file, 400, 400)
    normal = view.grab().toImage()
    view.set_high_contrast(True)
    view.set_colours("#000000", "#FFFFFF")
    high = view.grab().toImage()
    assert _count(normal, "#E4573D") > 100 and _count(high, "#E4573D") == 0
    assert _count(high, "#FFD400") > 100  # the psoas class in the high-contrast palette
    assert _count(high, "#F6EFE2") == 0 and _count(normal, "#F6EFE2") > 100


# ---- every slide, in the kiosk, at every size ---------------------------------------------------------------------


SIZES = [(1920, 1080, False, "en"), (1080, 1920, False, "en"), (1280, 800, False, "en"), (1920, 1080, True, "en"),
         (1280, 800, True, "es"), (1080, 1920, True, "es")]


@pytest.mark.parametrize(("w", "h", "large", "lang"), SIZES, ids=[
    "1920x1080", "1080x1920", "1280x800", "large-text", "1280x800-large-text-es", "1080x1920-large-text-es"])
def test_every_slide_picture_fits_and_its_labels_point_at_anchors(qtbot, make_kiosk, w: int, h: int,  # type: ignore[no-untyped-def]
                                                                 large: bool, lang: str) -> None:
    kiosk = make_kiosk(size=(w, h))
    if lang == "es":
        tap(qtbot, find_button(kiosk.window, "Español"))
    if large:
        tap(qtbot, find_button(kiosk.window, "Letra grande" if lang == "es" else "Larger text"))
    assert kiosk.state.language == lang
    education = kiosk.flow.education
    education.stop()
    view = education.slide_view.picture
    theme = kiosk.state.theme
    minimum = 24 if (w, h) == (1920, 1080) else MIN_BODY_PX
    pictures = set()
    for index, slide in enumerate(education.slides):
        education.show_index(index, animate=False)
        view.set_phase(0.5)
        assert view.picture_path() == slide.picture_path and slide.picture_path is not None
        pictures.add(slide.picture_path)
        assert view.accessibleName() == slide.picture_description
        frame = QRectF(view.rect())
        figure = view.figure_rect()
        assert frame.contains(figure), (slide.id, figure, frame)
        assert figure.width() > frame.width() * 0.3 or figure.height() > frame.height() * 0.5, slide.id
        img = view.grab().toImage()
        ground = QColor(theme.palette.background)
        edge = [(x, y) for x in range(0, img.width(), 3) for y in (0, img.height() - 1)] + \
               [(x, y) for y in range(0, img.height(), 3) for x in (0, img.width() - 1)]
        assert all(_near(img.pixelColor(x, y), ground, 3) for x, y in edge), f"{slide.id}: cut off at the edge"
        placed = view.placed_labels()
        assert {label.key for label in placed} == set(slide.labels), slide.id
        assert view.label_px() >= minimum
        document = load_picture(slide.picture_path)
        figure_box = document.content
        scale = figure.width() / figure_box.width()
        anchors = {k: QPointF(figure.left() + (p.x() - figure_box.left()) * scale,
                              figure.top() + (p.y() - figure_box.top()) * scale) for k, p in document.anchors.items()}
        for i, label in enumerate(placed):
            assert frame.contains(label.box), (slide.id, label.key)
            assert label.box.height() >= view.label_px(), (slide.id, label.key)
            assert (label.anchor - anchors[label.key]).manhattanLength() < 2, (slide.id, label.key)
            assert not any(label.box.intersects(other.box) for other in placed[i + 1:]), (slide.id, label.key)
    assert len(pictures) == len(education.slides)  # no two slides share a picture
    assert contrast_ratio(view._ink.name(), view._ground.name()) >= 4.5


def test_high_contrast_theme_reaches_the_picture(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    tap(qtbot, find_button(kiosk.window, "High contrast"))
    education = kiosk.flow.education
    education.stop()
    education.show_index(1, animate=False)
    img = education.slide_view.picture.grab().toImage()
    assert _count(img, "#FFD400") > 100 and _count(img, "#E4573D") == 0
    assert img.pixelColor(2, 2) == QColor("#000000")


def test_nothing_animates_while_the_slides_are_off_screen(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    education = kiosk.flow.education
    education.stop()
    stairs = next(i for i, s in enumerate(education.slides) if s.picture == "stairs.svg")
    education.show_index(stairs, animate=False)
    view = education.slide_view.picture
    assert view.is_animating()
    education.hide()
    assert not view.is_animating()
    education.show()
    assert view.is_animating()
    still = next(i for i, s in enumerate(education.slides) if s.picture == "psoas-front.svg")
    education.show_index(still, animate=False)
    assert not view.is_animating()


def test_a_missing_clinic_picture_leaves_the_slide_without_one(make_kiosk, fast_config, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from kiosk.core import paths
    from kiosk.core.config import ContentSettings

    folder = tmp_path / "content"
    folder.mkdir()
    for lang in ("en", "es"):
        text = paths.resource_path("content", f"{lang}.toml").read_text(encoding="utf-8")
        (folder / f"{lang}.toml").write_text(text.replace('"stairs.svg"', '"missing.svg"'), encoding="utf-8")
    kiosk = make_kiosk(replace(fast_config, content=ContentSettings(directory=str(folder))))
    education = kiosk.flow.education
    education.stop()
    stairs = next(i for i, s in enumerate(education.slides) if s.picture == "missing.svg")
    education.show_index(stairs - 1, animate=False)
    education.prepare_next()  # the quiet moment makes the next slide ready: without a picture here
    education.show_index(stairs)
    view = education.slide_view.picture
    assert view.picture_path() is None and not view.is_animating() and view.placed_labels() == []
    assert not view.grab().isNull()


SHIPPED = Path(__file__).parents[2] / "resources" / "illustrations"


@pytest.mark.parametrize("name", sorted(p.name for p in SHIPPED.glob("*.svg")))
def test_each_layer_is_only_as_large_as_what_it_draws_and_loses_nothing(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Each part's pixmap covers its part and (the topmost still run) the labels with their leader lines, no more:
    drawn at its place it gives the same pixels as the part drawn over the whole view."""
    from kiosk.qt.pictures.layers import layers_for

    document = load_picture(SHIPPED / name)
    size = QSize(999, 844)
    labels = {key: f"Label {key}" for key in document.anchors}
    layers = layers_for(document, size, 1.0, labels, 24.0, QColor("#F5F8FA"), QColor("#1E2D3B"))
    smaller = 0
    for i, (part, (pixmap, at)) in enumerate(zip(document.parts, layers.images, strict=True)):
        if part.motion:
            continue
        whole, placed = (QImage(size, QImage.Format.Format_ARGB32_Premultiplied) for _ in range(2))
        for image in (whole, placed):
            image.fill(0)
        painter = QPainter(whole)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        document.paint_part(painter, part, layers.figure)
        if i == len(document.parts) - 1:
            draw_labels(painter, layers.placed, 24.0, QColor("#1E2D3B"), QColor("#F5F8FA"))
        painter.end()
        painter = QPainter(placed)
        painter.drawPixmap(at, pixmap)
        painter.end()
        assert placed == whole, (name, i)
        smaller += pixmap.width() * pixmap.height() < size.width() * size.height()
    assert smaller, name  # the shipped pictures all have ids: their layers are cropped
