"""Settings: a TOML file, overridden by ``OROSHI_*`` environment variables.

Passwords are never settings: they live in the OS keyring (see ``secrets``). With no settings at
all the app uses an SQLite file in its data folder and the embedded local queue.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from oroshi_desktop.errors import ConfigError
from oroshi_desktop.paths import AppPaths, app_paths

SMTP_SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    sender: str = ""  # From address; empty means the company mail from company settings
    timeout_seconds: float = 30.0

    @property
    def configured(self) -> bool:
        return bool(self.host)


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
    smtp: SmtpSettings = field(default_factory=SmtpSettings)

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


# (environment variable, section, key, type)
ENV_OVERRIDES: tuple[tuple[str, str | None, str, type], ...] = (
    ("OROSHI_DATABASE_URL", None, "database_url", str),
    ("OROSHI_QUEUE_URL", None, "queue_url", str),
    ("OROSHI_TIMEZONE", None, "timezone", str),
    ("OROSHI_MAIL_SCHEDULE", None, "mail_schedule", str),
    ("OROSHI_WORKERS", None, "workers", int),
    ("OROSHI_JOB_OUTPUT_RETENTION_DAYS", None, "job_output_retention_days", int),
    ("OROSHI_SMTP_HOST", "smtp", "host", str),
    ("OROSHI_SMTP_PORT", "smtp", "port", int),
    ("OROSHI_SMTP_SECURITY", "smtp", "security", str),
    ("OROSHI_SMTP_USERNAME", "smtp", "username", str),
    ("OROSHI_SMTP_SENDER", "smtp", "sender", str),
    ("OROSHI_SMTP_TIMEOUT", "smtp", "timeout_seconds", float),
)

_FORBIDDEN_KEYS = {"password", "smtp_password", "database_password"}


def _coerce(value: Any, kind: type, where: str) -> Any:
    try:
        if kind is int and isinstance(value, bool):
            raise ValueError
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"{where}: expected {kind.__name__}, got {value!r}",
            f"{where}: {kind.__name__} の値が必要です（{value!r}）",
        ) from None


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}",
                          f"設定ファイル {path} の形式が正しくありません: {exc}") from None
    for section in [data, *[v for v in data.values() if isinstance(v, dict)]]:
        bad = _FORBIDDEN_KEYS & set(section)
        if bad:
            raise ConfigError(
                f"settings file {path} contains a password ({', '.join(sorted(bad))}); "
                "passwords belong in the OS keyring",
                f"設定ファイル {path} にパスワードが含まれています。パスワードはOSのキーリングに保存してください",
            )
    return data


def _validate(settings: Settings) -> Settings:
    if settings.smtp.security not in SMTP_SECURITY:
        raise ConfigError(
            f"smtp.security must be one of {', '.join(SMTP_SECURITY)}, got {settings.smtp.security!r}",
            f"smtp.security は {', '.join(SMTP_SECURITY)} のいずれかです（{settings.smtp.security!r}）",
        )
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"timezone: unknown time zone {settings.timezone!r}",
                          f"timezone: 不明なタイムゾーンです（{settings.timezone!r}）") from None
    if not 1 <= settings.smtp.port <= 65535:
        raise ConfigError(f"smtp.port: {settings.smtp.port} is not a TCP port",
                          f"smtp.port: {settings.smtp.port} はポート番号ではありません")
    if settings.workers < 1:
        raise ConfigError("workers must be at least 1", "workers は1以上にしてください")
    if settings.job_output_retention_days < 1:
        raise ConfigError("job_output_retention_days must be at least 1",
                          "job_output_retention_days は1以上にしてください")
    return settings


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    paths = app_paths(env)
    data = _read_file(paths.settings_file)
    top: dict[str, Any] = {}
    smtp: dict[str, Any] = {}
    for env_name, section, key, kind in ENV_OVERRIDES:
        source = data.get(section, {}) if section else data
        target = smtp if section else top
        if key in source:
            target[key] = _coerce(source[key], kind, f"{section + '.' if section else ''}{key}")
        if env.get(env_name, "") != "":
            target[key] = _coerce(env[env_name], kind, env_name)
    settings = Settings(paths=paths, **top, smtp=SmtpSettings(**smtp))
    return _validate(settings)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def save_settings(settings: Settings) -> Path:
    """Write the file-backed settings (never a password) and return the file's path."""
    _validate(settings)
    lines = []
    for _env, section, key, _kind in ENV_OVERRIDES:
        if section is None:
            lines.append(f"{key} = {_toml_value(getattr(settings, key))}")
    lines.append("")
    lines.append("[smtp]")
    for _env, section, key, _kind in ENV_OVERRIDES:
        if section == "smtp":
            lines.append(f"{key} = {_toml_value(getattr(settings.smtp, key))}")
    settings.paths.ensure()
    path = settings.paths.settings_file
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def with_smtp(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, smtp=replace(settings.smtp, **changes))
