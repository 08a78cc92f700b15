"""Touch buttons: big, styled by role, with a qtawesome icon that follows the button's colour and font."""

from __future__ import annotations

from PySide6.QtCore import Property, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


def set_role(widget: QWidget, role: str) -> None:
    """Style hook: the style sheet selects on the `role` property."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class TouchButton(QPushButton):
    """A big button whose accessible name always equals what it shows.

    Its icon follows the button's font and colours: after a restyle (large text, high contrast) the icon is
    redrawn at the new size, in the colour last asked for or else the button's text colour."""

    _RESTYLE_EVENTS = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange})

    def __init__(self, text: str | QWidget | None = "", parent: QWidget | None = None, *, role: str = "",
                 icon: str = "", description: str = "") -> None:
        # Like QPushButton: (text, parent) or (parent). A Designer form (ui/*.ui) builds it as TouchButton(parent)
        # and then sets the `role` and `iconName` properties.
        if not isinstance(text, str):
            parent, text = text, ""
        self._icon_name = icon
        self._icon_colour: str | None = None
        self._icon_px: int | None = None
        self._icon_pending = False
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        if description:
            self.setAccessibleDescription(description)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)
        self.setText(text)
        self.refresh_icon()

    def _get_icon_name(self) -> str:
        return self._icon_name

    def _set_icon_name(self, name: str) -> None:
        self._icon_name = name
        self.refresh_icon()

    # A Qt property, so that a Designer form can name the icon (qtawesome's name, e.g. "fa5s.check").
    iconName = Property(str, _get_icon_name, _set_icon_name)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text.replace("&&", "&"))

    def refresh_icon(self, colour: str | None = None) -> None:
        """Redraw the icon; `colour` (kept for later restyles) overrides the button's text colour."""
        if not self._icon_name:
            return
        from kiosk.qt.widgets.icons import set_button_icon

        if colour is not None:
            self._icon_colour = colour
        shown = self._icon_colour or self.palette().buttonText().color().name()
        size = self._icon_px or max(24, int(self.fontMetrics().height() * 1.1))
        self.setIconSize(QSize(size, size))  # now even while start-up holds the icon back: no jump later
        set_button_icon(self, self._icon_name, shown)

    def set_icon_px(self, px: int | None) -> None:
        """A fixed icon size instead of one that follows the font (None: follow the font again)."""
        self._icon_px = px
        self.refresh_icon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A restyle sends font, style and palette changes one after another: redraw the icon once, afterwards.
        if event.type() in self._RESTYLE_EVENTS and bool(getattr(self, "_icon_name", "")) and not self._icon_pending:
            self._icon_pending = True
            QTimer.singleShot(0, self, self._refresh_pending_icon)

    def _refresh_pending_icon(self) -> None:
        self._icon_pending = False
        self.refresh_icon()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))
