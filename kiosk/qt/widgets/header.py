"""The header of every patient screen: its title beside the patient toolbar, or above it when the title would wrap."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

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
        self.clinic: QLabel | None = None  # the clinic's name (role "clinic") inside the left part, if any
        self._clinic_px: int | None = None
        self._clinic_applied: int | None = None
        self._clinic_role: tuple[str, int] | None = None  # (the app's style sheet, the role's size in it)
        if toolbar is not None:
            self.attach(left, toolbar)

    def attach(self, left: QWidget | None, toolbar: PatientToolbar) -> None:
        """The two parts this header places (in a Designer form they are its children already)."""
        self.left = left
        self.toolbar = toolbar
        if left is not None:
            left.setParent(self)
            left.installEventFilter(self)  # shown/hidden (the form's save-failure banner): lay out again
            if not isinstance(left, QLabel):
                self.clinic = next((label for label in left.findChildren(QLabel)
                                    if label.property("role") == "clinic"), None)
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
        if self.clinic is not None and self.clinic.text():
            return self._arrange_clinic(width)
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

    # ---- the clinic's name: one line at a size that reads, else wrapped at a sensible word ----
    def clinic_sizes(self) -> list[int]:
        """Sizes (px) to try for the clinic's name, largest first: its style's size (a heading) down to body size
        (the style's size / 1.3, never under 24 px), so it stays the most prominent words on the screen."""
        assert self.clinic is not None
        top = self._clinic_style_px()
        floor = max(24, round(top / 1.3))
        return [*range(top, floor, -1), floor]

    def _clinic_style_px(self) -> int:
        assert self.clinic is not None
        # Measuring takes our size override off and puts it back: two restyles, each laying the header out again,
        # which measured again (a loop that kept a core busy while the slides ran). The role's size changes only
        # with the app's style sheet (larger text, high contrast), so it is measured once per style sheet.
        app = QApplication.instance()
        sheet = app.styleSheet() if isinstance(app, QApplication) else ""
        if self._clinic_role is not None and self._clinic_role[0] == sheet:
            return self._clinic_role[1]
        px = self._measure_clinic_style_px()
        self._clinic_role = (sheet, px)
        return px

    def _measure_clinic_style_px(self) -> int:
        assert self.clinic is not None
        saved = self.clinic.styleSheet()
        if saved:  # our own size override: measure the role's size without it
            self.clinic.setStyleSheet("")
        self.clinic.ensurePolished()
        px = self.clinic.font().pixelSize()
        if saved:
            self.clinic.setStyleSheet(saved)
        return px if px > 0 else 30

    def _clinic_room(self, left_width: int) -> int:
        """The width the clinic's name gets when the left part is `left_width` wide (its share of that row)."""
        assert self.clinic is not None and self.left is not None
        share = self.clinic.width() / self.left.width() if self.left.width() > 1 and self.clinic.width() > 1 else 0.6
        return max(1, int(left_width * share) - 2)

    def _clinic_fit(self, room: int) -> int | None:
        """The largest clinic size that keeps the name on one line in `room`, or None."""
        assert self.clinic is not None
        for px in self.clinic_sizes():
            font = QFont(self.clinic.font())
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(self.clinic.text()) <= room:
                return px
        return None

    def _arrange_clinic(self, width: int) -> tuple[bool, int, int | None]:
        """Beside the toolbar when the name fits on one line there; else under the toolbar, on one line if it can,
        else wrapped at the smallest size that reads."""
        assert self.left is not None
        bar = self._bar()
        beside_w = width - bar.width() - self._spacing
        for stacked, left_w in ((False, beside_w), (True, width)):
            if left_w < width // 3:
                continue
            px = self._clinic_fit(self._clinic_room(left_w))
            if px is not None:
                self._clinic_px = px
                left_h = self._left_height_with_clinic(left_w, px)
                if stacked:
                    return True, bar.height() + self._spacing + left_h, None
                return False, max(bar.height(), left_h), None
        self._clinic_px = self.clinic_sizes()[-1]
        return True, bar.height() + self._spacing + self._left_height_with_clinic(width, self._clinic_px), None

    def _left_height_with_clinic(self, left_w: int, px: int) -> int:
        """The left part's height with the clinic's name at `px`: as laid out now, less the name's lines at its
        current size, plus its lines at `px`."""
        assert self.clinic is not None
        room = self._clinic_room(left_w)
        flags = int(Qt.TextFlag.TextWordWrap)
        name = self.clinic.text()

        def lines_h(font: QFont) -> int:
            return QFontMetrics(font).boundingRect(QRect(0, 0, room, 100000), flags, name).height()

        font = QFont(self.clinic.font())
        now = lines_h(font)
        font.setPixelSize(px)
        wanted = lines_h(font)
        return max(wanted, self._left_height(left_w) - now + wanted)

    def _apply_clinic_px(self) -> None:
        if self.clinic is None or self._clinic_px is None or self._clinic_px == self._clinic_applied:
            return
        self._clinic_applied = self._clinic_px
        # The label's own style sheet beats the application's role size.
        self.clinic.setStyleSheet(f"font-size: {self._clinic_px}px;")

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
        self._apply_clinic_px()
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
