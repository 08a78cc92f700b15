"""PySide6 for the kiosk, imported before the kiosk's own Qt modules (kiosk.qt.app imports this first).

From its import on, PySide6 reads the source of each module the first time an import statement names it, to see
whether it asks for a `from __feature__ import ...`: the standard library's big modules (typing, logging,
dataclasses, pathlib...) included, a few milliseconds of every start. The standard library never asks, so its
modules are given the answer PySide6 would find (-1: "does not use PySide6") and are not read.
"""

from __future__ import annotations

import sys

import PySide6.QtWidgets  # noqa: F401 - PySide6 and its __feature__ module


def spare_stdlib_source_scan() -> None:
    feature = sys.modules.get("__feature__")  # PySide6's feature module, once PySide6 is imported
    known = getattr(feature, "pyside_feature_dict", None)
    if isinstance(known, dict):  # PySide6's own bookkeeping; without it (another version) nothing to spare
        for name in (*sys.modules, *sys.stdlib_module_names):
            if name.partition(".")[0] in sys.stdlib_module_names:
                known.setdefault(name, -1)


spare_stdlib_source_scan()
