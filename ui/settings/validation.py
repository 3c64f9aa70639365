"""Checking what the 設定 form holds, field by field, before anything is saved (no widgets here).

Each check returns the cleaned value or raises ``FieldError`` naming the field in the user's
words; the view shows every error at once next to its field and saves only when there is none.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from oroshi_desktop.config import MAX_PLAUSIBLE_LINE_AMOUNT
from oroshi_desktop.domain.registration import validate_registration_number
from oroshi_desktop.errors import UserError
from oroshi_desktop.urls import HostNameProblem, ascii_host, url_secret
from ui.qt import QCoreApplication

NEXT_RUNS = 3
SEARCH_DAYS = 31  # a schedule that never runs within a month is shown as such


class FieldError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def registration_number(text: str, field: str) -> str:
    try:
        return validate_registration_number(text)
    except UserError:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "「T」と13桁の数字で、チェックデジットの合う番号を入力してください")) from None


def yen_limit(text: str, field: str) -> int:
    """A whole number of yen from 1 to ``MAX_PLAUSIBLE_LINE_AMOUNT``; commas and fullwidth digits allowed."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("円").strip()
    if not folded.isdigit() or not 1 <= int(folded) <= MAX_PLAUSIBLE_LINE_AMOUNT:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation",
                                                           "1円から1兆円までの整数（円）を入力してください"))
    return int(folded)


def port(text: str, field: str) -> int:
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded.isdigit() or not 1 <= int(folded) <= 65535:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "1〜65535 の数字を入力してください"))
    return int(folded)


def database_url(text: str, field: str) -> str:
    """Empty: the embedded SQLite file. Otherwise a SQLAlchemy URL of SQLite or PostgreSQL,
    without a password (that goes to the keyring)."""
    url_text = text.strip()
    if not url_text:
        return ""
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "URLの形式が正しくありません（例: postgresql://user@host:5432/oroshi）")) from None
    if url.get_backend_name() not in ("postgresql", "sqlite"):
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "postgresql:// か sqlite:/// で始まるURLを入力してください"))
    if url_secret(url_text) is not None or url.password:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "URLにパスワードを含めないでください（パスワード欄に入力します）"))
    if url.get_backend_name() == "postgresql" and not url.host:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "サーバー名（ホスト）がありません"))
    return url_text


def mail_address(text: str, field: str, *, required: bool = False) -> str:
    value = text.strip()
    if not value:
        if required:
            raise FieldError(field, QCoreApplication.translate("SettingsValidation", "メールアドレスを入力してください"))
        return ""
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in value) or "\r" in value:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "メールアドレスの形式が正しくありません"))
    return value


def host_name(text: str, field: str) -> str:
    """A server name (empty: not set): no control characters or spaces, at most 253 characters,
    an internationalized name only when it converts to IDNA. Returns it as typed, trimmed."""
    value = text.strip()
    if not value:
        return ""
    try:
        ascii_host(value)
    except HostNameProblem as problem:
        messages = {
            "control": QCoreApplication.translate("SettingsValidation", "制御文字を含めないでください"),
            "space": QCoreApplication.translate("SettingsValidation", "空白を含めないでください"),
            "length": QCoreApplication.translate("SettingsValidation", "253文字以内で入力してください"),
        }
        raise FieldError(field, messages.get(problem.kind, QCoreApplication.translate(
            "SettingsValidation", "サーバー名として正しくありません（例: smtp.example.jp）"))) from None
    return value


def time_zone(text: str, field: str) -> ZoneInfo:
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "不明なタイムゾーンです（例: Asia/Tokyo）")) from None


@dataclass(frozen=True)
class Schedule:
    expression: str
    next_runs: tuple[datetime, ...]


def schedule(expression: str, tz: ZoneInfo, field: str, now: datetime | None = None) -> Schedule:
    """A five-field cron expression in ``tz`` and its next runs (minute by minute, up to a month)."""
    from jobs.queue.schedule import cron_in_zone

    cleaned = " ".join(expression.split())
    try:
        due = cron_in_zone(cleaned, tz)
    except UserError:
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "cron形式（分 時 日 月 曜日の5項目）で入力してください（例: */10 * * * *）")) from None
    moment = (now or datetime.now(tz)).astimezone(tz).replace(second=0, microsecond=0) + timedelta(minutes=1)
    runs: list[datetime] = []
    for _ in range(SEARCH_DAYS * 24 * 60):
        if due(moment):
            runs.append(moment)
            if len(runs) == NEXT_RUNS:
                break
        moment += timedelta(minutes=1)
    return Schedule(cleaned, tuple(runs))
