"""Which mounted volume is a USB stick to export to: the rule in plain Python (kiosk.qt.drives lists the volumes).

Qt's QStorageInfo lists mounted volumes but cannot say which ones are removable, so this is a heuristic:

* Linux: a volume that is ready, writable, not a virtual file system (tmpfs, overlay, ...) and mounted under
  /media/, /run/media/ or /mnt/ -- where desktop automounters (udisks) and IT scripts put USB drives.
* Windows: a drive letter that Windows itself reports as removable (GetDriveTypeW == DRIVE_REMOVABLE). Without
  that answer, a non-system drive letter with a FAT/exFAT file system (what USB sticks come formatted with).

A permanently mounted data disk under /mnt/ would also count; the export dialog always shows the folder it will
write to and also offers the config export folder, so a wrong guess is visible before anything is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

REMOVABLE_MOUNT_PREFIXES = ("/media/", "/run/media/", "/mnt/")
VIRTUAL_FILE_SYSTEMS = frozenset({
    "tmpfs", "devtmpfs", "ramfs", "overlay", "overlayfs", "squashfs", "proc", "sysfs", "autofs", "cgroup",
    "cgroup2", "fuse.snapfuse", "fuse.portal", "nsfs", "efivarfs", "iso9660", "udf",
})
USB_STICK_FILE_SYSTEMS = frozenset({"fat", "fat12", "fat16", "fat32", "vfat", "exfat", "msdos"})
DRIVE_LETTER = re.compile(r"^[A-Za-z]:[\\/]?$")
_DRIVE_REMOVABLE = 2  # GetDriveTypeW result for USB sticks and card readers


@dataclass(frozen=True)
class Drive:
    """A removable drive the export can be written to."""

    root: Path
    label: str  # the volume name, or the root path when it has none

    @property
    def display(self) -> str:
        root = str(self.root)
        return root if self.label in ("", root) else f"{self.label} ({root})"


def is_removable_volume(root: str, fs_type: str, *, ready: bool, read_only: bool,
                        windows_removable: bool | None = None, system_drive: str = "C:") -> bool:
    """The heuristic above, as a pure function so it can be tested on any OS.

    `windows_removable`: what GetDriveTypeW said for a drive letter (None if it could not be asked).
    """
    if not ready or read_only:
        return False
    fs = fs_type.lower()
    if fs in VIRTUAL_FILE_SYSTEMS:
        return False
    if DRIVE_LETTER.match(root):
        if windows_removable is not None:
            return windows_removable
        return root[:2].upper() != system_drive[:2].upper() and fs in USB_STICK_FILE_SYSTEMS
    norm = root.replace("\\", "/").rstrip("/") + "/"
    # The mount point itself (/mnt/) is not a drive; something mounted below it is.
    return any(norm.startswith(prefix) and norm != prefix for prefix in REMOVABLE_MOUNT_PREFIXES)


def windows_drive_removable(root: str) -> bool | None:
    if os.name != "nt":
        return None
    try:
        import ctypes

        kind = ctypes.windll.kernel32.GetDriveTypeW(root[:2] + "\\")  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return int(kind) == _DRIVE_REMOVABLE
