"""Issue 15's staff figures: CSV and XLSX export of 100,000 requests, the panel opening and refreshing with 100,000
requests in the store, and the longest GUI stall while the panel exports them in its worker.

Registered in kiosk/commands/bench.py's MORE_PARTS as the part "staff". Every time figure carries the reference loop
measured right before it. fill_requests() is also what the tests use to put 100,000 requests in a store quickly.
"""

from __future__ import annotations

import itertools
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.bench.machine import filesystem_of, reference_loop_s
from kiosk.bench.report import Figure

if TYPE_CHECKING:
    from kiosk.qt.app import Kiosk

ROWS = (100_000, 10_000, 300)  # full, quick, smoke
TARGET_ROWS = 100_000
EXPORT_TARGETS_S = {"csv": 1.0, "xlsx": 4.0}
PANEL_TARGET_MS = 200.0
STALL_TARGET_MS = 50.0
TICK_MS = 2  # the stall probe's timer: the event loop is asked to run it this often

_NAMES = ("Ana García", "José Ñúñez", "Zoë O'Neil", "李 Wei", "Fatima Haddad", "Mary-Kate Smith", "=1+1 Bob",
          "Søren Johansson", "محمد علي", "Olúwaseun Ferreira")
_NOTES = ("", "", "Worse in the morning.", "Pain when I climb stairs, sometimes at night too.", "-2 weeks",
          "@reception: call after 5", "Line one\nLine two, with a comma", "Thanks 😊")
_SYMPTOMS = ('["lower_back_pain"]', '["groin_pain", "pelvic_pain"]', "[]", '["pain_down_the_leg", "buttock_pain"]')


_AREAS = tuple(range(201, 990, 16))  # 50 area codes


def _phone(rng: random.Random) -> str:
    """95 % the clinic's own (US) numbers over 50 area codes, 5 % from abroad (UK and Spanish mobiles), all digits
    after the area code or mobile prefix random: practically every number different, as in a real clinic."""
    if rng.random() < 0.95:
        return f"+1{rng.choice(_AREAS)}{rng.randrange(200, 1000)}{rng.randrange(10_000):04d}"
    if rng.random() < 0.5:
        return f"+447{rng.randrange(100_000_000, 1_000_000_000)}"
    return f"+346{rng.randrange(10_000_000, 100_000_000)}"


def fill_requests(path: Path, count: int, seed: int = 15) -> None:
    """Create the store at `path` (the real code creates and migrates it) and add `count` requests in one
    transaction with executemany: seconds for 100,000, where RequestStore.add() (one fsync each) takes minutes."""
    from kiosk.core.store import REFERENCE_ALPHABET, REFERENCE_PREFIX, RequestStore

    RequestStore(path).close()
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(seconds=37 * count)
    alphabet = REFERENCE_ALPHABET

    def rows() -> Iterator[tuple[Any, ...]]:
        for i in range(count):
            n, reference = i, ""
            for _ in range(5):  # 5 characters: 33 million distinct references, each row its own
                n, digit = divmod(n, len(alphabet))
                reference += alphabet[digit]
            created = (start + timedelta(seconds=37 * i)).isoformat(timespec="microseconds")
            yield (str(uuid.UUID(int=rng.getrandbits(128), version=4)), REFERENCE_PREFIX + reference, created,
                   _NAMES[i % len(_NAMES)], _phone(rng), ("morning", "afternoon", "evening", "any")[i % 4],
                   _SYMPTOMS[i % len(_SYMPTOMS)], _NOTES[i % len(_NOTES)], "2024-05", ("en", "es")[i % 2], "new")

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO requests (id, reference, created_at, name, phone, best_time, symptoms, note, "
            "consent_version, language, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
        conn.execute("COMMIT")
    finally:
        conn.close()


def measure(run: Any) -> list[Figure]:
    """The part "staff" of `kiosk bench` (run: kiosk.commands.bench.BenchRun)."""
    rows = ROWS[min(run.scale, len(ROWS) - 1)]
    with tempfile.TemporaryDirectory(prefix="psoas-bench-staff-", dir=run.folder) as tmp:
        filled = Path(tmp) / "filled.sqlite3"
        fill_requests(filled, rows)
        figures = bench_exports(Path(tmp), filled, rows)
        figures += bench_panel(Path(tmp), filled, rows)
    return figures


def _limit(target: float, rows: int) -> tuple[float | None, str]:
    if rows >= TARGET_ROWS:
        return target, ""
    return None, f"the target is for {TARGET_ROWS:,} requests"


def bench_exports(folder: Path, filled: Path, rows: int) -> list[Figure]:
    """export_requests() of every request to CSV, then (from an identical copy of the store) to XLSX."""
    from kiosk.core.content import load_library
    from kiosk.core.domain import BEST_TIME_LABELS
    from kiosk.core.export import export_requests
    from kiosk.core.store import RequestStore

    labels = load_library(["en"]).get("en").symptom_labels()
    figures = []
    for fmt in ("csv", "xlsx"):
        db = folder / f"export-{fmt}.sqlite3"
        shutil.copyfile(filled, db)
        speed = reference_loop_s(1)
        with RequestStore(db) as store:
            wall, cpu = time.perf_counter(), time.process_time()
            result = export_requests(store, fmt, folder / "out", symptom_labels=labels,
                                     best_time_labels=BEST_TIME_LABELS, region="US")
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        limit, note = _limit(EXPORT_TARGETS_S[fmt], rows)
        what = (f"the panel's export (kiosk.core.export, phones formatted for region US, XlsxWriter constant memory "
                f"for XLSX) of {result.rows:,} requests to {fmt.upper()} on {filesystem_of(folder)}: read, write "
                f"({result.path.stat().st_size / 2**20:.1f} MiB), fsync, rename, mark exported; {cpu:.2f} s CPU")
        figures.append(Figure(f"staff_export_{fmt}", f"staff export of {rows:,} requests to {fmt.upper()}", wall,
                              "s", what, limit=limit, note=note, reference_s=speed))
    return figures


def bench_panel(folder: Path, filled: Path, rows: int) -> list[Figure]:
    """A kiosk on a copy of the store: open the panel, refresh it, then (after 3 s for the kiosk to settle) export
    every request from it (XLSX, the longer one) while a 2 ms timer measures the longest gap of the GUI event loop,
    from the tap on "Export now" to the panel showing the result."""
    from kiosk.bench.gui import bench_config, close_kiosk, open_kiosk
    from kiosk.qt.app import ensure_qapp

    ensure_qapp()
    data = folder / "panel"
    data.mkdir()
    shutil.copyfile(filled, data / "requests.sqlite3")
    kiosk = open_kiosk(bench_config(data), (1920, 1080))
    try:
        open_ms, refresh_ms, speed = _time_panel(kiosk)
        stall_ms, ticks, export_s, stall_speed = _export_stall(kiosk, folder / "panel-out")
    finally:
        close_kiosk(kiosk)
    limit, note = _limit(PANEL_TARGET_MS, rows)
    stall_limit, stall_note = _limit(STALL_TARGET_MS, rows)
    return [
        Figure("staff_panel_open_ms", f"staff panel open with {rows:,} requests", open_ms, "ms",
               "from the right PIN to the panel laid out and painted at 1920x1080 (counts, the first page of the "
               "list, the export history)", limit=limit, note=note, reference_s=speed),
        Figure("staff_panel_refresh_ms", f"staff panel refresh with {rows:,} requests", refresh_ms, "ms",
               "refresh() (after an export or a purge) and the repaint", limit=limit, note=note, reference_s=speed),
        Figure("staff_export_stall_ms", f"longest GUI stall during a panel export of {rows:,} requests", stall_ms,
               "ms", f"the longest gap between two runs of a {TICK_MS} ms timer on the GUI thread while the panel's "
               f"worker exported every request to XLSX ({export_s:.1f} s, {ticks:,} timer runs), progress bar "
               "updating", limit=stall_limit, note=stall_note, reference_s=stall_speed),
    ]


def _time_panel(kiosk: Kiosk) -> tuple[float, float, float]:
    from PySide6.QtWidgets import QApplication

    speed = reference_loop_s(1)
    panel = kiosk.flow.staff_panel
    start = time.perf_counter()
    kiosk.flow.show_staff_panel()
    QApplication.processEvents()
    panel.repaint()
    open_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(3):
        start = time.perf_counter()
        panel.refresh()
        QApplication.processEvents()
        panel.repaint()
        times.append((time.perf_counter() - start) * 1000)
    return open_ms, sorted(times)[1], speed


def _export_stall(kiosk: Kiosk, out: Path) -> tuple[float, int, float, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    panel = kiosk.flow.staff_panel
    settle = QEventLoop()  # let the kiosk finish what it does after starting (screens built in idle time)
    QTimer.singleShot(3000, settle.quit)
    settle.exec()
    speed = reference_loop_s(1)
    stamps: list[float] = []
    loop = QEventLoop()

    def tick() -> None:
        stamps.append(time.perf_counter())
        if not panel.exporting():  # the worker is done and the panel shows the result
            loop.quit()

    probe = QTimer()
    probe.setInterval(TICK_MS)
    probe.timeout.connect(tick)
    start = time.perf_counter()
    probe.start()
    panel.export("xlsx", True, out)
    loop.exec()
    probe.stop()
    stamps = [start, *stamps, time.perf_counter()]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    return max(gaps), len(stamps) - 2, stamps[-1] - start, speed
