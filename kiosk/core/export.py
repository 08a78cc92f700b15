"""Export requests to CSV or XLSX for the front desk.

Qt-free. The guarantees:
* All or nothing. The file is written to a hidden temp file next to the destination, fsynced, renamed into
  place with os.replace (atomic), and the folder fsynced; only then are the rows marked exported and the
  export recorded, in one store transaction. If anything fails, the temp file is removed, nothing in the
  database changes, and ExportError says which folder was involved (never any patient data).
* No formula injection. CSV cells that a spreadsheet would run as a formula are neutralised with a leading
  apostrophe (neutralise_cell, OWASP guidance). XLSX cells are written by XlsxWriter as typed *string* cells
  (write_string; most rows as the very same XML streamed by _RowStream), which no spreadsheet evaluates; cells
  that look like formulas also get Excel's "quote prefix" style so that editing the cell keeps it text. XLSX
  values are therefore exactly the stored text.
* Phone numbers as people read them (when the clinic's `region` is given): numbers of the clinic's own country
  in national format ("(202) 555-0143"), which starts with no formula character and needs no neutralising;
  others in international format ("+44 7700 900123"), neutralised in CSV only ("'+44 7700 900123").
* Progress and cancel: `progress(rows_written, total)` is called every PROGRESS_EVERY rows and `cancelled()`
  is asked as often; when it says yes the export stops with ExportError(kind="cancelled"): no file is left
  and nothing is marked. The panel runs exports in a worker thread with both.
* Zero rows: refused with ExportError(kind="nothing_to_export"). An empty file on a USB stick looks like a
  failed export; a clear "nothing new since the last export" message is friendlier, and the history is not
  cluttered with empty exports.
* File names never contain personal data: psoas-requests-YYYY-MM-DD-HHMMSS.csv|xlsx (local time).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import operator
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal

from kiosk.core.requests import PhoneFormatter
from kiosk.core.store import ExportRecord, RequestStore, StoreError

log = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx")
FILE_PREFIX = "psoas-requests-"
PROGRESS_EVERY = 500  # rows between two progress reports / cancel checks

EXPORT_COLUMNS: tuple[str, ...] = (
    "Reference",
    "Created",  # local time, "YYYY-MM-DD HH:MM:SS"
    "Name",
    "Phone",  # national format for the clinic's country, else international (E.164 when no region is given)
    "Best time",
    "Symptoms",  # readable labels joined with "; "
    "Note",
    "Language",
    "Status",
    "Consent version",
)

# OWASP "CSV Injection" + ASVS 1.2.10: = + - @ TAB CR (and NUL). The full-width forms are included because
# East Asian Excel setups convert them to their ASCII twins; it costs nothing to treat them the same.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\0\uff1d\uff0b\uff0d\uff20")


def neutralise_cell(value: str) -> str:
    """Prefix "'" when a spreadsheet would treat the cell as a formula; otherwise return it unchanged.

    Checked at the first character AND after leading whitespace: some spreadsheet import paths trim
    leading spaces/newlines before deciding, so "  =1+1" is treated like "=1+1". The only change ever made
    is the one leading apostrophe; an already-neutralised value starts with "'" and is left alone.
    """
    # lstrip() is only needed when the value starts with whitespace (the common case skips it).
    if value and (value[0] in FORMULA_TRIGGERS or (value[0].isspace() and value.lstrip()[:1] in FORMULA_TRIGGERS)):
        return "'" + value
    return value


# Characters XML 1.0 (so XLSX) cannot hold. validate_request never stores them; this only guards old rows.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class ExportError(Exception):
    """Export failed or was cancelled; no file was left and nothing was marked exported.

    `kind`: nothing_to_export | destination | store | cancelled | other."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    fmt: str
    scope: str  # "new" | "all"


def _local(dt: datetime, tz: tzinfo | None) -> datetime:
    return dt.astimezone(tz) if tz is not None else dt.astimezone()


Progress = Callable[[int, int], None]  # (rows written so far, rows in this export)


class _LocalTimes:
    """The "Created" text, "YYYY-MM-DD HH:MM:SS" in `tz` (None: the computer's zone), of stored created_at values.

    Exactly datetime.fromisoformat(created).astimezone(tz).isoformat(" ", "seconds")[:19], without a datetime per
    row: for each UTC hour the local offset is looked up once, at both ends of the hour. When they agree and the
    offset is whole minutes, every instant of that hour is its UTC text moved by the offset (the seconds stay);
    when the offset changes inside the hour (a DST change off the hour) or has seconds (old local mean times), the
    rows of that hour are converted one by one. Only created_at in the store's own form (RequestStore._iso:
    "YYYY-MM-DDTHH:MM:SS.ffffff+00:00") is cut so; anything else is converted one by one.
    """

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        # "YYYY-MM-DDTHH" -> (local "YYYY-MM-DD HH" at the hour's start, its minute, the local hour after), or None
        self._hours: dict[str, tuple[str, int, str] | None] = {}

    def __call__(self, created: str) -> str:
        hour = self._hours.get(created[:13])
        if hour is not None and len(created) == 32 and created[26:] == "+00:00" and created[13] == ":" == created[16]:
            start, shift, after = hour
            if not shift:
                return start + created[13:19]
            minute = int(created[14:16]) + shift
            if minute < 60:
                return f"{start}:{minute:02d}{created[16:19]}"
            return f"{after}:{minute - 60:02d}{created[16:19]}"
        if len(created) == 32 and created[26:] == "+00:00" and created[13] == ":" == created[16] \
                and created[:13] not in self._hours:
            self._hours[created[:13]] = self._hour(created[:13])
            return self(created)
        return datetime.fromisoformat(created).astimezone(self.tz).isoformat(" ", "seconds")[:19]

    def _hour(self, key: str) -> tuple[str, int, str] | None:
        start = datetime.fromisoformat(key + ":00:00+00:00")
        first = start.astimezone(self.tz)
        last = (start + timedelta(hours=1, microseconds=-1)).astimezone(self.tz)
        offset = first.utcoffset()
        if offset is None or offset != last.utcoffset() or offset % timedelta(minutes=1):
            return None
        wall = first.replace(tzinfo=None)
        return wall.isoformat(" ")[:13], wall.minute, (wall + timedelta(hours=1)).isoformat(" ")[:13]


_Repeated = tuple[tuple[str, str], tuple[str, str, str]]


class _RepeatedTexts(dict[str, _Repeated]):
    """iter_export_rows()'s JSON text of the five repeating columns -> their texts, made once per distinct
    combination: ((best time, symptoms), (language, status, consent version)), each passed through `cell`.
    Looked up as a dict (texts[repeating]): a C call for every combination seen before."""

    def __init__(self, symptom_labels: Mapping[str, str], best_time_labels: Mapping[str, str],
                 cell: Callable[[str], str]) -> None:
        super().__init__()
        self.symptom_labels, self.best_time_labels, self.cell = symptom_labels, best_time_labels, cell

    def __missing__(self, repeating: str) -> _Repeated:
        best_time, symptoms, language, status, consent = json.loads(repeating)
        chosen = "; ".join(self.symptom_labels.get(x, x) for x in json.loads(symptoms))
        cell = self.cell
        self[repeating] = found = ((cell(self.best_time_labels.get(best_time, best_time)), cell(chosen)),
                                   (cell(language), cell(status), cell(consent)))
        return found


def _export_rows(
    raw_rows: Iterable[tuple],
    references: list[str],
    rowids: list[int],
    symptom_labels: Mapping[str, str],
    best_time_labels: Mapping[str, str],
    tz: tzinfo | None,
    phone: Callable[[str], str],
    tick: Callable[[int], None] | None = None,
) -> Iterator[tuple[str, ...]]:
    """EXPORT_COLUMNS values (plain text) from RequestStore.iter_export_rows() tuples, for XLSX; appends each row's
    reference (and rowid) to `references` (`rowids`) as it goes, so exactly the rows written are the rows marked
    exported. _csv_text() is the same loop for CSV.

    Why this shape: it runs 100,000 times per big export. The columns whose values repeat (best time, symptoms,
    language, status, consent version) come as one JSON text and get their texts once per distinct combination;
    "Created" comes from _LocalTimes.
    """
    repeated = _RepeatedTexts(symptom_labels, best_time_labels, str)
    created_text = _LocalTimes(tz)
    for rowid, reference, created, name, number, note, repeating in raw_rows:
        if tick is not None and len(references) % PROGRESS_EVERY == 0:
            tick(len(references))  # may raise ExportError("cancelled")
        references.append(reference)
        rowids.append(rowid)
        before, after = repeated[repeating]
        yield (reference, created_text(created), name, phone(number), *before, note, *after)


def _csv_text(
    raw_rows: Iterable[tuple],
    references: list[str],
    rowids: list[int],
    symptom_labels: Mapping[str, str],
    best_time_labels: Mapping[str, str],
    tz: tzinfo | None,
    phone: Callable[[str], str],
    tick: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """_export_rows() for CSV: the file's text (header first, then rows in batches), every cell neutralised
    (neutralise_cell) and written as csv.writer(quoting=QUOTE_MINIMAL, lineterminator="\\r\\n") writes it
    (tests compare the two).

    One f-string per row instead of a tuple, a neutralise_cell() call per cell and csv's check of every
    character: the repeating columns come neutralised and quoted once per distinct combination, "Created" never
    needs either (it starts with a digit and holds no comma), and the free text (reference, name, phone, note)
    is checked inline, quoted only when it holds a comma, a quote, CR or LF (a note with a comma is common).
    """
    repeated = _RepeatedTexts(symptom_labels, best_time_labels, lambda text: _csv_field(neutralise_cell(text)))
    created_text = _LocalTimes(tz)
    triggers = FORMULA_TRIGGERS
    lines = [",".join(_csv_field(title) for title in EXPORT_COLUMNS) + "\r\n"]
    for rowid, reference, created, name, number, note, repeating in raw_rows:
        if tick is not None and len(references) % PROGRESS_EVERY == 0:
            tick(len(references))  # may raise ExportError("cancelled")
        references.append(reference)
        rowids.append(rowid)
        before, after = repeated[repeating]
        shown = phone(number)
        # neutralise_cell() only where the first character is a formula trigger or whitespace (rare).
        if reference[:1] in triggers or reference[:1].isspace():
            reference = neutralise_cell(reference)
        if name[:1] in triggers or name[:1].isspace():
            name = neutralise_cell(name)
        if shown[:1] in triggers or shown[:1].isspace():
            shown = neutralise_cell(shown)
        if note[:1] in triggers or note[:1].isspace():
            note = neutralise_cell(note)
        free = reference + name + shown + note
        if "," in free or '"' in free or "\n" in free or "\r" in free:
            reference, name, shown, note = (_csv_field(reference), _csv_field(name), _csv_field(shown),
                                            _csv_field(note))
        lines.append(f"{reference},{created_text(created)},{name},{shown},{before[0]},{before[1]},{note},"
                     f"{after[0]},{after[1]},{after[2]}\r\n")
        if len(lines) >= 1000:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


def _csv_field(value: str) -> str:
    """A value as csv.writer(quoting=QUOTE_MINIMAL) writes it: in quotes, its quotes doubled, when it holds the
    delimiter, a quote, CR or LF."""
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _target(destination: Path, fmt: str, when: datetime) -> Path:
    """The final file path. An existing folder, or a path without a .csv/.xlsx suffix, is a folder (created
    if missing) that receives a generated, data-free name; otherwise it is the file path itself."""
    suffix = "." + fmt
    if destination.is_dir() or destination.suffix.lower() not in {".csv", ".xlsx"}:
        destination.mkdir(parents=True, exist_ok=True)
        stem = FILE_PREFIX + when.strftime("%Y-%m-%d-%H%M%S")
        path = destination / (stem + suffix)
        n = 2
        while path.exists():  # two exports in the same second must not overwrite each other
            path = destination / f"{stem}-{n}{suffix}"
            n += 1
        return path
    if destination.suffix.lower() != suffix:
        raise ExportError("destination", f"The export file name must end with {suffix}: {destination.name}")
    return destination


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. POSIX only: Windows cannot open a directory like this.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_csv(path: Path, text: Iterable[str]) -> None:
    # `text` is _csv_text()'s. The BOM lets Excel recognise UTF-8; written by hand rather than by "utf-8-sig",
    # whose encoder is Python code run for every write (plain "utf-8" is C). errors="replace" only matters for lone
    # surrogates in rows stored before validation existed (they would otherwise abort the export).
    with open(path, "w", encoding="utf-8", errors="replace", newline="", buffering=1 << 20) as f:
        f.write("\ufeff")
        f.writelines(text)
        f.flush()
        os.fsync(f.fileno())


_XLSX_WIDTHS = (10, 20, 28, 18, 14, 40, 50, 10, 10, 16)


def _write_xlsx(path: Path, rows: Iterable[Iterable[str]]) -> None:
    # Imported here: only exports need it.
    import xlsxwriter

    # constant_memory: each row goes to disk when the next one starts (flat memory for 100,000 rows), with
    # inline strings. No type guessing at all: every value is written with write_string().
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(path.parent),
                                           "strings_to_numbers": False, "strings_to_formulas": False,
                                           "strings_to_urls": False})
    try:
        _fill_sheet(book, rows)
    except BaseException:
        with contextlib.suppress(Exception):  # release the row buffer's temp file; the caller removes ours
            book.close()
        raise
    try:
        book.close()
    except xlsxwriter.exceptions.FileCreateError as exc:  # a disk problem, wrapped by XlsxWriter
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise cause or OSError("cannot write the XLSX file") from None
    _fsync_file(path)


def _fill_sheet(book: Any, rows: Iterable[Iterable[str]]) -> None:
    """The header (bold, frozen), the column widths, then one row per request, every cell a string."""
    sheet = book.add_worksheet("Requests")
    for col, width in enumerate(_XLSX_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    bold = book.add_format({"bold": True})
    quoted = book.add_format({"quote_prefix": True})  # editing a formula-looking cell keeps it text
    for col, title in enumerate(EXPORT_COLUMNS):
        sheet.write_string(0, col, title, bold)
    stream = _RowStream.for_sheet(sheet, quoted, len(EXPORT_COLUMNS))
    for r, row in enumerate(rows, start=1):
        values = row if isinstance(row, list | tuple) else tuple(row)
        if stream is None or not stream.write(r, values):
            if stream is not None:
                stream.flush()
            _write_row(sheet, r, values, quoted)
    if stream is not None:
        stream.finish()


def _write_row(sheet: Any, r: int, values: Sequence[str], quoted: Any) -> None:
    """One data row through XlsxWriter's write_string() (the reference for _RowStream, and its fallback)."""
    if _XML_ILLEGAL.search("".join(values)):
        values = [_XML_ILLEGAL.sub("", v) for v in values]
    special = _XLSX_SPECIAL_FIRST
    for col, value in enumerate(values):
        if not value:
            continue  # an empty cell reads back as empty text
        if value[0] in special or value[0].isspace():
            _write_special(sheet, r, col, value, quoted)
        else:
            sheet.write_string(r, col, value)


_XLSX_SPECIAL_FIRST = FORMULA_TRIGGERS | {"#", "<"}
# Cells of a row joined by this character for _RowStream's checks, made once per row. Printable (so that
# str.isprintable() can vouch for a whole row) and rare; a value holding it sends its row the slow way.
_SEP = "\xa4"
# Anything in a joined row that XlsxWriter's string path would treat specially beyond escaping & < >: control
# characters and the _xHHHH_ escape (escaped again), characters XML cannot hold, a cell starting with "<" (its
# rich-string shape) or with whitespace, a cell ending with whitespace (xml:space="preserve").
_SLOW_ROW = re.compile(
    "[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_|(?:^|\xa4)(?:<|\\s)|\\s(?=\xa4|\\Z)"
)
_FIRST = operator.itemgetter(slice(0, 1))  # a cell's first character, in C
_BAD_FIRST = re.compile("[<\\s]")


class _RowStream:
    """Data rows straight into a constant-memory XlsxWriter worksheet's row file, as the same XML write_string()
    writes (tests compare the bytes), with the checks done once per row instead of once per cell.

    Why: write_string() costs ~4 us a cell in Python (argument decorator, dimension checks, two control-character
    regex substitutions, a whitespace check, the cell name, escaping): ~4 s for 100,000 requests of 10 cells.
    Here a row is one regex search and, for the usual row, one str.format() of a template chosen by which cells
    are empty or formula-looking (the quote-prefix style). Any row with something rarer (see _SLOW_ROW) goes
    through write_string() as before. Relies on XlsxWriter internals (checked with 3.3.0 and 3.3.1: the row file
    `fh`, `previous_row`, `table`, `row_info`, the dimensions); for_sheet() returns None, and every row takes
    write_string(), when they are missing (3.2.9 has no `row_info`, for one). pyproject.toml pins XlsxWriter 3.3.
    """

    BATCH = 256  # rows per write to the row file

    def __init__(self, sheet: Any, quoted: Any, columns: int) -> None:
        from xlsxwriter.utility import xl_col_to_name

        self.sheet = sheet
        self.columns = columns
        self.quoted = quoted
        self.letters = [xl_col_to_name(col) for col in range(columns)]  # "A", "B", ...
        self.templates: dict[str, tuple[str, int, int] | Literal[False] | None] = {}
        self.pending: list[str] = []
        self.max_len = sheet.xls_strmax // 2  # longer cells may need truncating: write_string() does that
        self.last_row = -1

    @classmethod
    def for_sheet(cls, sheet: Any, quoted: Any, columns: int) -> _RowStream | None:
        needed = ("fh", "previous_row", "table", "row_info", "comments", "col_info", "dim_rowmin", "dim_rowmax",
                  "dim_colmin", "dim_colmax", "xls_strmax", "excel_version", "default_row_height",
                  "original_row_height", "_write_single_row")
        if not getattr(sheet, "constant_memory", False) or not all(hasattr(sheet, name) for name in needed):
            return None
        # Rows with their own height or format, or comments, get other XML: leave such sheets to XlsxWriter.
        if sheet.row_info or sheet.comments or sheet.excel_version != 2007 \
                or sheet.default_row_height != sheet.original_row_height:
            return None
        return cls(sheet, quoted, columns)

    def write(self, r: int, values: Sequence[str]) -> bool:
        """Write row `r` (0-based) and return True, or return False (writing nothing) for write_string()'s way."""
        line = _SEP.join(values)
        if (len(values) != self.columns or line.count(_SEP) != self.columns - 1 or len(line) > self.max_len
                or "_x" in line):
            return False
        if line.isprintable():
            # The whole row in one C call: no control or unusual characters, and the only whitespace is " ".
            if " " + _SEP in line or line[-1:] == " ":
                return False  # a cell ending in a space (one starting with one is found by its template)
        elif _SLOW_ROW.search(line):
            return False
        # The template depends on which cells are empty and on each one's first character (quote prefix or not).
        if _SEP + _SEP in line or line[:1] == _SEP or line[-1:] == _SEP:
            key = "".join([v[:1] or "\x00" for v in values])
        else:
            key = "".join(map(_FIRST, values))
        sheet = self.sheet
        if self.last_row < 0 and sheet.table:
            # The row XlsxWriter still holds (the header, or one it wrote) goes first, as write_string(r, ...) would
            # send it, and before _template() numbers a new format (formats are numbered as they are first written).
            sheet._write_single_row(r)
        if key in self.templates:
            shape = self.templates[key]
        else:
            shape = self.templates[key] = self._template(key)
        if shape is False:
            return False
        if "&" in line or "<" in line or ">" in line:
            values = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split(_SEP)
        if shape is None:
            return True  # every cell empty: no row at all, as write_string() would leave it
        template, first, last = shape
        self.pending.append(template.format(r + 1, *values))
        self.last_row = r
        if sheet.dim_colmin is None or first < sheet.dim_colmin:
            sheet.dim_colmin = first
        if sheet.dim_colmax is None or last > sheet.dim_colmax:
            sheet.dim_colmax = last
        if len(self.pending) >= self.BATCH:
            self.flush()
        return True

    def _template(self, key: str) -> tuple[str, int, int] | Literal[False] | None:
        """The row's XML with {0} for the row number and {1}... for the cells; None for a row of empty cells; False
        when a cell starts with whitespace or "<" (write_string()'s way)."""
        if _BAD_FIRST.search(key):
            return False
        cells = []
        used = []
        for col, first in enumerate(key):
            if first == "\x00":
                continue
            # What _write_row() gives a cell starting so, and write_string() without a format: the column's format,
            # if any. A format's number is given at its first use, so it is asked for here, when the first row of
            # this shape is written, as XlsxWriter would.
            fmt = self.quoted if first in _XLSX_SPECIAL_FIRST else getattr(self.sheet.col_info.get(col),
                                                                             "column_format", None)
            attr = f' s="{fmt._get_xf_index()}"' if fmt is not None else ""
            cells.append(f'<c r="{self.letters[col]}{{0}}"{attr} t="inlineStr"><is><t>{{{col + 1}}}</t></is></c>')
            used.append(col)
        if not used:
            return None
        return '<row r="{0}">' + "".join(cells) + "</row>", used[0], used[-1]

    def flush(self) -> None:
        """Write the rows held so far (before XlsxWriter writes a row of its own, and at the end)."""
        if self.last_row < 0:
            return
        sheet = self.sheet
        if self.pending:
            sheet.fh.write("".join(self.pending))
            self.pending.clear()
        # As write_string() leaves them: the last row written, and the sheet's dimensions.
        sheet.previous_row = self.last_row
        if sheet.dim_rowmin is None or self.last_row < sheet.dim_rowmin:
            sheet.dim_rowmin = self.last_row
        if sheet.dim_rowmax is None or self.last_row > sheet.dim_rowmax:
            sheet.dim_rowmax = self.last_row
        self.last_row = -1

    def finish(self) -> None:
        self.flush()


def _write_special(sheet: Any, r: int, col: int, value: str, quoted: Any) -> None:
    """A cell starting with a formula character, "#", "<" or whitespace. XlsxWriter writes a value shaped like its
    own rich-string XML ("<r>...</r>") unescaped in constant-memory mode, so such text goes in as plain runs
    of a rich string (escaped like any text, the same characters)."""
    if value.startswith("<r>") and value.endswith("</r>"):
        sheet.write_rich_string(r, col, value[:1], value[1:2], value[2:])  # it needs three fragments or more
    elif value[0] == "#" or neutralise_cell(value) != value:
        sheet.write_string(r, col, value, quoted)
    else:
        sheet.write_string(r, col, value)


def export_requests(
    store: RequestStore,
    fmt: str,
    destination: Path,
    *,
    all_rows: bool = False,
    symptom_labels: Mapping[str, str] | None = None,
    best_time_labels: Mapping[str, str] | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    region: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the requests never exported before (or all of them) to `destination` and mark them exported.

    `destination`: a folder (gets a generated file name; created if missing) or a full .csv/.xlsx path.
    `symptom_labels` / `best_time_labels` map ids to readable (translated) labels; unknown ids stay ids.
    `tz` is the zone for the "Created" column and the file name (default: the computer's local zone).
    `region` (the clinic's, e.g. "US"): phone numbers as people read them; None keeps them in E.164.
    `progress(rows_written, total)` and `cancelled()`: see the module docstring.
    Raises ExportError (kind "nothing_to_export", "destination", "store" or "cancelled"). Any other exception
    is a bug: it is raised as it is (with its traceback), after the temporary file is removed.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    at = datetime.now(UTC) if now is None else now.astimezone(UTC)
    destination = Path(destination)
    folder_for_messages = destination if destination.suffix.lower() not in {".csv", ".xlsx"} else destination.parent

    try:
        total = store.count_for_export(all_rows) if progress is not None else 0
        # Streamed from one cursor: flat memory and no per-row objects, even for 100,000 rows.
        raw_rows = store.iter_export_rows(all_rows=all_rows)
        first = next(raw_rows, None)
    except StoreError as exc:
        raise ExportError("store", f"Export failed: the request database could not be read ({exc.kind}).") from exc
    if first is None:
        raise ExportError("nothing_to_export", "Nothing new to export." if not all_rows else "Nothing to export.")

    def tick(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportError("cancelled", "Export cancelled; no file was kept and nothing was marked.")
        if progress is not None:
            progress(done, max(total, done))

    phone = PhoneFormatter(region) if region else str
    references: list[str] = []
    rowids: list[int] = []
    make = _csv_text if fmt == "csv" else _export_rows
    rows = make(itertools.chain([first], raw_rows), references, rowids, symptom_labels or {}, best_time_labels or {},
                tz, phone, tick if (progress is not None or cancelled is not None) else None)
    try:
        target = _write_file(fmt, destination, rows, _local(at, tz), folder_for_messages,
                             lambda: cancelled is not None and cancelled())
    finally:
        raw_rows.close()  # the read cursor ends here whatever happened (it is already exhausted on success)

    scope = "all" if all_rows else "new"
    record = ExportRecord(at=at, rows=len(references), format=fmt, destination=str(target), scope=scope)
    try:
        store.finish_export_rows(rowids, references, record)
    except StoreError as exc:
        # Keep the promise "nothing changed": the file goes too, so a retry exports the same rows again.
        with contextlib.suppress(OSError):
            target.unlink()
        raise ExportError(
            "store",
            f"Export to {target.parent} failed: the requests could not be marked as exported ({exc.kind}); "
            "no file was kept.",
        ) from exc
    if progress is not None:
        progress(len(references), len(references))
    log.info("exported %d request(s) as %s (scope %s)", len(references), fmt, scope)
    return ExportResult(path=target, rows=len(references), fmt=fmt, scope=scope)


def _write_file(fmt: str, destination: Path, rows: Iterator[Any], when: datetime,
                folder_for_messages: Path, cancelled: Callable[[], bool]) -> Path:
    """Write `rows` to a temp file beside the target and rename it into place; returns the target.

    A disk problem (OSError) becomes ExportError("destination") naming the folder and the OS's reason; a read
    failure ExportError("store"). Anything else is a bug and propagates unchanged, the temp file removed."""
    try:
        target = _target(destination, fmt, when)
    except OSError as exc:
        raise ExportError(
            "destination", f"Export failed: cannot use the folder {folder_for_messages} ({exc.strerror or exc})."
        ) from None
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".psoas-export-", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        if fmt == "csv":
            _write_csv(tmp, rows)
        else:
            _write_xlsx(tmp, rows)
        if cancelled():  # the last chance: after the rename the export completes
            raise ExportError("cancelled", "Export cancelled; no file was kept and nothing was marked.")
        os.replace(tmp, target)
        tmp = None
        with contextlib.suppress(OSError):
            _fsync_dir(target.parent)
    except StoreError as exc:  # reading the rows failed part-way, not the destination
        raise ExportError("store", f"Export failed: the request database could not be read ({exc.kind}).") from exc
    except OSError as exc:
        # `from None`: keep the folder and the OS's reason, never a library's text (it can quote cell content).
        raise ExportError(
            "destination", f"Export failed: could not write the file in {target.parent} ({exc.strerror or 'OSError'})."
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return target
