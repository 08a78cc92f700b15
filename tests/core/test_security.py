"""Staff PIN: format rules, scrypt storage, attempts, lockout persisted across restarts."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import kiosk.core.security as security_mod
from kiosk.core.security import (
    LOCKOUT,
    MAX_ATTEMPTS,
    META_FAILURES,
    META_PIN,
    PIN_MAX,
    PIN_MIN,
    PinCheck,
    PinVault,
    pin_format_problem,
)
from kiosk.core.store import RequestStore

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


PRODUCTION_N = security_mod.SCRYPT_N


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper scrypt for the behaviour tests: the cost is stored with each hash and verify() follows it.
    The test of the stored record puts the production cost back."""
    monkeypatch.setattr(security_mod, "SCRYPT_N", 2**10)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "requests.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with RequestStore(db_path) as s:
        yield s


@pytest.fixture
def vault(store: RequestStore) -> PinVault:
    v = PinVault(store)
    v.set_pin("4821")
    return v


# --- format ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("1234", None),
        ("0000", None),
        ("1" * PIN_MAX, None),
        ("1" * PIN_MIN, None),
        ("123", "too_short"),
        ("1" * (PIN_MAX + 1), "too_long"),
        ("", "not_digits"),
        ("12a4", "not_digits"),
        ("12 34", "not_digits"),
        ("١٢٣٤", "not_digits"),  # Arabic-Indic digits: isdigit() is True, but not what the keypad sends
        ("１２３４", "not_digits"),  # full-width digits
        ("-1234", "not_digits"),
    ],
)
def test_pin_format_problem(pin, problem):
    assert pin_format_problem(pin) == problem


def test_set_pin_refuses_bad_format_with_a_code(store: RequestStore):
    v = PinVault(store)
    with pytest.raises(ValueError, match=r"^too_short$"):
        v.set_pin("12")
    with pytest.raises(ValueError, match=r"^not_digits$"):
        v.set_pin("abcd")
    assert not v.is_set()


# --- set / verify ---------------------------------------------------------------------------------------


def test_not_set_state(store: RequestStore):
    v = PinVault(store)
    assert not v.is_set()
    check = v.verify("1234", T0)
    assert check == PinCheck(ok=False, locked_until=None, attempts_left=MAX_ATTEMPTS, not_set=True)
    assert store.get_meta(META_FAILURES) is None  # nothing to count against


def test_set_and_verify(vault: PinVault):
    assert vault.is_set()
    assert vault.verify("4821", T0) == PinCheck(ok=True, locked_until=None, attempts_left=MAX_ATTEMPTS, not_set=False)
    assert not vault.verify("4822", T0).ok
    assert not vault.verify("48210", T0).ok  # a longer PIN with the right prefix is wrong


def test_changing_the_pin(vault: PinVault):
    vault.set_pin("99887766")
    assert not vault.verify("4821", T0).ok
    assert vault.verify("99887766", T0).ok


def test_stored_record_is_a_salted_scrypt_hash_not_the_pin(
    store: RequestStore, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(security_mod, "SCRYPT_N", PRODUCTION_N)
    assert PRODUCTION_N == 2**14
    vault = PinVault(store)
    vault.set_pin("4821")
    assert vault.verify("4821", T0).ok
    raw = store.get_meta(META_PIN)
    assert "4821" not in raw
    rec = json.loads(raw)
    assert (rec["algo"], rec["n"], rec["r"], rec["p"], rec["dklen"]) == ("scrypt", 2**14, 8, 1, 32)
    salt, digest = base64.b64decode(rec["salt"]), base64.b64decode(rec["hash"])
    assert len(salt) == 16 and len(digest) == 32
    assert hashlib.scrypt(b"4821", salt=salt, n=2**14, r=8, p=1, dklen=32) == digest
    # Same PIN again: a fresh salt, so a different hash.
    vault.set_pin("4821")
    assert json.loads(store.get_meta(META_PIN))["hash"] != rec["hash"]


def test_hash_made_with_older_cost_still_verifies(vault: PinVault, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(security_mod, "SCRYPT_N", 2**15)  # a later release raises the cost ...
    assert vault.verify("4821", T0).ok  # ... and the stored parameters keep old PINs working


def test_pin_never_in_database_file(store: RequestStore, db_path: Path):
    PinVault(store).set_pin("73519246")
    store.close()
    raw = db_path.read_bytes() + (
        Path(str(db_path) + "-wal").read_bytes() if Path(str(db_path) + "-wal").exists() else b""
    )
    assert b"73519246" not in raw


# --- attempts and lockout -------------------------------------------------------------------------------


def test_wrong_pins_count_down(vault: PinVault):
    for used in range(1, MAX_ATTEMPTS):
        check = vault.verify("0000", T0)
        assert not check.ok and check.locked_until is None
        assert check.attempts_left == MAX_ATTEMPTS - used


def test_success_resets_the_count(vault: PinVault, store: RequestStore):
    for _ in range(MAX_ATTEMPTS - 1):
        vault.verify("0000", T0)
    assert vault.verify("4821", T0).ok
    assert store.get_meta(META_FAILURES) is None
    assert vault.verify("0000", T0).attempts_left == MAX_ATTEMPTS - 1


def test_fifth_failure_locks_for_five_minutes(vault: PinVault):
    for _ in range(MAX_ATTEMPTS - 1):
        vault.verify("0000", T0)
    check = vault.verify("0000", T0)
    assert check == PinCheck(ok=False, locked_until=T0 + LOCKOUT, attempts_left=0, not_set=False)
    # While locked even the right PIN is refused (and not checked at all).
    check = vault.verify("4821", T0 + LOCKOUT - timedelta(seconds=1))
    assert not check.ok and check.locked_until == T0 + LOCKOUT
    assert vault.lock_state(T0 + timedelta(minutes=1)).locked_until == T0 + LOCKOUT


def test_locked_verify_skips_the_hash(vault: PinVault, monkeypatch: pytest.MonkeyPatch):
    for _ in range(MAX_ATTEMPTS):
        vault.verify("0000", T0)

    def boom(*a, **kw):
        raise AssertionError("hash computed while locked")

    monkeypatch.setattr("kiosk.core.security._scrypt", boom)
    assert not vault.verify("4821", T0 + timedelta(minutes=1)).ok


def test_unlocks_after_lockout_with_fresh_attempts(vault: PinVault):
    for _ in range(MAX_ATTEMPTS):
        vault.verify("0000", T0)
    later = T0 + LOCKOUT
    assert vault.lock_state(later).locked_until is None
    check = vault.verify("0000", later)
    assert not check.ok and check.locked_until is None and check.attempts_left == MAX_ATTEMPTS - 1
    assert vault.verify("4821", later).ok


def test_lockout_survives_a_restart(db_path: Path):
    with RequestStore(db_path) as s:
        v = PinVault(s)
        v.set_pin("4821")
        for _ in range(MAX_ATTEMPTS):
            v.verify("0000", T0)
    with RequestStore(db_path) as s:  # "restart": new connection, new vault
        v = PinVault(s)
        check = v.verify("4821", T0 + timedelta(minutes=2))
        assert not check.ok and check.locked_until == T0 + LOCKOUT
        assert v.verify("4821", T0 + LOCKOUT).ok


def test_failures_are_counted_across_restarts(db_path: Path):
    with RequestStore(db_path) as s:
        PinVault(s).set_pin("4821")
    checks = []
    for _ in range(MAX_ATTEMPTS):
        with RequestStore(db_path) as s:  # a fresh process per attempt cannot reset the counter
            checks.append(PinVault(s).verify("0000", T0))
    assert [c.attempts_left for c in checks] == [4, 3, 2, 1, 0]
    assert checks[-1].locked_until == T0 + LOCKOUT


def test_failure_is_persisted_before_the_comparison(vault: PinVault, store: RequestStore, monkeypatch):
    """If the app dies during the (slow) hash, the attempt still counts."""

    def die(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr("kiosk.core.security._scrypt", die)
    with pytest.raises(KeyboardInterrupt):
        vault.verify("1111", T0)
    assert json.loads(store.get_meta(META_FAILURES))["count"] == 1


def test_clock_moved_back_never_locks_longer_than_lockout(vault: PinVault):
    for _ in range(MAX_ATTEMPTS):
        vault.verify("0000", T0)
    back = T0 - timedelta(days=2)
    check = vault.verify("4821", back)
    assert not check.ok and check.locked_until == back + LOCKOUT
    assert vault.verify("4821", back + LOCKOUT).ok


def test_bad_format_attempts_count_too(vault: PinVault):
    assert vault.verify("", T0).attempts_left == MAX_ATTEMPTS - 1
    assert vault.verify("abc", T0).attempts_left == MAX_ATTEMPTS - 2


def test_damaged_records_fail_closed(vault: PinVault, store: RequestStore):
    store.set_meta(META_FAILURES, "{not json")
    check = vault.verify("0000", T0)
    assert check.locked_until == T0 + LOCKOUT  # the damaged counter left only one attempt
    store.set_meta(META_FAILURES, None)
    store.set_meta(META_PIN, '{"algo": "md5", "hash": "x"}')
    assert vault.is_set() and not vault.verify("4821", T0).ok


def test_set_pin_clears_a_lockout(vault: PinVault):
    for _ in range(MAX_ATTEMPTS):
        vault.verify("0000", T0)
    vault.set_pin("5555")
    assert vault.verify("5555", T0).ok


def test_clear_pin(vault: PinVault):
    vault.clear_pin()
    assert not vault.is_set() and vault.verify("4821", T0).not_set


def test_scrypt_cost_is_moderate(capsys):
    """The production cost: an offline guess of every 4-digit PIN from a stolen file takes minutes, yet one hash
    feels instant at the PIN pad. The bounds are asserted; the time is only printed (shared machines vary)."""
    n, r, p, dklen = PRODUCTION_N, security_mod.SCRYPT_R, security_mod.SCRYPT_P, security_mod.SCRYPT_DKLEN
    assert n & (n - 1) == 0, "n must be a power of two"
    memory = 128 * n * r  # bytes scrypt holds while hashing (the p lanes run one after another)
    assert 16 * 2**20 <= memory <= 64 * 2**20, f"{memory / 2**20:.0f} MiB"  # no weaker than 2**14/8; instant
    assert memory < security_mod._SCRYPT_MAXMEM  # else OpenSSL refuses to hash
    assert 2**17 <= n * r * p <= 2**20  # work: 2**14 * 8 today, at most 8 times that at the PIN pad
    assert p == 1 and dklen == 32
    start = time.perf_counter()
    security_mod._scrypt("4821", b"0" * 16, n, r, p, dklen)
    elapsed_ms = (time.perf_counter() - start) * 1000
    with capsys.disabled():
        print(f"\nscrypt n=2**{n.bit_length() - 1} r={r} p={p}: {elapsed_ms:.1f} ms, {memory / 2**20:.0f} MiB")


# --- a store that cannot be written -----------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """(data folder, tmpfs mount point or None), as test_full_disk's read_only_place."""
    import contextlib
    import os

    from tests.qt.test_full_disk import _can_mount, _tmpfs

    if _can_mount():
        with contextlib.suppress(pytest.skip.Exception), _tmpfs("4m") as point:
            yield point / "data", point
            return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("as root only a read-only filesystem stops writes, and none could be mounted")
    yield tmp_path / "data", None


def test_right_pin_works_on_a_read_only_store(read_only_folder):  # type: ignore[no-untyped-def]
    """A read-only data folder (a real read-only mount as root, else no write permission): the right PIN still
    opens staff mode, wrong ones are counted in memory, and the check says why the counter is not saved."""
    from tests.qt.test_full_disk import _read_only, _rows

    folder, mount_point = read_only_folder
    db = folder / "requests.sqlite3"
    with RequestStore(db) as s:
        PinVault(s).set_pin("4821")
    _rows(db)  # a reader closes last and leaves the -wal/-shm files, as after a power cut: SQLite can open it
    with _read_only(folder, mount_point):
        store = RequestStore(db)  # the kiosk starts on a read-only disk
        try:
            vault = PinVault(store)
            wrong = vault.verify("0000", T0)
            assert not wrong.ok and wrong.attempts_left == MAX_ATTEMPTS - 1, "counted in memory"
            assert wrong.unsaved is not None and wrong.unsaved.kind == "read_only"
            assert vault.lock_state(T0).attempts_left == MAX_ATTEMPTS - 1
            check = vault.verify("4821", T0)
            assert check.ok and check.unsaved is not None
            for _ in range(MAX_ATTEMPTS):
                vault.verify("0000", T0)
            assert vault.verify("4821", T0).locked_until == T0 + LOCKOUT, "the lockout holds in memory too"
        finally:
            store.close()
    with RequestStore(db) as s:  # writable again: a success clears the memory and the saved counter
        vault = PinVault(s)
        assert vault.verify("4821", T0 + LOCKOUT).ok and vault.unsaved is None
