"""Hostile numbers (issue 10 point 3): NaN, infinities, negative and absurd quantities and prices,
inverted ranges and empty runs never become a document with a wrong total. Each is refused naming
the record and the field (English and Japanese); in a statement run only the organization with
the bad supply fails. Lines above the plausible amount are warned about, never refused.

On SQLite a NaN cannot be stored in the NOT NULL float columns (sqlite3 writes it as NULL), so the
database cases use the infinities there; PostgreSQL stores all of them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from jobs.statements import generate_statement_rows
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import InvoiceSupplierOrganization, Order, Supplier, Supply, SupplyDate
from oroshi_desktop.domain.quantities import (
    MAX_ORDER_QUANTITY,
    MAX_QUANTITY,
    MAX_UNIT_PRICE,
    order_quantity,
    supply_number,
)
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.check_sheet import load_check_sheet
from oroshi_desktop.queries.run_planning import plan_warnings
from oroshi_desktop.queries.shipping import load_packing_slips, load_shipping_chart, load_shipping_list
from oroshi_desktop.queries.statements import load_statement
from oroshi_desktop.statement_run_editing import NewRun, create_run
from tests.printables.check_sheet_fixtures import DAY as SHEET_DAY
from tests.printables.check_sheet_fixtures import build_check_sheet_fixture
from tests.printables.shipping_fixtures import DAY as SHIP_DAY
from tests.printables.shipping_fixtures import build_shipping_fixture
from tests.printables.statement_fixtures import END, START, build_statement_fixture

BAD_SUPPLY_VALUES = [float("nan"), float("inf"), float("-inf"), -1.0, -0.5, 1e300, float(MAX_QUANTITY) + 1,
                     "NaN", "Infinity", "-1e5", "abc", True, Decimal("sNaN")]
BAD_ORDER_VALUES = [-1, -(2**31), MAX_ORDER_QUANTITY + 1, 2**63 - 1, float("nan"), float("inf"), 2.5, "3", True]


class TestDomain:
    @pytest.mark.parametrize("value", BAD_SUPPLY_VALUES, ids=repr)
    @pytest.mark.parametrize(("field", "ja"), [("quantity", "数量"), ("price", "単価")])
    def test_bad_supply_number_names_supply_and_field(self, value: object, field: str, ja: str) -> None:
        with pytest.raises(UserError) as caught:
            supply_number(value, supply_id=4711, field=field)  # type: ignore[arg-type]
        assert "supply 4711" in caught.value.message and field in caught.value.message
        assert "供給 4711" in caught.value.message_ja and ja in caught.value.message_ja

    @pytest.mark.parametrize("value", BAD_ORDER_VALUES, ids=repr)
    def test_bad_order_quantity_names_order_and_field(self, value: object) -> None:
        with pytest.raises(UserError) as caught:
            order_quantity(value, order_id=42, field="freight_quantity")  # type: ignore[arg-type]
        assert "order 42" in caught.value.message and "freight_quantity" in caught.value.message
        assert "注文 42" in caught.value.message_ja and "貨物数量" in caught.value.message_ja

    def test_sound_numbers_pass_exactly(self) -> None:
        assert supply_number(12.1, supply_id=1, field="quantity") == Decimal("12.1")
        assert supply_number(0, supply_id=1, field="price") == 0
        assert supply_number(None, supply_id=1, field="price") == 0
        assert supply_number(float(MAX_UNIT_PRICE), supply_id=1, field="price") == MAX_UNIT_PRICE
        assert order_quantity(MAX_ORDER_QUANTITY, order_id=1, field="item_quantity") == MAX_ORDER_QUANTITY
        assert order_quantity(3.0, order_id=1, field="item_quantity") == 3


def _bad_values(db: Database) -> list[float]:
    values = [float("inf"), float("-inf"), -3.0, 1e300]
    return [*values, float("nan")] if db.url.get_backend_name() == "postgresql" else values


def _statement_fixture(db: Database):  # type: ignore[no-untyped-def]
    with db.write() as session:
        return build_statement_fixture(session)


def _one_supply(db: Database, organization_id: int) -> int:
    with db.read() as session:
        return int(session.scalar(
            select(Supply.id).join(Supplier, Supply.supplier_id == Supplier.id)
            .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
            .where(Supplier.supplier_organization_id == organization_id, SupplyDate.date == START,
                   Supply.quantity > 0, Supply.price > 0).order_by(Supply.id).limit(1)))


@pytest.mark.parametrize("field", ["quantity", "price"])
def test_statement_refuses_a_bad_supply_naming_it(db: Database, field: str) -> None:
    fixture = _statement_fixture(db)
    supply_id = _one_supply(db, fixture.organization_id)
    tried = 0
    for value in _bad_values(db):
        with db.write() as session:
            session.execute(update(Supply).where(Supply.id == supply_id).values({field: value}))
        with db.read() as session, pytest.raises(UserError) as caught:
            load_statement(session, organization_id=fixture.organization_id, start=START, end=END,
                           fmt="organization", layout="simple")
        assert f"supply {supply_id}: {field}" in caught.value.message, value
        assert f"供給 {supply_id} " in caught.value.message_ja
        tried += 1
    print(f"statement: {tried} bad {field} values refused")


def test_inverted_range_and_empty_run_are_refused(db: Database) -> None:
    fixture = _statement_fixture(db)
    with db.read() as session, pytest.raises(UserError, match="before its start"):
        load_statement(session, organization_id=fixture.organization_id, start=END, end=START,
                       fmt="organization", layout="simple")
    with db.read() as session:
        assert plan_warnings(session, END, START, [fixture.organization_id]) == []


def test_one_bad_supply_fails_its_organization_not_the_run(db: Database) -> None:
    fixture = _statement_fixture(db)
    supply_id = _one_supply(db, fixture.organization_id)
    with db.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(quantity=-7.0))
        run_id = create_run(session, NewRun(start=START, end=END, layout="simple", send_email=False,
                                            send_at=datetime(2025, 10, 16, tzinfo=UTC),
                                            organization_ids=(fixture.organization_id,
                                                              fixture.other_organization_id)))
    result = generate_statement_rows(db, run_id, tz=BUSINESS_TZ_DEFAULT)
    with db.read() as session:
        rows = {iso.supplier_organization_id: iso for iso in session.scalars(
            select(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == run_id))}
    bad, good = rows[fixture.organization_id], rows[fixture.other_organization_id]
    assert set(result.failures) == {bad.id}
    assert f"supply {supply_id}: quantity is -7.0" in result.failures[bad.id].message
    assert not bad.completed and good.completed and len(result.document_ids) == 2


def test_plausibility_warning_lists_big_lines_and_bad_numbers(db: Database) -> None:
    fixture = _statement_fixture(db)
    supply_id = _one_supply(db, fixture.organization_id)
    with db.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(quantity=1000.0, price=6000.0))
    orgs = [fixture.organization_id, fixture.other_organization_id]
    with db.read() as session:
        default = plan_warnings(session, START, END, orgs)
        off = plan_warnings(session, START, END, orgs, plausible_line_amount=None)
        low = plan_warnings(session, START, END, orgs, plausible_line_amount=5_000)
    big = [w for w in default if w.kind == "implausible"]
    assert len(big) == 1 and big[0].organization_id == fixture.organization_id
    assert "5,000,000円 を超える明細行があります（1件" in big[0].text and "6,000,000円" in big[0].text
    assert not [w for w in off if w.kind == "implausible"]
    assert {w.organization_id for w in low if w.kind == "implausible"} == set(orgs)
    with db.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(price=float("inf")))
    with db.read() as session:
        warnings = plan_warnings(session, START, END, orgs)
    invalid = [w for w in warnings if w.kind == "invalid_number"]
    assert len(invalid) == 1 and f"供給 {supply_id} の単価" in invalid[0].text
    assert warnings[0].kind == "invalid_number"  # read first: that organization will not be made


def test_check_sheet_refuses_negative_and_infinite_quantities(db: Database) -> None:
    with db.write() as session:
        fx = build_check_sheet_fixture(session)
    with db.read() as session:
        supply_id = session.scalar(select(Supply.id).where(Supply.supply_reception_time_id == fx.morning)
                                   .order_by(Supply.id).limit(1))
    times = [fx.morning, fx.afternoon, fx.night]
    for value in _bad_values(db):
        with db.write() as session:
            session.execute(update(Supply).where(Supply.id == supply_id).values(quantity=value))
        with db.read() as session, pytest.raises(UserError) as caught:
            load_check_sheet(session, day=SHEET_DAY, prefecture_ids=[1, 2], reception_time_ids=times)
        assert f"supply {supply_id}: quantity" in caught.value.message, value


@pytest.mark.parametrize("field", ["item_quantity", "receptacle_quantity", "freight_quantity"])
def test_shipping_documents_refuse_a_bad_order_quantity(db: Database, field: str) -> None:
    with db.write() as session:
        ids = build_shipping_fixture(session)
        order_id = session.scalar(select(Order.id).where(Order.shipping_date == SHIP_DAY,
                                                         Order.shipping_method_id == ids.chilled)
                                  .order_by(Order.id).limit(1))
    for value in (-1, MAX_ORDER_QUANTITY + 1, 2**31 - 1):
        with db.write() as session:
            session.execute(update(Order).where(Order.id == order_id).values({field: value}))
        for load in (lambda s: load_shipping_chart(s, day=SHIP_DAY, carrier_id=ids.carrier_a),
                     lambda s: load_packing_slips(s, day=SHIP_DAY, carrier_id=ids.carrier_a),
                     lambda s: load_shipping_list(s, day=SHIP_DAY)):
            with db.read() as session, pytest.raises(UserError) as caught:
                load(session)
            assert f"order {order_id}: {field} is {value}" in caught.value.message
