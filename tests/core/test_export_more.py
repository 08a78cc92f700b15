"""Issue 15's export rules: phones as people read them, progress and cancel, XlsxWriter's file, bugs kept as bugs."""

from __future__ import annotations

import csv
import logging
import random
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

import kiosk.core.export as export_mod
from kiosk.core.export import ExportError, export_requests
from kiosk.core.failures import log_unexpected
from kiosk.core.requests import NewRequest, PhoneFormatter, format_phone_for_display
from kiosk.core.store import RequestStore

T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def add(store: RequestStore, phone: str, name: str = "Ana Lee", note: str = "") -> None:
    store.add(NewRequest(name=name, phone=phone, best_time="any", symptoms=(), note=note, consent_version="v",
                         language="en"), now=T0)


@pytest.fixture
def store(tmp_path: Path):
    with RequestStore(tmp_path / "requests.sqlite3") as s:
        yield s


def test_phone_formatter_matches_phonenumbers_for_every_shape() -> None:
    rng = random.Random(4)
    numbers = ([f"+1{rng.randrange(200, 999)}{rng.randrange(200, 999)}{rng.randrange(10_000):04d}" for _ in range(400)]
               + [f"+447{rng.randrange(10**8, 10**9)}" for _ in range(200)]
               + [f"+44{rng.choice(['20', '121', '1387', '16977'])}{rng.randrange(10**5, 10**6)}" for _ in range(100)]
               + [f"+346{rng.randrange(10**7, 10**8)}" for _ in range(100)]
               + ["+33612345678", "+4915123456789", "+390612345678", "+5215512345678", "+8613812345678",
                  "+12025550143", "not a number", "", "+1", "12025550143", "+999123456789"])
    for region in ("US", "GB", "ES", "DE"):
        formatter = PhoneFormatter(region)
        for number in numbers * 2:  # the second round comes from what the first learnt
            assert formatter(number) == format_phone_for_display(number, region), (region, number)


def test_csv_and_xlsx_phones_national_at_home_international_abroad(store: RequestStore, tmp_path: Path) -> None:
    add(store, "+12025550143")
    add(store, "+447700900123")
    csv_result = export_requests(store, "csv", tmp_path / "out", all_rows=True, region="US", now=T0)
    with csv_result.path.open(encoding="utf-8-sig", newline="") as f:
        phones = [row[3] for row in list(csv.reader(f))[1:]]
    assert phones == ["(202) 555-0143", "'+44 7700 900123"], "only the international one needs neutralising"
    xlsx_result = export_requests(store, "xlsx", tmp_path / "out", all_rows=True, region="US", now=T0)
    sheet = openpyxl.load_workbook(xlsx_result.path).active
    assert [sheet.cell(r, 4).value for r in (2, 3)] == ["(202) 555-0143", "+44 7700 900123"]


def test_xlsx_is_typed_strings_with_a_frozen_header_and_widths(store: RequestStore, tmp_path: Path) -> None:
    add(store, "+12025550143", name="=SUM(A1:A2)", note="<r><t>not markup</t></r>")
    result = export_requests(store, "xlsx", tmp_path / "out", now=T0)
    book = openpyxl.load_workbook(result.path)
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width and sheet.column_dimensions["G"].width
    name, note = sheet.cell(2, 3), sheet.cell(2, 7)
    assert (name.value, name.data_type) == ("=SUM(A1:A2)", "s") and name.quotePrefix
    assert note.value == "<r><t>not markup</t></r>", "XlsxWriter's rich-string shape is written as text"
    with zipfile.ZipFile(result.path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml"), "no formula anywhere"


def test_progress_counts_every_row_and_cancel_leaves_nothing(store: RequestStore, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_mod, "PROGRESS_EVERY", 3)
    for i in range(10):
        add(store, f"+1202555{i:04d}")
    seen: list[tuple[int, int]] = []
    export_requests(store, "csv", tmp_path / "one", progress=lambda d, t: seen.append((d, t)), now=T0)
    assert seen[0] == (0, 10) and seen[-1] == (10, 10) and [d for d, _t in seen] == sorted(d for d, _t in seen)
    asked: list[int] = []
    for fmt in ("csv", "xlsx"):
        with pytest.raises(ExportError) as stopped:
            export_requests(store, fmt, tmp_path / "two", all_rows=True, now=T0,
                            progress=lambda d, _t: asked.append(d), cancelled=lambda: len(asked) > 2)
        assert stopped.value.kind == "cancelled"
    assert not (tmp_path / "two").exists() or list((tmp_path / "two").iterdir()) == []
    assert len(store.export_history()) == 1, "the cancelled exports recorded nothing"


def test_a_disk_problem_is_an_export_error_and_a_bug_stays_a_bug(store: RequestStore, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    add(store, "+12025550143", name="Secret Name")

    def full_disk(path: Path, rows: object) -> None:
        path.write_text("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod, "_write_csv", full_disk)
    with pytest.raises(ExportError) as failed:
        export_requests(store, "csv", tmp_path / "out", now=T0)
    assert failed.value.kind == "destination" and "No space left on device" in str(failed.value)

    def bug(path: Path, rows: object) -> None:
        path.write_text("half")
        raise KeyError("Secret Name")  # a programming error quoting a patient's name

    monkeypatch.setattr(export_mod, "_write_csv", bug)
    with pytest.raises(KeyError) as raised:
        export_requests(store, "csv", tmp_path / "out", now=T0)
    assert list((tmp_path / "out").iterdir()) == [], "the temporary file is gone"
    assert store.list_requests()[0].exported_at is None
    with caplog.at_level(logging.ERROR):
        log_unexpected(logging.getLogger("test"), "exporting", raised.value)
    assert "builtins.KeyError (message withheld" in caplog.text and "test_export_more.py" in caplog.text
    # The traceback quotes the line of code (here the test's own literal), never the exception's message.
    assert "Secret Name" not in caplog.text.replace('raise KeyError("Secret Name")', "")


ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu",
         "America/St_Johns", "Pacific/Chatham", "Europe/Amsterdam", "UTC"]
# Days with a change of offset (DST starts and ends, Lord Howe's half-hour change off the UTC hour, Amsterdam's
# local mean time of 1937 with its seconds), and an ordinary one.
DAYS = [datetime(2024, 3, 9, tzinfo=UTC), datetime(2024, 11, 2, tzinfo=UTC), datetime(2024, 4, 6, tzinfo=UTC),
        datetime(2024, 10, 5, tzinfo=UTC), datetime(1937, 6, 30, tzinfo=UTC), datetime(2024, 6, 1, tzinfo=UTC)]


def _local_reference(created: str, tz: object) -> str:
    return datetime.fromisoformat(created).astimezone(tz).isoformat(" ", "seconds")[:19]  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", ZONES)
def test_created_text_is_exact_across_offset_changes(zone: str) -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    times = export_mod._LocalTimes(tz)
    for day in DAYS:
        for step in range(0, 2 * 24 * 3600, 7 * 60 + 13):  # two days, every 7 min 13 s: each minute of the hour
            created = (day + timedelta(seconds=step, microseconds=step % 999_983)).isoformat(timespec="microseconds")
            assert len(created) == 32
            assert times(created) == _local_reference(created, tz), (zone, created)
    for other in ("2024-03-10T07:30:00+00:00", "2024-03-10T07:30:00.5+00:00", "2024-03-10T02:30:00.000000-05:00",
                  "2024-03-10 07:30:00.000000+00:00", "2024-03-10T07:30:00Z"):
        assert times(other) == _local_reference(other, tz), (zone, other)


def test_created_text_in_the_computers_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX)")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        times = export_mod._LocalTimes(None)
        for step in range(0, 2 * 24 * 3600, 11 * 60 + 7):
            created = (DAYS[0] + timedelta(seconds=step)).isoformat(timespec="microseconds")
            assert times(created) == _local_reference(created, None), created
    finally:
        monkeypatch.undo()
        time.tzset()


def test_phone_formatter_matches_phonenumbers_in_every_country() -> None:
    # Shapes are learnt from the fewest leading digits that decide them (requests._decided): every region's example
    # numbers, and the same with their later digits changed, must still read exactly as phonenumbers writes them.
    import phonenumbers

    rng = random.Random(15)
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            code = str(example.country_code)
            national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)[1 + len(code):]
            numbers.append(f"+{code}{national}")
            keep = rng.randrange(len(national))
            numbers.append(f"+{code}{national[:keep]}{''.join(rng.choice('0123456789') for _ in national[keep:])}")
    for region in ("US", "GB", "AR"):
        formatter = PhoneFormatter(region)
        for number in numbers * 2:
            assert formatter(number) == format_phone_for_display(number, region), (region, number)


def test_phone_formatter_learns_a_shape_once_for_many_numbers() -> None:
    rng = random.Random(2)
    formatter = PhoneFormatter("US")
    for _ in range(2000):
        formatter(f"+447{rng.randrange(10**8, 10**9)}")  # British mobiles: "+447" and 9 random digits
        formatter(f"+1{rng.randrange(200, 999)}{rng.randrange(200, 999)}{rng.randrange(10_000):04d}")
    assert len(formatter._learnt) < 100, "not one phonenumbers call per leading-digit combination (~2,500 here)"


def test_csv_text_is_neutralised_cells_as_csv_writer_writes_them() -> None:
    # The reference is what the export did before _csv_text(): the plain rows, neutralise_cell() on every cell,
    # csv.writer(QUOTE_MINIMAL, "\r\n").
    import io
    import json

    values = ["", "Ana", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "crlf\r\n", "=1+1", "+44", "-2", "@x", "'=1",
              " =1", "\t@x", " padded ", ",", '"', "tab\there", "😀", "مرحبا", "x" * 5000, ";", "\x00", "\u2028",
              "¤", "{0}", "%s", "#N/A", "＝1"]
    rng = random.Random(3)
    labels = {"groin_pain": "Groin, pain", "hip": '"Hip"', "minus": "-sore"}
    times = {"morning": "Morning, early", "any": "=Any"}
    raw = []
    for i in range(3000):
        repeating = json.dumps([rng.choice([*times, "evening", rng.choice(values)]),
                                json.dumps(rng.sample([*labels, "knee", rng.choice(values)], 2)),
                                rng.choice(["en", rng.choice(values)]),
                                rng.choice(["new", "called", rng.choice(values)]),
                                rng.choice(["2024-05", rng.choice(values)])])
        created = (datetime(2024, 3, 9, tzinfo=UTC) + timedelta(minutes=37 * i)).isoformat(timespec="microseconds")
        raw.append((i, rng.choice([f"PS-{i:04d}", rng.choice(values)]), created, rng.choice(values),
                    rng.choice(["+12025550143", "+447700900123", rng.choice(values)]), rng.choice(values), repeating))
    ticks: list[int] = []
    refs: list[str] = []
    text = "".join(export_mod._csv_text(iter(raw), refs, [], labels, times, UTC, PhoneFormatter("US"), ticks.append))
    expected = io.StringIO()
    writer = csv.writer(expected, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(export_mod.EXPORT_COLUMNS)
    for row in export_mod._export_rows(iter(raw), [], [], labels, times, UTC, PhoneFormatter("US")):
        writer.writerow([export_mod.neutralise_cell(cell) for cell in row])
    assert text == expected.getvalue()
    assert refs == [row[1] for row in raw] and ticks == list(range(0, 3000, export_mod.PROGRESS_EVERY))
