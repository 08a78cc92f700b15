"""`purge [--older-than DAYS]`: delete exported requests older than the retention period.

Only requests that were exported are ever deleted; a request nobody exported stays until it is.
Exit codes: 0 done (also when nothing was old enough), 1 the database could not be used, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--older-than", type=int, metavar="DAYS", default=None,
                        help="delete requests first exported more than DAYS days ago "
                             "(default: data.retention_days from the config, 30 if unset)")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.core.store import RequestStore, StoreError

    config, problems = load_config(getattr(args, "config", None))
    for problem in problems:
        print(f"config: {problem}", file=sys.stderr)
    days = config.data.retention_days if args.older_than is None else args.older_than
    if days < 0:
        print(f"error: --older-than must be 0 or more days, not {days}", file=sys.stderr)
        return 2
    try:
        with RequestStore(config.database_path) as store:
            deleted = store.purge_exported(days)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    noun = "request" if deleted == 1 else "requests"
    print(f"purged {deleted} exported {noun} older than {days} days from {config.database_path}")
    return 0
