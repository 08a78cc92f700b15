"""`set-pin [--pin-stdin]`: set (or change) the front-desk staff PIN.

Interactive: asks twice without echoing. Scripted installs: `--pin-stdin` reads ONE line from standard input,
e.g. `printf '%s\\n' "$PIN" | psoas-kiosk set-pin --pin-stdin` (keeps the PIN out of the process list).
The PIN is stored only as a salted scrypt hash in the request database; a lockout is cleared.
Exit codes: 0 set, 1 the database could not be used or input was cancelled, 2 unusable PIN or PINs differ.
"""

from __future__ import annotations

import argparse
import sys

_FORMAT_TEXT = {
    "not_digits": "the PIN must be digits only (0-9)",
    "too_short": "the PIN is too short",
    "too_long": "the PIN is too long",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin-stdin", action="store_true",
                        help="read the PIN from the first line of standard input (for scripted installs)")


def _read_pin(from_stdin: bool) -> str | None:
    """The new PIN, or None after printing why there is none."""
    import getpass

    if from_stdin:
        line = sys.stdin.readline().strip()
        if not line:
            print("error: no PIN on standard input; nothing was changed", file=sys.stderr)
            return None
        return line
    first = getpass.getpass("New staff PIN (digits only): ")
    second = getpass.getpass("Type the same PIN again: ")
    if first != second:
        print("error: the two PINs are different; nothing was changed", file=sys.stderr)
        return None
    return first.strip()


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.core.security import PIN_MAX, PIN_MIN, PinVault, pin_format_problem
    from kiosk.core.store import RequestStore, StoreError

    config, problems = load_config(getattr(args, "config", None))
    for problem in problems:
        print(f"config: {problem}", file=sys.stderr)
    try:
        pin = _read_pin(args.pin_stdin)
    except (EOFError, KeyboardInterrupt):
        print("\ncancelled; the PIN was not changed", file=sys.stderr)
        return 1
    if pin is None:
        return 2
    format_problem = pin_format_problem(pin)
    if format_problem:
        reason = _FORMAT_TEXT.get(format_problem, "the PIN is not usable")
        print(f"error: {reason}: use {PIN_MIN} to {PIN_MAX} digits; nothing was changed", file=sys.stderr)
        return 2
    try:
        with RequestStore(config.database_path) as store:
            vault = PinVault(store)
            had_pin = vault.is_set()
            vault.set_pin(pin)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"staff PIN {'changed' if had_pin else 'set'} (stored as a salted hash in {config.database_path})")
    return 0
