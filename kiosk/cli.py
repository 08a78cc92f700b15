"""Command line: `python3 -m kiosk [--windowed] [--config PATH]` runs the kiosk; subcommands serve IT and staff."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from kiosk import __version__

# name -> module in kiosk.commands with add_arguments(parser) and run(args) -> int.
# Imported only when used, so starting the kiosk stays quick.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "validate the config file and the content files; exit 0 if all is well, 2 if not"),
    "screenshots": ("screenshots", "render every screen and slide to PNG files (no display needed)"),
    "self-test": ("self_test", "start offscreen and test every part; exit 0 if all passed, 1 otherwise"),
    "export": ("export", "export requests to CSV or XLSX"),
    "purge": ("purge", "delete exported requests older than the retention period"),
    "set-pin": ("set_pin", "set the front-desk staff PIN"),
    "bench": ("bench", "measure start-up, memory, paint, tap, save and export speed"),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line. Only the subcommand named in `argv` (default: sys.argv) gets its options, so
    only its module is imported: starting the kiosk imports no command module at all."""
    chosen = _chosen_command(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="psoas-kiosk",
                                     description="Psoas education kiosk for a clinic's waiting room.")
    parser.add_argument("--version", action="version", version=f"psoas-kiosk {__version__}")
    parser.add_argument("--config", type=Path, metavar="PATH", help="config file (default: the platform config path)")
    parser.add_argument("--windowed", action="store_true", help="a normal 1280x800 window for development")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if importlib.util.find_spec(f"kiosk.commands.{module_name}") is None:
            continue  # left out of this build
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("--config", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                         help="config file (default: the platform config path)")
        module = _command_module(module_name) if name == chosen else None
        if module is not None:
            module.add_arguments(cmd)
    return parser


def _chosen_command(argv: list[str]) -> str | None:
    """The subcommand `argv` asks for: its first word that is not an option (or an option's value)."""
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _command_module(module_name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"kiosk.commands.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"kiosk.commands.{module_name}":
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    if args.command:
        module = _command_module(COMMANDS[args.command][0])
        assert module is not None  # the parser offers only the commands whose module is there
        return int(module.run(args) or 0)
    from kiosk.qt.app import run_kiosk

    return run_kiosk(config_path=args.config, windowed=args.windowed)


if __name__ == "__main__":
    sys.exit(main())
