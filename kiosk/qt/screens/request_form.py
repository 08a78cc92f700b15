"""The free phone-assessment request: name, phone, best time, optional note, consent; typed on the screen's own
keyboard and saved to the request store. Nothing the patient types is ever logged.

Its widgets are ui/request_form.ui. Built here: a best-time button per kiosk.core.domain.BEST_TIMES id and the
consent tile (it moves between the form and the keyboard column).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QFont, QGuiApplication, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.domain import BEST_TIMES
from kiosk.core.failures import log_unexpected
from kiosk.core.requests import (
    NAME_MAX,
    NOTE_MAX,
    PHONE_RAW_MAX,
    FieldError,
    format_phone_for_display,
    parse_phone,
    validate_request,
)
from kiosk.core.store import StoreError
from kiosk.core.theme import MIN_BODY_PX
from kiosk.qt.accessibility import announce
from kiosk.qt.forms.ui_request_form import Ui_RequestFormScreen
from kiosk.qt.screens.base import Screen
from kiosk.qt.state import KioskState
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.focus import set_focus_order, settle
from kiosk.qt.widgets.keyboard import clear_line_edit, clear_text_edit
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.qr import SmsCodeCard
from kiosk.qt.widgets.scrolling import KineticScrollArea
from kiosk.qt.widgets.taps import FreshScreenGuard
from kiosk.qt.words import best_time_label

log = logging.getLogger(__name__)

TIME_ICONS = {"morning": "fa5s.sun", "afternoon": "fa5s.cloud-sun", "evening": "fa5s.moon", "any": "fa5s.clock"}
# Every code validate_request can give per field: a field keeps the room of its longest message from the start.
# (Codes the keys cannot cause, such as too_long for a name, need no room: typing stops at the limit.)
MESSAGE_CODES = {"name": ("required", "invalid_chars"), "phone": ("required", "invalid_phone", "not_possible"),
                 "best_time": ("required",), "note": ("too_long",), "consent": ("required",),
                 "symptoms": ("unknown_choice",)}
SYMPTOMS_SHOWN = 4  # the symptoms line names at most this many (fewer if the line is short), then "N more"


class RequestFormScreen(Screen, Ui_RequestFormScreen):
    """Signals: `saved(str)` with the request's reference once it is safely stored, `back()`.

    Flow calls `begin(symptom_ids)` every time it shows the form; only then does "Send my request" work, and
    after one successful save it stays off until the next begin() — a double tap can never store two requests.
    """

    screen_name = "request_form"
    saved = Signal(str)
    back = Signal()
    # The form's (untyped) scroll area shadows QWidget.scroll(): its type, for the checker.
    scroll: KineticScrollArea  # type: ignore[assignment]

    def __init__(self, state: KioskState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.symptoms: tuple[str, ...] = ()
        self._errors: list[FieldError] = []
        self._tight = False
        self._accepting = False  # the double-tap guard: True only while a tap on Send may start a save
        self._save_failed = False
        self._time_columns = 0

        # Heading size, not title size: the title only reminds the patient where they are; on a 1280x800 screen
        # it must share a line with the toolbar so that the keys and the consent keep their room. The symptoms
        # line sits under it, and a failed save shows a banner in their place (see _set_save_failed_display).
        self.toolbar.bind(state)
        self.header.attach(self.header_left, self.toolbar)
        self.symptoms_line.installEventFilter(self)  # refilled when its width or font changes
        self._label_of = {"name": self.name_label, "phone": self.phone_label, "best_time": self.time_label,
                          "note": self.note_label}
        self._build_fields()
        self._build_time_buttons()
        self._build_consent()
        self._build_sms_code()
        # The second half of a double tap on "Request a free phone call" must not land on a key or a field here.
        self.tap_guard = FreshScreenGuard(self)
        self.keyboard.register(self.name_edit, "text", capitalize="words")
        self.keyboard.register(self.phone_edit, "phone")
        self.keyboard.register(self.note_edit, "text", capitalize="sentences")
        self.keyboard.target_changed.connect(self._on_target_changed)
        self.back_button.clicked.connect(self.back)
        self.send_button.clicked.connect(self.submit)

        self._consent_check = QTimer(self)
        self._consent_check.setSingleShot(True)
        self._consent_check.setInterval(0)
        self._consent_check.timeout.connect(self._rearrange)

        self.follow_state()
        self._arrange_times(2)
        # Reading order: toolbar, the fields top to bottom, consent, then the buttons. The keys are left out:
        # they never take focus (the field being typed into keeps it).
        set_focus_order([*self.toolbar.buttons(), self.name_edit, self.phone_edit,
                                 *self.time_buttons.values(), self.note_edit, self.consent_tile, self.back_button,
                                 self.send_button])

    # ---- building helpers ---------------------------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.name_edit.setMaxLength(NAME_MAX)
        self.phone_edit.setMaxLength(PHONE_RAW_MAX)
        self.note_edit.setProperty("max_length", NOTE_MAX)
        for field in (self.name_edit, self.phone_edit, self.note_edit):
            self._no_system_keyboard(field)
        self.phone_edit.installEventFilter(self)  # reformat the number when the patient leaves the field
        self.name_edit.textChanged.connect(lambda _t: self._clear_error("name"))
        self.phone_edit.textChanged.connect(lambda _t: self._clear_error("phone"))
        self.note_edit.textChanged.connect(self._on_note_changed)

    def _build_time_buttons(self) -> None:
        """One button per best-time id, into the form's time grid (placed by _arrange_times)."""
        self.time_group = QButtonGroup(self)
        self.time_group.setExclusive(True)
        self.time_buttons: dict[str, TouchButton] = {}
        for value in BEST_TIMES:
            button = TouchButton(self.form, role="tile", icon=TIME_ICONS.get(value, ""))
            button.setCheckable(True)
            # Width comes from the grid, not from the words: a long translation must not widen the form.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the typing field focused
            button.toggled.connect(lambda _on, b=button: self._on_time_toggled(b))
            self.time_group.addButton(button)
            self.time_buttons[value] = button

    def _build_consent(self) -> None:
        """The consent sits with the keyboard in landscape: it is the last thing to do before "Send my request"
        (bottom right). In portrait it follows the note. Its message is in the bottom row, between Back and Send,
        beside the button just tapped (that row keeps its height)."""
        self.consent_tile.toggled.connect(lambda _on: self._clear_error("consent"))
        # In portrait the consent goes under the note, before the stretch that ends the form.
        self._consent_index = self.form_layout.indexOf(self.space_below_form)
        # The form column takes the height the keys leave, whatever its words ask for: a message appearing in
        # it must never nudge the keys under the patient's finger.
        self.scroll.setSizePolicy(self.scroll.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
        # Always in the layout, empty until needed, keeping the room of its message: nothing moves when it comes.
        self.consent_error.show()
        # Messages take no room of their own: each shows in its field label's place (label and message both keep
        # the room of the longest message, whichever shows), the consent's in the bottom row. Nothing moves when
        # they come and go.
        for field, label in self._label_of.items():
            for widget in (label, self._error_widgets()[field][0]):
                widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def _build_sms_code(self) -> None:
        """"Rather use your own phone?" (CODES' card): above the consent, beside the form, only where that column
        has room for it with the keys at their full size; left out everywhere else (it is never required)."""
        self.sms_slot = QWidget(self)
        slot = QVBoxLayout(self.sms_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        self.sms_code = SmsCodeCard(self.sms_slot)
        self.sms_code.bind(self.state)
        self.sms_code.set_beside(True)
        slot.addWidget(self.sms_code)
        self.sms_slot.hide()
        self.keyboard_column.insertWidget(1, self.sms_slot)

    def _place_sms_code(self) -> None:
        """Shown only in landscape when the consent, the keys at the size they ask for and the card all fit in the
        keyboard column. Decided by the screen's size and text size alone, so no message ever brings it or takes
        it away."""
        if self.height() > self.width() or not self.sms_code.offered:
            self.sms_slot.setVisible(False)
            return
        margins = self.root_layout.contentsMargins()
        column_w = (self.width() - margins.left() - margins.right() - self.body.spacing()) // 2
        keys = self.keyboard.sizeHint().height()
        gap = self.space_above_keyboard.sizeHint().height()
        room = self.scroll.height() - keys - self.consent_tile.heightForWidth(column_w) - 3 * gap
        side = self.sms_code.preferred_code_px(self.state.theme)
        least = self.sms_code.min_code_px()
        while True:  # the largest code, down to its least readable size, that leaves the keys their size
            self.sms_code.set_code_side(side)
            fits = self.sms_code.heightForWidth(column_w) <= room
            if fits or side <= least:
                break
            side = max(least, round(side * 0.9))
        self.sms_slot.setVisible(fits)

    @staticmethod
    def _no_system_keyboard(field: QLineEdit | QPlainTextEdit) -> None:
        # Our own keyboard is the only one: a desktop's input method / on-screen keyboard must not pop up too.
        field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def _arrange_times(self, columns: int) -> None:
        if columns == self._time_columns:
            return
        self._time_columns = columns
        for button in self.time_buttons.values():
            self.time_grid.removeWidget(button)
        for i, value in enumerate(BEST_TIMES):
            self.time_grid.addWidget(self.time_buttons[value], i // columns, i % columns)
        self._stretch_time_columns()

    def _stretch_time_columns(self) -> None:
        """In one row, each button as wide as its words ask ("Cualquier hora" wider than "Tarde"); else even."""
        widths = [button.sizeHint().width() for button in self.time_buttons.values()]
        for column in range(4):
            wanted = 0 if column >= self._time_columns else (widths[column] if self._time_columns == 4 else 1)
            if self.time_grid.columnStretch(column) != wanted:  # (each call asks for a new layout)
                self.time_grid.setColumnStretch(column, wanted)

    def _time_columns_for(self, form_width: int) -> int:
        """Four time buttons in one row when their words and icons fit (each as wide as it needs), or without
        their icons; else two by two, without icons if that is what it takes (long translations in large text);
        else one under the other: a word is never cut off. Measured once, the icons set once (setting them asks
        for a new layout, which calls this again)."""
        spacing = max(0, self.time_grid.spacing())
        with_icons = []
        for value, button in self.time_buttons.items():
            width = button.sizeHint().width()
            if button.icon().isNull() and TIME_ICONS.get(value):
                width += button.iconSize().width() + spacing  # what its icon would add
            with_icons.append(width)
        without = [w - button.iconSize().width() - spacing
                   for w, button in zip(with_icons, self.time_buttons.values(), strict=True)]
        chosen = (1, True)
        for columns, icons in ((4, True), (4, False), (2, True), (2, False)):
            widths = with_icons if icons else without
            needed = sum(widths) if columns == 4 else columns * max(widths)
            if needed + (columns - 1) * spacing <= form_width:
                chosen = (columns, icons)
                break
        self._show_time_icons(chosen[1])
        if chosen[0] == self._time_columns:
            self._stretch_time_columns()  # the words may have changed (language, text size)
        return chosen[0]

    def _show_time_icons(self, shown: bool) -> None:
        changed = False
        for value, button in self.time_buttons.items():
            name = TIME_ICONS.get(value, "") if shown else ""
            if button.property("iconName") != name:
                changed = True
                button.setProperty("iconName", name)
            if not name and not button.icon().isNull():  # (also one set late, by icons held at start-up)
                button.setIcon(QIcon())
        if changed and shown:
            self.refresh_icons()  # in each button's colour (chosen or not)

    def _form_width(self) -> int:
        """The form column's width, less a scroll bar (it may appear once the form is taller)."""
        margin = self.root_layout.contentsMargins().left()
        width = self.width() - 2 * margin if self.height() > self.width() else (self.width() - 3 * margin) // 2
        return width - self.state.theme.px(20)

    # ---- entering the screen ------------------------------------------------------------------------------------
    def begin(self, symptoms: tuple[str, ...]) -> None:
        """Shown (again) for these symptom ids: Send works, entries typed before (Back and forth) are kept."""
        self.symptoms = tuple(symptoms)
        self.sms_code.show_symptoms(self.symptoms)
        self._fill_symptoms_line()
        self._accepting = True
        self.send_button.setEnabled(True)
        if self.keyboard.target() is None:
            self.keyboard.set_target(self.name_edit)

    def _fill_symptoms_line(self) -> None:
        labels = self.state.content.symptom_labels()
        names = [labels.get(sid, sid) for sid in self.symptoms]
        if not names:
            self.symptoms_line.setText(self.tr("You did not choose any symptoms."))
            return
        # As many names as fit on one line, then "and N more": the line must not push the form down.
        metrics = self.symptoms_line.fontMetrics()
        width = self.symptoms_line.width()
        if width <= 1 or self.symptoms_line.isHidden():  # not laid out yet: the header's full width
            margins = self.root_layout.contentsMargins()
            width = self.width() - margins.left() - margins.right()
        text = ""
        for count in range(min(len(names), SYMPTOMS_SHOWN), 0, -1):
            shown = ", ".join(names[:count])
            if count < len(names):
                shown = self.tr("%1 and %n more", "", len(names) - count).replace("%1", shown)
            text = self.tr("Your symptoms: %1").replace("%1", shown)
            if metrics.horizontalAdvance(text) <= width:
                break
        self.symptoms_line.setText(text)

    def _refill_symptoms_line(self) -> None:
        if self.symptoms_line.text():  # only once begin() has run: an empty form shows no symptoms line
            self._fill_symptoms_line()

    # ---- typing ---------------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.symptoms_line:
            if event.type() in (QEvent.Type.FontChange, QEvent.Type.Resize):
                self._refill_symptoms_line()  # larger text or a narrower line: fewer names fit
        elif obj is self.phone_edit and event.type() == QEvent.Type.FocusOut:
            self._format_phone()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and hasattr(self, "_consent_check"):
            self._consent_check.start()  # sizes changed (restyle, language): is the consent's place still right?
        return super().event(event)

    def _on_target_changed(self, field: object) -> None:
        if field is not self.phone_edit:
            self._format_phone()
        if isinstance(field, QWidget):
            self.scroll.ensureWidgetVisible(field, 0, self.state.theme.px(24))

    def _format_phone(self) -> None:
        """Show a valid number the way people write it ("(201) 555-0123"); leave anything unfinished alone."""
        raw = self.phone_edit.text()
        region = self.state.config.clinic.region
        if raw and parse_phone(raw, region):
            pretty = format_phone_for_display(raw, region)
            if pretty != raw:
                self.phone_edit.setText(pretty)

    def _on_note_changed(self) -> None:
        text = self.note_edit.toPlainText()
        if len(text) > NOTE_MAX:  # the keyboard stops at the limit; this catches any other way in
            cursor = self.note_edit.textCursor()
            cursor.setPosition(NOTE_MAX)
            cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return
        self._update_note_count()
        self._clear_error("note")

    def _update_note_count(self) -> None:
        left = NOTE_MAX - len(self.note_edit.toPlainText())
        self.note_count.setText(self.tr("%n letters left", "", left))

    def _on_time_toggled(self, _button: TouchButton) -> None:
        self.refresh_icons()  # the chosen button's icon takes the chosen colour
        if self.best_time():
            self._clear_error("best_time")

    def best_time(self) -> str:
        for value, button in self.time_buttons.items():
            if button.isChecked():
                return value
        return ""

    # ---- validation messages ------------------------------------------------------------------------------------
    def message_for(self, error: FieldError) -> str:
        """The plain-words message shown next to a field for a validation error code."""
        messages = {
            ("name", "required"): self.tr("Please type your name."),
            ("name", "too_long"): self.tr("That name is too long. Please make it shorter."),
            ("name", "invalid_chars"): self.tr("Please type your name with letters."),
            ("phone", "required"): self.tr("Please type your phone number."),
            ("phone", "invalid_phone"): self.tr("That phone number doesn't look right — please check it."),
            ("phone", "not_possible"): self.tr("That phone number has too few or too many digits — please check it."),
            ("phone", "too_long"): self.tr("That phone number is too long — please check it."),
            ("best_time", "required"): self.tr("Please choose when we should call you."),
            ("note", "too_long"): self.tr("Your note is too long. Please make it shorter."),
            ("consent", "required"): self.tr("Please tick the box above."),
            ("symptoms", "unknown_choice"): self.tr("Something went wrong with your answers. Please start over."),
        }
        fallback = {"best_time": messages[("best_time", "required")]}
        return messages.get((error.field, error.code)) or fallback.get(error.field) or self.tr("Please check this.")

    def _error_widgets(self) -> dict[str, tuple[WrappingLabel, QWidget | None]]:
        return {
            "name": (self.name_error, self.name_edit),
            "phone": (self.phone_error, self.phone_edit),
            "best_time": (self.time_error, None),
            "note": (self.note_error, self.note_edit),
            "consent": (self.consent_error, None),
            "symptoms": (self.symptoms_error, None),
        }

    def _show_errors(self, errors: list[FieldError]) -> None:
        self._errors = list(errors)
        by_field = {e.field: e for e in errors}
        for field, (label, edit) in self._error_widgets().items():
            error = by_field.get(field)
            label.setText(self.message_for(error) if error is not None else "")
            # The room of the longest message this field can get and of its label, whichever shows: nothing moves.
            longest = max((self.message_for(FieldError(field, code)) for code in MESSAGE_CODES[field]), key=len)
            field_label = self._label_of.get(field)
            label.ensurePolished()  # the style sheet's font, to measure with
            reserve: list[tuple[str, QFont | None]] = [(longest, label.font())]
            if field_label is not None:
                field_label.ensurePolished()
                reserve.append((field_label.text(), field_label.font()))
                field_label.set_reserve(reserve)
                field_label.setVisible(error is None)
            label.set_reserve(reserve)
            label.setVisible(error is not None or label is self.consent_error)
            if field == "consent":
                self.consent_tile.set_invalid(error is not None)
            if edit is not None and bool(edit.property("invalid")) != (error is not None):
                edit.setProperty("invalid", error is not None)  # the style sheet draws a red border
                edit.style().unpolish(edit)
                edit.style().polish(edit)

    def _bring_to_first_problem(self, field: str) -> None:
        """After a failed Send: the first problem on screen, and the focus (and the keys) on it."""
        label, edit = self._error_widgets()[field]
        target: QWidget = label
        if field == "best_time":
            target = self.time_buttons[BEST_TIMES[0]]
        elif field == "consent":
            target = self.consent_tile
        if self.form.isAncestorOf(target):
            self.scroll.ensureWidgetVisible(target, 0, self.state.theme.px(24))
            if edit is not None:
                self.scroll.ensureWidgetVisible(edit, 0, self.state.theme.px(24))
        if isinstance(edit, QLineEdit | QPlainTextEdit):
            self.keyboard.set_target(edit)
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_error(self, field: str) -> None:
        if any(e.field == field for e in self._errors):
            self._show_errors([e for e in self._errors if e.field != field])

    # ---- sending --------------------------------------------------------------------------------------------
    def submit(self) -> None:
        """Validate and save. Re-entrancy and double taps are refused by `_accepting` (see the class doc)."""
        if not self._accepting:
            return
        self._accepting = False
        self.send_button.setEnabled(False)
        reference = ""
        try:
            reference = self._validate_and_save()
        finally:
            if not reference:
                # Nothing was stored: the patient can fix the entries (or staff the disk) and tap again.
                self._accepting = True
                self.send_button.setEnabled(True)
        if reference:
            log.info("request saved")
            self.saved.emit(reference)

    def _validate_and_save(self) -> str:
        self._format_phone()
        content = self.state.content
        request, errors = validate_request(
            self.name_edit.text(), self.phone_edit.text(), self.best_time(), self.symptoms,
            self.note_edit.toPlainText(), self.consent_tile.isChecked(),
            region=self.state.config.clinic.region, consent_version=content.consent_version,
            language=self.state.language, known_symptoms={s.id for s in content.symptoms},
        )
        self._show_errors(errors)
        if errors:
            self._bring_to_first_problem(errors[0].field)
        if request is None:
            announce(self, " ".join(self.message_for(e) for e in errors), assertive=True)  # heard as they appear
            return ""
        try:
            stored = self.state.store.add(request)
        except Exception as exc:  # the disk (StoreError, OSError) or a bug: the patient's entries must survive
            if isinstance(exc, StoreError | OSError):
                # Only the kind of failure: a StoreError message names the file, and nothing here may name the patient.
                log.error("could not save a request (%s)", getattr(exc, "kind", None) or type(exc).__name__)
            else:  # a bug: its traceback goes to the log, never its message (it may quote what was typed)
                log_unexpected(log, "saving a request", exc)
            self._set_save_failed(True)
            announce(self.banner, self.banner.text(), assertive=True)
            return ""
        self._set_save_failed(False)
        return stored.reference

    def _set_save_failed(self, failed: bool) -> None:
        """Show or clear the failure banner, and tell staff (KioskState.last_save_failed) until a save works."""
        self._set_save_failed_display(failed)
        if self.state.last_save_failed != failed:
            self.state.last_save_failed = failed
            self.state.warnings_changed.emit()

    def _set_save_failed_display(self, failed: bool) -> None:
        self._save_failed = failed
        # Hide before showing, so the screen never needs room for both at once (a window could grow for it).
        for widget in (self.title, self.symptoms_line, self.banner):
            if (widget is self.banner) != failed:
                widget.hide()
        self.banner.setText(self._banner_text() if failed else "")
        for widget in (self.title, self.symptoms_line, self.banner):
            widget.setVisible((widget is self.banner) == failed and not (widget is self.symptoms_line and self._tight))

    def _style_banner(self) -> None:
        """The save-failure banner takes the title's place: thin padding, and where it is tight the smallest body
        size, so that the header (and the keys below it) keep their height."""
        theme = self.state.theme
        size = f"font-size: {MIN_BODY_PX}px; " if self._is_tight() else ""
        self.banner.setStyleSheet(f"{size}padding: {theme.px(6)}px {theme.px(16)}px;")

    def _is_tight(self) -> bool:
        """Larger text on a short screen (1280x800) or in portrait (the keys and the form share the height):
        every line counts for the fields, the consent and the keys."""
        w, h = self.width(), self.height()
        return self.state.theme.large_text and 0 < min(w, h) and (min(w, h) < 900 or h > w)

    def _apply_tightness(self) -> None:
        """Where it is tight, two lines that only repeat what the patient knows give their room to the form: the
        symptoms (the summary just showed them) and the keyboard's "Typing: ..." (the field's frame shows it)."""
        tight = self._is_tight()
        if tight == getattr(self, "_tight", None):
            return
        self._tight = tight
        self._style_banner()
        self.keyboard.caption.setVisible(not tight)
        self.symptoms_line.setVisible(not tight and not self._save_failed)

    def _banner_text(self) -> str:
        return self.tr("Sorry, we could not save your request — please tell the front desk.")

    # ---- text and looks ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The form's words (a field is announced by the words shown above it, never by what the patient typed),
        then the words that depend on what is shown."""
        super().retranslate()
        content = self.state.content
        for value, button in self.time_buttons.items():
            button.setText(best_time_label(value))
        self.consent_tile.set_texts(content.consent_text, content.privacy_text)
        self.keyboard.set_language(self.state.language)
        self.keyboard.retranslate()
        self._update_note_count()
        self._refill_symptoms_line()
        self._show_errors(self._errors)
        if self._save_failed:
            self.banner.setText(self._banner_text())

    def apply_appearance(self) -> None:
        theme = self.state.theme
        touch = theme.touch_px
        self.consent_tile.apply_theme(theme)
        for button in (self.back_button, self.send_button):
            button.setMinimumHeight(round(touch * 1.1))
        for button in self.time_buttons.values():
            button.setMinimumHeight(touch)
        # Field labels: bold, the size of the text typed below them (smaller than a heading), so the whole form
        # fits next to the keyboard without scrolling down to 1280x800 in larger text.
        for label in (self.name_label, self.phone_label, self.time_label, self.note_label):
            label.setStyleSheet(f"font-size: {theme.body_px}px; font-weight: 700;")
        # Up to two lines and a bit, so it is obviously a box for more than a word; down to one line where the
        # form column is short (it is optional: the fields above it keep their room first).
        self._note_heights = (touch, max(touch, round(theme.body_px * 1.45 * 2.1 + theme.px(20))))
        self.note_edit.setFixedHeight(self._note_heights[1])  # _fit_note() takes it down where the column is short
        self.keyboard.set_key_height(touch, grow=1.3)
        self._show_errors(self._errors)  # the messages' room, in the new sizes
        self.form_layout.setSpacing(theme.px(6))
        self._apply_tightness()
        self.time_grid.setSpacing(theme.px(8))
        self._style_banner()
        # The consent and the keys share the column's height: no gaps beyond the one fixed space between them.
        self.keyboard_column.setSpacing(0)
        self.space_above_keyboard.changeSize(0, theme.px(12), QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.header.set_spacing(theme.px(16))
        super().apply_appearance()
        self._rearrange()

    def icon_colours(self) -> Iterable[tuple[TouchButton, str]]:
        yield self.back_button, "primary"
        yield self.send_button, "on_accent"
        for button in self.time_buttons.values():
            yield button, "on_selected" if button.isChecked() else "primary"

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.body.setStretch(0, 1)
        self.body.setStretch(1, 0 if portrait else 1)
        margin = max(16, min(self.width(), self.height()) // 30)
        self.root_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root_layout.setSpacing(max(8, margin // 3))
        self.body.setSpacing(margin)
        self._arrange_times(self._time_columns_for(self._form_width()))
        self._place_consent(portrait)
        self._apply_tightness()
        self._hold_keyboard_height(portrait)
        super().resizeEvent(event)
        self._fit_note()  # the children have their new sizes now (the layout handled the resize first)
        self._refill_symptoms_line()

    def _rearrange(self) -> None:
        """After a restyle or a language change: the words have new widths and heights."""
        if self.width() > 0:
            self._arrange_times(self._time_columns_for(self._form_width()))
            self._place_consent(self.height() > self.width())
            self._hold_keyboard_height(self.height() > self.width())
            self._place_sms_code()
            self._show_errors(self._errors)  # the messages' room in the fonts the style sheet has now given
            self._fit_note()
            self.form_layout.activate()  # the form's own rows now, not a pass of the event loop later

    def _hold_keyboard_height(self, portrait: bool) -> None:
        """In portrait the keys get the height they ask for, not a share that a message in the form could nudge."""
        self.keyboard.setMinimumHeight(self.keyboard.sizeHint().height() if portrait else 0)

    def _fit_note(self) -> None:
        """The note box as tall as the column leaves room for (one line at least, two and a bit at most), so the
        required fields above it never need scrolling to be seen."""
        low, high = getattr(self, "_note_heights", (0, 0))
        viewport = self.scroll.viewport()
        if not high or viewport.width() <= 1:
            return
        others = self.form_layout.totalHeightForWidth(viewport.width()) - self.note_edit.height()
        wanted = max(low, min(high, viewport.height() - others))
        if wanted != self.note_edit.height():
            self.note_edit.setFixedHeight(wanted)

    def _place_consent(self, portrait: bool) -> None:
        """Landscape: the consent sits above the keyboard (the last step before "Send my request", bottom right).
        Portrait: it follows the note in the form. Only the screen's shape decides, never a message or a word:
        the keys never move under a finger."""
        target = self.form_layout if portrait else self.keyboard_column
        if target.indexOf(self.consent_tile) >= 0:
            return
        for layout in (self.form_layout, self.keyboard_column, self.bottom):
            layout.removeWidget(self.consent_tile)
            layout.removeWidget(self.consent_error)
        # (In landscape under the "own phone" card, if that is shown: the consent stays right above the keys.)
        target.insertWidget(self._consent_index if portrait else self.keyboard_column.indexOf(self.sms_slot) + 1,
                            self.consent_tile)
        # Its message: in landscape between Back and Send; in portrait that gap is narrow, so under the box.
        if portrait:
            self.form_layout.insertWidget(self._consent_index + 1, self.consent_error)
        else:
            self.bottom.insertWidget(1, self.consent_error, 3)

    # ---- flow hooks ------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """No trace of the patient: fields, undo histories, choices, messages, keyboard state, the selection."""
        self._accepting = False
        self.send_button.setEnabled(False)
        clear_line_edit(self.name_edit)
        clear_line_edit(self.phone_edit)
        clear_text_edit(self.note_edit)
        self.time_group.setExclusive(False)  # an exclusive group will not let its last button go unchecked
        for button in self.time_buttons.values():
            button.setChecked(False)
        self.time_group.setExclusive(True)
        self.consent_tile.setChecked(False)
        self._show_errors([])
        self._set_save_failed_display(False)  # staff keep their warning (state.last_save_failed) until a save works
        self.symptoms = ()
        self.symptoms_line.setText("")
        self.keyboard.reset()
        self.sms_code.reset()
        self.scroll.verticalScrollBar().setValue(0)
        self._update_note_count()
        # Text selected in a field may have gone to the X11 selection clipboard.
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear(QClipboard.Mode.Clipboard)
            if clipboard.supportsSelection():
                clipboard.clear(QClipboard.Mode.Selection)

    def screenshot_variants(self) -> Iterator[str]:
        ids = tuple(s.id for s in self.state.content.symptoms)
        self.reset()
        self.begin((ids[0], ids[1], ids[5]))
        settle()
        yield "form-empty"
        self.submit()  # nothing typed: every message shows; nothing is stored
        settle()
        yield "form-errors"
        self._fill_example()
        settle()
        yield "form-filled"
        self.keyboard.set_target(self.phone_edit)
        settle()
        yield "form-phone-keypad"
        self._set_save_failed_display(True)  # the look only: screenshots must not raise a staff warning
        settle()
        yield "form-save-failed"
        self._set_save_failed_display(False)
        from kiosk.qt.screens.still_there import StillThereOverlay

        overlay = self.window().findChild(StillThereOverlay)
        if overlay is not None:
            overlay.show_frozen(9)
            settle()
            yield "form-still-there"
            overlay.dismiss()
        self.reset()

    def _fill_example(self) -> None:
        """Made-up entries for the screenshots (fictional 555 number)."""
        self.reset()
        self.begin(tuple(s.id for s in self.state.content.symptoms)[:5])
        self.name_edit.setText("María José García")
        self.phone_edit.setText("2015550123")
        self._format_phone()
        self.time_buttons["afternoon"].setChecked(True)
        self.note_edit.setPlainText("Worse in the morning.")
        self.consent_tile.setChecked(True)
        self.keyboard.set_target(self.note_edit)
