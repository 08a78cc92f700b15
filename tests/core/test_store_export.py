"""What an export reads and marks: schema 4's partial index of the rows still to export, marking by rowid."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import kiosk.core.store as store_mod
from kiosk.core.requests import NewRequest
from kiosk.core.store import SCHEMA_VERSION, ExportRecord, RequestStore

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def req(name: str = "Ana Pérez") -> NewRequest:
    return NewRequest(name=name, phone="+447400123456", best_time="morning", symptoms=("groin_pain",), note="",
                      consent_version="2024-05", language="en")


def record(at: datetime, rows: int) -> ExportRecord:
    return ExportRecord(at=at, rows=rows, format="csv", destination="/x.csv", scope="new")


@pytest.fixture
def store(tmp_path: Path):
    with RequestStore(tmp_path / "requests.sqlite3") as s:
        yield s


def indexes(s: RequestStore) -> set[str]:
    return {r[0] for r in s._read("test", "SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_3_file_gets_the_partial_export_index_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "requests.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in store_mod.MIGRATIONS[:3]:
        step(conn)
    conn.executemany(
        "INSERT INTO requests (id, reference, created_at, name, phone, best_time, symptoms, note, consent_version, "
        "language, status, called_at, exported_at) VALUES (?, ?, ?, 'N', '+12025550143', 'any', '[]', '', 'v', 'en', "
        "?, ?, ?)",
        [("a", "PS-AAAA", "2024-01-01T12:00:00.000000+00:00", "new", None, None),
         ("b", "PS-BBBB", "2024-01-01T10:00:00.000000+00:00", "exported", None, "2024-01-03T09:00:00.000000+00:00"),
         ("c", "PS-CCCC", "2024-01-01T11:00:00.000000+00:00", "called", "2024-01-02T09:00:00.000000+00:00", None)])
    conn.execute("PRAGMA user_version = 3")
    assert "requests_exported_at" in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    with RequestStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4
        assert "requests_to_export" in indexes(s) and "requests_exported_at" not in indexes(s)
        assert s.count_for_export() == 2 and s.count_for_export(all_rows=True) == 3
        assert [row[1] for row in s.iter_export_rows()] == ["PS-CCCC", "PS-AAAA"], "oldest first"
        assert [row[1] for row in s.iter_export_rows(all_rows=True)] == ["PS-BBBB", "PS-CCCC", "PS-AAAA"]
        assert next(s.iter_export_rows())[2:] == ("2024-01-01T11:00:00.000000+00:00", "N", "+12025550143", "",
                                                  '["any","[]","en","called","v"]')
        plan = " ".join(str(r) for r in s._read("test", "EXPLAIN QUERY PLAN SELECT rowid FROM requests WHERE "
                                                "exported_at IS NULL ORDER BY created_at, rowid"))
        assert "requests_to_export" in plan and "TEMP B-TREE" not in plan, "an index walk, no sort"
        got = s.get("b")
        assert got is not None and got.exported_at == datetime(2024, 1, 3, 9, tzinfo=UTC)
        # The once-a-day purge still finds exactly the old exported rows (by a scan now).
        now = datetime(2024, 3, 1, tzinfo=UTC)
        assert s.count_due_for_purge(30, now) == 1 and s.purge_exported(30, now) == 1
        assert s.get("b") is None and s.count_for_export() == 2
        assert s.integrity_ok()


def test_marking_by_rowid_marks_exactly_the_rows_read_and_keeps_the_first_export_time(store: RequestStore) -> None:
    first = store.add(req("First"), now=T0)
    store.finish_export([first.id], record(T0 + timedelta(days=1), 1))
    rest = [store.add(req(f"R{i}"), now=T0 + timedelta(minutes=i)) for i in range(1000)]  # more than one chunk
    read = list(store.iter_export_rows(all_rows=True))
    assert [row[1] for row in read] == [first.reference] + [r.reference for r in rest]
    at = T0 + timedelta(days=2)
    store.finish_export_rows([row[0] for row in read], [row[1] for row in read], record(at, len(read)))
    assert store.count_for_export() == 0
    assert store.get(first.id).exported_at == T0 + timedelta(days=1), "the first export time stays"
    assert {store.get(r.id).exported_at for r in rest} == {at}


def test_rows_renumbered_between_read_and_mark_are_still_marked_by_id(store: RequestStore, tmp_path: Path) -> None:
    # The table has no INTEGER PRIMARY KEY, so a VACUUM in another process may renumber rowids between an export's
    # read and its mark. Simulated here by swapping two rows' rowids: the row read must be marked, not the other.
    done = store.add(req("Done"), now=T0)
    store.finish_export([done.id], record(T0 + timedelta(days=1), 1))
    todo = store.add(req("To do"), now=T0 + timedelta(minutes=1))
    read = list(store.iter_export_rows())
    assert [row[1] for row in read] == [todo.reference]
    other = sqlite3.connect(tmp_path / "requests.sqlite3", isolation_level=None)
    (done_rowid,), (todo_rowid,) = (other.execute("SELECT rowid FROM requests WHERE id = ?", (i,)).fetchone()
                                    for i in (done.id, todo.id))
    other.execute("BEGIN")
    other.execute("UPDATE requests SET rowid = -1 WHERE rowid = ?", (todo_rowid,))
    other.execute("UPDATE requests SET rowid = ? WHERE rowid = ?", (todo_rowid, done_rowid))
    other.execute("UPDATE requests SET rowid = ? WHERE rowid = -1", (done_rowid,))
    other.execute("COMMIT")
    other.close()
    at = T0 + timedelta(days=2)
    store.finish_export_rows([read[0][0]], [todo.reference], record(at, 1))
    assert store.get(todo.id).exported_at == at
    assert store.get(done.id).exported_at == T0 + timedelta(days=1), "the other row is untouched"
    assert store.count_for_export() == 0


def test_rowids_and_references_must_pair_up(store: RequestStore) -> None:
    a = store.add(req(), now=T0)
    with pytest.raises(ValueError):
        store.finish_export_rows([1, 2], [a.reference], record(T0, 1))
    assert store.count_for_export() == 1 and store.export_history() == []
