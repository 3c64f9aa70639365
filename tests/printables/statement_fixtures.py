"""A small, exactly known data set for payment statement tests.

:func:`build_statement_fixture` inserts company settings, one organization (the statement's, with an
address) with producers numbered 1, 2 and 25 (25 has no circled digit), another organization whose
supplies must never appear, supply types and variations, supply dates and supplies, and an invoice
row for the period. Every supply is also returned as a :class:`RawSupply`, so that tests can compute
the expected statement independently of the domain code.

Amounts are whole yen on purpose (an ``x.5`` quantity always has an even price): then the producer
sections add up to the organization version to the yen. With fractional yen they need not: the
organization version merges the producers' containers of the same day, variation and price into one
line and rounds that line once, so it can differ from the sum of the producers' rounded lines by
less than 1 yen per merged line.

Producer 1 delivers three variations on 14 days (42+ lines), enough for its supplier-format
section to run onto a second page in both layouts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    COMPANY_SETTINGS_NAME,
    Address,
    Invoice,
    InvoiceSupplierOrganization,
    SettingsRow,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeTaxRate,
    SupplyTypeVariation,
)

START = date(2025, 10, 1)
END = date(2025, 10, 15)
SEND_AT = datetime(2025, 10, 16, 0, 30, tzinfo=UTC)  # 09:30 in Tokyo on 2025-10-16
STATEMENT_DATE = date(2025, 10, 16)

COMPANY = {
    "name": "株式会社オロシサーモン",
    "postal_code": "060-0042",
    "address": "北海道札幌市中央区大通西1-1-1",
    "phone": "011-555-0123",
    "fax": "011-555-0124",
    "mail": "info@oroshi.example",
    "invoice_number": "T1234567890123",
}
ORGANIZATION = "北海水産協同組合"
ORGANIZATION_NUMBER = "T9876543210987"

# Producer number → (company name, registration number).
PRODUCERS = {
    1: ("札幌サーモン株式会社", "T1111111111111"),
    2: ("小樽漁業", "T2222222222222"),
    25: ("函館マリン", "T2525252525252"),
}
OTHER_PRODUCER = (1, "青森ホタテ", "T9999999999999")  # in the other organization

# Variation key → (type name, variation name, units, type position, variation position).
VARIATIONS = {
    "fillet": ("鮭", "フィレカット", "kg", 1, 1),
    "whole": ("鮭", "丸ごと", "kg", 1, 2),
    "scallop": ("ホタテ", "活", "個", 2, 1),
}
BOX = ("発泡箱", "大", "箱", 3, 1)  # a 10 % item, only with ``standard_rate=True``


@dataclass(frozen=True)
class RawSupply:
    producer: int | None  # producer number in the statement's organization; None: other organization
    day: date
    variation: str  # key of VARIATIONS (or "box")
    quantity: Decimal
    price: Decimal

    @property
    def display(self) -> str:
        type_name, variation_name, *_ = BOX if self.variation == "box" else VARIATIONS[self.variation]
        return f"{type_name} ({variation_name})"

    @property
    def unit(self) -> str:
        return (BOX if self.variation == "box" else VARIATIONS[self.variation])[2]

    @property
    def rate(self) -> Decimal:
        return Decimal("0.10") if self.variation == "box" else Decimal("0.08")


@dataclass(frozen=True)
class ExpectedLine:
    day: date
    display: str
    unit: str
    price: Decimal
    quantity: Decimal
    amount: Decimal
    rate: Decimal


@dataclass
class StatementFixture:
    organization_id: int
    other_organization_id: int
    invoice_id: int
    producer_ids: dict[int, int]  # number → supplier id
    supplies: list[RawSupply] = field(default_factory=list)

    def in_scope(self, producer: int | None = None) -> list[RawSupply]:
        """Supplies the statement must show: this organization, in the period, quantity ≠ 0."""
        return [s for s in self.supplies
                if s.producer is not None and START <= s.day <= END and s.quantity != 0
                and (producer is None or s.producer == producer)]

    def expected_lines(self, producer: int | None = None) -> list[ExpectedLine]:
        """Computed here, not by the domain code: group by day × variation × price, Σ quantity."""
        grouped: dict[tuple[date, str, Decimal], Decimal] = defaultdict(Decimal)
        heads: dict[tuple[date, str, Decimal], RawSupply] = {}
        for s in self.in_scope(producer):
            key = (s.day, s.variation, s.price)
            grouped[key] += s.quantity
            heads.setdefault(key, s)
        lines = []
        for (day, _, price), qty in grouped.items():
            head = heads[(day, _, price)]
            amount = (price * qty).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            lines.append(ExpectedLine(day, head.display, head.unit, price, qty, amount, head.rate))
        return lines

    def expected_base(self, rate: Decimal = Decimal("0.08"), producer: int | None = None) -> Decimal:
        return sum((ln.amount for ln in self.expected_lines(producer) if ln.rate == rate), Decimal(0))

    def expected_tax(self, rate: Decimal = Decimal("0.08"), producer: int | None = None) -> Decimal:
        return (self.expected_base(rate, producer) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)

    def expected_total(self, producer: int | None = None) -> Decimal:
        rates = (Decimal("0.08"), Decimal("0.10"))
        return sum((self.expected_base(r, producer) + self.expected_tax(r, producer) for r in rates), Decimal(0))


def raw_supplies(*, standard_rate: bool = False) -> list[RawSupply]:
    d = Decimal
    out: list[RawSupply] = []
    # Producer 1: three variations on 14 days; an x.5 quantity always gets an even price.
    for day in range(1, 15):
        for vi, key in enumerate(VARIATIONS):
            qty = d((day * 7 + vi * 3) % 20 + 1) + (d("0.5") if (day + vi) % 2 else 0)
            price = d(800 + ((day * 37 + vi * 53) % 40) * 10)
            out.append(RawSupply(1, date(2025, 10, day), key, qty, price))
    out += [
        # Two containers at one price merge into one line (8.5 + 3.5 = 12 kg).
        RawSupply(1, date(2025, 10, 1), "fillet", d("8.5"), d(1236)),
        RawSupply(1, date(2025, 10, 1), "fillet", d("3.5"), d(1236)),
        # Same day, variation and price from another producer: merges in the organization version.
        RawSupply(2, date(2025, 10, 1), "fillet", d("4.5"), d(1236)),
        RawSupply(25, date(2025, 10, 2), "scallop", d(12), d(1235)),
        RawSupply(2, date(2025, 10, 2), "whole", d(0), d(999)),  # quantity 0: never printed
        RawSupply(2, date(2025, 10, 3), "whole", d("7.25"), d(1200)),
        RawSupply(25, date(2025, 10, 3), "fillet", d(3), d(0)),  # price 0: a 0円 line
        RawSupply(2, date(2025, 10, 9), "scallop", d(40), d(85)),
        # Outside the period.
        RawSupply(1, date(2025, 9, 30), "fillet", d(100), d(1000)),
        RawSupply(1, date(2025, 10, 16), "fillet", d(50), d(1000)),
        # The other organization, inside the period.
        RawSupply(None, date(2025, 10, 1), "fillet", d(10), d(1000)),
        RawSupply(None, date(2025, 10, 15), "whole", d(20), d(900)),
    ]
    if standard_rate:
        out.append(RawSupply(2, date(2025, 10, 2), "box", d(10), d(150)))
    return out


def build_statement_fixture(session: Session, *, standard_rate: bool = False) -> StatementFixture:
    """Insert the data set; ``standard_rate`` adds a 10 % supply type with one supply."""
    session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings=dict(COMPANY)))
    org = SupplierOrganization(entity_name=ORGANIZATION, entity_type=1, country_id=81, subregion_id=1,
                               micro_region="函館", invoice_name=ORGANIZATION, honorific_title="御中",
                               invoice_number=ORGANIZATION_NUMBER, phone="0138-00-0000", fax="0138-00-0001",
                               email="kumiai@example.jp", active=True)
    other = SupplierOrganization(entity_name="青森漁協", entity_type=1, country_id=81, subregion_id=2,
                                 invoice_name="青森漁協", honorific_title="御中", invoice_number="T5555555555555",
                                 active=True)
    session.add_all([org, other])
    session.flush()
    session.add(Address(addressable_type="Oroshi::SupplierOrganization", addressable_id=org.id,
                        postal_code="040-0001", subregion_id=1, city="函館市", address1="豊川町1-2",
                        address2="組合ビル2階", default=True))
    producers: dict[int, Supplier] = {}
    for number, (name, registration) in PRODUCERS.items():
        producers[number] = Supplier(supplier_organization_id=org.id, supplier_number=number, company_name=name,
                                     short_name=name[:2], invoice_name=name, honorific_title="様",
                                     invoice_number=registration, representatives=[], active=True)
    outsider = Supplier(supplier_organization_id=other.id, supplier_number=OTHER_PRODUCER[0],
                        company_name=OTHER_PRODUCER[1], invoice_name=OTHER_PRODUCER[1], honorific_title="様",
                        invoice_number=OTHER_PRODUCER[2], representatives=[], active=True)
    session.add_all([*producers.values(), outsider])
    reception = SupplyReceptionTime(hour=8, time_qualifier="午前")
    session.add(reception)

    variations: dict[str, SupplyTypeVariation] = {}
    types: dict[str, SupplyType] = {}
    specs = dict(VARIATIONS)
    if standard_rate:
        specs["box"] = BOX
    for key, (type_name, variation_name, units, type_pos, var_pos) in specs.items():
        if type_name not in types:
            types[type_name] = SupplyType(name=type_name, units=units, position=type_pos, active=True)
            session.add(types[type_name])
            session.flush()
        variation = SupplyTypeVariation(supply_type_id=types[type_name].id, name=variation_name,
                                        position=var_pos, active=True)
        session.add(variation)
        variations[key] = variation
    session.flush()
    if standard_rate:
        session.add(SupplyTypeTaxRate(supply_type_id=types[BOX[0]].id, tax_rate=Decimal("0.10")))

    supplies = raw_supplies(standard_rate=standard_rate)
    dates: dict[date, SupplyDate] = {}
    for day in sorted({s.day for s in supplies}):
        dates[day] = SupplyDate(date=day, totals={})
        session.add(dates[day])
    session.flush()
    for index, s in enumerate(supplies):
        supplier = outsider if s.producer is None else producers[s.producer]
        session.add(Supply(supply_date_id=dates[s.day].id, supplier_id=supplier.id,
                           supply_type_variation_id=variations[s.variation].id,
                           supply_reception_time_id=reception.id, quantity=float(s.quantity),
                           price=float(s.price), entry_index=index, locked=False))
    invoice = Invoice(start_date=START, end_date=END, invoice_layout=2, send_email=True, send_at=SEND_AT)
    session.add(invoice)
    session.flush()
    session.add(InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org.id,
                                            completed=False, passwords={}))
    session.flush()
    return StatementFixture(organization_id=org.id, other_organization_id=other.id, invoice_id=invoice.id,
                            producer_ids={n: p.id for n, p in producers.items()}, supplies=supplies)
