"""Durable save and export figures, on the disk the kiosk writes to. Qt-free."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from kiosk.bench.data import fill_store, sample_requests
from kiosk.bench.machine import filesystem_of, reference_loop_s
from kiosk.bench.report import Figure, percentile

SAVE_TARGET_MS = 50.0
EXPORT_TARGETS_S = {"csv": 2.0, "xlsx": 15.0}
EXPORT_TARGET_ROWS = 100_000


def bench_save(folder: Path, count: int) -> list[Figure]:
    """RequestStore.add() `count` times into a fresh store: each call is one fsynced transaction."""
    from kiosk.core.store import RequestStore

    requests = sample_requests(count, seed=11)
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="psoas-bench-save-", dir=folder) as tmp:
        with RequestStore(Path(tmp) / "requests.sqlite3") as store:
            for request in requests:
                start = time.perf_counter()
                store.add(request)
                times.append((time.perf_counter() - start) * 1000)
        fs = filesystem_of(Path(tmp))
    what = (f"RequestStore.add() of {count} validated requests, one after another, into a new store "
            f"(WAL, synchronous=FULL, fsync per request) on {fs} in {folder}")
    return [
        Figure("save_p50", "durable save p50", percentile(times, 50), "ms", what),
        Figure("save_p99", "durable save p99", percentile(times, 99), "ms", what, limit=SAVE_TARGET_MS),
    ]


def bench_export(folder: Path, rows: int) -> list[Figure]:
    """Export `rows` never-exported requests to CSV, then (from an identical copy of the store) to XLSX."""
    from kiosk.core.content import load_library
    from kiosk.core.domain import BEST_TIME_LABELS
    from kiosk.core.export import export_requests
    from kiosk.core.store import RequestStore

    labels = load_library(["en"]).get("en").symptom_labels()
    full = rows >= EXPORT_TARGET_ROWS
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="psoas-bench-export-", dir=folder) as tmp:
        base = Path(tmp) / "filled.sqlite3"
        fill_store(base, rows)
        fs = filesystem_of(Path(tmp))
        for fmt in ("csv", "xlsx"):
            db = Path(tmp) / f"{fmt}.sqlite3"
            shutil.copyfile(base, db)  # both formats start from the same never-exported rows
            speed = reference_loop_s(1)  # the machine's speed right before this figure
            with RequestStore(db) as store:
                wall, cpu = time.perf_counter(), time.process_time()
                result = export_requests(store, fmt, Path(tmp) / "out", symptom_labels=labels,
                                         best_time_labels=BEST_TIME_LABELS)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            size = result.path.stat().st_size
            what = (f"export_requests() of {result.rows:,} new requests to {fmt.upper()} on {fs}: read, write "
                    f"({size / 2**20:.1f} MiB), fsync, rename, mark exported; {cpu:.2f} s CPU; reference loop "
                    f"just before: {speed:.2f} s")
            limit = EXPORT_TARGETS_S[fmt] if full else None
            note = "" if full else f"target is for {EXPORT_TARGET_ROWS:,} rows: ≤ {EXPORT_TARGETS_S[fmt]:g} s"
            figures.append(Figure(f"export_{fmt}", f"export {rows:,} rows to {fmt.upper()}", wall, "s", what,
                                  limit=limit, note=note))
    return figures
