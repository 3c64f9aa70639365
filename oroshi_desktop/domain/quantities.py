"""Sound numbers only: the quantities and prices that become statement lines, shipping documents
and check sheets are checked here, one record at a time, before any total is computed.

The Oroshi tables keep supply quantities and prices as ``double precision`` and order quantities
as integers, and the web system writes them without bounds: a NaN, an infinity, a negative count
or a typing slip of a few zeros can sit in a row. A document made from such a row would print a
wrong total without a word, so the row is refused instead, naming the record and the field
(``UserError`` in English and Japanese); the caller decides how much of its batch that stops
(one organization of a statement run, one document of the others).

A large but possible amount is not refused: ``implausible`` only lets the new-statement dialog and
the CLI warn about it (the limit is the setting ``plausible_line_amount``).
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from oroshi_desktop.errors import UserError

__all__ = [
    "DEFAULT_PLAUSIBLE_LINE_AMOUNT",
    "MAX_ORDER_QUANTITY",
    "MAX_QUANTITY",
    "MAX_UNIT_PRICE",
    "implausible",
    "order_quantity",
    "supply_number",
]

# Bounds far above anything a processor of the size the app serves records in one row (a whole
# season's catch of a region is a few thousand tonnes; the dearest seafood a few ¥100,000 a kg),
# and far below what breaks the arithmetic or the printed columns.
MAX_QUANTITY = Decimal(10_000_000)
MAX_UNIT_PRICE = Decimal(10_000_000)
MAX_ORDER_QUANTITY = 1_000_000
DEFAULT_PLAUSIBLE_LINE_AMOUNT = 5_000_000  # ¥: a line above it is shown as a warning, not refused

SUPPLY_FIELDS = {"quantity": ("数量", MAX_QUANTITY), "price": ("単価", MAX_UNIT_PRICE)}
ORDER_FIELDS = {"item_quantity": "商品数量", "receptacle_quantity": "容器数量", "freight_quantity": "貨物数量"}


def _refuse(record: str, record_ja: str, field: str, field_ja: str, value: object, why: str,
            why_ja: str) -> UserError:
    return UserError(f"{record}: {field} is {value!r}, {why}",
                     f"{record_ja}の{field_ja}（{field}）が{value!r}です。{why_ja}")


def _supply_refusal(supply_id: int, field: str, value: object, why: str, why_ja: str) -> UserError:
    return _refuse(f"supply {supply_id}", f"供給 {supply_id} ", field, SUPPLY_FIELDS[field][0], value, why, why_ja)


# Sound floats and ints already converted, per field (a run converts about 1.5 million supply
# numbers, most of them repeats). Only those: two equal non-zero floats or ints always print the
# same, while 0.0 and -0.0, or Decimal("1") and Decimal("1.0"), are equal but print differently.
_SOUND: dict[tuple[str, type, float | int], Decimal] = {}
_SOUND_MAX = 100_000  # entries; emptied when full (a few MB at most)


def supply_number(value: float | int | str | Decimal | None, *, supply_id: int, field: str) -> Decimal:
    """A supply's ``quantity`` or ``price`` as Decimal; refuses NaN, ±infinity, a negative value and
    one above the field's bound, naming the supply and the field."""
    if isinstance(value, float | int) and not isinstance(value, bool) and value:
        key = (field, type(value), value)
        number = _SOUND.get(key)
        if number is None:
            number = _checked_supply_number(value, supply_id=supply_id, field=field)
            if len(_SOUND) >= _SOUND_MAX:
                _SOUND.clear()
            _SOUND[key] = number
        return number
    return _checked_supply_number(value, supply_id=supply_id, field=field)


def _checked_supply_number(value: object, *, supply_id: int, field: str) -> Decimal:
    bound = SUPPLY_FIELDS[field][1]
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        raise _supply_refusal(supply_id, field, value, "not a number", "数値ではありません")
    try:
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidOperation
        # str() of a float is its shortest round-tripping form: 12.1 stays 12.1.
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise _supply_refusal(supply_id, field, value, "not a finite number",
                              "有限の数値ではありません。データを修正してください") from None
    if number < 0:
        raise _supply_refusal(supply_id, field, value, "negative; a supply cannot be below zero",
                              "負の値です。供給の数量・単価は0以上です")
    if number > bound:
        raise _supply_refusal(supply_id, field, value, f"above the limit {bound:,} (a typing slip?)",
                              f"上限 {bound:,} を超えています（入力ミスではありませんか）")
    return number


def order_quantity(value: int | float | None, *, order_id: int, field: str) -> int:
    """One of an order's three quantities; refuses a negative, fractional, non-finite or absurd one."""
    field_ja = ORDER_FIELDS[field]
    record, record_ja = f"order {order_id}", f"注文 {order_id} "
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse(record, record_ja, field, field_ja, value, "not a number", "数値ではありません")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise _refuse(record, record_ja, field, field_ja, value, "not a whole number",
                      "整数ではありません。データを修正してください")
    number = int(value)
    if number < 0:
        raise _refuse(record, record_ja, field, field_ja, value, "negative; a quantity cannot be below zero",
                      "負の値です。数量は0以上です")
    if number > MAX_ORDER_QUANTITY:
        raise _refuse(record, record_ja, field, field_ja, value,
                      f"above the limit {MAX_ORDER_QUANTITY:,} (a typing slip?)",
                      f"上限 {MAX_ORDER_QUANTITY:,} を超えています（入力ミスではありませんか）")
    return number


def implausible(amount: Decimal, limit: Decimal | int | None) -> bool:
    """Whether a statement line's amount is above the plausibility limit (None: no limit)."""
    return limit is not None and amount > limit
