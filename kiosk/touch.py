"""Reusable touch widgets and gesture helpers shared by every screen."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from kiosk.theme import Theme


def set_role(widget: QWidget, role: str) -> None:
    """Style hook: the style sheet selects on the `role` property."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class TouchButton(QPushButton):
    """A big button whose accessible name always equals what it shows.

    Its icon follows the button's font and colours: after a restyle (large text, high contrast) the icon is
    redrawn at the new size, in the colour last asked for or else the button's text colour."""

    _RESTYLE_EVENTS = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange})

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "", icon: str = "",
                 description: str = "") -> None:
        self._icon_name = icon
        self._icon_colour: str | None = None
        self._icon_px: int | None = None
        self._icon_pending = False
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        if description:
            self.setAccessibleDescription(description)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)
        self.setText(text)
        self.refresh_icon()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text.replace("&&", "&"))

    def refresh_icon(self, colour: str | None = None) -> None:
        """Redraw the icon; `colour` (kept for later restyles) overrides the button's text colour."""
        if not self._icon_name:
            return
        import qtawesome  # imported late: it needs a QApplication

        if colour is not None:
            self._icon_colour = colour
        shown = self._icon_colour or self.palette().buttonText().color().name()
        self.setIcon(qtawesome.icon(self._icon_name, color=shown))
        size = self._icon_px or max(24, int(self.fontMetrics().height() * 1.1))
        self.setIconSize(QSize(size, size))

    def set_icon_px(self, px: int | None) -> None:
        """A fixed icon size instead of one that follows the font (None: follow the font again)."""
        self._icon_px = px
        self.refresh_icon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A restyle sends font, style and palette changes one after another: redraw the icon once, afterwards.
        if event.type() in self._RESTYLE_EVENTS and getattr(self, "_icon_name", "") and not self._icon_pending:
            self._icon_pending = True
            QTimer.singleShot(0, self, self._refresh_pending_icon)

    def _refresh_pending_icon(self) -> None:
        self._icon_pending = False
        self.refresh_icon()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))


class WrappingLabel(QLabel):
    """A label that wraps words and reports a height for its width (so long translations never clip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "body") -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


class PageDots(QWidget):
    """Where the patient is in the slide loop: one dot per slide, the current one filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._current = 0
        self.active = QColor("#0B5563")
        self.inactive = QColor("#8A9AA2")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(24)

    def set_state(self, count: int, current: int) -> None:
        self._count, self._current = count, current
        self.setAccessibleName(f"{current + 1} / {count}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._count * 36, 28)

    def paintEvent(self, _event: object) -> None:
        if not self._count:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.height() * 0.6, self.width() / (self._count * 2))
        gap = d
        total = self._count * d + (self._count - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - d) / 2
        for i in range(self._count):
            rect = QRectF(x + i * (d + gap), y, d, d)
            if i == self._current:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self.active)
                p.drawEllipse(rect.adjusted(-d * 0.2, -d * 0.2, d * 0.2, d * 0.2))
            else:
                p.setPen(self.inactive)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(rect.adjusted(1, 1, -1, -1))


class SwipeFilter(QObject):
    """Turns a horizontal drag on a widget into swiped(+1 for next / -1 for previous); a short press is a tap.

    Works on mouse events, which Qt synthesises from touch, so it behaves the same with a finger or in tests.
    """

    swiped = Signal(int)
    tapped = Signal()

    def __init__(self, target: QWidget, threshold_px: int = 80) -> None:
        super().__init__(target)
        self._start: QPointF | None = None
        self._threshold = threshold_px
        target.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.position()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) and self._start is not None:
            delta = event.position() - self._start
            self._start = None
            if abs(delta.x()) >= self._threshold and abs(delta.x()) > abs(delta.y()) * 1.5:
                # Finger moving left reveals the next slide, as on a phone.
                self.swiped.emit(1 if delta.x() < 0 else -1)
            elif abs(delta.x()) < self._threshold / 2 and abs(delta.y()) < self._threshold / 2:
                self.tapped.emit()
        return False


class CornerHold(QObject):
    """The hidden staff gesture: press and hold inside a corner of the window for `seconds`.

    Watches the whole application, because the press lands on whatever child widget is in that corner.
    """

    triggered = Signal()

    def __init__(self, window: QWidget, seconds: float, corner_px: int = 120) -> None:
        super().__init__(window)
        self._window = window
        self._corner = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.triggered)
        self._clock = QElapsedTimer()

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))

    def in_corner(self, global_pos: QPointF) -> bool:
        local = self._window.mapFromGlobal(global_pos.toPoint())
        return 0 <= local.x() < self._corner and 0 <= local.y() < self._corner

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if self.in_corner(event.globalPosition()):
                self._timer.start()
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if self._timer.isActive() and not self.in_corner(event.globalPosition()):
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
        return False


def icon(name: str, colour: str) -> QIcon:
    import qtawesome

    return qtawesome.icon(name, color=colour)


# ---- toggle tiles ------------------------------------------------------------------------------------------------


def _safe_icon(name: str, colour: str) -> QIcon:
    """A qtawesome icon, or an empty one: a typo in a content file must not break the screen."""
    if not name:
        return QIcon()
    try:
        return icon(name, colour)
    except Exception:  # qtawesome raises various errors for unknown names
        return QIcon()


class ToggleTile(QAbstractButton):
    """A big checkable tile: icon, label and a smaller detail line, with a tick mark when chosen.

    Painted by hand (not a QPushButton with child labels) so the label, the detail and the tick all change
    colour together with the checked state, using only theme colours. `indicator="box"` draws a tick box on
    the left instead of an icon (for consent-style questions).
    """

    def __init__(self, label: str = "", detail: str = "", parent: QWidget | None = None, *, icon_name: str = "",
                 indicator: str = "circle") -> None:
        super().__init__(parent)
        self.setCheckable(True)
        # Touch only: a tile must never take focus away from the field the on-screen keyboard types into.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self._icon_name = icon_name
        self._indicator = indicator
        self._detail = ""
        self._compact = False
        self._theme: Theme | None = None
        self._icons: dict[bool, QIcon] = {}
        self._layouts: dict[int, dict[str, QRect | int]] = {}  # by width; layouts ask for heights very often
        self.toggled.connect(lambda _on: self.update())
        self.set_texts(label, detail)

    # -- content --
    def set_texts(self, label: str, detail: str = "") -> None:
        self.setText(label)
        self._detail = detail
        self.setAccessibleName(label)
        self.setAccessibleDescription(detail)
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    def detail(self) -> str:
        return self._detail

    def set_compact(self, compact: bool) -> None:
        """Compact tiles leave out the detail line (it stays the accessible description): for small screens."""
        if compact != self._compact:
            self._compact = compact
            self._layouts.clear()
            self.updateGeometry()
            self.update()

    def is_compact(self) -> bool:
        return self._compact

    def _shown_detail(self) -> str:
        return "" if self._compact else self._detail

    def set_icon_name(self, name: str) -> None:
        self._icon_name = name
        self._icons.clear()
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._icons.clear()
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    # -- metrics --
    def _sizes(self) -> dict[str, int]:
        theme = self._theme
        body = theme.body_px if theme else 30
        return {
            "label": round(body * 1.05),
            "detail": max(24, round(body * 0.85)),
            "pad": theme.px(20) if theme else 20,
            "radius": theme.px(18) if theme else 18,
            "border": max(2, theme.px(3)) if theme else 3,
            "touch": theme.touch_px if theme else 88,
            "icon": round(body * 1.7) if self._icon_name else 0,
            "mark": round(body * 1.15),
        }

    def _fonts(self) -> tuple[QFont, QFont]:
        s = self._sizes()
        label = QFont(self.font())
        label.setPixelSize(s["label"])
        label.setWeight(QFont.Weight.Bold)
        detail = QFont(self.font())
        detail.setPixelSize(s["detail"])
        detail.setWeight(QFont.Weight.Normal)
        return label, detail

    def _layout(self, width: int) -> dict[str, QRect | int]:
        """Where everything goes for a tile `width` wide; also yields the height the content needs."""
        cached = self._layouts.get(width)
        if cached is None:
            cached = self._layouts[width] = self._compute_layout(width)
        return {k: QRect(v) if isinstance(v, QRect) else v for k, v in cached.items()}  # callers move rects

    def _compute_layout(self, width: int) -> dict[str, QRect | int]:
        s = self._sizes()
        pad = s["pad"]
        left = pad
        box = QRect()
        if self._indicator == "box":
            box = QRect(left, 0, s["mark"], s["mark"])
            left += s["mark"] + pad
        icon_rect = QRect()
        if s["icon"]:
            icon_rect = QRect(left, 0, s["icon"], s["icon"])
            left += s["icon"] + pad
        right = width - pad
        circle = QRect()
        if self._indicator == "circle":
            circle = QRect(right - s["mark"], 0, s["mark"], s["mark"])
            right -= s["mark"] + pad // 2
        text_w = max(40, right - left)
        label_font, detail_font = self._fonts()
        flags = int(Qt.TextFlag.TextWordWrap)
        label_h = QFontMetrics(label_font).boundingRect(QRect(0, 0, text_w, 100000), flags, self.text()).height()
        detail_h = 0
        gap = pad // 3
        if self._shown_detail():
            detail_h = QFontMetrics(detail_font).boundingRect(QRect(0, 0, text_w, 100000), flags,
                                                              self._detail).height()
        text_h = label_h + (gap + detail_h if detail_h else 0)
        needed = max(s["touch"], text_h + 2 * pad, s["icon"] + 2 * pad, s["mark"] + 2 * pad)
        return {"needed": needed, "left": left, "text_w": text_w, "label_h": label_h, "detail_h": detail_h,
                "gap": gap, "box": box, "icon": icon_rect, "circle": circle, "text_h": text_h}

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self._layout(width)["needed"])

    def sizeHint(self) -> QSize:
        width = max(self._sizes()["touch"] * 4, 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        touch = self._sizes()["touch"]
        return QSize(touch * 2, touch)

    # -- painting --
    def _colours(self) -> dict[str, QColor]:
        p = self._theme.palette if self._theme else None
        if p is None:
            return {k: QColor(v) for k, v in {"fill": "#FFFFFF", "border": "#44545C", "label": "#1B2A32",
                                               "detail": "#44545C", "mark": "#0B5563", "focus": "#1F6FEB"}.items()}
        if self.isChecked():
            return {"fill": QColor(p.selected), "border": QColor(p.selected), "label": QColor(p.on_selected),
                    "detail": QColor(p.on_selected), "mark": QColor(p.on_selected), "focus": QColor(p.focus)}
        return {"fill": QColor(p.surface), "border": QColor(p.muted_text), "label": QColor(p.text),
                "detail": QColor(p.muted_text), "mark": QColor(p.primary), "focus": QColor(p.focus)}

    def _icon(self, colour: QColor) -> QIcon:
        checked = self.isChecked()
        if checked not in self._icons:
            self._icons[checked] = _safe_icon(self._icon_name, colour.name())
        return self._icons[checked]

    def paintEvent(self, _event: object) -> None:
        s = self._sizes()
        c = self._colours()
        geo = self._layout(self.width())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = s["border"] * (2 if self.isDown() else 1)
        half = border / 2
        frame = QRectF(self.rect()).adjusted(half, half, -half, -half)
        painter.setPen(QPen(c["focus"] if self.isDown() else c["border"], border))
        painter.setBrush(c["fill"])
        painter.drawRoundedRect(frame, s["radius"], s["radius"])

        mid = self.height() // 2
        for key in ("icon", "box", "circle"):
            rect = geo[key]
            assert isinstance(rect, QRect)
            if rect.isNull():
                continue
            rect.moveTop(mid - rect.height() // 2)
            if key == "icon":
                self._icon(c["mark"]).paint(painter, rect)
            else:
                self._paint_mark(painter, QRectF(rect), round_=(key == "circle"), colours=c, line=s["border"])

        label_font, detail_font = self._fonts()
        left, text_w = int(geo["left"]), int(geo["text_w"])
        top = mid - int(geo["text_h"]) // 2
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
        painter.setPen(c["label"])
        painter.setFont(label_font)
        painter.drawText(QRect(left, top, text_w, int(geo["label_h"])), flags, self.text())
        if self._shown_detail():
            painter.setPen(c["detail"])
            painter.setFont(detail_font)
            detail_top = top + int(geo["label_h"]) + int(geo["gap"])
            painter.drawText(QRect(left, detail_top, text_w, int(geo["detail_h"])), flags, self._detail)

    def _paint_mark(self, painter: QPainter, rect: QRectF, *, round_: bool, colours: dict[str, QColor],
                    line: int) -> None:
        """An empty ring/box when not chosen (it invites a tap), a filled one with a tick when chosen."""
        radius = rect.width() / 2 if round_ else rect.width() / 5
        inset = line / 2
        r = rect.adjusted(inset, inset, -inset, -inset)
        if self.isChecked():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours["mark"])
            painter.drawRoundedRect(r, radius, radius)
            tick = QPainterPath()
            tick.moveTo(r.left() + r.width() * 0.25, r.top() + r.height() * 0.52)
            tick.lineTo(r.left() + r.width() * 0.43, r.top() + r.height() * 0.70)
            tick.lineTo(r.left() + r.width() * 0.76, r.top() + r.height() * 0.32)
            painter.setPen(QPen(colours["fill"], max(3.0, r.width() / 8), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        else:
            painter.setPen(QPen(colours["mark"], line))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r, radius, radius)


class TileGrid(QWidget):
    """Lays tiles out in a fixed number of columns; rows share the spare height (up to a limit) so the grid
    fills the screen calmly, and reports the height it needs so a scroll area can take over when it cannot fit.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self._tiles: list[QWidget] = []
        self._columns = 3
        self._spacing = 16
        self._max_row = 0  # 0 = rows may grow without limit

    def add(self, tile: QWidget) -> None:
        tile.setParent(self)
        self._tiles.append(tile)
        tile.show()
        self._relayout()

    def tiles(self) -> list[QWidget]:
        return list(self._tiles)

    def set_columns(self, columns: int) -> None:
        if columns != self._columns:
            self._columns = max(1, columns)
            self.updateGeometry()
            self._relayout()

    def columns(self) -> int:
        return self._columns

    def set_spacing(self, spacing: int, max_row_height: int = 0) -> None:
        self._spacing = spacing
        self._max_row = max_row_height
        self.updateGeometry()
        self._relayout()

    def _tile_width(self, width: int) -> int:
        return max(1, (width - self._spacing * (self._columns - 1)) // self._columns)

    def _row_heights(self, width: int) -> list[int]:
        tile_w = self._tile_width(width)
        rows: list[int] = []
        for start in range(0, len(self._tiles), self._columns):
            row = self._tiles[start:start + self._columns]
            rows.append(max(t.heightForWidth(tile_w) for t in row))
        return rows

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = self._row_heights(width)
        return sum(rows) + self._spacing * max(0, len(rows) - 1)

    def fit_height(self, height: int, width: int) -> None:
        """Called by the scroll area: use compact tiles (no detail line) only when full ones would not fit."""
        compactable = [t for t in self._tiles if isinstance(t, ToggleTile)]
        for tile in compactable:
            tile.set_compact(False)
        if self.heightForWidth(width) > height:
            for tile in compactable:
                tile.set_compact(True)
        self.updateGeometry()
        self._relayout()

    def sizeHint(self) -> QSize:
        width = max(self.width(), 600)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 0)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._relayout()

    def _relayout(self) -> None:
        if not self._tiles:
            return
        width = self.width()
        rows = self._row_heights(width)
        needed = sum(rows) + self._spacing * (len(rows) - 1)
        spare = max(0, self.height() - needed)
        grow = spare // len(rows)
        if self._max_row:
            rows = [max(h, min(h + grow, self._max_row)) for h in rows]
        else:
            rows = [h + grow for h in rows]
        total = sum(rows) + self._spacing * (len(rows) - 1)
        y = max(0, (self.height() - total) // 2)  # leftover height above and below: the grid sits centred
        tile_w = self._tile_width(width)
        for r, row_h in enumerate(rows):
            for c in range(self._columns):
                i = r * self._columns + c
                if i >= len(self._tiles):
                    break
                self._tiles[i].setGeometry(c * (tile_w + self._spacing), y, tile_w, row_h)
            y += row_h + self._spacing


class ScrollContent(QWidget):
    """The inside of a KineticScrollArea, laid out by a QLayout, that only asks for the height it needs at its
    actual width (height-for-width), not the taller height its wrapped labels would need at their narrowest.
    Without this a form that fits would still scroll by a few pixels."""

    def setLayout(self, layout: QLayout) -> None:  # type: ignore[override]
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        super().setLayout(layout)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return QSize(layout.minimumSize().width() if layout else 0, 0)


class KineticScrollArea(QScrollArea):
    """A frameless vertical scroll area that scrolls with a finger drag, only when its content does not fit.

    Kinetic scrolling is switched on only when needed because QScroller briefly holds back presses to tell a
    drag from a tap; where everything fits a tap should act at once.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(content)
        self.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        self._kinetic = False
        self.verticalScrollBar().rangeChanged.connect(self._update_kinetic)

    def is_kinetic(self) -> bool:
        return self._kinetic

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


# ---- on-screen keyboard ------------------------------------------------------------------------------------------


class KeyButton(TouchButton):
    """One key. Never takes focus, so the field being typed into keeps its focus ring and its cursor."""

    def __init__(self, text: str, parent: QWidget | None = None, *, value: str | None = None, icon: str = "",
                 kind: str = "char") -> None:
        super().__init__(text, parent, role="key", icon=icon)
        self.value = text if value is None else value
        self.kind = kind  # char, space, shift, backspace, accents, symbols
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggled.connect(self._show_state)

    def _show_state(self, on: bool) -> None:
        # A switched-on key (shift, accents, numbers) is drawn filled, so its state is seen at a glance.
        if (self.property("role") == "primary") != on:
            set_role(self, "primary" if on else "key")
            self.refresh_icon()
        # Keys share the row's width and may grow taller (up to a limit) where the screen has room.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)


LETTER_ROWS: dict[str, tuple[str, str, str]] = {
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "es": ("qwertyuiop", "asdfghjklñ", "zxcvbnm"),
}
# Accented letters for names in Spanish and other Latin-script languages; one tap on "áé" shows them.
ACCENT_ROWS: tuple[str, str, str] = ("áéíóúñü", "àèìòùçâêô", "äëïöãõ")
# Digits and a few signs, for notes ("for 3 weeks", "after 5pm").
SYMBOL_ROWS: tuple[str, str, str] = ("1234567890", "/:;()&@?!", "+%=\"*")
PUNCTUATION = ("-", "'", ".", ",")


class OnScreenKeyboard(QWidget):
    """Types into the registered QLineEdit/QPlainTextEdit that was last tapped or focused.

    Fields are registered with a layout ("text" for letters, "phone" for the number pad) and how to capitalise
    ("words" for names, "sentences" for notes, "none"). The keyboard inserts text through the fields' own API,
    so maxLength and undo behave as with real typing, and no physical keyboard is ever needed.
    """

    typed = Signal()  # any key: the patient is still there and the field changed
    target_changed = Signal(object)  # the field now typed into (or None)

    def __init__(self, parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self._fields: dict[QWidget, tuple[str, str]] = {}
        self._target: QWidget | None = None
        self._shift = False
        self._shift_auto = False  # shift was switched on by auto-capitalisation, not by the patient
        self._layer = ""  # "" (plain letters), "accents" or "symbols"
        self._language = language if language in LETTER_ROWS else "en"
        self._key_height = 88
        self._key_grow = 1.25
        self.keys: list[KeyButton] = []
        self._letter_keys: list[KeyButton] = []
        self._shift_keys: list[KeyButton] = []

        self.caption = WrappingLabel(role="muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        # Letter pages (per language, accents, numbers) are built when first shown: fewer widgets to create and
        # style at start-up, and most patients never open most of them.
        self.letter_pages: dict[str, QWidget] = {}
        self.phone_page = self._build_phone()
        self.pages.addWidget(self.phone_page)
        self._letter_page(self._language)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.pages, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()
        self._show_page()

    # -- building --
    def _key(self, text: str, *, value: str | None = None, icon: str = "", kind: str = "char") -> KeyButton:
        key = KeyButton(text, value=value, icon=icon, kind=kind)
        slots = {"shift": self.toggle_shift, "backspace": self.backspace, "accents": self.toggle_accents,
                 "symbols": self.toggle_symbols}
        if kind in slots:
            key.clicked.connect(slots[kind])
        else:
            key.clicked.connect(lambda _=False, k=key: self._type(k.value))
        if kind == "backspace":
            key.setAutoRepeat(True)  # hold to delete more, as on a phone
        self.keys.append(key)
        return key

    def _row(self, parent: QVBoxLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        parent.addLayout(row)
        return row

    def _build_letters(self, rows: Sequence[str]) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(8)
        width = 10  # units of one key: shorter rows are centred with half-key margins
        for i, letters in enumerate(rows):
            row = self._row(v)
            if i == 2:
                shift = self._key("", icon="fa5s.arrow-up", kind="shift")
                shift.setCheckable(True)
                self._shift_keys.append(shift)
                row.addWidget(shift, 3)
                spare = width * 2 - 3 - 3 - len(letters) * 2
            else:
                spare = width * 2 - len(letters) * 2
            if spare > 0:
                row.addStretch(spare // 2 or 1)
            for ch in letters:
                key = self._key(ch)
                self._letter_keys.append(key)
                row.addWidget(key, 2)
            if spare > 0:
                row.addStretch(spare - spare // 2 or 1)
            if i == 2:
                row.addWidget(self._key("", icon="fa5s.backspace", kind="backspace"), 3)
        bottom = self._row(v)
        for text, kind in (("áé", "accents"), ("123", "symbols")):
            layer = self._key(text, kind=kind)
            layer.setCheckable(True)
            bottom.addWidget(layer, 3)
        for ch in PUNCTUATION[:2]:
            bottom.addWidget(self._key(ch), 2)
        bottom.addWidget(self._key("", value=" ", kind="space"), 6)
        for ch in PUNCTUATION[2:]:
            bottom.addWidget(self._key(ch), 2)
        return page

    def _build_phone(self) -> QWidget:
        """A calculator-style pad in as many rows as the letters, so switching fields never moves the layout."""
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(8)
        outer.addStretch(1)
        outer.addLayout(grid, 4)
        outer.addStretch(1)
        for r, digits in enumerate(("123", "456", "789")):
            for c, ch in enumerate(digits):
                grid.addWidget(self._key(ch), r, c)
        grid.addWidget(self._key("+"), 3, 0)
        grid.addWidget(self._key("0"), 3, 1, 1, 2)
        grid.addWidget(self._key("", icon="fa5s.backspace", kind="backspace"), 0, 3, 2, 1)
        grid.addWidget(self._key("", value=" ", kind="space"), 2, 3, 2, 1)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        return page

    # -- appearance / language --
    def retranslate(self) -> None:
        # Keys showing a word or letters are named by it (TouchButton does that); icon-only keys get a name, and
        # the layer keys ("áé", "123") a description of what they do.
        names = {"shift": self.tr("Capital letter"), "backspace": self.tr("Delete")}
        descriptions = {"accents": self.tr("Accented letters"), "symbols": self.tr("Numbers")}
        for key in self.keys:
            if key.kind == "space":
                key.setText(self.tr("space"))
            elif key.kind in names:
                key.setAccessibleName(names[key.kind])
            elif key.kind in descriptions:
                key.setAccessibleDescription(descriptions[key.kind])
        self._update_caption()

    def set_language(self, language: str) -> None:
        self._language = language if language in LETTER_ROWS else "en"
        self._show_page()

    def set_key_height(self, px: int, grow: float = 1.25) -> None:
        """Keys are at least `px` high (a touch target) and grow up to `px * grow` when there is room."""
        self._key_height = px
        self._key_grow = grow
        self._size_keys(self.keys)

    def _size_keys(self, keys: list[KeyButton]) -> None:
        px, grow = self._key_height, self._key_grow
        for key in keys:
            tall = key.parentWidget() is self.phone_page and key.kind in ("backspace", "space")
            key.setMinimumHeight(px)
            # Keys spanning two rows of the number pad may be twice as tall.
            key.setMaximumHeight(round(px * grow * 2) + 8 if tall else round(px * grow))
            key.refresh_icon()

    def showEvent(self, event: object) -> None:
        for key in self.keys:  # icon sizes follow the key's font, final only once the style sheet polished it
            if key.kind in ("shift", "backspace"):
                key.refresh_icon()
        super().showEvent(event)  # type: ignore[arg-type]

    def _letter_page(self, name: str) -> QWidget:
        page = self.letter_pages.get(name)
        if page is None:
            rows = {"accents": ACCENT_ROWS, "symbols": SYMBOL_ROWS}.get(name) or LETTER_ROWS[name]
            first = len(self.keys)
            page = self._build_letters(rows)
            self.letter_pages[name] = page
            self.pages.addWidget(page)
            self._size_keys(self.keys[first:])
            self.retranslate()
            self._set_shift(self._shift, self._shift_auto)
        return page

    # -- fields --
    def register(self, field: QLineEdit | QPlainTextEdit, layout: str = "text", capitalize: str = "none") -> None:
        """Make `field` a typing target: tapping or focusing it points the keyboard at it."""
        self._fields[field] = (layout, capitalize)
        field.installEventFilter(self)
        if isinstance(field, QPlainTextEdit):
            field.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            field = obj if obj in self._fields else obj.parent()
            if field in self._fields and field is not self._target:
                self.set_target(field)  # type: ignore[arg-type]
        return False

    def set_target(self, field: QWidget | None) -> None:
        self._target = field
        if field is not None and not field.hasFocus():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._layer = ""
        self._set_shift(False)
        self._show_page()
        self._auto_shift()
        self.target_changed.emit(field)

    def target(self) -> QWidget | None:
        return self._target

    def layout_name(self) -> str:
        """"phone" or "letters": which keys are showing."""
        return "phone" if self.pages.currentWidget() is self.phone_page else "letters"

    def _show_page(self) -> None:
        layout = self._fields.get(self._target, ("text", "none"))[0] if self._target is not None else "text"
        if layout == "phone":
            self.pages.setCurrentWidget(self.phone_page)
        else:
            self.pages.setCurrentWidget(self._letter_page(self._layer or self._language))
        for key in self.keys:
            if key.kind in ("accents", "symbols"):
                key.setChecked(key.kind == self._layer)
        self._update_caption()

    def _update_caption(self) -> None:
        name = self._target.accessibleName() if self._target is not None else ""
        self.caption.setText(self.tr("Typing: %1").replace("%1", name) if name else "")

    # -- typing --
    def _type(self, text: str) -> None:
        field = self._target
        if field is None:
            return
        if self._shift:
            text = text.upper()
        if isinstance(field, QLineEdit):
            field.insert(text)
        elif isinstance(field, QPlainTextEdit):
            limit = field.property("max_length")
            if isinstance(limit, int) and len(field.toPlainText()) + len(text) > limit:
                return
            field.insertPlainText(text)
            field.ensureCursorVisible()
        if self._shift:
            self._set_shift(False)
        if self._layer == "accents" or (self._layer == "symbols" and text == " "):
            # One accented letter, or numbers up to the next space, then the usual letters again.
            self._layer = ""
            self._show_page()
        self._auto_shift()
        self.typed.emit()

    def backspace(self) -> None:
        field = self._target
        if isinstance(field, QLineEdit):
            field.backspace()
        elif isinstance(field, QPlainTextEdit):
            cursor = field.textCursor()
            cursor.deletePreviousChar()
            field.setTextCursor(cursor)
        else:
            return
        self._auto_shift()
        self.typed.emit()

    def toggle_shift(self) -> None:
        self._set_shift(not self._shift)

    def toggle_accents(self) -> None:
        self._layer = "" if self._layer == "accents" else "accents"
        self._show_page()

    def toggle_symbols(self) -> None:
        self._layer = "" if self._layer == "symbols" else "symbols"
        self._show_page()

    def shift_on(self) -> bool:
        return self._shift

    def _set_shift(self, on: bool, auto: bool = False) -> None:
        self._shift = on
        self._shift_auto = on and auto
        for key in self._shift_keys:
            key.setChecked(on)
        for key in self._letter_keys:
            key.setText(key.value.upper() if on else key.value)

    def _text_before_cursor(self) -> str:
        field = self._target
        if isinstance(field, QLineEdit):
            return field.text()[:field.cursorPosition()]
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()[:field.textCursor().position()]
        return ""

    def _auto_shift(self) -> None:
        """Capital letter at the start of each name word / each sentence: less work for shaky fingers."""
        if self._target is None:
            return
        mode = self._fields.get(self._target, ("text", "none"))[1]
        before = self._text_before_cursor()
        if mode == "words":
            want = not before or before[-1] in " -"
        elif mode == "sentences":
            stripped = before.rstrip()
            want = not stripped or (stripped[-1] in ".!?" and before != stripped)
        else:
            want = False
        if want != self._shift and (want or self._shift_auto):
            self._set_shift(want, auto=True)

    def reset(self) -> None:
        """Between patients: no target, no shift, letters showing."""
        self._target = None
        self._layer = ""
        self._set_shift(False)
        self._show_page()


def clear_line_edit(field: QLineEdit) -> None:
    """Empty a line edit AND its undo history (QLineEdit.clear() keeps the old text undoable; setText does not)."""
    field.setText("")
    field.setModified(False)


def clear_text_edit(field: QPlainTextEdit) -> None:
    """Empty a text edit and forget its undo/redo stacks."""
    field.setPlainText("")
    field.document().clearUndoRedoStacks()
    field.document().setModified(False)


def set_focus_order(widgets: Sequence[QWidget | None]) -> None:
    """Chain `widgets` in this order for assistive technology and a hardware Tab key: the reading order."""
    chain = [w for w in widgets if w is not None]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def settle() -> None:
    """Let nested layouts finish: each level posts its own layout request (used before screenshots)."""
    for _ in range(3):
        QApplication.processEvents()
