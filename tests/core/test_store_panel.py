"""What the staff panel reads and writes: calls and exports as separate facts, pages, search, undo, schema 3."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import kiosk.core.store as store_mod
from kiosk.core.requests import NewRequest
from kiosk.core.store import SCHEMA_VERSION, Counts, RequestStore

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def req(name: str = "Ana Pérez", phone: str = "+447400123456") -> NewRequest:
    return NewRequest(name=name, phone=phone, best_time="morning", symptoms=("groin_pain",), note="a note",
                      consent_version="2024-05", language="en")


@pytest.fixture
def store(tmp_path: Path):
    with RequestStore(tmp_path / "requests.sqlite3") as s:
        yield s


def test_a_version_2_file_gets_the_panel_indexes_and_keeps_calls_and_exports(tmp_path: Path) -> None:
    path = tmp_path / "requests.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in store_mod.MIGRATIONS[:2]:
        step(conn)
    conn.executemany(
        "INSERT INTO requests (id, reference, created_at, name, phone, best_time, symptoms, note, consent_version, "
        "language, status, called_at, exported_at) VALUES (?, ?, ?, 'N', '+12025550143', 'any', '[]', '', 'v', 'en', "
        "?, ?, ?)",
        [("a", "PS-AAAA", "2024-01-01T10:00:00.000000+00:00", "new", None, None),
         ("b", "PS-BBBB", "2024-01-01T11:00:00.000000+00:00", "called", "2024-01-01T12:00:00.000000+00:00", None),
         ("c", "PS-CCCC", "2024-01-01T12:00:00.000000+00:00", "exported", "2024-01-02T09:00:00.000000+00:00",
          "2024-01-03T09:00:00.000000+00:00")])
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with RequestStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4
        indexes = {r[0] for r in s._read("test", "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"requests_to_call", "requests_called"} <= indexes
        c = s.get("c")
        assert c is not None and c.called_at is not None and c.exported_at is not None, "both facts kept"
        assert [r.id for _key, r in s.list_page("called")] == ["c", "b"]
        assert [r.id for _key, r in s.list_page("new")] == ["a"]
        assert s.counts(datetime(2024, 1, 1, 13, tzinfo=UTC)).new == 1


def test_a_call_and_an_export_are_separate_facts(store: RequestStore) -> None:
    a = store.add(req(), now=T0)
    store.mark_exported([a.id], T0 + timedelta(days=1))
    assert store.counts(T0).new == 1, "exported is not called"
    store.mark_called([a.id], T0 + timedelta(days=2))
    got = store.get(a.id)
    assert got is not None and got.called_at == T0 + timedelta(days=2) and got.exported_at == T0 + timedelta(days=1)
    assert store.counts(T0) == Counts(new=0, today=1, total=1)


def test_undo_restores_the_earlier_call_state_unless_called_again(store: RequestStore) -> None:
    a, b, c = (store.add(req(), now=T0) for _ in range(3))
    store.mark_called([c.id], T0)  # called before, marked again below
    t1 = T0 + timedelta(hours=1)
    store.mark_called([a.id, b.id, c.id], t1)
    store.mark_called([b.id], t1 + timedelta(seconds=30))  # b called once more meanwhile: not undone
    assert store.undo_called({a.id: None, b.id: None, c.id: T0}, t1) == 2
    got = store.get_many([a.id, b.id, c.id])
    assert got[a.id].called_at is None and got[a.id].status == "new"
    assert got[b.id].called_at == t1 + timedelta(seconds=30)
    assert got[c.id].called_at == T0 and got[c.id].status == "called"


def test_pages_walk_every_row_newest_first_without_gaps(store: RequestStore) -> None:
    ids = [store.add(req(f"P{i}"), now=T0 + timedelta(minutes=i // 3)).id for i in range(25)]  # ties in time
    seen: list[str] = []
    after = None
    while True:
        page = store.list_page("all", after=after, limit=7)
        if not page:
            break
        seen += [r.id for _key, r in page]
        after = page[-1][0]
    assert seen == list(reversed(ids))


def test_search_by_reference_name_or_phone_digits(store: RequestStore) -> None:
    ana = store.add(req("Ana Pérez", "+447400123456"), now=T0)
    bob = store.add(req("Bob 100% Smith", "+12025550143"), now=T0)
    assert [r.id for _k, r in store.list_page(search=ana.reference.lower())] == [ana.id]
    assert [r.id for _k, r in store.list_page(search=ana.reference[3:])] == [ana.id]
    assert [r.id for _k, r in store.list_page(search="  ana  pérez ")] == [ana.id]
    assert [r.id for _k, r in store.list_page(search="(202) 555-0143")] == [bob.id]
    assert [r.id for _k, r in store.list_page(search="07400 123456")] == [ana.id], "national number with its 0"
    assert [r.id for _k, r in store.list_page(search="100%")] == [bob.id], "% is a character, not a wildcard"
    assert store.list_page(search="nobody") == []
    store.mark_called([bob.id], T0)
    assert [r.id for _k, r in store.list_page("new", search="555")] == []
    assert [r.id for _k, r in store.list_page("called", search="555")] == [bob.id]
