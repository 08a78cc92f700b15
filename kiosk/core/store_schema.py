"""The request database's schema (MIGRATIONS, one step per version) and how SQLite and OS errors are classified.

Qt-free; kiosk.core.store applies both. Split from store.py only to keep each module readable.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable

# --- schema -------------------------------------------------------------------------------------------------


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE requests (
            id              TEXT PRIMARY KEY,
            reference       TEXT NOT NULL UNIQUE,
            created_at      TEXT NOT NULL,
            name            TEXT NOT NULL,
            phone           TEXT NOT NULL,
            best_time       TEXT NOT NULL,
            symptoms        TEXT NOT NULL DEFAULT '[]',
            note            TEXT NOT NULL DEFAULT '',
            consent_version TEXT NOT NULL,
            language        TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'called', 'exported')),
            called_at       TEXT,
            exported_at     TEXT
        )
        """
    )
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    # Version 2 added the export history and the indexes the staff panel and the purge rely on.
    conn.execute(
        """
        CREATE TABLE exports (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            rows        INTEGER NOT NULL,
            format      TEXT NOT NULL,
            destination TEXT NOT NULL,
            scope       TEXT NOT NULL CHECK (scope IN ('new', 'all'))
        )
        """
    )
    conn.execute("CREATE INDEX requests_created_at ON requests (created_at)")
    conn.execute("CREATE INDEX requests_exported_at ON requests (exported_at)")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    # Version 3: a call and an export are separate facts (called_at, exported_at; `status` is only a summary kept
    # for older readers). The staff panel lists "to call" and "called" newest first and counts them: one partial
    # index each, so a page of 100 rows or a count is an index walk even with 100,000 requests.
    conn.execute("CREATE INDEX requests_to_call ON requests (created_at) WHERE called_at IS NULL")
    conn.execute("CREATE INDEX requests_called ON requests (created_at) WHERE called_at IS NOT NULL")


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    # Version 4: the index on exported_at becomes a partial index of the rows still to export, in export order.
    # Marking 100,000 rows exported moved each of them inside the full index (most of the mark's time); now they
    # just leave a small index. count_for_export() and the export's read walk it in order without a sort; the
    # purge (exported_at < cutoff, once a day) scans the table instead, ~10 ms for 100,000 requests.
    conn.execute("DROP INDEX IF EXISTS requests_exported_at")
    conn.execute("CREATE INDEX requests_to_export ON requests (created_at) WHERE exported_at IS NULL")


# MIGRATIONS[i] upgrades a file at user_version i to i + 1. Append only; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_0_to_1, _migrate_1_to_2, _migrate_2_to_3, _migrate_3_to_4)
SCHEMA_VERSION = len(MIGRATIONS)


# --- errors -------------------------------------------------------------------------------------------------

# Primary result codes (the low byte of sqlite_errorcode); see https://sqlite.org/rescode.html
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26

_KIND_TEXT = {
    "read_only": "the file or its folder is read-only (check permissions, disk write protection)",
    "disk_full": "the disk is full",
    "locked": "the file is locked by another program for longer than {timeout} ms",
    "corrupt": "the file is damaged or is not a kiosk database (restore it from a backup or move it aside)",
    "other": "unexpected database error",
}


def _classify(exc: BaseException) -> tuple[str, str]:
    """(kind, short technical name) for an sqlite3/OS error."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in (_SQLITE_READONLY, _SQLITE_PERM):
            return "read_only", name
        if primary == _SQLITE_FULL:
            return "disk_full", name
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "locked", name
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return "corrupt", name
        if primary == _SQLITE_CANTOPEN:
            return "other", f"{name} (cannot open the file: missing folder or no permission)"
        if primary == _SQLITE_IOERR:
            return "other", f"{name} (input/output error: failing disk or removed drive?)"
        return "other", name
    if isinstance(exc, OSError):
        name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "read_only", name
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "disk_full", name
        return "other", name
    return "other", type(exc).__name__
