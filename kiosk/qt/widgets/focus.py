"""Reading order for Tab and assistive technology, and letting nested layouts settle before a picture."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtWidgets import QApplication, QWidget


def set_focus_order(widgets: Sequence[QWidget | None]) -> None:
    """Chain `widgets` in this order for assistive technology and a hardware Tab key: the reading order."""
    chain = [w for w in widgets if w is not None]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def settle() -> None:
    """Let nested layouts finish: each level posts its own layout request (used before screenshots)."""
    for _ in range(3):
        QApplication.processEvents()
