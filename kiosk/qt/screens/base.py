"""The screen base class: what every screen has (name, reset, texts, look, icons, screenshot states), written once.

A screen is built from its Designer form: `class ThanksScreen(Screen, Ui_ThanksScreen)`, where Ui_ThanksScreen is
generated from ui/thanks.ui into kiosk/qt/forms/ui_thanks.py (tools/compile_ui.py). The form holds the widget
tree, object names, layouts and English texts; the screen adds behaviour and the size rules (fit, portrait,
larger text). The form's class name is the screen's class name, so the form's texts and the screen's own tr()
calls share one translation context.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton


class Screen(QWidget):
    """One screen that Flow shows. Subclasses set `screen_name`, build their form with `super().__init__`, wire
    their behaviour, then call `follow_state()`; they override the hooks below as they need."""

    screen_name: ClassVar[str] = ""
    # False for an overlay (a child of the window over the screens): it paints its own backdrop, not a screen's.
    paints_screen_background: ClassVar[bool] = True

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        if self.paints_screen_background:
            self.setProperty("screen", True)  # the style sheet paints every screen's background
        setup_form = getattr(self, "setupUi", None)
        if setup_form is not None:
            setup_form(self)

    def follow_state(self) -> None:
        """Texts and sizes now, and again whenever the patient changes the language or the look."""
        self.state.language_changed.connect(self.retranslate)
        self.state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()

    # ---- hooks ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The form's texts in the current language; screens add the texts that depend on what is shown."""
        retranslate_form = getattr(self, "retranslateUi", None)
        if retranslate_form is not None:
            retranslate_form(self)

    def apply_appearance(self) -> None:
        """Sizes that follow the text size and the screen (screens add their own), then the icons."""
        self.refresh_icons()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        """(button, colour name in the theme's palette) for every button whose icon is drawn in a set colour."""
        return ()

    def refresh_icons(self) -> None:
        palette = self.state.theme.palette
        for button, colour in self.icon_colours():
            button.refresh_icon(getattr(palette, colour))

    def reset(self) -> None:
        """Forget every trace of the patient: called between patients and when the screen is left for good."""

    def screenshot_variants(self) -> Iterator[str]:
        """Put the screen in each state worth a picture, yielding a name for each (`screenshots`, `self-test`)."""
        yield self.screen_name

    def turn(self, portrait: bool) -> None:
        """Arrange for a portrait or landscape screen (screens whose layout changes with the shape override it)."""

    # ---- Qt ---------------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Turned as soon as the screen joins the window, before its first layout: a screen built while the kiosk
        # stands in portrait would otherwise lay out side by side for a moment and make the window wider.
        parent = self.parentWidget()
        if event.type() == QEvent.Type.ParentChange and parent is not None:
            self.turn(parent.height() > parent.width())
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Icon sizes follow the button's font, which is final only once the style sheet has polished the button.
        self.refresh_icons()
        super().showEvent(event)
