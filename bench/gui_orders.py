"""Benchmark: the 注文・出荷 list on a big demo database — first page painted, a filter change, a sort by
another column, and a jump to the last row — each against the bare SQL query for the same page in the
same run (goal: ≤ 2× the query), against Qt's own ``QSqlQueryModel`` where its PostgreSQL driver
loads, and the resident memory with the list open (goal < 300 MB).

    oroshi-desktop demo --scale 200      # into the database below, once (≈ 200,000 orders)
    python bench/gui_orders.py --database postgresql+psycopg://me@localhost/oroshi_bench

"GUI" is what a user waits for: the ids query (filtered and sorted in SQL, LIMIT 100), the first
page's cells, and the table painted; "all ids" is when every id of the list is in (the scroll bar
is complete), "totals" when the sums under the list are shown. "SQL" is one hand-written query for the same 100 rows, same filter and order
(``LIMIT 100``; for the last page ``OFFSET n-100``, what a plain paged query would do).
The list shows every shipping date (all orders), the hardest case; the default view shows two days.
After the table: each case's GUI time as a multiple of the bare repaint of the visible rows (the
goal's measure), and the cases again with the window settled first ("settled:": the previous
answer painted, as before a user's next click; in the table a case may also wait for that paint).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text

from oroshi_desktop.db.engine import Database, open_database

PAGE = 100
REPEATS = 5
ALL_DAYS = (date(2000, 1, 1), date(2100, 1, 1))
SEARCH_BUYER = "市場"  # part of the demo buyers' names (築地市場, 豊洲市場, 札幌中央卸売市場 …)
SEARCH_PRODUCT = "マグロ"  # part of a demo product's name (マグロパック)

BARE = """
SELECT o.id, b.name, p.name, v.name, o.item_quantity, o.receptacle_quantity, r.name, o.freight_quantity,
       o.sale_price_per_item, o.shipping_date, o.arrival_date, o.status, m.name
FROM oroshi_orders o
JOIN oroshi_buyers b ON b.id = o.buyer_id
JOIN oroshi_product_variations v ON v.id = o.product_variation_id
JOIN oroshi_products p ON p.id = v.product_id
JOIN oroshi_shipping_receptacles r ON r.id = o.shipping_receptacle_id
JOIN oroshi_shipping_methods m ON m.id = o.shipping_method_id
WHERE o.shipping_date BETWEEN '{start}' AND '{end}'
  AND NOT EXISTS (SELECT 1 FROM oroshi_order_templates t WHERE t.order_id = o.id) {extra}
ORDER BY {order}
"""


def bare_sql(*, order: str = "o.shipping_date, o.id", carrier: int | None = None, search: str | None = None) -> str:
    extra = f"AND m.shipping_organization_id = {int(carrier)}" if carrier is not None else ""
    if search is not None:  # the search box's condition, by hand (a constant of this file: no quotes in it)
        like = f"LOWER({{}}) LIKE '%{search.lower()}%'"
        extra += (f" AND ({like.format('b.name')} OR {like.format('b.handle')} OR {like.format('p.name')}"
                  f" OR {like.format('v.name')})")
    return BARE.format(start=ALL_DAYS[0], end=ALL_DAYS[1], extra=extra, order=order)


def bare_page(db: Database, sql: str, offset: int = 0) -> float:
    started = time.perf_counter()
    with db.read() as session:
        rows = session.execute(text(f"{sql} LIMIT {PAGE} OFFSET {offset}")).all()
    assert rows
    return time.perf_counter() - started


def rss_mb() -> float:
    """Resident memory now (Linux /proc); elsewhere the peak from getrusage."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(app: Any, view: Any, change: Any) -> tuple[float, float, float]:
    """From the change to the first page painted, to every id loaded, and to the totals shown.

    The GUI thread waits in an event loop (not a busy ``processEvents`` loop, which would hold the
    GIL against the worker), and each case starts with the pool idle, as a user's next click would.
    """
    from ui.qt import QEventLoop, QThreadPool

    model = view.model
    marks: dict[str, float] = {}
    loop = QEventLoop()

    def painted() -> None:
        view.table.viewport().repaint()  # paints the visible rows, from the page that just arrived
        marks["page"] = time.perf_counter()

    def mark(name: str) -> None:
        marks.setdefault(name, time.perf_counter())
        if "ids" in marks and "totals" in marks:
            loop.quit()

    def loaded() -> None:
        mark("ids")

    def summed() -> None:
        mark("totals")

    model.first_page_shown.connect(painted)
    model.loaded.connect(loaded)
    view.totals_shown.connect(summed)
    started = time.perf_counter()
    change()
    loop.exec()
    model.first_page_shown.disconnect(painted)
    model.loaded.disconnect(loaded)
    view.totals_shown.disconnect(summed)
    QThreadPool.globalInstance().waitForDone()
    return marks["page"] - started, marks["ids"] - started, marks["totals"] - started


def settle(app: Any) -> None:
    """Let the window finish what it was doing: the pool idle, then every posted event (the
    previous answer's repaint) handled."""
    from ui.qt import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    for _ in range(3):
        app.processEvents()


def jump_to_last(app: Any, view: Any) -> float:
    """Scroll from the top to the last row and paint it (the model reads the last page only)."""
    view.table.scrollToTop()
    view.table.viewport().repaint()
    started = time.perf_counter()
    view.table.scrollToBottom()
    view.table.viewport().repaint()
    elapsed = time.perf_counter() - started
    assert view.model.is_read(view.model.rowCount() - 1)
    return elapsed


def qsql_model(app: Any, url: Any, sql: str) -> str:
    """Qt's QSqlQueryModel on the same query: first page painted and the jump to the last row."""
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel

    from ui.qt import QTableView

    if url.get_backend_name() != "postgresql":
        return "QSqlQueryModel: not tried (the benchmark database is not PostgreSQL)"
    if "QPSQL" not in QSqlDatabase.drivers():
        return "QSqlQueryModel: the QPSQL driver is not available here"
    qdb = QSqlDatabase.addDatabase("QPSQL", "bench")
    qdb.setHostName(url.host or "localhost")
    qdb.setPort(url.port or 5432)
    qdb.setDatabaseName(url.database or "")
    qdb.setUserName(url.username or "")
    if url.password:
        qdb.setPassword(url.password)
    if not qdb.open():
        return f"QSqlQueryModel: the QPSQL driver loads but does not connect: {qdb.lastError().text()}"
    firsts, lasts = [], []
    for _ in range(REPEATS):
        table = QTableView()
        table.resize(1300, 600)
        table.show()
        model = QSqlQueryModel()
        started = time.perf_counter()
        query = QSqlQuery(qdb)
        query.setForwardOnly(False)
        query.exec(sql)
        model.setQuery(query)
        table.setModel(model)
        table.viewport().repaint()
        firsts.append(time.perf_counter() - started)
        started = time.perf_counter()
        while model.canFetchMore():  # what scrolling to the end makes it do: every row in between
            model.fetchMore()
        table.scrollToBottom()
        table.viewport().repaint()
        lasts.append(time.perf_counter() - started)
        rows = model.rowCount()
        table.close()
        table.deleteLater()
        del model
        app.processEvents()
    qdb.close()
    return (f"QSqlQueryModel (QPSQL), same query, {rows:,} rows: first page painted "
            f"{statistics.median(firsts) * 1000:.1f} ms (the whole result is sent by the server first), "
            f"jump to the last row {statistics.median(lasts) * 1000:.1f} ms (fetches every row in between)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="a database holding the demo (e.g. scale 200)")
    parser.add_argument("--no-qsql", action="store_true", help="skip the QSqlQueryModel comparison")
    args = parser.parse_args(argv)

    os.environ["OROSHI_HOME"] = tempfile.mkdtemp(prefix="oroshi-bench-orders-")
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.ledger import Ledger
    from oroshi_desktop.queries.order_list import OrderFilter, OrderSort, first_page, order_ids
    from ui.context import AppContext
    from ui.orders.view import OrdersView
    from ui.qt import QApplication, QMainWindow, Qt

    db = open_database(args.database)
    app = QApplication.instance() or QApplication([])
    rss_before = rss_mb()
    settings = load_settings()
    ledger = Ledger(settings.paths.local_store)
    ctx = AppContext(settings, db, ledger)
    window = QMainWindow()
    window.resize(1366, 768)
    view = OrdersView(ctx, window)
    window.setCentralWidget(view)
    window.show()
    while view.model.loading:
        app.processEvents()
    default_rows = view.model.rowCount()
    everything = OrderFilter(start=ALL_DAYS[0], end=ALL_DAYS[1])
    with db.read() as session:
        carrier = session.execute(text("SELECT id FROM oroshi_shipping_organizations ORDER BY id")).scalar()
        total = len(order_ids(session, everything))

    def reset(sort: OrderSort = OrderSort.SHIPPING_DATE, order_filter: OrderFilter = everything) -> None:
        view.model.sort_key, view.model.descending, view.model.order_filter = sort, False, order_filter

    cases = {
        "first page (all orders)": (
            lambda: (reset(), view.model.reload(view)), lambda: bare_page(db, bare_sql())),
        "filter: one carrier": (
            # As the filter bar does it (its changed signal): the list and the totals asked together.
            lambda: (reset(), view.filters.changed.emit(OrderFilter(start=ALL_DAYS[0], end=ALL_DAYS[1],
                                                                    carrier_id=carrier))),
            lambda: bare_page(db, bare_sql(carrier=carrier))),
        "sort by buyer": (
            lambda: (reset(), view.model.sort(OrderSort.BUYER, Qt.SortOrder.AscendingOrder)),
            lambda: bare_page(db, bare_sql(order="b.name, o.id"))),
        "sort by product": (
            lambda: (reset(), view.model.sort(OrderSort.PRODUCT, Qt.SortOrder.AscendingOrder)),
            lambda: bare_page(db, bare_sql(order="p.name, o.id"))),
    }
    # The search box, as a user types into it (the filter bar's changed signal): part of a buyer's
    # name, part of a product's name.
    for label, words in (("search: buyer", SEARCH_BUYER), ("search: product", SEARCH_PRODUCT)):
        searched = OrderFilter(start=ALL_DAYS[0], end=ALL_DAYS[1], search=words)
        cases[label] = (lambda searched=searched: (reset(), view.filters.changed.emit(searched)),
                        lambda words=words: bare_page(db, bare_sql(search=words)))
    print(f"database: {db.display_url}  orders: {total:,} (default view, today and tomorrow: {default_rows:,})"
          f"  page: {PAGE} rows  (median of {REPEATS})")
    print(f"{'case':28} {'GUI ms':>8} {'SQL ms':>8} {'ratio':>6} {'all ids ms':>10} {'totals ms':>9}")
    medians: dict[str, float] = {}
    for name, (change, bare) in cases.items():
        gui, sql, whole, sums = [], [], [], []
        for _ in range(REPEATS):
            first, every, summed = measure(app, view, change)
            gui.append(first)
            whole.append(every)
            sums.append(summed)
            sql.append(bare())
        g, s = statistics.median(gui) * 1000, statistics.median(sql) * 1000
        medians[name] = g
        print(f"{name:28} {g:8.1f} {s:8.1f} {g / s:6.1f}× {statistics.median(whole) * 1000:10.1f}"
              f" {statistics.median(sums) * 1000:9.1f}")
    # Jump to the last row of the whole list (sorted by shipping date), after every id is in.
    measure(app, view, lambda: (reset(), view.model.reload(view)))
    jumps, bares = [], []
    for _ in range(REPEATS):
        view.model.set_ids(list(view.model.ids))  # forget the pages read, keep the ids
        jumps.append(jump_to_last(app, view))
        bares.append(bare_page(db, bare_sql(), offset=max(total - PAGE, 0)))
    g, s = statistics.median(jumps) * 1000, statistics.median(bares) * 1000
    print(f"{'jump to the last row':28} {g:8.1f} {s:8.1f} {g / s:6.1f}×   (pages read: the last one only)")
    repaints, cores = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        view.table.viewport().repaint()
        repaints.append(time.perf_counter() - started)
        started = time.perf_counter()
        with db.read() as session:
            first_page(session, everything, OrderSort.SHIPPING_DATE, False, PAGE)
        cores.append(time.perf_counter() - started)
    print(f"of which: repaint of the visible rows alone {statistics.median(repaints) * 1000:.1f} ms, the model's"
          f" own page queries (ids LIMIT 100, then the cells by id) {statistics.median(cores) * 1000:.1f} ms")
    print(f"resident memory with the list open ({view.model.rowCount():,} ids): {rss_mb():.0f} MB"
          f" (Python + Qt before the window: {rss_before:.0f} MB)")
    repaint = statistics.median(repaints) * 1000
    print("GUI / repaint of the visible rows (goal ≤ 3×): "
          + ", ".join(f"{name} {g / repaint:.1f}×" for name, g in medians.items()))
    # The cases again, each after the window has painted the previous answer (its scroll bar, its
    # totals), as it has before a user's next click: above, a case may also wait for that paint,
    # when the previous case's last answer came just before it.
    # With the CPU time the process spent on each (every thread, until the last answer): a
    # figure that a machine shared with other work stretches less than the waits.
    for name, (change, _bare) in cases.items():
        gui, whole, cpu = [], [], []
        for _ in range(REPEATS):
            settle(app)
            started = time.process_time()
            first, every, _summed = measure(app, view, change)
            cpu.append(time.process_time() - started)
            gui.append(first)
            whole.append(every)
        g = statistics.median(gui) * 1000
        print(f"settled: {name:28} GUI {g:6.1f} ms  {g / repaint:4.1f}× the repaint"
              f"  all ids {statistics.median(whole) * 1000:6.1f} ms  CPU {statistics.median(cpu) * 1000:6.1f} ms")
    if not args.no_qsql:
        print(qsql_model(app, db.engine.url, bare_sql()))
    window.close()
    ledger.dispose()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
