"""Reading order for Tab and assistive technology, and letting nested layouts settle before a picture."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget

# Marks on the first and last widget of a screen's chain: where Tab starts when nothing on the screen has focus.
FIRST_MARK = "reading_order_first"
LAST_MARK = "reading_order_last"

_CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit)


def set_focus_order(widgets: Sequence[QWidget | None]) -> None:
    """Chain `widgets` in this order for assistive technology and a hardware Tab key: the reading order.

    Controls are reachable by Tab (and so by a switch), but a tap never moves the focus: touch-only controls
    (NoFocus, so that a tap keeps the field the on-screen keyboard types into) become TabFocus. Labels in the
    chain take Tab focus only while they are chained (Qt's setTabOrder() leaves a NoFocus widget where it is, in
    creation order, which for a Designer form is not the reading order)."""
    chain = [w for w in widgets if w is not None]
    policies = [(widget, widget.focusPolicy()) for widget in chain]
    for widget, policy in policies:
        if policy == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    for widget, policy in policies:
        if not isinstance(widget, _CONTROLS):
            widget.setFocusPolicy(policy)
    controls = [w for w in chain if isinstance(w, _CONTROLS)]
    if controls:
        controls[0].setProperty(FIRST_MARK, True)
        controls[-1].setProperty(LAST_MARK, True)


def can_take_tab_focus(widget: QWidget) -> bool:
    return (widget.isVisible() and widget.isEnabled()
            and bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value))


def chain_end(root: QWidget, last: bool = False) -> QWidget | None:
    """The first (or last) control of the reading order of the screen `root`, among those on show."""
    mark = LAST_MARK if last else FIRST_MARK
    for widget in root.findChildren(QWidget):
        if widget.property(mark) and can_take_tab_focus(widget):
            return widget
    # Nothing marked on show (a screen without a chain, the first control hidden): the first focusable one.
    focusable = [w for w in root.findChildren(QWidget) if isinstance(w, _CONTROLS) and can_take_tab_focus(w)]
    return (focusable[-1] if last else focusable[0]) if focusable else None


def settle() -> None:
    """Let nested layouts finish: each level posts its own layout request (used before screenshots)."""
    for _ in range(3):
        QApplication.processEvents()
