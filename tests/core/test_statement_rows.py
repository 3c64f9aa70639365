"""A run's rows loaded for generation a part at a time (``load_rows``) give what generating each row
alone gave: the checks in their order, the archive figures, each format's statement as the PDF of
one row loads it, and the period the files are named by (SQLite and both PostgreSQL kinds). The
mail's preparation reads the printed periods of a part at once (``statement_periods``): the same."""

from __future__ import annotations

from zoneinfo import ZoneInfo

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
from oroshi_desktop.document_store import STATEMENT_KINDS
from oroshi_desktop.errors import BrokenReference, UserError
from oroshi_desktop.mail.readiness import (
    check_organization,
    check_run,
    check_supplies,
    load_issuer,
    statement_period,
    statement_periods,
)
from oroshi_desktop.queries.archive_facts import statement_figures, storable
from oroshi_desktop.queries.statements import load_issued_statement
from oroshi_desktop.statement_rows import RowStatements, load_rows, run_rows
from tests.helpers.broken_data import write_unchecked

TZ = ZoneInfo("Asia/Tokyo")


def one_row(session, invoice_id: int, iso_id: int, organization_id: int) -> RowStatements | str:
    """What the generation did for one row before it loaded a run at once (its message on refusal)."""
    invoice = session.get(Invoice, invoice_id)
    try:
        organization = session.get(SupplierOrganization, organization_id)
        if organization is None:
            raise BrokenReference(InvoiceSupplierOrganization.__tablename__, iso_id, "supplier_organization_id",
                                  organization_id)
        check_run(invoice)
        load_issuer(session)
        check_organization(organization)
        check_supplies(session, organization_id, invoice.start_date, invoice.end_date)
        figures = storable(statement_figures(session, invoice_id, organization_id, TZ))
        statements = {fmt: load_issued_statement(session, invoice_id=invoice_id, organization_id=organization_id,
                                                 fmt=fmt, tz=TZ) for fmt in STATEMENT_KINDS}
    except UserError as err:
        return err.message
    printed = statement_period(session, organization_id, invoice.start_date, invoice.end_date)
    return RowStatements(statements, figures, printed)


def test_a_part_loaded_at_once_equals_each_row_loaded_alone(db):
    generate_demo(db, scale=2, seed=0)
    with db.read() as session:
        invoice_ids = list(session.scalars(select(Invoice.id).order_by(Invoice.id)))
    target, rows = max(((invoice_id, db.reading(run_rows, invoice_id)[2]) for invoice_id in invoice_ids),
                       key=lambda run: len(run[1]))
    assert len(rows) >= 4
    # One refusal of each kind on the first rows: an unsound price, an empty registration number,
    # a supply naming a missing variation; and a row naming an organization that is gone.
    with db.write() as session:
        invoice = session.get(Invoice, target)

        def first_supply(organization_id: int) -> int:
            return session.scalar(select(Supply.id).join(Supplier, Supplier.id == Supply.supplier_id)
                                  .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
                                  .where(Supplier.supplier_organization_id == organization_id, Supply.quantity != 0,
                                         SupplyDate.date.between(invoice.start_date, invoice.end_date))
                                  .order_by(Supply.id).limit(1))

        session.execute(update(Supply).where(Supply.id == first_supply(rows[0][1])).values(price=float("inf")))
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == rows[1][1])
                        .values(invoice_number=""))
        broken_supply = first_supply(rows[2][1])
    write_unchecked(db, f"UPDATE oroshi_supplies SET supply_type_variation_id = 987654 WHERE id = {broken_supply}")
    write_unchecked(db, "UPDATE oroshi_invoice_supplier_organizations SET supplier_organization_id = 876543 "
                        f"WHERE id = {rows[3][0]}")
    compared = refused = 0
    for invoice_id in invoice_ids:
        _start, _end, rows = db.reading(run_rows, invoice_id)
        with db.read() as session:
            loaded = load_rows(session, invoice_id, rows, TZ)
            assert list(loaded) == [iso_id for iso_id, _org, _name in rows]
            for iso_id, organization_id, _name in rows:
                expected = one_row(session, invoice_id, iso_id, organization_id)
                found = loaded[iso_id]
                if isinstance(expected, str):
                    assert isinstance(found, UserError) and found.message == expected
                    refused += 1
                else:
                    assert found == expected
                    compared += 1
    assert refused >= 4 and compared >= 3  # an organization in two runs is refused in both


def test_a_problem_of_the_run_refuses_every_row_and_a_gone_organization_says_so(sqlite_db):
    generate_demo(sqlite_db, scale=1, seed=0)
    with sqlite_db.write() as session:
        invoice_id = session.scalar(select(Invoice.id).order_by(Invoice.id).limit(1))
        session.execute(update(Invoice).where(Invoice.id == invoice_id).values(invoice_layout=7))
    _start, _end, rows = sqlite_db.reading(run_rows, invoice_id)
    gone = (rows[0][0], 876543, None)
    with sqlite_db.read() as session:
        loaded = load_rows(session, invoice_id, [gone, *rows[1:]], TZ)
    assert isinstance(loaded[gone[0]], BrokenReference)
    assert all(isinstance(loaded[iso_id], UserError) and "invoice_layout" in loaded[iso_id].message
               for iso_id, _org, _name in rows[1:])


def test_the_periods_read_at_once_are_each_rows_period_and_a_refused_row_is_left_to_itself(db):
    generate_demo(db, scale=2, seed=0)
    with db.read() as session:
        invoice = session.scalars(select(Invoice).order_by(Invoice.id)).first()
        start, end = invoice.start_date, invoice.end_date
        organization_ids = list(session.scalars(select(SupplierOrganization.id).order_by(SupplierOrganization.id)))
        unsound, broken = (session.scalar(select(Supply.id).join(Supplier, Supplier.id == Supply.supplier_id)
                                          .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
                                          .where(Supplier.supplier_organization_id == organization_id,
                                                 Supply.quantity != 0, SupplyDate.date.between(start, end))
                                          .order_by(Supply.id).limit(1))
                           for organization_id in organization_ids[:2])
    with db.write() as session:
        session.execute(update(Supply).where(Supply.id == unsound).values(price=float("inf")))
    write_unchecked(db, f"UPDATE oroshi_supplies SET supply_type_variation_id = 987654 WHERE id = {broken}")
    with db.read() as session:
        periods = statement_periods(session, [*organization_ids, 876543], start, end)
        assert set(organization_ids[:2]).isdisjoint(periods)  # each raises on its own row
        for organization_id in organization_ids[:2]:
            with pytest.raises(UserError):
                statement_period(session, organization_id, start, end)
        assert periods.pop(876543) == (start, end)  # no supplies: the run's period, as statement_period says
        assert periods == {organization_id: statement_period(session, organization_id, start, end)
                           for organization_id in organization_ids[2:]}
        assert len(set(periods.values())) > 1
