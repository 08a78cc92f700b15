"""Realistic request rows, written fast, for the save and export figures. Qt-free."""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.domain import BEST_TIMES, STATUS_NEW
from kiosk.core.requests import NewRequest, validate_request
from kiosk.core.store import REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX, RequestStore

# A mix of what a waiting room types: accents, other scripts, apostrophes, commas, quotes, formula-like notes
# (which the CSV export must neutralise), emoji, empty notes and multi-line notes.
_FIRST = ("Ana", "José", "Zoë", "Mary-Kate", "Bartholomew", "Nguyễn", "Søren", "Olúwaseun", "李", "Fatima",
          "O'Brien", "Łukasz", "Chloé", "Tom", "Ingrid")
_LAST = ("García", "Smith", "Müller", "Quinn-Ávila", "Ferreira", "Kowalski", "Nakamura", "Johansson", "Dubois",
         "Ivanova", "O'Connor", "Ng", "Haddad", "Brown", "Rossi")
_NOTES = ("", "", "", "Worse in the morning.", "Pain when I climb stairs, sometimes at night too.",
          "=1+1 is not a formula here", "-2 weeks since it started", "+ left side, \"sharp\"",
          "@reception: please call after 5", "Line one\nLine two, with a comma", "Thanks 😊",
          "I sit at a desk 9h a day; my hip flexors feel tight and my lower back aches.")
_SYMPTOMS = ("lower_back_pain", "pain_sitting_or_rising", "hard_to_stand_upright", "buttock_pain", "pain_down_the_leg",
             "groin_pain", "pelvic_pain", "limping_or_shuffling", "difficulty_breathing", "exhaustion")
_PHONES = ("(201) 555-01{:02d}", "+44 7700 900{:03d}", "+34 612 345 {:03d}", "+49 1512 3456{:03d}")


def sample_requests(count: int, seed: int = 7) -> list[NewRequest]:
    """`count` requests that passed validate_request (so they are exactly what the form would store)."""
    rng = random.Random(seed)
    out: list[NewRequest] = []
    while len(out) < count:
        phone = rng.choice(_PHONES).format(rng.randrange(100))
        request, _errors = validate_request(
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", phone, rng.choice(BEST_TIMES),
            rng.sample(_SYMPTOMS, rng.randrange(0, 5)), rng.choice(_NOTES), True,
            region="US", consent_version="2024-05", language=rng.choice(("en", "es")))
        if request is not None:  # a few of the random numbers are not valid numbers; skip those
            out.append(request)
    return out


def fill_store(path: Path, count: int, seed: int = 7) -> None:
    """Create the store at `path` and add `count` requests in ONE transaction.

    Why not RequestStore.add(): each add() is its own fsynced transaction (~ms each), so 100,000 of them would
    take minutes and measure the disk, not the export. This writes the same columns add() writes, through a
    second sqlite3 connection, after RequestStore has created and migrated the file; the bench only.
    """
    RequestStore(path).close()  # create + migrate with the real code
    templates = sample_requests(min(count, 500), seed)
    rng = random.Random(seed)
    references = rng.sample(range(len(REFERENCE_ALPHABET) ** REFERENCE_LENGTH), count)
    start = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)

    def reference(n: int) -> str:
        chars = []
        for _ in range(REFERENCE_LENGTH):
            n, digit = divmod(n, len(REFERENCE_ALPHABET))
            chars.append(REFERENCE_ALPHABET[digit])
        return REFERENCE_PREFIX + "".join(chars)

    def rows() -> Iterator[tuple[str, ...]]:
        for i in range(count):
            req = templates[i % len(templates)]
            created = start + timedelta(seconds=37 * i)
            yield (str(uuid.UUID(int=rng.getrandbits(128), version=4)), reference(references[i]),
                   created.isoformat(timespec="microseconds"), req.name, req.phone, req.best_time,
                   json.dumps(list(req.symptoms)), req.note, req.consent_version, req.language, STATUS_NEW)

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO requests (id, reference, created_at, name, phone, best_time, symptoms, note, "
            "consent_version, language, status, called_at, exported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)", rows())
        conn.execute("COMMIT")
    finally:
        conn.close()
