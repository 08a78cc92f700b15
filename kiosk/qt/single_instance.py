"""One kiosk per data folder: a QLockFile (`kiosk.lock`) beside requests.sqlite3.

Two kiosks on the same data folder would fight over the screen and the request file, and the second one is
almost always a mistake (autostart plus a hand start, a double click). The second copy exits at once with
EXIT_ALREADY_RUNNING and a message naming the folder and the process holding it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "kiosk.lock"
EXIT_ALREADY_RUNNING = 3


@dataclass(frozen=True)
class LockHolder:
    pid: int
    hostname: str
    app_name: str

    def describe(self) -> str:
        import socket  # only when another kiosk holds the lock: not part of every start

        here = not self.hostname or self.hostname == socket.gethostname()
        return f"process {self.pid}" + ("" if here else f" on {self.hostname}")


class AlreadyRunning(Exception):
    """Another live kiosk holds the lock on this data folder."""

    def __init__(self, data_dir: Path, holder: LockHolder | None) -> None:
        self.data_dir = data_dir
        self.holder = holder
        who = f" ({holder.describe()})" if holder else ""
        super().__init__(f"psoas-kiosk is already running on the data folder {data_dir}{who}; "
                         "not starting a second copy")


class InstanceLock:
    """Held for the kiosk's whole run; released on exit (and by the OS if the process dies)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """Take the lock. Raises AlreadyRunning if a live kiosk holds it. Returns False (and logs why) when the
        lock cannot be created at all, e.g. a read-only data folder: that must not keep the education loop off
        the screen, and the staff panel reports the folder problem anyway."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cannot create the data folder %s (%s); running without the single-instance lock",
                        self.data_dir, exc.__class__.__name__)
            return False
        lock = QLockFile(str(self.path))
        # 0 = never treat a lock as stale because of its age (the default, 30 s, would let a second copy steal
        # the lock from a kiosk that has been running for a minute). A lock whose process is gone is still
        # recognised as stale, so a crash or power cut never blocks the next start.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock
            log.info("single-instance lock taken: %s", self.path)
            return True
        error = lock.error()
        if error == QLockFile.LockError.LockFailedError:
            # tryLock() already removed a stale lock of a dead process; this holder is alive.
            raise AlreadyRunning(self.data_dir, self.holder())
        log.warning("cannot create the lock file %s (%s); running without the single-instance lock",
                    self.path, error.name)
        return False

    def holder(self) -> LockHolder | None:
        """Who holds the lock, if anyone we can read."""
        return _read_holder(self._lock or QLockFile(str(self.path)))

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.isLocked()


def _read_holder(lock: QLockFile) -> LockHolder | None:
    # PySide6 returns (pid, hostname, appname); pid 0 when there is no readable lock file.
    pid, hostname, app_name = lock.getLockInfo()
    return LockHolder(int(pid), hostname, app_name) if pid else None


def running_kiosk(data_dir: Path) -> LockHolder | None:
    """For the self-test: the kiosk currently running on `data_dir`, or None. Never takes a live kiosk's lock."""
    path = data_dir / LOCK_FILE_NAME
    if not path.exists():
        return None
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):  # nobody alive held it: a stale file (now replaced by ours); give it back at once
        lock.unlock()
        return None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # unreadable folder: the self-test's data folder step reports that
    return _read_holder(lock)
