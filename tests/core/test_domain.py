"""The clinic's words and rules in kiosk.core.domain: one definition, used by the form, the store and the export."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core import domain, requests, store

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def test_every_best_time_and_status_has_an_english_label() -> None:
    assert set(domain.BEST_TIME_LABELS) == set(domain.BEST_TIMES)
    assert set(domain.STATUS_LABELS) == set(domain.STATUSES) == {"new", "called", "exported"}
    assert domain.BEST_TIME_LABELS["any"] == "Any time"
    assert requests.BEST_TIMES is domain.BEST_TIMES  # the form validates against the same ids


def test_labels_are_marked_for_lupdate_in_the_context_the_screens_translate_with() -> None:
    """lupdate reads QT_TRANSLATE_NOOP("Context", "Text") literally; kiosk/qt/words.py translates with the
    *_CONTEXT constants, so the literals in the calls must be those constants."""
    tree = ast.parse(Path(domain.__file__).read_text(encoding="utf-8"))
    marked: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = (arg.value for arg in node.args if isinstance(arg, ast.Constant))
            marked.setdefault(context, set()).add(text)
    assert marked == {domain.BEST_TIME_CONTEXT: set(domain.BEST_TIME_LABELS.values()),
                      domain.STATUS_CONTEXT: set(domain.STATUS_LABELS.values())}


def test_the_database_schema_knows_exactly_the_domain_statuses() -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    store.MIGRATIONS[0](conn)
    for status in domain.STATUSES:
        conn.execute("INSERT INTO requests (id, reference, created_at, name, phone, best_time, consent_version, "
                     "language, status) VALUES (?, ?, '', '', '', '', '', '', ?)", (status, status, status))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO requests (id, reference, created_at, name, phone, best_time, consent_version, "
                     "language, status) VALUES ('x', 'x', '', '', '', '', '', '', 'archived')")


def test_purge_cutoff_and_when_a_purge_is_due() -> None:
    assert domain.purge_cutoff(30, T0) == T0 - timedelta(days=30)
    assert domain.purge_cutoff(0, T0) == T0
    with pytest.raises(ValueError):
        domain.purge_cutoff(-1, T0)
    assert domain.purge_is_due(None, T0)
    assert not domain.purge_is_due(T0, T0 + timedelta(hours=23))
    assert domain.purge_is_due(T0, T0 + timedelta(days=1))
    assert domain.purge_is_due(T0, T0 - timedelta(minutes=1)), "a clock that went back must not stop purging"
