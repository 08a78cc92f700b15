"""The staff commands as IT and the front-desk PC use them: export, purge, set-pin (real processes where it matters)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from kiosk.cli import main
from kiosk.core.config import load_config
from kiosk.core.requests import NewRequest
from kiosk.core.security import PinVault
from kiosk.core.store import RequestStore, StoredRequest


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[data]\ndirectory = {json.dumps(str(tmp_path / 'kiosk-data'))}\n"
                    f"export_folder = {json.dumps(str(tmp_path / 'exports'))}\nretention_days = 30\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def db(config_file: Path) -> Path:
    return load_config(config_file)[0].database_path


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python3 -m kiosk ...` in its own process, exactly as IT would type it."""
    return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin, capture_output=True, text=True,
                          timeout=60)


def add(store: RequestStore, name: str, ago: timedelta = timedelta(0)) -> StoredRequest:
    return store.add(NewRequest(name=name, phone="+12025550143", best_time="any", symptoms=("groin_pain",),
                                note="", consent_version="2026-1", language="en"), now=datetime.now(UTC) - ago)


# ---- export ------------------------------------------------------------------------------------------------
def test_export_to_a_folder_then_nothing_new(config_file: Path, db: Path, tmp_path: Path) -> None:
    with RequestStore(db) as store:
        for i, name in enumerate(["Ana", "@SUM(A1) Bob", "Zoë 😀"]):
            add(store, name, ago=timedelta(minutes=10 - i))
    out = tmp_path / "usb"
    done = cli("export", "--config", str(config_file), "--format", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    [path] = sorted(out.iterdir())
    assert done.stdout.strip() == f"exported 3 requests to {path}"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert {r[3] for r in rows[1:]} == {"(202) 555-0143"}, "the clinic's own numbers (region US) read nationally"
    assert [(r[2], r[4], r[5]) for r in rows[1:]] == [("Ana", "Any time", "Groin pain"),
                                                    ("'@SUM(A1) Bob", "Any time", "Groin pain"),
                                                    ("Zoë 😀", "Any time", "Groin pain")]

    again = cli("export", "--config", str(config_file), "--format", "csv", "-o", str(out))
    assert again.returncode == 0
    assert "nothing new to export" in again.stdout
    assert len(list(out.iterdir())) == 1


def test_export_labels_every_column_in_english_whatever_the_default_language(tmp_path: Path) -> None:
    """A Spanish-first clinic still gets one language in the file: English best times beside English symptoms."""
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(f"[data]\ndirectory = {json.dumps(str(tmp_path / 'kiosk-data'))}\n"
                           '[languages]\noffered = ["es", "en"]\ndefault = "es"\n', encoding="utf-8")
    with RequestStore(load_config(config_file)[0].database_path) as store:
        add(store, "Ana")
    target = tmp_path / "out.csv"
    assert main(["export", "--config", str(config_file), "--format", "csv", "-o", str(target)]) == 0
    with target.open(encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))
    assert (header[4], header[5]) == ("Best time", "Symptoms")
    assert (row[4], row[5], row[8]) == ("Any time", "Groin pain", "new")


def test_export_all_to_a_named_xlsx_file(config_file: Path, db: Path, tmp_path: Path) -> None:
    with RequestStore(db) as store:
        add(store, "=HYPERLINK(\"http://x\") Eve")
        store.mark_exported([r.id for r in store.list_requests()])
    target = tmp_path / "all.xlsx"
    assert main(["export", "--config", str(config_file), "--format", "xlsx", "--all", "-o", str(target)]) == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet["C2"].value == "=HYPERLINK(\"http://x\") Eve"
    assert sheet["C2"].data_type == "s"


def test_export_usage_and_failures_exit_non_zero(config_file: Path, db: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with RequestStore(db) as store:
        add(store, "Ana")
    assert main(["export", "--config", str(config_file), "--format", "xlsx", "-o", str(tmp_path / "x.csv")]) == 2
    assert "ending in .xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["export", "--config", str(config_file), "-o", str(tmp_path)])  # no --format
    assert exc.value.code == 2
    capsys.readouterr()

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["export", "--config", str(config_file), "--format", "csv", "-o", str(blocker / "sub")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: Export failed") and str(blocker / "sub") in err
    assert "Ana" not in err
    with RequestStore(db) as store:
        assert [r.status for r in store.list_requests()] == ["new"], "a failed export changes nothing"
        assert store.export_history() == []


def test_unusable_database_is_a_runtime_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data-is-a-file"
    data.write_text("")
    cfg = tmp_path / "bad.toml"
    cfg.write_text(f"[data]\ndirectory = {json.dumps(str(data))}\n", encoding="utf-8")
    for args in (["export", "--format", "csv", "-o", str(tmp_path)], ["purge"], ["set-pin", "--pin-stdin"]):
        if args[0] == "set-pin":
            code = cli(*args, "--config", str(cfg), stdin="123456\n")
            assert code.returncode == 1, args
            assert code.stderr.startswith("error: Request database")
        else:
            assert main([*args, "--config", str(cfg)]) == 1, args
            assert capsys.readouterr().err.startswith("error: Request database")


# ---- purge -------------------------------------------------------------------------------------------------
def test_purge_removes_exactly_the_old_exported_requests(config_file: Path, db: Path) -> None:
    now = datetime.now(UTC)
    with RequestStore(db) as store:
        old = add(store, "exported 40 days ago", ago=timedelta(days=41))
        mid = add(store, "exported 10 days ago", ago=timedelta(days=11))
        never = add(store, "never exported", ago=timedelta(days=90))
        fresh = add(store, "new")
        store.mark_exported([old.id], now=now - timedelta(days=40))
        store.mark_exported([mid.id], now=now - timedelta(days=10))

    done = cli("purge", "--config", str(config_file))  # retention_days = 30 from the config
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("purged 1 exported request older than 30 days")
    with RequestStore(db) as store:
        assert {r.id for r in store.list_requests()} == {mid.id, never.id, fresh.id}

    done = cli("purge", "--config", str(config_file), "--older-than", "5")
    assert done.stdout.startswith("purged 1 exported request older than 5 days")
    with RequestStore(db) as store:
        assert {r.id for r in store.list_requests()} == {never.id, fresh.id}, "never-exported rows are kept"



def test_purge_refuses_negative_days(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["purge", "--config", str(config_file), "--older-than", "-1"]) == 2
    assert "0 or more days" in capsys.readouterr().err


# ---- set-pin -----------------------------------------------------------------------------------------------
def test_set_pin_from_stdin_for_scripted_installs(config_file: Path, db: Path) -> None:
    done = cli("set-pin", "--config", str(config_file), "--pin-stdin", stdin="482916\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("staff PIN set")
    assert "482916" not in done.stdout + done.stderr
    with RequestStore(db) as store:
        assert PinVault(store).verify("482916").ok
        assert not PinVault(store).verify("111111").ok

    changed = cli("set-pin", "--config", str(config_file), "--pin-stdin", stdin="135790\n")
    assert changed.stdout.startswith("staff PIN changed")


def test_set_pin_refuses_unusable_pins(config_file: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with RequestStore(db) as store:
        PinVault(store).set_pin("135790")
    for bad, reason in (("12a4\n", "digits only"), ("12\n", "too short"), ("1234567890123\n", "too long"),
                        ("\n", "no PIN")):
        monkeypatch.setattr("sys.stdin", io.StringIO(bad))
        assert main(["set-pin", "--config", str(config_file), "--pin-stdin"]) == 2, bad
        err = capsys.readouterr().err
        assert reason in err and "nothing was changed" in err
    with RequestStore(db) as store:
        assert PinVault(store).verify("135790").ok, "refused PINs leave the old one in place"


def test_set_pin_interactive_asks_twice_without_echo(config_file: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["2468", "2468"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["set-pin", "--config", str(config_file)]) == 0
    assert len(prompts) == 2
    assert "staff PIN set" in capsys.readouterr().out
    with RequestStore(db) as store:
        assert PinVault(store).verify("2468").ok

    answers = iter(["1357", "1358"])
    assert main(["set-pin", "--config", str(config_file)]) == 2
    assert "different" in capsys.readouterr().err
    with RequestStore(db) as store:
        assert PinVault(store).verify("2468").ok

    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("getpass.getpass", interrupted)
    assert main(["set-pin", "--config", str(config_file)]) == 1
    assert "cancelled" in capsys.readouterr().err


def test_set_pin_clears_a_lockout(config_file: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with RequestStore(db) as store:
        vault = PinVault(store)
        vault.set_pin("2468")
        for _ in range(5):
            vault.verify("0000")
        assert vault.verify("2468").locked_until is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("9753\n"))
    assert main(["set-pin", "--config", str(config_file), "--pin-stdin"]) == 0
    with RequestStore(db) as store:
        assert PinVault(store).verify("9753").ok
