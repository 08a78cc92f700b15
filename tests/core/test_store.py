"""RequestStore: round trips, hostile values, failures (read-only, full disk, locked, corrupt), migrations,
permissions, counts, export marking and purging."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import kiosk.core.store as store_mod
from kiosk.core.requests import NewRequest, validate_request
from kiosk.core.store import (
    REFERENCE_ALPHABET,
    SCHEMA_VERSION,
    Counts,
    ExportRecord,
    RequestStore,
    StoreError,
)

POSIX = os.name == "posix"
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
REF_RE = re.compile(rf"^PS-[{REFERENCE_ALPHABET}]{{4}}$")


def make_req(name: str = "Ana Pérez", note: str = "", **kw) -> NewRequest:
    values = dict(
        name=name,
        phone="+447400123456",
        best_time="morning",
        symptoms=("groin_pain", "back_pain"),
        note=note,
        consent_version="2024-05",
        language="en",
    )
    values.update(kw)
    return NewRequest(**values)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "requests.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with RequestStore(db_path) as s:
        yield s


def file_bytes(db_path: Path) -> bytes:
    """The raw bytes of the database and its WAL, as a disk forensics tool would see them."""
    data = b""
    for suffix in ("", "-wal", "-journal"):
        p = Path(str(db_path) + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


# --- round trip -----------------------------------------------------------------------------------------


def test_add_get_round_trip(store: RequestStore):
    req = make_req(note="Pain when\nclimbing stairs")
    saved = store.add(req, now=T0)
    assert REF_RE.match(saved.reference)
    assert saved.created_at == T0 and saved.created_at.tzinfo is not None
    assert saved.status == "new" and saved.called_at is None and saved.exported_at is None

    loaded = store.get(saved.id)
    assert loaded == saved
    assert loaded.symptoms == ("groin_pain", "back_pain")
    assert (loaded.name, loaded.phone, loaded.best_time, loaded.note) == (req.name, req.phone, req.best_time, req.note)
    assert (loaded.consent_version, loaded.language) == ("2024-05", "en")
    assert store.get_by_reference(saved.reference) == saved
    assert store.get("no-such-id") is None


def test_round_trip_survives_reopen(db_path: Path):
    with RequestStore(db_path) as s:
        saved = s.add(make_req(), now=T0)
    with RequestStore(db_path) as s:
        assert s.get(saved.id) == saved


def test_non_utc_now_is_stored_as_utc(store: RequestStore):
    plus2 = timezone(timedelta(hours=2))
    saved = store.add(make_req(), now=datetime(2024, 5, 1, 11, 30, tzinfo=plus2))
    assert store.get(saved.id).created_at == T0
    assert store.get(saved.id).created_at.utcoffset() == timedelta(0)


def test_references_are_unique_and_unambiguous(store: RequestStore):
    refs = {store.add(make_req()).reference for _ in range(200)}
    assert len(refs) == 200
    assert all(REF_RE.match(r) for r in refs)
    assert not set("".join(refs)[3:]) & set("0O1I")


def test_reference_collision_is_retried(store: RequestStore, monkeypatch: pytest.MonkeyPatch):
    first = store.add(make_req())
    scripted = itertools.chain([first.reference, first.reference, "PS-ZZZZ"])
    monkeypatch.setattr(store_mod, "_random_reference", lambda: next(scripted))
    assert store.add(make_req()).reference == "PS-ZZZZ"


def test_no_free_reference_raises_and_stores_nothing(store: RequestStore, monkeypatch: pytest.MonkeyPatch):
    taken = store.add(make_req()).reference
    monkeypatch.setattr(store_mod, "_random_reference", lambda: taken)
    with pytest.raises(StoreError) as info:
        store.add(make_req(name="Second"))
    assert "Second" not in str(info.value)
    assert store.counts(T0).total == 1


def test_list_requests_newest_first_with_limit(store: RequestStore):
    ids = [store.add(make_req(name=f"P{i}"), now=T0 + timedelta(minutes=i)).id for i in range(5)]
    same_time = store.add(make_req(name="tie"), now=T0 + timedelta(minutes=4)).id
    listed = [r.id for r in store.list_requests()]
    assert listed == [same_time, *reversed(ids)]
    assert [r.id for r in store.list_requests(limit=2)] == [same_time, ids[4]]


def test_lone_surrogate_is_refused_without_crash_or_leak(store: RequestStore):
    with pytest.raises(ValueError) as info:
        store.add(make_req(name="Bad\ud800Name"))
    assert "Bad" not in str(info.value)
    assert store.counts(T0).total == 0
    store.add(make_req())  # still usable


# --- hostile values through validate_request + add ------------------------------------------------------

HOSTILE = [
    "=1+1",
    "+44",
    "-2",
    "@SUM(A1:A2)",
    '=HYPERLINK("http://x","y")',
    "\t=1+1",
    "\r=1+1",
    "😀👍🏽",
    "Ana 😀👍🏽",
    "مرحبا שלום",
    "x" * 10_000,
    "Ann\x00a",
    "\x00",
    "line1\nline2",
    "line1\r\nline2",
    'She said "hi"',
    "Smith, John",
    "'; DROP TABLE requests; --",
    "Robert'); DELETE FROM meta;--",
    "\u202eevil\u202c",
    "  ",
    "",
]
ALLOWED_CODES = {"required", "too_long", "invalid_chars"}


@pytest.mark.parametrize("value", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_values_round_trip_or_are_refused(store: RequestStore, value: str):
    for field in ("name", "note"):
        name = value if field == "name" else "Ana"
        note = value if field == "note" else ""
        req, errors = validate_request(
            name, "07400 123456", "any", ("hip",), note, True, region="GB", consent_version="v1", language="en"
        )
        if req is None:
            assert errors and {e.field for e in errors} == {field}
            assert {e.code for e in errors} <= ALLOWED_CODES
            continue
        saved = store.add(req)
        loaded = store.get(saved.id)
        assert loaded == saved
        assert (loaded.name, loaded.note) == (req.name, req.note)  # exactly what validation produced
        assert "\x00" not in loaded.name + loaded.note
    assert store.integrity_ok()
    # The SQL-looking values are data, never SQL: both tables still exist.
    assert store.get_meta("anything") is None and store.counts(T0).total >= 0


def test_formula_and_unicode_values_are_kept_exactly(store: RequestStore):
    for value in ["=1+1", "+44", "-2", "@SUM(A1)", "😀👍🏽", "مرحبا שלום", 'a "b", c', "line1\nline2"]:
        req, errors = validate_request(
            "Ana", "07400 123456", "any", (), value, True, region="GB", consent_version="v1", language="en"
        )
        assert errors == []
        assert store.get(store.add(req).id).note == value


# --- files, permissions, pragmas ------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_file_and_new_folder_are_owner_only(tmp_path: Path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "nested" / "requests.sqlite3"
        with RequestStore(path) as s:
            s.add(make_req())
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
            for suffix in ("-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
    finally:
        os.umask(old)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_existing_world_readable_file_is_tightened(db_path: Path):
    RequestStore(db_path).close()
    os.chmod(db_path, 0o644)
    RequestStore(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_pragmas(store: RequestStore, db_path: Path):
    # Per-connection settings can only be read through the store's own connection.
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.schema_version() == SCHEMA_VERSION
    assert store.integrity_ok()


def test_close_is_idempotent_and_use_after_close_is_a_store_error(db_path: Path):
    s = RequestStore(db_path)
    s.close()
    s.close()
    with pytest.raises(StoreError) as info:
        s.add(make_req())
    assert str(db_path) in str(info.value)
    assert not s.integrity_ok()


# --- migrations -----------------------------------------------------------------------------------------


def _make_v1_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    store_mod.MIGRATIONS[0](conn)  # exactly the version-1 schema
    conn.execute(
        "INSERT INTO requests (id, reference, created_at, name, phone, best_time, symptoms, note, "
        "consent_version, language, status) VALUES "
        "('id-1', 'PS-ABCD', '2024-01-02T03:04:05.000000+00:00', 'Old Row', '+447400123456', 'any', "
        "'[\"hip\"]', 'old note', 'v0', 'en', 'new')"
    )
    conn.execute("INSERT INTO meta (key, value) VALUES ('staff_pin', 'kept')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_migrates_a_version_1_file(db_path: Path):
    _make_v1_file(db_path)
    with RequestStore(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4
        old = s.get("id-1")
        assert old.name == "Old Row" and old.symptoms == ("hip",) and old.reference == "PS-ABCD"
        assert old.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
        assert s.get_meta("staff_pin") == "kept"
        s.record_export(ExportRecord(at=T0, rows=1, format="csv", destination="/x.csv", scope="new"))
        assert len(s.export_history()) == 1
        s.add(make_req())
        assert s.integrity_ok()


def test_migrates_an_empty_version_0_file(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")  # an empty file is a valid, empty SQLite database at user_version 0
    with RequestStore(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.add(make_req())


def test_failed_migration_step_is_rolled_back(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    _make_v1_file(db_path)

    def broken_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE exports (id INTEGER)")  # first half of the step succeeds ...
        conn.execute("THIS IS NOT SQL")  # ... then it fails

    monkeypatch.setattr(store_mod, "MIGRATIONS", (store_mod.MIGRATIONS[0], broken_step, *store_mod.MIGRATIONS[2:]))
    with pytest.raises(StoreError):
        RequestStore(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "exports" not in tables  # nothing half-applied
    conn.close()
    monkeypatch.undo()
    with RequestStore(db_path) as s:  # and the real migration still works afterwards
        assert s.schema_version() == SCHEMA_VERSION and s.get("id-1") is not None


def test_file_from_a_newer_version_is_refused_untouched(db_path: Path):
    RequestStore(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as info:
        RequestStore(db_path)
    assert info.value.kind == "other" and "newer" in str(info.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


def test_not_a_database_is_corrupt(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"Ana Perez +447400123456 this is not sqlite" * 200)
    with pytest.raises(StoreError) as info:
        RequestStore(db_path)
    assert info.value.kind == "corrupt"
    assert str(db_path) in str(info.value) and "Ana" not in str(info.value)


# --- failures: read-only, full disk, locked -------------------------------------------------------------


def test_read_only_open_refuses_writes_and_keeps_data(db_path: Path):
    """SQLite's mode=ro: a read-only handle, independent of the user (works as root too)."""
    with RequestStore(db_path) as s:
        kept = s.add(make_req(name="Kept Row"))
    with RequestStore(db_path, read_only=True) as ro:
        assert ro.get(kept.id) == kept
        with pytest.raises(StoreError) as info:
            ro.add(make_req(name="Lost Row"))
        assert info.value.kind == "read_only"
        assert str(db_path) in str(info.value) and "Lost" not in str(info.value)
        assert ro.counts(T0).total == 1
    with RequestStore(db_path) as s:
        s.add(make_req())
        assert s.counts(T0).total == 2


def _as_unprivileged_user(fn: Callable[[], dict]) -> dict:
    """Run fn where file permissions are enforced and return its JSON-able result.

    Root ignores chmod, and the test suite runs as root in CI. So as root we fork and drop to uid/gid
    65534 ("nobody") in the child -- a real permission check by the kernel, not a simulation. The child
    only uses modules already imported (it cannot read the interpreter's files after dropping privileges).
    """
    if os.geteuid() != 0:
        return fn()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report through the pipe, never return into pytest
        try:
            os.close(read_fd)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            result = fn()
        except BaseException as exc:
            result = {"child_error": type(exc).__name__}
        try:
            os.write(write_fd, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as f:
        data = f.read()
    os.waitpid(pid, 0)
    return json.loads(data or b"{}")


@pytest.fixture
def shared_dir():
    """A folder outside pytest's root-only tmp tree, so an unprivileged child can reach it."""
    path = Path(tempfile.mkdtemp(prefix="psoas-store-test-"))
    os.chmod(path, 0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        if p.is_dir():
            os.chmod(p, 0o755)
    shutil.rmtree(path, ignore_errors=True)


def _hand_to_unprivileged(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        for p in paths:
            os.chown(p, 65534, 65534)


@pytest.mark.skipif(not POSIX or not hasattr(os, "fork"), reason="POSIX permissions and fork")
@pytest.mark.parametrize("dir_mode", [0o500, 0o700], ids=["read-only-dir", "writable-dir"])
def test_read_only_permissions(shared_dir: Path, dir_mode: int):
    """chmod 0o400 file (+ 0o500 data folder): StoreError kind read_only, nothing lost, works once fixed."""
    data_dir = shared_dir / "data"
    path = data_dir / "requests.sqlite3"
    with RequestStore(path) as s:
        kept = s.add(make_req(name="Kept Row"))
    _hand_to_unprivileged([data_dir, path])
    os.chmod(path, 0o400)
    os.chmod(data_dir, dir_mode)

    def attempt() -> dict:
        try:
            with RequestStore(path) as s:
                s.add(make_req(name="Lost Row"))
            return {"kind": None}
        except StoreError as exc:
            return {"kind": exc.kind, "message": str(exc)}

    result = _as_unprivileged_user(attempt)
    assert result.get("kind") == "read_only", result
    assert str(path) in result["message"] and "Lost" not in result["message"]

    os.chmod(data_dir, 0o700)
    os.chmod(path, 0o600)
    with RequestStore(path) as s:
        assert [r.id for r in s.list_requests()] == [kept.id]
        s.add(make_req())
        assert s.counts(T0).total == 2 and s.integrity_ok()


def test_missing_folder_without_permission_is_read_only(shared_dir: Path):
    if not POSIX or not hasattr(os, "fork"):
        pytest.skip("POSIX permissions and fork")
    _hand_to_unprivileged([shared_dir])
    os.chmod(shared_dir, 0o500)

    def attempt() -> dict:
        try:
            RequestStore(shared_dir / "data" / "requests.sqlite3").close()
            return {"kind": None}
        except StoreError as exc:
            return {"kind": exc.kind, "message": str(exc)}

    result = _as_unprivileged_user(attempt)
    assert result.get("kind") == "read_only", result


def test_full_disk_keeps_old_rows_and_recovers(store: RequestStore):
    """Full disk via PRAGMA max_page_count (RequestStore.set_size_limit).

    Why this mechanism: a real full disk needs a small mounted filesystem (root + mount privileges) or
    filling the host's disk. max_page_count makes SQLite fail the write with the very same SQLITE_FULL
    code and rollback path, for any user, on any OS.
    """
    for i in range(3):
        store.add(make_req(name=f"Before {i}", note="n" * 400))
    store.set_size_limit(store.page_count())
    saved = 3
    with pytest.raises(StoreError) as info:
        for i in range(500):
            store.add(make_req(name=f"Overflow Person {i}", note="n" * 400))
            saved += 1
    assert info.value.kind == "disk_full"
    assert str(store.path) in str(info.value) and "Overflow" not in str(info.value)
    assert store.counts(T0).total == saved  # everything acknowledged is there, the failed add is not
    assert store.integrity_ok()

    store.set_size_limit(None)  # "space returns"
    store.add(make_req(name="After"))
    assert store.counts(T0).total == saved + 1
    assert store.integrity_ok()


def test_locked_by_another_writer(db_path: Path):
    with RequestStore(db_path, busy_timeout_ms=100) as s:
        s.add(make_req())
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError) as info:
            s.add(make_req(name="Waiting Person"))
        assert info.value.kind == "locked" and "Waiting" not in str(info.value)
        other.execute("ROLLBACK")
        other.close()
        s.add(make_req())
        assert s.counts(T0).total == 2


def test_reader_in_another_process_does_not_block_writes(db_path: Path):
    """WAL: the GUI reading while a CLI export writes (and vice versa) does not block."""
    with RequestStore(db_path, busy_timeout_ms=100) as gui, RequestStore(db_path, busy_timeout_ms=100) as cli:
        gui.add(make_req())
        reader = sqlite3.connect(db_path, isolation_level=None)
        reader.execute("BEGIN")
        assert reader.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 1
        gui.add(make_req())  # not blocked by the open read transaction
        rows = cli.for_export()
        cli.mark_exported([r.id for r in rows], T0)
        assert reader.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 1  # its snapshot
        reader.execute("COMMIT")
        reader.close()
        assert gui.counts(T0) == Counts(new=2, today=0, total=2)  # exported, not called


# --- counts ---------------------------------------------------------------------------------------------


def test_counts_use_local_calendar_day(store: RequestStore):
    est = timezone(timedelta(hours=-5))
    now = datetime(2024, 3, 10, 10, 0, tzinfo=est)
    store.add(make_req(), now=datetime(2024, 3, 10, 0, 0, tzinfo=est))  # local midnight: today
    store.add(make_req(), now=datetime(2024, 3, 10, 9, 59, tzinfo=est))  # today
    store.add(make_req(), now=datetime(2024, 3, 9, 23, 59, tzinfo=est))  # yesterday local, same UTC day
    store.add(make_req(), now=datetime(2024, 3, 11, 0, 0, tzinfo=est))  # tomorrow (clock skew)
    assert store.counts(now) == Counts(new=4, today=2, total=4)


def test_counts_new_means_not_called_yet_exported_or_not(store: RequestStore):
    a, b, _c = (store.add(make_req(), now=T0) for _ in range(3))
    assert store.mark_called([a.id], T0) == 1
    store.mark_exported([b.id], T0)
    assert store.counts(T0) == Counts(new=2, today=3, total=3)  # an export is not a call
    assert store.get(a.id).status == "called" and store.get(a.id).called_at == T0


def test_counts_with_default_now(store: RequestStore):
    store.add(make_req())
    assert store.counts() == Counts(new=1, today=1, total=1)
    assert store.counts(datetime.now()).today == 1  # naive = local time


def test_counts_on_empty_store(store: RequestStore):
    assert store.counts(T0) == Counts(0, 0, 0)


# --- export marking and history -------------------------------------------------------------------------


def test_for_export_and_marking(store: RequestStore):
    a = store.add(make_req(name="A"), now=T0)
    b = store.add(make_req(name="B"), now=T0 + timedelta(minutes=1))
    store.mark_called([b.id], T0 + timedelta(minutes=2))
    assert [r.id for r in store.for_export()] == [a.id, b.id]  # oldest first; called still counts as new

    t1 = T0 + timedelta(hours=1)
    assert store.mark_exported([a.id], t1) == 1
    assert [r.id for r in store.for_export()] == [b.id]
    assert [r.id for r in store.for_export(all_rows=True)] == [a.id, b.id]
    exported = store.get(a.id)
    assert exported.status == "exported" and exported.exported_at == t1

    # Re-exporting ("all") keeps the first export time, so the retention clock does not restart.
    store.mark_exported([a.id, b.id], t1 + timedelta(days=3))
    assert store.get(a.id).exported_at == t1
    assert store.get(b.id).exported_at == t1 + timedelta(days=3)
    assert store.for_export() == []
    # Calling back an exported request records the call but keeps it "exported".
    store.mark_called([a.id], t1)
    assert store.get(a.id).status == "exported" and store.get(a.id).called_at == t1


def test_finish_export_is_one_transaction(store: RequestStore):
    a = store.add(make_req(), now=T0)
    bad = ExportRecord(at=T0, rows=1, format="csv", destination="/x.csv", scope="bogus")
    with pytest.raises(ValueError):
        store.finish_export([a.id], bad)
    assert store.get(a.id).status == "new" and store.export_history() == []
    store.finish_export([a.id], ExportRecord(at=T0, rows=1, format="csv", destination="/x.csv", scope="new"))
    assert store.get(a.id).status == "exported"
    assert [(h.rows, h.format, h.destination, h.scope, h.at) for h in store.export_history()] == [
        (1, "csv", "/x.csv", "new", T0)
    ]


def test_export_history_newest_first_and_limited(store: RequestStore):
    for i in range(25):
        store.record_export(
            ExportRecord(at=T0 + timedelta(minutes=i), rows=i, format="xlsx", destination="d", scope="all")
        )
    history = store.export_history()
    assert len(history) == 20 and history[0].rows == 24 and history[-1].rows == 5
    assert all(h.id is not None for h in history)
    assert len(store.export_history(limit=3)) == 3


# --- purge ----------------------------------------------------------------------------------------------


def test_purge_removes_exactly_old_exported_rows_and_their_bytes(store: RequestStore, db_path: Path):
    now = T0 + timedelta(days=100)
    old_exported = store.add(make_req(name="Zanzibar Purgeable", note="QuixoticSecretNote"), now=T0)
    recent_exported = store.add(make_req(name="Recent Exported"), now=T0)
    never_exported = store.add(make_req(name="Never Exported"), now=T0)  # old but never exported
    called_only = store.add(make_req(name="Called Only"), now=T0)
    store.mark_exported([old_exported.id], now - timedelta(days=31))
    store.mark_exported([recent_exported.id], now - timedelta(days=29))
    store.mark_called([called_only.id], T0)

    # Sanity check of the method: personal data is findable in the raw bytes while it is stored.
    assert b"Zanzibar Purgeable" in file_bytes(db_path)

    # The staff panel asks first; the count follows the same rule as the delete.
    assert store.count_due_for_purge(30, now) == 1
    assert store.count_due_for_purge(28, now) == 2
    assert store.count_due_for_purge(30, now - timedelta(days=2)) == 0
    assert store.purge_exported(30, now) == 1
    assert store.count_due_for_purge(30, now) == 0
    remaining = {r.id for r in store.list_requests()}
    assert remaining == {recent_exported.id, never_exported.id, called_only.id}

    raw = file_bytes(db_path)  # with the store still open, as in the running kiosk
    assert b"Zanzibar Purgeable" not in raw
    assert b"QuixoticSecretNote" not in raw
    assert b"Recent Exported" in raw  # kept rows are still there
    assert store.integrity_ok()
    wal = Path(str(db_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0

    store.close()
    assert b"Zanzibar Purgeable" not in file_bytes(db_path)


def test_purge_succeeds_when_only_the_compaction_fails(store: RequestStore, monkeypatch: pytest.MonkeyPatch):
    r = store.add(make_req(), now=T0)
    store.mark_exported([r.id], T0)
    calls = []

    def busy() -> bool:
        calls.append(1)
        raise StoreError("locked", "busy")

    monkeypatch.setattr(store, "compact", busy)
    assert store.purge_exported(1, T0 + timedelta(days=2)) == 1  # the rows are gone: report that
    assert store.get(r.id) is None
    store.purge_exported(1, T0 + timedelta(days=3))  # nothing to delete, but the tidy-up is retried
    assert len(calls) == 2


def test_purge_with_nothing_to_delete(store: RequestStore):
    store.add(make_req(), now=T0)
    assert store.purge_exported(0, T0 + timedelta(days=1)) == 0
    assert store.counts(T0).total == 1
    with pytest.raises(ValueError):
        store.purge_exported(-1, T0)
    with pytest.raises(ValueError):
        store.count_due_for_purge(-1, T0)


def test_purge_due_once_a_day(store: RequestStore):
    assert store.purge_due(T0)
    store.purge_exported(30, T0)
    assert not store.purge_due(T0 + timedelta(hours=23))
    assert store.purge_due(T0 + timedelta(hours=24))
    assert store.purge_due(T0 - timedelta(hours=1))  # clock went backwards: do not wait for it to catch up
    store.set_meta(store_mod.META_LAST_PURGE, "garbage")
    assert store.purge_due(T0)


# --- meta -----------------------------------------------------------------------------------------------


def test_meta_set_get_delete(store: RequestStore, db_path: Path):
    assert store.get_meta("k") is None
    store.set_meta("k", "v1")
    store.set_meta("k", "v2")
    assert store.get_meta("k") == "v2"
    store.close()
    with RequestStore(db_path) as again:
        assert again.get_meta("k") == "v2"
        again.set_meta("k", None)
        assert again.get_meta("k") is None


def test_store_error_kinds_are_restricted():
    assert StoreError("weird", "x").kind == "other"
    assert StoreError("disk_full", "x").kind == "disk_full"
