"""The front-desk staff panel: counts, warnings, the request table, mark as called, export, purge, lock, quit.

Its widgets are ui/staff_panel.ui; the export choices and the questions before deleting or quitting are the
overlays of kiosk.qt.screens.staff_dialogs. Flow locks the panel after config.staff.logout_seconds untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHeaderView, QTableWidgetItem, QWidget

from kiosk.core.requests import format_phone_for_display
from kiosk.core.store import ExportRecord, StoredRequest, StoreError
from kiosk.qt import words
from kiosk.qt.drives import removable_drives
from kiosk.qt.forms.ui_staff_panel import Ui_StaffPanelScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.screens.staff_dialogs import ConfirmOverlay, ExportOverlay, Overlay
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton, set_role
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.tables import RoomyDelegate, breakable_path, make_kinetic

log = logging.getLogger(__name__)

ROW_LIMIT = 500  # the newest this many requests are listed; exports always include every row
HISTORY_LIMIT = 10
LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"  # Unicode bidi: left-to-right mark, first-strong isolate, pop


class StaffPanelScreen(Screen, Ui_StaffPanelScreen):
    """What the front desk sees after the PIN."""

    screen_name = "staff_panel"
    locked = Signal()  # Lock tapped or staff idle: back to the education loop
    quit_requested = Signal()  # confirmed Quit to desktop

    COLUMNS = ("time", "name", "phone", "best_time", "symptoms", "status")

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._row_ids: list[str] = []
        self._portrait: bool | None = None
        # Narrow table (portrait, or a small screen whose text cannot shrink below 24 px): phone under the name.
        self._compact = False
        self._banner_labels: list[WrappingLabel] = []
        self._set_up_table()
        self._set_up_history()
        self.lock_button.clicked.connect(self.lock)
        self.called_button.clicked.connect(self.mark_called)
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
        self.follow_state()
        self._arrange(portrait=False)

    def _set_up_table(self) -> None:
        """The requests: rows grow to fit wrapped text, tap a row to select it, drag to scroll."""
        self.table.verticalScrollBar().rangeChanged.connect(self._fit_columns_later)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionsClickable(False)
        self.table_delegate = RoomyDelegate(self.table, 12, 16)
        self.table.setItemDelegate(self.table_delegate)
        self.table.itemSelectionChanged.connect(self._selection_changed)
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
        name_header = self.tr("Name and phone") if self._compact else self.tr("Name")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), name_header, self.tr("Phone"),
                                              self.tr("Best time"), self.tr("Symptoms"), self.tr("Status")])
        self.export_overlay.retranslate()
        if self._row_ids:
            self.refresh_keep_message()

    def best_time_labels(self) -> dict[str, str]:
        return words.best_time_labels()

    def status_labels(self) -> dict[str, str]:
        return words.status_labels()

    def apply_appearance(self) -> None:
        theme = self.state.theme
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
                   (self.export_button, "on_primary"), (self.purge_button, "primary"), (self.quit_button, "primary")]
        for overlay in self.overlays:
            colours += [(button, "on_primary" if button.property("role") == "primary" else "primary")
                        for button in overlay.findChildren(TouchButton)]
        return colours

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        compact = portrait or self.width() < self.state.theme.body_px * 60
        if compact != self._compact:
            self._compact = compact
            self._portrait = None  # re-arrange, re-label and re-fill with the new cell layout
        if portrait != self._portrait:
            self._arrange(portrait)
            if self.isVisible():
                self.refresh()
        margin = max(16, min(self.width(), self.height()) // 36)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        for overlay in self.overlays:
            if overlay.isVisible():
                overlay.setGeometry(self.rect())
        super().resizeEvent(event)
        self._fit_columns_later()

    # Short columns fit their content; Name gets a part of the width and Symptoms the rest. Long text wraps and
    # the row grows. In portrait the phone column is hidden: the number goes under the name instead.
    NAME_PART: ClassVar[dict[bool, float]] = {False: 0.18, True: 0.30}

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        compact = self._compact
        for name in ("time", "phone", "best_time", "status"):
            header.setSectionResizeMode(self.COLUMNS.index(name), QHeaderView.ResizeMode.ResizeToContents)
        name_col = self.COLUMNS.index("name")
        header.setSectionResizeMode(name_col, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(name_col, int(self.table.viewport().width() * self.NAME_PART[compact]))
        header.setSectionResizeMode(self.COLUMNS.index("symptoms"), QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(self.COLUMNS.index("phone"), compact)
        self.table.resizeRowsToContents()

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
        self.retranslate()  # header names and the time/name cells depend on the orientation

    # ---- what the flow calls ----------------------------------------------------------------------------
    def enter(self) -> None:
        """Staff just typed the right PIN."""
        self.apply_appearance()  # icons are sized from the styled font, known once the screen is polished
        self.setFocus()  # no button starts with a focus ring
        self.reset()
        self.refresh()

    def reset(self) -> None:
        """Nothing personal stays on a hidden screen: the table is emptied, overlays and messages closed."""
        for overlay in self.overlays:
            overlay.hide()
        self._set_message("", error=False)
        self.table.clearSelection()
        self.table.setRowCount(0)
        self._row_ids = []
        self.history.setRowCount(0)

    def lock(self) -> None:
        self.reset()
        self.locked.emit()

    # ---- reading the store ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Counts, rows, history and warnings from the store."""
        self._show_warnings()
        try:
            store = self.state.store
            counts = store.counts()
            rows = store.list_requests(ROW_LIMIT)
            history = store.export_history(HISTORY_LIMIT)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.stat_new.set_value(self.tr("New"), counts.new)
        self.stat_today.set_value(self.tr("Today"), counts.today)
        self.stat_total.set_value(self.tr("Total"), counts.total)
        self._fill_table(rows)
        self._fill_history(history)

    def _fill_table(self, rows: list[StoredRequest]) -> None:
        region = self.state.config.clinic.region
        symptoms = self.state.content.symptom_labels()
        best = self.best_time_labels()
        statuses = self.status_labels()
        self.table.setUpdatesEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        self._row_ids = [r.id for r in rows]
        for i, req in enumerate(rows):
            phone = format_phone_for_display(req.phone, region)
            # Left-to-right cell with the name isolated: an Arabic or Hebrew name (or stray direction marks in
            # it) cannot reorder the phone number shown after it.
            name = LRM + FSI + req.name + PDI
            values = (
                self._when(req.created_at, compact=self._compact),
                name + "\n" + phone if self._compact else name,
                phone,
                best.get(req.best_time, req.best_time),
                ", ".join(symptoms.get(s, s) for s in req.symptoms) or "–",
                statuses.get(req.status, req.status),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.setUpdatesEnabled(True)
        self.table.setVisible(bool(rows))
        self.empty_note.setVisible(not rows)

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
        warnings = self.state.staff_warnings()
        while len(self._banner_labels) < len(warnings):
            label = WrappingLabel(role="banner")
            self.banners.addWidget(label)
            self._banner_labels.append(label)
        for i, label in enumerate(self._banner_labels):
            if i < len(warnings):
                label.setText("⚠  " + warnings[i].text)
                label.show()
            else:
                label.hide()

    def _store_failed(self, exc: StoreError) -> None:
        log.error("staff panel: request database problem (%s)", exc.kind)
        self.state.store_error = str(exc)
        self._show_warnings()
        self._set_message(self.tr("The request database could not be used just now. Try again; if it keeps "
                                  "happening, ask IT to check the data folder."), error=True)

    def _set_message(self, text: str, *, error: bool) -> None:
        set_role(self.message, "error" if error else "heading")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _selection_changed(self) -> None:
        if self.message.isVisible() and self.message.property("role") == "error":
            self._set_message("", error=False)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._row_ids[r] for r in rows if r < len(self._row_ids)]

    # ---- actions ----------------------------------------------------------------------------------------------
    def mark_called(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self._set_message(self.tr("Tap the requests you have called first, then tap Mark as called."),
                              error=True)
            return
        try:
            changed = self.state.store.mark_called(ids)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.refresh()
        self._set_message(self.tr("Marked %1 as called.").replace("%1", self._requests_text(changed)), error=False)

    def _requests_text(self, n: int) -> str:
        return self.tr("1 request") if n == 1 else self.tr("%1 requests").replace("%1", str(n))

    def open_export(self) -> None:
        self._set_message("", error=False)
        try:
            drives = removable_drives()
        except Exception:  # a broken volume list must never block exporting to the folder
            log.exception("listing removable drives failed")
            drives = []
        self.export_overlay.prepare(drives, self.state.config.export_dir)
        self.apply_appearance()
        self.export_overlay.open()

    def export(self, fmt: str, all_rows: bool, folder: Path) -> None:
        from kiosk.core.export import ExportError, export_requests  # openpyxl is imported only when exporting

        try:
            result = export_requests(self.state.store, fmt, Path(folder), all_rows=all_rows,
                                     symptom_labels=self.state.content.symptom_labels(),
                                     best_time_labels=self.best_time_labels())
        except ExportError as exc:
            if exc.kind == "nothing_to_export":
                text = (self.tr("There are no requests to export.") if all_rows else
                        self.tr("Nothing new to export: every request was exported before. "
                                "Choose \"All requests\" to export them again."))
                self._set_message(text, error=True)
            else:
                # The core's message names the folder and the reason, never patient data.
                log.warning("export failed (%s)", exc.kind)
                self._set_message(self.tr("Export failed, nothing was changed:") + "\n" + str(exc), error=True)
            self.refresh_keep_message()
            return
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.refresh_keep_message()
        self._set_message(self.tr("Saved %1 to %2").replace("%1", self._requests_text(result.rows))
                          .replace("%2", str(result.path)), error=False)

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
        if self.table.rowCount():
            self.table.selectRow(0)
            yield "staff-panel-selected"
            self.table.clearSelection()
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
