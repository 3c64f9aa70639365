"""The settings, one row each: where a setting lives (``section.key`` in the TOML file), its type,
its environment variable, the words the 設定 form shows, and the rule its value must keep.

One schema for two readers: ``config.load_settings`` reads the file and the environment through it
and refuses a value with its rule; the 設定 form (``ui/settings``) builds its fields from the same
rows (object name ``settings_<form_key>``) and checks the typed value with the same rule, so a
value refused in one place is refused in the other. Messages are ``Label``s (Japanese, English):
the core may not import Qt, so the window picks the half of the user's language.
"""

from __future__ import annotations

import math
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from oroshi_desktop.cron import cron_problem
from oroshi_desktop.labels import Label
from oroshi_desktop.urls import (
    DatabaseUrlProblem,
    HostNameProblem,
    ascii_host,
    database_url,
    url_port_problem,
    url_secret,
)

MIN_TIMEOUT = 1.0
MAX_TIMEOUT = 600.0  # seconds of a connection's timeout: 0 or less would fail every send, -1 blocks forever
MAX_WORKERS = 32
MAX_RETENTION_DAYS = 3650
MAX_PLAUSIBLE_LINE_AMOUNT = 10**12  # ¥1 trillion: above it the warning could never fire
MAX_PORT = 65535
SECURITY = ("none", "starttls", "ssl")

Check = Callable[[Any], Label | None]


@dataclass(frozen=True)
class SettingField:
    name: str  # "smtp.port": its key in the file, under its section's table when there is one
    kind: type  # str, int or float: what the file or the environment's text becomes
    env: str  # the environment variable that overrides the file
    label: Label | None = None  # the form's words; None: a setting of the file only (not in 設定)
    low: int | float | None = None  # the range a number must fall in, both ends included
    high: int | float | None = None
    choices: tuple[str, ...] = ()
    check: Check | None = None  # a further rule of a text value
    optional: bool = False  # an empty text means "not set" and passes the check (a server, a URL, a file)
    hint: Label | None = None  # the form's placeholder

    @property
    def section(self) -> str | None:
        section, dot, _key = self.name.rpartition(".")
        return section if dot else None

    @property
    def key(self) -> str:
        return self.name.rpartition(".")[2]

    @property
    def form_key(self) -> str:
        """The form's key of the field: ``smtp_port``, object name ``settings_smtp_port``."""
        return self.name.replace(".", "_")

    def problem(self, value: Any) -> Label | None:
        """Why ``value`` cannot be this setting, or None. A number's range refuses NaN as well."""
        if self.choices and value not in self.choices:
            return Label(f"{', '.join(self.choices)} のいずれかです（{value!r}）",
                         f"must be one of {', '.join(self.choices)}, got {value!r}")
        if self.low is not None and self.high is not None and not in_range(value, self.low, self.high):
            low, high = number_text(self.low), number_text(self.high)
            return Label(f"{value!r} は {low}〜{high} の範囲にしてください", f"{value!r} is not between {low} and {high}")
        if self.check is not None and not (self.optional and value == ""):
            return self.check(value)
        return None


def in_range(value: Any, low: float, high: float) -> bool:
    """A number (not a bool, not NaN) from ``low`` to ``high``."""
    return (isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value)
            and low <= value <= high)


def number_text(value: int | float | None) -> str:
    """A bound as people read it: yen with thousands commas, a port or a count plainly."""
    if isinstance(value, int):
        return f"{value:,}" if value >= 1_000_000 else str(value)
    return f"{value:g}" if value is not None else ""


# ---- the rules of text values ------------------------------------------------------------------

def database_url_problem(value: str) -> Label | None:
    """The one URL check (``urls.database_url``), and a server name for PostgreSQL: the office's
    shared database is never on a socket of this PC only, and a URL without one is a slip."""
    try:
        url = database_url(value)
    except DatabaseUrlProblem as problem:
        return {
            "secret": Label("URLにパスワードを含めないでください（パスワードはOSのキーリングに保存します）",
                            "the database URL carries a password; passwords belong in the OS keyring"),
            "backend": Label("postgresql:// か sqlite:/// で始まるURLを入力してください",
                             "the database URL must start with postgresql:// or sqlite:///"),
            "port": Label("ポート番号が正しくありません（1〜65535）", f"database URL: {problem}"),
        }.get(problem.kind, Label("URLの形式が正しくありません（例: postgresql://user@host:5432/oroshi）",
                                  "not a database URL (e.g. postgresql://user@host:5432/oroshi)"))
    if url.backend == "postgresql" and not url.host:
        return Label("サーバー名（ホスト）がありません", "the database URL names no server (host)")
    return None


def queue_url_problem(value: str) -> Label | None:
    if url_secret(value) is not None:
        return Label("URLにパスワードが含まれています。パスワードはOSのキーリングに保存してください",
                     "the URL carries a password; passwords belong in the OS keyring")
    port = url_port_problem(value)
    if port is not None:
        return Label("ポート番号が正しくありません（1〜65535）", port)
    return None


def host_problem(value: str) -> Label | None:
    """A server name: no control characters or spaces, at most 253 characters, IDNA when not ASCII."""
    try:
        ascii_host(value)
    except HostNameProblem as problem:
        return {
            "control": Label("制御文字を含めないでください", "it contains a control character"),
            "space": Label("空白を含めないでください", "it contains a space"),
            "length": Label("253文字以内で入力してください", "it is longer than 253 characters"),
        }.get(problem.kind, Label("サーバー名として正しくありません（例: smtp.example.jp）",
                                  "not a server name (e.g. smtp.example.jp)"))
    return None


def is_mail_address(value: str) -> bool:
    """The shape of one address (``local@domain.tld``, no white space): what a typing slip breaks."""
    local, at, domain = value.partition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in value))


def mail_address_problem(value: str) -> Label | None:
    if is_mail_address(value):
        return None
    return Label("メールアドレスの形式が正しくありません", "not a mail address")


def time_zone_problem(value: str) -> Label | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return Label(f"不明なタイムゾーンです（{value!r}、例: Asia/Tokyo）", f"unknown time zone {value!r}")
    return None


def schedule_problem(value: str) -> Label | None:
    problem = cron_problem(value)
    return None if problem is None else Label(problem[1], problem[0])


def certificate_problem(value: str) -> Label | None:
    try:
        ssl.create_default_context().load_verify_locations(cafile=value)
    except (OSError, ssl.SSLError) as err:
        return Label(f"{value!r} は読み込めるPEM形式の証明書ではありません",
                     f"{value!r} is not a readable PEM certificate ({err})")
    return None


_SERVER, _USER = Label("サーバー名", "Server"), Label("ユーザー名", "User name")
_PORT_LABEL, _SECURITY_LABEL = Label("ポート番号", "Port"), Label("暗号化", "Security")

FIELDS: tuple[SettingField, ...] = (
    SettingField("database_url", str, "OROSHI_DATABASE_URL", Label("接続先URL", "URL"), check=database_url_problem,
                 hint=Label("postgresql://ユーザー@サーバー/DB（空欄で内蔵DB）",
                            "postgresql://user@server/db (empty: built-in)"), optional=True),
    SettingField("queue_url", str, "OROSHI_QUEUE_URL", check=queue_url_problem, optional=True),
    SettingField("timezone", str, "OROSHI_TIMEZONE", Label("タイムゾーン", "Time zone"), check=time_zone_problem),
    SettingField("mail_schedule", str, "OROSHI_MAIL_SCHEDULE", Label("メール確認（cron）", "Mail check (cron)"),
                 check=schedule_problem, hint=Label("*/10 * * * *", "*/10 * * * *")),
    SettingField("workers", int, "OROSHI_WORKERS", low=1, high=MAX_WORKERS),
    SettingField("job_output_retention_days", int, "OROSHI_JOB_OUTPUT_RETENTION_DAYS", low=1, high=MAX_RETENTION_DAYS),
    SettingField("plausible_line_amount", int, "OROSHI_PLAUSIBLE_LINE_AMOUNT",
                 Label("明細行の警告金額（円）", "Warn above this line amount (yen)"),
                 low=1, high=MAX_PLAUSIBLE_LINE_AMOUNT, hint=Label("5,000,000", "5,000,000")),
    SettingField("smtp.host", str, "OROSHI_SMTP_HOST", _SERVER, check=host_problem, optional=True),
    SettingField("smtp.port", int, "OROSHI_SMTP_PORT", _PORT_LABEL, low=1, high=MAX_PORT),
    SettingField("smtp.security", str, "OROSHI_SMTP_SECURITY", _SECURITY_LABEL, choices=SECURITY),
    SettingField("smtp.username", str, "OROSHI_SMTP_USERNAME", _USER),
    SettingField("smtp.sender", str, "OROSHI_SMTP_SENDER", Label("差出人", "Sender"), check=mail_address_problem,
                 hint=Label("空欄で会社のメール", "empty: the company mail"), optional=True),
    SettingField("smtp.timeout_seconds", float, "OROSHI_SMTP_TIMEOUT", low=MIN_TIMEOUT, high=MAX_TIMEOUT),
    SettingField("smtp.trusted_certificate", str, "OROSHI_SMTP_TRUSTED_CERTIFICATE", check=certificate_problem, optional=True),
    SettingField("imap.host", str, "OROSHI_IMAP_HOST", _SERVER, check=host_problem,
                 hint=Label("空欄で不達を確認しません", "Empty: no bounce check"), optional=True),
    SettingField("imap.port", int, "OROSHI_IMAP_PORT", _PORT_LABEL, low=1, high=MAX_PORT),
    SettingField("imap.security", str, "OROSHI_IMAP_SECURITY", _SECURITY_LABEL, choices=SECURITY),
    SettingField("imap.username", str, "OROSHI_IMAP_USERNAME", _USER),
    SettingField("imap.folder", str, "OROSHI_IMAP_FOLDER", Label("フォルダー", "Folder"),
                 hint=Label("INBOX", "INBOX")),
    SettingField("imap.processed_folder", str, "OROSHI_IMAP_PROCESSED_FOLDER",
                 Label("確認済みの移動先", "Move checked notices to"),
                 hint=Label("空欄で印を付けるだけ", "Empty: only flag them")),
    SettingField("imap.timeout_seconds", float, "OROSHI_IMAP_TIMEOUT", low=MIN_TIMEOUT, high=MAX_TIMEOUT),
    SettingField("imap.trusted_certificate", str, "OROSHI_IMAP_TRUSTED_CERTIFICATE", check=certificate_problem, optional=True),
)
SECTIONS = ("smtp", "imap")
BY_NAME = {field.name: field for field in FIELDS}
BY_FORM_KEY = {field.form_key: field for field in FIELDS}
FORM_FIELDS = tuple(field for field in FIELDS if field.label is not None)
