"""The clinic's identity reads: its name on one line at 1280x800 at a size that reads (smaller within limits,
then wrapped at a sensible word), and its phone number as body text, not small grey print."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QFontMetrics

from tests.layout_checks import fit_problems, settle

NAME = "Riverside Physiotherapy & Sports Injury Clinic"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_long_clinic_name_fits_on_one_line(make_kiosk, fast_config, size, lang) -> None:  # type: ignore[no-untyped-def]
    config = replace(fast_config, clinic=replace(fast_config.clinic, name=NAME, phone="+1 555 010 0100"))
    kiosk = make_kiosk(config, size=size)
    kiosk.window.setFixedSize(*size)
    kiosk.state.set_language(lang)
    settle()
    education = kiosk.flow.education
    header, clinic, phone = education.header, education.clinic, education.phone
    assert header.clinic is clinic
    px = clinic.font().pixelSize()
    body = kiosk.state.theme.body_px
    assert px >= max(24, body), px  # still reads as the clinic's name
    if size[0] > size[1]:  # landscape, 1280x800 included: one line
        assert clinic.shown_lines() == [NAME]
        assert QFontMetrics(clinic.font()).horizontalAdvance(NAME) <= clinic.contentsRect().width()
    else:  # portrait: the name's share of the row may be too narrow; then two even lines
        assert all(len(line.split()) >= 2 for line in clinic.shown_lines()), clinic.shown_lines()
    assert phone.font().pixelSize() >= body and phone.font().bold()
    assert phone.palette().windowText().color() == QColor(kiosk.state.theme.palette.text)
    assert not fit_problems(kiosk.window, f"{lang} {size}", size)


def test_larger_text_keeps_the_name_whole_or_wraps_it_at_a_sensible_word(make_kiosk, fast_config) -> None:  # type: ignore[no-untyped-def]
    config = replace(fast_config, clinic=replace(fast_config.clinic, name=NAME))
    kiosk = make_kiosk(config, size=(1280, 800))
    kiosk.window.setFixedSize(1280, 800)
    kiosk.state.set_appearance(large_text=True)
    settle()
    clinic = kiosk.flow.education.clinic
    lines = clinic.shown_lines()
    assert " ".join(lines) == NAME
    assert all(len(line.split()) >= 2 for line in lines), lines  # no word alone on a line
    assert clinic.font().pixelSize() >= kiosk.state.theme.body_px
    assert not fit_problems(kiosk.window, "large 1280x800", (1280, 800))


@pytest.mark.parametrize("name", ["Your Physiotherapy Clinic", NAME])
def test_the_header_settles_and_stays_still(make_kiosk, fast_config, name) -> None:  # type: ignore[no-untyped-def]
    """Once laid out, the header does not restyle itself again and again (it once measured its name's size by
    taking its own style off and putting it back, which laid it out anew: a core kept busy all day)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    config = replace(fast_config, clinic=replace(fast_config.clinic, name=name))
    kiosk = make_kiosk(config, size=(1920, 1080))
    kiosk.flow.education.stop()  # no slide changes: only the header could be restyling now
    settle()
    clinic = kiosk.flow.education.clinic

    class CountRestyles(QObject):
        count = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.StyleChange:
                self.count += 1
            return False

    counter = CountRestyles()
    clinic.installEventFilter(counter)
    for _ in range(200):  # posted events keep coming if the header loops; a settled one has none
        QCoreApplication.processEvents()
    clinic.removeEventFilter(counter)
    assert counter.count == 0
