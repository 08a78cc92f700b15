"""Symptom tiles: big checkable tiles with icon, label and detail line, and the grid that lays them out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

if TYPE_CHECKING:
    from kiosk.core.theme import Theme

from kiosk.qt.widgets.icons import safe_icon


class ToggleTile(QAbstractButton):
    """A big checkable tile: icon, label and a smaller detail line, with a tick mark when chosen.

    Painted by hand (not a QPushButton with child labels) so the label, the detail and the tick all change
    colour together with the checked state, using only theme colours. The tick box is square (it reads as
    "choose any", unlike a radio circle): on the right after the words by default (`indicator="check"`), or
    on the left before them with `indicator="box"` (consent-style questions). The detail line is always shown:
    when room is short the screen changes its layout (fewer columns, scrolling), never the tile's words.
    """

    def __init__(self, label: str | QWidget | None = "", detail: str = "", parent: QWidget | None = None, *,
                 icon_name: str = "", indicator: str = "check") -> None:
        # (label, detail, parent) or (parent), as a Designer form builds it (it then sets the `indicator` property).
        if not isinstance(label, str):
            parent, label = label, ""
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
        self._reserve = ""
        self._invalid = False
        self._theme: Theme | None = None
        self._icons: dict[bool, QIcon] = {}
        self._layouts: dict[int, dict[str, Any]] = {}  # by width; layouts ask for heights very often
        self.toggled.connect(lambda _on: self.update())
        self.set_texts(label, detail)

    # -- content --
    def _get_indicator(self) -> str:
        return self._indicator

    def _set_indicator(self, indicator: str) -> None:
        self._indicator = indicator
        self._layouts.clear()
        self.update()

    # "check" (tick box on the right) or "box" (on the left); a Qt property so that a Designer form can set it.
    indicator = Property(str, _get_indicator, _set_indicator)

    def set_texts(self, label: str, detail: str = "", reserve: str = "") -> None:
        """`reserve`: another detail line this tile may show later; its room is kept from now on, so that the
        tiles around never move when the words change."""
        self.setText(label)
        self._detail = detail
        self._reserve = reserve
        self.setAccessibleName(label)
        self.setAccessibleDescription(detail)
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    def detail(self) -> str:
        return self._detail

    def set_invalid(self, invalid: bool) -> None:
        """A frame in the error colour (a required tick is missing), as a field's red border."""
        if invalid != self._invalid:
            self._invalid = invalid
            self.update()

    def is_invalid(self) -> bool:
        return self._invalid

    def is_compact(self) -> bool:
        """Always False: tiles no longer drop their detail line (kept for callers measuring "the full look")."""
        return False

    def set_compact(self, _compact: bool) -> None:
        """Does nothing: a tile always shows its detail line (see the class doc)."""

    def _shown_detail(self) -> str:
        return self._detail

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

    def _layout(self, width: int) -> dict[str, Any]:
        """Where everything goes for a tile `width` wide; also yields the height the content needs."""
        cached = self._layouts.get(width)
        if cached is None:
            cached = self._layouts[width] = self._compute_layout(width)
        return {k: QRect(v) if isinstance(v, QRect) else v for k, v in cached.items()}  # callers move rects

    def _compute_layout(self, width: int) -> dict[str, Any]:
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
        check = QRect()
        if self._indicator != "box":
            check = QRect(right - s["mark"], 0, s["mark"], s["mark"])
            right -= s["mark"] + pad // 2
        text_w = max(40, right - left)
        label_font, detail_font = self._fonts()
        flags = int(Qt.TextFlag.TextWordWrap)
        label_h = QFontMetrics(label_font).boundingRect(QRect(0, 0, text_w, 100000), flags, self.text()).height()
        detail_h = 0
        gap = pad // 3
        if self._shown_detail():
            detail_h = max(QFontMetrics(detail_font).boundingRect(QRect(0, 0, text_w, 100000), flags,
                                                                  text).height()
                           for text in (self._detail, self._reserve) if text)
        text_h = label_h + (gap + detail_h if detail_h else 0)
        needed = max(s["touch"], text_h + 2 * pad, s["icon"] + 2 * pad, s["mark"] + 2 * pad)
        return {"needed": needed, "left": left, "text_w": text_w, "label_h": label_h, "detail_h": detail_h,
                "gap": gap, "box": box, "icon": icon_rect, "check": check, "text_h": text_h}

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
                                               "detail": "#44545C", "mark": "#0B5563", "focus": "#1F6FEB",
                                               "error": "#A4161A"}.items()}
        if self.isChecked():
            return {"fill": QColor(p.selected), "border": QColor(p.selected), "label": QColor(p.on_selected),
                    "detail": QColor(p.on_selected), "mark": QColor(p.on_selected), "focus": QColor(p.focus),
                    "error": QColor(p.error)}
        return {"fill": QColor(p.surface), "border": QColor(p.muted_text), "label": QColor(p.text),
                "detail": QColor(p.muted_text), "mark": QColor(p.primary), "focus": QColor(p.focus),
                "error": QColor(p.error)}

    def _icon(self, colour: QColor) -> QIcon:
        checked = self.isChecked()
        if checked not in self._icons:
            self._icons[checked] = safe_icon(self._icon_name, colour.name())
        return self._icons[checked]

    def paintEvent(self, _event: object) -> None:
        s = self._sizes()
        c = self._colours()
        geo = self._layout(self.width())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = s["border"] * (2 if self.isDown() or self._invalid else 1)
        half = border / 2
        frame = QRectF(self.rect()).adjusted(half, half, -half, -half)
        edge = c["focus"] if self.isDown() else (c["error"] if self._invalid else c["border"])
        painter.setPen(QPen(edge, border))
        painter.setBrush(c["fill"])
        painter.drawRoundedRect(frame, s["radius"], s["radius"])

        mid = self.height() // 2
        for key in ("icon", "box", "check"):
            rect = geo[key]
            assert isinstance(rect, QRect)
            if rect.isNull():
                continue
            rect.moveTop(mid - rect.height() // 2)
            if key == "icon":
                self._icon(c["mark"]).paint(painter, rect)
            else:
                self._paint_mark(painter, QRectF(rect), colours=c, line=s["border"])

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

    def _paint_mark(self, painter: QPainter, rect: QRectF, *, colours: dict[str, QColor], line: int) -> None:
        """An empty square box when not chosen (it invites a tap), a filled one with a tick when chosen."""
        radius = rect.width() / 8
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
        self._most_columns = 3
        self._fitted: tuple[int, int] | None = None  # the last visible (height, width) fit_height was given
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

    def set_most_columns(self, columns: int) -> None:
        """The most columns the screen allows (3 in landscape, 2 in portrait); fit_height may use fewer."""
        if max(1, columns) != self._most_columns:
            self._most_columns = max(1, columns)
            if self._fitted is not None:  # the scroll area may have been resized before the screen said this
                self.fit_height(*self._fitted)

    def fit_height(self, height: int, width: int) -> None:
        """Called by the scroll area with its visible size. The most columns whose grid fits wins; when none fits
        (larger text, small screens), one column fewer, so the tiles are wide enough to read, and the area
        scrolls. Words are never left out to make the grid fit."""
        self._fitted = (height, width)
        most = self._most_columns
        chosen = max(1, most - 1)
        for columns in range(most, 0, -1):
            if self._height_with(columns, width) <= height:
                chosen = columns
                break
        self.set_columns(chosen)
        self.updateGeometry()
        self._relayout()

    def _height_with(self, columns: int, width: int) -> int:
        tile_w = max(1, (width - self._spacing * (columns - 1)) // columns)
        rows = [max(t.heightForWidth(tile_w) for t in self._tiles[start:start + columns])
                for start in range(0, len(self._tiles), columns)]
        return sum(rows) + self._spacing * max(0, len(rows) - 1)

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
