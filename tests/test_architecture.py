"""The tree's rules, checked: a Qt-free core and CLI parser, no god-modules or long functions, nothing in production
importing the bench, a first-line docstring in every module.

Each failure lists every offender as path:line, so one run shows all that is left to fix.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kiosk"
GENERATED = PACKAGE / "qt" / "forms"  # pyside6-uic output from ui/*.ui (tools/compile_ui.py)
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
# The only places allowed to import the bench: the bench itself and the command that runs it.
BENCH_USERS = (PACKAGE / "bench", PACKAGE / "commands" / "bench.py")


def modules() -> Iterator[Path]:
    """Every Python module of the kiosk package except the generated forms, in a stable order."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if GENERATED not in path.parents:
            yield path


def where(path: Path, line: int | None = None) -> str:
    name = path.relative_to(ROOT).as_posix()
    return f"{name}:{line}" if line is not None else name


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_core_and_the_cli_parser_load_no_qt() -> None:
    """In a fresh interpreter: every kiosk.core module, and the CLI with every command's arguments (what `--help`
    and the kiosk's own start pay for), load neither PySide6 nor qtawesome."""
    core = sorted(p.stem for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__")
    assert core, "no kiosk.core modules found"
    script = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module('kiosk.core.' + name)\n"
        "import kiosk.cli\n"
        "kiosk.cli.build_parser()\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qtawesome'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    loaded = proc.stdout.split()
    assert loaded == [], "importing kiosk.core and building the CLI parser loaded: " + ", ".join(loaded)


def test_no_module_is_longer_than_the_limit() -> None:
    long = []
    for path in modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long.append(f"{where(path)}: {lines} lines")
    assert not long, f"modules longer than {MAX_MODULE_LINES} lines (split them by concern):\n" + "\n".join(long)


def test_no_function_is_longer_than_the_limit() -> None:
    """From the `def` line to the function's last line (decorators not counted), nested functions included."""
    long = []
    for path in modules():
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{where(path, node.lineno)}: {node.name}() is {lines} lines")
    assert not long, f"functions longer than {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long)


def _bench_imports(tree: ast.Module) -> Iterator[int]:
    """Line numbers of every import of kiosk.bench (or a module in it) in `tree`, wherever it is (functions,
    TYPE_CHECKING blocks...)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(alias.name == "kiosk.bench" or alias.name.startswith("kiosk.bench.") for alias in node.names):
                yield node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "kiosk.bench" or node.module.startswith("kiosk.bench."):
                yield node.lineno
            elif node.module == "kiosk" and any(alias.name == "bench" for alias in node.names):
                yield node.lineno


def test_only_the_bench_and_its_command_import_the_bench() -> None:
    """The start-up measurement hooks into the kiosk from outside (run_kiosk's on_started), so production code
    never knows the bench."""
    offenders = [
        where(path, line)
        for path in modules()
        if not any(path == allowed or allowed in path.parents for allowed in BENCH_USERS)
        for line in _bench_imports(parsed(path))
    ]
    assert not offenders, "production modules importing kiosk.bench:\n" + "\n".join(offenders)


def test_the_bench_check_sees_every_kind_of_import() -> None:
    """The check above must not pass just because it cannot see an import."""
    source = (
        "import kiosk.bench.startup\n"
        "from kiosk.bench.report import Figure\n"
        "from kiosk import bench\n"
        "def f():\n"
        "    from kiosk.bench import gui\n"
        "import kiosk.benchmarks\n"  # another package whose name merely starts the same
        "from kiosk.core import domain\n"
    )
    assert list(_bench_imports(ast.parse(source))) == [1, 2, 3, 5]


def test_every_module_says_what_it_owns() -> None:
    missing = []
    for path in modules():
        docstring = ast.get_docstring(parsed(path))
        if not docstring or not docstring.strip().splitlines()[0].strip():
            missing.append(f"{where(path, 1)}: no module docstring")
    assert not missing, "modules without a docstring whose first line says what they own:\n" + "\n".join(missing)
