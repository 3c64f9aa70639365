"""Benchmark: a full statement run — every organization of one invoice × both formats, with passwords.

    python bench/render_run.py --database URL --invoice ID [--organizations 20]
    python bench/render_run.py --database URL --invoice ID --generate [--organizations 200] [--repeat 3]
                               [--before COMMIT]

Prints per-document figures and, as its last line, ``total_ms=<number>``.

``--generate`` times the whole generation of a run as the job does it (``generate_statement_rows``:
loading, rendering and storing every PDF, with the process pool where the code has one) on a run
of the first N organization rows of the invoice; when the invoice has fewer than N rows, a new run
of the same period takes its organizations and copies of them (address, producers, their supplies
of the period) until it has N (the demo has 22 organizations at scale 200); ``--invoice`` that new
run to time it again. ``--before COMMIT`` times that commit's code (``git archive``) on the same run alternately with
this tree's, ``--repeat`` times each; medians and the ratio after / before are printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.environ.get("OROSHI_BENCH_TREE") or str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import InvoiceSupplierOrganization

ROOT = Path(__file__).resolve().parents[1]


def documents_run(args: argparse.Namespace) -> int:
    from jobs.documents import statement_pdf

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


def _copy(session, table, rows: list[dict], **changes) -> list[int]:
    """Insert copies of ``rows`` (without their ids) with ``changes``; the new ids, in order."""
    ids = []
    for row in rows:
        values = {key: value for key, value in row.items() if key != "id"}
        values.update({key: change(row) if callable(change) else change for key, change in changes.items()})
        ids.append(session.execute(table.insert().values(**values).returning(table.c.id)).scalar_one())
    return ids


def clone_organization(session, organization_id: int, number: int, start, end) -> int:
    """A copy of an organization with its address, producers and their supplies of the period (a
    run of more organizations than the demo has, each with the data of a real one); its new id."""
    from oroshi_desktop.db.models import Address, Supplier, SupplierOrganization, Supply, SupplyDate
    from oroshi_desktop.queries.statements import ORGANIZATION_ADDRESSABLE

    orgs, suppliers = SupplierOrganization.__table__, Supplier.__table__
    addresses, supplies = Address.__table__, Supply.__table__
    source = session.execute(select(orgs).where(orgs.c.id == organization_id)).mappings().one()
    new_id = _copy(session, orgs, [dict(source)], entity_name=lambda row: f"{row['entity_name']} {number}")[0]
    _copy(session, addresses, [dict(row) for row in session.execute(select(addresses).where(
        addresses.c.addressable_type.in_(ORGANIZATION_ADDRESSABLE), addresses.c.addressable_id == organization_id
    )).mappings()], addressable_id=new_id)
    for producer in session.execute(select(suppliers).where(suppliers.c.supplier_organization_id == organization_id)
                                    ).mappings().all():
        supplier_id = _copy(session, suppliers, [dict(producer)], supplier_organization_id=new_id)[0]
        rows = [{key: value for key, value in row.items() if key != "id"} | {"supplier_id": supplier_id}
                for row in session.execute(select(supplies).join(SupplyDate.__table__).where(
                    supplies.c.supplier_id == producer["id"], SupplyDate.date.between(start, end))
                    .with_only_columns(supplies)).mappings()]
        if rows:
            session.execute(supplies.insert(), rows)
    return new_id


def run_rows(database, invoice_id: int, organizations: int) -> tuple[int, list[int]]:
    """The invoice and its first N organization rows; when it has fewer, a new run of the same
    period with its organizations and copies of them (a run names each organization once)."""
    from oroshi_desktop.db.models import Invoice

    with database.read() as session:
        rows = list(session.scalars(select(InvoiceSupplierOrganization.id)
                                    .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                                    .order_by(InvoiceSupplierOrganization.id)))
    if len(rows) >= organizations:
        return invoice_id, rows[:organizations]
    started = time.perf_counter()
    with database.write() as session:
        source = session.get(Invoice, invoice_id)
        org_ids = list(session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                                       .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                                       .order_by(InvoiceSupplierOrganization.id)))
        run = Invoice(start_date=source.start_date, end_date=source.end_date, invoice_layout=source.invoice_layout,
                      send_email=False, send_at=source.send_at)
        session.add(run)
        session.flush()
        chosen = org_ids + [clone_organization(session, org_ids[n % len(org_ids)], n, source.start_date,
                                               source.end_date) for n in range(len(org_ids), organizations)]
        isos = [InvoiceSupplierOrganization(invoice_id=run.id, supplier_organization_id=org, completed=False,
                                            passwords={}) for org in chosen]
        session.add_all(isos)
        session.flush()
        print(f"built run {run.id}: {organizations} organizations, {organizations - len(org_ids)} of them "
              f"copies, in {time.perf_counter() - started:.1f} s")
        return run.id, [iso.id for iso in isos]


def forget_content_keys(database, rows: list[int]) -> None:
    """Every row renders again: without this a second generation of the same run keeps its PDFs
    (one version per content) and renders nothing. Trees without content keys ignore it."""
    from sqlalchemy import update

    from oroshi_desktop.db.models import StoredDocument
    from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE

    if not hasattr(StoredDocument, "content_key"):
        return
    with database.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                                     StoredDocument.owner_id.in_(rows)).values(content_key=None))


def generate_once(database_url: str, invoice_id: int, rows: list[int]) -> float:
    """One generation of the rows, in this process; seconds."""
    from zoneinfo import ZoneInfo

    from jobs.statements import generate_statement_rows

    database = open_database(database_url)
    forget_content_keys(database, rows)
    started = time.perf_counter()
    result = generate_statement_rows(database, invoice_id, tz=ZoneInfo("Asia/Tokyo"), only=rows)
    elapsed = time.perf_counter() - started
    assert not result.failures and len(result.document_ids) == 2 * len(rows), result.failures
    database.dispose()
    return elapsed


def child(tree: Path, args: argparse.Namespace, invoice_id: int, rows: list[int]) -> tuple[float, float]:
    """(wall seconds of the generation, CPU seconds of the child process and its workers)"""
    env = {**os.environ, "OROSHI_BENCH_TREE": str(tree)}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--database", args.database,
                          "--invoice", str(invoice_id), "--generate-child", ",".join(map(str, rows))],
                         env=env, check=True, capture_output=True, text=True).stdout
    lines = out.strip().splitlines()
    return float(lines[-1].split("=")[1]), float(lines[-2].split("=")[1])


def generation_run(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    invoice_id, rows = run_rows(database, args.invoice, args.organizations)
    database.dispose()
    trees = {"after": ROOT}
    with tempfile.TemporaryDirectory(prefix="oroshi-bench-before-") as tmp:
        if args.before:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            trees["before"] = Path(tmp)
        times: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.repeat):
            for name, tree in trees.items():
                wall, used = child(tree, args, invoice_id, rows)
                times[name].append(wall)
                cpu[name].append(used)
    documents = 2 * len(rows)
    for name, values in times.items():
        print(f"generation {name}: {len(rows)} organization rows, {documents} documents, "
              f"{', '.join(f'{t:.2f}' for t in values)} s; median {statistics.median(values):.2f} s = "
              f"{statistics.median(values) * 1000 / documents:.1f} ms a document; cores {os.cpu_count()}")
    print("CPU time of the generating process and its workers (whole child, imports included): " + "; ".join(
        f"{name} {statistics.median(values):.2f} s" for name, values in cpu.items()))
    if "before" in times:
        ratios = sorted(a / b for a, b in zip(times["after"], times["before"], strict=True))
        print(f"generation after / before per pair {ratios[0]:.2f}–{ratios[-1]:.2f}x, "
              f"median {statistics.median(ratios):.2f}x")
    print(f"total_ms={statistics.median(times['after']) * 1000:.0f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--invoice", type=int, required=True)
    parser.add_argument("--organizations", type=int, default=20, help="at most this many organizations")
    parser.add_argument("--generate", action="store_true", help="time the whole generation of the run (see above)")
    parser.add_argument("--before", metavar="COMMIT", help="with --generate: also time this commit's code")
    parser.add_argument("--repeat", type=int, default=1, help="with --generate: runs of each tree, alternating")
    parser.add_argument("--generate-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_child:
        rows = [int(row) for row in args.generate_child.split(",")]
        seconds = generate_once(args.database, args.invoice, rows)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, once joined
        print(f"cpu={time.process_time() + children.ru_utime + children.ru_stime}")
        print(f"seconds={seconds}")
        return 0
    return generation_run(args) if args.generate else documents_run(args)


if __name__ == "__main__":
    sys.exit(main())
