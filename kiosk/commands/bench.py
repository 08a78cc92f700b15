"""`bench [--quick] [--json PATH]`: measure start-up, memory, painting, taps, the idle loop's CPU, saving and
exporting; print a table with the reference loop (this machine's speed just then) beside every time figure.

Everything heavy is imported inside run(): `python3 -m kiosk --help` imports every command module.
The cold-start figure starts kiosks through this command's hidden FIRST_PAINT_OPTION, which runs an ordinary kiosk
with the bench's first-paint hook: the kiosk itself knows nothing of the bench.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.bench.report import Figure

# (full, quick, smoke): how much of each figure to measure. Smoke only proves every figure can be measured.
IDLE_SECONDS = (60.0, 20.0, 2.0)
SIZES = {
    "start_runs": (5, 2, 1),
    "soak_transitions": (10_000, 500, 20),
    "soak_flows": (1_000, 50, 2),
    "frame_transitions": (30, 6, 2),
    "taps": (300, 50, 5),
    "saves": (500, 100, 10),
    "export_rows": (100_000, 10_000, 200),
}
GUI_PARTS = ("idle", "soak", "tap", "frames")  # measured on one kiosk in this process, first
PARTS = ("start", *GUI_PARTS, "save", "export")


@dataclass(frozen=True)
class BenchRun:
    """What a part of the bench gets: how much to measure (`counts`, SIZES picked for the mode; `scale` 0 full,
    1 quick, 2 smoke, for a part with sizes of its own) and the folder for its temporary files."""

    counts: dict[str, int]
    scale: int
    folder: Path
    idle_seconds: float = IDLE_SECONDS[0]


# Parts measured by a function of their own module, after the others: name -> "module:function", the function
# taking a BenchRun and returning its figures. One line each (imported only when the part runs).
MORE_PARTS: dict[str, str] = {
    "staff": "kiosk.bench.staff:measure",  # issue 15: staff export, panel open/refresh, GUI stall while exporting
}
# Hidden: start a kiosk that prints its first-paint time and memory, then quits (see first_paint_command).
FIRST_PAINT_OPTION = "--report-first-paint"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true",
                        help="smaller counts (about two minutes): 2 starts, 20 s of the idle loop, 500 slide changes "
                             "and 50 visits, 10,000 export rows")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny counts and durations (seconds in all): proves every figure can be measured; the "
                             "figures themselves mean nothing")
    parser.add_argument("--idle-seconds", type=float, metavar="S",
                        help="how long to run the untouched slide loop for the CPU figure (default: 60, quick 20)")
    parser.add_argument("--bundle", type=Path, metavar="EXE",
                        help="also time the cold start of this frozen kiosk (e.g. dist/psoas-kiosk/psoas-kiosk)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    parser.add_argument("--dir", type=Path, metavar="PATH",
                        help="folder for the temporary databases and exports (default: the kiosk's data folder, "
                             "so that saving and exporting are timed on the disk the kiosk really uses)")
    parser.add_argument("--only", metavar="PARTS",
                        help=f"comma-separated subset of {','.join(_all_parts())} (default: all)")
    parser.add_argument(FIRST_PAINT_OPTION, dest="report_first_paint", action="store_true", help=argparse.SUPPRESS)


def first_paint_command() -> list[str]:
    """How the cold-start figure starts a kiosk: the frozen executable (it has only its subcommands) or this Python
    with -m kiosk, in a window, through FIRST_PAINT_OPTION."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kiosk"]
    return [*program, "--windowed", "bench", FIRST_PAINT_OPTION]


def _all_parts() -> tuple[str, ...]:
    return (*PARTS, *MORE_PARTS)


def _run_kiosk_reporting_first_paint(args: argparse.Namespace) -> int:
    from kiosk.bench.startup import exit_after_first_paint
    from kiosk.qt.app import run_kiosk

    return run_kiosk(getattr(args, "config", None), windowed=getattr(args, "windowed", True),
                     on_started=exit_after_first_paint)


def _parts(text: str | None) -> list[str]:
    if not text:
        return list(_all_parts())
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in _all_parts()]
    if unknown:
        raise SystemExit(f"bench: unknown part(s) {', '.join(unknown)}; choose from {', '.join(_all_parts())}")
    return chosen


def _work_folder(args: argparse.Namespace) -> Path:
    if args.dir is not None:
        folder = Path(args.dir)
    else:
        from kiosk.core.config import load_config

        config, _problems = load_config(getattr(args, "config", None))
        folder = config.data_dir
    if not folder.exists():
        # Owner-only, as RequestStore would create it: the kiosk may later keep patients' requests here.
        folder.mkdir(parents=True, mode=0o700)
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(folder, 0o700)
    return folder


_QT_HANDLER: list[object] = []  # keeps the message handler alive


def _quiet_qt() -> None:
    """Only Qt's critical messages: the offscreen platform's chatter ("does not support propagateSizeHints", once
    per window) would bury the progress lines and the table."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(f"qt: {message}", file=sys.stderr, flush=True)

    _QT_HANDLER.append(handler)
    qInstallMessageHandler(handler)


def _step(message: str) -> None:
    print(f"bench: {message} ...", file=sys.stderr, flush=True)


def _referenced(measure: Callable[[], list[Figure]]) -> list[Figure]:
    """`measure()`'s figures, each time figure with the reference loop measured right before it."""
    from kiosk.bench.machine import reference_loop_s
    from kiosk.bench.report import with_reference

    speed = reference_loop_s(1)
    return with_reference(measure(), speed)


def _gui_figures(parts: list[str], run: BenchRun) -> list[Figure]:
    """Idle-loop CPU, soak, tap and cross-fade figures, all from one kiosk in this process."""
    import tempfile

    from kiosk.bench import gui
    from kiosk.qt.app import ensure_qapp

    n = run.counts
    _quiet_qt()
    ensure_qapp()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="psoas-bench-gui-", dir=run.folder) as tmp:
        kiosk = gui.open_kiosk(gui.bench_config(Path(tmp)), (1920, 1080))
        kiosk.flow.build_all()  # what the kiosk builds right after its first slide: not part of any figure
        try:
            if "idle" in parts:  # first: the loop as a kiosk runs it, before the soak has filled any cache
                _step(f"CPU of the untouched slide loop: {run.idle_seconds:g} s")
                figures += _referenced(lambda: gui.bench_idle_cpu(kiosk, run.idle_seconds))
            if "soak" in parts:
                _step(f"memory soak: {n['soak_transitions']:,} slide changes, {n['soak_flows']:,} visits")
                figures += _referenced(lambda: gui.bench_soak(kiosk, n["soak_transitions"], n["soak_flows"],
                                                              progress=run.scale == 0))
            if "tap" in parts:
                _step(f"tap latency: {n['taps']} taps")
                figures += _referenced(lambda: gui.bench_tap(kiosk, n["taps"]))
            if "frames" in parts:
                for size in ((1920, 1080), (3840, 2160)):
                    _step(f"cross-fade frames at {size[0]}x{size[1]}")
                    figures += _referenced(partial(gui.bench_frames, kiosk, size, n["frame_transitions"]))
        finally:
            gui.close_kiosk(kiosk)
    return figures


def _start_figures(run: BenchRun, bundle: Path | None) -> list[Figure]:
    from kiosk.bench.startup import measure_cold_start

    runs = run.counts["start_runs"]
    frozen = getattr(sys, "frozen", False)
    _step(f"cold start ({'frozen' if frozen else 'source'}): {runs} runs + 1 warm-up")
    figures = _referenced(lambda: measure_cold_start(runs, first_paint_command(),
                                                     kind="frozen" if frozen else "source"))
    if bundle is not None:
        _step(f"cold start (frozen, {bundle}): {runs} runs + 1 warm-up")
        command = [str(bundle), "--windowed", "bench", FIRST_PAINT_OPTION]
        figures += _referenced(lambda: measure_cold_start(runs, command, key="start_frozen", kind="frozen"))
    return figures


def _measure(parts: list[str], run: BenchRun, bundle: Path | None) -> list[Figure]:
    n = run.counts
    figures: list[Figure] = []
    if any(p in parts for p in GUI_PARTS):
        # First, in a fresh process: the soak's memory figures should hold the kiosk, not earlier measurements.
        figures += _gui_figures(parts, run)
    if "start" in parts:
        figures = _start_figures(run, bundle) + figures
    if "save" in parts:
        from kiosk.bench.storage import bench_save

        _step(f"durable save: {n['saves']} requests")
        figures += _referenced(lambda: bench_save(run.folder, n["saves"]))
    if "export" in parts:
        from kiosk.bench.storage import bench_export

        _step(f"export: {n['export_rows']:,} rows to CSV and XLSX")
        figures += _referenced(lambda: bench_export(run.folder, n["export_rows"]))
    for name, where in MORE_PARTS.items():
        if name in parts:
            module_name, function = where.split(":")
            _step(name)
            measure = getattr(importlib.import_module(module_name), function)
            figures += _referenced(partial(measure, run))
    return figures


def _reference_figure(before: float, after: float) -> Figure:
    import statistics

    from kiosk.bench import machine
    from kiosk.bench.report import Figure

    return Figure(
        "reference_s", "machine speed: reference loop", statistics.median([before, after]), "s",
        f"{machine.REFERENCE_ADDITIONS:,} additions in a pure-Python loop (median of runs at the start, "
        f"{before:.2f} s, and at the end, {after:.2f} s): this machine's Python speed during the "
        "bench; compare other figures across runs or machines relative to it")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "report_first_paint", False):
        return _run_kiosk_reporting_first_paint(args)
    # Offscreen: the same figures with or without a display, and no window pops up on the clinic's screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import time
    from datetime import datetime

    from kiosk.bench import machine
    from kiosk.bench.report import markdown, write_json

    parts = _parts(args.only)
    pick = 2 if args.smoke else 1 if args.quick else 0
    n = {key: value[pick] for key, value in SIZES.items()}
    idle = IDLE_SECONDS[pick] if args.idle_seconds is None else max(0.1, args.idle_seconds)
    run = BenchRun(counts=n, scale=pick, folder=_work_folder(args), idle_seconds=idle)
    program = Path(sys.executable).name if getattr(sys, "frozen", False) else "python3 -m kiosk"
    mode = " --smoke" if args.smoke else " --quick" if args.quick else ""
    command = f"{program} bench{mode}" + (f" --only {args.only}" if args.only else "")
    began = time.perf_counter()
    speed_before = machine.reference_loop_s(3 if pick == 0 else 1)
    figures = _measure(parts, run, args.bundle)
    speed_after = machine.reference_loop_s(3 if pick == 0 else 1)
    figures.append(_reference_figure(speed_before, speed_after))
    order = {key: i for i, key in enumerate(("reference_s", "start_s", "start_rss_mb", "start_frozen_s",
                                                "start_frozen_rss_mb", "idle_cpu_pct", "soak_rss_mb",
                                                "soak_growth_mb"))}
    figures.sort(key=lambda f: order.get(f.key, len(order)))  # start and memory first, then as measured
    header = {
        "command": (command + (f" --dir {args.dir}" if args.dir else "")
                    + (f" --bundle {args.bundle}" if args.bundle else "")),
        "mode": ("smoke (tiny counts: the figures mean nothing)" if args.smoke else
                 "quick (smaller counts; targets are for the full run)" if args.quick else "full"),
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "took": f"{time.perf_counter() - began:.0f} s",
        "rendering": "Qt offscreen platform (CPU raster, no GPU or compositor)",
    }
    info = machine.describe()
    print(markdown(figures, info, header))
    if args.json:
        write_json(args.json, figures, info, header)
        print(f"figures written to {args.json}")
    return 0  # a miss is a finding shown in the table, not a failure of the command
