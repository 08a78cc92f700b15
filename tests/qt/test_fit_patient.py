"""The patient's controls and messages stay in view: at every supported size, text size and language, with the
on-screen keyboard up, before and after a failed Send; and messages never move what the finger is about to touch."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from kiosk.core.config import IdleSettings
from tests.layout_checks import fit_problems, out_of_view, settle

SIZES = ((1280, 800), (1920, 1080), (1080, 1920))


def _rect(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _required(form) -> dict[str, QWidget]:  # type: ignore[no-untyped-def]
    shown = {"name field": form.name_edit, "phone field": form.phone_edit, "consent box": form.consent_tile,
             "Send": form.send_button, "Back": form.back_button, "keyboard": form.keyboard,
             "letters left": form.note_count}
    shown.update({f"best time {value}": button for value, button in form.time_buttons.items()})
    return shown


@pytest.mark.parametrize("large", [False, True], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_form_controls_and_messages_stay_in_view(make_kiosk, fast_config, size, lang, large) -> None:  # type: ignore[no-untyped-def]
    config = replace(fast_config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))
    kiosk = make_kiosk(config, size=size)
    kiosk.window.setFixedSize(*size)
    kiosk.state.set_language(lang)
    form = kiosk.flow.request_form
    ids = tuple(s.id for s in kiosk.state.content.symptoms)
    form.begin(ids[:3])
    kiosk.flow.go("request_form")
    kiosk.state.set_appearance(large_text=large)
    for _ in range(3):  # the form settles over a few passes (restyle, then the note's height)
        settle()
    where = f"{lang}{' larger' if large else ''} {size[0]}x{size[1]}"
    problems = out_of_view(kiosk.window, _required(form), f"{where} empty") + fit_problems(kiosk.window, where, size)
    keys_before = _rect(kiosk.window, form.keyboard)
    scroll_before = form.scroll.verticalScrollBar().maximum()

    form.submit()  # nothing typed: a message for every required field
    for _ in range(3):
        settle()
    where += " after a failed Send"
    errors = {name: label for name, label in (("name message", form.name_error), ("phone message", form.phone_error),
                                              ("best time message", form.time_error),
                                              ("consent message", form.consent_error))}
    problems += out_of_view(kiosk.window, {**_required(form), **errors}, where)
    problems += fit_problems(kiosk.window, where, size)
    assert not problems, "\n".join(problems)
    # Nothing the finger is about to touch moved, and no scroll bar came up.
    assert _rect(kiosk.window, form.keyboard) == keys_before
    assert form.scroll.verticalScrollBar().maximum() == scroll_before
    # The first problem is focused, and the keys type into it.
    assert form.keyboard.target() is form.name_edit and form.name_edit.hasFocus()


@pytest.mark.parametrize("large", [False, True], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_checklist_buttons_and_message_stay_in_view(make_kiosk, fast_config, size, lang, large) -> None:  # type: ignore[no-untyped-def]
    config = replace(fast_config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))
    kiosk = make_kiosk(config, size=size)
    kiosk.window.setFixedSize(*size)
    kiosk.state.set_language(lang)
    kiosk.flow.go("checklist")
    kiosk.state.set_appearance(large_text=large)
    settle()
    checklist = kiosk.flow.checklist
    buttons = {"Back": checklist.back_button, "Next": checklist.next_button}
    before = {name: _rect(kiosk.window, b) for name, b in buttons.items()}
    checklist.next_button.click()  # nothing chosen: says what to do
    settle()
    where = f"{lang}{' larger' if large else ''} {size[0]}x{size[1]} nothing chosen"
    problems = out_of_view(kiosk.window, {**buttons, "message": checklist.message}, where)
    problems += fit_problems(kiosk.window, where, size)
    assert not problems, "\n".join(problems)
    assert {name: _rect(kiosk.window, b) for name, b in buttons.items()} == before


@pytest.mark.parametrize(("size", "large", "shown"), [((1920, 1080), False, True), ((2560, 1600), False, True),
                                                       ((1280, 800), False, False), ((1920, 1080), True, False),
                                                       ((1080, 1920), False, False)])
def test_own_phone_code_beside_the_form_only_where_it_fits(make_kiosk, fast_config, size, large, shown) -> None:  # type: ignore[no-untyped-def]
    clinic = replace(fast_config.clinic, sms_number="+1 (555) 010-0199")
    config = replace(fast_config, clinic=clinic,
                     idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))
    kiosk = make_kiosk(config, size=size)
    kiosk.window.setFixedSize(*size)
    form = kiosk.flow.request_form
    form.begin(("groin_pain", "pelvic_pain"))
    kiosk.flow.go("request_form")
    kiosk.state.set_appearance(large_text=large)
    for _ in range(3):
        settle()
    assert form.sms_code.isVisibleTo(kiosk.window) == shown
    where = f"{size[0]}x{size[1]}{' larger' if large else ''} with the own-phone code"
    shown_widgets = {**_required(form), **({"own phone code": form.sms_code.code} if shown else {})}
    keys = _rect(kiosk.window, form.keyboard)
    form.submit()
    for _ in range(3):
        settle()
    problems = out_of_view(kiosk.window, {**shown_widgets, "consent message": form.consent_error}, where)
    problems += fit_problems(kiosk.window, where, size)
    assert not problems, "\n".join(problems)
    assert _rect(kiosk.window, form.keyboard) == keys  # the code never moves the keys
    assert form.sms_code.isVisibleTo(kiosk.window) == shown
    if shown:
        assert "Groin pain" in form.sms_code.message()
