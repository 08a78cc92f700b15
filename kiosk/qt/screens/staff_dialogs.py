"""The staff panel's overlays: the export choices and the "are you sure?" questions (delete, quit).

Their widgets are ui/staff_export_dialog.ui and ui/staff_confirm_dialog.ui. An overlay is a child widget of the
panel, not a dialog window, so it can never end up behind the always-on-top kiosk window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QVBoxLayout, QWidget

from kiosk.core.removable import Drive
from kiosk.qt.forms.ui_staff_confirm_dialog import Ui_ConfirmOverlay
from kiosk.qt.forms.ui_staff_export_dialog import Ui_ExportOverlay
from kiosk.qt.widgets.buttons import TouchButton


class Overlay(QFrame):
    """Dims the panel and shows a card in the middle. Subclasses are built from a form holding `card` (the card)
    and `body` (the card's layout)."""

    card: QFrame
    body: QVBoxLayout

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form = getattr(self, "setupUi", None)
        if setup_form is not None:
            setup_form(self)
        self.hide()

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self._fit()
        self.raise_()
        self.show()

    def _fit(self) -> None:
        width = self.width()
        # At most 1200 px on a 1080p screen, more on bigger ones (4K text is twice as big): the tiles need the room.
        self.card.setFixedWidth(max(320, min(int(width * 0.86), max(1200, int(width * 0.6)))))
        margin = max(24, width // 40)
        self.body.setContentsMargins(margin, margin, margin, margin)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)


class ConfirmOverlay(Overlay, Ui_ConfirmOverlay):
    """Are you sure? One question, Cancel, and the action (its icon is `confirm_icon`)."""

    confirmed = Signal()

    def __init__(self, parent: QWidget, confirm_icon: str) -> None:
        super().__init__(parent)
        self.confirm_button.setProperty("iconName", confirm_icon)
        self.cancel_button.clicked.connect(self.hide)
        self.confirm_button.clicked.connect(self._confirm)

    def ask(self, title: str, text: str, confirm: str, cancel: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.confirm_button.setText(confirm)
        self.cancel_button.setText(cancel)
        self.open()

    def _confirm(self) -> None:
        self.hide()
        self.confirmed.emit()


class ExportOverlay(Overlay, Ui_ExportOverlay):
    """Format, which requests, where to: three rows of big tiles with the safe choices selected."""

    export_chosen = Signal(str, bool, object)  # format, all rows, destination folder (Path)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.destinations = QButtonGroup(self)
        self.destinations.setExclusive(True)
        self.destinations.buttonToggled.connect(self._show_path)
        self.cancel_button.clicked.connect(self.hide)
        self.export_button.clicked.connect(self._export)
        self._targets: dict[TouchButton, Path] = {}
        self.retranslate()

    def _tile(self) -> TouchButton:
        tile = TouchButton("", role="tile")
        tile.setCheckable(True)
        return tile

    def retranslate(self) -> None:
        self.retranslateUi(self)
        self.export_folder_text = self.tr("Export folder")
        self.usb_text = self.tr("USB drive %1")
        self._saves_to = self.tr("The file will be saved in: %1")

    def prepare(self, drives: list[Drive], export_folder: Path) -> None:
        """Fresh choices every time: CSV, new since last export, the first USB drive (else the export folder)."""
        for button in list(self._targets):
            self.destinations.removeButton(button)
            self.destinations_box.removeWidget(button)
            button.hide()  # deleteLater() is deferred; the old tile must be gone right now
            button.setParent(None)
            button.deleteLater()
        self._targets.clear()
        for drive in drives:
            self._add_destination(self.usb_text.replace("%1", drive.display), drive.root)
        self._add_destination(self.export_folder_text, export_folder)
        self.csv_tile.setChecked(True)
        self.new_tile.setChecked(True)
        first = next(iter(self._targets))
        first.setChecked(True)
        self._show_path()

    def _add_destination(self, text: str, folder: Path) -> None:
        tile = self._tile()
        tile.setText(text)
        self.destinations.addButton(tile)
        self.destinations_box.addWidget(tile)
        self._targets[tile] = folder

    def chosen_folder(self) -> Path | None:
        button = self.destinations.checkedButton()
        return self._targets.get(button) if isinstance(button, TouchButton) else None

    def _show_path(self, *_args: object) -> None:
        folder = self.chosen_folder()
        self.path_label.setText(self._saves_to.replace("%1", str(folder)) if folder else "")

    def _export(self) -> None:
        folder = self.chosen_folder()
        if folder is None:
            return
        self.hide()
        self.export_chosen.emit("xlsx" if self.xlsx_tile.isChecked() else "csv", self.all_tile.isChecked(), folder)
