"""Benchmark: the statement archive on the demo data — the SQL search (archive facts) against the
in-memory search it replaced (one statement load per organization row, then filtered in Python),
without criteria, by counterparty, by amount and combined with a page; the backfill; 整合性チェック.

    python bench/archive.py [--scale 1] [--runs 5] [--copies 100] [--url postgresql+psycopg://…]

Builds a throwaway demo database (SQLite unless ``--url`` names an empty PostgreSQL database),
generates the PDFs of every demo run, then copies each organization row ``--copies`` times as
further runs over the same period (each copy stores two small PDFs), so the archive has
thousands of rows; times each step K times and prints medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="oroshi-bench-archive-")
    os.environ["OROSHI_HOME"] = home
    from decimal import Decimal

    from sqlalchemy import select

    from jobs.statements import generate_statements
    from oroshi_desktop.db import schema
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, StoredDocument
    from oroshi_desktop.demo import generate_demo
    from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, store_document
    from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
    from oroshi_desktop.queries.archive import ArchiveCriteria, search_archive, verify_documents
    from oroshi_desktop.queries.archive_facts import fill_missing_facts, statement_figures

    db = open_database(args.url or f"sqlite:///{Path(home) / 'bench.sqlite3'}")
    schema.upgrade(db)
    generate_demo(db, scale=args.scale, seed=0)
    with db.read() as session:
        invoices = list(session.scalars(select(Invoice.id)))
    for invoice_id in invoices:
        try:
            generate_statements(db, invoice_id, tz=BUSINESS_TZ_DEFAULT)
        except Exception as err:  # a demo run without organizations: skip it, say so
            print(f"run {invoice_id} not generated: {err}")
    with db.write() as session:  # the copies: more runs over the same periods, PDFs without facts
        rows = session.execute(select(InvoiceSupplierOrganization.invoice_id,
                                      InvoiceSupplierOrganization.supplier_organization_id)
                               .join(Invoice, Invoice.id == InvoiceSupplierOrganization.invoice_id)
                               .where(Invoice.start_date.is_not(None))).all()
        for copy in range(args.copies):
            for invoice_id, organization_id in rows:
                original = session.get(Invoice, invoice_id)
                invoice = Invoice(start_date=original.start_date, end_date=original.end_date,
                                  invoice_layout=original.invoice_layout, send_email=False, send_at=original.send_at)
                session.add(invoice)
                session.flush()
                iso = InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=organization_id,
                                                  passwords={})
                session.add(iso)
                session.flush()
                for kind in ("organization", "supplier"):
                    store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso.id, kind=kind,
                                   filename=f"copy{copy}_{kind}.pdf", content=f"%PDF-1.4 {copy}".encode())
    with db.write() as session:
        start = time.perf_counter()
        recorded = fill_missing_facts(session)
        backfill_ms = (time.perf_counter() - start) * 1000
    with db.read() as session:
        entries = search_archive(session, ArchiveCriteria())
        amounts = sorted(e.amount for e in entries)
    ids = [e.document_id for e in entries]
    organization_rows = len({(e.invoice_id, e.organization_id) for e in entries})
    print(f"stored statements: {len(entries)} in {organization_rows} organization rows "
          f"(demo runs: {len(invoices)}, copies: {args.copies}); backfill recorded {recorded}")
    middle = amounts[len(amounts) // 2]

    def in_memory(criteria: ArchiveCriteria) -> int:
        """The search as it was before the facts table: a statement load per organization row."""
        with db.read() as session:
            query = (select(StoredDocument.id, InvoiceSupplierOrganization.invoice_id,
                            InvoiceSupplierOrganization.supplier_organization_id)
                     .join(InvoiceSupplierOrganization, InvoiceSupplierOrganization.id == StoredDocument.owner_id)
                     .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE).order_by(StoredDocument.id.desc()))
            cache: dict = {}
            found = 0
            for _doc, invoice_id, organization_id in session.execute(query):
                key = (invoice_id, organization_id)
                if key not in cache:
                    cache[key] = statement_figures(session, invoice_id, organization_id)
                fig = cache[key]
                if fig is None:
                    continue
                if criteria.amount_min is not None and fig.amount < criteria.amount_min:
                    continue
                if criteria.counterparty and criteria.counterparty not in fig.counterparty:
                    continue
                found += 1
            return found

    def sql(criteria: ArchiveCriteria, limit: int | None = None) -> int:
        with db.read() as session:
            return len(search_archive(session, criteria, limit=limit))

    cases = {
        "all": ArchiveCriteria(),
        "counterparty": ArchiveCriteria(counterparty="北海"),
        "amount": ArchiveCriteria(amount_min=Decimal(middle)),
        "combined": ArchiveCriteria(amount_min=Decimal(middle), counterparty="北海"),
    }
    print(f"backfill_ms={backfill_ms:.1f} ({recorded} PDFs)")
    for name, criteria in cases.items():
        count = sql(criteria)
        assert count == in_memory(criteria) or criteria.counterparty, name  # same rows (name match differs)
        sql_ms = median_ms(lambda c=criteria: sql(c), args.runs)
        page_ms = median_ms(lambda c=criteria: sql(c, limit=100), args.runs)
        old_ms = median_ms(lambda c=criteria: in_memory(c), max(1, min(args.runs, 3)))
        print(f"search_{name}: rows={count} sql_ms={sql_ms:.1f} sql_first_100_ms={page_ms:.1f} "
              f"in_memory_ms={old_ms:.1f}")

    def verify() -> None:
        with db.read() as session:
            verify_documents(session, ids)

    print(f"verify_all_ms={median_ms(verify, args.runs):.1f}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
