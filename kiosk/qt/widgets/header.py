"""The header of every patient screen: its title beside the patient toolbar, or above it when the title would wrap."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.qt.widgets.toolbar import PatientToolbar


def title_sizes(body_px: int) -> list[int]:
    """Title size (1.75 x body, as in kiosk.qss) down to heading size (1.3 x body), in small steps."""
    top, floor = round(body_px * 1.75), round(body_px * 1.3)
    step = max(1, round(body_px * 0.08))
    return [*range(top, floor, -step), floor]


class ScreenHeader(QWidget):
    """The top of a patient screen: what the screen is about (title, clinic name...) on the left and the toolbar
    on the right; or, when the title would get squeezed into many lines there (portrait, long translations,
    large text), the toolbar on a row of its own above the title. Whichever needs less height."""

    def __init__(self, parent: QWidget | None = None, *, left: QWidget | None = None,
                 toolbar: PatientToolbar | None = None) -> None:
        super().__init__(parent)
        self.left: QWidget | None = None
        self.toolbar: PatientToolbar | None = None
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self._spacing = 16
        self._stacked = False
        self._title_sizes: list[int] = []
        self._title_px: int | None = None
        if toolbar is not None:
            self.attach(left, toolbar)

    def attach(self, left: QWidget | None, toolbar: PatientToolbar) -> None:
        """The two parts this header places (in a Designer form they are its children already)."""
        self.left = left
        self.toolbar = toolbar
        if left is not None:
            left.setParent(self)
            left.installEventFilter(self)  # shown/hidden (the form's save-failure banner): lay out again
        toolbar.setParent(self)
        self.updateGeometry()

    def _bar(self) -> QSize:
        return self.toolbar.sizeHint() if self.toolbar is not None else QSize(0, 0)

    def set_spacing(self, spacing: int) -> None:
        self._spacing = spacing
        self.updateGeometry()
        self._relayout()

    def is_stacked(self) -> bool:
        return self._stacked

    def set_title_sizes(self, sizes: Sequence[int]) -> None:
        """For a title label on the left: font sizes (px) to try, largest first. The largest that keeps the title
        on one line beside the toolbar wins (a little smaller beats a title broken over two lines); when none
        does, the largest is used and the title wraps or moves under the toolbar."""
        self._title_sizes = [px for px in sizes if px > 0]
        self.updateGeometry()
        self._relayout()

    def _title_font(self, px: int) -> QFont:
        font = QFont(self.left.font()) if self.left is not None else QFont()
        font.setPixelSize(px)
        return font

    def _left_height(self, width: int, px: int | None = None) -> int:
        left = self.left
        if left is None or left.isHidden():
            return 0
        if px is not None and isinstance(left, QLabel):
            margins = left.contentsMargins()
            inner = max(1, width - margins.left() - margins.right())
            box = QFontMetrics(self._title_font(px)).boundingRect(QRect(0, 0, inner, 100000),
                                                                  int(Qt.TextFlag.TextWordWrap), left.text())
            return box.height() + margins.top() + margins.bottom()
        if left.hasHeightForWidth():
            return left.heightForWidth(max(1, width))
        return left.sizeHint().height()

    def _one_line(self, width: int, px: int) -> bool:
        left = self.left
        if not isinstance(left, QLabel):
            return False
        margins = left.contentsMargins()
        room = width - margins.left() - margins.right()
        return QFontMetrics(self._title_font(px)).horizontalAdvance(left.text()) <= room

    def _arrange(self, width: int) -> tuple[bool, int, int | None]:
        """(stacked, height, title font px or None) for this width."""
        bar = self._bar()
        if self.left is None or self.left.isHidden():
            return False, bar.height(), None
        sizes: list[int | None] = list(self._title_sizes) if isinstance(self.left, QLabel) else []
        big = sizes[0] if sizes else None
        beside_w = width - bar.width() - self._spacing
        roomy = beside_w >= width // 3  # else the left side would be a narrow column of broken words
        if roomy:
            for px in sizes:
                if px is not None and self._one_line(beside_w, px):
                    return False, max(bar.height(), self._left_height(beside_w, px)), px
        stacked_h = bar.height() + self._spacing + self._left_height(width, big)
        if not roomy:
            return True, stacked_h, big
        beside_h = max(bar.height(), self._left_height(beside_w, big))
        return (True, stacked_h, big) if stacked_h < beside_h else (False, beside_h, big)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(width)[1]

    def sizeHint(self) -> QSize:
        width = max(self.width(), self._bar().width() * 2)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # Never measured narrower than the toolbar it must hold: a header not laid out yet (a hidden screen's,
        # built by its form at Qt's small default size) would otherwise claim a tall stack of broken words and
        # make the window grow when its screen comes up.
        bar = self._bar()
        return QSize(bar.width(), self.heightForWidth(max(self.width(), bar.width(), 1)))


    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.left and event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.updateGeometry()
            self._relayout()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the toolbar's buttons changed size (language, text size)
            self.updateGeometry()
            self._relayout()
        return super().event(event)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._relayout()

    def _relayout(self) -> None:
        if self.toolbar is None:
            return
        width, height = self.width(), self.height()
        bar = self._bar()
        bar_w = min(bar.width(), width)
        stacked, _, px = self._arrange(width)
        self._stacked = stacked
        if px is not None and px != self._title_px and self.left is not None:
            self._title_px = px
            # The label's own style sheet beats the application's role size (as the slides' fit_text does).
            self.left.setStyleSheet(f"font-size: {px}px;")
        self.toolbar.setGeometry(width - bar_w, 0, bar_w, bar.height())
        if self.left is None:
            return
        if stacked:
            top = bar.height() + self._spacing
            self.left.setGeometry(0, top, width, max(0, height - top))
        else:
            # The whole height: a one-line title is centred on the toolbar's middle (labels centre vertically).
            self.left.setGeometry(0, 0, max(1, width - bar_w - self._spacing), height)
