"""Benchmark: the statement archive on the demo data — a search without criteria (every stored
statement with its derived amount and tax), a counterparty search, and 整合性チェック over all.

    python bench/archive.py [--scale 1] [--runs 5]

Builds a throwaway SQLite demo database, generates the PDFs of every demo run (so the document
store holds two formats per organization row), then times each step K times and prints medians.
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
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="oroshi-bench-archive-")
    os.environ["OROSHI_HOME"] = home
    from sqlalchemy import select

    from jobs.statements import generate_statements
    from oroshi_desktop.db import schema
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.db.models import Invoice
    from oroshi_desktop.demo import generate_demo
    from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
    from oroshi_desktop.queries.archive import ArchiveCriteria, search_archive, verify_documents

    db = open_database(f"sqlite:///{Path(home) / 'bench.sqlite3'}")
    schema.upgrade(db)
    generate_demo(db, scale=args.scale, seed=0)
    with db.read() as session:
        invoices = list(session.scalars(select(Invoice.id)))
    for invoice_id in invoices:
        try:
            generate_statements(db, invoice_id, tz=BUSINESS_TZ_DEFAULT)
        except Exception as err:  # a demo run without organizations: skip it, say so
            print(f"run {invoice_id} not generated: {err}")
    with db.read() as session:
        entries = search_archive(session, ArchiveCriteria())
    ids = [e.document_id for e in entries]
    print(f"stored statements: {len(entries)} (runs: {len(invoices)})")

    def search_all() -> None:
        with db.read() as session:
            search_archive(session, ArchiveCriteria())

    def search_name() -> None:
        with db.read() as session:
            search_archive(session, ArchiveCriteria(counterparty="北海"))

    def verify() -> None:
        with db.read() as session:
            verify_documents(session, ids)

    print(f"search_all_ms={median_ms(search_all, args.runs):.1f}")
    print(f"search_counterparty_ms={median_ms(search_name, args.runs):.1f}")
    print(f"verify_all_ms={median_ms(verify, args.runs):.1f}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
