"""Staff PIN: scrypt hash + constant-time compare, with a lockout persisted in the request store.

Qt-free. Stored in RequestStore's meta table:
* "staff_pin": JSON {"algo": "scrypt", "n", "r", "p", "dklen", "salt" (base64), "hash" (base64)}. The
  parameters are stored with the hash so they can be raised later without locking existing kiosks out.
* "staff_pin_failures": JSON {"count": int, "locked_until": ISO-8601 UTC or null}.

The failure counter is written *before* the hash is compared and only reset after a success, so killing
the app (or pulling the plug) mid-check never yields a free attempt. When the store cannot be written (a
read-only or full disk) the counter is kept in this PinVault's memory instead and PinCheck.unsaved says why:
the right PIN must still open the staff panel, which is where the disk warning is shown.
A 4-digit PIN with 5 attempts per 5 minutes still allows ~1440 guesses a day at the kiosk itself; the PIN
protects against casual patients, not a determined attacker with hours alone at the screen.

Timing (measured on the dev container, 2 cores): one scrypt with n=2**14, r=8, p=1 takes ~60 ms and
16 MiB of memory -- unnoticeable at the PIN pad, yet it makes an offline guess of all 4-digit PINs from a
stolen file cost minutes instead of microseconds (the salt stops precomputed tables).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kiosk.core.store import RequestStore, StoreError

log = logging.getLogger(__name__)

PIN_MIN, PIN_MAX = 4, 12
MAX_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)

META_PIN = "staff_pin"
META_FAILURES = "staff_pin_failures"

SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**14, 8, 1, 32
SALT_BYTES = 16
# OpenSSL refuses scrypt above its default 32 MiB unless told; allow headroom for raised parameters.
_SCRYPT_MAXMEM = 256 * 1024 * 1024


def pin_format_problem(pin: str) -> str | None:
    """None if `pin` is acceptable, else "not_digits" | "too_short" | "too_long".

    ASCII digits only: what a kiosk number pad produces, and identical on every keyboard layout.
    """
    if not isinstance(pin, str) or not pin or not all("0" <= c <= "9" for c in pin):
        return "not_digits"
    if len(pin) < PIN_MIN:
        return "too_short"
    if len(pin) > PIN_MAX:
        return "too_long"
    return None


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_until: datetime | None  # set while locked (aware UTC)
    attempts_left: int  # before the next lockout
    not_set: bool  # no PIN configured yet (ok is False)
    # Set when the attempt counter could not be saved (read-only or full store): the StoreError, whose message
    # names the file and the problem. The counter then lives in memory until the kiosk restarts.
    unsaved: StoreError | None = None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_SCRYPT_MAXMEM)


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now.astimezone(UTC)


class PinVault:
    """The staff PIN of one kiosk, kept in its RequestStore."""

    def __init__(self, store: RequestStore) -> None:
        self._store = store
        # The counter while the store refuses writes: (count, locked_until). Keep one vault per kiosk so that it
        # survives from one attempt to the next.
        self._in_memory: tuple[int, datetime | None] | None = None
        self.unsaved: StoreError | None = None

    def is_set(self) -> bool:
        return self._store.get_meta(META_PIN) is not None

    def set_pin(self, pin: str) -> None:
        """Hash and store a new PIN; clears any lockout. ValueError(code) if the format is wrong."""
        problem = pin_format_problem(pin)
        if problem:
            raise ValueError(problem)
        salt = os.urandom(SALT_BYTES)
        digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)
        record = {
            "algo": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "dklen": SCRYPT_DKLEN,
            "salt": base64.b64encode(salt).decode("ascii"),
            "hash": base64.b64encode(digest).decode("ascii"),
        }
        self._store.set_meta(META_PIN, json.dumps(record, sort_keys=True))
        self._store.set_meta(META_FAILURES, None)
        log.info("staff PIN changed")

    def clear_pin(self) -> None:
        """Remove the PIN (back to the not-set state) and any lockout."""
        self._store.set_meta(META_PIN, None)
        self._store.set_meta(META_FAILURES, None)

    # -- failure bookkeeping --

    def _failures(self) -> tuple[int, datetime | None]:
        if self._in_memory is not None:
            return self._in_memory
        raw = self._store.get_meta(META_FAILURES)
        if raw is None:
            return 0, None
        try:
            data = json.loads(raw)
            count = int(data.get("count", 0))
            until = data.get("locked_until")
            return max(0, count), (datetime.fromisoformat(until).astimezone(UTC) if until else None)
        except (ValueError, TypeError, AttributeError):
            # Damaged counter: fail closed (one attempt from a lockout) rather than granting fresh attempts.
            log.warning("staff PIN failure counter unreadable; one attempt left before a lockout")
            return MAX_ATTEMPTS - 1, None

    def _save_failures(self, count: int, locked_until: datetime | None) -> None:
        """Persist the counter; when the store refuses (read-only, full) keep it in memory and remember why."""
        try:
            if count == 0 and locked_until is None:
                self._store.set_meta(META_FAILURES, None)
            else:
                payload = {"count": count, "locked_until": locked_until.isoformat() if locked_until else None}
                self._store.set_meta(META_FAILURES, json.dumps(payload))
        except StoreError as exc:
            if exc.kind not in ("read_only", "disk_full", "locked"):
                raise
            if self.unsaved is None:
                log.warning("staff PIN attempt counter kept in memory: the store cannot be written (%s)", exc.kind)
            self._in_memory = (count, locked_until)
            self.unsaved = exc
            return
        self._in_memory = None
        self.unsaved = None

    def lock_state(self, now: datetime | None = None) -> PinCheck:
        """The current state without attempting a PIN (for showing "locked for 3 more minutes")."""
        at = _now(now)
        count, until = self._failures()
        if until is not None and at < until:
            return PinCheck(False, until, 0, not self.is_set(), self.unsaved)
        count = 0 if until is not None else min(count, MAX_ATTEMPTS - 1)
        return PinCheck(False, None, MAX_ATTEMPTS - count, not self.is_set(), self.unsaved)

    def verify(self, pin: str, now: datetime | None = None) -> PinCheck:
        """Check a PIN. Failures are persisted before returning (in fact before comparing)."""
        at = _now(now)
        raw = self._store.get_meta(META_PIN)
        if raw is None:
            return PinCheck(ok=False, locked_until=None, attempts_left=MAX_ATTEMPTS, not_set=True)

        count, until = self._failures()
        if until is not None:
            if until - at > LOCKOUT:
                # The clock went backwards (or the value was tampered with): never lock for longer than LOCKOUT.
                until = at + LOCKOUT
                self._save_failures(count, until)
            if at < until:
                return PinCheck(ok=False, locked_until=until, attempts_left=0, not_set=False, unsaved=self.unsaved)
            count = 0  # lockout over: a fresh set of attempts
        else:
            count = min(count, MAX_ATTEMPTS - 1)  # a count without a lock can only come from a damaged value

        # Count this attempt as a failure *first*; a success below undoes it.
        count += 1
        new_until = at + LOCKOUT if count >= MAX_ATTEMPTS else None
        self._save_failures(count, new_until)

        if self._matches(pin, raw):
            self._save_failures(0, None)
            return PinCheck(ok=True, locked_until=None, attempts_left=MAX_ATTEMPTS, not_set=False,
                            unsaved=self.unsaved)
        log.info("staff PIN rejected (%d of %d attempts used)", count, MAX_ATTEMPTS)
        return PinCheck(ok=False, locked_until=new_until, attempts_left=max(0, MAX_ATTEMPTS - count), not_set=False,
                        unsaved=self.unsaved)

    @staticmethod
    def _matches(pin: str, raw: str) -> bool:
        if not isinstance(pin, str) or pin_format_problem(pin) is not None:
            return False  # cannot be the PIN; skip the expensive hash (still counted as a failure)
        try:
            rec = json.loads(raw)
            if rec.get("algo") != "scrypt":
                raise ValueError("unknown algorithm")
            salt = base64.b64decode(rec["salt"], validate=True)
            expected = base64.b64decode(rec["hash"], validate=True)
            digest = _scrypt(pin, salt, int(rec["n"]), int(rec["r"]), int(rec["p"]), len(expected))
        except (ValueError, TypeError, KeyError, AttributeError):
            # Unreadable PIN record: fail closed. IT can reset it with the set_pin command.
            log.warning("stored staff PIN record is unreadable; reset it with the set_pin command")
            return False
        return hmac.compare_digest(digest, expected)
