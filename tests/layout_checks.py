"""Geometry checks shared by the fit and accessibility tests: is any text cut off, squeezed or overlapping?

Only layout is looked at (no pixels are grabbed), so a screen can be checked in a few milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.qt.widgets.tiles import ToggleTile

TOLERANCE = 1  # px: rounding in layouts


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_scroll_content(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose scrolled content holds `widget` (its content may be taller than the screen)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport() and widget is not parent:
            return grand
        parent = grand
    return None


def _is_viewport(widget: QWidget) -> bool:
    """A scroll area's viewport: its content may be larger than it (that is what scrolling is for)."""
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and widget is area.viewport()


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.accessibleName()
    text = text.replace("\n", " ")
    return f"{type(widget).__name__}({text[:50]!r})"


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _button_text_fits(button: QPushButton) -> str:
    """The text and icon need no more room than the style leaves inside the padding and border."""
    text = button.text()
    if not text:
        return ""
    opt = QStyleOptionButton()
    opt.initFrom(button)
    opt.text = text
    opt.icon = button.icon()
    opt.iconSize = button.iconSize()
    contents = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button)
    metrics = button.fontMetrics()
    need_w = metrics.horizontalAdvance(text) + (button.iconSize().width() + 4 if not button.icon().isNull() else 0)
    need_h = max(metrics.height(), button.iconSize().height() if not button.icon().isNull() else 0)
    problems = []
    if need_w > contents.width() + TOLERANCE:
        problems.append(f"needs {need_w} px wide inside, has {contents.width()}")
    if need_h > contents.height() + TOLERANCE:
        problems.append(f"needs {need_h} px high inside, has {contents.height()}")
    return "; ".join(problems)


def fit_problems(window: QWidget, where: str, expected: tuple[int, int] | None = None) -> list[str]:
    """Every visible widget inside the window and inside its parent; every text with the room it needs;
    no two visible texts or controls on top of each other."""
    out: list[str] = []
    if expected is not None and (window.width(), window.height()) != expected:
        out.append(f"{where}: the window grew to {window.width()}x{window.height()} (content needs more room)")
    window_rect = window.rect()
    widgets = [w for w in window.findChildren(QWidget) if w.isVisible() and w.width() > 0 and w.height() > 0]
    for w in widgets:
        scroll = _in_scroll_content(w, window)
        rect = _window_rect(w, window)
        if scroll is None:
            if not window_rect.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(rect):
                out.append(f"{where}: {_name(w)} at {rect.getRect()} sticks out of the window")
        else:
            viewport = _window_rect(scroll.viewport(), window)
            if rect.left() < viewport.left() - TOLERANCE or rect.right() > viewport.right() + TOLERANCE:
                out.append(f"{where}: {_name(w)} is wider than its scroll area (no sideways scrolling)")
        parent = w.parentWidget()
        if parent is not None and parent is not window and not _is_viewport(parent):
            if not parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(w.geometry()):
                out.append(f"{where}: {_name(w)} {w.geometry().getRect()} is cut off by its parent "
                           f"{_name(parent)} {parent.size().toTuple()}")
        out.extend(f"{where}: {_name(w)}: {p}" for p in _text_problems(w))
    out.extend(_overlaps(widgets, where))
    return out


def _text_problems(w: QWidget) -> list[str]:
    problems: list[str] = []
    if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + TOLERANCE:
                problems.append(f"wrapped text needs {need} px high, has {w.height()}")
        elif w.textFormat() != Qt.TextFormat.RichText:
            metrics = w.fontMetrics()
            room = w.contentsRect()
            widest = max(metrics.horizontalAdvance(line) for line in w.text().split("\n"))
            if widest > room.width() + TOLERANCE:
                problems.append(f"text needs {widest} px wide, has {room.width()}")
            lines = w.text().count("\n") + 1
            if metrics.height() * lines > room.height() + TOLERANCE:
                problems.append(f"text needs {metrics.height() * lines} px high, has {room.height()}")
    elif isinstance(w, ToggleTile):
        need = w.heightForWidth(w.width())
        if need > w.height() + TOLERANCE:
            problems.append(f"tile needs {need} px high, has {w.height()}")
    elif isinstance(w, QPushButton):
        problem = _button_text_fits(w)
        if problem:
            problems.append(problem)
    elif isinstance(w, QCheckBox) and w.sizeHint().width() > w.width() + TOLERANCE:
        problems.append(f"needs {w.sizeHint().width()} px wide, has {w.width()}")
    elif isinstance(w, QLineEdit):
        if w.fontMetrics().height() > w.contentsRect().height() + TOLERANCE:
            problems.append("typed text would be cut off at the top and bottom")
    elif isinstance(w, QPlainTextEdit):
        if w.fontMetrics().height() > w.viewport().height() + TOLERANCE:
            problems.append("not even one line of text fits")
    return problems


_CONTENT = (QLabel, QAbstractButton, QLineEdit, QPlainTextEdit)


def _overlaps(widgets: list[QWidget], where: str) -> list[str]:
    """Texts and controls that share a parent must not cover each other (layouts only do that when squeezed)."""
    out = []
    by_parent: dict[int, list[QWidget]] = {}
    for w in widgets:
        if isinstance(w, _CONTENT) and w.parentWidget() is not None:
            if isinstance(w, QLabel) and not w.text() and w.pixmap().isNull():
                continue
            by_parent.setdefault(id(w.parentWidget()), []).append(w)
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1:]:
                overlap = a.geometry().intersected(b.geometry())
                if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                    out.append(f"{where}: {_name(a)} and {_name(b)} overlap by {overlap.width()}x{overlap.height()}")
    return out


def out_of_view(window: QWidget, widgets: dict[str, QWidget], where: str) -> list[str]:
    """Each widget is shown and wholly on screen as things stand: inside the window and inside the visible part of
    every scroll area around it (a control the patient must scroll to find counts as hidden)."""
    out = []
    for name, w in widgets.items():
        if not w.isVisible():
            out.append(f"{where}: {name} is not shown")
            continue
        rect = _window_rect(w, window)
        view = window.rect()
        parent = w.parentWidget()
        while parent is not None and parent is not window:
            if _is_viewport(parent):
                view = view.intersected(_window_rect(parent, window))
            parent = parent.parentWidget()
        if not view.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(rect):
            out.append(f"{where}: {name} at {rect.getRect()} is outside the visible area {view.getRect()}")
    return out
