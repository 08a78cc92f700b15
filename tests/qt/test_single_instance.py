"""One kiosk per data folder: a second copy exits at once with a clear message; a dead kiosk's lock never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.qt.single_instance import EXIT_ALREADY_RUNNING, LOCK_FILE_NAME, AlreadyRunning, InstanceLock, running_kiosk

ROOT = Path(__file__).resolve().parents[2]

# Takes the lock like the kiosk does, says so, then waits to be killed.
_HOLDER = """
import sys, time
from pathlib import Path
from kiosk.qt.single_instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "no lock", flush=True)
time.sleep(60)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PSOAS_KIOSK_DATA_DIR=str(tmp_path / "data"), PSOAS_KIOSK_LOG_DIR=str(tmp_path / "logs"),
               PSOAS_KIOSK_CONFIG=str(tmp_path / "config.toml"))
    return env


def _start_holder(tmp_path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(tmp_path / "data")], env=_env(tmp_path),
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_lock_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path / "data")
    assert first.acquire()
    try:
        with pytest.raises(AlreadyRunning) as caught:
            InstanceLock(tmp_path / "data").acquire()
        assert str(tmp_path / "data") in str(caught.value)
        assert f"process {os.getpid()}" in str(caught.value)
        # A kiosk on another data folder is independent.
        other = InstanceLock(tmp_path / "other")
        assert other.acquire()
        other.release()
    finally:
        first.release()
    assert not (tmp_path / "data" / LOCK_FILE_NAME).exists()
    again = InstanceLock(tmp_path / "data")
    assert again.acquire()
    again.release()


def test_an_old_lock_of_a_live_kiosk_is_not_stale(tmp_path: Path) -> None:
    """Qt's default would call a lock older than 30 s stale and let a second copy take it over."""
    first = InstanceLock(tmp_path / "data")
    assert first.acquire()
    try:
        day_ago = time.time() - 86400
        os.utime(first.path, (day_ago, day_ago))
        with pytest.raises(AlreadyRunning):
            InstanceLock(tmp_path / "data").acquire()
    finally:
        first.release()


def test_lock_of_a_killed_kiosk_is_taken_over(tmp_path: Path) -> None:
    holder = _start_holder(tmp_path)
    try:
        assert running_kiosk(tmp_path / "data") is not None
        with pytest.raises(AlreadyRunning) as caught:
            InstanceLock(tmp_path / "data").acquire()
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        holder.send_signal(signal.SIGKILL)  # like a crash or a power cut: no chance to remove the lock file
        holder.wait(10)
    assert (tmp_path / "data" / LOCK_FILE_NAME).exists()
    assert running_kiosk(tmp_path / "data") is None
    lock = InstanceLock(tmp_path / "data")
    assert lock.acquire()
    lock.release()


def test_unwritable_data_folder_does_not_stop_the_kiosk(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert InstanceLock(blocker / "data").acquire() is False


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_second_kiosk_process_exits_at_once_and_the_first_stops_cleanly(tmp_path: Path) -> None:
    """The real thing: `python3 -m kiosk --windowed` twice on one data folder."""
    env = _env(tmp_path)
    first = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        log_file = tmp_path / "logs" / "kiosk.log"
        while not (log_file.exists() and "kiosk started" in log_file.read_text(encoding="utf-8")):
            assert first.poll() is None, f"the first kiosk exited: {first.stderr.read() if first.stderr else ''}"
            assert time.monotonic() < deadline, "the first kiosk did not start within 20 s"
            time.sleep(0.05)
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "kiosk", "--windowed"], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == EXIT_ALREADY_RUNNING
        assert f"already running on the data folder {tmp_path / 'data'} (process {first.pid})" in second.stderr
        assert time.monotonic() - started < 10
        assert first.poll() is None  # the first one is untouched
        # systemctl stop: SIGTERM stops the kiosk cleanly and frees the data folder.
        first.send_signal(signal.SIGTERM)
        assert first.wait(10) == 0
        assert not (tmp_path / "data" / LOCK_FILE_NAME).exists()
        assert "kiosk stopped (exit code 0)" in log_file.read_text(encoding="utf-8")
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
