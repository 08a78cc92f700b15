"""The automatic daily purge: RetentionKeeper deletes old exported requests while the kiosk runs.

The rule (which requests, how old, how often) is kiosk.core.domain's; the store applies it. This module only
decides when to ask, on Qt's timers, so that the flow can start it with the kiosk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core.store import StoreError
from kiosk.qt.state import KioskState

log = logging.getLogger(__name__)


class RetentionKeeper(QObject):
    """Deletes exported requests older than `data.retention_days`: shortly after start, then once a day.

    Checks every hour whether a purge is due (the store remembers the last one), so a kiosk that is switched
    off at night still purges once a day. Logs counts only.
    """

    purged = Signal(int)

    def __init__(self, state: KioskState, parent: QObject | None = None, *, first_delay_ms: int = 1000,
                 check_every_ms: int = 60 * 60 * 1000) -> None:
        super().__init__(parent)
        self.state = state
        self.first_delay_ms = first_delay_ms
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.run_if_due)

    def start(self) -> None:
        # Deferred so the first screen paints before any database work.
        QTimer.singleShot(self.first_delay_ms, self, self.run_if_due)
        self.timer.start()

    def run_if_due(self) -> int:
        try:
            store = self.state.store
            if not store.purge_due():
                return 0
            deleted = store.purge_exported(self.state.config.data.retention_days)
        except StoreError as exc:
            log.warning("automatic purge failed (%s)", exc.kind)
            return 0
        log.info("automatic purge: %d exported request(s) older than %d days deleted", deleted,
                 self.state.config.data.retention_days)
        self.purged.emit(deleted)
        return deleted
