"""The symptom checklist: every symptom from the flyer as a big toggle tile, plus "None of these".

Its fixed widgets are ui/checklist.ui; the tiles are made here from the content file, into the form's grid.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.forms.ui_checklist import Ui_ChecklistScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import title_sizes
from kiosk.qt.widgets.scrolling import KineticScrollArea
from kiosk.qt.widgets.tiles import ToggleTile

NONE_ICON = "fa5s.ban"


class ChecklistScreen(Screen, Ui_ChecklistScreen):
    """Several symptoms can be chosen; "None of these" excludes (and is excluded by) every symptom.

    Signals: `chosen(tuple[str, ...])` with the symptom ids in content order (empty tuple = none of these),
    `back()` to leave. The screen never decides what comes next.
    """

    screen_name = "checklist"
    chosen = Signal(tuple)
    back = Signal()
    # The form's (untyped) scroll area shadows QWidget.scroll(): its type, for the checker.
    scroll: KineticScrollArea  # type: ignore[assignment]

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.toolbar.bind(state)
        self.header.attach(self.title, self.toolbar)

        self.tiles: dict[str, ToggleTile] = {}
        for symptom in state.content.symptoms:
            tile = ToggleTile(icon_name=symptom.icon)
            tile.toggled.connect(lambda on, sid=symptom.id: self._on_symptom(sid, on))
            self.tiles[symptom.id] = tile
            self.grid.add(tile)
        self.none_tile = ToggleTile(icon_name=NONE_ICON)
        self.none_tile.toggled.connect(self._on_none)
        self.grid.add(self.none_tile)

        # The message is always in the layout (empty when there is nothing to say) so the buttons never move.
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self._on_next)

        self.follow_state()
        set_focus_order([*self.toolbar.buttons(), self.hint, *self.tiles.values(), self.none_tile,
                                 self.back_button, self.next_button])

    # ---- choices --------------------------------------------------------------------------------------------
    def selected(self) -> tuple[str, ...]:
        """The chosen symptom ids in content order (stable for staff, whatever order they were tapped in)."""
        return tuple(sid for sid, tile in self.tiles.items() if tile.isChecked())

    def none_chosen(self) -> bool:
        return self.none_tile.isChecked()

    def set_selected(self, ids: tuple[str, ...] | list[str]) -> None:
        for sid, tile in self.tiles.items():
            tile.setChecked(sid in ids)

    def _on_symptom(self, _sid: str, on: bool) -> None:
        if on and self.none_tile.isChecked():
            self.none_tile.setChecked(False)
        self.message.setText("")

    def _on_none(self, on: bool) -> None:
        if on:
            for tile in self.tiles.values():
                tile.setChecked(False)
        self.message.setText("")

    def _on_next(self) -> None:
        ids = self.selected()
        if not ids and not self.none_chosen():
            # Never a dead, greyed-out button: say what to do instead.
            self.message.setText(self._nothing_chosen_text())
            return
        self.chosen.emit(ids)

    # ---- text and looks -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        for symptom in self.state.content.symptoms:
            tile = self.tiles.get(symptom.id)
            if tile is not None:
                tile.set_texts(symptom.label, symptom.detail)
        self.none_tile.set_texts(self.tr("None of these"), self.tr("I do not have any of these"))
        if self.message.text():
            self.message.setText(self._nothing_chosen_text())

    def _nothing_chosen_text(self) -> str:
        return self.tr("Please tap at least one box, or “None of these”.")

    def apply_appearance(self) -> None:
        theme = self.state.theme
        for tile in [*self.tiles.values(), self.none_tile]:
            tile.apply_theme(theme)
        self.grid.set_spacing(theme.px(16), max_row_height=round(theme.touch_px * 2.4))
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(round(theme.touch_px * 1.1))
        self.header.set_spacing(theme.px(16))
        self.header.set_title_sizes(title_sizes(theme.body_px))
        super().apply_appearance()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        return [(self.back_button, "primary"), (self.next_button, "on_primary")]

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        self.grid.set_columns(2 if portrait else 3)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(max(12, margin // 2))
        super().resizeEvent(event)

    # ---- flow hooks -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        for tile in [*self.tiles.values(), self.none_tile]:
            tile.setChecked(False)
        self.message.setText("")
        self.scroll.verticalScrollBar().setValue(0)

    def screenshot_variants(self) -> Iterator[str]:
        self.reset()
        settle()
        yield "checklist-empty"
        ids = list(self.tiles)
        self.set_selected([ids[0], ids[1], ids[min(5, len(ids) - 1)]])
        settle()
        yield "checklist-3-chosen"
        self.reset()
        self._on_next()
        settle()
        yield "checklist-nothing-chosen-message"
        self.none_tile.setChecked(True)
        settle()
        yield "checklist-none-of-these"
        self.reset()
