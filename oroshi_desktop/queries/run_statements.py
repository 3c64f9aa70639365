"""Loading every statement of a run in a few queries: the same values ``load_statement`` gives one
organization at a time, and the same refusals, each kept with its organization.

Generating a run one organization at a time made some twenty queries per organization (the
checks, the archive figures, then each format: the organization, its address, its supplies, its
producers, the settings; the printed period once more when storing); here a run makes about ten
per ``CHUNK`` organizations (a bound parameter list every database accepts), whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import Address, Supplier, SupplierOrganization, Supply, SupplyDate
from oroshi_desktop.domain.parties import PostalAddress
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_body import SupplyRecord
from oroshi_desktop.domain.statement_options import StatementFormat, statement_format, statement_layout
from oroshi_desktop.errors import NotFound
from oroshi_desktop.queries.preferences import load_company, rounding, tax_rates
from oroshi_desktop.queries.statements import (
    ORGANIZATION_ADDRESSABLE,
    assemble_statement,
    check_period,
    supply_amounts,
    supply_query,
    supply_record,
    without_sections,
)

__all__ = ["CHUNK", "RunStatements", "load_run_statements"]

CHUNK = 500
_FETCH_PART = 5_000  # supply rows taken from the driver at a time


@dataclass
class RunStatements:
    """Per organization id its statements by format, or the reason it has none."""

    statements: dict[int, dict[str, PaymentStatement]] = field(default_factory=dict)
    # A UserError for data that cannot make a statement; any other exception is a bug met on this
    # organization's data, kept with it too so that the others are still made (the caller logs it).
    failures: dict[int, Exception] = field(default_factory=dict)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[index:index + CHUNK]) for index in range(0, len(ids), CHUNK)]


def _addresses(session: Session, ids: list[int]) -> dict[int, PostalAddress]:
    """Each organization's default address, else its first (``organization_address`` per organization)."""
    rows = session.execute(
        select(Address.addressable_id, Address.postal_code, Address.subregion_id, Address.city, Address.address1,
               Address.address2)
        .where(Address.addressable_type.in_(ORGANIZATION_ADDRESSABLE), Address.addressable_id.in_(ids))
        .order_by(Address.addressable_id, Address.default.desc().nulls_last(), Address.id))
    found: dict[int, PostalAddress] = {}
    for organization_id, postal_code, subregion_id, city, address1, address2 in rows:
        found.setdefault(organization_id, PostalAddress.build(postal_code, subregion_id, city, address1, address2))
    return found


def _records(session: Session, ids: list[int], start: date, end: date, *, all_numbers: bool
             ) -> tuple[dict[int, list[tuple[int, SupplyRecord]]], dict[int, Exception]]:
    """Each organization's supply records (``supply_records``), and the organizations that cannot
    have a statement, with the reason.

    With ``all_numbers`` (a generation: ``check_supplies`` runs before loading) every supply's
    quantity and price is checked, zero quantities included, and an organization with an unsound
    number fails on its lowest such supply; otherwise, and for the organizations whose numbers are
    sound, the first supply that cannot become a line (a broken reference, an unsound number) names
    the reason. One pass over the supplies of the period."""
    rates = tax_rates(session)
    records: dict[int, list[tuple[int, SupplyRecord]]] = defaultdict(list)
    unsound: dict[int, tuple[int, Exception]] = {}  # organization → (supply id, reason)
    broken: dict[int, Exception] = {}
    # The supplies of the organizations' producers (a subquery: no bound list of producers),
    # rather than of the organizations through the producers' join: PostgreSQL then reads the
    # supplies by producer (its index on supplier_id) instead of every supply of the period for
    # each part of the run (a part of 5 organizations of 200: 18 ms instead of 306 ms).
    conditions: list[ColumnElement[bool]] = [
        Supply.supplier_id.in_(select(Supplier.id).where(Supplier.supplier_organization_id.in_(ids))),
        SupplyDate.date.between(start, end)]
    if not all_numbers:
        conditions.append(Supply.quantity != 0)  # a zero quantity is on no statement
    # On the connection: plain rows, without the ORM's per-row processing (most supplies of a run),
    # fetched in parts rather than one row at a time.
    result = session.connection().execute(
        supply_query().add_columns(Supplier.supplier_organization_id).where(*conditions))
    for part in result.partitions(_FETCH_PART):
        for row in part:
            organization_id = row[-1]
            amounts = None
            if all_numbers:
                try:
                    amounts = supply_amounts(row)
                except Exception as err:  # no query in here: this organization's data
                    first = unsound.get(organization_id)
                    if first is None or row[11] < first[0]:
                        unsound[organization_id] = (row[11], err)
                    continue
                if organization_id in unsound or not amounts[0]:
                    continue
            if organization_id in broken:
                continue
            try:
                records[organization_id].append(supply_record(row, rates, amounts))
            except Exception as err:  # no query in here: this organization's data
                broken[organization_id] = err
    broken.update((organization_id, err) for organization_id, (_id, err) in unsound.items())
    return records, broken


def load_run_statements(session: Session, *, organization_ids: Sequence[int], start: date, end: date,
                        formats: Sequence[str], layout: str, statement_date: date | None = None,
                        readiness: Callable[[SupplierOrganization], None] | None = None) -> RunStatements:
    """Every organization's statement in each of ``formats``, as ``load_statement`` makes it.

    An organization whose data cannot make a statement (it is gone; with ``readiness``, the check
    an organization must pass (``mail.readiness.check_organization``, which the store cannot import
    from here), it fails that check or a supply's number is unsound, as ``check_supplies`` refuses;
    a supply names a missing variation) is in ``failures`` with that reason, in the order the checks
    before a generation find them; the others are loaded. A problem of the whole run (its period,
    its layout, the settings) is raised.
    """
    fmts = [statement_format(fmt) for fmt in formats]
    run_layout = statement_layout(layout)
    check_period(start, end)
    mode, company = rounding(session), load_company(session)
    result = RunStatements()
    for ids in _chunks(list(dict.fromkeys(organization_ids))):
        organizations = {org.id: org for org in session.scalars(
            select(SupplierOrganization).where(SupplierOrganization.id.in_(ids)))}
        addresses = _addresses(session, ids)
        records, broken = _records(session, ids, start, end, all_numbers=readiness is not None)
        producers: dict[int, list[Supplier]] = defaultdict(list)
        producer_ids = {sup_id for rows in records.values() for sup_id, _ in rows}
        if StatementFormat.SUPPLIER in fmts and producer_ids:
            for producer in session.scalars(select(Supplier).where(Supplier.id.in_(producer_ids))):
                producers[producer.supplier_organization_id].append(producer)
        for organization_id in ids:
            org = organizations.get(organization_id)
            try:
                # In the order the checks before a generation run: the organization, then its supplies.
                if org is None:
                    raise NotFound(f"supplier organization {organization_id} does not exist",
                                   f"供給組織 {organization_id} が見つかりません")
                if readiness is not None:
                    readiness(org)
                if organization_id in broken:
                    raise broken[organization_id]
                made: dict[StatementFormat, PaymentStatement] = {}
                for fmt in sorted(fmts, key=lambda fmt: fmt is not StatementFormat.SUPPLIER):  # supplier first
                    if fmt is StatementFormat.ORGANIZATION and StatementFormat.SUPPLIER in made:
                        made[fmt] = without_sections(made[StatementFormat.SUPPLIER])  # its body built once
                        continue
                    made[fmt] = assemble_statement(
                        org, addresses.get(organization_id, PostalAddress()), records.get(organization_id, []),
                        producers.get(organization_id, []), fmt=fmt, layout=run_layout, start=start, end=end,
                        statement_date=statement_date, company=company, mode=mode)
                result.statements[organization_id] = {fmt.value: made[fmt] for fmt in fmts}
            except Exception as err:  # no query in here: this organization's data
                result.failures[organization_id] = err
    return result
