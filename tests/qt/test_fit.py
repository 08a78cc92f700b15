"""No text is cut off or overlaps, in any language, text size, orientation or resolution.

Every screen is walked through its screenshot variants (the same looks the README and the self-test show) at four
screen sizes, for each language and text size. Only geometry is checked (see tests/layout_checks.py): no pixels
are grabbed, which keeps the whole matrix fast."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.core.config import IdleSettings
from tests.layout_checks import fit_problems, settle

SIZES = ((1280, 800), (1920, 1080), (1080, 1920), (3840, 2160))
PATIENT_SCREENS = ("education", "checklist", "summary", "request_form", "thanks")


@pytest.mark.parametrize("large", [False, True], ids=["normal-text", "large-text"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_screen_fits_every_size(fast_config, make_kiosk, lang: str, large: bool) -> None:  # type: ignore[no-untyped-def]
    # No "Still there?" and no idle reset halfway through the walk (it would bring back English and normal text).
    config = replace(fast_config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))
    kiosk = make_kiosk(config, size=SIZES[0])
    try:
        kiosk.state.set_language(lang)
        problems: list[str] = []
        for size in SIZES:
            kiosk.resize(*size)
            # Fixed, as the full-screen kiosk window is (KioskWindow.show_kiosk): content that needs more room is
            # squeezed or cut off, which the checks below see, instead of growing the window.
            kiosk.window.setFixedSize(*size)
            # Staff screens are never shown in large text (the staff gesture resets the patient's choices), but
            # they are in the clinic's default language, which may be Spanish.
            names = [n for n in kiosk.flow.screens if not large or n in PATIENT_SCREENS]
            for name in names:
                screen = kiosk.flow.screens[name]
                kiosk.flow.go(name)
                # Large text is a patient's choice made on a screen: set it after go(), which does not reset it.
                kiosk.state.set_appearance(large_text=large)
                for variant in screen.screenshot_variants():  # type: ignore[attr-defined]
                    settle()
                    where = f"{lang}{' large' if large else ''} {size[0]}x{size[1]} {variant}"
                    problems += fit_problems(kiosk.window, where, size)
            kiosk.flow.return_to_loop()
            kiosk.state.set_language(lang)
        assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:60])
    finally:
        kiosk.state.set_language("en")
