"""Errors by kind (issue 11, point 6): a value someone can edit that is out of range (a tax rate, a
run's layout code, a format or layout word) is a ``UserError`` naming the record and the field, not a
bare ``ValueError`` reported as a bug; data written by the web system whose foreign key points at a
missing row is a ``BrokenReference`` naming the table, the row and the column, not "not found".
On SQLite and both PostgreSQL kinds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from jobs.documents import statement_pdf
from oroshi_desktop.db.models import Invoice, Order, Supply, SupplyTypeTaxRate
from oroshi_desktop.domain.statement_options import (
    StatementFormat,
    StatementLayout,
    statement_format,
    statement_layout,
)
from oroshi_desktop.errors import BrokenReference, InvalidValue, NotFound, UserError
from oroshi_desktop.mail.outbox import preview_invoice_mails
from oroshi_desktop.queries.shipping import load_packing_slips, load_shipping_chart
from oroshi_desktop.queries.statements import load_statement
from tests.helpers.broken_data import write_unchecked
from tests.printables.shipping_fixtures import DAY, build_shipping_fixture
from tests.printables.statement_fixtures import END, START, build_statement_fixture

MISSING = 999_999


@pytest.fixture
def statement_data(db):
    with db.write() as session:
        fixture = build_statement_fixture(session, standard_rate=True)
    return fixture


def load(db, fixture, **options):
    with db.read() as session:
        return load_statement(session, organization_id=fixture.organization_id, start=START, end=END,
                              fmt=options.get("fmt", "organization"), layout=options.get("layout", "simple"))


def test_format_and_layout_words_are_one_enum_with_the_stored_values():
    assert [f.value for f in StatementFormat] == ["organization", "supplier"]
    assert [layout.value for layout in StatementLayout] == ["simple", "standard"]
    assert statement_format("supplier") is StatementFormat.SUPPLIER
    assert statement_layout("standard") is StatementLayout.STANDARD
    with pytest.raises(UserError, match="format must be organization or supplier, got 'pdf'"):
        statement_format("pdf")
    with pytest.raises(UserError, match="layout must be simple or standard"):
        statement_layout(2)


def test_a_tax_rate_out_of_range_names_its_supply_type_and_field(db, statement_data):
    with db.write() as session:
        row = session.scalars(select(SupplyTypeTaxRate)).first()
        type_id = row.supply_type_id
        row.tax_rate = 1.5
    with pytest.raises(InvalidValue) as caught:
        load(db, statement_data)
    assert caught.value.field == "tax_rate" and f"supply type {type_id}" in caught.value.message
    assert f"供給種類 {type_id} の税率" in caught.value.message_ja and "tax_rate" in caught.value.message_ja


def test_an_unknown_layout_code_of_a_run_names_the_run_and_field(db, statement_data):
    with db.write() as session:
        session.execute(update(Invoice).where(Invoice.id == statement_data.invoice_id).values(invoice_layout=7))
    with pytest.raises(InvalidValue) as caught:  # was a bare ValueError from the IntEnum
        statement_pdf(db, invoice_id=statement_data.invoice_id, organization_id=statement_data.organization_id,
                      fmt="organization")
    assert caught.value.field == "invoice_layout" and caught.value.value == 7
    assert f"statement run {statement_data.invoice_id}" in caught.value.message


def test_a_supply_at_a_missing_variation_is_a_data_problem_not_a_silent_gap(db, statement_data):
    producer = statement_data.producer_ids[min(statement_data.producer_ids)]
    with db.read() as session:
        supply_id = session.scalar(select(Supply.id).where(Supply.supplier_id == producer).order_by(Supply.id))
    write_unchecked(db, f"UPDATE oroshi_supplies SET supply_type_variation_id = {MISSING} WHERE id = {supply_id}")
    with pytest.raises(BrokenReference) as caught:
        load(db, statement_data)
    err = caught.value
    assert (err.table, err.row_id, err.column, err.value) == ("oroshi_supplies", supply_id,
                                                              "supply_type_variation_id", MISSING)
    assert not isinstance(err, NotFound)
    assert "oroshi_supplies" in err.message_ja and str(supply_id) in err.message_ja


def test_a_run_row_at_a_missing_organization_is_a_data_problem(db, statement_data):
    write_unchecked(db, f"UPDATE oroshi_invoice_supplier_organizations SET supplier_organization_id = {MISSING} "
                        f"WHERE invoice_id = {statement_data.invoice_id}")
    with db.read() as session, pytest.raises(BrokenReference) as caught:
        preview_invoice_mails(session, statement_data.invoice_id)
    assert (caught.value.table, caught.value.column, caught.value.value) == (
        "oroshi_invoice_supplier_organizations", "supplier_organization_id", MISSING)


def test_an_order_at_a_missing_buyer_is_a_data_problem(db):
    with db.write() as session:
        ids = build_shipping_fixture(session)
    with db.read() as session:
        order_id = session.scalar(select(Order.id).where(Order.shipping_date == DAY).order_by(Order.id))
    assert order_id is not None
    write_unchecked(db, f"UPDATE oroshi_orders SET buyer_id = {MISSING} WHERE id = {order_id}")
    for loader in (lambda s: load_packing_slips(s, day=DAY),
                   lambda s: load_shipping_chart(s, day=DAY, carrier_id=ids.carrier_a)):
        with db.read() as session, pytest.raises(BrokenReference) as caught:
            loader(session)
        assert (caught.value.table, caught.value.row_id, caught.value.column) == ("oroshi_orders", order_id, "buyer_id")


def test_a_date_outside_is_not_confused_with_broken_data(db, statement_data):
    # The ordinary "not found" stays what it was: an id the user typed.
    with db.read() as session, pytest.raises(NotFound):
        load_statement(session, organization_id=MISSING, start=START, end=date(2025, 12, 31),
                       fmt="organization", layout="simple")
