"""Logging to a rotating file in the platform log directory. Messages never carry personal data.

What is logged (INFO): start-up (version, config file, data folder, log file), screen changes, saved requests by
reference only, exports (row count and destination), staff actions, and every unexpected error with its
traceback. Never a patient's name, phone number, symptoms or note: tests/qt/test_logging.py walks a whole patient
through the kiosk with marker values and fails if any of them reaches a log file.

Level: INFO unless PSOAS_KIOSK_LOG_LEVEL says otherwise (DEBUG, INFO, WARNING, ERROR).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from kiosk.core import paths

LOG_FILE_NAME = "kiosk.log"
CRASH_FILE_NAME = "crash.log"
LOG_LEVEL_ENV = "PSOAS_KIOSK_LOG_LEVEL"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # kiosk.log + kiosk.log.1 ... .5: at most 6 MB, weeks of a normal clinic's log
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RotatingFileHandler(logging.FileHandler):
    """Size-based rotation as logging.handlers.RotatingFileHandler does it (kiosk.log -> kiosk.log.1 ... .N), without
    importing logging.handlers: that module brings socket, pickle and queue, a few milliseconds of every start."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.maxBytes = max_bytes
        self.backupCount = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.should_roll_over(record):
                self.roll_over()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def should_roll_over(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0 or self.backupCount <= 0 or not os.path.isfile(self.baseFilename):
            return False  # as logging's: no size or no backups, no rotation
        self.stream.seek(0, 2)  # the end: another process may have written to the file
        return self.stream.tell() + len(f"{self.format(record)}{self.terminator}") >= self.maxBytes

    def roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for i in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{i}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{i + 1}")
        if os.path.exists(self.baseFilename):
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def level_from_env(default: int = logging.INFO) -> int:
    """The level named by PSOAS_KIOSK_LOG_LEVEL, or `default` when unset or not a level name."""
    name = os.environ.get(LOG_LEVEL_ENV, "").strip().upper()
    value = logging.getLevelName(name) if name else None
    return value if isinstance(value, int) else default


def setup_logging(log_dir: Path | None = None, level: int | None = None, to_stderr: bool = True) -> Path | None:
    """Log to <log dir>/kiosk.log (1 MB x 6 files). Returns the file, or None when the folder is unusable,
    in which case logging still goes to stderr: a read-only log folder must not stop the kiosk.

    Calling it again replaces the handlers it added before (tests, self-test), never anybody else's."""
    root = logging.getLogger()
    root.setLevel(level if level is not None else level_from_env())
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(_FORMAT)
    # sys.stderr is None in a Windows executable built without a console.
    if to_stderr and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        stream.setLevel(logging.WARNING)
        stream._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    log_dir = log_dir or paths.default_log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(log_dir / LOG_FILE_NAME, MAX_BYTES, BACKUP_COUNT)
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write the log file in %s (%s); logging to the console only",
                                            log_dir, exc.__class__.__name__)
        return None
    file_handler.setFormatter(formatter)
    file_handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return log_dir / LOG_FILE_NAME


_crash_file: TextIO | None = None


def enable_crash_dump(log_dir: Path | None = None) -> Path | None:
    """If the process dies of a fatal signal (a segfault inside Qt), append the Python stack of every thread to
    <log dir>/crash.log: such deaths bypass logging entirely. The stack names code lines, never data."""
    global _crash_file
    path = (log_dir or paths.default_log_dir()) / CRASH_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        crash_file = open(path, "a", encoding="utf-8")  # stays open for the whole process
    except OSError:
        return None
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    faulthandler.enable(file=crash_file, all_threads=True)
    return path
