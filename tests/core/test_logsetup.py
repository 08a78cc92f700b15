"""The kiosk's own rotating log file: rotates by size as logging.handlers.RotatingFileHandler does, keeps at most
BACKUP_COUNT old files, and starting the kiosk does not import logging.handlers (socket, pickle, queue)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from kiosk.core.logsetup import RotatingFileHandler


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger("kiosk.test.rotation")
    logger.propagate = False
    logger.handlers[:] = [handler]
    return logger


def test_rotates_by_size_and_keeps_the_newest_backups(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.log"
    handler = RotatingFileHandler(path, max_bytes=200, backup_count=2)
    try:
        logger = _logger(handler)
        for i in range(40):
            logger.warning("line %02d %s", i, "x" * 20)
    finally:
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]  # no .3: two backups at most
    assert all(p.stat().st_size < 200 for p in tmp_path.iterdir())
    assert "line 39" in path.read_text(encoding="utf-8")  # the newest line in the current file
    older = (tmp_path / "kiosk.log.1").read_text(encoding="utf-8")
    assert "line 39" not in older and older.strip()


def test_appends_to_an_existing_log(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.log"
    path.write_text("earlier run\n", encoding="utf-8")
    handler = RotatingFileHandler(path, max_bytes=10_000, backup_count=3)
    try:
        _logger(handler).warning("this run")
    finally:
        handler.close()
    assert path.read_text(encoding="utf-8") == "earlier run\nthis run\n"


def test_no_backups_means_no_rotation(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.log"
    handler = RotatingFileHandler(path, max_bytes=50, backup_count=0)
    try:
        logger = _logger(handler)
        for i in range(10):
            logger.warning("line %d %s", i, "y" * 20)
    finally:
        handler.close()
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.log"]  # as logging's handler: nothing to rotate into
    assert "line 0" in path.read_text(encoding="utf-8") and "line 9" in path.read_text(encoding="utf-8")


def test_setting_up_logging_imports_no_logging_handlers(tmp_path: Path) -> None:
    code = ("import sys; from kiosk.core import logsetup; logsetup.setup_logging(to_stderr=False); "
            "print('logging.handlers' in sys.modules, 'socket' in sys.modules)")
    env_code = f"import os; os.environ['PSOAS_KIOSK_LOG_DIR'] = {str(tmp_path)!r}; {code}"
    out = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
