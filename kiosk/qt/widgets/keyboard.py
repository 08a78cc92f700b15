"""The on-screen keyboard (letters, accents, symbols, phone pad) and clearing fields with their undo history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.qt.widgets.buttons import TouchButton, set_role
from kiosk.qt.widgets.labels import WrappingLabel


class KeyButton(TouchButton):
    """One key. A tap never takes the focus, so the field being typed into keeps its focus ring and its cursor;
    Tab and a switch reach the keys (kiosk.qt.accessibility), and they still type into that field."""

    def __init__(self, text: str, parent: QWidget | None = None, *, value: str | None = None, icon: str = "",
                 kind: str = "char") -> None:
        super().__init__(text, parent, role="key", icon=icon)
        self.value = text if value is None else value
        self.kind = kind  # char, space, shift, backspace, accents, symbols
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
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


class KeyPages(QStackedWidget):
    """The keyboard's pages (letters per language, accents, symbols, phone pad), one on show. Only that one counts
    for the keyboard's size: a page built earlier for another language or text size, hidden and never laid out
    again, must not widen the keyboard and squeeze the form beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page is not None else QSize(0, 0)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


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
        self.pages = KeyPages(self)
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
                self.set_target(field)
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
        pattern = self.tr("Typing: %1")
        self.caption.setText(pattern.replace("%1", name) if name else "")
        # Its line stays when there is no field to name: the keys never move under a finger.
        self.caption.set_reserve(pattern.replace("%1", "Ag"))

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
