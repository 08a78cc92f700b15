"""RequestStore: the kiosk's SQLite file (`requests.sqlite3`) with the patients' requests.

Qt-free. Durability and privacy choices, in one place:
* WAL journal + `synchronous=FULL`: add() returns only after the commit is fsynced, and a GUI reading the
  file never blocks a CLI export writing it (and vice versa, with `busy_timeout` for writer/writer).
* `secure_delete=ON` + checkpoint(TRUNCATE) + VACUUM after a purge: deleted personal data is overwritten
  in the file instead of lingering in free pages or in the WAL.
* `temp_store=MEMORY`: sorts and VACUUM's scratch copy stay in RAM, not in a temp file on disk.
* The file (and a newly created data folder) is owner-only (0o600 / 0o700) on POSIX.
* Every failure surfaces as StoreError with a `kind` and a message naming the file and the problem, never
  the patient's data; the transaction is rolled back and the store stays usable.
* `PRAGMA user_version` holds the schema version; MIGRATIONS[i] turns version i into i+1, each step in its
  own transaction together with the version bump.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sqlite3
import uuid
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from kiosk.core.domain import STATUS_CALLED, STATUS_NEW, purge_cutoff, purge_is_due
from kiosk.core.requests import NewRequest
from kiosk.core.store_marks import ID_CHUNK, mark_by_id, mark_rows
from kiosk.core.store_schema import _KIND_TEXT, MIGRATIONS, SCHEMA_VERSION, _classify

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "RequestStore", "StoreError", "StoredRequest"]

log = logging.getLogger(__name__)

DB_FILE_NAME = "requests.sqlite3"
BUSY_TIMEOUT_MS = 5000
REFERENCE_PREFIX = "PS-"
# No 0/O or 1/I: references are read out over the phone and copied by hand.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 4
_REFERENCE_ATTEMPTS = 100
EXPORT_SCOPES = ("new", "all")
META_LAST_PURGE = "last_purge"


class StoreError(Exception):
    """A problem with the request database. `kind` is one of KINDS; the message is for IT (path + problem,
    never personal data)."""

    KINDS = ("read_only", "disk_full", "locked", "corrupt", "other")

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind if kind in self.KINDS else "other"


@dataclass(frozen=True)
class StoredRequest:
    id: str
    reference: str
    created_at: datetime  # aware, UTC
    name: str
    phone: str
    best_time: str
    symptoms: tuple[str, ...]
    note: str
    consent_version: str
    language: str
    status: str  # one of kiosk.core.domain.STATUSES
    called_at: datetime | None
    exported_at: datetime | None  # the *first* export; re-exports ("all") do not move it


@dataclass(frozen=True)
class Counts:
    new: int  # not called yet (exported or not: an export is not a call)
    today: int  # created today (local calendar day)
    total: int


# The staff panel's filters: every request, those still to call, those called.
VIEWS = ("all", "new", "called")
_VIEW_WHERE = {"all": "", "new": "called_at IS NULL", "called": "called_at IS NOT NULL"}
PageKey = tuple[str, int]  # (created_at ISO text, rowid): where the next page of list_page() starts


@dataclass(frozen=True)
class ExportRecord:
    at: datetime
    rows: int
    format: str  # "csv" | "xlsx"
    destination: str  # the file written
    scope: str  # "new" | "all"
    id: int | None = None


# --- time helpers -------------------------------------------------------------------------------------------


def _utc(dt: datetime | None) -> datetime:
    """Aware UTC. None = now; a naive datetime is taken as local time (what datetime.now() gives)."""
    if dt is None:
        return datetime.now(UTC)
    return dt.astimezone(UTC)


def _iso(dt: datetime) -> str:
    # One fixed-width format so that text comparison in SQL orders like time.
    return _utc(dt).isoformat(timespec="microseconds")


def _from_iso(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).astimezone(UTC)



_COLUMNS = (
    "id, reference, created_at, name, phone, best_time, symptoms, note, consent_version, language, "
    "status, called_at, exported_at"
)


# iter_export_rows(): what an export needs, in this order. The rowid and the reference (unique) are what
# finish_export_rows() marks the written rows by. The columns whose values repeat from row to row come as one JSON
# array text (json_array(best_time, symptoms, language, status, consent_version)): one string per row for Python to
# make instead of five, and one dictionary key for the export's texts of all five (0.26 s -> 0.21 s for 100,000).
EXPORT_ROW_COLUMNS = (
    "rowid", "reference", "created_at", "name", "phone", "note",
    "json_array(best_time, symptoms, language, status, consent_version)",
)
# domain's retention rule in SQL, for purge_exported() and count_due_for_purge() alike: exported, and first
# exported before the cutoff (the one parameter). exported_at never moves after the first export. A table scan since
# schema 4 (only the rows still to export are indexed): ~10 ms for 100,000 requests, for a once-a-day purge.
_DUE_FOR_PURGE = "exported_at IS NOT NULL AND exported_at < ?"


def _row_to_request(row: tuple) -> StoredRequest:
    created = _from_iso(row[2])
    assert created is not None
    return StoredRequest(
        id=row[0],
        reference=row[1],
        created_at=created,
        name=row[3],
        phone=row[4],
        best_time=row[5],
        symptoms=tuple(json.loads(row[6])),
        note=row[7],
        consent_version=row[8],
        language=row[9],
        status=row[10],
        called_at=_from_iso(row[11]),
        exported_at=_from_iso(row[12]),
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_condition(search: str) -> tuple[str, list[object]]:
    """SQL (and its parameters) matching a staff search: reference, name or phone digits. ("", []) for none."""
    text = " ".join(search.split())
    if not text:
        return "", []
    parts = ["reference LIKE ? ESCAPE '\\'", "name LIKE ? ESCAPE '\\'"]
    params: list[object] = [f"%{_like_escape(text.upper())}%", f"%{_like_escape(text)}%"]
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    # Phone numbers are stored in E.164 ("+12025550143"); a national number typed with its trunk 0
    # ("07700 900123") is found without the 0. Fewer than 3 digits would match nearly everything.
    digits = digits.lstrip("0") if len(digits.lstrip("0")) >= 3 else digits
    if len(digits) >= 3:
        parts.append("phone LIKE ?")
        params.append(f"%{digits}%")
    return "(" + " OR ".join(parts) + ")", params


def _random_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


# --- the store ----------------------------------------------------------------------------------------------


class RequestStore:
    """The request database. One instance per process (the GUI and a CLI export may run side by side).

    Not thread-safe: use it from the thread that created it.
    """

    def __init__(self, path: Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        """Open (creating if needed, unless read_only) and migrate the database at `path`.

        `read_only=True` opens with SQLite's `mode=ro` (for inspection tools): no file is created, nothing
        is migrated and every write raises StoreError(kind="read_only").
        `busy_timeout_ms`: how long a write waits for another process's write (e.g. a CLI export) to finish.
        Raises StoreError when the file cannot be opened or is not a usable kiosk database.
        """
        self.path = Path(path)
        self.read_only = read_only
        self.busy_timeout_ms = int(busy_timeout_ms)
        self._compact_pending = False
        self._reopen_pending = False  # see _write(): a connection that SQLite opened read-only
        self._size_limit: int | None = None  # set_size_limit()'s cap, applied again to a new connection
        self._conn: sqlite3.Connection | None = None
        try:
            if not read_only:
                self._prepare_files()
            self._conn = self._connect()
            self._configure()
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise self._error(exc, "opening") from exc
        except StoreError:
            self.close()
            raise

    # -- opening --

    def _prepare_files(self) -> None:
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with contextlib.suppress(OSError, NotImplementedError):
                os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
        if not self.path.exists():
            # Create it ourselves so it is owner-only from the first byte; SQLite then gives the -wal and
            # -shm files the same permissions as the database file.
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                os.close(fd)
            except FileExistsError:
                pass  # another process (GUI / CLI) created it a moment ago: fine
        with contextlib.suppress(OSError, NotImplementedError):
            # Also tightens a file created by an older build or copied in by hand. No-op on Windows.
            if os.name == "posix" and (self.path.stat().st_mode & 0o077):
                os.chmod(self.path, 0o600)

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        else:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so we know exactly what is atomic.
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        return conn

    def _configure(self) -> None:
        conn = self._db
        conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
        if not self.read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("SQLite refused WAL mode for %s (got %s); continuing", self.path, mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")

    def _migrate(self) -> None:
        conn = self._db
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                "other",
                f"Request database {self.path}: schema version {version} was written by a newer kiosk "
                f"version (this one understands up to {SCHEMA_VERSION}); update the kiosk software.",
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(
                "read_only",
                f"Request database {self.path}: schema version {version} needs upgrading to "
                f"{SCHEMA_VERSION}, which is impossible read-only; open it once with the kiosk.",
            )
        for step in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-read inside the write lock: another process may have migrated meanwhile.
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current == step:
                    MIGRATIONS[step](conn)
                    conn.execute(f"PRAGMA user_version = {step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            log.info("request database migrated to schema version %d", step + 1)

    # -- plumbing --

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            if self._reopen_pending:  # a reconnect (see _write) failed last time: try again
                self._reopen("reconnecting")
                assert self._conn is not None
                return self._conn
            raise StoreError("other", f"Request database {self.path}: the store is closed.")
        return self._conn

    def _error(self, exc: BaseException, action: str) -> StoreError:
        kind, name = _classify(exc)
        text = _KIND_TEXT[kind].format(timeout=self.busy_timeout_ms)
        # Only our own words, the path and SQLite's error *name*: never the SQL values, never patient data.
        return StoreError(kind, f"Request database {self.path}: {action} failed: {text} [{name}].")

    def _rollback(self) -> None:
        if self._conn is not None:
            self._rollback_conn(self._conn)

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: all or nothing, and StoreError on failure.

        BEGIN IMMEDIATE takes the write lock up front, so busy_timeout covers the whole wait and a reader
        never has to be upgraded mid-transaction (which can fail with SQLITE_BUSY without waiting).
        """
        if self._reopen_pending:
            self._reopen(action)
        conn = self._db
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            self._rollback()
            error = self._error(exc, action)
            if error.kind == "read_only" and not self.read_only:
                # When SQLite cannot open the file for writing (a read-only mount, permissions) it opens it
                # read-only without a word, and that connection stays read-only after the cause is fixed:
                # reconnect before the next write, so saving works again without restarting the kiosk.
                self._reopen_pending = True
            raise error from exc
        except BaseException:
            self._rollback()
            raise

    def _reopen(self, action: str) -> None:
        """Replace the connection with a fresh one (see _write); raises StoreError if that fails.

        The old connection goes first: connections to one file in one process share SQLite's view of the
        file's shared-memory index, which stays read-only for as long as any of them is open."""
        old, self._conn = self._conn, None
        if old is not None:
            self._rollback_conn(old)
            with contextlib.suppress(sqlite3.Error):
                old.close()
        try:
            self._conn = self._connect()
            self._configure()
            self._migrate()
            if self._size_limit is not None:
                self._conn.execute(f"PRAGMA max_page_count = {self._size_limit}")
        except (sqlite3.Error, OSError, StoreError) as exc:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None  # the next use tries again (still _reopen_pending)
            if isinstance(exc, StoreError):
                raise
            raise self._error(exc, action) from exc
        self._reopen_pending = False

    def _read(self, action: str, sql: str, params: Iterable = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc, action) from exc

    # -- requests --

    def add(self, req: NewRequest, now: datetime | None = None) -> StoredRequest:
        """Store a request; returns only after the commit is durable (fsynced). Raises StoreError."""
        created = _utc(now)
        request_id = str(uuid.uuid4())
        symptoms = json.dumps(list(req.symptoms))
        with self._write("saving a request") as conn:
            # We hold the write lock, so a free reference stays free until our INSERT.
            for _ in range(_REFERENCE_ATTEMPTS):
                reference = _random_reference()
                if conn.execute("SELECT 1 FROM requests WHERE reference = ?", (reference,)).fetchone() is None:
                    break
            else:
                raise StoreError("other", f"Request database {self.path}: no free reference number left.")
            try:
                conn.execute(
                    f"INSERT INTO requests ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                    (
                        request_id,
                        reference,
                        _iso(created),
                        req.name,
                        req.phone,
                        req.best_time,
                        symptoms,
                        req.note,
                        req.consent_version,
                        req.language,
                        STATUS_NEW,
                    ),
                )
            except UnicodeEncodeError:
                # Lone surrogates cannot be UTF-8; validate_request removes them. No data in the message.
                raise ValueError("request text cannot be stored as UTF-8 (use validate_request)") from None
        return StoredRequest(
            id=request_id,
            reference=reference,
            created_at=_from_iso(_iso(created)) or created,
            name=req.name,
            phone=req.phone,
            best_time=req.best_time,
            symptoms=tuple(req.symptoms),
            note=req.note,
            consent_version=req.consent_version,
            language=req.language,
            status=STATUS_NEW,
            called_at=None,
            exported_at=None,
        )

    def get(self, request_id: str) -> StoredRequest | None:
        rows = self._read("reading a request", f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (request_id,))
        return _row_to_request(rows[0]) if rows else None

    def get_by_reference(self, reference: str) -> StoredRequest | None:
        rows = self._read("reading a request", f"SELECT {_COLUMNS} FROM requests WHERE reference = ?", (reference,))
        return _row_to_request(rows[0]) if rows else None

    def list_requests(self, limit: int | None = None) -> list[StoredRequest]:
        """Newest first (ties: most recently inserted first)."""
        sql = f"SELECT {_COLUMNS} FROM requests ORDER BY created_at DESC, rowid DESC"
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (max(0, int(limit)),)
        return [_row_to_request(r) for r in self._read("listing requests", sql, params)]

    def list_page(self, view: str = "all", search: str = "", after: PageKey | None = None,
                  limit: int = 100) -> list[tuple[PageKey, StoredRequest]]:
        """One page of the staff panel's list, newest first: (key, request) pairs; pass the last key as `after`
        for the next page. `view` is one of VIEWS; `search` matches the reference, the name (case-insensitive
        for ASCII letters) or the phone's digits (a national number's leading 0 is ignored). Raises StoreError.

        Keyset paging on (created_at, rowid) walks the created_at index (a partial index for "new"/"called"),
        so any page costs about the same however far down the list it is.
        """
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        where: list[str] = [_VIEW_WHERE[view]] if _VIEW_WHERE[view] else []
        params: list[object] = []
        condition, search_params = _search_condition(search)
        if condition:
            where.append(condition)
            params += search_params
        if after is not None:
            where.append("(created_at, rowid) < (?, ?)")
            params += [after[0], int(after[1])]
        # A search reads every row anyway: one pass over the table and a sort of the matches beats walking the
        # index and fetching each row from it (40 ms instead of 90 ms for 100,000 requests and no match).
        table = "requests NOT INDEXED" if condition else "requests"
        sql = (f"SELECT rowid, {_COLUMNS} FROM {table} {'WHERE ' + ' AND '.join(where) if where else ''} "
               "ORDER BY created_at DESC, rowid DESC LIMIT ?")
        params.append(max(0, int(limit)))
        rows = self._read("listing requests", sql, params)
        return [((r[3], int(r[0])), _row_to_request(r[1:])) for r in rows]

    def get_many(self, ids: Iterable[str]) -> dict[str, StoredRequest]:
        """The requests with these ids (missing ones are left out), by id. Raises StoreError."""
        id_list = list(ids)
        found: dict[str, StoredRequest] = {}
        for start in range(0, len(id_list), ID_CHUNK):
            part = id_list[start : start + ID_CHUNK]
            rows = self._read("reading requests",
                              f"SELECT {_COLUMNS} FROM requests WHERE id IN ({', '.join('?' * len(part))})", part)
            found.update((r[0], _row_to_request(r)) for r in rows)
        return found

    def counts(self, now: datetime | None = None) -> Counts:
        """new = not called yet; today = created on `now`'s calendar day.

        The day is taken in `now`'s own time zone when `now` is aware (pass a ZoneInfo-aware datetime
        for exact DST days), in the computer's local time zone when `now` is None or naive.
        """
        if now is None or now.tzinfo is None:
            local = (now or datetime.now()).replace(tzinfo=None)
            # Naive midnight -> astimezone() asks the OS for that moment's offset, so DST days are right.
            start = datetime(local.year, local.month, local.day).astimezone()
            next_day = local.date() + timedelta(days=1)
            end = datetime(next_day.year, next_day.month, next_day.day).astimezone()
        else:
            day = now.date()
            start = datetime(day.year, day.month, day.day, tzinfo=now.tzinfo)
            nd = day + timedelta(days=1)
            end = datetime(nd.year, nd.month, nd.day, tzinfo=now.tzinfo)
        # Three index counts (the partial "to call" index, a created_at range, the smallest index), not one pass
        # over every row: 100,000 requests count in a few milliseconds.
        row = self._read(
            "counting requests",
            """
            SELECT
                (SELECT COUNT(*) FROM requests WHERE called_at IS NULL),
                (SELECT COUNT(*) FROM requests WHERE created_at >= ? AND created_at < ?),
                (SELECT COUNT(*) FROM requests)
            """,
            (_iso(start), _iso(end)),
        )[0]
        return Counts(new=row[0], today=row[1], total=row[2])

    def mark_called(self, ids: Iterable[str], now: datetime | None = None) -> int:
        """Record that staff called these requests back. Returns how many rows changed.

        Status 'new' becomes 'called'; an exported request keeps status 'exported' but gets called_at.
        """
        at = _iso(_utc(now))
        with self._write("marking requests as called") as conn:
            cur = conn.executemany(
                """
                UPDATE requests
                   SET called_at = ?, status = CASE status WHEN ? THEN ? ELSE status END
                 WHERE id = ?
                """,
                [(at, STATUS_NEW, STATUS_CALLED, i) for i in ids],
            )
            return max(cur.rowcount, 0)

    def undo_called(self, previous: dict[str, datetime | None], called_at: datetime) -> int:
        """Undo mark_called(ids, called_at): each row whose call is still that one gets back its earlier call
        time from `previous` (None: not called, and status 'called' goes back to 'new'). A row called again
        since then is left alone. Returns how many rows changed."""
        at = _iso(_utc(called_at))
        with self._write("undoing a call") as conn:
            changed = 0
            for request_id, before in previous.items():
                before_iso = None if before is None else _iso(before)
                cur = conn.execute(
                    """
                    UPDATE requests
                       SET called_at = ?,
                           status = CASE WHEN ? IS NULL AND status = ? THEN ? ELSE status END
                     WHERE id = ? AND called_at = ?
                    """,
                    (before_iso, before_iso, STATUS_CALLED, STATUS_NEW, request_id, at),
                )
                changed += max(cur.rowcount, 0)
            return changed

    def for_export(self, all_rows: bool = False) -> list[StoredRequest]:
        """Rows to export, oldest first. Default: never exported (status new or called); all_rows: every row."""
        where = "" if all_rows else "WHERE exported_at IS NULL"
        sql = f"SELECT {_COLUMNS} FROM requests {where} ORDER BY created_at, rowid"
        return [_row_to_request(r) for r in self._read("reading requests for export", sql)]

    def count_for_export(self, all_rows: bool = False) -> int:
        """How many rows for_export(all_rows) holds (an index count). Raises StoreError."""
        where = "" if all_rows else "WHERE exported_at IS NULL"
        return int(self._read("counting requests for export", f"SELECT COUNT(*) FROM requests {where}")[0][0])

    def iter_export_rows(self, all_rows: bool = False) -> Generator[tuple, None, None]:
        """The rows of for_export(all_rows), same order, as raw tuples of EXPORT_ROW_COLUMNS, streamed (for
        finish_export_rows(): the rowid and the reference of each row).

        For big exports: one cursor read in batches keeps memory flat (100,000 StoredRequest objects are
        ~150 MB) and skips parsing the export does not need (created_at stays ISO-8601 UTC text, the repeating
        columns one JSON text). One statement reads one consistent snapshot, however long the caller takes between
        rows. Exhaust or close the iterator before writing through this store. Raises StoreError.
        """
        where = "" if all_rows else "WHERE exported_at IS NULL"
        sql = f"SELECT {', '.join(EXPORT_ROW_COLUMNS)} FROM requests {where} ORDER BY created_at, rowid"
        try:
            cursor = self._db.execute(sql)
        except sqlite3.Error as exc:
            raise self._error(exc, "reading requests for export") from exc
        try:
            while True:
                try:
                    batch = cursor.fetchmany(1000)
                except sqlite3.Error as exc:
                    raise self._error(exc, "reading requests for export") from exc
                if not batch:
                    return
                yield from batch
        finally:
            cursor.close()

    @staticmethod
    def _insert_export(conn: sqlite3.Connection, record: ExportRecord) -> int:
        if record.scope not in EXPORT_SCOPES:
            raise ValueError(f"unknown export scope {record.scope!r}")
        cur = conn.execute(
            "INSERT INTO exports (at, rows, format, destination, scope) VALUES (?, ?, ?, ?, ?)",
            (_iso(record.at), int(record.rows), record.format, str(record.destination), record.scope),
        )
        return int(cur.lastrowid or 0)

    def mark_exported(self, ids: Iterable[str], now: datetime | None = None) -> int:
        at = _iso(_utc(now))
        with self._write("marking requests as exported") as conn:
            return mark_by_id(conn, ids, at)

    def record_export(self, record: ExportRecord) -> int:
        """Append to the export history; returns the new record id."""
        with self._write("recording an export") as conn:
            return self._insert_export(conn, record)

    def finish_export(self, ids: Iterable[str], record: ExportRecord) -> int:
        """mark_exported(ids, record.at) + record_export(record) in ONE transaction; returns the record id."""
        with self._write("recording an export") as conn:
            mark_by_id(conn, ids, _iso(record.at))
            return self._insert_export(conn, record)

    def finish_export_rows(self, rowids: Sequence[int], references: Sequence[str], record: ExportRecord) -> int:
        """finish_export() for the rows iter_export_rows() gave, by their rowids and references (same order)."""
        with self._write("recording an export") as conn:
            mark_rows(conn, rowids, references, _iso(record.at))
            return self._insert_export(conn, record)

    def export_history(self, limit: int = 20) -> list[ExportRecord]:
        """Most recent first."""
        rows = self._read(
            "reading the export history",
            "SELECT id, at, rows, format, destination, scope FROM exports ORDER BY at DESC, id DESC LIMIT ?",
            (max(0, int(limit)),),
        )
        return [
            ExportRecord(
                at=_from_iso(r[1]) or _utc(None), rows=r[2], format=r[3], destination=r[4], scope=r[5], id=r[0]
            )
            for r in rows
        ]

    # -- retention (the rule: kiosk.core.domain) --

    def count_due_for_purge(self, older_than_days: int, now: datetime | None = None) -> int:
        """How many requests purge_exported(older_than_days, now) would delete. Raises StoreError."""
        cutoff = _iso(purge_cutoff(older_than_days, _utc(now)))
        return int(self._read("counting old requests", f"SELECT COUNT(*) FROM requests WHERE {_DUE_FOR_PURGE}",
                              (cutoff,))[0][0])

    def purge_exported(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete requests first exported more than `older_than_days` days before `now`.

        Never touches a request that was not exported. Afterwards the WAL is checkpointed and truncated and
        the file is VACUUMed, so the deleted text is gone from the file's bytes, not just unlinked.
        Returns the number of deleted requests and records the time for purge_due().
        """
        at = _utc(now)
        cutoff = _iso(purge_cutoff(older_than_days, at))
        with self._write("purging old requests") as conn:
            cur = conn.execute(f"DELETE FROM requests WHERE {_DUE_FOR_PURGE}", (cutoff,))
            deleted = max(cur.rowcount, 0)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (META_LAST_PURGE, _iso(at)),
            )
        if deleted:
            try:
                self.compact()
            except StoreError as exc:
                # The rows are gone (and secure_delete zeroed their cells); only the tidy-up failed. Reporting
                # the purge as failed would make staff think the data is still there. Retried next purge.
                log.warning("request database %s: compaction after purge failed (%s)", self.path, exc.kind)
                self._compact_pending = True
        elif self._compact_pending:
            with contextlib.suppress(StoreError):
                self.compact()
                self._compact_pending = False
        log.info("purged %d exported request(s)", deleted)
        return deleted

    def compact(self) -> bool:
        """VACUUM + checkpoint(TRUNCATE): rewrite the file without free pages and empty the WAL.

        Returns False if another connection was reading, so part of the WAL could not be truncated yet
        (it will be at a later checkpoint); raises StoreError on real errors.
        """
        conn = self._db
        try:
            conn.execute("VACUUM")
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc, "compacting") from exc
        if busy:
            log.warning("request database %s: WAL checkpoint incomplete (another reader); will retry later", self.path)
        return not busy

    def purge_due(self, now: datetime | None = None) -> bool:
        """True when no purge ran within domain.PURGE_EVERY (a day) or the clock went backwards since."""
        last = self.get_meta(META_LAST_PURGE)
        try:
            last_at = _from_iso(last)
        except ValueError:
            return True
        return purge_is_due(last_at, _utc(now))

    # -- meta --

    def get_meta(self, key: str) -> str | None:
        rows = self._read("reading settings", "SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set a meta value durably; None deletes the key."""
        with self._write("saving settings") as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # -- maintenance --

    def integrity_ok(self) -> bool:
        """PRAGMA integrity_check says "ok" (False on any error, including an unreadable file)."""
        try:
            rows = self._db.execute("PRAGMA integrity_check").fetchall()
        except (sqlite3.Error, StoreError):
            return False
        return rows == [("ok",)]

    def schema_version(self) -> int:
        return int(self._read("reading the schema version", "PRAGMA user_version")[0][0])

    def set_size_limit(self, max_pages: int | None) -> int:
        """Cap the database at `max_pages` pages for this connection (None: SQLite's default maximum).

        Why: lets IT bound the space the kiosk may use, and lets tests simulate a full disk on any OS and
        as any user (root ignores file permissions, and tmpfs quotas need privileges). SQLite never
        lowers the cap below the current size. Returns the effective cap.
        """
        value = 0xFFFFFFFE if max_pages is None else max(1, int(max_pages))
        self._size_limit = None if max_pages is None else value
        return int(self._read("setting the size limit", f"PRAGMA max_page_count = {value}")[0][0])

    def page_count(self) -> int:
        return int(self._read("reading the file size", "PRAGMA page_count")[0][0])

    def close(self) -> None:
        """Close the connection (idempotent). The last connection to close also removes the WAL file."""
        conn, self._conn = self._conn, None
        self._reopen_pending = False
        if conn is not None:
            self._rollback_conn(conn)
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    @staticmethod
    def _rollback_conn(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    def __enter__(self) -> RequestStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RequestStore({str(self.path)!r})"
