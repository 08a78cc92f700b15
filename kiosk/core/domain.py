"""The clinic's words and rules, written once: best times to call, request statuses, the retention rule.

Plain Python (no Qt). Screens, the CLI export and the bench all take these from here. The English labels are the
source texts of the translations: they are marked with QT_TRANSLATE_NOOP so that `pyside6-lupdate` (run by
tools/update_translations.py) extracts them into resources/translations/*.ts, and kiosk/qt/words.py translates
them on screen. Where no translator exists (the CLI export) the English labels are used as they are.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without importing Qt; returns `text` unchanged.

    Named like Qt's macro because lupdate finds the call by that name; `context` and `text` must be string
    literals at every call.
    """
    return text


# ---- best time to call ------------------------------------------------------------------------------------------

BEST_TIME_CONTEXT = "BestTime"  # the translation context of the labels below (the literal in each call)
BEST_TIMES: tuple[str, ...] = ("morning", "afternoon", "evening", "any")  # stored ids, in the order shown
BEST_TIME_LABELS: dict[str, str] = {
    "morning": QT_TRANSLATE_NOOP("BestTime", "Morning"),
    "afternoon": QT_TRANSLATE_NOOP("BestTime", "Afternoon"),
    "evening": QT_TRANSLATE_NOOP("BestTime", "Evening"),
    "any": QT_TRANSLATE_NOOP("BestTime", "Any time"),
}

# ---- request status ---------------------------------------------------------------------------------------------

STATUS_NEW = "new"  # saved by a patient, not yet called back nor exported
STATUS_CALLED = "called"  # staff marked it as called back
STATUS_EXPORTED = "exported"  # written to an export file at least once (called back or not)
# The database's CHECK constraint (store.py, schema version 1) holds the same three ids.
STATUSES: tuple[str, ...] = (STATUS_NEW, STATUS_CALLED, STATUS_EXPORTED)
STATUS_CONTEXT = "RequestStatus"
STATUS_LABELS: dict[str, str] = {
    STATUS_NEW: QT_TRANSLATE_NOOP("RequestStatus", "New"),
    STATUS_CALLED: QT_TRANSLATE_NOOP("RequestStatus", "Called"),
    STATUS_EXPORTED: QT_TRANSLATE_NOOP("RequestStatus", "Exported"),
}

# ---- retention --------------------------------------------------------------------------------------------------
# A request is deleted only after it was exported (the clinic has it elsewhere), and only once its *first* export
# is more than `data.retention_days` days old: re-exporting everything does not extend the clock. A request that
# was never exported is kept however old it is. RequestStore applies the rule in SQL (purge_exported and
# count_due_for_purge share one condition) with the cutoff computed here.

PURGE_EVERY = timedelta(days=1)  # the automatic purge runs at most this often


def purge_cutoff(retention_days: int, now: datetime) -> datetime:
    """Requests first exported before this moment are due for deletion: `retention_days` days before `now`."""
    if retention_days < 0:
        raise ValueError("retention_days must be >= 0")
    return now - timedelta(days=retention_days)


def purge_is_due(last_purge: datetime | None, now: datetime) -> bool:
    """True when no purge ran within PURGE_EVERY before `now` (or ever, or the clock went back since)."""
    return last_purge is None or now - last_purge >= PURGE_EVERY or now < last_purge
