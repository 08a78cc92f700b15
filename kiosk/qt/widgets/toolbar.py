"""The patient toolbar, top right on every patient screen: [A+ Larger text] [◐ High contrast] [🌐 Español], and
[🔊 Read aloud] where the clinic offers it (config `accessibility.read_aloud`; kiosk.qt.speech does the speaking).

Every choice takes effect at once through KioskState (language_changed / appearance_changed), so the screen
keeps the patient's place: the slide, the ticked symptoms, the typed entries. The idle reset
(KioskState.reset_patient_choices) puts all three back to the clinic's defaults and read-aloud off.

Language names come from the content files (`language_name`), so a third language needs no code here: with two
languages the button shows the other one's name; with three or more it shows the current one and opens a chooser.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.qt import speech
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton

TEXT_SIZE_ICON = "mdi6.format-font-size-increase"  # an "A" with a plus
CONTRAST_ICON = "fa6s.circle-half-stroke"  # ◐
LANGUAGE_ICON = "fa6s.globe"
READ_ALOUD_ICON = "fa6s.volume-high"


class PatientToolbar(QWidget):
    """Three kinds of buttons in one row. `used()` fires after any of them was tapped (screens pause the slides
    or restart a timer: the patient is reading)."""

    used = Signal()

    def __init__(self, state: KioskState | QWidget | None = None, parent: QWidget | None = None) -> None:
        # (state, parent), or (parent) as a Designer form builds it: the screen then calls bind(state).
        if not isinstance(state, KioskState):
            state, parent = None, state
        super().__init__(parent)
        self.state: KioskState = state  # type: ignore[assignment]  # set by bind() before the toolbar is used
        self.text_button = self._button(TEXT_SIZE_ICON, checkable=True)
        self.text_button.clicked.connect(self._toggle_text_size)
        self.contrast_button = self._button(CONTRAST_ICON, checkable=True)
        self.contrast_button.clicked.connect(self._toggle_contrast)
        self.language_button = self._button(LANGUAGE_ICON)
        self.language_button.clicked.connect(self._on_language_button)
        self.read_button = self._button(READ_ALOUD_ICON, checkable=True)
        self.read_button.clicked.connect(self._toggle_read_aloud)
        self.read_button.hide()  # bind() shows it where the clinic offers read-aloud
        self.chooser: LanguageChooser | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (*self.buttons()[:3], self.read_button):
            row.addWidget(button)
        self.row = row
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if state is not None:
            self.bind(state)

    def bind(self, state: KioskState) -> None:
        """Follow this kiosk's language and look (once, right after the screen's form is set up)."""
        self.state = state
        self.reader = speech.reader(state)
        self.read_button.setVisible(self.reader.offered)
        self.reader.active_changed.connect(self._sync_checks)
        state.language_changed.connect(self.retranslate)
        state.appearance_changed.connect(self.apply_appearance)
        self.retranslate()
        self.apply_appearance()

    @staticmethod
    def _button(icon: str, checkable: bool = False) -> TouchButton:
        button = TouchButton(role="toolbar", icon=icon)
        button.setCheckable(checkable)
        # A tap must not take the focus (the request form's field keeps it, and the keyboard its target); Tab and
        # a switch reach the buttons.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def buttons(self) -> list[TouchButton]:
        """In reading order (also the focus order); "Read aloud" last, where the clinic offers it."""
        shown = [self.text_button, self.contrast_button, self.language_button]
        return [*shown, self.read_button] if self.state is not None and self.reader.offered else shown

    # ---- actions -----------------------------------------------------------------------------------------
    def _toggle_text_size(self) -> None:
        self.state.set_appearance(large_text=not self.state.theme.large_text)
        self._sync_checks()
        self.used.emit()

    def _toggle_contrast(self) -> None:
        self.state.set_appearance(high_contrast=not self.state.theme.high_contrast)
        self._sync_checks()
        self.used.emit()

    def _toggle_read_aloud(self) -> None:
        self.reader.set_active(not self.reader.active)
        self._sync_checks()
        self.used.emit()

    def other_languages(self) -> list[str]:
        return [lang for lang in self.state.languages if lang != self.state.language]

    def _on_language_button(self) -> None:
        languages = self.state.languages
        if len(languages) == 2:
            self.state.set_language(self.other_languages()[0])
        elif len(languages) > 2:
            self.open_chooser()
        self.used.emit()

    def open_chooser(self) -> None:
        window = self.window()
        if self.chooser is None or self.chooser.parentWidget() is not window:
            if self.chooser is not None:
                self.chooser.deleteLater()
            self.chooser = LanguageChooser(self.state, window)
            self.chooser.chosen.connect(self._choose)
        self.chooser.open_under(self.language_button)

    def _choose(self, lang: str) -> None:
        self.state.set_language(lang)
        self.used.emit()

    def close_chooser(self) -> None:
        if self.chooser is not None:
            self.chooser.hide()

    # ---- text and looks ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.text_button.setText(self.tr("Larger text"))
        self.text_button.setAccessibleDescription(self.tr("Makes all the words on the screen bigger. "
                                                          "Tap again for the usual size."))
        self.contrast_button.setText(self.tr("High contrast"))
        self.contrast_button.setAccessibleDescription(self.tr("White and yellow on black, easier to see. "
                                                              "Tap again for the usual colours."))
        languages = self.state.languages
        self.language_button.setVisible(len(languages) > 1)
        if len(languages) == 2:
            # The other language, in its own words: a patient who reads no English still finds "Español".
            other = self.other_languages()[0]
            self.language_button.setText(self.state.language_name(other))
            self.language_button.setAccessibleDescription(self.tr("Change the language"))
        else:
            self.language_button.setText(self.state.language_name(self.state.language))
            self.language_button.setAccessibleDescription(self.tr("Choose another language"))
        self.read_button.setText(self.tr("Read aloud"))
        self.read_button.setAccessibleDescription(self.tr("Reads the words on the screen out loud. "
                                                          "Tap again to stop."))
        self._sync_checks()

    def _sync_checks(self, *_args: object) -> None:
        theme = self.state.theme
        reading = self.reader.active if self.state is not None else False
        for button, on in ((self.text_button, theme.large_text), (self.contrast_button, theme.high_contrast),
                           (self.read_button, reading)):
            button.setChecked(on)
        self._refresh_icons()

    def apply_appearance(self) -> None:
        theme = self.state.theme
        self.row.setSpacing(theme.px(12))
        for button in (*self.buttons()[:3], self.read_button):
            button.setMinimumHeight(theme.touch_px)
        self._sync_checks()
        self.updateGeometry()

    def _refresh_icons(self) -> None:
        palette = self.state.theme.palette
        for button in (*self.buttons()[:3], self.read_button):
            button.refresh_icon(palette.on_selected if button.isChecked() else palette.primary)

    def showEvent(self, event: object) -> None:
        self._sync_checks()  # a choice made on another screen shows here too
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        self.close_chooser()
        super().hideEvent(event)  # type: ignore[arg-type]


class LanguageChooser(QWidget):
    """For three or more languages: a card of big buttons, one per language in its own words, over a dimmed
    window. A tap on a language chooses it; a tap anywhere else closes the card."""

    chosen = Signal(str)

    def __init__(self, state: KioskState, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.column = QVBoxLayout(self.card)
        self.buttons: dict[str, TouchButton] = {}
        self.hide()
        window.installEventFilter(self)

    def _rebuild(self) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        theme = self.state.theme
        pad = theme.px(24)
        self.column.setContentsMargins(pad, pad, pad, pad)
        self.column.setSpacing(theme.px(12))
        for lang in self.state.languages:
            button = TouchButton(self.state.language_name(lang), role="tile")
            button.setCheckable(True)
            button.setChecked(lang == self.state.language)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumHeight(theme.touch_px)
            button.clicked.connect(lambda _=False, code=lang: self._pick(code))
            self.column.addWidget(button)
            self.buttons[lang] = button

    def open_under(self, anchor: QWidget) -> None:
        self._rebuild()
        parent = self.parentWidget()
        if parent is None:  # always the window (see __init__); nothing to place it in otherwise
            return
        self.setGeometry(parent.rect())
        size = self.card.sizeHint().expandedTo(QSize(anchor.width(), 0))
        corner = anchor.mapTo(parent, anchor.rect().bottomRight())
        x = max(0, min(corner.x() - size.width(), parent.width() - size.width()))
        y = max(0, min(corner.y() + self.state.theme.px(8), parent.height() - size.height()))
        self.card.setGeometry(QRect(x, y, size.width(), size.height()))
        self.show()
        self.raise_()

    def _pick(self, lang: str) -> None:
        self.hide()
        self.chosen.emit(lang)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # outside the card: close without choosing
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.hide()  # the window turned or changed size: the card would sit in the wrong place
        return False

    def paintEvent(self, _event: object) -> None:
        QPainter(self).fillRect(self.rect(), QColor(0, 0, 0, 120))
