"""Benchmark: a full statement run — every organization of one invoice × both formats, with passwords.

    python bench/render_run.py --database URL --invoice ID [--organizations 20]

Prints per-document figures and, as its last line, ``total_ms=<number>``.
"""

from __future__ import annotations

import argparse
import resource
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from jobs.documents import statement_pdf
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import InvoiceSupplierOrganization


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--invoice", type=int, required=True)
    parser.add_argument("--organizations", type=int, default=20, help="at most this many organizations")
    args = parser.parse_args()
    database = open_database(args.database)
    with database.read() as session:
        org_ids = list(session.scalars(
            select(InvoiceSupplierOrganization.supplier_organization_id)
            .where(InvoiceSupplierOrganization.invoice_id == args.invoice)
            .order_by(InvoiceSupplierOrganization.id).limit(args.organizations)))
    statement_pdf(database, invoice_id=args.invoice, organization_id=org_ids[0], fmt="organization",
                  password="warmup00")  # fonts and imports
    started = time.perf_counter()
    pages_bytes = 0
    for org_id in org_ids:
        for fmt in ("organization", "supplier"):
            pages_bytes += len(statement_pdf(database, invoice_id=args.invoice, organization_id=org_id, fmt=fmt,
                                             password=secrets.token_hex(4)))
    total_ms = (time.perf_counter() - started) * 1000
    documents = len(org_ids) * 2
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"organizations={len(org_ids)} documents={documents} bytes={pages_bytes:,} "
          f"per_document_ms={total_ms / documents:.1f} peak_rss_mb={rss_mb:.0f}")
    print(f"total_ms={total_ms:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
