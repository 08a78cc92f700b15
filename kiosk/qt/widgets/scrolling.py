"""Finger scrolling: a scroll area that scrolls by dragging, kinetic only when there is something to scroll."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QScrollArea,
    QScroller,
    QWidget,
)


class ScrollContent(QWidget):
    """The inside of a KineticScrollArea, laid out by a QLayout, that only asks for the height it needs at its
    actual width (height-for-width), not the taller height its wrapped labels would need at their narrowest.
    Without this a form that fits would still scroll by a few pixels."""

    def setLayout(self, layout: QLayout) -> None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        super().setLayout(layout)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return QSize(layout.minimumSize().width() if layout else 0, 0)


class KineticScrollArea(QScrollArea):
    """A frameless vertical scroll area that scrolls with a finger drag, only when its content does not fit.

    Kinetic scrolling is switched on only when needed because QScroller briefly holds back presses to tell a
    drag from a tap; where everything fits a tap should act at once. Signals `more_below_changed(bool)`.
    """

    more_below_changed = Signal(bool)

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)
        self._kinetic = False
        self.verticalScrollBar().rangeChanged.connect(self._update_kinetic)
        self._more = False
        # Whether there is more further down, for a screen's "more below" hint (it must not cover the list).
        self.verticalScrollBar().rangeChanged.connect(lambda _lo, _hi: self._check_more_below())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._check_more_below())
        if content is not None:
            self.setWidget(content)

    def setWidget(self, content: QWidget) -> None:
        """The content, given to the constructor or set afterwards (a Designer form's uic code does the latter)."""
        super().setWidget(content)
        content.setAutoFillBackground(False)  # the screen's background shows through, as around the area

    def is_kinetic(self) -> bool:
        return self._kinetic

    def has_more_below(self) -> bool:
        """Part of the content is below the visible part (a screen shows a hint then)."""
        return self._more

    def _check_more_below(self) -> None:
        bar = self.verticalScrollBar()
        more = bar.maximum() > 0 and bar.value() < bar.maximum()
        if more != self._more:
            self._more = more
            self.more_below_changed.emit(more)

    def resizeEvent(self, event: object) -> None:
        fit = getattr(self.widget(), "fit_height", None)
        if fit is not None:  # let the content choose a denser look before falling back on scrolling
            fit(self.viewport().height(), self.viewport().width())
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _update_kinetic(self, _low: int = 0, high: int = 0) -> None:
        needed = high > 0
        if needed == self._kinetic:
            return
        self._kinetic = needed
        if needed:
            QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        else:
            QScroller.ungrabGesture(self.viewport())


class FormScrollArea(KineticScrollArea):
    """A KineticScrollArea as a Designer form builds it: `FormScrollArea(parent)`, its content set afterwards.

    A separate name because KineticScrollArea's one positional argument is its content: uic's `Class(parent)`
    call cannot be told apart from `KineticScrollArea(content)`. In the form, the content is the area's child
    widget, and the generated code hands it over with setWidget().
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
