"""Labels for patient text: word-wrapped, styled by role; and balanced line breaks for titles."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrappingLabel(QLabel):
    """A label that wraps words and reports a height for its width (so long translations never clip).

    `set_reserve(text)` (or several (text, font) pairs): the label also keeps the room those texts would need
    (a message that may appear in its place later), so that nothing around it moves when its words change.

    A title (role "title", or the clinic's name) breaks its lines where they come out most even (balanced_lines),
    so that no short word, or a "2)", is left alone on its last line; text() still gives its words as set."""

    def __init__(self, text: str | QWidget | None = "", parent: QWidget | None = None, *, role: str = "body") -> None:
        # Like QLabel: (text, parent) or (parent), as a Designer form builds it (it then sets `role` and `text`).
        if not isinstance(text, str):
            parent, text = text, ""
        self._words = ""
        super().__init__(text, parent)
        self._reserve: list[tuple[str, QFont | None]] = []
        self._words = text  # as set; a title shows them with balanced line breaks
        self.setWordWrap(True)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    # ---- balanced titles ----
    def _balanced(self) -> bool:
        return self.property("role") in ("title", "clinic")

    def setText(self, text: str) -> None:
        self._words = text
        self._show_words()

    def text(self) -> str:
        return self._words if self._balanced() else super().text()

    def shown_lines(self) -> list[str]:
        """The lines as shown at the label's width (a title's balanced breaks; else the words in one piece)."""
        return (self._broken(self.width()) if self._balanced() else self.text()).split("\n")

    def _inner_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(1, width - margins.left() - margins.right() - 2 * self.margin())

    def _broken(self, width: int) -> str:
        metrics = QFontMetrics(self.font())
        return balanced_lines(self._words, metrics.horizontalAdvance, self._inner_width(width) - 1)

    def _show_words(self) -> None:
        shown = self._broken(self.width()) if self._balanced() and self.testAttribute(
            Qt.WidgetAttribute.WA_Resized) else self._words
        if shown != super().text():
            super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._balanced():
            self._show_words()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._balanced():
            self._show_words()

    def set_reserve(self, text: str | list[tuple[str, QFont | None]]) -> None:
        """Keep room for `text` in this label's font, or for each (text, font) pair (None: this label's font)."""
        reserve = [(text, None)] if isinstance(text, str) else list(text)
        reserve = [(t, f) for t, f in reserve if t]
        if reserve != self._reserve:
            self._reserve = reserve
            self.updateGeometry()

    def _reserved_height(self, width: int) -> int:
        if not self._reserve or width <= 0:
            return 0
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        tallest = 0
        for text, font in self._reserve:
            box = QFontMetrics(font if font is not None else self.font()).boundingRect(
                QRect(0, 0, inner, 100000), int(Qt.TextFlag.TextWordWrap), text)
            tallest = max(tallest, box.height())
        return tallest + margins.top() + margins.bottom() + 2 * self.margin()

    def heightForWidth(self, width: int) -> int:
        if self._balanced() and self._words:
            # The height of the lines this width would show (the text on show is broken for the current width).
            margins = self.contentsMargins()
            box = QFontMetrics(self.font()).boundingRect(QRect(0, 0, self._inner_width(width), 100000),
                                                         int(Qt.TextFlag.TextWordWrap), self._broken(width))
            own = box.height() + margins.top() + margins.bottom() + 2 * self.margin()
        else:
            own = super().heightForWidth(width)
        return max(own, self._reserved_height(width))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if not self._reserve:
            return hint
        # The reserved words on one line, or at the width the label has once laid out (an empty label's own hint
        # is a few pixels wide, and a label not laid out yet is 100 wide: either would stack the words up).
        natural = max(QFontMetrics(f if f is not None else self.font()).horizontalAdvance(t) for t, f in self._reserve)
        laid_out = self.testAttribute(Qt.WidgetAttribute.WA_Resized)  # set by a layout's setGeometry too
        width = max(hint.width(), min(natural, self.width()) if laid_out else natural)
        return QSize(width, max(hint.height(), self._reserved_height(width)))


def balanced_lines(text: str, width_of: Callable[[str], int], max_width: int, max_lines: int = 4) -> str:
    """`text` with line breaks ("\n") where they make its lines most even in width, so that a title never
    leaves a short word (or "2)") alone on its last line. `width_of(line)` measures one line in pixels. The
    fewest lines that fit `max_width` win, then the most even; the text comes back unchanged when it fits on
    one line, or when no way of breaking it fits."""
    words = text.split()
    if len(words) < 2 or width_of(text) <= max_width:
        return text
    for count in range(2, min(max_lines, len(words)) + 1):
        best: list[str] | None = None
        best_spread = 0
        for lines in _splits(words, count):
            widths = [width_of(line) for line in lines]
            if max(widths) > max_width:
                continue
            spread = max(widths) - min(widths)
            if best is None or spread < best_spread:
                best, best_spread = lines, spread
        if best is not None:
            return "\n".join(best)
    return text


def _splits(words: list[str], count: int) -> Iterator[list[str]]:
    """Every way to cut `words` into `count` lines, in order (titles are short: a few dozen ways at most)."""
    if count == 1:
        yield [" ".join(words)]
        return
    for end in range(1, len(words) - count + 2):
        for rest in _splits(words[end:], count - 1):
            yield [" ".join(words[:end]), *rest]
