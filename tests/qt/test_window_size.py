"""The window keeps the screen's size through every screen and state: no screen's minimum may push it past the
display (a window taller than the screen hides its bottom row: Send, Next, Done)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QImage

from kiosk.commands.screenshots import render_all
from kiosk.core.config import IdleSettings


@pytest.mark.parametrize(("size", "large_text"), [((1920, 1080), True), ((1280, 800), False)])
def test_every_screen_keeps_the_window_at_the_screen_size(make_kiosk, fast_config, tmp_path, size,  # type: ignore[no-untyped-def]
                                                          large_text) -> None:
    # Long idle times: the walk through every screen must not be cut short by the idle reset.
    config = replace(fast_config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=10, thanks_seconds=3600))
    k = make_kiosk(config, size=size)
    k.state.set_appearance(large_text=large_text)
    k.resize(*size)
    wrong = []
    for path in render_all(k, tmp_path / "shots"):
        image = QImage(str(path))
        if (image.width(), image.height()) != size:
            wrong.append(f"{path.stem}: {image.width()}x{image.height()}")
    assert not wrong, f"the window left {size[0]}x{size[1]} on: " + ", ".join(wrong)
