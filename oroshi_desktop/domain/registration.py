"""The qualified-invoice registration number (適格請求書発行事業者登録番号): ``T`` + 13 digits.

The 13 digits are a corporate number (法人番号) or, for a sole trader, a number built the same
way, so the first digit is the check digit of the other twelve (法人番号の指定等に関する省令 第2条):
``9 - (Σ Pn × Qn mod 9)`` with Pn the n-th digit counted from the right of the twelve and Qn 1 for
odd n, 2 for even n. Checking it catches a mistyped digit before it is printed on every statement.
"""

from __future__ import annotations

import unicodedata

from oroshi_desktop.errors import UserError

__all__ = ["check_digit", "normalize_registration_number", "validate_registration_number"]

FIELD_EN = "registration number"
FIELD_JA = "登録番号"


def check_digit(base12: str) -> int:
    """The check digit of a 12-digit corporate-number base."""
    if len(base12) != 12 or not base12.isascii() or not base12.isdigit():
        raise ValueError(f"a corporate-number base is 12 digits, got {base12!r}")
    total = sum(int(digit) * (1 if n % 2 else 2)
                for n, digit in enumerate(reversed(base12), start=1))
    return 9 - total % 9


def normalize_registration_number(text: str) -> str:
    """Full-width letters and digits, spaces and hyphens, as people type them, to ``T1234567890123``."""
    folded = unicodedata.normalize("NFKC", text or "").strip().upper()
    return folded.replace(" ", "").replace("-", "")


def validate_registration_number(text: str) -> str:
    """The normalized number, or a ``UserError`` naming the field; an empty value stays empty."""
    number = normalize_registration_number(text)
    if not number:
        return ""
    digits = number[1:]
    if not number.startswith("T") or len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        raise UserError(f"{FIELD_EN}: must be T followed by 13 digits, got {text!r}",
                        f"{FIELD_JA}: 「T」と13桁の数字で入力してください（入力: {text}）")
    if int(digits[0]) != check_digit(digits[1:]):
        raise UserError(f"{FIELD_EN}: check digit does not match in {number}",
                        f"{FIELD_JA}: {number} のチェックデジットが一致しません。番号を確認してください")
    return number
