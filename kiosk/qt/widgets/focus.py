"""Reading order for Tab and assistive technology, and letting nested layouts settle before a picture."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def set_focus_order(widgets: Sequence[QWidget | None]) -> None:
    """Chain `widgets` in this order for assistive technology and a hardware Tab key: the reading order.

    Touch-only controls take no focus, and Qt's setTabOrder() leaves such a widget where it is (in creation order,
    which for a Designer form is not the reading order when some widgets are made later from the content), so each
    takes Tab focus just while it is chained."""
    chain = [w for w in widgets if w is not None]
    policies = [(widget, widget.focusPolicy()) for widget in chain]
    for widget, policy in policies:
        if policy == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    for widget, policy in policies:
        widget.setFocusPolicy(policy)


def settle() -> None:
    """Let nested layouts finish: each level posts its own layout request (used before screenshots)."""
    for _ in range(3):
        QApplication.processEvents()
