"""Logging an unexpected failure (a bug): the traceback without the exception's message, which may quote personal data.

Qt-free. Disk problems are expected and handled where they happen (OSError, StoreError, ExportError); anything
else is a programming error. It must reach the log with its traceback so that it can be fixed, yet an exception's
text can hold a patient's name, phone or note (a library quoting a cell, a format error quoting a value), and the
log must never. So the log gets the exception's type and the code's frames, never str(exc).
"""

from __future__ import annotations

import logging
import traceback


def log_unexpected(logger: logging.Logger, action: str, exc: BaseException) -> None:
    """Log `exc` as an error while doing `action` (our own words, no data): type and frames, chained causes too."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__)).rstrip()
        lines.append(f"{type(current).__module__}.{type(current).__qualname__} (message withheld: it may hold "
                     f"personal data)\n{frames}")
        current = current.__cause__ or current.__context__
    logger.error("unexpected error while %s:\n%s", action, "\n-- caused by / during --\n".join(lines))
