"""Checks of a built PyInstaller bundle. Skipped unless PSOAS_KIOSK_BUNDLE names one (.ci/run sets it after
`python3 -m PyInstaller build.spec`): the build itself takes a minute and belongs to CI, not to every test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = os.environ.get("PSOAS_KIOSK_BUNDLE", "")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="set PSOAS_KIOSK_BUNDLE=dist/psoas-kiosk to check a built bundle")

MAX_MIB = 120  # as `du -sh` counts

# Libraries the bundle expects from the target system (build.spec leaves them out on purpose). docs/IT.md names
# the Debian/Ubuntu packages that provide them; keep both lists in step.
SYSTEM_LIBS = {
    # the C library
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1", "libutil.so.1", "libresolv.so.2",
    # OpenGL dispatch (libgl1, libegl1): linked by QtGui, used only if something asks for OpenGL
    "libGL.so.1", "libEGL.so.1", "libOpenGL.so.0",
    # D-Bus (libdbus-1-3)
    "libdbus-1.so.3",
    # X11 / xcb (libx11-6, libx11-xcb1, libxcb1, libxcb-*, libxkbcommon0, libxkbcommon-x11-0)
    "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
    "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-randr.so.0", "libxcb-render.so.0",
    "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0", "libxcb-sync.so.1", "libxcb-util.so.1",
    "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxkbcommon.so.0", "libxkbcommon-x11.so.0",
    # Wayland (libwayland-client0, libwayland-cursor0)
    "libwayland-client.so.0", "libwayland-cursor.so.0",
    # Read aloud only (libpulse0, libgssapi-krb5-2, libspeechd2 with speech-dispatcher): without them the kiosk
    # runs and simply offers no "Read aloud" button (kiosk/qt/speech.py)
    "libpulse.so.0", "libgssapi_krb5.so.2", "libspeechd.so.2",
}


def _bundle() -> Path:
    path = Path(BUNDLE)
    assert path.is_dir(), f"no bundle at {path}"
    return path


def _internal() -> Path:
    return _bundle() / "_internal"


def _elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def test_bundle_is_small_enough() -> None:
    total = sum(p.stat().st_size for p in _bundle().rglob("*") if p.is_file() and not p.is_symlink())
    assert total / 2**20 < MAX_MIB, f"bundle is {total / 2**20:.0f} MiB (aim: under {MAX_MIB} MiB)"


def test_bundle_carries_resources_and_icon_fonts() -> None:
    internal = _internal()
    assert (internal / "resources" / "content" / "en.toml").is_file()
    assert (internal / "resources" / "styles" / "kiosk.qss").is_file()
    fonts = list((internal / "qtawesome" / "fonts").glob("*.ttf"))
    assert len(fonts) >= 5, fonts


def test_bundle_leaves_out_what_the_kiosk_does_not_use() -> None:
    qt = _internal() / "PySide6"
    names = {p.name for p in qt.rglob("*") if p.is_file()}
    for unwanted in ("QtNetwork", "QtOpenGL", "QtQml", "QtQuick", "QtPdf", "qt_de.qm", "qtbase_de.qm",
                     "libqgtk3", "libqeglfs", "libqvnc", "libqlinuxfb", "libqopensslbackend", "qopensslbackend"):
        assert not [n for n in names if n.startswith(unwanted)], f"{unwanted} should not be in the bundle"
    plugin_types = {p.parent.name for p in qt.rglob("plugins/*/*")}
    assert plugin_types <= {"platforms", "imageformats", "iconengines", "platforminputcontexts",
                            "wayland-shell-integration", "styles", "texttospeech"}, plugin_types


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_every_library_a_bundled_file_links_is_bundled_or_a_documented_system_library() -> None:
    """Catches build.spec dropping a library that a kept one still needs, and new system dependencies that
    docs/IT.md does not list yet."""
    files = _elf_files(_bundle())
    bundled = {p.name for p in files} | {p.name for p in _bundle().rglob("*.so*")}
    missing: dict[str, set[str]] = {}
    for path in files:
        for lib in _needed(path):
            if lib not in bundled and lib not in SYSTEM_LIBS:
                missing.setdefault(lib, set()).add(path.name)
    assert not missing, f"needed but neither bundled nor a documented system library: {missing}"
    assert any(p.name.startswith("libqxcb") for p in files) and any(p.name.startswith("libqoffscreen") for p in files)


def test_frozen_executable_runs() -> None:
    exe = _bundle() / ("psoas-kiosk-cli.exe" if sys.platform == "win32" else "psoas-kiosk")
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("psoas-kiosk ")
