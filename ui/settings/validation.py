"""Checking what the 設定 form holds, field by field, before anything is saved (no widgets here).

Each check returns the cleaned value or raises ``FieldError`` naming the field in the user's
words; the view shows every error at once next to its field and saves only when there is none.
A field of the settings file is read from its text by its row of ``settings_schema`` and checked
by that row's rule, the very rule ``config.load_settings`` applies (``setting_value``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from oroshi_desktop.domain.registration import validate_registration_number
from oroshi_desktop.errors import UserError
from oroshi_desktop.settings_schema import (
    SettingField,
    is_mail_address,
    number_text,
    schedule_problem,
    time_zone_problem,
)
from ui.i18n import label
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


def setting_value(text: str, field: str, setting: SettingField) -> Any:
    """The value of a settings-file field from its text, refused by its schema rule as the loader
    refuses it. A number may be typed with fullwidth digits, thousands commas and a trailing 円."""
    if setting.kind is str:
        value: Any = text.strip()
    else:
        folded = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("円").strip()
        if not (folded.isascii() and folded.isdigit()):
            raise FieldError(field, QCoreApplication.translate("SettingsValidation", "{low}〜{high} の整数を入力してください")
                             .format(low=number_text(setting.low), high=number_text(setting.high)))
        value = setting.kind(int(folded))
    problem = setting.problem(value)
    if problem is not None:
        raise FieldError(field, label(problem))
    return value


def mail_address(text: str, field: str, *, required: bool = False) -> str:
    value = text.strip()
    if not value:
        if required:
            raise FieldError(field, QCoreApplication.translate("SettingsValidation", "メールアドレスを入力してください"))
        return ""
    if not is_mail_address(value):
        raise FieldError(field, QCoreApplication.translate("SettingsValidation", "メールアドレスの形式が正しくありません"))
    return value


def time_zone(text: str, field: str) -> ZoneInfo:
    problem = time_zone_problem(text.strip())
    if problem is not None:
        raise FieldError(field, label(problem))
    return ZoneInfo(text.strip())


@dataclass(frozen=True)
class Schedule:
    expression: str
    next_runs: tuple[datetime, ...]


def schedule(expression: str, tz: ZoneInfo, field: str, now: datetime | None = None) -> Schedule:
    """A five-field cron expression in ``tz`` and its next runs (minute by minute, up to a month)."""
    from jobs.queue.schedule import cron_in_zone

    cleaned = " ".join(expression.split())
    problem = schedule_problem(cleaned)  # the loader's rule: five sound fields that can ever fire
    if problem is not None:
        raise FieldError(field, label(problem))
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
