"""The XLSX export's row stream (export._RowStream): the same bytes as XlsxWriter's write_string(), for any text."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

import kiosk.core.export as export_mod
from kiosk.core.export import EXPORT_COLUMNS, _fill_sheet

HOSTILE = [
    "=1+1", "+44 7700 900123", "-2 weeks", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠x", "#REF!", "#N/A",
    "<r><t>not markup</t></r>", "<r>", "<b>bold</b>", "a<b", "a > b & c", "&amp;", "&<>\"'", "'quoted'",
    "\x00", "a\x00b", "\t=1", "a\tb", "\ta", "a\t", "\r=1", "a\rb", "\n@x", "a\nb", "a\n", "\x01\x02\x1f", "\x0b\x0c",
    "\x7f", "\x85", "_x0000_", "a_x00E9_b", "_xZZZZ_", "_x", "😀👍🏽", "👩\u200d⚕️", "مرحبا שלום", "\u200fRTL", "\u202e",
    "x" * 10_000, "y" * 16_384, "😀" * 16_400, " a", "a ", "  ", " ", "\xa0a", "a\xa0", "a\u3000", "\u2028", "¤",
    "a¤b", "¤¤", "{0}", "{1} {}", "%s", "\ufffe", "\uffff", "\ud800", "a\udfffb", "Ana García", "Zoë O'Neil", "",
]


def plain_row(rng: random.Random) -> list[str]:
    return [f"PS-{rng.randrange(10**4):04d}", "2024-05-01 11:30:00", rng.choice(["Ana García", "Ann", "李 Wei"]),
            rng.choice(["(202) 555-0143", "+44 7700 900123"]), "Any time", "Low back pain; Groin pain",
            rng.choice(["", "Worse in the morning.", "Line one\nLine two", "Thanks 😊", "-2 weeks"]),
            "en", "new", "2024-05"]


def hostile_rows() -> list[list[str]]:
    rng = random.Random(15)
    rows: list[list[str]] = []
    for value in HOSTILE:  # each hostile value in every column, between plain rows
        for col in range(len(EXPORT_COLUMNS)):
            row = plain_row(rng)
            row[col] = value
            rows.append(row)
            rows.extend(plain_row(rng) for _ in range(rng.randrange(3)))
    rows.append([""] * len(EXPORT_COLUMNS))  # a row of empty cells
    rows.extend(plain_row(rng) for _ in range(600))  # more than a batch in one go
    rows.append([rng.choice(HOSTILE) for _ in EXPORT_COLUMNS])
    rows.extend([rng.choice(HOSTILE) for _ in EXPORT_COLUMNS] for _ in range(300))
    return rows


def workbook_files(rows: list[list[str]], *, stream: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        if not stream:
            patch.setattr(export_mod._RowStream, "for_sheet", classmethod(lambda cls, *args: None))
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
        book.set_properties({"created": export_mod.datetime(2024, 1, 1)})
        _fill_sheet(book, iter(rows))
        book.close()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_rows_stream_as_the_same_bytes_as_write_string(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = hostile_rows()
    fast = workbook_files(rows, stream=True, monkeypatch=monkeypatch)
    slow = workbook_files(rows, stream=False, monkeypatch=monkeypatch)
    assert fast.keys() == slow.keys()
    for name in fast:
        assert fast[name] == slow[name], name


def test_the_stream_really_takes_the_usual_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without this the test above could pass with a stream that never streams.
    taken: list[bool] = []
    real = export_mod._RowStream.write

    def spy(self: export_mod._RowStream, r: int, values: list[str]) -> bool:
        taken.append(real(self, r, values))
        return taken[-1]

    monkeypatch.setattr(export_mod._RowStream, "write", spy)
    rng = random.Random(1)
    workbook_files([plain_row(rng) for _ in range(300)] + [["\ta", *plain_row(rng)[1:]]], stream=True,
                   monkeypatch=monkeypatch)
    assert taken == [True] * 300 + [False]


def test_a_streamed_file_reads_back_as_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = hostile_rows()[:400]
    path = tmp_path / "out.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    _fill_sheet(book, iter(rows))
    book.close()
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == list(EXPORT_COLUMNS)
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(r, col)
            expected = export_mod._XML_ILLEGAL.sub("", value)
            if len(expected.encode("utf-16-le", "surrogatepass")) > 2 * 32767:
                assert cell.value and expected.startswith(cell.value), "truncated to Excel's limit"
                continue
            assert (cell.value or "") == expected, (r, col)
            assert cell.data_type == "s" or cell.value is None
            formula_like = expected[:1] == "#" or export_mod.neutralise_cell(expected) != expected
            assert bool(cell.quotePrefix) == formula_like, (r, col)


def test_without_the_internals_it_relies_on_every_row_takes_write_string() -> None:
    book = xlsxwriter.Workbook(io.BytesIO(), {"constant_memory": True})
    sheet = book.add_worksheet()
    quoted = book.add_format({"quote_prefix": True})
    assert export_mod._RowStream.for_sheet(sheet, quoted, 10) is not None
    kept = sheet.previous_row
    del sheet.previous_row  # as if another XlsxWriter version had renamed it
    assert export_mod._RowStream.for_sheet(sheet, quoted, 10) is None
    sheet.previous_row = kept
    other = xlsxwriter.Workbook(io.BytesIO())  # not constant_memory: shared strings, other XML
    assert export_mod._RowStream.for_sheet(other.add_worksheet(), quoted, 10) is None
    book.close()
    other.close()
