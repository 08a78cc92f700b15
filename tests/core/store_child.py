"""Child process for tests/core/test_store_crash.py: add requests forever, printing each reference once add()
has returned (i.e. once the store promised the request is durable). The parent SIGKILLs us at random.

Usage: python tests/core/store_child.py DB_PATH
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.core.requests import NewRequest
from kiosk.core.store import RequestStore


def main() -> None:
    store = RequestStore(Path(sys.argv[1]))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        saved = store.add(
            NewRequest(
                name=f"Crash Test {n}",
                phone="+447400123456",
                best_time="any",
                symptoms=("hip",),
                note="x" * (n % 300),  # varying sizes: rows span page boundaries now and then
                consent_version="test",
                language="en",
            )
        )
        # One short write per line: a pipe write under PIPE_BUF bytes is atomic, so a kill never
        # leaves half a reference for the parent to misread.
        sys.stdout.write(saved.reference + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
