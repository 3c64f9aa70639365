"""Loading a whole run's statements in a few queries gives exactly what loading each organization
alone gives, and each organization's refusal stays with it (SQLite and both PostgreSQL kinds)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
)
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.document_store import STATEMENT_KINDS as STATEMENT_FORMATS
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.readiness import check_organization, check_supplies
from oroshi_desktop.queries import run_statements
from oroshi_desktop.queries.run_statements import load_run_statements
from oroshi_desktop.queries.statements import load_statement

TODAY = date(2026, 3, 16)  # the demo's dates hang on it; any day gives the same comparison


def runs_of(db) -> list[tuple[Invoice, list[int]]]:
    with db.read() as session:
        runs = []
        for invoice in session.scalars(select(Invoice).order_by(Invoice.id)):
            ids = list(session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                                       .where(InvoiceSupplierOrganization.invoice_id == invoice.id)
                                       .order_by(InvoiceSupplierOrganization.id)))
            session.expunge(invoice)
            runs.append((invoice, ids))
        return runs


def one_by_one(session, invoice: Invoice, ids: list[int], layout: str) -> tuple[dict, dict]:
    """What generating the run one organization at a time loads (checks first, then each format)."""
    statements, failures = {}, {}
    for organization_id in ids:
        try:
            organization = session.get(SupplierOrganization, organization_id)
            if organization is not None:
                check_organization(organization)
                check_supplies(session, organization_id, invoice.start_date, invoice.end_date)
            statements[organization_id] = {
                fmt: load_statement(session, organization_id=organization_id, start=invoice.start_date,
                                    end=invoice.end_date, fmt=fmt, layout=layout, statement_date=invoice.end_date)
                for fmt in STATEMENT_FORMATS}
        except UserError as err:
            failures[organization_id] = err.message
    return statements, failures


@pytest.mark.parametrize("chunk", [500, 2])
def test_a_run_loaded_at_once_equals_each_organization_loaded_alone(db, monkeypatch, chunk):
    monkeypatch.setattr(run_statements, "CHUNK", chunk)  # 2: many chunks, each with its own queries
    generate_demo(db, scale=2, seed=0, today=TODAY)
    runs = runs_of(db)
    target = max(runs, key=lambda run: len(run[1]))
    # Data that refuses a statement, one kind per organization of the first run: an unsound price,
    # an empty registration number; and an organization id that does not exist.
    invoice, ids = target
    assert len(ids) >= 3
    with db.write() as session:
        bad_supply = session.scalar(select(Supply.id).join(Supplier, Supplier.id == Supply.supplier_id)
                                    .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
                                    .where(Supplier.supplier_organization_id == ids[0], Supply.quantity != 0,
                                           SupplyDate.date.between(invoice.start_date, invoice.end_date))
                                    .order_by(Supply.id).limit(1))
        session.execute(update(Supply).where(Supply.id == bad_supply).values(price=float("inf")))
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == ids[1])
                        .values(invoice_number=""))
    compared = 0
    for invoice, ids in runs:
        ids = [*ids, 987654] if invoice.id == target[0].id else ids
        for layout in ("simple", "standard"):
            with db.read() as session:
                batch = load_run_statements(session, organization_ids=ids, start=invoice.start_date,
                                            end=invoice.end_date, formats=STATEMENT_FORMATS, layout=layout,
                                            statement_date=invoice.end_date, readiness=check_organization)
                statements, failures = one_by_one(session, invoice, ids, layout)
            assert batch.statements == statements
            assert {org: err.message for org, err in batch.failures.items()} == failures
            compared += len(statements)
    assert compared >= 8
    first = target[1]
    with db.read() as session:
        batch = load_run_statements(session, organization_ids=[*first, 987654], start=target[0].start_date,
                                    end=target[0].end_date, formats=STATEMENT_FORMATS, layout="simple",
                                    readiness=check_organization)
    assert f"supply {bad_supply}: price" in batch.failures[first[0]].message
    assert "invoice_number" in batch.failures[first[1]].message
    assert "987654" in batch.failures[987654].message
    assert set(batch.statements) == set(first[2:])


def test_a_bug_met_on_one_organizations_data_stays_with_it(db, monkeypatch):
    generate_demo(db, scale=1, seed=0, today=TODAY)
    invoice, ids = max(runs_of(db), key=lambda run: len(run[1]))
    real = run_statements.assemble_statement

    def assemble(org, *args, **kwargs):
        if org.id == ids[0]:
            raise ZeroDivisionError("a bug on this organization's data")
        return real(org, *args, **kwargs)

    monkeypatch.setattr(run_statements, "assemble_statement", assemble)
    with db.read() as session:
        batch = load_run_statements(session, organization_ids=ids, start=invoice.start_date,
                                    end=invoice.end_date, formats=STATEMENT_FORMATS, layout="simple",
                                    readiness=check_organization)
    assert isinstance(batch.failures[ids[0]], ZeroDivisionError)
    assert set(batch.statements) == set(ids[1:])


def test_an_organization_fails_on_its_lowest_unsound_supply_zero_quantities_included(db):
    """One pass over the supplies checks every number: the reason is the one ``check_supplies`` gives
    (the lowest supply id, a zero-quantity row too), and the other organizations are made."""
    generate_demo(db, scale=1, seed=3, today=TODAY)
    invoice, ids = max(runs_of(db), key=lambda run: len(run[1]))
    with db.write() as session:
        supplies = list(session.scalars(
            select(Supply.id).join(Supplier, Supplier.id == Supply.supplier_id)
            .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
            .where(Supplier.supplier_organization_id == ids[0], Supply.quantity != 0,
                   SupplyDate.date.between(invoice.start_date, invoice.end_date))
            .order_by(Supply.id)))
        low, high = supplies[1], supplies[-1]
        # The lower one is on no statement (quantity 0) but its price is negative; the higher one
        # would be met first by a scan that skipped zero quantities.
        session.execute(update(Supply).where(Supply.id == low).values(quantity=0, price=-5.0))
        session.execute(update(Supply).where(Supply.id == high).values(quantity=-2.0))
    with db.read() as session:
        batch = load_run_statements(session, organization_ids=ids, start=invoice.start_date,
                                    end=invoice.end_date, formats=STATEMENT_FORMATS, layout="simple",
                                    statement_date=invoice.end_date, readiness=check_organization)
        statements, failures = one_by_one(session, invoice, ids, "simple")
    assert f"supply {low}: price" in batch.failures[ids[0]].message
    assert {org: err.message for org, err in batch.failures.items()} == failures
    assert batch.statements == statements and set(statements) == set(ids[1:])
