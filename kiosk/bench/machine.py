"""The machine a bench ran on, and this process's resident memory. Qt-free except for the version strings."""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def total_ram_bytes() -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    if sys.platform == "win32":
        return _windows_total_ram()
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return None


def _windows_total_ram() -> int | None:
    import ctypes
    from ctypes import wintypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [("dwLength", wintypes.DWORD), ("dwMemoryLoad", wintypes.DWORD),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return int(status.ullTotalPhys)
    return None


def rss_bytes() -> int | None:
    """Resident memory of this process: VmRSS on Linux, psutil if installed, the working set on Windows."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    psutil: Any = None
    # Optional, not a dependency of the kiosk (so neither are its type stubs): looked up by name.
    with contextlib.suppress(ImportError):
        psutil = importlib.import_module("psutil")
    if psutil is not None:
        return int(psutil.Process().memory_info().rss)
    if sys.platform == "win32":
        return _windows_working_set()
    return None  # e.g. macOS without psutil: the memory figures say "not measured"


def _windows_working_set() -> int | None:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                    ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                    ("QuotaPeakPagedPoolUsage", ctypes.c_size_t), ("QuotaPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t), ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                    ("PagefileUsage", ctypes.c_size_t), ("PeakPagefileUsage", ctypes.c_size_t)]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
    if ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):  # type: ignore[attr-defined]
        return int(counters.WorkingSetSize)
    return None


def filesystem_of(path: Path) -> str:
    """The filesystem type holding `path` (from /proc/mounts), so a reader knows what fsync cost there."""
    best, kind = "", "unknown"
    target = str(path.resolve())
    with contextlib.suppress(OSError):
        for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 3 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")):
                if len(parts[1]) > len(best):
                    best, kind = parts[1], parts[2]
    return kind


def describe(qt: bool = True) -> dict[str, str]:
    ram = total_ram_bytes()
    info = {
        "CPU": cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "RAM": f"{ram / 2**30:.1f} GiB" if ram else "unknown",
        "OS": platform.platform(),
        "Python": platform.python_version() + (" (frozen)" if getattr(sys, "frozen", False) else ""),
    }
    if qt:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        info["Qt"] = f"{qVersion()} (PySide6 {pyside_version})"
    with contextlib.suppress(OSError, AttributeError):
        # Other work on the machine slows every figure; say how busy it was.
        one, five, _ = os.getloadavg()
        info["load average"] = f"{one:.2f} (1 min), {five:.2f} (5 min)"
    return info


REFERENCE_ADDITIONS = 5_000_000


def reference_loop_s(repeats: int = 3) -> float:
    """Seconds for a fixed pure-Python loop (median of `repeats`): how fast this machine runs Python right now.

    Why: on a shared or throttled machine the same code can take half again as long from one minute to the next;
    a figure next to this one can be compared with a figure from another run, or another machine."""
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        total = 0
        for i in range(REFERENCE_ADDITIONS):
            total += i
        times.append(time.perf_counter() - start)
    return statistics.median(times)
