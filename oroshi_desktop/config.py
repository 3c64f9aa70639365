"""Settings: a TOML file, overridden by ``OROSHI_*`` environment variables.

Every setting, its type, environment variable and rule is a row of ``settings_schema.FIELDS``
(which the 設定 form uses too). Passwords are never settings: they live in the OS keyring (see ``secrets``). With no settings at
all the app uses an SQLite file in its data folder and the embedded local queue.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli_w

from oroshi_desktop.domain.quantities import DEFAULT_PLAUSIBLE_LINE_AMOUNT
from oroshi_desktop.errors import ConfigError
from oroshi_desktop.paths import AppPaths, app_paths
from oroshi_desktop.settings_file import read_settings_file
from oroshi_desktop.settings_schema import FIELDS, SECTIONS, SECURITY, SettingField

SMTP_SECURITY = IMAP_SECURITY = SECURITY


@dataclass(frozen=True)
class MailServerSettings:
    """What the sending (SMTP) and the bounce (IMAP) server share: where, how secured, as whom, how
    long to wait, and a PEM file with the certificate (or in-house CA) to trust besides the system's.
    Each kind sets its own port and security defaults."""

    host: str = ""
    port: int = 0
    security: str = ""
    username: str = ""
    timeout_seconds: float = 30.0
    trusted_certificate: str = ""


@dataclass(frozen=True)
class SmtpSettings(MailServerSettings):
    port: int = 587
    security: str = "starttls"
    sender: str = ""  # From address; empty means the company mail from company settings

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class ImapSettings(MailServerSettings):
    """The mailbox the bounces of the statement mail arrive in (the bounce check reads it)."""

    port: int = 993
    security: str = "ssl"
    folder: str = "INBOX"
    # Where a processed notification goes; empty: it stays and gets the keyword ``$OroshiBounce``.
    processed_folder: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host and self.username)


@dataclass(frozen=True)
class Settings:
    paths: AppPaths
    database_url: str = ""
    queue_url: str = ""
    timezone: str = "Asia/Tokyo"
    mail_schedule: str = "*/10 * * * *"
    workers: int = 2
    # Documents made by jobs (previews, shipping documents, check sheets) are deleted after this
    # many days; statements and sent mails are kept for good.
    job_output_retention_days: int = 30
    # A statement line above this many yen is listed among the new-statement warnings and printed
    # by the CLI (a likely typing slip); it is never refused for it.
    plausible_line_amount: int = DEFAULT_PLAUSIBLE_LINE_AMOUNT
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    imap: ImapSettings = field(default_factory=ImapSettings)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.paths.embedded_database}"

    @property
    def is_embedded_database(self) -> bool:
        return not self.database_url

    @property
    def effective_queue_url(self) -> str:
        return self.queue_url or f"sqlite:///{self.paths.local_store}"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _coerce(value: Any, kind: type, where: str) -> Any:
    try:
        # A bool is an int to Python, and int() would quietly cut 2.5 to 2 (or overflow on inf).
        if kind is int and (isinstance(value, bool) or (isinstance(value, float) and not value.is_integer())):
            raise ValueError
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(
            f"{where}: expected {kind.__name__}, got {value!r}",
            f"{where}: {kind.__name__} の値が必要です（{value!r}）",
        ) from None


def value_of(settings: Settings, setting: SettingField) -> Any:
    holder = getattr(settings, setting.section) if setting.section else settings
    return getattr(holder, setting.key)


def _validate(settings: Settings) -> Settings:
    """Each setting by the rule of its schema row, then the one rule across two settings."""
    for setting in FIELDS:
        problem = setting.problem(value_of(settings, setting))
        if problem is not None:
            raise ConfigError(f"{setting.name}: {problem.en}", f"{setting.name}: {problem.ja}")
    if settings.imap.configured and not settings.imap.folder.strip():
        raise ConfigError("imap.folder: the folder name is empty", "imap.folder: フォルダー名が空です")
    return settings


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if environ is None else environ
    paths = app_paths(env)
    data = read_settings_file(paths.settings_file)
    top: dict[str, Any] = {}
    sections: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for setting in FIELDS:
        section, key = setting.section, setting.key
        source = data.get(section, {}) if section else data
        if not isinstance(source, dict):  # `smtp = 3` instead of a [smtp] table
            raise ConfigError(f"{paths.settings_file}: [{section}] must be a table of settings, not a single value",
                              f"{paths.settings_file}: [{section}] は設定の表（[{section}] の見出しと項目）にしてください")
        target = sections[section] if section else top
        if key in source:
            target[key] = _coerce(source[key], setting.kind, setting.name)
        if env.get(setting.env, "") != "":
            target[key] = _coerce(env[setting.env], setting.kind, setting.env)
    settings = Settings(paths=paths, **top, smtp=SmtpSettings(**sections["smtp"]),
                        imap=ImapSettings(**sections["imap"]))
    return _validate(settings)


def save_settings(settings: Settings) -> Path:
    """Write the file-backed settings (never a password) and return the file's path.

    Written by a real TOML writer, so any value (a quote, a backslash, a line break) reads back
    exactly; the file is replaced in one step so a crash never leaves half a settings file.
    """
    _validate(settings)
    data: dict[str, Any] = {name: {} for name in SECTIONS}
    for setting in FIELDS:
        (data[setting.section] if setting.section else data)[setting.key] = value_of(settings, setting)
    settings.paths.ensure()
    path = settings.paths.settings_file
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
    return path


def with_values(settings: Settings, values: dict[str, Any]) -> Settings:
    """``settings`` with the settings named by their schema names (``"smtp.port"``) changed."""
    top = {name: value for name, value in values.items() if "." not in name}
    changed = replace(settings, **top)
    for section in SECTIONS:
        changes = {name.partition(".")[2]: value for name, value in values.items() if name.startswith(f"{section}.")}
        changed = replace(changed, **{section: replace(getattr(changed, section), **changes)})
    return changed


def with_smtp(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, smtp=replace(settings.smtp, **changes))


def with_imap(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, imap=replace(settings.imap, **changes))
