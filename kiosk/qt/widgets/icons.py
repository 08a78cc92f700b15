"""qtawesome icons, imported on first use so that start-up does not pay for the icon fonts."""

from __future__ import annotations

from PySide6.QtGui import QIcon


def icon(name: str, colour: str) -> QIcon:
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
