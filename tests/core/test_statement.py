"""Statement lines, grouping and one rounding per tax rate, against hand-computed statements."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.statement_body import (
    REDUCED_RATE,
    STANDARD_RATE,
    SupplyRecord,
    build_body,
    build_lines,
)

FILLET = dict(variation_id=11, variation_name="鮭 (フィレカット)", unit="kg", type_position=1, variation_position=1)
WHOLE = dict(variation_id=12, variation_name="鮭 (丸ごと)", unit="kg", type_position=1, variation_position=2)
TUNA = dict(variation_id=21, variation_name="マグロ (サク)", unit="kg", type_position=2, variation_position=1)


def rec(day: int, supplier: int, var: dict, qty: str, price: str, rate: D = REDUCED_RATE) -> SupplyRecord:
    return SupplyRecord(date=date(2025, 10, day), supplier_id=supplier, quantity=D(qty), price=D(price),
                        tax_rate=rate, **var)


def test_tax_authority_example_rounds_once_per_rate():
    # NTA: three lines of ¥105 at 10 % truncated. Rounded once: 315 × 10 % = 31.5 → 31.
    # Per line it would be 10 + 10 + 10 = 30, which the qualified-invoice rule forbids.
    records = [rec(d, 1, TUNA, "1", "105", STANDARD_RATE) for d in (1, 2, 3)]
    body = build_body(records, Rounding.TRUNCATE)
    assert body.bucket(STANDARD_RATE).base == D(315)
    assert body.bucket(STANDARD_RATE).tax == D(31)
    assert body.total == D(346)
    assert [b.tax for d in body.days for b in d.taxes] == [D(10), D(10), D(10)]  # informational only


def test_same_price_merges_and_different_price_splits():
    records = [
        rec(1, 1, FILLET, "8.5", "1235"),
        rec(1, 2, FILLET, "12.0", "1235"),   # same day, variation and price: merged
        rec(1, 1, FILLET, "3.0", "1300"),    # different price: its own line
        rec(1, 1, WHOLE, "0", "900"),        # zero quantity: dropped
        rec(2, 1, TUNA, "2.5", "3210"),
    ]
    lines = build_lines(records, Rounding.HALF_UP)
    assert [(ln.date.day, ln.variation_id, ln.unit_price, ln.quantity, ln.amount) for ln in lines] == [
        (1, 11, D(1235), D("20.5"), D(25318)),   # 1235 × 20.5 = 25317.5 → 25318 (half-up)
        (1, 11, D(1300), D("3.0"), D(3900)),
        (2, 21, D(3210), D("2.5"), D(8025)),
    ]


def test_hand_computed_statement_half_up_and_truncate():
    records = [
        rec(1, 1, FILLET, "8.5", "1235"),    # 10497.5
        rec(1, 1, WHOLE, "5.5", "777"),      # 4273.5
        rec(3, 2, TUNA, "1.5", "4001"),      # 6001.5
        rec(3, 2, FILLET, "2.0", "0"),       # price not set yet: a ¥0 line
    ]
    half = build_body(records, Rounding.HALF_UP)
    assert [ln.amount for ln in half.lines] == [D(10498), D(4274), D(0), D(6002)]
    assert half.subtotal == D(20774)
    assert half.bucket(REDUCED_RATE).tax == D(1662)   # 20774 × 0.08 = 1661.92 → 1662
    assert half.bucket(STANDARD_RATE).base == 0 and half.bucket(STANDARD_RATE).tax == 0
    assert half.total == D(22436)

    trunc = build_body(records, Rounding.TRUNCATE)
    assert [ln.amount for ln in trunc.lines] == [D(10497), D(4273), D(0), D(6001)]
    assert trunc.subtotal == D(20771)
    assert trunc.bucket(REDUCED_RATE).tax == D(1661)  # 1661.68 → 1661
    assert trunc.total == D(22432)


def test_days_and_variation_totals_add_up():
    records = [
        rec(1, 1, WHOLE, "5", "700"), rec(1, 1, FILLET, "10", "1500"),
        rec(2, 1, FILLET, "4", "1600"), rec(2, 2, TUNA, "3", "3000"),
    ]
    body = build_body(records, Rounding.HALF_UP)
    assert [d.date.day for d in body.days] == [1, 2]
    # Within a day, type and variation position order: fillet (pos 1) before whole (pos 2).
    assert [ln.variation_id for ln in body.days[0].lines] == [11, 12]
    assert [d.total for d in body.days] == [D(18500), D(15400)]
    assert sum(d.total for d in body.days) == body.subtotal
    assert [(v.variation_id, v.quantity, v.amount) for v in body.variation_totals] == [
        (11, D(14), D(21400)), (12, D(5), D(3500)), (21, D(3), D(9000)),
    ]
    assert body.first_date == date(2025, 10, 1) and body.last_date == date(2025, 10, 2)


def test_missing_positions_sort_last():
    nopos = dict(variation_id=99, variation_name="不明 (x)", unit="kg", type_position=None, variation_position=None)
    body = build_body([rec(1, 1, nopos, "1", "10"), rec(1, 1, TUNA, "1", "10")], Rounding.HALF_UP)
    assert [ln.variation_id for ln in body.lines] == [21, 99]


def test_empty_statement():
    body = build_body([], Rounding.HALF_UP)
    assert body.is_empty and body.total == 0 and body.first_date is None
    assert [b.rate for b in body.tax_buckets] == [REDUCED_RATE, STANDARD_RATE]


def test_mixed_rates_each_rounded_once():
    records = [rec(1, 1, FILLET, "1", "999"), rec(1, 1, TUNA, "1", "1001", STANDARD_RATE),
               rec(2, 1, FILLET, "1", "999")]
    body = build_body(records, Rounding.HALF_UP)
    assert body.bucket(REDUCED_RATE).base == D(1998) and body.bucket(REDUCED_RATE).tax == D(160)  # 159.84
    assert body.bucket(STANDARD_RATE).base == D(1001) and body.bucket(STANDARD_RATE).tax == D(100)  # 100.1
    assert body.total == D(1998 + 1001 + 160 + 100)
    assert [ln.reduced_rate for ln in body.lines] == [True, False, True]
