"""`self-test`: start offscreen and exercise every part of the kiosk, one line per step, for IT on the target PC.

Each step prints `PASS|FAIL|SKIP  <ms>  <step>: <detail>`; problems follow on indented lines naming the file or
folder involved. Exit 0 when every step passed, 1 otherwise. Nothing is written outside temporary folders except
one small probe file in the data and log folders (removed at once) and a few lines in the kiosk log.

Qt is imported only inside run(): `kiosk.cli` imports this module to build its help text.
"""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

EXIT_PASSED, EXIT_FAILED = 0, 1
RENDER_SIZE = (1280, 800)  # the smallest landscape screen the kiosk supports


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--display", action="store_true",
                        help="use the real display (default: offscreen, so it runs over SSH and in CI)")
    parser.add_argument("--size", metavar="WxH", default=None,
                        help="screen size to draw every screen at (default: the display's size with --display, "
                             "else 1280x800)")


class StepFailed(Exception):
    """A step's failure, worded for IT; `details` are extra lines (one problem each)."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


@dataclass
class Outcome:
    name: str
    status: str  # PASS, FAIL or SKIP
    ms: float
    detail: str
    extra: list[str] = field(default_factory=list)


class SelfTest:
    """Runs steps in order; a step returns its one-line detail or raises StepFailed (or anything else)."""

    def __init__(self, out: Callable[[str], None], only: Collection[str] | None = None) -> None:
        self.out = out
        self.only = set(only) if only is not None else None
        self.outcomes: list[Outcome] = []
        self.ctx: dict[str, Any] = {}

    def step(self, name: str, fn: Callable[[], str], needs: tuple[str, ...] = ()) -> None:
        if self.only is not None and name not in self.only:
            return
        # A need is met by a step that passed, or by what a step provided even though it reported problems
        # (a config file with a bad key still gives a usable config).
        missing = [n for n in needs if n not in self.passed_steps and n not in self.ctx]
        if missing:
            self._report(Outcome(name, "SKIP", 0.0, f"needs the {', '.join(missing)} step to pass first"))
            return
        start = time.perf_counter()
        try:
            detail, status, extra = fn(), "PASS", []
        except StepFailed as exc:
            detail, status, extra = str(exc), "FAIL", exc.details
        except Exception as exc:  # a self-test reports, it does not crash
            detail, status = f"{exc.__class__.__name__}: {exc}", "FAIL"
            extra = traceback.format_exc().rstrip().splitlines()[-6:]
        self._report(Outcome(name, status, (time.perf_counter() - start) * 1000, detail, extra))

    @property
    def passed_steps(self) -> set[str]:
        return {o.name for o in self.outcomes if o.status == "PASS"}

    def _report(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.out(f"{outcome.status:4}  {outcome.ms:7.0f} ms  {outcome.name}: {outcome.detail}")
        for line in outcome.extra:
            self.out(f"{'':21}{line}")
        log.log(logging.INFO if outcome.status == "PASS" else logging.WARNING, "self-test %s %s: %s",
                outcome.status, outcome.name, outcome.detail)

    @property
    def passed(self) -> bool:
        return all(o.status == "PASS" for o in self.outcomes)


# ---- the steps ---------------------------------------------------------------------------------------------------


def _probe_writable(folder: Path, what: str) -> str:
    """Create `folder` if needed, write, flush to disk and remove a small file there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".self-test-", delete=True) as probe:
            probe.write(b"psoas-kiosk self-test\n")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise StepFailed(f"cannot write in the {what} {folder} ({exc.strerror or exc.__class__.__name__}); "
                         f"check that the folder exists and that this user may write there") from exc
    return str(folder)


def _distinct_colours(image: Any, samples: int = 24) -> int:
    """How many different colours a grid of sample points shows (1 = blank)."""
    colours = {image.pixel(int(image.width() * (x + 0.5) / samples), int(image.height() * (y + 0.5) / samples))
               for x in range(samples) for y in range(samples)}
    return len(colours)


def run_self_test(config_path: Path | None, out: Callable[[str], None] = print,
                  only: Collection[str] | None = None, size: tuple[int, int] | None = None,
                  screen_size: bool = False) -> int:
    """Run the steps (all, or those named in `only`) and print one line each; EXIT_PASSED or EXIT_FAILED."""
    from kiosk import __version__
    from kiosk.core import paths
    from kiosk.core.logsetup import setup_logging

    test = SelfTest(out, only)
    log_file = setup_logging(to_stderr=False)
    frozen = getattr(sys, "frozen", False)
    out(f"psoas-kiosk {__version__} self-test ({'frozen bundle' if frozen else 'source'}: {paths.bundle_root()})")
    log.info("self-test started (version %s)", __version__)
    steps = Steps(test.ctx, config_path, out, size=size, screen_size=screen_size, log_file_open=bool(log_file))
    with tempfile.TemporaryDirectory(prefix="psoas-self-test-") as tmp:
        test.ctx["tmp"] = tmp
        total = time.perf_counter()
        test.step("versions", steps.versions)
        test.step("config", steps.config)
        test.step("content", steps.content, needs=("config",))
        test.step("qt platform", steps.qt_platform, needs=("versions",))
        test.step("fonts", steps.fonts, needs=("qt platform",))
        test.step("libraries", steps.libraries)
        test.step("render", steps.render, needs=("qt platform", "config"))
        test.step("request store", steps.store)
        test.step("data folder", steps.data_folder, needs=("config",))
        test.step("log folder", steps.log_folder)
        elapsed = (time.perf_counter() - total) * 1000
    failed = [o.name for o in test.outcomes if o.status != "PASS"]
    if failed:
        out(f"SELF-TEST FAILED: {len(failed)} of {len(test.outcomes)} steps did not pass ({', '.join(failed)}); "
            f"{elapsed:.0f} ms")
    else:
        out(f"SELF-TEST PASSED: all {len(test.outcomes)} steps passed in {elapsed:.0f} ms")
    log.info("self-test finished: %s", "passed" if not failed else f"failed ({', '.join(failed)})")
    return EXIT_PASSED if not failed else EXIT_FAILED


class Steps:
    """The self-test's steps, one method each, in the order run_self_test runs them. Each returns its one-line
    detail or raises StepFailed. `ctx` is SelfTest.ctx: what earlier steps found (the config, the content, whether
    Qt loads) and the temporary folder ("tmp") that everything is written to."""

    def __init__(self, ctx: dict[str, Any], config_path: Path | None, out: Callable[[str], None], *,
                 size: tuple[int, int] | None, screen_size: bool, log_file_open: bool) -> None:
        self.ctx = ctx
        self.config_path = config_path
        self.out = out
        self.size = size
        self.screen_size = screen_size
        self.log_file_open = log_file_open

    def versions(self) -> str:
        py = f"Python {platform.python_version()} on {platform.system()} {platform.release()} {platform.machine()}"
        try:
            import PySide6
            from PySide6.QtCore import qVersion
        except ImportError as exc:  # a missing system library of Qt's shows up here, by name
            raise StepFailed(f"{py}; cannot load Qt: {exc}") from exc
        self.ctx["qt"] = True
        return f"{py}; Qt {qVersion()}, PySide6 {PySide6.__version__}"

    def config(self) -> str:
        from kiosk.core import paths
        from kiosk.core.config import load_config

        cfg, problems = load_config(self.config_path)
        self.ctx["config"] = cfg
        where = self.config_path or paths.default_config_file()
        if problems:
            raise StepFailed(f"{len(problems)} problem(s) in {where} (the kiosk would use defaults for them)",
                             [str(p) for p in problems])
        return f"{where}" + ("" if Path(where).exists() else " (no file: built-in defaults)")

    def content(self) -> str:
        from kiosk.core import paths
        from kiosk.core.content import Content, ContentError, check_same_ids, content_file, load_content_file

        cfg = self.ctx["config"]
        directory = cfg.content_dir
        loaded: list[Content] = []
        problems: list[str] = []
        summary: list[str] = []
        for lang in cfg.languages.offered:
            path = content_file(lang, directory)
            try:
                item = load_content_file(path)
            except ContentError as exc:
                problems.extend(str(p) for p in exc.problems)
                continue
            loaded.append(item)
            summary.append(f"{lang} {len(item.slides)} slides/{len(item.symptoms)} symptoms")
        for other in loaded[1:]:
            problems.extend(str(p) for p in check_same_ids(loaded[0], other))
        if problems:
            raise StepFailed(f"{len(problems)} problem(s) in the content files", problems)
        self.ctx["content"] = loaded
        return ", ".join(summary) + f" ({directory or paths.resource_path('content')})"

    def qt_platform(self) -> str:
        try:
            from PySide6.QtCore import QByteArray, QSize
            from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

            from kiosk.qt.app import ensure_qapp
        except ImportError as exc:  # e.g. libGL.so.1 or libxkbcommon.so.0 missing on a minimal system
            raise StepFailed(f"cannot load Qt's GUI libraries: {exc}; install the system packages listed in "
                             "docs/IT.md") from exc

        app = ensure_qapp()
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = sorted({"png", "svg", "jpg"} - formats)
        if missing:
            raise StepFailed(f"image formats missing: {', '.join(missing)} (Qt imageformats plugins)")
        # An SVG icon goes through the iconengines/svg plugin; a blank pixmap means it is missing.
        svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">'
               b'<rect width="16" height="16" fill="#B8471E"/></svg>')
        svg_file = Path(self.ctx["tmp"]) / "probe.svg"
        svg_file.write_bytes(svg)
        icon = QIcon(str(svg_file)).pixmap(QSize(16, 16)).toImage()
        if icon.isNull() or icon.pixelColor(8, 8).alpha() == 0:
            raise StepFailed("SVG icons do not render (Qt iconengines/svg plugin missing)")
        if QPixmap.fromImage(QImage.fromData(QByteArray(svg))).isNull():
            raise StepFailed("SVG images do not load (Qt imageformats/svg plugin missing)")
        shown = ", ".join(sorted(formats & {"png", "svg", "jpg", "gif", "ico"}))
        return f"platform {app.platformName()}; image formats {shown}; SVG icons ok"

    def fonts(self) -> str:
        import qtawesome
        from PySide6.QtGui import QFontDatabase, QGuiApplication

        families = QFontDatabase.families()
        if not families:
            raise StepFailed("no fonts found: install a font package (e.g. fonts-dejavu-core) on this PC")
        pixmap = qtawesome.icon("fa5s.check", color="#000000").pixmap(32, 32).toImage()
        if pixmap.isNull() or _distinct_colours(pixmap, 8) < 2:
            raise StepFailed("qtawesome's icon font does not render (fonts missing from the bundle?)")
        return f"{len(families)} font families, default {QGuiApplication.font().family()!r}; icon font ok"

    def libraries(self) -> str:
        import zipfile

        import phonenumbers
        import segno
        import xlsxwriter

        number = phonenumbers.parse("020 7946 0958", "GB")  # loads the GB metadata module lazily
        if not phonenumbers.is_valid_number(number):
            raise StepFailed("phonenumbers metadata missing: cannot validate a UK number")
        qr = segno.make("https://example.org/psoas", error="m")
        xlsx = Path(self.ctx["tmp"]) / "probe.xlsx"
        book = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
        book.add_worksheet().write_string(0, 0, "reference")
        book.close()
        with zipfile.ZipFile(xlsx) as archive:  # the export's writer made a real workbook with our text in it
            if b">reference<" not in archive.read("xl/worksheets/sheet1.xml"):
                raise StepFailed("XlsxWriter did not write the probe cell into an XLSX file")
        return (f"phonenumbers {phonenumbers.__version__}, segno {segno.__version__} (QR version {qr.version}), "
                f"XlsxWriter {xlsxwriter.__version__}")

    def _render_size(self) -> tuple[int, int]:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        if self.size is None and self.screen_size and screen is not None:
            return screen.size().width(), screen.size().height()
        return self.size or RENDER_SIZE

    def render(self) -> str:
        """Every screen and slide in every language, drawn to PNG files; errors while drawing are failures."""
        from PySide6.QtCore import QCoreApplication, QEvent

        from kiosk.commands.screenshots import render_all
        from kiosk.qt.app import build_kiosk, release_frames

        errors: list[str] = []

        def record(kind: type[BaseException], value: BaseException, tb: Any) -> None:
            where = traceback.extract_tb(tb)[-1] if tb else None
            text = f"{kind.__name__}: {value}" + (f" at {Path(where.filename).name}:{where.lineno}" if where else "")
            errors.append(text)
            log.error("self-test: error while drawing:\n%s", "".join(traceback.format_exception(kind, value, tb)))
            release_frames(tb)  # ends a painter left open by a failing paintEvent before Qt trips over it
            # Printed at once: a painter left open by the failing paint may crash Qt before the step ends.
            self.out(f"{'':21}error while drawing: {text}")

        # The screens must not touch the clinic's real request file (the staff panel opens it and may purge):
        # they get a private data folder and export folder inside the temporary folder.
        cfg, tmp = self.ctx["config"], Path(self.ctx["tmp"])
        private = replace(cfg, data=replace(cfg.data, directory=str(tmp / "render-data"),
                                            export_folder=str(tmp / "render-exports")))
        render_size = self._render_size()
        kiosk = build_kiosk(private, [], windowed=True, size=render_size)
        # Exceptions in paint events and slots reach sys.excepthook (see app.install_crash_recovery); here each
        # one is a failure to report, not something to recover from.
        hook, sys.excepthook = sys.excepthook, record
        try:
            kiosk.resize(*render_size)
            kiosk.window.show()
            files: list[Path] = []
            for lang in kiosk.state.languages:
                kiosk.state.set_language(lang)
                files += render_all(kiosk, tmp / "screens", prefix=f"{lang}-")
        finally:
            sys.excepthook = hook
            kiosk.state.close()
            # Deleted, not just closed: a leftover kiosk keeps app-wide event filters (matters when the self-test
            # runs inside a longer-lived process, like the test suite).
            kiosk.window.close()
            kiosk.window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return self._judge_drawings(files, errors, render_size, len(kiosk.state.languages))

    def _judge_drawings(self, files: list[Path], errors: list[str], render_size: tuple[int, int],
                        languages: int) -> str:
        from PySide6.QtGui import QImage

        images = {p: QImage(str(p)) for p in files}
        blank = [p.name for p, image in images.items() if _distinct_colours(image) < 2]
        # A screen whose content needs more room than the screen has grows the window here; on the kiosk (a
        # fixed full-screen window) that content would be squeezed or cut off.
        too_big = [f"{p.stem} ({image.width()}x{image.height()})" for p, image in images.items()
                   if (image.width(), image.height()) != render_size]
        slides = sum(len(c.slides) for c in self.ctx.get("content", []))
        if errors:
            raise StepFailed(f"{len(errors)} error(s) while drawing the screens", sorted(set(errors)))
        if too_big:
            raise StepFailed(f"{len(too_big)} screen(s) do not fit {render_size[0]}x{render_size[1]}", too_big)
        if blank or len(files) < slides:
            raise StepFailed(f"{len(files)} screens drawn for {slides} slides; blank: {', '.join(blank) or 'none'}")
        screens = sorted({p.stem.split("-", 1)[1] for p in files if "slide-" not in p.stem})
        return (f"{len(files)} PNGs for {languages} language(s) at {render_size[0]}x{render_size[1]}"
                f", none blank (screens: {', '.join(screens) or 'slides only'})")

    def store(self) -> str:
        from kiosk.core.requests import NewRequest
        from kiosk.core.store import RequestStore

        path = Path(self.ctx["tmp"]) / "store" / "requests.sqlite3"
        sample = NewRequest(name="Self Test", phone="+15555550100", best_time="morning",
                            symptoms=("self-test",), note="self-test", consent_version="self-test",
                            language="en")
        db = RequestStore(path)
        try:
            saved = db.add(sample)
            back = db.get(saved.id)
        finally:
            db.close()
        fields = ("name", "phone", "best_time", "symptoms", "note", "consent_version", "language")
        if back is None or any(getattr(back, f) != getattr(sample, f) for f in fields):
            raise StepFailed(f"a request written to a temporary store did not read back the same ({path})")
        return f"wrote and read back request {saved.reference} in a temporary store"

    def data_folder(self) -> str:
        cfg = self.ctx["config"]
        where = _probe_writable(cfg.data_dir, "data folder")
        notes = [_database_note(cfg.database_path)]
        if self.ctx.get("qt"):
            from kiosk.qt.single_instance import running_kiosk

            holder = running_kiosk(cfg.data_dir)
            notes.append(f"a kiosk is running on it ({holder.describe()})" if holder else "no kiosk running on it")
        return f"{where} writable; " + "; ".join(notes)

    def log_folder(self) -> str:
        from kiosk.core import paths

        where = _probe_writable(paths.default_log_dir(), "log folder")
        return f"{where} writable" + ("" if self.log_file_open else " (but the log file could not be opened)")


def _database_note(database: Path) -> str:
    """What the data folder's request file holds, opened read-only; StepFailed when it is damaged."""
    if not database.exists():
        return f"no {database.name} yet (created on the first request)"
    from kiosk.core.store import RequestStore, StoreError

    try:
        db = RequestStore(database, read_only=True)
    except StoreError as exc:
        raise StepFailed(f"cannot open {database}: {exc}") from exc
    try:
        if not db.integrity_ok():
            raise StepFailed(f"{database} is damaged (integrity check failed); restore a backup")
        return f"{database.name}: {db.counts().total} request(s), integrity ok"
    finally:
        db.close()


def run(args: argparse.Namespace) -> int:
    faulthandler.enable()  # a crash inside Qt still shows which step and line it happened in
    size = None
    if args.size:
        from kiosk.commands.screenshots import parse_size

        try:
            size = parse_size(args.size)
        except argparse.ArgumentTypeError as exc:
            print(f"error: {exc}")
            return 2
    if not args.display:
        # Before Qt is imported: the self-test must run over SSH, in CI, and beside a running kiosk.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    def out(line: str) -> None:
        print(line, flush=True)  # line by line: if Qt aborts on a broken install, the steps so far stay visible

    try:
        from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

        from kiosk.qt.app import qt_message_to_log
    except ImportError:
        pass  # Qt cannot load: the versions / qt platform steps say why
    else:
        def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
            # Qt's chatter ("This plugin does not support propagateSizeHints()") goes to the log only, not
            # between the step lines; critical and fatal messages (a platform plugin that cannot load) are shown.
            qt_message_to_log(kind, context, message)
            if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                print(f"Qt: {message}", file=sys.stderr, flush=True)

        qInstallMessageHandler(qt_message)
    return run_self_test(getattr(args, "config", None), out, size=size, screen_size=args.display)
