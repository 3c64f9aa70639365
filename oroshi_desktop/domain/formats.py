"""Japanese display formats for yen, dates, quantities and prefectures.
These strings appear on printed documents, so they must match the Rails app exactly."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from decimal import Decimal

from oroshi_desktop.domain.money import Rounding, round_yen

__all__ = [
    "circled_number",
    "collapse_spaces",
    "datetime_ja",
    "iso_date",
    "long_date",
    "prefecture_name",
    "prefecture_short",
    "quantity",
    "short_date",
    "tax_rate_label",
    "yen",
    "yen_suffix",
]

_WEEKDAYS = "月火水木金土日"  # indexed by date.weekday(): Monday is 0

# JIS X 0401 order; index 0 is code 1.
_PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip

# ASCII whitespace only, like Ruby's \s: a full-width space (U+3000) inside a company name is
# deliberate and must survive into file names and documents.
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")


def _as_decimal(amount: Decimal | int) -> Decimal:
    # bool and float are rejected: a float yen amount means precision was already lost upstream.
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"expected Decimal or int, got {type(amount).__name__}")
    return Decimal(amount)


def yen(amount: Decimal | int) -> str:
    """Whole yen with thousands separators, e.g. ``12,345``; fractions round half-up."""
    return f"{int(round_yen(_as_decimal(amount), Rounding.HALF_UP)):,}"


def yen_suffix(amount: Decimal | int) -> str:
    """Yen with the 円 suffix, e.g. ``12,345円``."""
    return f"{yen(amount)}円"


def long_date(d: date) -> str:
    """Full date with weekday, e.g. ``2025年10月01日(水)``."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日({_WEEKDAYS[d.weekday()]})"


def short_date(d: date) -> str:
    """Month and day only, e.g. ``10月01日``."""
    return f"{d.month:02d}月{d.day:02d}日"


def iso_date(d: date) -> str:
    """ISO 8601 calendar date, e.g. ``2025-10-01``; a datetime contributes only its date."""
    # datetime.isoformat() would append the time, so go through the date part explicitly.
    return date(d.year, d.month, d.day).isoformat()


def datetime_ja(dt: datetime, tz: tzinfo) -> str:
    """Date and minute in ``tz``, e.g. ``2025年10月16日 09:00``."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"datetime_ja needs an aware datetime, got naive {dt.isoformat()}")
    local = dt.astimezone(tz)
    return f"{local.year}年{local.month:02d}月{local.day:02d}日 {local.hour:02d}:{local.minute:02d}"


def circled_number(n: int) -> str | None:
    """Circled digit ① to ⑲ for 1–19, otherwise None (the Rails helper stops at 19)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if 1 <= n <= 19:
        return chr(0x2460 + n - 1)
    return None


def quantity(q: Decimal | int) -> str:
    """A delivered quantity: ``30``, ``12.5``, ``8.25``, ``1,234.5`` (no trailing zeros)."""
    value = _as_decimal(q)
    if not value.is_finite():
        raise ValueError(f"quantity must be finite, got {value}")
    if value == value.to_integral_value():
        # Handles 30.00 and also 3E+1, which normalize() would leave in exponent form.
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _prefecture(code: int) -> str:
    if isinstance(code, bool) or not isinstance(code, int):
        raise TypeError(f"prefecture code must be an int, got {type(code).__name__}")
    if not 1 <= code <= len(_PREFECTURES):
        raise ValueError(f"unknown prefecture code {code}: JIS X 0401 codes run from 1 to 47")
    return _PREFECTURES[code - 1]


def prefecture_name(code: int) -> str:
    """Full prefecture name for a JIS X 0401 code, e.g. 13 → ``東京都``."""
    return _prefecture(code)


def prefecture_short(code: int) -> str:
    """Prefecture name without 都/府/県, e.g. 13 → ``東京``; 北海道 keeps its 道."""
    name = _prefecture(code)
    # 北海道 is the only 道 and is never shortened; every other name ends in exactly one suffix.
    if name == "北海道":
        return name
    return name[:-1]


def collapse_spaces(s: str) -> str:
    """Collapse runs of ASCII whitespace to one space and strip; full-width spaces are kept."""
    return _WHITESPACE_RUN.sub(" ", s).strip(" ")


def tax_rate_label(rate: Decimal) -> str:
    """Tax rate as a percentage label: 0.08 → ``8%``, 0.10 → ``10%``, 0.085 → ``8.5%``."""
    if not isinstance(rate, Decimal):
        raise TypeError(f"rate must be a Decimal, got {type(rate).__name__}")
    if not rate.is_finite():
        raise ValueError(f"rate must be finite, got {rate}")
    percent = rate * 100
    if percent == percent.to_integral_value():
        return f"{int(percent)}%"
    return f"{percent.normalize():f}%"
