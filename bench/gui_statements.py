"""Benchmark: the statements list with 10,000 runs — first page, a sort change, a filter change — each
against the bare SQL query for the same page, in the same run (goal: ≤ 2× the query).

    python bench/gui_statements.py                    # a fresh SQLite file, 10,000 runs
    python bench/gui_statements.py --runs 10000 --database postgresql://me@localhost/oroshi_bench

The demo (scale 1) gives the organizations and supplies; the runs are added in bulk: half months
going back in time, 1–3 organizations each, most sent, some with outbox rows failed or 要確認, so
the state column has every kind. "GUI" is the whole path a user waits for: the ids query (state
computed in SQL), the first page's cells, and the table painted. "SQL" is one query for the same
100 rows with the same order and filter, fetched, without any state or model.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import exists, insert, select

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, SupplierOrganization
from oroshi_desktop.demo import generate_demo

PAGE = 100
REPEATS = 5


def add_runs(db: Database, count: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    with db.read() as session:
        organizations = list(session.scalars(select(SupplierOrganization.id)))
    now = datetime.now(UTC).replace(microsecond=0)
    end = date.today() - timedelta(days=400)
    invoices, members, outbox = [], [], []
    with db.write() as session:
        first_id = (session.scalar(select(Invoice.id).order_by(Invoice.id.desc()).limit(1)) or 0) + 1
        first_iso = (session.scalar(select(InvoiceSupplierOrganization.id)
                                    .order_by(InvoiceSupplierOrganization.id.desc()).limit(1)) or 0) + 1
        iso_id = first_iso
        for n in range(count):
            invoice_id = first_id + n
            start = end - timedelta(days=14)
            sent = rng.random() < 0.9
            send_at = datetime(end.year, end.month, end.day, 0, 0, tzinfo=UTC) + timedelta(days=2)
            invoices.append({"id": invoice_id, "start_date": start, "end_date": end, "invoice_layout": rng.choice((1, 2)),
                             "send_email": rng.random() < 0.95, "send_at": send_at,
                             "sent_at": send_at if sent else None, "created_at": now, "updated_at": now})
            for org_id in rng.sample(organizations, rng.randint(1, min(3, len(organizations)))):
                members.append({"id": iso_id, "invoice_id": invoice_id, "supplier_organization_id": org_id,
                                "completed": sent or rng.random() < 0.5, "passwords": {},
                                "sent_at": send_at if sent else None, "created_at": now, "updated_at": now})
                if not sent and rng.random() < 0.4:
                    outbox.append({"invoice_id": invoice_id, "invoice_supplier_organization_id": iso_id,
                                   "supplier_organization_id": org_id, "generation": 1,
                                   "state": rng.choice(("failed", "uncertain", "pending")), "attempts": 1,
                                   "created_at": now, "updated_at": now})
                iso_id += 1
            end = start - timedelta(days=1)
        session.execute(insert(Invoice), invoices)
        session.execute(insert(InvoiceSupplierOrganization), members)
        if outbox:
            session.execute(insert(OutboxMessage), outbox)
    # A database in use has planner statistics; a bulk load has none until autovacuum runs.
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()


def bare_page(db: Database, *, order: str, organization: str = "") -> float:
    """One query for the page's rows (same order and filter), fetched: the yardstick."""
    columns = (Invoice.id, Invoice.start_date, Invoice.end_date, Invoice.invoice_layout, Invoice.send_email,
               Invoice.send_at, Invoice.sent_at)
    query = select(*columns)
    if organization:
        query = query.where(exists().where(
            InvoiceSupplierOrganization.invoice_id == Invoice.id,
            SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id,
            SupplierOrganization.entity_name.ilike(f"%{organization}%")))
    keys = {"period": (Invoice.start_date.desc(), Invoice.end_date.desc()), "send_at": (Invoice.send_at.asc(),)}[order]
    query = query.order_by(*keys, Invoice.id.desc()).limit(PAGE)
    started = time.perf_counter()
    with db.read() as session:
        session.execute(query).all()
    return time.perf_counter() - started


def core_page(db: Database, run_filter, sort, descending: bool) -> float:  # type: ignore[no-untyped-def]
    """The model's own first-page query (ids and cells), called directly: the part the database does."""
    from oroshi_desktop.queries.statement_runs import first_page

    started = time.perf_counter()
    with db.read() as session:
        first_page(session, run_filter, sort, descending, limit=PAGE)
    return time.perf_counter() - started


def measure(app, view, change) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """From the change to the first page painted, and to every id loaded."""
    model = view.model
    shown: list[float] = []

    def painted() -> None:
        view.table.viewport().repaint()  # paints the visible rows, from the page that just arrived
        shown.append(time.perf_counter())

    model.first_page_shown.connect(painted)
    started = time.perf_counter()
    change()
    while model.loading:
        app.processEvents()
    model.first_page_shown.disconnect(painted)
    return shown[0] - started, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="an EMPTY database URL (default: a new SQLite file)")
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix="oroshi-bench-gui-")
    os.environ["OROSHI_HOME"] = tmp
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.ledger import Ledger
    from oroshi_desktop.queries.statement_runs import RunFilter, SortKey
    from ui.context import AppContext
    from ui.qt import QApplication, QMainWindow, Qt
    from ui.statements.view import StatementsView

    db = open_database(args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
    schema.upgrade(db)
    generate_demo(db, scale=1, seed=0)
    add_runs(db, args.runs)
    with db.read() as session:
        total = len(session.scalars(select(Invoice.id)).all())
    app = QApplication.instance() or QApplication([])
    settings = load_settings()
    ledger = Ledger.for_settings(db, settings)
    ctx = AppContext(settings, db, ledger)
    window = QMainWindow()
    window.resize(1366, 768)
    view = StatementsView(ctx, window)
    window.setCentralWidget(view)
    window.show()
    while view.model.loading:
        app.processEvents()
    app.processEvents()

    cases = {
        "first page (newest first)": (
            lambda: view.model.reload(view), lambda: bare_page(db, order="period")),
        "sort by send time": (
            lambda: view.model.sort(4, Qt.SortOrder.AscendingOrder), lambda: bare_page(db, order="send_at")),
        "filter by organization": (
            lambda: view.model.set_filter(RunFilter(organization="北海"), view),
            lambda: bare_page(db, order="send_at", organization="北海")),
    }
    print(f"database: {db.display_url}  runs: {total:,}  page: {PAGE} rows  (median of {REPEATS})")
    print(f"{'case':28} {'GUI ms':>8} {'SQL ms':>8} {'ratio':>6} {'all ids ms':>10} {'page query ms':>13}")
    for name, (change, bare) in cases.items():
        gui, sql, whole, core = [], [], [], []
        for _ in range(REPEATS):
            if name == "sort by send time":
                view.model.sort_key, view.model.descending = SortKey.PERIOD, True  # back to the default before each sort
            if name == "filter by organization":
                view.model.run_filter = RunFilter()
            first, everything = measure(app, view, change)
            gui.append(first)
            whole.append(everything)
            sql.append(bare())
            core.append(core_page(db, view.model.run_filter, view.model.sort_key, view.model.descending))
        g, s = statistics.median(gui) * 1000, statistics.median(sql) * 1000
        print(f"{name:28} {g:8.1f} {s:8.1f} {g / s:6.1f}× {statistics.median(whole) * 1000:10.1f}"
              f" {statistics.median(core) * 1000:13.1f}")
    repaints = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        view.table.viewport().repaint()
        repaints.append(time.perf_counter() - started)
    print(f"repaint of the visible rows alone: {statistics.median(repaints) * 1000:.1f} ms")
    window.close()
    ledger.dispose()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
