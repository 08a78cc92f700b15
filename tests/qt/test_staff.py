"""Staff mode, driven like the front desk does it: hold the corner, type the PIN, tap the panel's buttons."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScroller

from kiosk.core.config import Config, StaffSettings
from kiosk.core.export import EXPORT_COLUMNS
from kiosk.core.removable import Drive, is_removable_volume
from kiosk.core.requests import NewRequest
from kiosk.core.security import PinVault
from kiosk.core.store import RequestStore, StoredRequest
from kiosk.qt.app import Kiosk
from tests.helpers import find_button, tap, tap_text

PIN = "2468"

# Names a spreadsheet or a terminal could misread. Stored as-is (set up directly, not through the form).
HOSTILE = [
    ('=HYPERLINK("http://evil.example","Click me")', "=1+1"),
    ("+1 Ana", "+44 call after 5"),
    ("-1 Bob", "-2"),
    ("@SUM(A1:A2) Cy", "@home"),
    ("Zoë 😀👍🏽 O'Neil", "😀"),
    ("محمد علي", "שלום, עולם"),
    ("Line one\nline two", "note\nwith lines"),
    ("Smith, John", "a, b, c"),
    ('Ann "Nan" Lee', 'say "hi"'),
]
# What the CSV must contain for each hostile name/note: a formula-looking cell gets one leading apostrophe.
CSV_TEXT = {
    '=HYPERLINK("http://evil.example","Click me")': '\'=HYPERLINK("http://evil.example","Click me")',
    "=1+1": "'=1+1",
    "+1 Ana": "'+1 Ana",
    "+44 call after 5": "'+44 call after 5",
    "-1 Bob": "'-1 Bob",
    "-2": "'-2",
    "@SUM(A1:A2) Cy": "'@SUM(A1:A2) Cy",
    "@home": "'@home",
}


# ---- set-up ------------------------------------------------------------------------------------------------
@pytest.fixture
def calm_config(fast_config: Config) -> Config:
    """Like fast_config, but staff mode stays open while a test reads files and runs subprocesses."""
    return replace(fast_config, staff=StaffSettings(gesture_hold_seconds=0.2, logout_seconds=60))


def wait_for_startup_purge(qtbot, k: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """The kiosk purges once shortly after it starts; let that happen before setting up old rows."""
    qtbot.waitUntil(lambda: not k.state.store.purge_due(), timeout=5000)


def add(store: RequestStore, name: str, *, note: str = "", ago: timedelta = timedelta(0),
        symptoms: tuple[str, ...] = ("lower_back_pain", "groin_pain")) -> StoredRequest:
    req = NewRequest(name=name, phone="+447700900123", best_time="evening", symptoms=symptoms, note=note,
                     consent_version="2026-1", language="en")
    return store.add(req, now=datetime.now(UTC) - ago)


def hold_corner(qtbot, k: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """The hidden gesture: a finger held on the top-left corner past gesture_hold_seconds."""
    corner = QPoint(10, 10)
    qtbot.mousePress(k.window, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: k.flow.current == "staff_pin", timeout=3000)
    qtbot.mouseRelease(k.window, Qt.MouseButton.LeftButton, pos=corner)


def type_pin(qtbot, k: Kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        tap_text(qtbot, k.window, digit)
    tap_text(qtbot, k.window, "OK")


def open_panel(qtbot, k: Kiosk) -> None:  # type: ignore[no-untyped-def]
    hold_corner(qtbot, k)
    type_pin(qtbot, k, PIN)
    assert k.flow.current == "staff_panel"


def export_via_panel(qtbot, k: Kiosk, *, excel: bool = False, everything: bool = False,  # type: ignore[no-untyped-def]
                     where: str = "Export folder") -> str:
    tap_text(qtbot, k.window, "Export…")
    if excel:
        tap_text(qtbot, k.window, "Excel (.xlsx)")
    if everything:
        tap_text(qtbot, k.window, "All requests")
    tap_text(qtbot, k.window, where)
    tap_text(qtbot, k.window, "Export now")
    qtbot.waitUntil(lambda: not k.flow.staff_panel.exporting(), timeout=20_000)  # the export runs in a worker
    return k.flow.staff_panel.message.text()


def cell(k: Kiosk, row: int, column: str) -> str:
    """The text the panel's list shows in `row` under `column` (one of StaffPanelScreen.COLUMNS)."""
    panel = k.flow.staff_panel
    model = panel.table.model()
    return model.data(model.index(row, panel.COLUMNS.index(column)))


def rows_listed(k: Kiosk) -> int:
    return k.flow.staff_panel.table.model().rowCount()


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def write_config(path: Path, config: Config) -> Path:
    # json.dumps gives TOML-compatible quoted strings for the paths.
    path.write_text(f"[data]\ndirectory = {json.dumps(config.data.directory)}\n"
                    f"export_folder = {json.dumps(config.data.export_folder)}\n", encoding="utf-8")
    return path


# ---- getting in --------------------------------------------------------------------------------------------
def test_without_a_pin_the_pad_says_how_to_set_one_up(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    hold_corner(qtbot, k)
    pad = k.flow.staff_pin
    assert pad.message.text() == "Staff mode is not set up. IT can set a PIN with: psoas-kiosk set-pin"
    assert not find_button(k.window, "5").isEnabled()
    assert not find_button(k.window, "OK").isEnabled()
    tap_text(qtbot, k.window, "Cancel")
    assert k.flow.current == "education"


def test_gesture_clears_a_patients_screen_and_cancel_returns_to_the_loop(qtbot, calm_config,  # type: ignore[no-untyped-def]
                                                                          make_kiosk) -> None:
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    tap(qtbot, k.flow.education.cta)
    assert k.flow.current == "checklist"
    k.state.set_language("es")  # the patient's choice ...
    hold_corner(qtbot, k)
    pad = k.flow.staff_pin
    assert k.state.language == "en", "... is cleared like an idle reset before the PIN pad opens"
    assert pad.title.text() == "Staff PIN"
    assert pad.dots.text() == ""
    for digit in "97":
        tap_text(qtbot, k.window, digit)
    assert pad.dots.text() == "● ●"  # dots, never the digits
    assert "9" not in pad.dots.text() and "7" not in pad.dots.accessibleName()
    tap_text(qtbot, k.window, "Delete last digit")
    assert pad.dots.text() == "●"
    tap_text(qtbot, k.window, "Cancel")
    assert k.flow.current == "education"
    hold_corner(qtbot, k)
    assert pad.dots.text() == "", "an earlier attempt's digits never come back"


def test_five_wrong_pins_lock_the_pad_even_after_a_restart(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    hold_corner(qtbot, k)
    pad = k.flow.staff_pin
    for left in (4, 3, 2):
        type_pin(qtbot, k, "1111")
        assert pad.message.text() == f"Wrong PIN. {left} tries left."
    type_pin(qtbot, k, "1111")
    assert pad.message.text() == "Wrong PIN. 1 try left."
    type_pin(qtbot, k, "1111")
    assert pad.message.text().startswith("Too many wrong PINs. Try again at ")
    # Five minutes from now, rounded up to the minute.
    expected = {(datetime.now() + timedelta(minutes=m)).strftime("%H:%M") for m in (5, 6)}
    assert pad.message.text().removeprefix("Too many wrong PINs. Try again at ").rstrip(".") in expected
    assert not find_button(k.window, "OK").isEnabled()
    assert k.flow.current == "staff_pin"

    make_kiosk.close(k)  # the kiosk restarts (power cut, crash, IT) ...
    k2 = make_kiosk(calm_config)
    hold_corner(qtbot, k2)
    assert k2.flow.staff_pin.message.text().startswith("Too many wrong PINs.")
    for key in ("2", "4", "OK"):
        assert not find_button(k2.window, key).isEnabled()
    assert PinVault(k2.state.store).lock_state().locked_until is not None


def test_pin_pad_returns_to_the_loop_when_left_alone(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    # staff.pin_timeout_seconds is 30 s in real life
    k = make_kiosk(replace(calm_config, staff=replace(calm_config.staff, pin_timeout_seconds=0.3)))
    PinVault(k.state.store).set_pin(PIN)
    hold_corner(qtbot, k)
    tap_text(qtbot, k.window, "1")
    qtbot.waitUntil(lambda: k.flow.current == "education", timeout=3000)
    assert k.flow.staff_pin.dots.text() == ""


def test_staff_mode_logs_out_after_idle_time(qtbot, fast_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(fast_config)  # logout after 0.5 s
    PinVault(k.state.store).set_pin(PIN)
    add(k.state.store, "Ana García")
    open_panel(qtbot, k)
    assert rows_listed(k) == 1
    qtbot.waitUntil(lambda: k.flow.current == "education", timeout=3000)
    assert rows_listed(k) == 0, "no names stay behind on the hidden panel"


# ---- the panel -----------------------------------------------------------------------------------------------
def test_panel_shows_warnings_counts_rows_newest_first_and_marks_called(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    add(store, "Older Patient", ago=timedelta(days=2))
    newest = add(store, "Newest Patient", ago=timedelta(minutes=1))
    k.state.last_save_failed = True
    open_panel(qtbot, k)
    panel = k.flow.staff_panel
    banners = [w.text() for w in panel.findChildren(QLabel) if w.property("role") == "banner" and w.isVisible()]
    assert any("The last request could not be saved" in text for text in banners)
    assert panel.stat_new.accessibleName() == "New: 2"
    assert panel.stat_total.accessibleName() == "Total: 2"
    table = panel.table
    assert rows_listed(k) == 2
    assert "Newest Patient" in cell(k, 0, "name")
    assert cell(k, 0, "phone") == "+44 7700 900123"  # the clinic's region is US: international format
    assert cell(k, 0, "best_time") == "Evening"
    assert cell(k, 0, "symptoms") == "Lower back pain, Groin pain"
    assert cell(k, 0, "status") == "New"
    assert cell(k, 0, "reference") == newest.reference
    assert table.rowHeight(0) >= k.state.theme.touch_px
    assert QScroller.hasScroller(table.viewport()), "drag to scroll, with momentum"

    tap_text(qtbot, k.window, "Mark as called")
    assert "Tap the requests" in panel.message.text()
    spot = table.visualRect(table.model().index(0, 2))
    tap(qtbot, table.viewport(), spot.center())
    qtbot.waitUntil(lambda: panel.selected_ids() == [newest.id], timeout=2000)
    tap_text(qtbot, k.window, "Mark as called")
    assert panel.message.text() == "Marked 1 request as called."
    assert re.fullmatch(r"Called \d\d:\d\d", cell(k, 0, "status")), "the row says so at once"
    assert panel.stat_new.accessibleName() == "New: 1"
    assert store.get(newest.id).status == "called"  # type: ignore[union-attr]

    tap_text(qtbot, k.window, "Lock")
    assert k.flow.current == "education"


def test_export_csv_cell_by_cell_with_hostile_text(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    stored = [add(store, name, note=note, ago=timedelta(minutes=60 - i)) for i, (name, note) in enumerate(HOSTILE)]
    open_panel(qtbot, k)
    message = export_via_panel(qtbot, k)
    folder = Path(calm_config.data.export_folder)
    [path] = files_in(folder)
    assert message == f"Saved {len(HOSTILE)} requests to {path}"
    assert path.name.startswith("psoas-requests-") and path.suffix == ".csv"

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads the accents and emoji right"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(EXPORT_COLUMNS)
    assert len(rows) == len(HOSTILE) + 1
    for row, req in zip(rows[1:], stored, strict=True):  # oldest first
        expected = {
            "Reference": req.reference,
            "Created": req.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            "Name": CSV_TEXT.get(req.name, req.name),
            "Phone": "'+44 7700 900123",  # not the clinic's country: international, and "+" is neutralised
            "Best time": "Evening",
            "Symptoms": "Lower back pain; Groin pain",
            "Note": CSV_TEXT.get(req.note, req.note),
            "Language": "en",
            "Status": "new",
            "Consent version": "2026-1",
        }
        assert dict(zip(EXPORT_COLUMNS, row, strict=True)) == expected
    # Everything exported is marked, the panel says so, and the history lists the export.
    assert all(r.status == "exported" for r in store.list_requests())
    panel = k.flow.staff_panel
    assert re.fullmatch(r"New · exported \d\d:\d\d", cell(k, 0, "status")), "exported, not called"
    assert f"{len(HOSTILE)} requests · CSV" in panel.history.item(0, 0).text()
    assert str(path) in panel.history.item(0, 0).text().replace("\u200b", "")  # may wrap at invisible breaks


def test_export_xlsx_keeps_exact_text_as_plain_strings(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    stored = [add(store, name, note=note, ago=timedelta(minutes=60 - i)) for i, (name, note) in enumerate(HOSTILE)]
    open_panel(qtbot, k)
    message = export_via_panel(qtbot, k, excel=True)
    [path] = files_in(Path(calm_config.data.export_folder))
    assert path.suffix == ".xlsx" and message == f"Saved {len(HOSTILE)} requests to {path}"
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(min_row=2))
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == list(EXPORT_COLUMNS)
    for cells, req in zip(rows, stored, strict=True):
        by_column = dict(zip(EXPORT_COLUMNS, cells, strict=True))
        assert by_column["Name"].value == req.name
        assert by_column["Name"].data_type == "s", "never a formula"
        assert by_column["Note"].value == req.note
        assert by_column["Phone"].value == "+44 7700 900123"  # XLSX: a string cell, no apostrophe needed
        assert by_column["Symptoms"].value == "Lower back pain; Groin pain"


def test_since_last_export_exports_each_row_once(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    first = [add(store, f"First {i}", ago=timedelta(minutes=10 - i)) for i in range(3)]
    open_panel(qtbot, k)
    folder = Path(calm_config.data.export_folder)
    assert export_via_panel(qtbot, k).startswith("Saved 3 requests to ")
    later = [add(store, f"Later {i}", ago=timedelta(minutes=2 - i)) for i in range(2)]
    assert export_via_panel(qtbot, k).startswith("Saved 2 requests to ")
    message = export_via_panel(qtbot, k)
    assert message.startswith("Nothing new to export")
    files = files_in(folder)
    assert len(files) == 2, "the refused export wrote no file"

    def names(path: Path) -> list[str]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [row[2] for row in list(csv.reader(f))[1:]]

    exported = [names(p) for p in sorted(files, key=lambda p: p.stat().st_mtime_ns)]
    assert exported == [[r.name for r in first], [r.name for r in later]]
    # "All" exports everything again, on purpose.
    assert export_via_panel(qtbot, k, everything=True).startswith("Saved 5 requests to ")
    assert len(store.export_history()) == 3


def test_export_to_an_unwritable_folder_changes_nothing_and_says_why(qtbot, calm_config, make_kiosk,  # type: ignore[no-untyped-def]
                                                                     tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file where the export folder should be")
    config = replace(calm_config, data=replace(calm_config.data, export_folder=str(blocker / "exports")))
    k = make_kiosk(config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    for i in range(3):
        add(store, f"Patient {i}", ago=timedelta(minutes=i))
    before = [(r.id, r.status, r.exported_at) for r in store.list_requests()]
    open_panel(qtbot, k)
    message = export_via_panel(qtbot, k)
    assert message.startswith("Export failed, nothing was changed:")
    assert str(blocker / "exports") in message
    assert [(r.id, r.status, r.exported_at) for r in store.list_requests()] == before
    assert store.export_history() == []
    assert blocker.read_text().startswith("a regular file")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["not-a-folder"]
    assert k.flow.staff_panel.message.property("role") == "error"


def test_export_to_a_usb_drive_and_quit_to_desktop(qtbot, calm_config, make_kiosk, tmp_path,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr("kiosk.qt.screens.staff_panel.removable_drives", lambda: [Drive(usb, "KINGSTON")])
    k = make_kiosk(calm_config)
    PinVault(k.state.store).set_pin(PIN)
    add(k.state.store, "Ana García")
    open_panel(qtbot, k)
    tap_text(qtbot, k.window, "Export…")
    usb_tile = find_button(k.window, f"USB drive KINGSTON ({usb})")
    assert usb_tile.isChecked(), "the USB drive is the default destination"
    tap_text(qtbot, k.window, "Export now")
    qtbot.waitUntil(lambda: not k.flow.staff_panel.exporting(), timeout=20_000)
    [path] = files_in(usb)
    assert k.flow.staff_panel.message.text() == f"Saved 1 request to {path}"
    assert files_in(Path(calm_config.data.export_folder)) == []

    # The only way out of the kiosk asks first.
    quits: list[bool] = []
    monkeypatch.setattr(k.window, "quit_for_staff", lambda: quits.append(True))
    tap_text(qtbot, k.window, "Quit to desktop")
    tap_text(qtbot, k.window, "Cancel")
    assert quits == [] and k.flow.current == "staff_panel"
    tap_text(qtbot, k.window, "Quit to desktop")
    tap_text(qtbot, k.window, "Yes, quit")
    assert quits == [True]


def test_removable_drive_heuristic() -> None:
    def usb(root: str, fs: str = "vfat", **kw: object) -> bool:
        args: dict = {"ready": True, "read_only": False} | kw  # type: ignore[type-arg]
        return is_removable_volume(root, fs, **args)

    assert usb("/media/ana/KINGSTON")
    assert usb("/run/media/ana/USB STICK", "exfat")
    assert usb("/mnt/usb", "ext4")
    assert not usb("/")
    assert not usb("/home", "ext4")
    assert not usb("/mnt/")
    assert not usb("/media/ana/KINGSTON", read_only=True)
    assert not usb("/media/ana/KINGSTON", ready=False)
    assert not usb("/mnt/sandbox", "tmpfs")
    assert usb("E:/", "FAT32", windows_removable=True)
    assert not usb("D:/", "NTFS", windows_removable=False)
    assert usb("E:/", "exFAT")  # Windows did not answer: a non-system FAT/exFAT drive letter
    assert not usb("C:/", "FAT32")
    assert not usb("D:/", "NTFS")


# ---- retention -----------------------------------------------------------------------------------------------
def _old_rows(store: RequestStore) -> dict[str, StoredRequest]:
    now = datetime.now(UTC)
    rows = {
        "exported_40_days_ago": add(store, "A", ago=timedelta(days=45)),
        "exported_10_days_ago": add(store, "B", ago=timedelta(days=12)),
        "never_exported_60_days_old": add(store, "C", ago=timedelta(days=60)),
        "new_today": add(store, "D"),
    }
    store.mark_exported([rows["exported_40_days_ago"].id], now=now - timedelta(days=40))
    store.mark_exported([rows["exported_10_days_ago"].id], now=now - timedelta(days=10))
    return rows


def test_delete_old_requests_in_the_panel_removes_exactly_the_old_exported_ones(qtbot, calm_config,  # type: ignore[no-untyped-def]
                                                                                  make_kiosk) -> None:
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    wait_for_startup_purge(qtbot, k)
    rows = _old_rows(store)
    open_panel(qtbot, k)
    panel = k.flow.staff_panel
    tap_text(qtbot, k.window, "Delete old requests")
    assert panel.confirm_purge.isVisible()
    assert "1 request exported more than 30 days ago" in panel.confirm_purge.text.text()
    tap_text(qtbot, k.window, "Cancel")
    assert len(store.list_requests()) == 4, "Cancel deletes nothing"
    tap_text(qtbot, k.window, "Delete old requests")
    tap_text(qtbot, k.window, "Yes, delete")
    assert panel.message.text() == "Deleted 1 request."
    left = {r.id for r in store.list_requests()}
    assert left == {rows[key].id for key in ("exported_10_days_ago", "never_exported_60_days_old", "new_today")}
    assert rows_listed(k) == 3
    tap_text(qtbot, k.window, "Delete old requests")
    assert panel.message.text() == "Nothing to delete: no exported request is older than 30 days."


def test_the_kiosk_purges_old_exported_requests_when_it_starts(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    with RequestStore(calm_config.database_path) as store:
        rows = _old_rows(store)
    k = make_kiosk(calm_config)
    qtbot.waitUntil(lambda: len(k.state.store.list_requests()) == 3, timeout=5000)
    assert rows["exported_40_days_ago"].id not in {r.id for r in k.state.store.list_requests()}


# ---- the command line next to a running kiosk ----------------------------------------------------------------
def test_cli_export_while_the_kiosk_holds_the_database(qtbot, calm_config, make_kiosk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    store = k.state.store
    PinVault(store).set_pin(PIN)
    open_panel(qtbot, k)
    stored = [add(store, name, ago=timedelta(minutes=5 - i)) for i, name in enumerate(["Ana", "=1+1 Bob"])]
    cfg = write_config(tmp_path / "kiosk.toml", calm_config)
    out = tmp_path / "front-desk"
    result = subprocess.run([sys.executable, "-m", "kiosk", "export", "--config", str(cfg), "--format", "csv",
                             "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    [path] = files_in(out)
    assert result.stdout.strip() == f"exported 2 requests to {path}"
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert [row[2] for row in list(csv.reader(f))[1:]] == ["Ana", "'=1+1 Bob"]
    # The kiosk sees the CLI's work at once, and keeps working.
    assert {r.status for r in store.list_requests()} == {"exported"}
    assert export_via_panel(qtbot, k).startswith("Nothing new to export")
    add(store, "Cy")
    assert export_via_panel(qtbot, k).startswith("Saved 1 request to ")
    assert stored[0].id in {r.id for r in store.list_requests()}


def test_every_staff_look_has_big_targets_and_text_in_portrait(qtbot, calm_config, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    k = make_kiosk(calm_config)
    add(k.state.store, "Ana García")
    k.resize(1080, 1920)
    seen = []
    for name in ("staff_pin", "staff_panel"):
        k.flow.go(name)
        screen = k.flow.screens[name]
        for variant in screen.screenshot_variants():  # type: ignore[attr-defined]
            QApplication.processEvents()
            seen.append(variant)
            for button in screen.findChildren(QAbstractButton):
                if button.isVisible():
                    assert button.height() >= 64, (variant, button.accessibleName())
                    # Screen readers say what the button shows (an icon-only key still has a name).
                    assert button.accessibleName() == (button.text() or button.accessibleName()) != "", variant
                    assert button.fontInfo().pixelSize() >= 24, (variant, button.text())
            for label in screen.findChildren(QLabel):
                if label.isVisible() and label.text():
                    assert label.fontInfo().pixelSize() >= 24, (variant, label.text())
    assert k.flow.staff_panel.table.fontInfo().pixelSize() >= 24
    assert {"staff-pin-locked", "staff-pin-not-set", "staff-panel", "staff-panel-export"} <= set(seen)
