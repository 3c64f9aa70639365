"""Benchmark: a run generated, then generated again unchanged (issue 21, point 7): how long each
takes and how many documents the store holds after each.

    python bench/regenerate_run.py [--scale 10] [--times 3]

Builds a throwaway demo database (SQLite), takes its largest run and generates it ``--times``
times; prints, per generation, the wall and CPU time, the PDFs stored and kept, and the store's
document count; then the CPU time of the content keys alone (one statement load per organization).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from jobs.statements import generate_statement_rows
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import InvoiceSupplierOrganization, StoredDocument
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.statement_versions import statement_keys

TZ = ZoneInfo("Asia/Tokyo")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--times", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="oroshi-bench-")
    db = open_database(f"sqlite:///{folder}/bench.sqlite3")
    schema.upgrade(db)
    generate_demo(db, scale=args.scale, seed=0)
    with db.read() as session:
        invoice_id, organizations = session.execute(
            select(InvoiceSupplierOrganization.invoice_id, func.count())
            .group_by(InvoiceSupplierOrganization.invoice_id).order_by(func.count().desc())).first()
        organization_ids = session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                                           .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()

    def documents() -> int:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(StoredDocument)) or 0

    for number in range(1, args.times + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        result = generate_statement_rows(db, invoice_id, tz=TZ)
        print(f"generation {number}: run {invoice_id} ({organizations} organizations): "
              f"{time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU, "
              f"{len(result.document_ids)} stored, {len(result.unchanged)} kept, {len(result.failures)} failed, "
              f"{documents()} documents in the store")
    cpu = time.process_time()
    for organization_id in organization_ids:
        db.reading(statement_keys, invoice_id, organization_id, TZ)
    print(f"content keys alone: {len(organization_ids)} organizations: {time.process_time() - cpu:.3f} s CPU")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
