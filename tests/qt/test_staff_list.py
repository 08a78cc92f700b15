"""The staff panel's list and export, driven by taps: calls with Undo, reference and note on screen, search and
filters, an export that can be stopped and keeps the panel responsive, big stores, a read-only store."""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

import kiosk.core.store as store_mod
from kiosk.bench.staff import fill_requests
from kiosk.core.config import Config, DataSettings, StaffSettings
from kiosk.core.requests import NewRequest
from kiosk.core.security import PinVault
from kiosk.core.store import RequestStore, StoredRequest
from kiosk.qt.app import Kiosk
from tests.helpers import find_button, tap, tap_text
from tests.qt.test_staff import PIN, cell, files_in, hold_corner, open_panel, rows_listed, type_pin


@pytest.fixture
def calm_config(fast_config: Config) -> Config:
    return replace(fast_config, staff=StaffSettings(gesture_hold_seconds=0.2, logout_seconds=60))


def add(store: RequestStore, name: str, note: str = "", phone: str = "+12025550143",
        ago: timedelta = timedelta(0)) -> StoredRequest:
    return store.add(NewRequest(name=name, phone=phone, best_time="morning", symptoms=("groin_pain",), note=note,
                                consent_version="v1", language="en"), now=datetime.now(UTC) - ago)


def select_row(qtbot, k: Kiosk, row: int) -> None:  # type: ignore[no-untyped-def]
    table = k.flow.staff_panel.table
    spot = table.visualRect(table.model().index(row, k.flow.staff_panel.COLUMNS.index("name")))
    tap(qtbot, table.viewport(), spot.center())


def wait_for_export(qtbot, k: Kiosk) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not k.flow.staff_panel.exporting(), timeout=60_000)


def test_mark_as_called_shows_at_once_and_undo_restores_it(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    older = add(store, "Older Patient", ago=timedelta(hours=1))
    ana = add(store, "Ana Lee", note="Worse when I sit", phone="+12025550199")
    open_panel(qtbot, k)
    panel = k.flow.staff_panel
    # The reference the thank-you screen gave the patient, and what they wrote, are on screen.
    assert cell(k, 0, "time").endswith("\n" + ana.reference), "under the time, where staff look first"
    assert "Worse when I sit" in cell(k, 0, "note")
    table = k.flow.staff_panel.table
    assert not table.isColumnHidden(panel.COLUMNS.index("note")) and not table.isColumnHidden(0)
    assert cell(k, 0, "phone") == "(202) 555-0199", "the clinic's own numbers in national format"
    assert panel.stat_new.accessibleName() == "New: 2"

    select_row(qtbot, k, 0)
    tap_text(qtbot, k.window, "Mark as called")
    assert re.fullmatch(r"Called \d\d:\d\d", cell(k, 0, "status"))
    assert cell(k, 1, "status") == "New", "only the tapped row"
    assert panel.stat_new.accessibleName() == "New: 1"
    assert panel.message.text() == "Marked 1 request as called."

    tap_text(qtbot, k.window, "Undo")
    assert cell(k, 0, "status") == "New"
    assert panel.stat_new.accessibleName() == "New: 2"
    assert store.get(ana.id).called_at is None  # type: ignore[union-attr]
    assert store.get(older.id).called_at is None  # type: ignore[union-attr]
    assert not find_button(k.window, "Mark as called").isHidden()
    assert not panel.undo_button.isVisible(), "Undo is offered once"


def test_undo_is_offered_for_a_limited_time(qtbot, calm_config, make_kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("kiosk.qt.screens.staff_panel.UNDO_SECONDS", 0.2)
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    add(k.state.store, "Ana Lee")
    open_panel(qtbot, k)
    select_row(qtbot, k, 0)
    tap_text(qtbot, k.window, "Mark as called")
    assert k.flow.staff_panel.undo_button.isVisible()
    qtbot.waitUntil(lambda: not k.flow.staff_panel.undo_button.isVisible(), timeout=3000)
    assert cell(k, 0, "status").startswith("Called")


def test_search_by_reference_name_or_phone_and_the_filters(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    people = [add(store, f"Patient {i}", phone=f"+1202555{i:04d}", ago=timedelta(minutes=50 - i)) for i in range(40)]
    target = people[7]
    open_panel(qtbot, k)
    panel = k.flow.staff_panel
    qtbot.keyClicks(panel.search_edit, target.reference.lower())
    qtbot.waitUntil(lambda: rows_listed(k) == 1, timeout=3000)  # after a short pause in typing
    assert cell(k, 0, "time").endswith(target.reference)
    panel.search_edit.clear()
    qtbot.keyClicks(panel.search_edit, "(202) 555-0031")
    qtbot.waitUntil(lambda: rows_listed(k) == 1 and "Patient 31" in cell(k, 0, "name"), timeout=3000)
    panel.search_edit.clear()
    qtbot.keyClicks(panel.search_edit, "nobody like this")
    qtbot.waitUntil(lambda: rows_listed(k) == 0, timeout=3000)
    assert panel.empty_note.isVisible() and panel.empty_note.text() == "No request matches."
    panel.search_edit.clear()
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)  # Enter searches at once
    assert rows_listed(k) == 40

    store.mark_called([people[0].id, people[1].id])
    tap_text(qtbot, k.window, "Called")
    assert rows_listed(k) == 2 and all(cell(k, r, "status").startswith("Called") for r in range(2))
    tap_text(qtbot, k.window, "New")
    assert rows_listed(k) == 38
    assert panel.stat_new.accessibleName() == "New: 38" and panel.stat_total.accessibleName() == "Total: 40"
    tap_text(qtbot, k.window, "All")
    assert rows_listed(k) == 40


def test_the_list_holds_every_request_and_fetches_them_as_it_scrolls(qtbot, calm_config, make_kiosk,  # type: ignore[no-untyped-def]
                                                                     tmp_path) -> None:
    db = Path(calm_config.data.directory) / "requests.sqlite3"
    db.parent.mkdir(parents=True)
    fill_requests(db, 1_234)
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    open_panel(qtbot, k)
    panel = k.flow.staff_panel
    assert panel.stat_total.accessibleName() == "Total: 1234"
    assert 0 < rows_listed(k) < 1_234, "a page at a time, not everything at once"
    bar = panel.table.verticalScrollBar()
    for _ in range(100):
        if rows_listed(k) == 1_234:
            break
        bar.setValue(bar.maximum())
        QApplication.processEvents()
    assert rows_listed(k) == 1_234, "no cap: every request can be reached"
    heights = {panel.table.rowHeight(r) for r in range(0, 1_234, 97)}
    assert min(heights) >= k.state.theme.touch_px


@pytest.mark.parametrize("count", [500, 100_000])
def test_the_panel_opens_quickly_with_a_big_store(qtbot, calm_config, make_kiosk, count: int) -> None:  # type: ignore[no-untyped-def]
    db = Path(calm_config.data.directory) / "requests.sqlite3"
    db.parent.mkdir(parents=True)
    fill_requests(db, count)
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    hold_corner(qtbot, k)
    start = time.perf_counter()
    type_pin(qtbot, k, PIN)
    opened = time.perf_counter() - start
    assert k.flow.current == "staff_panel"
    assert k.flow.staff_panel.stat_total.accessibleName() == f"Total: {count}"
    assert 0 < rows_listed(k) <= 200
    # The 200 ms target is checked by `kiosk bench --only staff`; here only a bound no busy machine misses (the
    # old panel froze for minutes), which includes the PIN's own scrypt hash.
    assert opened < 5.0, f"{opened:.2f} s"


def _gate_export(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The worker waits at its first store read until the returned event is set: a test can tap Stop before a
    single row is written, on any machine."""
    gate = threading.Event()
    real = store_mod.RequestStore.count_for_export

    def gated(self: RequestStore, all_rows: bool = False) -> int:
        gate.wait(30)
        return real(self, all_rows)

    monkeypatch.setattr(store_mod.RequestStore, "count_for_export", gated)
    return gate


def _held_export(qtbot, config: Config, make_kiosk, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                 ) -> tuple[Kiosk, RequestStore, threading.Event]:
    """A kiosk with one request, its staff panel open, and an export of it started and held at the gate."""
    k = make_kiosk(config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    add(store, "Ana Lee")
    open_panel(qtbot, k)
    gate = _gate_export(monkeypatch)
    tap_text(qtbot, k.window, "Export…")
    tap_text(qtbot, k.window, "Export now")
    return k, store, gate


def test_stop_export_leaves_no_file_and_marks_nothing(qtbot, calm_config, make_kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    for i in range(30):
        add(store, f"Patient {i}")
    open_panel(qtbot, k)
    gate = _gate_export(monkeypatch)
    tap_text(qtbot, k.window, "Export…")
    tap_text(qtbot, k.window, "Export now")
    panel = k.flow.staff_panel
    assert not find_button(k.window, "Export…").isEnabled()
    qtbot.waitUntil(panel.export_box.isVisible)  # the progress row comes in the event loop's next pass
    tap_text(qtbot, k.window, "Stop export")
    gate.set()
    wait_for_export(qtbot, k)
    assert panel.message.text() == "Export stopped. No file was kept and nothing was marked."
    folder = Path(calm_config.data.export_folder)
    assert files_in(folder) == [], "no file, not even a hidden temporary one"
    assert all(r.exported_at is None for r in store.list_requests())
    assert store.export_history() == []
    assert not panel.export_box.isVisible() and find_button(k.window, "Export…").isEnabled()


def test_locking_during_an_export_cancels_it_cleanly(qtbot, calm_config, make_kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    k, store, gate = _held_export(qtbot, calm_config, make_kiosk, monkeypatch)
    threading.Timer(0.05, gate.set).start()  # released while Lock waits for the worker (no Qt timer runs then)
    tap_text(qtbot, k.window, "Lock")
    assert k.flow.current == "education"
    assert k.flow.staff_panel.job is None
    assert files_in(Path(calm_config.data.export_folder)) == []
    assert store.list_requests()[0].exported_at is None


def test_stopping_the_kiosk_during_an_export_cancels_it_cleanly(qtbot, calm_config, make_kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # SIGTERM at shutdown (or Ctrl+C) ends the event loop, which emits aboutToQuit: the export must not leave a
    # temporary file, mark rows, or leave its thread running while Python tears the panel down (Qt aborts then).
    k, store, gate = _held_export(qtbot, calm_config, make_kiosk, monkeypatch)
    panel = k.flow.staff_panel
    job = panel.job
    assert job is not None
    qtbot.waitUntil(job.running)  # the worker starts once the panel has painted its progress row
    threading.Timer(0.05, gate.set).start()  # released while the quit waits for the worker
    app = QApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()
    assert panel.job is None and not job.running()
    assert files_in(Path(calm_config.data.export_folder)) == []
    assert store.list_requests()[0].exported_at is None and store.export_history() == []


def test_the_logout_timer_waits_for_an_export(qtbot, fast_config, make_kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(fast_config)  # staff logout after 0.5 s
    PinVault(k.state.store).set_pin(PIN)
    add(k.state.store, "Ana Lee")
    open_panel(qtbot, k)
    gate = _gate_export(monkeypatch)
    tap_text(qtbot, k.window, "Export…")
    tap_text(qtbot, k.window, "Export now")
    logout = k.flow.idle_timer
    qtbot.waitUntil(lambda: not logout.isActive() or logout.remainingTime() < 50, timeout=3000)
    qtbot.wait(600)  # past the logout time: a Qt-timer wait, the export is still held at the gate
    assert k.flow.current == "staff_panel" and k.flow.staff_panel.exporting()
    gate.set()
    wait_for_export(qtbot, k)
    assert k.flow.staff_panel.message.text().startswith("Saved 1 request to ")
    qtbot.waitUntil(lambda: k.flow.current == "education", timeout=5000)  # and then it locks as usual


def test_an_export_of_20000_requests_keeps_the_panel_responsive(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    db = Path(calm_config.data.directory) / "requests.sqlite3"
    db.parent.mkdir(parents=True)
    fill_requests(db, 20_000)
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    open_panel(qtbot, k)
    qtbot.wait(1500)  # the kiosk finishes building its screens in idle time after it starts: not the export's doing
    stamps: list[float] = []
    probe = QTimer()
    probe.setInterval(2)
    probe.timeout.connect(lambda: stamps.append(time.perf_counter()))
    progress: list[tuple[int, int]] = []
    tap_text(qtbot, k.window, "Export…")
    tap_text(qtbot, k.window, "Excel (.xlsx)")
    tap_text(qtbot, k.window, "Export now")  # closes the dialog and paints the progress row, then the worker starts
    probe.start()
    stamps.append(time.perf_counter())
    k.flow.staff_panel.job.progress.connect(lambda done, total: progress.append((done, total)))  # type: ignore[union-attr]
    wait_for_export(qtbot, k)
    probe.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    assert k.flow.staff_panel.message.text().startswith("Saved 20,000 requests to ")
    assert progress and progress[-1] == (20_000, 20_000) and all(t == 20_000 for _d, t in progress)
    # Measured, not slept: the longest gap between two runs of a 2 ms timer while the worker wrote the file. The
    # 50 ms target is the bench's (`kiosk bench --only staff`); a shared test machine gets four times that.
    assert max(gaps) < 200, f"longest event-loop gap {max(gaps):.0f} ms over {len(gaps)} timer runs"


def test_the_right_pin_works_on_a_read_only_store_and_the_panel_says_why(qtbot, calm_config, make_kiosk,  # type: ignore[no-untyped-def]
                                                                        tmp_path) -> None:
    from tests.qt.test_full_disk import _can_mount, _read_only, _rows, _tmpfs

    if not _can_mount():
        pytest.skip("needs root and mount(8) for a read-only filesystem (test_security covers the rest)")
    with contextlib.ExitStack() as stack:
        point = stack.enter_context(_tmpfs("4m"))
        folder = point / "data"
        db = folder / "requests.sqlite3"
        with RequestStore(db) as store:
            PinVault(store).set_pin(PIN)
            add(store, "Ana Lee")
        _rows(db)  # a reader closes last: the -wal/-shm files stay, as after a power cut
        config = replace(calm_config, data=DataSettings(directory=str(folder), export_folder=str(tmp_path / "x")))
        stack.enter_context(_read_only(folder, point))
        k = make_kiosk(config)
        stack.callback(make_kiosk.close, k)  # closed before the filesystem is made writable and unmounted
        hold_corner(qtbot, k)
        type_pin(qtbot, k, "1111")
        assert k.flow.staff_pin.message.text() == "Wrong PIN. 4 tries left.", "counted, in memory"
        type_pin(qtbot, k, PIN)
        assert k.flow.current == "staff_panel"
        banners = [w.text() for w in k.flow.staff_panel.findChildren(QLabel)
                   if w.property("role") == "banner" and w.isVisible()]
        assert any("read-only" in text for text in banners), banners
        assert any("Wrong PINs cannot be saved" in text for text in banners), banners
        assert rows_listed(k) == 1
