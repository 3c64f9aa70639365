"""The statement archive (電子帳簿保存法): every statement PDF ever stored, searchable by issue date,
amount and counterparty, checkable against its SHA-256 and exportable as CSV.

Amount and tax are not stored with a document. They are derived the cheapest correct way: the
supplies a run covers are locked by the run (``oroshi_invoice_supply_dates``), so loading the run's
statement again (``load_statement``, the very function that fed the PDF) gives the printed figures.
That costs one statement load per organization row of a run, shared by its two formats and all
their versions; the SQL part narrows the rows (counterparty, dates where known) first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    StoredDocument,
    Supplier,
    SupplierOrganization,
)
from oroshi_desktop.documents import STATEMENT_OWNER_TYPE, sha256_hex
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.domain.statement import PRINTED_RATES
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.statements import load_statement

__all__ = ["ArchiveCriteria", "ArchiveEntry", "IntegrityProblem", "archive_csv", "csv_text", "search_archive",
           "verify_documents"]

CSV_HEADER_JA = ("発行日", "取引先", "登録番号", "支払金額", *(
    f"{label}{int(rate * 100)}%" for rate in PRINTED_RATES for label in ("対象額", "消費税")),
    "ファイル名", "版", "SHA-256")


@dataclass(frozen=True)
class ArchiveCriteria:
    """Every field optional; the ones set must all match (AND)."""

    issued_from: date | None = None
    issued_to: date | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    counterparty: str = ""

    def check(self) -> None:
        if self.issued_from and self.issued_to and self.issued_to < self.issued_from:
            raise UserError("issue date: the end is before the start",
                            "発行日: 終了日が開始日より前です")
        if self.amount_min is not None and self.amount_max is not None and self.amount_max < self.amount_min:
            raise UserError("amount: the maximum is below the minimum",
                            "金額: 上限が下限より小さくなっています")


@dataclass(frozen=True)
class ArchiveEntry:
    document_id: int
    kind: str                      # organization / supplier (the statement format)
    version: int
    filename: str
    sha256: str
    byte_size: int
    invoice_id: int
    organization_id: int
    issued: date | None
    counterparty: str
    registration_number: str
    producers: tuple[str, ...]     # the producers named in a supplier-format statement
    amount: Decimal
    taxes: tuple[tuple[Decimal, Decimal, Decimal], ...] = field(default=())  # (rate, base, tax)
    password: str | None = None    # kept only for the newest generation of a row

    @property
    def counterparty_display(self) -> str:
        if self.kind == "supplier" and self.producers:
            return f"{self.counterparty}（{'、'.join(self.producers)}）"
        return self.counterparty


@dataclass(frozen=True)
class IntegrityProblem:
    document_id: int
    filename: str
    version: int
    stored_sha256: str
    actual_sha256: str


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _candidate_rows(session: Session, criteria: ArchiveCriteria) -> list[tuple]:  # type: ignore[type-arg]
    query = (
        select(StoredDocument.id, StoredDocument.kind, StoredDocument.version, StoredDocument.filename,
               StoredDocument.sha256, StoredDocument.byte_size, InvoiceSupplierOrganization.id,
               InvoiceSupplierOrganization.passwords, Invoice.id, SupplierOrganization.id)
        .join(InvoiceSupplierOrganization, InvoiceSupplierOrganization.id == StoredDocument.owner_id)
        .join(Invoice, Invoice.id == InvoiceSupplierOrganization.invoice_id)
        .join(SupplierOrganization, SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
        .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE)
        .order_by(StoredDocument.id.desc())
    )
    needle = criteria.counterparty.strip()
    if needle:
        pattern = _like(needle)
        by_producer = (select(Supplier.id).where(
            Supplier.supplier_organization_id == SupplierOrganization.id,
            or_(Supplier.company_name.ilike(pattern, escape="\\"),
                Supplier.invoice_name.ilike(pattern, escape="\\"))).exists())
        query = query.where(or_(
            SupplierOrganization.entity_name.ilike(pattern, escape="\\"),
            SupplierOrganization.invoice_name.ilike(pattern, escape="\\"),
            (StoredDocument.kind == "supplier") & by_producer))
    return list(session.execute(query))


@dataclass(frozen=True)
class _Figures:
    issued: date | None
    counterparty: str
    registration_number: str
    producers: tuple[str, ...]
    amount: Decimal
    taxes: tuple[tuple[Decimal, Decimal, Decimal], ...]


def _figures(session: Session, invoice_id: int, organization_id: int, tz: ZoneInfo) -> _Figures | None:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None or invoice.start_date is None or invoice.end_date is None:
        return None
    layout = InvoiceLayout(invoice.invoice_layout or InvoiceLayout.SIMPLE).word
    statement_date = invoice.send_at.astimezone(tz).date() if invoice.send_at else None
    statement = load_statement(session, organization_id=organization_id, start=invoice.start_date,
                               end=invoice.end_date, fmt="supplier", layout=layout, statement_date=statement_date)
    return _Figures(
        issued=statement.printed_date, counterparty=statement.receiver.name,
        registration_number=statement.receiver.registration_number,
        producers=tuple(s.receiver.name for s in statement.sections),
        amount=statement.total,
        taxes=tuple((b.rate, b.base, b.tax) for b in statement.body.tax_buckets),
    )


def _matches(entry: ArchiveEntry, criteria: ArchiveCriteria) -> bool:
    if criteria.issued_from and (entry.issued is None or entry.issued < criteria.issued_from):
        return False
    if criteria.issued_to and (entry.issued is None or entry.issued > criteria.issued_to):
        return False
    if criteria.amount_min is not None and entry.amount < criteria.amount_min:
        return False
    return not (criteria.amount_max is not None and entry.amount > criteria.amount_max)


def search_archive(session: Session, criteria: ArchiveCriteria, *, tz: ZoneInfo = BUSINESS_TZ_DEFAULT,
                   check: Callable[[], None] | None = None) -> list[ArchiveEntry]:
    """The stored statements matching ``criteria``, newest first. ``check`` is called between
    statement loads (a cancel point for the GUI)."""
    criteria.check()
    figures: dict[tuple[int, int], _Figures | None] = {}
    entries: list[ArchiveEntry] = []
    for (doc_id, kind, version, filename, digest, size, _iso_id, passwords, invoice_id,
         organization_id) in _candidate_rows(session, criteria):
        key = (invoice_id, organization_id)
        if key not in figures:
            if check is not None:
                check()
            figures[key] = _figures(session, invoice_id, organization_id, tz)
        fig = figures[key]
        if fig is None:
            continue
        password = (passwords or {}).get(str(doc_id))
        entry = ArchiveEntry(
            document_id=doc_id, kind=kind, version=version, filename=filename, sha256=digest,
            byte_size=size, invoice_id=invoice_id, organization_id=organization_id, issued=fig.issued,
            counterparty=fig.counterparty, registration_number=fig.registration_number,
            producers=fig.producers if kind == "supplier" else (), amount=fig.amount, taxes=fig.taxes,
            password=str(password) if password else None)
        if _matches(entry, criteria):
            entries.append(entry)
    return entries


def verify_documents(session: Session, document_ids: Sequence[int], *,
                     step: Callable[[int, int], None] | None = None) -> list[IntegrityProblem]:
    """Recompute each stored file's SHA-256; the ones that no longer match their stored digest.
    One document read at a time, so a large archive never sits in memory at once."""
    problems: list[IntegrityProblem] = []
    total = len(document_ids)
    for done, document_id in enumerate(document_ids, start=1):
        row = session.execute(select(StoredDocument.content, StoredDocument.sha256, StoredDocument.filename,
                                     StoredDocument.version).where(StoredDocument.id == document_id)).first()
        if row is not None:
            actual = sha256_hex(bytes(row.content))
            if actual != row.sha256:
                problems.append(IntegrityProblem(document_id, row.filename, row.version, row.sha256, actual))
        if step is not None:
            step(done, total)
    return problems


def _yen(value: Decimal) -> str:
    return f"{value.quantize(Decimal(1))}"


# A cell Excel would run as a formula (CSV injection: "=HYPERLINK(…)", "+cmd|…", "@SUM(…)"), or whose
# leading tab/CR Excel drops before reading it so: the cell gets a leading apostrophe, which Excel
# reads as "text" and does not show. Only text taken from records passes here, never our numbers.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text cell safe to open in Excel: a leading formula character is neutralised with ``'``."""
    return "'" + value if value.startswith(FORMULA_START) else value


def archive_csv(entries: Iterable[ArchiveEntry], header: Sequence[str] = CSV_HEADER_JA) -> bytes:
    """UTF-8 with a BOM and CRLF line ends: Excel on Windows opens it without an import dialog.
    Text from the records (names, registration numbers, file names) passes ``csv_text``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for entry in entries:
        by_rate = {rate: (base, tax) for rate, base, tax in entry.taxes}
        taxes = [_yen(part) for rate in PRINTED_RATES for part in by_rate.get(rate, (Decimal(0), Decimal(0)))]
        writer.writerow([entry.issued.isoformat() if entry.issued else "", csv_text(entry.counterparty_display),
                         csv_text(entry.registration_number), _yen(entry.amount), *taxes, csv_text(entry.filename),
                         entry.version, entry.sha256])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
