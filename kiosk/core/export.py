"""Export requests to CSV or XLSX for the front desk.

Qt-free. The guarantees:
* All or nothing. The file is written to a hidden temp file next to the destination, fsynced, renamed into
  place with os.replace (atomic), and the folder fsynced; only then are the rows marked exported and the
  export recorded, in one store transaction. If anything fails, the temp file is removed, nothing in the
  database changes, and ExportError says which folder was involved (never any patient data).
* No formula injection. CSV cells that a spreadsheet would run as a formula are neutralised with a leading
  apostrophe (neutralise_cell, OWASP guidance). XLSX cells are written as typed *string* cells, which no
  spreadsheet evaluates; cells that look like formulas also get Excel's "quote prefix" style so that
  editing the cell keeps it text. XLSX values are therefore exactly the stored text.
* Zero rows: refused with ExportError(kind="nothing_to_export"). An empty file on a USB stick looks like a
  failed export; a clear "nothing new since the last export" message is friendlier, and the history is not
  cluttered with empty exports.
* File names never contain personal data: psoas-requests-YYYY-MM-DD-HHMMSS.csv|xlsx (local time).
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from kiosk.core.store import ExportRecord, RequestStore, StoreError

log = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx")
FILE_PREFIX = "psoas-requests-"

EXPORT_COLUMNS: tuple[str, ...] = (
    "Reference",
    "Created",  # local time, "YYYY-MM-DD HH:MM:SS"
    "Name",
    "Phone",  # E.164
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
    """Export failed; nothing was marked exported. `kind`: nothing_to_export | destination | store | other."""

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


def _export_rows(
    raw_rows: Iterable[tuple],
    ids: list[str],
    symptom_labels: Mapping[str, str],
    best_time_labels: Mapping[str, str],
    tz: tzinfo | None,
) -> Iterator[tuple[str, ...]]:
    """EXPORT_COLUMNS values (plain text, not yet neutralised) from RequestStore.iter_export_rows() tuples;
    appends each row's id to `ids` as it goes, so exactly the rows written are the rows marked exported.

    Why this shape: it runs 100,000 times per big export. Symptom lists and best times repeat, so their
    labels are built once per distinct value; "Created" is parsed by the C fromisoformat() and cut from
    isoformat() instead of strftime() (same text: "YYYY-MM-DD HH:MM:SS" in `tz`, default local time).
    """
    symptoms_text: dict[str, str] = {}
    best_time_text = dict(best_time_labels)
    from_iso = datetime.fromisoformat
    for rid, reference, created, name, phone, best_time, symptoms, note, language, status, consent in raw_rows:
        ids.append(rid)
        chosen = symptoms_text.get(symptoms)
        if chosen is None:
            chosen = symptoms_text[symptoms] = "; ".join(symptom_labels.get(x, x) for x in json.loads(symptoms))
        yield (
            reference,
            from_iso(created).astimezone(tz).isoformat(" ", "seconds")[:19],
            name,
            phone,
            best_time_text.get(best_time, best_time),
            chosen,
            note,
            language,
            status,
            consent,
        )


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


def _write_csv(path: Path, rows: Iterable[Iterable[str]]) -> None:
    # utf-8-sig writes the BOM Excel needs to recognise UTF-8; errors="replace" only matters for lone
    # surrogates in rows stored before validation existed (they would otherwise abort the export).
    triggers = FORMULA_TRIGGERS
    # neutralise_cell() inlined: a million calls are a noticeable part of a 100,000-row export.
    neutralised = (
        [("'" + v) if v and (v[0] in triggers or (v[0].isspace() and v.lstrip()[:1] in triggers)) else v for v in row]
        for row in rows
    )
    with open(path, "w", encoding="utf-8-sig", errors="replace", newline="", buffering=1 << 20) as f:
        writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(neutralised)
        f.flush()
        os.fsync(f.fileno())


_XLSX_WIDTHS = (10, 20, 28, 18, 14, 40, 50, 10, 10, 16)


def _write_xlsx(path: Path, rows: Iterable[Iterable[str]]) -> None:
    # Imported here: openpyxl takes a noticeable fraction of a second to import and only exports need it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)  # streams rows to disk: flat memory even for 100k rows
    ws = wb.create_sheet("Requests")
    for i, width in enumerate(_XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)

    def header_cell(text: str) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=text)
        c.font = bold
        return c

    def text_cell(text: str) -> str | WriteOnlyCell:
        if _XML_ILLEGAL.search(text):
            text = _XML_ILLEGAL.sub("", text)
        # openpyxl guesses types from plain str values: "=..." becomes a formula and "#N/A" an error cell.
        # Those (and anything formula-like) get an explicit string cell with Excel's quote prefix; the rest
        # stay plain str, which openpyxl writes as inline strings (much faster than one cell object each).
        if not text or (text[0] != "#" and neutralise_cell(text) == text):
            return text
        c = WriteOnlyCell(ws, value=text)
        c.data_type = "s"
        c.quotePrefix = True
        return c

    ws.append([header_cell(h) for h in EXPORT_COLUMNS])
    # The common case (no XML-illegal character in the row, no cell starting with a trigger, "#" or whitespace)
    # goes to openpyxl as plain str without calling text_cell(): one regex search per row, not per cell.
    special = FORMULA_TRIGGERS | {"#"}
    illegal = _XML_ILLEGAL.search
    append = ws.append
    for row in rows:
        values = row if isinstance(row, list | tuple) else tuple(row)
        if illegal("".join(values)):
            append([text_cell(v) for v in values])
            continue
        append([v if v and v[0] not in special and not v[0].isspace() else text_cell(v) for v in values])
    wb.save(path)
    _fsync_file(path)


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
) -> ExportResult:
    """Write the requests never exported before (or all of them) to `destination` and mark them exported.

    `destination`: a folder (gets a generated file name; created if missing) or a full .csv/.xlsx path.
    `symptom_labels` / `best_time_labels` map ids to readable (translated) labels; unknown ids stay ids.
    `tz` is the zone for the "Created" column and the file name (default: the computer's local zone).
    Raises ExportError (kind "nothing_to_export", "destination", "store" or "other").
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    symptom_labels = symptom_labels or {}
    best_time_labels = best_time_labels or {}
    at = datetime.now(UTC) if now is None else now.astimezone(UTC)
    destination = Path(destination)
    folder_for_messages = destination if destination.suffix.lower() not in {".csv", ".xlsx"} else destination.parent

    # Streamed from one cursor: flat memory and no per-row objects, even for 100,000 rows.
    raw_rows = store.iter_export_rows(all_rows=all_rows)
    try:
        first = next(raw_rows, None)
    except StoreError as exc:
        raise ExportError("store", f"Export failed: the request database could not be read ({exc.kind}).") from exc
    if first is None:
        raise ExportError("nothing_to_export", "Nothing new to export." if not all_rows else "Nothing to export.")
    try:
        return _export_streamed(store, fmt, destination, itertools.chain([first], raw_rows), all_rows=all_rows,
                                symptom_labels=symptom_labels, best_time_labels=best_time_labels, at=at, tz=tz,
                                folder_for_messages=folder_for_messages)
    finally:
        raw_rows.close()  # the read cursor ends here whatever happened (it is already exhausted on success)


def _export_streamed(
    store: RequestStore,
    fmt: str,
    destination: Path,
    raw_rows: Iterator[tuple],
    *,
    all_rows: bool,
    symptom_labels: Mapping[str, str],
    best_time_labels: Mapping[str, str],
    at: datetime,
    tz: tzinfo | None,
    folder_for_messages: Path,
) -> ExportResult:
    scope = "all" if all_rows else "new"

    try:
        target = _target(destination, fmt, _local(at, tz))
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(
            "destination", f"Export failed: cannot use the folder {folder_for_messages} ({exc.strerror or exc})."
        ) from None

    ids: list[str] = []
    rows = _export_rows(raw_rows, ids, symptom_labels, best_time_labels, tz)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".psoas-export-", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        if fmt == "csv":
            _write_csv(tmp, rows)
        else:
            _write_xlsx(tmp, rows)
        os.replace(tmp, target)
        tmp = None
        with contextlib.suppress(OSError):
            _fsync_dir(target.parent)
    except Exception as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, StoreError):  # reading the rows failed part-way, not the destination
            raise ExportError(
                "store", f"Export failed: the request database could not be read ({exc.kind})."
            ) from exc
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        # `from None`: the original exception's text can quote cell content (e.g. openpyxl errors).
        raise ExportError(
            "destination", f"Export failed: could not write the file in {target.parent} ({detail})."
        ) from None

    record = ExportRecord(at=at, rows=len(ids), format=fmt, destination=str(target), scope=scope)
    try:
        store.finish_export(ids, record)
    except StoreError as exc:
        # Keep the promise "nothing changed": the file goes too, so a retry exports the same rows again.
        with contextlib.suppress(OSError):
            target.unlink()
        raise ExportError(
            "store",
            f"Export to {target.parent} failed: the requests could not be marked as exported ({exc.kind}); "
            "no file was kept.",
        ) from exc
    log.info("exported %d request(s) as %s (scope %s)", len(ids), fmt, scope)
    return ExportResult(path=target, rows=len(ids), fmt=fmt, scope=scope)
