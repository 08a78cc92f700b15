"""The symptom checklist: every symptom from the flyer as a big toggle tile, plus "None of these".

Its fixed widgets are ui/checklist.ui; the tiles are made here from the content file, into the form's grid.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.accessibility import announce
from kiosk.qt.forms.ui_checklist import Ui_ChecklistScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton, set_role
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.header import title_sizes
from kiosk.qt.widgets.scrolling import KineticScrollArea
from kiosk.qt.widgets.taps import FreshScreenGuard
from kiosk.qt.widgets.tiles import ToggleTile

NONE_ICON = "fa5s.ban"


class ChecklistScreen(Screen, Ui_ChecklistScreen):
    """Several symptoms can be chosen; "None of these" excludes (and is excluded by) every symptom. Ticks are
    never thrown away silently: with ticks on, the first tap on "None of these" only says (on that tile) that a
    second tap clears them.

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
        self._none_pending = False  # "None of these" tapped once with ticks on: the next tap on it clears them
        self.tap_guard = FreshScreenGuard(self)
        self._nothing_chosen = False  # Next was tapped with nothing chosen: say what to do
        self.scroll.more_below_changed.connect(lambda _more: self._update_message())

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
        self._set_none_pending(False)
        self._set_nothing_chosen(False)

    def _on_none(self, on: bool) -> None:
        ticked = self.selected()
        if on and ticked and not self._none_pending:
            # Ask first: undo this tap and say on the tile what a second one will do.
            self.none_tile.blockSignals(True)
            self.none_tile.setChecked(False)
            self.none_tile.blockSignals(False)
            self._set_none_pending(True)
            return
        if on:
            for tile in self.tiles.values():
                tile.blockSignals(True)
                tile.setChecked(False)
                tile.blockSignals(False)
                tile.update()
        self._set_none_pending(False)
        self._set_nothing_chosen(False)

    def _set_none_pending(self, pending: bool) -> None:
        if pending != self._none_pending:
            self._none_pending = pending
            self._set_none_texts()

    def _set_none_texts(self) -> None:
        again = self.tr("Tap again to clear your ticks")
        detail = again if self._none_pending else self.tr("I do not have any of these")
        self.none_tile.set_texts(self.tr("None of these"), detail, reserve=again)

    def _on_next(self) -> None:
        self._set_none_pending(False)
        ids = self.selected()
        if not ids and not self.none_chosen():
            # Never a dead, greyed-out button: say what to do instead.
            self._set_nothing_chosen(True)
            return
        self.chosen.emit(ids)

    # ---- text and looks -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        for symptom in self.state.content.symptoms:
            tile = self.tiles.get(symptom.id)
            if tile is not None:
                tile.set_texts(symptom.label, symptom.detail)
        self._set_none_texts()
        self._update_message()

    def _set_nothing_chosen(self, on: bool) -> None:
        self._nothing_chosen = on
        self._update_message()
        if on:
            announce(self.message, self.message.text(), assertive=True)  # a screen reader hears it at once

    def _update_message(self) -> None:
        """Between Back and Next (a place nothing moves when it changes): what to do after a Next with nothing
        chosen, else a hint while part of the list is out of sight below."""
        role, text = "error", ""
        nothing = self.tr("Please tap at least one box, or “None of these”.")
        more = self.tr("More below: drag the list up")
        if self._nothing_chosen:
            text = nothing
        elif self.scroll.has_more_below():
            role, text = "muted", more
        if self.message.property("role") != role:
            set_role(self.message, role)
        self.message.setText(text)
        # Its row keeps the height of the longer message from the start (bold, the larger of the two looks).
        self.message.ensurePolished()
        bold = QFont(self.message.font())
        bold.setWeight(QFont.Weight.Bold)
        self.message.set_reserve([(nothing, bold), (more, bold)])

    def apply_appearance(self) -> None:
        theme = self.state.theme
        self.tap_guard.radius = theme.touch_px
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
        self.grid.set_most_columns(2 if portrait else 3)  # fewer when the tiles' words need it (TileGrid)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(max(12, margin // 2))
        super().resizeEvent(event)

    # ---- flow hooks -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        for tile in [*self.tiles.values(), self.none_tile]:
            tile.setChecked(False)
        self._set_none_pending(False)
        self._set_nothing_chosen(False)
        self.scroll.verticalScrollBar().setValue(0)

    def screenshot_variants(self) -> Iterator[str]:
        self.reset()
        settle()
        yield "checklist-empty"
        ids = list(self.tiles)
        self.set_selected([ids[0], ids[1], ids[min(5, len(ids) - 1)]])
        settle()
        yield "checklist-3-chosen"
        self.none_tile.click()  # with ticks on, "None of these" asks first
        settle()
        yield "checklist-none-asks-first"
        self.reset()
        self._on_next()
        settle()
        yield "checklist-nothing-chosen-message"
        self.none_tile.setChecked(True)
        settle()
        yield "checklist-none-of-these"
        self.reset()
