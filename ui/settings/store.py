"""Where each setting lives, and writing them all in one go (runs on a pool thread).

- the settings file (TOML, ``oroshi_desktop.config.save_settings``): connections, schedule — never a password;
- the OS keyring: the database and SMTP passwords, only when one was typed;
- the database: company data in the web system's ``oroshi_company_settings`` row (other keys of that
  row are kept as they are), and the shared preferences every PC uses;
- this PC's ``ui.ini`` (QSettings): output folder, language, テスト送信先 and the first view, which are per user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oroshi_desktop import secrets
from oroshi_desktop.config import Settings, save_settings
from oroshi_desktop.db.connection_check import database_password_key
from oroshi_desktop.db.engine import Database
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries import preferences
from ui.qt import QSettings

# combo key in the form → shared preference key
SHARED_KEYS = {"rounding": preferences.ROUNDING, "password_delivery": preferences.PASSWORD_DELIVERY,
               "chart_paper": preferences.CHART_PAPER, "zero_statements": preferences.ZERO_STATEMENTS}
PREFERENCES_FILE = "ui.ini"  # this user's preferences from 設定
START_VIEW_KEY = "start_view"  # "last": the view open at the last exit; "today": always 今日
LOCAL_FILE = PREFERENCES_FILE


@dataclass(frozen=True)
class SettingsChange:
    settings: Settings
    company: dict[str, Any]
    shared: dict[str, str]
    database_password: str
    smtp_password: str
    output_folder: str
    language: str
    test_address: str = ""  # テスト送信先: kept for the next テストメール
    start_view: str = "last"  # 起動時の画面 (``ui.shell.state.START_VIEWS``)
    imap_password: str = ""


def local_preferences(settings: Settings) -> QSettings:
    return QSettings(str(settings.paths.config_dir / LOCAL_FILE), QSettings.Format.IniFormat)


def load(database: Database) -> tuple[dict[str, Any], dict[str, str]]:
    """The company row and the shared preferences the form shows (a query: off the GUI thread)."""
    return database.reading(preferences.settings_form, SHARED_KEYS)


def save(change: SettingsChange, database: Database) -> None:
    """Passwords first (a keyring refusal stops everything before any other write), then the
    database rows in one transaction, then the settings file."""
    settings = change.settings
    if change.database_password and settings.database_url:
        key = database_password_key(settings.database_url)
        if key is None:
            raise UserError("database password: the URL names no user, so no password is used",
                            "データベースのパスワード: URLにユーザー名がないため、パスワードは使われません")
        secrets.set_secret(key, change.database_password)
    if change.smtp_password:
        if not settings.smtp.username or not settings.smtp.host:
            raise UserError("SMTP password: enter the server and the user name first",
                            "SMTPのパスワード: 先にサーバー名とユーザー名を入力してください")
        secrets.set_secret(secrets.smtp_key(settings.smtp.username, settings.smtp.host), change.smtp_password)
    if change.imap_password:
        if not settings.imap.username or not settings.imap.host:
            raise UserError("IMAP password: enter the server and the user name first",
                            "IMAPのパスワード: 先にサーバー名とユーザー名を入力してください")
        secrets.set_secret(secrets.imap_key(settings.imap.username, settings.imap.host), change.imap_password)
    database.writing(preferences.save_settings_form, change.company,
                     {pref: change.shared[key] for key, pref in SHARED_KEYS.items()})
    save_settings(settings)
    local = local_preferences(settings)
    local.setValue("output_folder", change.output_folder)
    local.setValue("language", change.language)
    local.setValue("test_address", change.test_address)
    local.setValue(START_VIEW_KEY, change.start_view)
    local.sync()


def remember_test_address(settings: Settings, address: str) -> None:
    local = local_preferences(settings)
    local.setValue("test_address", address)
    local.sync()


def error_text(err: BaseException) -> str:
    """A failure in the chosen language (a bug shows only its kind; the details are in the log)."""
    from ui.i18n import user_message

    if isinstance(err, UserError):
        return user_message(err)
    return type(err).__name__
