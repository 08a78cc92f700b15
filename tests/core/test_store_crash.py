"""Crash safety: SIGKILL a process in the middle of add() calls, over and over.

Every reference the child printed (printed only after add() returned) must be in the database afterwards,
and SQLite's integrity check must pass. SIGKILL leaves the kernel's page cache intact, so this proves the
transaction/WAL logic (no acknowledged commit lost, no torn state), not power-loss durability, which
synchronous=FULL covers by fsyncing the WAL on every commit.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.core.store import RequestStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL (POSIX)")

CHILD = Path(__file__).with_name("store_child.py")
ROUNDS = 25
TIME_BUDGET_S = 20.0


def _run_and_kill(db: Path, rng: random.Random, wait_until_ready: bool) -> tuple[list[str], bool]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=CHILD.parents[2],
    )
    try:
        if wait_until_ready:
            # Wait for "ready" so the kill lands among add() calls rather than in interpreter start-up.
            first = proc.stdout.readline()
            if first != b"ready\n":
                proc.kill()
                _, err = proc.communicate()
                pytest.fail(f"child failed to start: {first!r} {err.decode(errors='replace')[-2000:]}")
        time.sleep(rng.uniform(0.020, 0.200))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")[-2000:]
    # Only complete lines count: the reference is printed after add() returned.
    lines = out.decode().split("\n")[:-1]
    return [ln for ln in lines if ln.startswith("PS-")], wait_until_ready


def test_no_acknowledged_request_is_lost_when_killed(tmp_path: Path):
    db = tmp_path / "data" / "requests.sqlite3"
    rng = random.Random(os.environ.get("PSOAS_CRASH_SEED", time.time_ns()))
    reported: list[str] = []
    started = time.monotonic()
    rounds = 0
    for i in range(ROUNDS):
        if time.monotonic() - started > TIME_BUDGET_S:
            break
        # Every 5th round kills without waiting for "ready": that lands in start-up, opening, migrating
        # or WAL recovery from the previous kill.
        refs, _ = _run_and_kill(db, rng, wait_until_ready=(i % 5 != 4))
        reported += refs
        rounds += 1

        with RequestStore(db) as store:  # reopening after each kill also runs WAL recovery
            present = {r.reference for r in store.list_requests()}
            missing = [r for r in reported if r not in present]
            assert not missing, f"round {i}: {len(missing)} acknowledged request(s) lost"
            assert store.integrity_ok()

    assert rounds >= 10, "time budget too small to mean anything"
    assert len(reported) > 0, "the child never got to add anything"
    assert len(set(reported)) == len(reported)  # references are unique across crashes
    with RequestStore(db) as store:
        assert store.integrity_ok()
        total = store.counts().total
        assert total >= len(reported)  # a kill after commit but before print may add one unreported row
        assert total <= len(reported) + rounds
    print(f"\ncrash test: {rounds} kills, {len(reported)} acknowledged adds, {total} rows")
