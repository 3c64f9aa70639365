"""Payment statement (支払明細書) rules: lines, day groups, variation totals and tax per rate.

One line is date × variation × unit price with Σ quantity; its amount is price × Σ quantity,
rounded to whole yen. 仕入額 per tax rate is the sum of the printed line amounts and the tax is
rounded **once per rate per statement** (qualified-invoice rule, NTA Q&A 問57), so every number on
a page agrees with every other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oroshi_desktop.domain.money import Rounding, round_yen, tax_for

REDUCED_RATE = Decimal("0.08")  # 軽減税率: food
STANDARD_RATE = Decimal("0.10")  # materials, shipping
PRINTED_RATES = (REDUCED_RATE, STANDARD_RATE)  # both rows always print, 0円 when unused



@dataclass(frozen=True)
class SupplyRecord:
    """One non-empty supply as the statement needs it (quantities and prices already Decimal)."""

    date: date
    supplier_id: int
    variation_id: int
    variation_name: str  # display string "{type} ({variation})"
    unit: str
    type_position: int | None
    variation_position: int | None
    quantity: Decimal
    price: Decimal
    tax_rate: Decimal = REDUCED_RATE


@dataclass(frozen=True)
class StatementLine:
    date: date
    variation_id: int
    variation_name: str
    unit: str
    unit_price: Decimal
    quantity: Decimal
    amount: Decimal  # whole yen
    tax_rate: Decimal
    order_key: tuple[object, ...] = ()  # (type position, variation position, id); None last

    @property
    def reduced_rate(self) -> bool:
        """Marked ※ on the page."""
        return self.tax_rate == REDUCED_RATE


@dataclass(frozen=True)
class VariationTotal:
    variation_id: int
    variation_name: str
    unit: str
    quantity: Decimal
    amount: Decimal


@dataclass(frozen=True)
class TaxBucket:
    """One row of the per-rate summary: 仕入額 and its tax, rounded once."""

    rate: Decimal
    base: Decimal
    tax: Decimal


@dataclass(frozen=True)
class DayGroup:
    """A day's lines for the standard layout, with its total and informational tax rows."""

    date: date
    lines: tuple[StatementLine, ...]
    total: Decimal
    taxes: tuple[TaxBucket, ...]
    variation_totals: tuple[VariationTotal, ...]


@dataclass(frozen=True)
class StatementBody:
    lines: tuple[StatementLine, ...]
    days: tuple[DayGroup, ...]
    variation_totals: tuple[VariationTotal, ...]
    tax_buckets: tuple[TaxBucket, ...]
    rounding: Rounding

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def subtotal(self) -> Decimal:
        return sum((b.base for b in self.tax_buckets), Decimal(0))

    @property
    def tax_total(self) -> Decimal:
        return sum((b.tax for b in self.tax_buckets), Decimal(0))

    @property
    def total(self) -> Decimal:
        """支払金額合計 / 今回支払金額."""
        return self.subtotal + self.tax_total

    @property
    def first_date(self) -> date | None:
        return self.days[0].date if self.days else None

    @property
    def last_date(self) -> date | None:
        return self.days[-1].date if self.days else None

    def bucket(self, rate: Decimal) -> TaxBucket:
        for bucket in self.tax_buckets:
            if bucket.rate == rate:
                return bucket
        return TaxBucket(rate, Decimal(0), Decimal(0))


def _variation_key(record: SupplyRecord) -> tuple[object, ...]:
    # Missing positions sort last rather than crashing on None.
    return (record.type_position is None, record.type_position or 0,
            record.variation_position is None, record.variation_position or 0, record.variation_id)


def _sort_key(record: SupplyRecord) -> tuple[object, ...]:
    return (record.date, *_variation_key(record), record.price)


def build_lines(records: Iterable[SupplyRecord], rounding: Rounding) -> tuple[StatementLine, ...]:
    """Group by (date, variation, unit price) and sum quantities; zero quantities are dropped."""
    grouped: dict[tuple[date, int, Decimal], list[SupplyRecord]] = defaultdict(list)
    first: dict[tuple[date, int, Decimal], SupplyRecord] = {}
    for record in records:
        if record.quantity == 0:
            continue
        key = (record.date, record.variation_id, record.price)
        grouped[key].append(record)
        first.setdefault(key, record)
    lines = []
    for key in sorted(grouped, key=lambda k: _sort_key(first[k])):
        head = first[key]
        quantity = sum((r.quantity for r in grouped[key]), Decimal(0))
        lines.append(StatementLine(
            date=head.date, variation_id=head.variation_id, variation_name=head.variation_name,
            unit=head.unit, unit_price=head.price, quantity=quantity,
            amount=round_yen(head.price * quantity, rounding), tax_rate=head.tax_rate,
            order_key=_variation_key(head),
        ))
    return tuple(lines)


def _variation_totals(lines: Sequence[StatementLine]) -> tuple[VariationTotal, ...]:
    order: list[int] = []
    quantity: dict[int, Decimal] = defaultdict(Decimal)
    amount: dict[int, Decimal] = defaultdict(Decimal)
    head: dict[int, StatementLine] = {}
    for line in lines:
        if line.variation_id not in head:
            order.append(line.variation_id)
            head[line.variation_id] = line
        quantity[line.variation_id] += line.quantity
        amount[line.variation_id] += line.amount
    return tuple(VariationTotal(vid, head[vid].variation_name, head[vid].unit, quantity[vid], amount[vid])
                 for vid in order)


def tax_buckets(lines: Sequence[StatementLine], rounding: Rounding) -> tuple[TaxBucket, ...]:
    """仕入額 per rate (Σ printed line amounts) and one rounding of its tax."""
    bases: dict[Decimal, Decimal] = {rate: Decimal(0) for rate in PRINTED_RATES}
    for line in lines:
        bases[line.tax_rate] = bases.get(line.tax_rate, Decimal(0)) + line.amount
    return tuple(TaxBucket(rate, base, tax_for(base, rate, rounding)) for rate, base in sorted(bases.items()))


def build_body(records: Iterable[SupplyRecord], rounding: Rounding) -> StatementBody:
    lines = build_lines(records, rounding)
    by_day: dict[date, list[StatementLine]] = defaultdict(list)
    for line in lines:
        by_day[line.date].append(line)
    days = tuple(
        DayGroup(
            date=day,
            lines=tuple(day_lines),
            total=sum((line.amount for line in day_lines), Decimal(0)),
            taxes=tuple(b for b in tax_buckets(day_lines, rounding) if b.base),
            variation_totals=_variation_totals(day_lines),
        )
        for day, day_lines in sorted(by_day.items())
    )
    # Period totals follow type/variation position, not the day a variation first appeared.
    period_order = sorted(lines, key=lambda ln: ln.order_key)
    return StatementBody(lines=lines, days=days, variation_totals=_variation_totals(period_order),
                         tax_buckets=tax_buckets(lines, rounding), rounding=rounding)
