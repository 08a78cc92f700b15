"""Entry point of the frozen executable (PyInstaller needs a script; the package's __main__ would put kiosk/ itself
on the import path and import every module twice)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
