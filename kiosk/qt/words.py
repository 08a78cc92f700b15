"""The clinic's words from kiosk.core.domain (best times, request statuses) in the language on screen.

kiosk.core.domain holds the English source texts, marked for lupdate in their own translation contexts; these
functions translate them with the kiosk's installed translator (English when there is none).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core import domain


def _translated(context: str, english: dict[str, str], key: str) -> str:
    text = english.get(key)
    return QCoreApplication.translate(context, text) if text is not None else key  # unknown ids stay ids


def best_time_label(best_time: str) -> str:
    """The label of a best-time id (domain.BEST_TIMES), e.g. "Morning" or "Mañana"; an unknown id as it is."""
    return _translated(domain.BEST_TIME_CONTEXT, domain.BEST_TIME_LABELS, best_time)


def best_time_labels() -> dict[str, str]:
    """Every best-time id -> its label, in domain.BEST_TIMES order."""
    return {best_time: best_time_label(best_time) for best_time in domain.BEST_TIMES}


def status_label(status: str) -> str:
    """The label of a request status (domain.STATUSES), e.g. "New" or "Nueva"; an unknown status as it is."""
    return _translated(domain.STATUS_CONTEXT, domain.STATUS_LABELS, status)


def status_labels() -> dict[str, str]:
    """Every request status -> its label."""
    return {status: status_label(status) for status in domain.STATUSES}
