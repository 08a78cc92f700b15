"""`export --format csv|xlsx [--all] -o PATH`: export requests for the front-desk PC, scripts and IT.

Works while the kiosk runs on the same data file (SQLite WAL + busy timeout in RequestStore).
Exit codes: 0 exported (or nothing new to export), 1 the export failed, 2 wrong usage.

Every column is in English, whatever the kiosk's default language: the best times are kiosk.core.domain's English
labels and the symptoms come from the English content file (the clinic's own, else the bundled one). The CLI has
no Qt translator, and a script reading the file should not see its words change with the config. Phone numbers are
written as in the panel's export: national for the clinic's country (`clinic.region`), else international.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXPORT_LANGUAGE = "en"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=("csv", "xlsx"), help="file type")
    parser.add_argument("--all", action="store_true",
                        help="export every request (default: only those not exported before)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="PATH",
                        help="a folder (gets a file named psoas-requests-DATE-TIME) or a .csv/.xlsx file path")


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.core.content import load_library
    from kiosk.core.domain import BEST_TIME_LABELS
    from kiosk.core.export import ExportError, export_requests
    from kiosk.core.store import RequestStore, StoreError

    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix in (".csv", ".xlsx") and suffix != "." + args.format:
        _error(f"--format {args.format} needs a file name ending in .{args.format}, not {output.name}")
        return 2

    config, problems = load_config(getattr(args, "config", None))
    for problem in problems:
        print(f"config: {problem}", file=sys.stderr)
    # load_library falls back to the bundled English file when the clinic's folder has no (usable) en.toml.
    symptom_labels = load_library([EXPORT_LANGUAGE], config.content_dir).get(EXPORT_LANGUAGE).symptom_labels()

    try:
        store = RequestStore(config.database_path)
    except StoreError as exc:
        _error(str(exc))
        return 1
    try:
        result = export_requests(store, args.format, output, all_rows=args.all, symptom_labels=symptom_labels,
                                 best_time_labels=BEST_TIME_LABELS, region=config.clinic.region)
    except ExportError as exc:
        if exc.kind == "nothing_to_export":
            # Not a failure: a nightly script must not raise an alarm on a quiet day.
            print("nothing to export" if args.all else "nothing new to export since the last export; no file written")
            return 0
        _error(str(exc))
        return 1
    finally:
        store.close()
    noun = "request" if result.rows == 1 else "requests"
    print(f"exported {result.rows} {noun} to {result.path}")
    return 0
