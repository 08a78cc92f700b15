"""`python3 -m kiosk bench --smoke` runs end to end and reports every figure. Smoke test only: the figures depend
on the machine (and smoke counts are tiny), so nothing here asserts a time or a size (they go to README's
Performance table instead); the keys, the shape, the targets and the reference beside every time figure are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = {
    "reference_s", "start_s", "start_rss_mb", "idle_cpu_pct", "soak_rss_mb", "soak_growth_mb", "tap_p50", "tap_p95",
    "frame_p50_1080", "frame_p95_1080", "frame_max_1080", "slide_change_p50_1080",
    "frame_p50_2160", "frame_p95_2160", "frame_max_2160", "slide_change_p50_2160",
    "save_p50", "save_p99", "export_csv", "export_xlsx",
    # kiosk/bench/staff.py (registered in MORE_PARTS)
    "staff_export_csv", "staff_export_xlsx", "staff_panel_open_ms", "staff_panel_refresh_ms", "staff_export_stall_ms",
}


def test_quick_bench_prints_a_table_of_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    work = tmp_path / "work"
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this source tree, whatever else is installed
    proc = subprocess.run([sys.executable, "-m", "kiosk", "bench", "--smoke", "--idle-seconds", "0.5", "--json",
                           str(out), "--dir", str(work)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]

    table = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| figure | value | unit | target | result | reference loop |")
    assert len(table) == 2 + len(EXPECTED)  # header, separator, one row per figure
    assert "- **machine:** CPU" in proc.stdout and "Qt 6." in proc.stdout

    data = json.loads(out.read_text(encoding="utf-8"))
    figures = {f["key"]: f for f in data["figures"]}
    assert set(figures) == EXPECTED
    for key, figure in figures.items():
        assert isinstance(figure["value"], int | float), key  # measured (this suite runs on Linux)
        assert figure["result"] in ("pass", "MISS", "—"), key
        if figure["unit"] in ("s", "ms", "%") and key != "reference_s":
            # This machine's speed right before the figure, beside it: times are compared relative to it.
            assert isinstance(figure["reference_s"], float) and figure["reference_s"] > 0, key
    # The targets the issue sets are attached to the right figures.
    assert figures["start_s"]["target"] == "≤ 0.250 s"
    assert figures["frame_p95_1080"]["target"] == "≤ 3.00 ms"
    assert figures["slide_change_p50_1080"]["target"] == "≤ 16.0 ms"
    assert figures["idle_cpu_pct"]["target"] == "≤ 5.00 %"
    assert "over 0.5 s of the education loop" in figures["idle_cpu_pct"]["what"]  # --idle-seconds heeded
    assert figures["save_p99"]["target"] == "≤ 50.0 ms"
    # Smoke mode exports 200 rows, so the 100,000-row targets are shown as a note, not judged.
    assert figures["export_csv"]["result"] == "—" and "100,000" in figures["export_csv"]["note"]
    # The bench cleans up after itself: its temporary databases and exports are gone.
    assert list(work.iterdir()) == []
