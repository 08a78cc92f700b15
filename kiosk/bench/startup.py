"""Cold start: from starting a kiosk process to its first painted slide.

Two halves. `exit_after_first_paint()` is the hook the bench hands to run_kiosk(on_started=...) in the kiosk
process (`bench`'s hidden option, kiosk.commands.bench.first_paint_command): it prints the wall-clock time of the
first paint of the slide picture and the resident memory, then quits. `measure_cold_start()` runs in the bench: it
starts such kiosks and subtracts the time it started them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.bench.report import Figure
    from kiosk.qt.app import Kiosk

# The kiosk process imports this module for its hook: the bench's own modules (subprocess, statistics, the
# report) are imported inside the functions that run in the bench, so that they do not count as start-up.

MARK = "PSOAS_BENCH_FIRST_PAINT"
START_TARGET_S = 0.25  # half of a Chromium kiosk's first paint of a comparable slide (0.49 s)
MEMORY_TARGET_MB = 150.0


def exit_after_first_paint(kiosk: Kiosk) -> None:
    """In the kiosk process: once the education screen's picture has been painted, report and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    picture = kiosk.flow.education.slide_view.picture

    def report() -> None:
        painted = time.time()
        from kiosk.bench.machine import rss_bytes  # after the clock is read: the bench's code, not the kiosk's

        rss = rss_bytes()
        print(f"{MARK} {painted:.6f} {rss if rss is not None else -1}", flush=True)
        QApplication.exit(0)  # not quit(): a kiosk-mode window refuses to close, which would cancel a quit()

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if obj is picture and event.type() == QEvent.Type.Paint:
                picture.removeEventFilter(self)
                # The filter sees the paint event before it is handled; a zero timer fires once the whole
                # window's paint pass (every dirty widget, then the flush) is over.
                QTimer.singleShot(0, report)
            return False

    watch = FirstPaint(picture)
    picture.installEventFilter(watch)


def _one_start(command: list[str], timeout_s: float) -> tuple[float, int | None]:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="psoas-bench-start-") as tmp:
        env = dict(os.environ)
        # Python's default is to cache bytecode; this machine's environment may turn that off, which would make
        # every start compile the kiosk's sources again (an installed or frozen kiosk never does).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not getattr(sys, "frozen", False):
            # Start this very kiosk package, not whichever one the environment would find first.
            source_root = str(Path(__file__).resolve().parent.parent.parent)
            env["PYTHONPATH"] = os.pathsep.join(p for p in (source_root, env.get("PYTHONPATH", "")) if p)
        env.update({
            "QT_QPA_PLATFORM": "offscreen",
            "PSOAS_KIOSK_CONFIG": str(Path(tmp) / "config.toml"),  # missing: the defaults
            "PSOAS_KIOSK_DATA_DIR": str(Path(tmp) / "data"),
            "PSOAS_KIOSK_LOG_DIR": str(Path(tmp) / "logs"),
        })
        started = time.time()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout_s,
                              check=False)
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            _, stamp, rss = line.split()
            return float(stamp) - started, (int(rss) if int(rss) >= 0 else None)
    raise RuntimeError(f"the kiosk did not report its first paint (exit code {proc.returncode}): "
                       f"{(proc.stderr or proc.stdout).strip()[-600:]}")


def measure_cold_start(runs: int, command: list[str], timeout_s: float = 60.0, *, key: str = "start",
                       kind: str = "") -> list[Figure]:
    """Start `command` (a kiosk whose run_kiosk got exit_after_first_paint as its hook) 1 + `runs` times.
    Figures `<key>_s` and `<key>_rss_mb`; `kind` ("source", "frozen") goes into their names."""
    import statistics

    from kiosk.bench.report import Figure

    _one_start(command, timeout_s)  # warm-up, not counted: fills the OS file cache and the bytecode cache
    times: list[float] = []
    memory: list[int] = []
    for _ in range(runs):
        elapsed, rss = _one_start(command, timeout_s)
        times.append(elapsed)
        if rss is not None:
            memory.append(rss)
    how = "`" + " ".join(Path(command[0]).name if i == 0 else a for i, a in enumerate(command)) + "`"
    what = (f"{how} with QT_QPA_PLATFORM=offscreen (1280x800 window), from starting the process to the first "
            f"paint of the first slide; median of {runs} runs after 1 unmeasured warm-up run (warm file cache); "
            f"runs: {', '.join(f'{t:.2f}' for t in times)} s")
    of = f" ({kind})" if kind else ""
    figures = [Figure(f"{key}_s", f"cold start to first slide{of}", statistics.median(times), "s", what,
                      limit=START_TARGET_S)]
    if memory:
        figures.append(Figure(
            f"{key}_rss_mb", f"resident memory after start{of}", statistics.median(memory) / 2**20, "MB",
            f"VmRSS of the same kiosk processes at their first painted slide; median of {len(memory)}",
            limit=MEMORY_TARGET_MB))
    else:
        figures.append(Figure(f"{key}_rss_mb", f"resident memory after start{of}", None, "MB",
                              "resident memory of the started kiosk", note="no way to read it on this OS"))
    return figures
