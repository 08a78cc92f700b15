"""The staff panel's request list: a table model that reads the store a page at a time, and its row heights.

Why a model: a QTableWidget filled cell by cell with rows sized to their contents re-measured every row on every
cell set (13 million size hints for 500 rows). Here the view asks only for what it shows; rows come from
RequestStore.list_page() 100 at a time as staff scroll (canFetchMore / fetchMore), each row's cell texts are made
once when it arrives or changes, and RowHeights measures a row once then (and again only when the columns change
width). So the panel lists every request, opens in the same time with 500 or 100,000 of them, and filters and
searches in the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from kiosk.core.store import PageKey, RequestStore, StoredRequest, StoreError

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
CellTexts = Callable[[StoredRequest], tuple[str, ...]]


class RequestTableModel(QAbstractTableModel):
    """Requests newest first, for one view ("all", "new", "called") and search text, fetched as the view scrolls.

    `cells(request)` gives a row's texts (the panel's words and formats); `headers` the column titles. A store
    failure while fetching emits `failed` and stops fetching (the panel shows its warning)."""

    PAGE = 100
    failed = Signal(object)  # StoreError
    rows_changed = Signal(int, int)  # first, last: rows whose texts are new (arrived or changed)

    def __init__(self, store: Callable[[], RequestStore], cells: CellTexts, column_count: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._cells = cells
        self._columns = column_count
        self.headers: list[str] = [""] * column_count
        self.view = "all"
        self.search = ""
        self._requests: list[StoredRequest] = []
        self._texts: list[tuple[str, ...]] = []
        self._last_key: PageKey | None = None
        self._complete = True  # nothing listed until load()

    # ---- what is listed -------------------------------------------------------------------------------------
    def load(self, view: str | None = None, search: str | None = None) -> None:
        """Start again from the newest request (with a new view or search when given): the first page now."""
        if view is not None:
            self.view = view
        if search is not None:
            self.search = search
        self.beginResetModel()
        self._requests, self._texts, self._last_key, self._complete = [], [], None, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """Nothing listed (the panel is hidden: no names stay in memory)."""
        self.beginResetModel()
        self._requests, self._texts, self._last_key, self._complete = [], [], None, True
        self.endResetModel()

    def relabel(self) -> None:
        """Make every row's texts again (another language, another layout)."""
        self._texts = [self._cells(r) for r in self._requests]
        if self._requests:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._requests) - 1, self._columns - 1))
            self.rows_changed.emit(0, len(self._requests) - 1)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def update_requests(self, fresh: dict[str, StoredRequest]) -> None:
        """Show these requests' new state (e.g. just called) in their rows, where they are listed."""
        changed = []
        for row, request in enumerate(self._requests):
            new = fresh.get(request.id)
            if new is not None and new != request:
                self._requests[row] = new
                self._texts[row] = self._cells(new)
                changed.append(row)
        if changed:  # one signal for the span: one repaint and one measuring pass
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self._columns - 1))
            self.rows_changed.emit(changed[0], changed[-1])

    def request_at(self, row: int) -> StoredRequest | None:
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def row_texts(self, row: int) -> tuple[str, ...]:
        return self._texts[row]

    # ---- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self._requests)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._complete:
            return
        try:
            page = self._store().list_page(self.view, self.search, after=self._last_key, limit=self.PAGE)
        except StoreError as exc:
            self._complete = True
            self.failed.emit(exc)
            return
        if len(page) < self.PAGE:
            self._complete = True
        if not page:
            return
        first = len(self._requests)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for _key, request in page:
            self._requests.append(request)
            self._texts.append(self._cells(request))
        self._last_key = page[-1][0]
        self.endInsertRows()
        self.rows_changed.emit(first, len(self._requests) - 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class RowHeights:
    """Sets each row's height from its wrapped texts, once per row change, instead of Qt's resize-to-contents
    (which measures every row whenever anything changes). Measured with the table's font the way the cells are
    painted: inside the side padding, plus some air for a finger."""

    def __init__(self, table: QTableView, model: RequestTableModel) -> None:
        self.table = table
        self.model = model
        self.pad_px = 12
        self.extra_px = 16
        self.min_px = 64
        self.pending = False  # rows arrived while the table was hidden: not measured yet
        model.rows_changed.connect(self.measure)

    def measure(self, first: int, last: int) -> None:
        table = self.table
        if not table.isVisible():
            # Hidden (the panel is being opened): its columns do not have their widths yet. The panel measures
            # every row once it is shown (measure_all).
            self.pending = True
            return
        metrics = QFontMetrics(table.font())
        widths = [0 if table.isColumnHidden(c) else table.columnWidth(c) for c in range(self.model.columnCount())]
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        line = metrics.lineSpacing()
        header = table.verticalHeader()
        for row in range(first, min(last, self.model.rowCount() - 1) + 1):
            height = self.min_px
            for text, width in zip(self.model.row_texts(row), widths, strict=True):
                if width <= 0 or not text:
                    continue
                inner = max(10, width - 2 * self.pad_px - 10)  # a little narrower than painted: never cut a line
                if metrics.horizontalAdvance(max(text.split("\n"), key=len)) < inner - line:
                    needed = (text.count("\n") + 1) * line  # no line wraps: no layout needed (most cells)
                else:
                    needed = metrics.boundingRect(QRect(0, 0, inner, 100_000), flags, text).height()
                height = max(height, needed + self.extra_px)
            header.resizeSection(row, height)

    def measure_all(self) -> None:
        self.pending = False
        if self.model.rowCount():
            self.measure(0, self.model.rowCount() - 1)


def column_widths(metrics: QFontMetrics, samples: Sequence[Sequence[str]], pad_px: int) -> list[int]:
    """For each column, the width of its widest sample line (titles and typical contents) plus padding."""
    return [max((metrics.horizontalAdvance(line) for text in column for line in text.split("\n")), default=0)
            + 2 * pad_px + 8 for column in samples]
