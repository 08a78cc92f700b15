"""qtawesome icons, imported on first use so that start-up does not pay for the icon fonts.

Importing qtawesome costs more than building and painting the first slide (its Qt compatibility layer touches
every Qt enum), so a starting kiosk holds the buttons' icons back (`hold_icons()`) and sets them all once the
first slide is on screen (`release_icons()`); anything that needs an icon earlier gets it at once.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton

# While not None, set_button_icon() only notes what each button should show: button -> (name, colour).
_held: weakref.WeakKeyDictionary[QAbstractButton, tuple[str, str]] | None = None


def icon(name: str, colour: str) -> QIcon:
    release_icons()  # someone needs a real icon now: load the fonts and give the held buttons theirs too
    import qtawesome

    return qtawesome.icon(name, color=colour)


def safe_icon(name: str, colour: str) -> QIcon:
    """A qtawesome icon, or an empty one: a typo in a content file must not break the screen."""
    if not name:
        return QIcon()
    try:
        return icon(name, colour)
    except Exception:  # qtawesome raises various errors for unknown names
        return QIcon()


def set_button_icon(button: QAbstractButton, name: str, colour: str) -> None:
    """Give `button` the icon `name` in `colour`, now, or when the icons are released."""
    if _held is not None:
        _held[button] = (name, colour)
        return
    button.setIcon(icon(name, colour))


def hold_icons() -> None:
    """From now until release_icons(), buttons' icons are noted, not drawn (a kiosk starting up)."""
    global _held
    if _held is None:
        _held = weakref.WeakKeyDictionary()


def release_icons() -> None:
    """Draw every held button's icon (the last one asked for) and stop holding."""
    global _held
    held, _held = _held, None
    if not held:
        return
    from shiboken6 import isValid

    for button, (name, colour) in list(held.items()):
        if isValid(button):  # not deleted in the meantime
            button.setIcon(icon(name, colour))
