"""The window's language: Japanese by default, English selectable in 設定 (applied at the next start).

Source strings are Japanese, so Japanese needs only Qt's own ``qtbase_ja`` (standard dialogs);
English loads ``resources/translations/oroshi_en.qm``. Messages from the core (``UserError``
carries ``message`` and ``message_ja``) follow the same choice through ``user_message``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError
from oroshi_desktop.labels import Label, StoredMessage
from ui.qt import QApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LOCAL_FILE = "ui.ini"  # the same per-user file the settings view writes

_language = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def current_language() -> str:
    return _language


def chosen_language(settings: Settings) -> str:
    local = QSettings(str(settings.paths.config_dir / LOCAL_FILE), QSettings.Format.IniFormat)
    value = str(local.value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own Japanese (qtbase_ja), so standard dialogs (files, printing, colours) speak Japanese."""
    translator = QTranslator(app)
    if translator.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        return translator
    log.info("Qt's Japanese translation was not found; standard dialogs stay in English")
    return None


def install_language(app: QApplication, language: str, translations: Path = TRANSLATIONS) -> str:
    """Install the translators of ``language`` (replacing earlier ones); returns what took effect.
    ``translations``: the folder of ``oroshi_en.qm`` (tests pass one compiled from the sources)."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        translator = QTranslator(app)
        if translator.load(str(translations / "oroshi_en.qm")):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("the English translation is missing (%s); staying in Japanese", translations)
            language = DEFAULT_LANGUAGE
    if language == "ja":
        qt_ja = install_qt_translations(app)
        if qt_ja is not None:
            _installed.append(qt_ja)
    _language = language
    # Every widget's locale, not only the calendars that set one: the archive's date pop-ups, Qt's
    # file and print dialogs get Japanese month and day names and Sunday-first weeks (the process
    # locale may be C or English, which gives Monday first).
    QLocale.setDefault(ui_locale())
    return language


def ui_locale() -> QLocale:
    """The locale of the chosen language: calendars' month and day names, number formats.
    English keeps Sunday as the first day of the week, as Japanese calendars do."""
    if _language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)


def user_message(err: UserError) -> str:
    return err.message if _language == "en" else err.message_ja


def label(value: Label) -> str:
    """A core label (``oroshi_desktop.labels``) in the chosen language."""
    return value.text(_language)


def message(stored: StoredMessage) -> str:
    """A job message of the ledger (its key and arguments, or an older row's sentence) in the chosen language."""
    return stored.message_text(_language)


def headers_context(cls: type) -> str:
    """The translation context of a model's ``HEADERS``: the class that defines them (their
    ``QT_TRANSLATE_NOOP`` names it), so a subclass shows the same translated headers."""
    return next((k.__name__ for k in cls.__mro__ if "HEADERS" in vars(k)), cls.__name__)
