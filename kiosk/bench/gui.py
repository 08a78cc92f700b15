"""The on-screen figures: paint time per cross-fade frame, tap -> repaint latency, memory over a soak, and the CPU
the slide loop takes while nobody touches the kiosk.

Everything runs in this process on Qt's offscreen platform, so the figures are the kiosk's own CPU work
(layout, painting into the window's image) without a GPU, a compositor or a display's refresh in them.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication

from kiosk.bench.driver import Patient, send_mouse, settle
from kiosk.bench.machine import rss_bytes
from kiosk.bench.report import Figure, percentile

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.qt.app import Kiosk

FRAME_TARGET_MS = 3.0  # p95 at 1080p
SLIDE_CHANGE_TARGET_MS = 16.0  # p50 at 1080p: one frame of a 60 Hz display
IDLE_CPU_TARGET_PCT = 5.0  # of one core, the slide loop running untouched
TAP_TARGET_MS = 50.0
MEMORY_TARGET_MB = 150.0
GROWTH_TARGET_MB = 5.0
FRAME_INTERVAL_MS = 1000 / 60  # a 60 Hz display asks for a frame this often during a cross-fade


def bench_config(data_dir: Path) -> Config:
    """Defaults (a 350 ms cross-fade, the clinic's real text sizes), a private data folder, and idle timers long
    enough never to fire in the middle of a measurement."""
    from kiosk.core.config import Config, DataSettings, IdleSettings

    config = Config()
    return replace(config, idle=IdleSettings(timeout_seconds=3600, countdown_seconds=60, thanks_seconds=60),
                   data=DataSettings(directory=str(data_dir), export_folder=str(data_dir / "exports")))


def open_kiosk(config: Config, size: tuple[int, int]) -> Kiosk:
    from kiosk.qt.app import build_kiosk

    kiosk = build_kiosk(config, [], windowed=True, size=size)
    kiosk.resize(*size)
    kiosk.window.show()
    for _ in range(3):
        settle()
    return kiosk


def close_kiosk(kiosk: Kiosk) -> None:
    kiosk.state.close()
    kiosk.window.allow_close = True
    kiosk.window.close()
    kiosk.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _resize(kiosk: Kiosk, size: tuple[int, int]) -> None:
    kiosk.resize(*size)
    for _ in range(3):
        settle()


# ---- paint time per cross-fade frame ------------------------------------------------------------------------------


def bench_frames(kiosk: Kiosk, size: tuple[int, int], transitions: int) -> list[Figure]:
    """Step real cross-fades frame by frame and time each frame of the education screen rendered into an image.

    Frame 0 of a transition is the slide change itself (image of the old slide; the new slide, made ready in
    the hidden slide view, swapped in; dots moved) plus a render of what that changes (the slide area and the
    page dots). When the slide made ready is not the one asked for, or no longer holds, frame 0 also lays the
    new slide out and takes its image (the first transition: the bench starts without a quiet moment). Between
    transitions the bench does what the kiosk does while a slide is on screen: make the next slide ready (laid
    out, picture rendered, image taken; not timed). The other frames are the fade at 60 Hz steps, each rendering
    what the fade makes Qt repaint: the slide area (the stage) with everything under and over it; the header and
    the bottom bar do not change during a fade.
    """
    _resize(kiosk, size)
    education = kiosk.flow.education
    kiosk.flow.return_to_loop()
    education.stop()  # the bench changes slides itself, frame by frame
    settle()
    image = QImage(education.size(), QImage.Format.Format_ARGB32_Premultiplied)
    stage = QRegion(education.stage.geometry())  # the fade overlay covers exactly the stage
    changed = stage | QRegion(QRect(education.dots.mapTo(education, QPoint(0, 0)), education.dots.size()))
    duration = kiosk.state.config.slides.transition_ms
    frames: list[float] = []
    starts: list[float] = []
    for _ in range(transitions):
        begin = time.perf_counter()
        education.show_index(education.index + 1)
        animation = education.fade_anim
        animation.pause()  # time moves only when the bench says so
        animation.setCurrentTime(0)
        # What a slide change makes Qt repaint: the slide area (the fade now covers it) and the page dots.
        education.render(image, QPoint(0, 0), changed)
        elapsed = (time.perf_counter() - begin) * 1000
        starts.append(elapsed)
        frames.append(elapsed)
        step = 1
        while step * FRAME_INTERVAL_MS < duration:
            begin = time.perf_counter()
            animation.setCurrentTime(round(step * FRAME_INTERVAL_MS))  # the frame's own work + the paint
            education.render(image, QPoint(0, 0), stage)
            frames.append((time.perf_counter() - begin) * 1000)
            step += 1
        animation.setCurrentTime(duration)  # ends the fade (hides the overlay)
        settle()
        # The seconds the slide then stays on screen, in which the kiosk makes the next slide ready.
        education.prepare_timer.stop()
        education.prepare_next()
    w, h = size
    label = f"{w}×{h}"
    limit = FRAME_TARGET_MS if size == (1920, 1080) else None
    what = (f"EducationScreen.render() into a {w}×{h} image for every 60 Hz frame of {transitions} cross-fades "
            f"({duration} ms, all slides in turn; {len(frames)} frames): frame 0 = the slide change + the slide "
            "area and page dots it repaints, the others = the slide area the fade repaints; between changes the "
            "next slide is made ready (laid out, its image taken), as the kiosk does (not before the first change: "
            "its frame 0 makes the slide ready at once)")
    return [
        Figure(f"frame_p50_{h}", f"frame p50, {label}", percentile(frames, 50), "ms", what),
        Figure(f"frame_p95_{h}", f"frame p95, {label}", percentile(frames, 95), "ms", what, limit=limit),
        Figure(f"frame_max_{h}", f"frame max, {label}", max(frames), "ms", what),
        Figure(f"slide_change_p50_{h}", f"slide change (frame 0) p50, {label}", percentile(starts, 50), "ms",
               "show_index(): image of the outgoing slide, the new slide (made ready ahead: laid out, its image "
               "taken) swapped in, and the first render of what changed (slide area and page dots)",
               limit=SLIDE_CHANGE_TARGET_MS if size == (1920, 1080) else None),
    ]


# ---- tap -> repaint ---------------------------------------------------------------------------------------------


class _PaintWatch(QObject):
    """Counts paint events on one widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def bench_tap(kiosk: Kiosk, taps: int) -> list[Figure]:
    """Press and release on checklist tiles; time from the press until the tile has repainted in its new state."""
    _resize(kiosk, (1920, 1080))
    flow = kiosk.flow
    flow.return_to_loop()
    flow.education.cta.click()
    settle()
    tiles = list(flow.checklist.tiles.values())
    watch = _PaintWatch()
    for tile in tiles:
        tile.installEventFilter(watch)
    times: list[float] = []
    missed = 0
    for i in range(taps):
        tile = tiles[i % len(tiles)]
        settle()  # nothing left over from the last tap
        before = watch.paints
        begin = time.perf_counter()
        send_mouse(tile, QEvent.Type.MouseButtonPress)
        send_mouse(tile, QEvent.Type.MouseButtonRelease)
        deadline = begin + 1.0
        while watch.paints == before and time.perf_counter() < deadline:
            QApplication.processEvents()
        if watch.paints == before:
            missed += 1
            continue
        times.append((time.perf_counter() - begin) * 1000)
    for tile in tiles:
        tile.removeEventFilter(watch)
    flow.return_to_loop()
    settle()
    what = (f"{taps} taps (mouse press + release through QApplication) on the 1920×1080 checklist's symptom tiles, "
            "until the tapped tile's paint event has been handled")
    note = f"{missed} taps never repainted" if missed else ""
    return [
        Figure("tap_p50", "tap → repaint p50", percentile(times, 50) if times else None, "ms", what, note=note),
        Figure("tap_p95", "tap → repaint p95", percentile(times, 95) if times else None, "ms", what,
               limit=TAP_TARGET_MS, note=note),
    ]


# ---- memory over a soak -----------------------------------------------------------------------------------------


def _transition(kiosk: Kiosk) -> None:
    """One cross-fade as the loop does it: change slide, paint the first fade frame, finish the fade, paint."""
    education = kiosk.flow.education
    education.show_index(education.index + 1)
    settle()
    education.fade_anim.setCurrentTime(education.fade_anim.duration())
    settle()


def _rss_mb(collect: bool = True) -> float | None:
    if collect:
        gc.collect()
    rss = rss_bytes()
    return None if rss is None else rss / 2**20


def bench_soak(kiosk: Kiosk, transitions: int, flows: int, progress: bool = False) -> list[Figure]:
    """Memory after a warm-up, then after `transitions` slide changes interleaved with `flows` patient visits.

    The warm-up (one round of every slide and three visits) fills what is meant to be filled once: glyph and
    icon caches, the keyboard pages, the store's connection; growth after it is what a long day would add.
    """
    _resize(kiosk, (1920, 1080))
    flow = kiosk.flow
    flow.return_to_loop()
    flow.education.stop()
    settle()
    labels = [s.label for s in kiosk.state.content.symptoms]
    patient = Patient(kiosk)
    for _ in range(len(flow.education.slides)):
        _transition(kiosk)
    for n in range(3):
        patient.visit(n, labels)
        flow.education.stop()
    start_mb = _rss_mb()
    # Resident memory swings by several MB from one moment to the next (Qt's pixmap cache filling and evicting,
    # the allocator keeping or returning freed blocks), so one reading at each end would mostly measure the swing.
    # A hundred readings instead: growth = the median of the last quarter minus the median of the first quarter,
    # which a steady leak moves and a swing does not.
    samples: list[float] = []
    begin = time.perf_counter()
    every = max(1, transitions // max(1, flows))  # a visit after every `every` slide changes
    sample_every = max(1, transitions // 100)
    tenth = max(1, transitions // 10)
    done_flows = 0
    for i in range(transitions):
        _transition(kiosk)
        if (i + 1) % every == 0 and done_flows < flows:
            patient.visit(done_flows, labels)
            flow.education.stop()  # the bench changes slides itself
            done_flows += 1
        if (i + 1) % sample_every == 0:
            mb = _rss_mb(collect=False)  # a full collection each time would add seconds to the soak
            if mb is not None:
                samples.append(mb)
            if progress and (i + 1) % tenth == 0:
                print(f"bench:   soak {i + 1:,}/{transitions:,} slide changes, {done_flows:,} visits, "
                      f"{mb or 0:.1f} MB", file=sys.stderr, flush=True)
    while done_flows < flows:
        patient.visit(done_flows, labels)
        done_flows += 1
    end_mb = _rss_mb()
    seconds = time.perf_counter() - begin
    stored = kiosk.state.store.counts().total
    if start_mb is None or end_mb is None or not samples:
        return [Figure("soak_growth_mb", "memory growth over the soak", None, "MB", "resident memory over a soak",
                       note="no way to read resident memory on this OS")]
    quarter = max(1, len(samples) // 4)
    growth = statistics.median(samples[-quarter:]) - statistics.median(samples[:quarter])
    trail = ", ".join(f"{mb:.0f}" for mb in samples[max(0, len(samples) // 10 - 1)::max(1, len(samples) // 10)])
    what = (f"{transitions:,} cross-faded slide changes and {done_flows:,} complete visits (checklist → form typed "
            f"on the on-screen keyboard → save → thanks → Done), interleaved, at 1920×1080, after a warm-up (one "
            f"round of slides, 3 visits: {start_mb:.1f} MB); {stored:,} requests saved; took {seconds:.0f} s; "
            f"VmRSS read {len(samples)} times (MB at each tenth: {trail}; at the end: {end_mb:.1f})")
    return [
        Figure("soak_rss_mb", "resident memory, peak during the soak", max([start_mb, end_mb, *samples]), "MB",
               "highest of the readings: " + what + "; this bench process also holds the bench's own code",
               limit=MEMORY_TARGET_MB),
        Figure("soak_growth_mb", "memory growth over the soak", growth, "MB",
               "median of the last quarter of the readings minus median of the first quarter: " + what,
               limit=GROWTH_TARGET_MB),
    ]


# ---- CPU while the loop runs untouched ------------------------------------------------------------------------


def bench_idle_cpu(kiosk: Kiosk, seconds: float) -> list[Figure]:
    """Run the real slide loop (the config's slide times and cross-fades, animated pictures) for `seconds` in Qt's
    event loop, nobody touching the screen, and divide the process's CPU time by the wall time."""
    _resize(kiosk, (1920, 1080))
    flow = kiosk.flow
    flow.return_to_loop()
    flow.education.start(from_first=True)
    changes: list[int] = []
    flow.education.slide_changed.connect(changes.append)
    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    wall, cpu = time.perf_counter(), time.process_time()
    loop.exec()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    flow.education.slide_changed.disconnect(changes.append)
    flow.education.stop()
    what = (f"process CPU time (all threads) / wall time over {seconds:g} s of the education loop at 1920×1080 as the "
            f"kiosk runs it (slide times and {kiosk.state.config.slides.transition_ms} ms cross-fades from the "
            f"config, pictures animating; {len(changes)} slide changes), nobody touching the screen; {cpu:.2f} s CPU; "
            "offscreen platform: painting into the window's image, no copy to a display")
    return [Figure("idle_cpu_pct", "CPU while the loop runs untouched", cpu / wall * 100, "%", what,
                   limit=IDLE_CPU_TARGET_PCT)]
