"""The front-desk staff panel: counts, warnings, the request list, mark as called (with Undo), export, purge, lock.

Its widgets are ui/staff_panel.ui; the export choices and the questions before deleting or quitting are the
overlays of kiosk.qt.screens.staff_dialogs. The list is a model and a view (kiosk.qt.screens.staff_requests),
exports run in a worker thread (kiosk.qt.screens.staff_export). Flow locks the panel after
config.staff.logout_seconds untouched, but never while an export is running (exporting()).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHeaderView, QTableWidgetItem, QWidget

from kiosk.core.failures import log_unexpected
from kiosk.core.requests import PhoneFormatter
from kiosk.core.store import ExportRecord, StoredRequest, StoreError
from kiosk.qt import words
from kiosk.qt.drives import removable_drives
from kiosk.qt.forms.ui_staff_panel import Ui_StaffPanelScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.screens.staff_dialogs import ConfirmOverlay, ExportOverlay, Overlay
from kiosk.qt.screens.staff_export import ExportJob, ExportOrder
from kiosk.qt.screens.staff_pin import vault_for
from kiosk.qt.screens.staff_requests import RequestTableModel, RowHeights, column_widths
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton, set_role
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.tables import RoomyDelegate, breakable_path, make_kinetic

log = logging.getLogger(__name__)

HISTORY_LIMIT = 10
UNDO_SECONDS = 60  # how long "Undo" is offered after Mark as called
SEARCH_DELAY_MS = 300  # typing pauses this long before the list is searched
WORKER_AFTER_PAINT_MS = 1  # timers between the export's first steps: posted paints go first
PRELOAD_AFTER_MS = 300  # after the panel opens, the export's modules are loaded (kept out of its first paint)
LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"  # Unicode bidi: left-to-right mark, first-strong isolate, pop



def two_lines(title: str) -> str:
    """A column title broken at the space nearest its middle (one word stays one line)."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return title
    middle = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:middle] + "\n" + title[middle + 1:]



def _load_export_modules() -> None:
    import xlsxwriter  # noqa: F401

    import kiosk.core.export  # noqa: F401

class StaffPanelScreen(Screen, Ui_StaffPanelScreen):
    """What the front desk sees after the PIN."""

    screen_name = "staff_panel"
    locked = Signal()  # Lock tapped or staff idle: back to the education loop
    quit_requested = Signal()  # confirmed Quit to desktop

    COLUMNS = ("time", "reference", "name", "phone", "best_time", "symptoms", "note", "status")
    VIEWS = ("all", "new", "called")

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._portrait: bool | None = None
        self._phones = PhoneFormatter(state.config.clinic.region)
        self._labels: tuple[dict[str, str], dict[str, str], dict[str, str]] = ({}, {}, {})
        self._undo: tuple[dict[str, datetime | None], datetime] | None = None
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.timeout.connect(self._undo_expired)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search)
        self.job: ExportJob | None = None
        self._after_export_steps: list[Callable[[], object]] = []
        self._table_shape: tuple[object, ...] = ()
        # Narrow table (portrait, or a small screen whose text cannot shrink below 24 px): phone under the name.
        self._compact = False
        self._banner_labels: list[WrappingLabel] = []
        self._set_up_table()
        self._set_up_history()
        self.lock_button.clicked.connect(self.lock)
        self.called_button.clicked.connect(self.mark_called)
        self.undo_button.clicked.connect(self.undo_called)
        self.stop_export_button.clicked.connect(self.stop_export)
        self.views.setExclusive(True)
        self.views.buttonClicked.connect(lambda _button: self._search())
        self.search_edit.textEdited.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._search)
        self.export_button.clicked.connect(self.open_export)
        self.purge_button.clicked.connect(self.ask_purge)
        self.quit_button.clicked.connect(self.ask_quit)

        self.export_overlay = ExportOverlay(self)
        self.export_overlay.export_chosen.connect(self.export)
        self.confirm_purge = ConfirmOverlay(self, "fa5s.trash-alt")
        self.confirm_purge.confirmed.connect(self.purge)
        self.confirm_quit = ConfirmOverlay(self, "fa5s.sign-out-alt")
        self.confirm_quit.confirmed.connect(self._quit_confirmed)
        self.overlays: tuple[Overlay, ...] = (self.export_overlay, self.confirm_purge, self.confirm_quit)

        state.warnings_changed.connect(self._show_warnings)
        # However the kiosk stops (Quit, SIGTERM at shutdown, Ctrl+C), a running export is cancelled and its worker
        # waited for: no temp file is left and the thread is not destroyed while it runs (Qt aborts then).
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_export_for_quit)  # a method: disconnected when the panel goes
        self.follow_state()
        self._arrange(portrait=False)

    def _set_up_table(self) -> None:
        """The requests: rows fit their wrapped text (measured once per row change), tap a row to select it, drag
        to scroll; more rows come from the store as the list scrolls."""
        self.model = RequestTableModel(lambda: self.state.store, self._cells, len(self.COLUMNS), self)
        self.model.failed.connect(self._store_failed)
        self.table.setModel(self.model)
        self.heights = RowHeights(self.table, self.model)
        self.table.verticalScrollBar().rangeChanged.connect(self._fit_columns_later)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Always there: a scroll bar appearing would narrow the columns and make every row be measured again.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.horizontalHeader().setSectionsClickable(False)
        self.table_delegate = RoomyDelegate(self.table, 12, 16)
        self.table.setItemDelegate(self.table_delegate)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        make_kinetic(self.table)

    def _set_up_history(self) -> None:
        """The export history: one wrapped entry per export, newest first."""
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_delegate = RoomyDelegate(self.history, 0, 12)
        self.history.setItemDelegate(self.history_delegate)
        # A scroll bar appearing narrows the list: measure the wrapped lines again.
        self.history.verticalScrollBar().rangeChanged.connect(
            lambda *_: QTimer.singleShot(0, self.history, self.history.resizeRowsToContents))
        make_kinetic(self.history)

    # ---- text and looks -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        name_header = two_lines(self.tr("Name and phone")) if self._compact else self.tr("Name")
        time_header = self.tr("Time and reference")
        if self._compact:  # a narrow table: long titles on two lines, so they do not set the columns' widths
            time_header = two_lines(time_header)
        self.model.headers = [time_header, self.tr("Reference"), name_header, self.tr("Phone"), self.tr("Best time"),
                              self.tr("Symptoms"), self.tr("Note"), self.tr("Status")]
        self._labels = (self.state.content.symptom_labels(), self.best_time_labels(), self.status_labels())
        self.export_overlay.retranslate()
        self.model.relabel()
        self._fit_columns()

    def best_time_labels(self) -> dict[str, str]:
        return words.best_time_labels()

    def status_labels(self) -> dict[str, str]:
        return words.status_labels()

    def apply_appearance(self) -> None:
        theme = self.state.theme
        self.heights.min_px = theme.touch_px
        self.heights.pad_px = theme.px(12)
        self.heights.extra_px = theme.px(16)
        self.search_edit.setMinimumHeight(theme.touch_px)
        self.export_status.setWordWrap(False)  # progress text changes never re-lay out the list
        self.export_bar.setMinimumHeight(theme.px(24))
        self.table.verticalHeader().setMinimumSectionSize(theme.touch_px)
        self.history.verticalHeader().setMinimumSectionSize(theme.touch_px)
        self.table.horizontalHeader().setMinimumSectionSize(theme.px(120))
        self.table_delegate.pad_px = theme.px(12)
        self.table_delegate.extra_px = theme.px(16)
        self.history_delegate.extra_px = theme.px(14)  # air between two exports
        # Room between the text and the grid lines; the colours stay the theme's.
        self.table.setStyleSheet(f"QTableView::item {{ padding: 0 {self.table_delegate.pad_px}px; }}")
        self._fit_columns()
        for button, _colour in self.icon_colours():
            button.setMinimumHeight(theme.touch_px)
        super().apply_appearance()
        self.update()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        colours = [(self.lock_button, "on_primary"), (self.called_button, "primary"),
                   (self.export_button, "on_primary"), (self.purge_button, "primary"), (self.quit_button, "primary"),
                   (self.undo_button, "primary"), (self.stop_export_button, "primary")]
        for overlay in self.overlays:
            colours += [(button, "on_primary" if button.property("role") == "primary" else "primary")
                        for button in overlay.findChildren(TouchButton)]
        return colours

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns_later()  # rows listed while hidden are measured now, at the columns' real widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        compact = portrait or self.width() < self.state.theme.body_px * 60
        if compact != self._compact:
            self._compact = compact
            self._portrait = None  # re-arrange, re-label and re-fill with the new cell layout
        if portrait != self._portrait:
            self._arrange(portrait)
        margin = max(16, min(self.width(), self.height()) // 36)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        for overlay in self.overlays:
            if overlay.isVisible():
                overlay.setGeometry(self.rect())
        super().resizeEvent(event)
        self._fit_columns_later()

    # Short columns get the width of their title and typical content (measured from samples, never from every
    # row); Name gets a part of the width (compact: the phone's, which goes under the name) and Symptoms and Note
    # share the rest, Symptoms the larger share (every request has symptoms, most have no note). Long text wraps
    # and the row grows. The time sample has no year: only requests from another year wrap it. Compact (portrait,
    # small screens) also puts the reference under the time.
    NAME_PART = 0.13
    SYMPTOMS_PART = 0.6  # of what Symptoms and Note share

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        compact = self._compact
        metrics = QFontMetrics(self.table.font())
        pad = self.table_delegate.pad_px
        phone_sample = "+44 7700 900000"
        samples = {
            "time": [self.model.headers[0], "28 Sep" if compact else "28 Sep 00:00", "PS-WWWW"],
            "reference": [self.model.headers[1], "PS-WWWW"],
            # Compact: the phone under the name sets the width (names wrap, numbers must not).
            "name": [self.model.headers[2], phone_sample] if compact else [],
            "phone": [self.model.headers[3], phone_sample],
            "best_time": [self.model.headers[4], *self.best_time_labels().values()],
            "symptoms": [self.model.headers[5]],
            "note": [self.model.headers[6]],
            "status": [self.model.headers[7], self._status_sample()],
        }
        self.table.setColumnHidden(self.COLUMNS.index("phone"), compact)
        self.table.setColumnHidden(self.COLUMNS.index("reference"), True)  # shown under the time
        viewport = self.table.viewport().width()
        shown = [name for name in self.COLUMNS if not self.table.isColumnHidden(self.COLUMNS.index(name))]
        least = header.minimumSectionSize()
        natural = dict(zip(samples, column_widths(metrics, list(samples.values()), pad), strict=True))
        if not compact:
            natural["name"] = int(viewport * self.NAME_PART)
        # The narrowest a column may get: its longest word (numbers and "PS-…" count as one word), never elided.
        floor = dict(zip(samples, column_widths(
            metrics, [[w for text in texts for w in (text.split() if name != "phone" else [text])]
                      for name, texts in samples.items()], pad), strict=True))
        shared = ("symptoms", "note")
        fixed = [name for name in shown if name not in shared]
        wanted = {name: max(least, natural[name]) for name in fixed}
        room = viewport - sum(max(least, floor[name]) for name in shared)
        over = sum(wanted.values()) - room
        if over > 0:
            # Too narrow for every column at its natural width (portrait, larger text): each gives up a part of what
            # it has above its floor, rather than the table scrolling sideways and hiding the status.
            slack = {name: max(0, wanted[name] - max(least, floor[name])) for name in fixed}
            total = sum(slack.values())
            if total > 0:
                cut = min(1.0, over / total)
                wanted = {name: wanted[name] - int(slack[name] * cut) for name in fixed}
        rest = max(0, viewport - sum(wanted.values()))
        symptoms_px = max(least, floor["symptoms"], round(rest * self.SYMPTOMS_PART))
        wanted["symptoms"] = symptoms_px
        wanted["note"] = max(least, floor["note"], rest - symptoms_px)
        for name in shown:
            col = self.COLUMNS.index(name)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, wanted[name])
        shape = (tuple(self.table.columnWidth(c) for c in range(len(self.COLUMNS))), compact, metrics.height())
        if shape != self._table_shape:  # rows are measured again only when the columns changed
            self._table_shape = shape
            self.heights.measure_all()
        elif self.heights.pending:
            self.heights.measure_all()

    def _fit_columns_later(self, *_args: object) -> None:
        # After the layout (or a scroll bar appearing) has given the table its new width.
        QTimer.singleShot(0, self, self._fit_columns)

    def _arrange(self, portrait: bool) -> None:
        """Landscape: table beside a column of actions. Portrait: table on top, actions two by two below."""
        self._portrait = portrait
        header = self.header
        for widget in (self.title, self.lock_button):
            header.removeWidget(widget)
        header.removeItem(self.stats)
        if portrait:
            header.addWidget(self.title, 0, 0)
            header.addWidget(self.lock_button, 0, 1, Qt.AlignmentFlag.AlignRight)
            header.addLayout(self.stats, 1, 0, 1, 2)
        else:
            header.addWidget(self.title, 0, 0)
            header.addLayout(self.stats, 0, 1)
            header.addWidget(self.lock_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        header.setColumnStretch(0, 1)
        header.setColumnStretch(1, 0 if not portrait else 1)
        buttons = (self.called_button, self.export_button, self.purge_button, self.quit_button)
        for button in buttons:
            self.action_grid.removeWidget(button)
        for i, button in enumerate(buttons):
            if portrait:
                self.action_grid.addWidget(button, i // 2, i % 2)
            else:
                self.action_grid.addWidget(button, i, 0)
        self._fit_columns()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.body.setStretch(0, 3)
        self.body.setStretch(1, 1)
        self.retranslate()  # header names and the time/name cells depend on the layout

    # ---- what the flow calls ----------------------------------------------------------------------------
    def enter(self) -> None:
        """Staff just typed the right PIN."""
        self.apply_appearance()  # icons are sized from the styled font, known once the screen is polished
        self.setFocus()  # no button starts with a focus ring
        self.reset()
        self.refresh()
        # The export's modules, loaded once the panel is on screen (see open_export), before staff can reach
        # "Export now", and not inside the panel's own first paint.
        QTimer.singleShot(PRELOAD_AFTER_MS, self, _load_export_modules)

    def reset(self) -> None:
        """Nothing personal stays on a hidden screen: the list is emptied, overlays and messages closed, a running
        export cancelled (its file removed, nothing marked)."""
        self.stop_export(wait=True)
        self._after_export_steps = []
        for overlay in self.overlays:
            overlay.hide()
        self._set_message("", error=False)
        self._forget_undo()
        self.search_timer.stop()
        self.search_edit.clear()
        self.view_all.setChecked(True)
        self.table.clearSelection()
        self.model.clear()
        self.history.setRowCount(0)

    def lock(self) -> None:
        self.reset()
        self.locked.emit()

    def exporting(self) -> bool:
        """An export is running, or the panel is still showing its result: the logout timer waits (Flow asks
        before locking an idle panel)."""
        return self.job is not None or bool(self._after_export_steps)

    # ---- reading the store ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Counts, rows, history and warnings from the store. The list starts again from the newest request."""
        self._show_warnings()
        if not self._refresh_counts():
            return
        view = self.VIEWS[[self.view_all, self.view_new, self.view_called].index(self.views.checkedButton())]
        self.model.load(view, self.search_edit.text())
        try:
            history = self.state.store.export_history(HISTORY_LIMIT)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self._fill_history(history)
        self._show_list()

    def _refresh_counts(self) -> bool:
        try:
            counts = self.state.store.counts()
        except StoreError as exc:
            self._store_failed(exc)
            return False
        self.stat_new.set_value(self.tr("New"), counts.new)
        self.stat_today.set_value(self.tr("Today"), counts.today)
        self.stat_total.set_value(self.tr("Total"), counts.total)
        return True

    def _search(self) -> None:
        self.search_timer.stop()
        self.refresh_keep_message()

    def _show_list(self) -> None:
        rows = self.model.rowCount() > 0
        searching = bool(self.search_edit.text().strip()) or not self.view_all.isChecked()
        self.empty_note.setText(self.tr("No request matches.") if searching else self.tr("No requests yet."))
        self.table.setVisible(rows)
        self.empty_note.setVisible(not rows)

    def _cells(self, req: StoredRequest) -> tuple[str, ...]:
        """One row's texts: made once when the row arrives or changes."""
        symptoms, best, _statuses = self._labels
        phone = self._phones(req.phone)
        # Left-to-right cell with the name isolated: an Arabic or Hebrew name (or stray direction marks in it)
        # cannot reorder the phone number shown after it.
        name = LRM + FSI + req.name + PDI
        when = self._when(req.created_at, compact=self._compact)
        return (
            when + "\n" + req.reference,  # the reference the patient quotes, under the time (saves a column)
            req.reference,
            name + "\n" + phone if self._compact else name,
            phone,
            best.get(req.best_time, req.best_time),
            ", ".join(symptoms.get(s, s) for s in req.symptoms) or "–",
            FSI + req.note + PDI if req.note else "–",
            self._status_text(req),
        )

    def _status_text(self, req: StoredRequest) -> str:
        """"New", "Called 14:05", "New · exported 24 Nov", "Called 14:05 · exported 24 Nov": two separate facts."""
        called = (self.tr("Called %1").replace("%1", self._short_when(req.called_at))
                  if req.called_at is not None else words.status_label("new"))
        if req.exported_at is None:
            return called
        return called + " · " + self.tr("exported %1").replace("%1", self._short_when(req.exported_at))

    def _status_sample(self) -> str:
        return self.tr("Called %1").replace("%1", "28 Sep") + "\n" + self.tr("exported %1").replace("%1", "28 Sep")

    def _short_when(self, moment: datetime) -> str:
        """A time today ("14:05"), else the day ("24 Nov", with the year when it is not this year)."""
        local = moment.astimezone()
        now = datetime.now().astimezone()
        if local.date() == now.date():
            return local.strftime("%H:%M")
        qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
        return QLocale(self.state.language).toString(qdt, "d MMM" if local.year == now.year else "d MMM yyyy")

    def _fill_history(self, history: list[ExportRecord]) -> None:
        self.history.setRowCount(max(1, len(history)))
        if not history:
            self.history.setItem(0, 0, QTableWidgetItem(self.tr("No exports yet.")))
            return
        formats = {"csv": "CSV", "xlsx": "Excel"}
        for i, record in enumerate(history):
            text = (self.tr("%1 · %2 requests · %3").replace("%1", self._when(record.at))
                    .replace("%2", str(record.rows)).replace("%3", formats.get(record.format, record.format))
                    + "\n" + breakable_path(str(record.destination)))
            self.history.setItem(i, 0, QTableWidgetItem(text))

    def _when(self, moment: datetime, *, compact: bool = False) -> str:
        """Local time: "Today 14:05", else "25 Nov 14:05" (with the year when it is not this year).

        `compact` puts the time on a second line, for the narrow portrait table."""
        local = moment.astimezone()
        now = datetime.now().astimezone()
        sep = "\n" if compact else " "
        if local.date() == now.date():
            return self.tr("Today") + sep + local.strftime("%H:%M")
        qdt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
        day = QLocale(self.state.language).toString(qdt, "d MMM" if local.year == now.year else "d MMM yyyy")
        return day + sep + local.strftime("%H:%M")

    def _show_warnings(self) -> None:
        warnings = [w.text for w in self.state.staff_warnings()]
        try:
            unsaved = vault_for(self.state.store).unsaved if self.state.store_error else None
        except StoreError:
            unsaved = None
        if unsaved is not None:
            warnings.append(self.tr("Wrong PINs cannot be saved in the data file just now, so the kiosk counts them "
                                    "only until it restarts."))
        while len(self._banner_labels) < len(warnings):
            label = WrappingLabel(role="banner")
            self.banners.addWidget(label)
            self._banner_labels.append(label)
        for i, label in enumerate(self._banner_labels):
            if i < len(warnings):
                label.setText("⚠  " + warnings[i])
                label.show()
            else:
                label.hide()

    def _store_failed(self, exc: StoreError) -> None:
        log.error("staff panel: request database problem (%s)", exc.kind)
        self.state.store_error = str(exc)
        self._show_warnings()
        self._set_message(self.tr("The request database could not be used just now. Try again; if it keeps "
                                  "happening, ask IT to check the data folder."), error=True)

    def _went_wrong(self, action: str, exc: BaseException) -> None:
        """A bug, not a disk problem: the traceback goes to the log (without personal data), staff get the
        plain truth."""
        log_unexpected(log, action, exc)
        self._set_message(self.tr("Something went wrong; nothing was changed. If it happens again, ask IT to "
                                  "look at the kiosk's log."), error=True)

    def _set_message(self, text: str, *, error: bool) -> None:
        role = "error" if error else "heading"
        if self.message.property("role") != role:  # restyling costs milliseconds (the export's first moment)
            set_role(self.message, role)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _selection_changed(self, *_args: object) -> None:
        if self.message.isVisible() and self.message.property("role") == "error":
            self._set_message("", error=False)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [r.id for r in (self.model.request_at(row) for row in rows) if r is not None]

    # ---- actions ----------------------------------------------------------------------------------------------
    def mark_called(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [r for r in (self.model.request_at(row) for row in rows) if r is not None]
        if not chosen:
            self._set_message(self.tr("Tap the requests you have called first, then tap Mark as called."),
                              error=True)
            return
        at = datetime.now().astimezone()
        try:
            changed = self.state.store.mark_called([r.id for r in chosen], now=at)
            fresh = self.state.store.get_many([r.id for r in chosen])
        except StoreError as exc:
            self._store_failed(exc)
            return
        except Exception as exc:
            self._went_wrong("marking requests as called", exc)
            return
        self.model.update_requests(fresh)  # the rows say "Called 14:05" at once, where they are
        self.table.clearSelection()
        self._refresh_counts()
        self._set_message(self.tr("Marked %1 as called.").replace("%1", self._requests_text(changed)), error=False)
        self._undo = ({r.id: r.called_at for r in chosen}, at)
        self.undo_button.show()
        self.undo_timer.start(UNDO_SECONDS * 1000)

    def undo_called(self) -> None:
        if self._undo is None:
            return
        previous, at = self._undo
        self._forget_undo()
        try:
            changed = self.state.store.undo_called(previous, at)
            fresh = self.state.store.get_many(list(previous))
        except StoreError as exc:
            self._store_failed(exc)
            return
        except Exception as exc:
            self._went_wrong("undoing a call", exc)
            return
        self.model.update_requests(fresh)
        self._refresh_counts()
        self._set_message(self.tr("Undone: %1 no longer marked as called.")
                          .replace("%1", self._requests_text(changed)), error=False)

    def _undo_expired(self) -> None:
        self._forget_undo()

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_timer.stop()
        self.undo_button.hide()

    def _requests_text(self, n: int) -> str:
        return self.tr("1 request") if n == 1 else self.tr("%1 requests").replace("%1", f"{n:,}")

    def open_export(self) -> None:
        self._set_message("", error=False)
        try:
            drives = removable_drives()
        except Exception as exc:  # a broken volume list must never block exporting to the folder
            log_unexpected(log, "listing removable drives", exc)
            drives = []
        self.export_overlay.prepare(drives, self.state.config.export_dir)
        self.apply_appearance()
        self.export_overlay.open()
        # While staff choose: the export's modules are loaded now, on this thread, rather than by the worker when
        # it starts (it would hold Python's lock for tens of milliseconds while the panel paints its progress row).
        QTimer.singleShot(0, self, _load_export_modules)

    def export(self, fmt: str, all_rows: bool, folder: Path) -> None:
        """Start the export in its worker; the panel shows its progress and a Stop button meanwhile."""
        if self.exporting():
            return
        order = ExportOrder(database=self.state.store.path, fmt=fmt, folder=Path(folder), all_rows=all_rows,
                            symptom_labels=self.state.content.symptom_labels(),
                            best_time_labels=self.best_time_labels(), region=self.state.config.clinic.region)
        self._set_message("", error=False)
        self.job = ExportJob(order, self)
        self.job.progress.connect(self._export_progress)
        self.job.finished.connect(lambda outcome, job=self.job: self._export_finished(job, outcome, all_rows))
        # Three short steps, each in its own pass of the event loop, rather than one long pause inside the tap: the
        # progress row shown and laid out (the list moves down), then painted (all of the list repaints), then the
        # worker started, after that paint: a repaint of the list while the worker runs costs a hand-over of
        # Python's lock per cell. Timers, not zero-timers, so that other timers (the logout clock) run in between.
        for button in (self.export_button, self.purge_button):
            button.setEnabled(False)  # at once: no second export or purge can start meanwhile
        QTimer.singleShot(WORKER_AFTER_PAINT_MS, self, self._show_export_progress)

    def _show_export_progress(self) -> None:
        if self.job is None:
            return  # stopped or locked in between
        self.export_bar.setRange(0, 0)  # busy until the first count arrives
        self.export_status.setText(self.tr("Exporting: %1 of %2").replace("%1", "0").replace("%2", "…"))
        self.export_box.show()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.update()
        QTimer.singleShot(WORKER_AFTER_PAINT_MS, self, self._start_export_worker)

    def _start_export_worker(self) -> None:
        # Stopped or locked before it started: that job was dropped (a stopped one starts, sees it is cancelled at
        # its first row and ends with "Export stopped").
        if self.job is not None and not self.job.started():
            self.job.start()

    def _export_progress(self, done: int, total: int) -> None:
        self.export_bar.setRange(0, max(1, total))
        self.export_bar.setValue(done)
        self.export_status.setText(self.tr("Exporting: %1 of %2").replace("%1", f"{done:,}")
                                   .replace("%2", f"{total:,}"))

    def stop_export(self, *, wait: bool = False) -> None:
        """Stop button (or the panel going away, with `wait`): cancel cleanly, no file kept, nothing marked."""
        job = self.job
        if job is None:
            return
        if wait:
            self.job = None  # its late "finished" is ignored: the panel is being reset
            job.cancel_and_wait()
            self._export_ended()
        else:
            job.cancel()
            self.export_status.setText(self.tr("Stopping the export…"))

    def _stop_export_for_quit(self) -> None:
        if self.job is not None:
            log.info("the kiosk is stopping during an export: cancelling it")
            self.stop_export(wait=True)

    def _export_ended(self) -> None:
        self.export_box.hide()
        for button in (self.export_button, self.purge_button):
            button.setEnabled(True)

    def _export_finished(self, job: ExportJob, outcome: object, all_rows: bool) -> None:
        from kiosk.core.export import ExportError, ExportResult

        if job is not self.job:
            return  # cancelled by a reset: nothing to show
        self.job = None
        self._export_ended()
        if isinstance(outcome, ExportResult):
            self._set_message(self.tr("Saved %1 to %2").replace("%1", self._requests_text(outcome.rows))
                              .replace("%2", str(outcome.path)), error=False)
            # The counts, the history and the listed rows' "exported" in three passes of the event loop, not one
            # long refresh: each is a short pause, so the panel never stalls when a big export ends.
            self._after_export_steps = [self._refresh_counts, self._refresh_history, self._refresh_listed_rows]
            QTimer.singleShot(0, self, self._next_after_export_step)
        elif isinstance(outcome, ExportError) and outcome.kind == "cancelled":
            self._set_message(self.tr("Export stopped. No file was kept and nothing was marked."), error=False)
        elif isinstance(outcome, ExportError) and outcome.kind == "nothing_to_export":
            self._set_message(self.tr("There are no requests to export.") if all_rows else
                              self.tr("Nothing new to export: every request was exported before. "
                                      "Choose \"All requests\" to export them again."), error=True)
        elif isinstance(outcome, ExportError):
            # The core's message names the folder and the disk's reason, never patient data.
            log.warning("export failed (%s)", outcome.kind)
            self._set_message(self.tr("Export failed, nothing was changed:") + "\n" + str(outcome), error=True)
        elif isinstance(outcome, StoreError):
            self._store_failed(outcome)
        elif isinstance(outcome, BaseException):
            self._went_wrong("exporting", outcome)

    def _next_after_export_step(self) -> None:
        if not self._after_export_steps:
            return
        step = self._after_export_steps.pop(0)
        step()
        if self._after_export_steps:
            QTimer.singleShot(0, self, self._next_after_export_step)

    def _refresh_history(self) -> None:
        try:
            self._fill_history(self.state.store.export_history(HISTORY_LIMIT))
        except StoreError as exc:
            self._store_failed(exc)

    def _refresh_listed_rows(self) -> None:
        """The rows already listed, read again (their export time changed); a long list starts again instead."""
        listed = [r.id for r in (self.model.request_at(i) for i in range(self.model.rowCount())) if r is not None]
        if len(listed) > 3 * RequestTableModel.PAGE:
            self.refresh_keep_message()
            return
        try:
            self.model.update_requests(self.state.store.get_many(listed))
        except StoreError as exc:
            self._store_failed(exc)

    def refresh_keep_message(self) -> None:
        role, text = self.message.property("role"), self.message.text()
        self.refresh()
        if text:
            self._set_message(text, error=role == "error")

    def _purge_candidates(self) -> int:
        return self.state.store.count_due_for_purge(self.state.config.data.retention_days)

    def ask_purge(self) -> None:
        days = self.state.config.data.retention_days
        try:
            count = self._purge_candidates()
        except StoreError as exc:
            self._store_failed(exc)
            return
        if count == 0:
            self._set_message(self.tr("Nothing to delete: no exported request is older than %1 days.")
                              .replace("%1", str(days)), error=False)
            return
        self._set_message("", error=False)
        self._ask_purge(count, days)

    def _ask_purge(self, count: int, days: int) -> None:
        self.confirm_purge.ask(
            self.tr("Delete old requests?"),
            self.tr("%1 exported more than %2 days ago will be deleted from this kiosk for good. "
                    "Requests that were never exported are kept.")
            .replace("%1", self._requests_text(count)).replace("%2", str(days)),
            self.tr("Yes, delete"), self.tr("Cancel"))
        self.apply_appearance()

    def purge(self) -> None:
        try:
            deleted = self.state.store.purge_exported(self.state.config.data.retention_days)
        except StoreError as exc:
            self._store_failed(exc)
            return
        except Exception as exc:
            self._went_wrong("deleting old requests", exc)
            return
        log.info("staff purge: %d exported request(s) deleted", deleted)
        self.refresh()
        self._set_message(self.tr("Deleted %1.").replace("%1", self._requests_text(deleted)), error=False)

    def ask_quit(self) -> None:
        self.confirm_quit.ask(
            self.tr("Quit to desktop?"),
            self.tr("The kiosk closes and patients cannot use it until it is started again."),
            self.tr("Yes, quit"), self.tr("Cancel"))
        self.apply_appearance()

    def _quit_confirmed(self) -> None:
        log.info("staff quit to the desktop")
        self.reset()
        self.quit_requested.emit()

    # ---- screenshots ----------------------------------------------------------------------------------------
    def screenshot_variants(self) -> Iterator[str]:
        """The panel as it is for the configured data, then each overlay. Nothing is changed in the store."""
        self.enter()
        yield "staff-panel"
        if self.model.rowCount():
            self.table.selectRow(0)
            yield "staff-panel-selected"
            self.table.clearSelection()
        self._export_progress(12_000, 100_000)  # how an export in progress looks (nothing runs)
        self.export_box.show()
        yield "staff-panel-exporting"
        self.export_box.hide()
        self.open_export()
        yield "staff-panel-export"
        self.export_overlay.hide()
        self._ask_purge(max(1, self._safe_purge_count()), self.state.config.data.retention_days)
        yield "staff-panel-delete"
        self.confirm_purge.hide()
        self.ask_quit()
        yield "staff-panel-quit"
        self.reset()

    def _safe_purge_count(self) -> int:
        try:
            return self._purge_candidates()
        except StoreError:
            return 0
