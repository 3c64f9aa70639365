"""The supply list's SQL (days, ids, sort, filters, counts) against Python over every supply of the
demo, on SQLite and both PostgreSQL kinds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Supplier, SupplierOrganization, Supply, SupplyDate
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.queries.supply_list import (
    SupplyFilter,
    SupplySort,
    day_choices,
    first_page,
    supply_counts,
    supply_days,
    supply_ids,
    supply_rows,
)

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = date(2026, 3, 16)
Row = tuple[int, date, int, int, int, float, float]  # id, day, prefecture, organization, time, qty, price


@pytest.fixture
def demo(db: Database) -> tuple[Database, list[Row]]:
    generate_demo(db, scale=1, seed=0, today=TODAY)
    with db.read() as session:
        rows = [tuple(r) for r in session.execute(
            select(Supply.id, SupplyDate.date, SupplierOrganization.subregion_id, SupplierOrganization.id,
                   Supply.supply_reception_time_id, Supply.quantity, Supply.price)
            .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
            .join(Supplier, Supplier.id == Supply.supplier_id)
            .join(SupplierOrganization, SupplierOrganization.id == Supplier.supplier_organization_id))]
    return db, rows  # type: ignore[return-value]


def test_days_are_those_with_deliveries(demo: tuple[Database, list[Row]]) -> None:
    db, rows = demo
    with db.read() as session:
        days = supply_days(session, date(2026, 2, 1), date(2026, 3, 31))
    assert days == sorted({r[1] for r in rows if r[5] > 0 and date(2026, 2, 1) <= r[1] <= date(2026, 3, 31)})
    assert days


def test_filters_counts_and_choices(demo: tuple[Database, list[Row]]) -> None:
    db, rows = demo
    day = max(r[1] for r in rows if r[5] > 0 and r[6] == 0)  # a day with an unpriced supply
    delivered = [r for r in rows if r[1] == day and r[5] > 0]
    sample = delivered[0]
    cases = [
        (SupplyFilter(day=day), delivered),
        (SupplyFilter(day=day, prefecture_id=sample[2]), [r for r in delivered if r[2] == sample[2]]),
        (SupplyFilter(day=day, reception_time_id=sample[4]), [r for r in delivered if r[4] == sample[4]]),
        (SupplyFilter(day=day, organization_id=sample[3]), [r for r in delivered if r[3] == sample[3]]),
        (SupplyFilter(day=day, unpriced_only=True), [r for r in delivered if r[6] == 0]),
        (SupplyFilter(day=day, prefecture_id=sample[2], reception_time_id=sample[4], organization_id=sample[3]),
         [r for r in delivered if (r[2], r[4], r[3]) == (sample[2], sample[4], sample[3])]),
    ]
    with db.read() as session:
        for f, expected in cases:
            assert sorted(supply_ids(session, f)) == sorted(r[0] for r in expected), f
            counts = supply_counts(session, f)
            assert (counts.count, counts.unpriced) == (len(expected), sum(1 for r in expected if r[6] == 0))
        choices = day_choices(session, day)
    assert cases[4][1], "the day has an unpriced supply"
    assert choices.prefecture_ids == tuple(sorted({r[2] for r in delivered}))
    assert {t.id for t in choices.reception_times} == {r[4] for r in delivered}
    assert {o for o, _name in choices.organizations} == {r[3] for r in delivered}


@pytest.mark.parametrize("sort", list(SupplySort))
def test_every_sort(demo: tuple[Database, list[Row]], sort: SupplySort) -> None:
    db, rows = demo
    day = max(r[1] for r in rows if r[5] > 0)
    f = SupplyFilter(day=day)
    with db.read() as session:
        ids = supply_ids(session, f, sort)
        down = supply_ids(session, f, sort, descending=True)
        cells = supply_rows(session, ids)
        page_ids, page_rows = first_page(session, f, sort, False, limit=5)
    assert set(ids) == set(down) == set(cells) and len(ids) == len(set(ids))
    key = {SupplySort.QUANTITY: lambda r: r.quantity, SupplySort.PRICE: lambda r: r.price,
           SupplySort.LOCKED: lambda r: r.locked, SupplySort.PREFECTURE: lambda r: r.prefecture_id}.get(sort)
    if key is not None:
        values = [key(cells[i]) for i in ids]
        assert values == sorted(values)
        assert [key(cells[i]) for i in down] == sorted(values, reverse=True)
    assert page_ids == ids[:5] and set(page_rows) == set(page_ids)
