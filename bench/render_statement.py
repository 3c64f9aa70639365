"""Benchmark: render one payment statement K times in one process and report the median.

From a database (the period and statement date come from an ``oroshi_invoices`` row)::

    python bench/render_statement.py --database sqlite:///demo.sqlite3 --invoice 1 --organization 2 \
        --format organization --layout simple --runs 20 [--lines N]

or without one, with N synthetic lines shaped like the Prawn anchor
(``/work/shared/anchors/prawn_statement.rb``: 4 variations, days spread over 15,
quantity ``((i*37)%200)/2+5``, price ``600+(i*131)%3900``)::

    python bench/render_statement.py --synthetic-lines 600 --runs 20

The statement is loaded once, rendered once to warm up (font loading, imports), then rendered K
times with a password, so AES-256 encryption is included in every timing. ``--lines N`` keeps only
the first N detail lines of a statement loaded from the database. The peak RSS of the process is
printed, and the last line is always ``median_ms=<number>``.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

# Run as a script from anywhere: the project root holds the packages.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.parties import Company, PostalAddress, Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement, ProducerSection
from oroshi_desktop.domain.statement_body import StatementBody, SupplyRecord, build_body
from printables.statement import render_statement

PASSWORD = "0a1b2c3d"
BUSINESS_TZ = ZoneInfo("Asia/Tokyo")
VARIATIONS = ("鮭 (フィレカット)", "鮭 (丸ごと)", "マグロ (サク)", "ホタテ (活)")
COMPANY = Company(name="株式会社オロシサーモン", postal_code="060-0042", address="北海道札幌市中央区大通西1-1-1",
                  phone="011-555-0123", fax="011-555-0124", mail="info@oroshi.example")


def synthetic_records(lines: int, producers: int = 3) -> list[SupplyRecord]:
    """``lines`` supplies that group into exactly ``lines`` statement lines (prices never repeat
    within a day and variation, since 131 and 3900 are coprime)."""
    records = []
    for i in range(lines):
        day = 1 + i * 15 // lines
        records.append(SupplyRecord(
            date=date(2025, 10, day), supplier_id=1 + i % producers, variation_id=1 + i % 4,
            variation_name=VARIATIONS[i % 4], unit="kg", type_position=1 + (i % 4) // 2,
            variation_position=1 + i % 2, quantity=Decimal((i * 37) % 200) / 2 + 5,
            price=Decimal(600 + (i * 131) % 3900),
        ))
    return records


def synthetic_statement(lines: int, fmt: str, layout: str) -> PaymentStatement:
    records = synthetic_records(lines)
    receiver = Receiver(name="北海水産協同組合", honorific="御中", registration_number="T9876543210987",
                        address=PostalAddress("040-0001", "北海道函館市豊川町1-2"), phone="0138-00-0000")
    sections: tuple[ProducerSection, ...] = ()
    if fmt == "supplier":
        sections = tuple(
            ProducerSection(
                supplier_id=n, supplier_number=n, company_name=f"生産者{n}",
                receiver=Receiver(name=f"生産者{n}", honorific="様", registration_number=f"T{n:013d}", number=n),
                body=build_body([r for r in records if r.supplier_id == n], Rounding.HALF_UP),
            )
            for n in sorted({r.supplier_id for r in records})
        )
    return PaymentStatement(
        format=fmt, layout=layout, period_start=date(2025, 10, 1), period_end=date(2025, 10, 15),
        statement_date=date(2025, 10, 16), organization_id=1, organization_name="北海水産協同組合",
        micro_region="", receiver=receiver, company=COMPANY, body=build_body(records, Rounding.HALF_UP),
        sections=sections,
    )


def _truncate(body: StatementBody, lines: int) -> StatementBody:
    """The body rebuilt from its first ``lines`` lines (one record per line regroups identically)."""
    records = [
        SupplyRecord(date=ln.date, supplier_id=0, variation_id=ln.variation_id, variation_name=ln.variation_name,
                     unit=ln.unit, type_position=ln.order_key[1] if ln.order_key and not ln.order_key[0] else None,
                     variation_position=ln.order_key[3] if ln.order_key and not ln.order_key[2] else None,
                     quantity=ln.quantity, price=ln.unit_price, tax_rate=ln.tax_rate)
        for ln in body.lines[:lines]
    ]
    return build_body(records, body.rounding)


def database_statement(url: str, invoice_id: int, organization_id: int, fmt: str, layout: str,
                       lines: int | None) -> PaymentStatement:
    from dataclasses import replace

    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.db.models import Invoice
    from oroshi_desktop.queries.statements import load_statement

    database = open_database(url)
    try:
        with database.read() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None or invoice.start_date is None or invoice.end_date is None:
                raise SystemExit(f"invoice {invoice_id} not found or without a period")
            send_at = invoice.send_at
            statement_date = send_at.astimezone(BUSINESS_TZ).date() if send_at is not None else None
            statement = load_statement(session, organization_id=organization_id, start=invoice.start_date,
                                       end=invoice.end_date, fmt=fmt, layout=layout,
                                       statement_date=statement_date)
    finally:
        database.dispose()
    if lines is not None:
        statement = replace(statement, body=_truncate(statement.body, lines),
                            sections=tuple(replace(s, body=_truncate(s.body, lines)) for s in statement.sections))
    return statement


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="database URL (sqlite:///FILE or postgresql://USER@HOST/DB)")
    parser.add_argument("--invoice", type=int, help="oroshi_invoices id: period and statement date")
    parser.add_argument("--organization", type=int, help="supplier organization id")
    parser.add_argument("--format", choices=("organization", "supplier"), default="organization")
    parser.add_argument("--layout", choices=("simple", "standard"), default="simple")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lines", type=int, help="keep only the first N lines of the loaded statement")
    parser.add_argument("--synthetic-lines", type=int, help="no database: N lines like the Prawn anchor")
    parser.add_argument("--out", type=Path, help="also write the last PDF here")
    args = parser.parse_args(argv)
    if args.synthetic_lines is not None:
        statement = synthetic_statement(args.synthetic_lines, args.format, args.layout)
    elif args.database and args.invoice is not None and args.organization is not None:
        statement = database_statement(args.database, args.invoice, args.organization, args.format,
                                       args.layout, args.lines)
    else:
        parser.error("give --synthetic-lines N, or --database, --invoice and --organization")

    pdf = render_statement(statement, password=PASSWORD)  # warm-up
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        pdf = render_statement(statement, password=PASSWORD)
        times.append((time.perf_counter() - started) * 1000)
    if args.out:
        args.out.write_bytes(pdf)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"format={statement.format} layout={statement.layout} lines={len(statement.body.lines)} "
          f"runs={args.runs} bytes={len(pdf)} min_ms={min(times):.1f} max_ms={max(times):.1f}")
    print(f"peak_rss_mb={peak_kib / 1024:.1f}")
    print(f"median_ms={statistics.median(times):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
