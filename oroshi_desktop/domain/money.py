"""Yen rounding and conversion to Decimal; money never passes through float arithmetic."""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

__all__ = ["Rounding", "round_yen", "tax_for", "to_decimal"]

_ONE = Decimal(1)


class Rounding(StrEnum):
    """How fractional yen are removed; a StrEnum so it equals the string Rails stores."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"


_DECIMAL_MODES = {
    Rounding.HALF_UP: ROUND_HALF_UP,
    # ROUND_DOWN goes toward zero, so a -10.7 credit becomes -10 rather than -11.
    Rounding.TRUNCATE: ROUND_DOWN,
}


def round_yen(amount: Decimal, mode: Rounding) -> Decimal:
    """Round ``amount`` to whole yen; half-up rounds ties away from zero (四捨五入)."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be a Decimal, got {type(amount).__name__}")
    if not amount.is_finite():
        raise ValueError(f"amount must be finite, got {amount}")
    try:
        decimal_mode = _DECIMAL_MODES[mode]  # a Rounding, or its text (a StrEnum hashes as its text)
    except KeyError:
        decimal_mode = _DECIMAL_MODES[Rounding(mode)]  # an unknown mode: ValueError, as Rounding says
    rounded = amount.quantize(_ONE, rounding=decimal_mode)
    # Adding zero turns a rounded -0 into 0 so it never shows up as "-0" on a statement.
    return rounded + 0


def to_decimal(value: float | int | str | Decimal | None) -> Decimal:
    """Convert a value from the database or a form to Decimal without float noise."""
    if value is None:
        return Decimal(0)
    # bool is an int subclass; a True amount is always a bug upstream.
    if isinstance(value, bool):
        raise TypeError("a bool is not an amount")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"amount must be finite, got {value!r}")
        # str() is the shortest round-tripping repr, so 12.1 stays 12.1, not 12.0999999...
        result = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise TypeError(f"cannot convert {type(value).__name__} to Decimal")
    if not result.is_finite():
        raise ValueError(f"amount must be finite, got {value!r}")
    return result


def tax_for(base: Decimal, rate: Decimal, mode: Rounding) -> Decimal:
    """Consumption tax on a summed base, rounded once as the invoice rules require."""
    if not isinstance(rate, Decimal):
        raise TypeError(f"rate must be a Decimal, got {type(rate).__name__}")
    if not (rate.is_finite() and 0 <= rate < 1):
        raise ValueError(f"tax rate must be a fraction in [0, 1), got {rate}")
    return round_yen(base * rate, mode)
