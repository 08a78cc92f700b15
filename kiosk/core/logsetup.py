"""Logging to a rotating file in the platform log directory. Messages never carry personal data."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kiosk.core import paths

LOG_FILE_NAME = "kiosk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO, to_stderr: bool = True) -> Path | None:
    """Log to <log dir>/kiosk.log (1 MB x 5 files). Returns the file, or None when the folder is unusable,
    in which case logging still goes to stderr: a read-only log folder must not stop the kiosk."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(_FORMAT)
    if to_stderr:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        stream.setLevel(logging.WARNING)
        stream._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    log_dir = log_dir or paths.default_log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write the log file in %s (%s); logging to the console only",
                                            log_dir, exc.__class__.__name__)
        return None
    file_handler.setFormatter(formatter)
    file_handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return log_dir / LOG_FILE_NAME
