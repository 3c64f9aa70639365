"""Where each setting lives, and writing them all in one go (runs on a pool thread).

- the settings file (TOML, ``oroshi_desktop.config.save_settings``): connections, schedule — never a password;
- the OS keyring: the database and SMTP passwords, only when one was typed;
- the database: company data in the web system's ``oroshi_company_settings`` row (other keys of that
  row are kept as they are), and the shared preferences every PC uses;
- this PC's ``ui.ini`` (QSettings): output folder and language, which are per user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop import secrets
from oroshi_desktop.config import Settings, save_settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import COMPANY_SETTINGS_NAME, SettingsRow
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries import preferences
from ui.qt import QSettings
from ui.settings.connections import database_password_key

# combo key in the form → shared preference key
SHARED_KEYS = {"rounding": preferences.ROUNDING, "password_delivery": preferences.PASSWORD_DELIVERY,
               "chart_paper": preferences.CHART_PAPER, "zero_statements": preferences.ZERO_STATEMENTS}
LOCAL_FILE = "ui.ini"


@dataclass(frozen=True)
class SettingsChange:
    settings: Settings
    company: dict[str, Any]
    shared: dict[str, str]
    database_password: str
    smtp_password: str
    output_folder: str
    language: str


def local_preferences(settings: Settings) -> QSettings:
    return QSettings(str(settings.paths.config_dir / LOCAL_FILE), QSettings.Format.IniFormat)


def load_company_row(session: Session) -> dict[str, Any]:
    data = session.scalars(select(SettingsRow.settings).where(SettingsRow.name == COMPANY_SETTINGS_NAME)
                           .order_by(SettingsRow.id).limit(1)).first()
    return dict(data or {})


def load_shared(session: Session) -> dict[str, str]:
    return {key: str(preferences.get_preference(session, pref)) for key, pref in SHARED_KEYS.items()}


def _save_company(session: Session, company: dict[str, Any]) -> None:
    row = session.scalars(select(SettingsRow).where(SettingsRow.name == COMPANY_SETTINGS_NAME)
                          .order_by(SettingsRow.id).limit(1)).first()
    merged = {**((row.settings or {}) if row is not None else {}), **company}
    merged = {key: value for key, value in merged.items() if value is not None}  # None: the key is removed
    if row is None:
        session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings=merged))
    else:
        row.settings = merged


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
    with database.write() as session:
        _save_company(session, change.company)
        for key, pref in SHARED_KEYS.items():
            preferences.set_preference(session, pref, change.shared[key])
    save_settings(settings)
    local = local_preferences(settings)
    local.setValue("output_folder", change.output_folder)
    local.setValue("language", change.language)
    local.sync()


def error_text(err: BaseException) -> str:
    """A failure in the chosen language (a bug shows only its kind; the details are in the log)."""
    from ui.i18n import user_message

    if isinstance(err, UserError):
        return user_message(err)
    return type(err).__name__
