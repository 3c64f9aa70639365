"""The statement archive (電子帳簿保存法): every statement PDF ever stored, searchable by issue date,
amount and counterparty, checkable against its SHA-256 and exportable as CSV.

Amount, tax, issue date and counterparty are the archive facts recorded with each PDF
(``oroshi_desktop_archive_facts``, see ``archive_facts``), so a search filters, sorts and pages in
one SQL query on SQLite and PostgreSQL alike. A PDF stored without facts (before revision 0004,
or by a test fixture) gets them on the next search (``fill_missing_facts``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    ArchiveFacts,
    InvoiceSupplierOrganization,
    StoredDocument,
    Supplier,
    SupplierOrganization,
)
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, sha256_hex
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.domain.statement_body import PRINTED_RATES
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.archive_facts import PRODUCER_SEPARATOR, fill_missing_facts
from oroshi_desktop.queries.search_text import contains
from oroshi_desktop.table_export import csv_text

__all__ = ["SORT_KEYS", "ArchiveCriteria", "ArchiveEntry", "IntegrityProblem", "archive_csv", "archive_ids",
           "count_archive", "csv_text", "entries_by_id", "search_archive", "verify_documents"]

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


# The sort keys of the search (the archive table's columns); the document id breaks ties.
SORT_KEYS: dict[str, Any] = {
    "issued": ArchiveFacts.issued, "counterparty": ArchiveFacts.counterparty,
    "registration_number": ArchiveFacts.registration_number, "amount": ArchiveFacts.amount,
    "kind": StoredDocument.kind, "version": StoredDocument.version, "filename": StoredDocument.filename,
    "sha256": StoredDocument.sha256, "id": StoredDocument.id,
}


def _within(query: Select[Any], column: Any, low: object | None, high: object | None) -> Select[Any]:
    """``query`` narrowed to ``low <= column <= high``, both ends included; a bound of None is open."""
    if low is not None:
        query = query.where(column >= low)
    if high is not None:
        query = query.where(column <= high)
    return query


def _matching(query: Select[Any], criteria: ArchiveCriteria) -> Select[Any]:
    """``query`` (over the documents, their organization row and facts) narrowed to ``criteria``."""
    query = (query
             .join(InvoiceSupplierOrganization, InvoiceSupplierOrganization.id == StoredDocument.owner_id)
             .join(ArchiveFacts, ArchiveFacts.document_id == StoredDocument.id)
             .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE, ArchiveFacts.amount.is_not(None)))
    query = _within(query, ArchiveFacts.issued, criteria.issued_from, criteria.issued_to)
    query = _within(query, ArchiveFacts.amount, criteria.amount_min, criteria.amount_max)
    needle = criteria.counterparty.strip()
    if needle:
        def like(column: Any) -> Any:
            return contains(column, needle)

        # today's names of the organization and its producers, and the names as printed
        organization = select(SupplierOrganization.id).where(
            SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id,
            or_(like(SupplierOrganization.entity_name), like(SupplierOrganization.invoice_name))).exists()
        producer = select(Supplier.id).where(
            Supplier.supplier_organization_id == InvoiceSupplierOrganization.supplier_organization_id,
            or_(like(Supplier.company_name), like(Supplier.invoice_name))).exists()
        query = query.where(or_(
            organization, like(ArchiveFacts.counterparty),
            (StoredDocument.kind == "supplier") & (producer | like(ArchiveFacts.producers))))
    return query


def _ordered(query: Select[Any], sort: str, descending: bool) -> Select[Any]:
    column = SORT_KEYS[sort]
    ties = StoredDocument.id.desc() if descending else StoredDocument.id.asc()
    return query.order_by(column.desc() if descending else column.asc(), ties)


def _entry(row: Any) -> ArchiveEntry:
    password = (row.passwords or {}).get(str(row.id))
    return ArchiveEntry(
        document_id=row.id, kind=row.kind, version=row.version, filename=row.filename, sha256=row.sha256,
        byte_size=row.byte_size, invoice_id=row.invoice_id, organization_id=row.supplier_organization_id,
        issued=row.issued, counterparty=row.counterparty, registration_number=row.registration_number,
        producers=tuple(name for name in row.producers.split(PRODUCER_SEPARATOR) if name),
        amount=Decimal(row.amount), password=str(password) if password else None,
        taxes=tuple((Decimal(rate), Decimal(base), Decimal(tax)) for rate, base, tax in row.taxes or ()))


def _entry_query() -> Select[Any]:
    return select(StoredDocument.id, StoredDocument.kind, StoredDocument.version, StoredDocument.filename,
                  StoredDocument.sha256, StoredDocument.byte_size, InvoiceSupplierOrganization.invoice_id,
                  InvoiceSupplierOrganization.supplier_organization_id, InvoiceSupplierOrganization.passwords,
                  ArchiveFacts.issued, ArchiveFacts.amount, ArchiveFacts.counterparty,
                  ArchiveFacts.registration_number, ArchiveFacts.producers, ArchiveFacts.taxes)


def search_archive(session: Session, criteria: ArchiveCriteria, *, tz: ZoneInfo = BUSINESS_TZ_DEFAULT,
                   check: Callable[[], None] | None = None, sort: str = "id", descending: bool = True,
                   limit: int | None = None, offset: int = 0, fill: bool = True) -> list[ArchiveEntry]:
    """The stored statements matching ``criteria``, newest first unless ``sort`` says otherwise;
    ``limit``/``offset`` page through them. Missing facts are recorded first unless ``fill`` is
    False (the caller did it in a write session); ``check`` is called between statement loads
    there (a cancel point for the GUI)."""
    criteria.check()
    if fill:
        fill_missing_facts(session, tz=tz, check=check)
    query = _ordered(_matching(_entry_query(), criteria), sort, descending)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_entry(row) for row in session.execute(query)]


def count_archive(session: Session, criteria: ArchiveCriteria) -> int:
    """How many stored statements match (facts are taken as they are: call a search first)."""
    criteria.check()
    return session.scalar(_matching(select(func.count(StoredDocument.id)), criteria)) or 0


def search_page(session: Session, criteria: ArchiveCriteria, *, tz: ZoneInfo, limit: int
                ) -> tuple[list[ArchiveEntry], int]:
    """The first ``limit`` matches and how many there are in all (counted only when more may be)."""
    entries = search_archive(session, criteria, tz=tz, limit=limit, fill=False)
    return entries, count_archive(session, criteria) if len(entries) >= limit else len(entries)


def archive_ids(session: Session, criteria: ArchiveCriteria, *, sort: str = "id",
                descending: bool = True) -> list[int]:
    """Every matching document id in order (one integer column: the paged table's row list)."""
    criteria.check()
    return list(session.scalars(_ordered(_matching(select(StoredDocument.id), criteria), sort, descending)))


def entries_by_id(session: Session, document_ids: Sequence[int]) -> dict[int, ArchiveEntry]:
    """The entries of ``document_ids`` (one page of the table), by primary key."""
    if not document_ids:
        return {}
    query = _matching(_entry_query(), ArchiveCriteria()).where(StoredDocument.id.in_(list(document_ids)))
    return {entry.document_id: entry for entry in map(_entry, session.execute(query))}


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


def verify_search(session: Session, criteria: ArchiveCriteria, shown: Sequence[int], *, complete: bool,
                  step: Callable[[int, int], None] | None = None) -> tuple[int, list[IntegrityProblem]]:
    """The archive check of a search: the ``shown`` documents when they are all of its matches,
    else every match; how many were checked and the ones whose SHA-256 no longer matches."""
    ids = list(shown) if complete else archive_ids(session, criteria)
    return len(ids), verify_documents(session, ids, step=step)


def _yen(value: Decimal) -> str:
    return f"{value.quantize(Decimal(1))}"


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
