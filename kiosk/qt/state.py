"""What the running kiosk knows: config, content, the request store, and this patient's language and display choices."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from kiosk.core import paths
from kiosk.core.config import Config, Problem
from kiosk.core.content import Content, ContentLibrary, load_library
from kiosk.core.theme import Theme, usable_colours

if TYPE_CHECKING:
    from kiosk.core.store import RequestStore

log = logging.getLogger(__name__)

LOW_DISK_BYTES = 200 * 1024 * 1024

# The one kiosk translator installed in the application. Module-wide, not per KioskState: a kiosk that is thrown
# away while showing Spanish (tests, the self-test, screenshots) must not leave its translator behind for the next.
_installed_translator: QTranslator | None = None


@dataclass(frozen=True)
class StaffWarning:
    """Something the front desk should know about (shown as a banner in the staff panel)."""

    code: str
    text: str


class KioskState(QObject):
    """Shared by every screen. Per-patient choices (language, large text, contrast) are reset between patients."""

    language_changed = Signal(str)
    appearance_changed = Signal()
    warnings_changed = Signal()
    patient_reset = Signal()  # between patients (idle reset, Done, Start over): read-aloud stops

    def __init__(self, config: Config, config_problems: list[Problem] | None = None,
                 library: ContentLibrary | None = None, short_side: int = 1080) -> None:
        super().__init__()
        self.config = config
        self.config_problems = list(config_problems or [])
        # Clinic colours that make text too faint are replaced by the defaults and reported like any config problem.
        self.colours, colour_problems = usable_colours(config.colours)
        for problem in colour_problems:
            log.warning("config: %s", problem)
            if problem not in self.config_problems:
                self.config_problems.append(problem)
        self.library = library or load_library(config.languages.offered, config.content_dir)
        self.language = self._usable_language(config.languages.default)
        self.theme = Theme.create(self.colours, short_side)
        self._store: RequestStore | None = None
        self.store_error: str | None = None
        self.last_save_failed = False
        self._install_translator()

    # ---- language -------------------------------------------------------------------------------------
    def _usable_language(self, lang: str) -> str:
        return lang if lang in self.library.by_language else self.library.languages[0]

    @property
    def content(self) -> Content:
        return self.library.get(self.language)

    @property
    def languages(self) -> list[str]:
        return [lang for lang in self.config.languages.offered if lang in self.library.by_language]

    @property
    def default_language(self) -> str:
        return self._usable_language(self.config.languages.default)

    def language_name(self, lang: str) -> str:
        """A language's name in that language ("Español"), from its content file: no code per language."""
        content = self.library.by_language.get(lang)
        return (content.language_name if content is not None else "") or lang

    def set_language(self, lang: str) -> None:
        lang = self._usable_language(lang)
        if lang == self.language:
            return
        self.language = lang
        self._install_translator()
        self.language_changed.emit(lang)

    def _install_translator(self) -> None:
        """Install resources/translations/kiosk_<lang>.qm; English (the source language) needs none."""
        global _installed_translator
        app = QCoreApplication.instance()
        if app is None:
            return
        if _installed_translator is not None:
            app.removeTranslator(_installed_translator)
            _installed_translator.deleteLater()
            _installed_translator = None
        qm = paths.resource_path("translations", f"kiosk_{self.language}.qm")
        if qm.exists():
            translator = QTranslator(app)  # owned by the application: this state may be thrown away first
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed_translator = translator
            else:
                log.error("cannot load translation file %s", qm)
                translator.deleteLater()
        elif self.language != "en":
            log.warning("no translation file %s; the screens' own words stay in English", qm.name)

    # ---- appearance -----------------------------------------------------------------------------------
    def set_appearance(self, *, large_text: bool | None = None, high_contrast: bool | None = None,
                       short_side: int | None = None) -> None:
        theme = Theme.create(
            self.colours,
            short_side if short_side is not None else self.theme.screen_short_side,
            self.theme.large_text if large_text is None else large_text,
            self.theme.high_contrast if high_contrast is None else high_contrast,
        )
        if theme != self.theme:
            self.theme = theme
            self.appearance_changed.emit()

    def reset_patient_choices(self) -> None:
        """Between patients: the clinic's default language, normal text, normal colours."""
        self.set_language(self.config.languages.default)
        self.set_appearance(large_text=False, high_contrast=False)
        self.patient_reset.emit()

    def has_patient_choices(self) -> bool:
        """True when a patient changed the language, the text size or the colours (the idle reset undoes it)."""
        return self.language != self.default_language or self.theme.large_text or self.theme.high_contrast

    # ---- the request store ----------------------------------------------------------------------------
    @property
    def store(self) -> RequestStore:
        """Opened on first use so a broken data directory does not stop the education loop."""
        if self._store is None:
            from kiosk.core.store import RequestStore

            self._store = RequestStore(self.config.database_path)
            self.store_error = None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # ---- staff attention --------------------------------------------------------------------------------
    def staff_warnings(self) -> list[StaffWarning]:
        # QCoreApplication.translate spelled out each time (not an alias): lupdate only finds it that way.
        out: list[StaffWarning] = []
        if self.config_problems:
            text = QCoreApplication.translate("KioskState", "The config file has problems; defaults are used for: %1")
            out.append(StaffWarning("config", text.replace("%1", "; ".join(map(str, self.config_problems)))))
        if self.library.problems:
            text = QCoreApplication.translate("KioskState", "Content problems; the bundled content is shown: %1")
            out.append(StaffWarning("content", text.replace("%1", "; ".join(map(str, self.library.problems)))))
        if self.last_save_failed:
            text = QCoreApplication.translate("KioskState",
                                              "The last request could not be saved. Check the data folder: %1")
            out.append(StaffWarning("save", text.replace("%1", str(self.config.data_dir))))
        if self.store_error:
            out.append(StaffWarning("store", self.store_error))
        try:
            free = shutil.disk_usage(self.config.data_dir if self.config.data_dir.exists()
                                     else self.config.data_dir.parent).free
            if free < LOW_DISK_BYTES:
                text = QCoreApplication.translate("KioskState", "The disk is nearly full (%1 MB free).")
                out.append(StaffWarning("disk", text.replace("%1", str(free // (1024 * 1024)))))
        except OSError:
            pass
        return out
