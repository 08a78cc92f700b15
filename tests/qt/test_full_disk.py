"""A full disk and a read-only data folder, met through the real kiosk: the patient types a request, taps Send, sees
the friendly "please tell the front desk" message with every entry still there, nothing already stored is lost
or damaged, and once space (or write access) is back the same tap saves the request, once.

Three ways to run out of room, from the most portable to the most real:
* SQLite's own page limit (RequestStore.set_size_limit): any OS, any user;
* a real, tiny filesystem (tmpfs) filled to the last byte: needs root and mount(8), else skipped;
* a read-only data folder: a tmpfs remounted read-only as root, or a folder without write permission otherwise.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.core.config import Config, DataSettings, IdleSettings
from kiosk.core.requests import NewRequest
from kiosk.core.store import RequestStore, StoreError
from tests.helpers import find_button, go_to_form, tap, tap_field, tap_text, type_on_screen

NAME = "Nadia Brightwater"
PHONE_TYPED = "2015550147"
FRIENDLY = "please tell the front desk"
EARLIER = [NewRequest(f"Earlier Patient {i}", f"+1201555012{i}", "morning", ("groin_pain",), f"note {i}", "2024-05",
                      "en") for i in range(3)]


# --- helpers ------------------------------------------------------------------------------------------------------


def _rows(db: Path) -> list[tuple]:
    """Every stored request, read by a separate connection (what an export or a restart would see)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT reference, name, phone, note, status FROM requests ORDER BY created_at").fetchall()
    finally:
        conn.close()


def _add_earlier(db: Path) -> list[tuple]:
    with RequestStore(db) as store:
        for request in EARLIER:
            store.add(request)
    return _rows(db)


def _config(fast_config: Config, data_dir: Path) -> Config:
    # Patient-side idle timers long enough that a slow machine never clears the form in the middle of a test;
    # the thank-you screen stays quick.
    return replace(fast_config, data=DataSettings(directory=str(data_dir)),
                   idle=IdleSettings(timeout_seconds=60, countdown_seconds=10, thanks_seconds=0.3))


def _fill_and_send(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    go_to_form(qtbot, kiosk, ("Groin pain",))
    form = kiosk.flow.request_form
    tap_field(qtbot, form.name_edit)
    type_on_screen(qtbot, kiosk.window, NAME)
    tap_field(qtbot, form.phone_edit)
    type_on_screen(qtbot, kiosk.window, PHONE_TYPED)
    tap_text(qtbot, kiosk.window, "Evening")
    tap_text(qtbot, kiosk.window, kiosk.state.content.consent_text)
    tap_text(qtbot, kiosk.window, "Send my request")


def _assert_refused_kindly(kiosk) -> None:  # type: ignore[no-untyped-def]
    form = kiosk.flow.request_form
    assert kiosk.flow.current == "request_form"
    assert form.banner.isVisible() and FRIENDLY in form.banner.text()
    # Every entry is still there, ready for another try.
    assert form.name_edit.text() == NAME
    assert form.phone_edit.text() == "(201) 555-0147"
    assert form.best_time() == "evening" and form.consent_tile.isChecked()
    assert find_button(kiosk.window, "Send my request").isEnabled()
    # And the front desk is told, in the staff panel.
    assert kiosk.state.last_save_failed
    assert any(w.code == "save" for w in kiosk.state.staff_warnings())


def _assert_saved_once(qtbot, kiosk, db: Path, earlier: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.flow.current == "thanks"
    reference = kiosk.flow.thanks.reference
    rows = _rows(db)
    assert rows[: len(earlier)] == earlier, "earlier requests changed"
    assert rows[len(earlier):] == [(reference, NAME, "+12015550147", "", "new")]
    assert not kiosk.state.last_save_failed
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=5000)


# --- SQLite page limit: portable ----------------------------------------------------------------------------------


@pytest.fixture
def page_limited(make_kiosk, fast_config: Config, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    db = tmp_path / "data" / "requests.sqlite3"
    earlier = _add_earlier(db)
    yield make_kiosk(_config(fast_config, db.parent)), db, earlier


def test_full_database_keeps_the_entries_and_saves_once_space_returns(page_limited, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk, db, _ = page_limited
    store = kiosk.state.store
    # The database may not grow any more, and its last pages are filled to the brim with the smallest requests
    # the form could store: once many in a row are refused, so is any real one.
    store.set_size_limit(store.page_count())
    smallest = NewRequest("A", "+12015550100", "any", (), "", "2024-05", "en")
    refused_in_a_row = 0
    for _ in range(5000):
        try:
            store.add(smallest)
            refused_in_a_row = 0
        except StoreError as exc:
            assert exc.kind == "disk_full"
            refused_in_a_row += 1
            if refused_in_a_row == 25:
                break
    assert refused_in_a_row == 25, "the database never filled up"
    earlier = _rows(db)

    _fill_and_send(qtbot, kiosk)
    _assert_refused_kindly(kiosk)
    assert _rows(db) == earlier and store.integrity_ok()
    tap(qtbot, find_button(kiosk.window, "Send my request"))  # trying again while still full changes nothing
    _assert_refused_kindly(kiosk)
    assert _rows(db) == earlier

    store.set_size_limit(None)  # IT makes room
    tap(qtbot, find_button(kiosk.window, "Send my request"))
    _assert_saved_once(qtbot, kiosk, db, earlier)
    assert store.integrity_ok()


# --- a real, tiny filesystem (root) -------------------------------------------------------------------------------


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def _tmpfs(size: str) -> Iterator[Path]:
    """A fresh tmpfs of `size`; skips the test where it cannot be mounted (not root, a container without it)."""
    if not _can_mount():
        pytest.skip("a real small filesystem needs root and mount(8); the page-limit test covers the rest")
    point = Path(tempfile.mkdtemp(prefix="psoas-fulldisk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        # Lazy: the kiosk's files are closed by now, but never leave a mount behind whatever happened.
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            point.rmdir()


def _fill_filesystem(path: Path) -> Path:
    """Write zeros to `path` until the filesystem says ENOSPC; returns the filler file (delete it for space)."""
    with open(path, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    return path


@pytest.fixture
def tiny_disk(make_kiosk, fast_config: Config) -> Iterator:  # type: ignore[no-untyped-def]
    with _tmpfs("2m") as point:
        db = point / "data" / "requests.sqlite3"
        earlier = _add_earlier(db)
        k = make_kiosk(_config(fast_config, db.parent))
        try:
            yield k, point, db, earlier
        finally:
            make_kiosk.close(k)  # the database closed before its filesystem goes


def test_full_filesystem_keeps_the_entries_and_saves_once_space_returns(tiny_disk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk, point, db, earlier = tiny_disk
    kiosk.state.store.compact()  # an empty write-ahead log: the next save needs new blocks on the disk
    filler = _fill_filesystem(point / "someone-elses-big-file")
    assert shutil.disk_usage(point).free < 4096

    _fill_and_send(qtbot, kiosk)
    _assert_refused_kindly(kiosk)
    assert _rows(db) == earlier
    assert kiosk.state.store.integrity_ok()

    filler.unlink()  # space returns
    tap(qtbot, find_button(kiosk.window, "Send my request"))
    _assert_saved_once(qtbot, kiosk, db, earlier)


# --- a read-only data folder ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def _read_only(folder: Path, mount_point: Path | None) -> Iterator[None]:
    """Make `folder` read-only for this process until the block ends: a read-only remount (root ignores file
    permissions), or taking away write permission (everyone else)."""
    if mount_point is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True, capture_output=True)
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], check=True, capture_output=True)
        return
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in (folder, *folder.iterdir())}
    for p in modes:
        p.chmod(0o500 if p.is_dir() else 0o400)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@pytest.fixture
def read_only_place(tmp_path: Path) -> Iterator[tuple[Path, Path | None]]:
    """(data folder, tmpfs mount point or None): where the read-only test keeps its database."""
    if _can_mount():
        with contextlib.suppress(pytest.skip.Exception), _tmpfs("4m") as point:
            yield point / "data", point
            return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("as root only a read-only filesystem stops writes, and none could be mounted")
    yield tmp_path / "data", None


def test_read_only_data_folder_keeps_the_entries_and_saves_once_writable(read_only_place, qtbot,  # type: ignore[no-untyped-def]
                                                                        fast_config: Config, make_kiosk) -> None:
    folder, mount_point = read_only_place
    db = folder / "requests.sqlite3"
    earlier = _add_earlier(db)  # yesterday's requests, file closed
    kiosk = make_kiosk(_config(fast_config, folder))
    try:
        with _read_only(folder, mount_point):
            # The kiosk starts and runs its loop although it cannot write; the patient finds out only at Send.
            _fill_and_send(qtbot, kiosk)
            _assert_refused_kindly(kiosk)
            assert _rows(db) == earlier
        tap(qtbot, find_button(kiosk.window, "Send my request"))  # write access is back
        _assert_saved_once(qtbot, kiosk, db, earlier)
    finally:
        make_kiosk.close(kiosk)  # the database closed before its filesystem goes


def test_a_store_opened_read_only_writes_again_once_the_folder_is_writable(read_only_place) -> None:
    """Below the UI: SQLite opens a file it cannot write read-only without a word, and such a connection
    would stay read-only for good. The store reconnects before the next write instead."""
    folder, mount_point = read_only_place
    db = folder / "requests.sqlite3"
    earlier = _add_earlier(db)  # leaves -wal/-shm behind (a reader was last), as after a power cut
    with _read_only(folder, mount_point):
        store = RequestStore(db)  # opens: the file can be read
        with pytest.raises(StoreError) as refused:
            store.add(EARLIER[0])
        assert refused.value.kind == "read_only"
        assert store.counts().total == len(earlier)  # reading still works
    try:
        stored = store.add(EARLIER[1])
        assert [r[0] for r in _rows(db)] == [r[0] for r in earlier] + [stored.reference]
    finally:
        store.close()
