"""The mounted volumes Qt can see that look like USB drives (the rule itself is kiosk.core.removable)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStorageInfo

from kiosk.core.removable import DRIVE_LETTER, Drive, is_removable_volume, windows_drive_removable


def removable_drives() -> list[Drive]:
    """Mounted volumes that look like USB drives, sorted by root path."""
    system_drive = os.environ.get("SystemDrive", "C:")
    found: list[Drive] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid():
            continue
        root = volume.rootPath()
        fs_type = bytes(volume.fileSystemType().data()).decode("utf-8", "replace")
        windows = windows_drive_removable(root) if DRIVE_LETTER.match(root) else None
        if is_removable_volume(root, fs_type, ready=volume.isReady(), read_only=volume.isReadOnly(),
                               windows_removable=windows, system_drive=system_drive):
            found.append(Drive(Path(root), volume.displayName() or root))
    return sorted(found, key=lambda d: str(d.root))
