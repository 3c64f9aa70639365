"""A statement run's organization rows as generation and sending see them: which rows to make, the
rows marked pending and loaded for rendering (checked, a part of the run at once), their PDFs
stored with their passwords and archive facts.

The store's half of ``jobs.statements`` (which renders and sends): every query and write here,
each function one transaction through ``Database.reading`` / ``Database.writing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, STATEMENT_OWNER_TYPE, store_version
from oroshi_desktop.domain.filenames import statement_filename
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.schedule import issue_date
from oroshi_desktop.domain.statement_options import StatementFormat
from oroshi_desktop.errors import BrokenReference, NotFound, UserError
from oroshi_desktop.mail.outbox.states import duplicate_rows
from oroshi_desktop.mail.readiness import check_organization, check_run, load_issuer, statement_period
from oroshi_desktop.queries.archive_facts import Figures, figures_of, record_facts, storable
from oroshi_desktop.queries.run_statements import load_run_statements

RunRow = tuple[int, int, str | None]  # organization row id, organization id, its name (None: gone)


def run_rows(session: Session, invoice_id: int, only: Iterable[int] | None = None
             ) -> tuple[date, date, list[RunRow]]:
    """The run's period and its organization rows in order (``only``: those rows)."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"statement run {invoice_id} has no date range",
                        f"支払い明細書 {invoice_id} に期間がありません")
    query = (select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.supplier_organization_id,
                    SupplierOrganization.entity_name)
             # outer: a row naming a missing organization fails alone, by name, instead of vanishing
             .outerjoin(SupplierOrganization,
                        SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
             .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
             .order_by(InvoiceSupplierOrganization.id))
    if only is not None:
        query = query.where(InvoiceSupplierOrganization.id.in_(list(only)))
    duplicates = duplicate_rows(session, invoice_id)  # an organization named twice: one statement
    rows: list[tuple[int, int, str | None]] = [
        (iso_id, organization_id, name) for iso_id, organization_id, name in session.execute(query)
        if iso_id not in duplicates]
    return invoice.start_date, invoice.end_date, rows


def mark_pending(session: Session, iso_ids: Iterable[int]) -> None:
    """Not completed (a send is refused) while the rows' PDFs are being replaced."""
    session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.id.in_(list(iso_ids)))
                    .values(completed=False, updated_at=utcnow())
                    .execution_options(synchronize_session=False))


@dataclass(frozen=True)
class RowStatements:
    """An organization row's statements, loaded for rendering, with what storing them records."""

    statements: dict[str, PaymentStatement]  # by format
    figures: Figures | None  # the archive facts, checked storable
    printed: tuple[date, date]  # the period the PDFs print (``statement_period``)


def load_rows(session: Session, invoice_id: int, rows: Sequence[RunRow], tz: ZoneInfo
              ) -> dict[int, RowStatements | Exception]:
    """Each row's statements in every format, loaded for the whole part of the run at once
    (``load_run_statements``), or the reason it cannot make one: what ``check_row``,
    ``checked_figures`` and loading each format one by one give, in their order (a missing
    organization, the run's own problems, the organization, its supplies, the archive's limits)."""
    invoice = session.get(Invoice, invoice_id)
    missing: dict[int, Exception] = {
        iso_id: BrokenReference(InvoiceSupplierOrganization.__tablename__, iso_id, "supplier_organization_id",
                                organization_id) for iso_id, organization_id, name in rows if name is None}
    if invoice is None:
        gone = NotFound(f"statement run {invoice_id} was deleted", f"支払い明細書 {invoice_id} が削除されました")
        return {iso_id: gone for iso_id, _organization_id, _name in rows}
    try:
        check_run(invoice)
        load_issuer(session)
        layout = InvoiceLayout.of_run(invoice)
    except UserError as err:
        return {iso_id: missing.get(iso_id, err) for iso_id, _organization_id, _name in rows}
    assert invoice.start_date is not None and invoice.end_date is not None
    start, end = invoice.start_date, invoice.end_date
    late: UserError | None = None  # found after the organization's own checks
    try:
        statement_date = issue_date(invoice.send_at, tz)
    except UserError as err:
        statement_date, late = None, err
    loaded = load_run_statements(session, organization_ids=[org for iso, org, _name in rows if iso not in missing],
                                 start=start, end=end, formats=STATEMENT_KINDS, layout=layout,
                                 statement_date=statement_date, readiness=check_organization)
    found: dict[int, RowStatements | Exception] = {}  # in the order of the rows
    for iso_id, organization_id, _name in rows:
        failure = missing.get(iso_id) or loaded.failures.get(organization_id, late)
        if failure is not None:
            found[iso_id] = failure
            continue
        statements = loaded.statements[organization_id]
        try:
            figures = storable(figures_of(statements[StatementFormat.SUPPLIER]))
        except UserError as err:
            found[iso_id] = err
            continue
        body = statements[StatementFormat.ORGANIZATION].body
        found[iso_id] = RowStatements(statements, figures, (body.first_date or start, body.last_date or end))
    return found


def store_statements(session: Session, *, invoice_id: int, iso_id: int, organization_id: int, entity_name: str,
                     start: date, end: date, rendered: Sequence[tuple[str, bytes, str]], tz: ZoneInfo,
                     figures: Figures | None = None, keys: Mapping[str, str] | None = None,
                     printed: tuple[date, date] | None = None) -> list[int]:
    """Store a row's PDFs (format, bytes, password) with their archive facts (``figures``, checked
    before rendering), keep the passwords on the row and mark it completed; returns the new
    document ids. The file names state the period the PDFs and the mail print (``printed``, when
    the caller has it from the statements it rendered).

    ``keys``: each format's content key (``statement_versions.statement_keys``). A format whose
    current PDF already carries its key (stored meanwhile by another generation) keeps that PDF and
    its password: no new version, no archive facts, no chain link."""
    iso = session.get(InvoiceSupplierOrganization, iso_id)
    if iso is None:
        raise NotFound(f"statement run {invoice_id}: organization row {iso_id} was deleted",
                       f"支払い明細書 {invoice_id} の組織行 {iso_id} が削除されました")
    passwords: dict[str, str] = {}
    stored: list[tuple[int, str]] = []  # the archive facts are recorded with the new PDFs
    if printed is None:
        printed = statement_period(session, organization_id, start, end)  # what the PDF and the mail say
    for fmt, pdf, password in rendered:
        filename = statement_filename(entity_name, *printed, fmt)

        def usable(current: StoredDocument, name: str = filename) -> bool:  # its name, its password kept
            return current.filename == name and str(current.id) in _stored_passwords(session, iso_id)

        document, new = store_version(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso_id, kind=fmt,
                                      filename=filename, content=pdf, content_key=(keys or {}).get(fmt),
                                      usable=usable)
        passwords[str(document.id)] = password if new else _stored_passwords(session, iso_id)[str(document.id)]
        if new:
            stored.append((document.id, fmt))
    if stored:
        record_facts(session, stored, invoice_id=invoice_id, organization_id=organization_id, tz=tz,
                     figures=figures)
    iso.passwords = passwords
    iso.completed = True
    iso.updated_at = utcnow()
    return [document_id for document_id, _fmt in stored]


def _stored_passwords(session: Session, iso_id: int) -> dict[str, str]:
    """The row's passwords as committed now (a column query: another generation's, not this session's copy)."""
    stored = session.scalar(select(InvoiceSupplierOrganization.passwords).where(InvoiceSupplierOrganization.id == iso_id))
    return dict(stored or {})


def rows_to_generate(session: Session, invoice_id: int, sender: str, *, resend: bool = False) -> list[int]:
    """Organization rows without finished PDFs, except those whose permanent failure still stands
    (same data as when they failed: generating again would fail the same way), unless a person
    asked for a resend."""
    from oroshi_desktop.mail.outbox.preparation import blocked_rows

    pending = list(session.scalars(select(InvoiceSupplierOrganization.id)
                                   .where(InvoiceSupplierOrganization.invoice_id == invoice_id,
                                          InvoiceSupplierOrganization.completed.is_not(True))
                                   .order_by(InvoiceSupplierOrganization.id)))
    blocked = blocked_rows(session, invoice_id, pending, sender=sender) if pending and not resend else set()
    blocked |= set(duplicate_rows(session, invoice_id))  # a duplicated organization row is never generated
    return [iso_id for iso_id in pending if iso_id not in blocked]


def organization_rows(session: Session, invoice_id: int) -> list[int]:
    return list(session.scalars(select(InvoiceSupplierOrganization.id)
                                .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                                .order_by(InvoiceSupplierOrganization.id)))
