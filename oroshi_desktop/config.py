"""Settings: a TOML file, overridden by ``OROSHI_*`` environment variables.

Passwords are never settings: they live in the OS keyring (see ``secrets``). With no settings at
all the app uses an SQLite file in its data folder and the embedded local queue.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomli_w

from oroshi_desktop.domain.quantities import DEFAULT_PLAUSIBLE_LINE_AMOUNT
from oroshi_desktop.errors import ConfigError
from oroshi_desktop.paths import AppPaths, app_paths
from oroshi_desktop.urls import (
    HostNameProblem,
    ascii_host,
    redact_url,
    secret_keys,
    url_port_problem,
    url_secret,
)

SMTP_SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    sender: str = ""  # From address; empty means the company mail from company settings
    timeout_seconds: float = 30.0
    # A PEM file with the certificate (or in-house CA) to trust for this server besides the system's.
    trusted_certificate: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host)


IMAP_SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class ImapSettings:
    """The mailbox the bounces of the statement mail arrive in (the bounce check reads it)."""

    host: str = ""
    port: int = 993
    security: str = "ssl"
    username: str = ""
    folder: str = "INBOX"
    # Where a processed notification goes; empty: it stays and gets the keyword ``$OroshiBounce``.
    processed_folder: str = ""
    timeout_seconds: float = 30.0
    trusted_certificate: str = ""  # as for SMTP: the office's own certificate or CA, besides the system's

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


# (environment variable, section, key, type)
ENV_OVERRIDES: tuple[tuple[str, str | None, str, type], ...] = (
    ("OROSHI_DATABASE_URL", None, "database_url", str),
    ("OROSHI_QUEUE_URL", None, "queue_url", str),
    ("OROSHI_TIMEZONE", None, "timezone", str),
    ("OROSHI_MAIL_SCHEDULE", None, "mail_schedule", str),
    ("OROSHI_WORKERS", None, "workers", int),
    ("OROSHI_JOB_OUTPUT_RETENTION_DAYS", None, "job_output_retention_days", int),
    ("OROSHI_PLAUSIBLE_LINE_AMOUNT", None, "plausible_line_amount", int),
    ("OROSHI_SMTP_HOST", "smtp", "host", str),
    ("OROSHI_SMTP_PORT", "smtp", "port", int),
    ("OROSHI_SMTP_SECURITY", "smtp", "security", str),
    ("OROSHI_SMTP_USERNAME", "smtp", "username", str),
    ("OROSHI_SMTP_SENDER", "smtp", "sender", str),
    ("OROSHI_SMTP_TIMEOUT", "smtp", "timeout_seconds", float),
    ("OROSHI_SMTP_TRUSTED_CERTIFICATE", "smtp", "trusted_certificate", str),
    ("OROSHI_IMAP_HOST", "imap", "host", str),
    ("OROSHI_IMAP_PORT", "imap", "port", int),
    ("OROSHI_IMAP_SECURITY", "imap", "security", str),
    ("OROSHI_IMAP_USERNAME", "imap", "username", str),
    ("OROSHI_IMAP_FOLDER", "imap", "folder", str),
    ("OROSHI_IMAP_PROCESSED_FOLDER", "imap", "processed_folder", str),
    ("OROSHI_IMAP_TIMEOUT", "imap", "timeout_seconds", float),
    ("OROSHI_IMAP_TRUSTED_CERTIFICATE", "imap", "trusted_certificate", str),
)
SECTIONS = ("smtp", "imap")


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


MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is a few hundred bytes; anything near this is not one
MAX_SETTINGS_DEPTH = 16  # tables within tables; the app's own file has two levels


def _not_a_file(mode: int) -> tuple[str, str] | None:
    """What a path that is not a regular file is, in words (English, Japanese); None for a file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory", "フォルダー"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)", "パイプ（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "デバイス"
    return "not a regular file", "通常のファイルではないもの"


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    return 0


def _read_file(path: Path) -> dict[str, Any]:
    """The settings file's table. Only a regular file of at most ``MAX_SETTINGS_BYTES`` is read
    (a link to ``/dev/zero`` grew the process without end, a FIFO hung every command), a UTF-8 BOM
    (Windows Notepad) is accepted, nesting deeper than ``MAX_SETTINGS_DEPTH`` is refused: each
    problem is one ``ConfigError`` naming the file."""
    def refuse(what: str, what_ja: str) -> ConfigError:
        return ConfigError(f"settings file {path}: {what}", f"設定ファイル {path}: {what_ja}")

    try:
        mode = os.stat(path).st_mode  # follows a link: what would be read
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise refuse(f"cannot be read ({err.strerror or err})",
                     f"読み取れません（OSエラー {err.errno}）") from None
    kind = _not_a_file(mode)
    if kind is not None:
        raise refuse(f"is {kind[0]}, not a file; replace it with a settings file or remove it",
                     f"{kind[1]}です。設定ファイルに置き換えるか、削除してください")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except OSError as err:
        raise refuse(f"cannot be read ({err.strerror or err})",
                     f"読み取れません（OSエラー {err.errno}）") from None
    if len(raw) > MAX_SETTINGS_BYTES:
        raise refuse(f"is larger than {MAX_SETTINGS_BYTES // 1024} KiB; it cannot be a settings file",
                     f"{MAX_SETTINGS_BYTES // 1024} KiB を超えています。設定ファイルではありません")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))  # a BOM from Windows Notepad is accepted
    except UnicodeDecodeError:
        raise refuse("is not UTF-8 text; save it as UTF-8", "UTF-8 のテキストではありません。UTF-8 で保存してください") from None
    except tomllib.TOMLDecodeError as exc:
        raise refuse(f"is not valid TOML: {exc}", f"形式が正しくありません（{exc}）") from None
    except RecursionError:
        raise refuse(f"is nested more than {MAX_SETTINGS_DEPTH} levels deep",
                     f"入れ子が {MAX_SETTINGS_DEPTH} 段を超えています") from None
    if _depth(data) > MAX_SETTINGS_DEPTH:
        raise refuse(f"is nested more than {MAX_SETTINGS_DEPTH} levels deep",
                     f"入れ子が {MAX_SETTINGS_DEPTH} 段を超えています")
    bad = sorted(secret_keys(data))
    if bad:
        raise ConfigError(
            f"settings file {path} contains a password ({', '.join(bad)}); "
            "passwords belong in the OS keyring",
            f"設定ファイル {path} にパスワード（{', '.join(bad)}）が含まれています。"
            "パスワードはOSのキーリングに保存してください",
        )
    return data


def _check_certificate(path: str, section: str = "smtp") -> None:
    import ssl

    try:
        ssl.create_default_context().load_verify_locations(cafile=path)
    except (OSError, ssl.SSLError) as err:
        raise ConfigError(f"{section}.trusted_certificate: {path!r} is not a readable PEM certificate ({err})",
                          f"{section}.trusted_certificate: {path!r} は読み込めるPEM形式の証明書ではありません") from None


def _validate_imap(imap: ImapSettings) -> None:
    if imap.trusted_certificate:
        _check_certificate(imap.trusted_certificate, "imap")
    if imap.security not in IMAP_SECURITY:
        raise ConfigError(f"imap.security must be one of {', '.join(IMAP_SECURITY)}, got {imap.security!r}",
                          f"imap.security は {', '.join(IMAP_SECURITY)} のいずれかです（{imap.security!r}）")
    if not 1 <= imap.port <= 65535:
        raise ConfigError(f"imap.port: {imap.port} is not a TCP port (1–65535)",
                          f"imap.port: {imap.port} はポート番号ではありません（1〜65535）")
    if not (MIN_SMTP_TIMEOUT <= imap.timeout_seconds <= MAX_SMTP_TIMEOUT):
        raise ConfigError(f"imap.timeout_seconds: {imap.timeout_seconds!r} is not between {MIN_SMTP_TIMEOUT:g} and "
                          f"{MAX_SMTP_TIMEOUT:g} seconds",
                          f"imap.timeout_seconds: {imap.timeout_seconds!r} は {MIN_SMTP_TIMEOUT:g}〜"
                          f"{MAX_SMTP_TIMEOUT:g} 秒の範囲にしてください")
    if imap.configured and not imap.folder.strip():
        raise ConfigError("imap.folder: the folder name is empty", "imap.folder: フォルダー名が空です")


def _validate(settings: Settings) -> Settings:
    if settings.smtp.trusted_certificate:
        _check_certificate(settings.smtp.trusted_certificate)
    _validate_imap(settings.imap)
    for name, url in (("database_url", settings.database_url), ("queue_url", settings.queue_url)):
        where = url_secret(url) if url else None
        if where is not None:
            raise ConfigError(
                f"{name}: the URL carries a password in {where}; passwords belong in the OS keyring",
                f"{name}: URLにパスワードが含まれています。パスワードはOSのキーリングに保存してください",
            )
        port = url_port_problem(url) if url else None
        if port is not None:
            raise ConfigError(f"{name} {redact_url(url)!r}: {port}",
                              f"{name} {redact_url(url)!r}: ポート番号が正しくありません（1〜65535）")
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
    if settings.smtp.host:
        try:
            ascii_host(settings.smtp.host)
        except HostNameProblem as problem:
            raise ConfigError(f"smtp.host {settings.smtp.host!r}: {problem}",
                              f"smtp.host {settings.smtp.host!r}: サーバー名が正しくありません") from None
    if not 1 <= settings.smtp.port <= 65535:
        raise ConfigError(f"smtp.port: {settings.smtp.port} is not a TCP port (1–65535)",
                          f"smtp.port: {settings.smtp.port} はポート番号ではありません（1〜65535）")
    timeout = settings.smtp.timeout_seconds
    # NaN compares false with everything, so the range test also refuses it; 0 or less would make
    # every send fail before a connection and -1 means "block forever" to some socket calls.
    if not (isinstance(timeout, int | float) and MIN_SMTP_TIMEOUT <= timeout <= MAX_SMTP_TIMEOUT):
        raise ConfigError(f"smtp.timeout_seconds: {timeout!r} is not between {MIN_SMTP_TIMEOUT:g} and "
                          f"{MAX_SMTP_TIMEOUT:g} seconds",
                          f"smtp.timeout_seconds: {timeout!r} は {MIN_SMTP_TIMEOUT:g}〜{MAX_SMTP_TIMEOUT:g} 秒の"
                          "範囲にしてください")
    if not 1 <= settings.workers <= MAX_WORKERS:
        raise ConfigError(f"workers: {settings.workers} is not between 1 and {MAX_WORKERS}",
                          f"workers: {settings.workers} は1〜{MAX_WORKERS}にしてください")
    schedule_problem = cron_problem(settings.mail_schedule)
    if schedule_problem:
        raise ConfigError(f"mail_schedule {settings.mail_schedule!r}: {schedule_problem[0]}",
                          f"mail_schedule（メール確認のスケジュール）{settings.mail_schedule!r}: {schedule_problem[1]}")
    if not 1 <= settings.job_output_retention_days <= 3650:
        raise ConfigError(f"job_output_retention_days: {settings.job_output_retention_days} is not between 1 and 3650",
                          f"job_output_retention_days: {settings.job_output_retention_days} は1〜3650にしてください")
    if not 1 <= settings.plausible_line_amount <= MAX_PLAUSIBLE_LINE_AMOUNT:
        raise ConfigError(f"plausible_line_amount: {settings.plausible_line_amount} yen is not between 1 and "
                          f"{MAX_PLAUSIBLE_LINE_AMOUNT:,}",
                          f"plausible_line_amount（明細行の警告金額）: {settings.plausible_line_amount} 円は"
                          f"1〜{MAX_PLAUSIBLE_LINE_AMOUNT:,} 円にしてください")
    return settings


MIN_SMTP_TIMEOUT = 1.0
MAX_SMTP_TIMEOUT = 600.0
MAX_WORKERS = 32
MAX_PLAUSIBLE_LINE_AMOUNT = 10**12  # ¥1 trillion: above it the warning could never fire

# (name, lowest, highest) of the five cron fields, as Huey's crontab reads them.
_CRON_FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("day_of_week", 0, 6))
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of a leap year


def _cron_values(text: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in text.split(","):
        base, slash, step_text = part.partition("/")
        step = int(step_text) if slash else 1
        if step < 1:
            raise ValueError(f"step {step_text!r} must be at least 1")
        if base == "*":
            first, last = low, high
        elif "-" in base:
            first_text, _, last_text = base.partition("-")
            first, last = int(first_text), int(last_text)
        else:
            first = last = int(base)
        if not (low <= first <= high and low <= last <= high) or first > last:
            raise ValueError(f"{part!r} is outside {low}–{high}")
        values.update(range(first, last + 1, step))
    return values


def cron_problem(expression: str) -> tuple[str, str] | None:
    """Why a five-field cron expression cannot serve as a schedule (English, Japanese), or None.

    Refuses a malformed field and a schedule that can never fire (e.g. ``0 9 31 2 *``: there is
    no 31 February), which would otherwise silently never send a statement.
    """
    fields = expression.split()
    if len(fields) != 5:
        return ("needs five cron fields (minute hour day month weekday)",
                "cron形式の5項目（分 時 日 月 曜日）で指定してください")
    values = {}
    for text, (name, low, high) in zip(fields, _CRON_FIELDS, strict=True):
        try:
            values[name] = _cron_values(text, low, high)
        except ValueError as err:
            return f"field {name}: {err}", f"{name} の項目が正しくありません（{text}）"
    if not any(day <= _DAYS_IN_MONTH[month - 1] for month in values["month"] for day in values["day"]):
        return "never fires: no month in it has such a day", "実在しない日付のため一度も実行されません"
    return None


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if environ is None else environ
    paths = app_paths(env)
    data = _read_file(paths.settings_file)
    top: dict[str, Any] = {}
    sections: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for env_name, section, key, kind in ENV_OVERRIDES:
        source = data.get(section, {}) if section else data
        if not isinstance(source, dict):  # `smtp = 3` instead of a [smtp] table
            raise ConfigError(f"{paths.settings_file}: [{section}] must be a table of settings, not a single value",
                              f"{paths.settings_file}: [{section}] は設定の表（[{section}] の見出しと項目）にしてください")
        target = sections[section] if section else top
        if key in source:
            target[key] = _coerce(source[key], kind, f"{section + '.' if section else ''}{key}")
        if env.get(env_name, "") != "":
            target[key] = _coerce(env[env_name], kind, env_name)
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
    for _env, section, key, _kind in ENV_OVERRIDES:
        if section is None:
            data[key] = getattr(settings, key)
        else:
            data[section][key] = getattr(getattr(settings, section), key)
    settings.paths.ensure()
    path = settings.paths.settings_file
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
    return path


def with_smtp(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, smtp=replace(settings.smtp, **changes))


def with_imap(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, imap=replace(settings.imap, **changes))
