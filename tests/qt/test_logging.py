"""The kiosk log: a rotating file in the log folder, INFO by default, and never any personal data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from kiosk.core import logsetup
from kiosk.core.store import RequestStore
from tests.helpers import find_button, tap, tap_text

# Marker values: unusual enough that finding any of them in a log can only mean a leak.
NAME = "Zebulon Markerfield"
PHONE_TYPED = "(202) 555-0147"
PHONE_MARKERS = ("555-0147", "5550147", "555 0147")
NOTE = "Quokka-sandwich-7731 hurts on stairs"
NOTE_MARKERS = ("Quokka", "7731")
SYMPTOM_LABEL = "Lower back pain"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    """The kiosk's real logging set-up, at DEBUG so that even debug messages are checked, removed afterwards."""
    folder = tmp_path / "logs"
    assert logsetup.setup_logging(level=logging.DEBUG, to_stderr=False) == folder / logsetup.LOG_FILE_NAME
    yield folder
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kiosk", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.WARNING)


def test_log_file_in_the_log_folder_at_info(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logsetup.LOG_LEVEL_ENV, raising=False)
    path = logsetup.setup_logging(to_stderr=False)
    try:
        assert path == tmp_path / "logs" / "kiosk.log"
        assert logging.getLogger().level == logging.INFO
        logging.getLogger("kiosk.test").info("hello from the test")
        logging.getLogger("kiosk.test").debug("not at INFO")
        text = path.read_text(encoding="utf-8")
        assert "INFO kiosk.test: hello from the test" in text and "not at INFO" not in text
        handler = next(h for h in logging.getLogger().handlers if getattr(h, "_kiosk", False))
        assert handler.maxBytes == logsetup.MAX_BYTES and handler.backupCount == logsetup.BACKUP_COUNT
    finally:
        logsetup.setup_logging(tmp_path / "unused", to_stderr=False)
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "_kiosk", False)]:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_log_level_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logsetup.LOG_LEVEL_ENV, "debug")
    assert logsetup.level_from_env() == logging.DEBUG
    monkeypatch.setenv(logsetup.LOG_LEVEL_ENV, "loud")
    assert logsetup.level_from_env() == logging.INFO


def test_unwritable_log_folder_falls_back_to_the_console(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        assert logsetup.setup_logging(blocker / "logs", to_stderr=False) is None
    finally:
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "_kiosk", False)]:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _type_into(qtbot, field: QLineEdit | QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, field)
    qtbot.keyClicks(field, text)


def test_a_whole_patient_visit_leaves_no_personal_data_in_the_log(  # type: ignore[no-untyped-def]
        kiosk, qtbot, log_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window = kiosk.window

    # Education -> checklist -> summary -> request form, by tapping what a patient sees.
    tap_text(qtbot, window, "Check my symptoms")
    tap_text(qtbot, window, SYMPTOM_LABEL)
    tap_text(qtbot, window, "Next")
    tap_text(qtbot, window, "Request a free phone call")
    assert kiosk.flow.current == "request_form"

    form = kiosk.flow.screens["request_form"]
    name_field, phone_field = [f for f in form.findChildren(QLineEdit) if f.isVisible()][:2]
    _type_into(qtbot, name_field, NAME)
    _type_into(qtbot, phone_field, PHONE_TYPED)
    tap_text(qtbot, window, "Morning")
    _type_into(qtbot, next(f for f in form.findChildren(QPlainTextEdit) if f.isVisible()), NOTE)
    tap(qtbot, find_button(window, kiosk.state.content.consent_text))
    tap_text(qtbot, window, "Send my request")
    qtbot.waitUntil(lambda: kiosk.flow.current == "thanks", timeout=3000)

    # The request really was stored with the markers (so the check below is not vacuous) ...
    kiosk.state.close()
    with RequestStore(kiosk.state.config.database_path) as store:
        saved = store.list_requests()
    assert [(r.name, r.phone, r.note) for r in saved] == [(NAME, "+12025550147", NOTE)]
    symptom_ids = saved[0].symptoms

    tap_text(qtbot, window, "Done")
    qtbot.waitUntil(lambda: kiosk.flow.current == "education", timeout=3000)
    for handler in logging.getLogger().handlers:
        handler.flush()

    # ... and the log saw the visit, but none of what the patient entered or chose.
    files = sorted(p for p in log_dir.rglob("*") if p.is_file())
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    assert "screen: request_form" in text and "screen: thanks" in text
    records = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    markers = (NAME, *NAME.split(), *PHONE_MARKERS, "+12025550147", *NOTE_MARKERS, SYMPTOM_LABEL, *symptom_ids)
    for marker in markers:
        assert marker not in text, f"{marker!r} found in a log file ({', '.join(p.name for p in files)})"
        assert marker not in records, f"{marker!r} found in a log record"
