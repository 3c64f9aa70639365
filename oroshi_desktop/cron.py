"""Whether a five-field cron expression can serve as the mail schedule, read as Huey's crontab reads it
(standard library only: the settings file is checked before Huey is loaded)."""

from __future__ import annotations

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
