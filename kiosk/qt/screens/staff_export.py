"""The staff panel's export, run in a worker thread with progress and a clean cancel.

Why a thread: a 100,000-request export takes seconds; on the GUI thread it froze the panel (no progress, no
cancel, and the staff logout timer could not fire). The worker has its own RequestStore connection (a store is
used only by the thread that made it) on the same file; SQLite's WAL lets the panel keep reading meanwhile.
The export itself is kiosk.core.export's: all or nothing, so a cancel leaves no file and marks nothing.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportOrder:
    """What staff chose, plus what the export needs from the running kiosk."""

    database: Path
    fmt: str
    folder: Path
    all_rows: bool
    symptom_labels: Mapping[str, str]
    best_time_labels: Mapping[str, str]
    region: str


class _Worker(QObject):
    progress = Signal(int, int)  # rows written, total
    done = Signal(object)  # ExportResult, ExportError, StoreError or another exception (a bug)

    def __init__(self, order: ExportOrder, stop: threading.Event) -> None:
        super().__init__()
        self.order = order
        self.stop = stop

    def run(self) -> None:
        from kiosk.core.export import export_requests
        from kiosk.core.store import RequestStore

        order = self.order
        outcome: object
        try:
            with RequestStore(order.database) as store:
                outcome = export_requests(store, order.fmt, order.folder, all_rows=order.all_rows,
                                          symptom_labels=order.symptom_labels,
                                          best_time_labels=order.best_time_labels, region=order.region,
                                          progress=self.progress.emit, cancelled=self.stop.is_set)
        except Exception as exc:  # handed to the GUI thread, which sorts disk problems from bugs
            outcome = exc
        self.done.emit(outcome)


# While an export runs the GUI thread must win Python's GIL back quickly: it needs it for every Python callback
# (a table cell's text, a timer), and by default waits up to 5 ms each time for the busy worker to let go, so
# painting the list (hundreds of callbacks) would stall for seconds. Half a millisecond keeps a repaint short.
EXPORT_SWITCH_INTERVAL_S = 0.0005


class ExportJob(QObject):
    """One export in its own QThread. `progress(rows, total)` while it runs, then `finished(outcome)` once, on
    the GUI thread: an ExportResult, or the exception (ExportError kind "cancelled" after cancel())."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, order: ExportOrder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread = QThread(self)
        self._thread.setObjectName("export")
        self._worker = _Worker(order, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._done)
        self._outcome: object = None
        self._switch_interval: float | None = None
        self._started = False

    def start(self) -> None:
        self._started = True
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, EXPORT_SWITCH_INTERVAL_S))
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def started(self) -> bool:
        """start() was called (the worker may have finished since)."""
        return self._started

    def cancel(self) -> None:
        """Ask the worker to stop at its next check (every few hundred rows): no file, nothing marked."""
        self._stop.set()

    def cancel_and_wait(self, timeout_ms: int = 30_000) -> None:
        """Cancel and block until the worker has stopped (locking the panel, quitting): it stops within a few
        hundred rows, or finishes marking if it was already past the point of no return."""
        self.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            if not self._thread.wait(timeout_ms):
                log.error("export worker did not stop within %d ms", timeout_ms)
        self._restore_switch_interval()

    def _restore_switch_interval(self) -> None:
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def _done(self, outcome: object) -> None:
        self._outcome = outcome
        self._thread.quit()
        self._thread.wait()
        self._restore_switch_interval()
        self.finished.emit(outcome)
