"""Cold start of the desktop app to its statements list painted, against a bare PySide6 window
with one QTableView started the same way in the same run.

    python bench/gui.py [--runs 5]
    python bench/gui.py --jobs 10000      # the job centre's live-update poll on a large ledger
    python bench/gui.py --before /tmp/old  # also the app of another checkout (git archive REV | tar -x)

Each start is a fresh process (``python bench/gui.py --child app|bare``) under the offscreen
platform; the time runs from just before the process is spawned to the moment the child's
table (the statements list, or the first view while the statements view is not built yet) has
been painted with rows. The app uses a prepared embedded demo database, as on a second start.
Prints the medians, the ratio (goal ≤ 3×) and which view was measured. For a first view without
a list (今日) that first paint may come before the view's lines were read; the added "to content
painted" lines time the first paint after they are shown. With ``--before`` the other checkout's
app is started by this bench's own child (``OROSHI_BENCH_TREE``), so both sides are timed by one
instrument, and an older tree gets "to content painted" lines too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_page_sql() -> list[tuple[str, ...]]:
    """The same database's newest statement runs, read with plain SQLAlchemy Core."""
    from sqlalchemy import create_engine, text

    from oroshi_desktop.paths import app_paths

    engine = create_engine(f"sqlite:///{app_paths().embedded_database}")
    with engine.connect() as conn:
        rows = conn.execute(text("select id, start_date, end_date, invoice_layout, send_email, send_at "
                                 "from oroshi_invoices order by id desc limit 100")).all()
    engine.dispose()
    return [tuple(str(value) for value in row) for row in rows]


def child_bare(with_sql: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(0, 6)
    rows = first_page_sql() if with_sql else [tuple(f"{r}-{c}" for c in range(6)) for r in range(20)]
    for row in rows:
        model.appendRow([QStandardItem(value) for value in row])
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)

    class Painted(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: (print(f"PAINTED bare {time.process_time():.4f}", flush=True), app.quit()))
            return False

    painted = Painted()
    table.viewport().installEventFilter(painted)
    window.resize(1280, 760)
    window.show()
    app.exec()


def child_app(via_cli: bool = False) -> None:
    """The real start (``run_gui``) on a QApplication made here, so a filter can see the first paint;
    ``via_cli``: through ``oroshi-desktop`` with no command (``oroshi_desktop.cli.main``), as a
    user starts it: the CLI's imports and parser come first."""
    from ui.qt import QApplication, QEvent, QObject, QTableView, QTimer, QWidget

    app = QApplication(sys.argv[:1])

    class Painted(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if self.done or event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
                return False
            window = obj.window()
            if window.objectName() != "mainWindow" or window.current_view() is None:
                return False
            view = window.current_view()
            table = view.findChild(QTableView, "statementsTable")
            if table is not None:
                model = table.model()
                if obj is not table.viewport() or model.rowCount() == 0 \
                        or model.index(0, 0).data() in (None, "", "…"):
                    return False
            elif not view.isAncestorOf(obj) and obj is not view:
                return False
            # PAINTED: the first paint of the view (for 今日, possibly before its lines were read:
            # the figure the earlier sessions quote). CONTENT: the first paint once the view shows
            # what it read (今日's ``today`` set; a list's rows are already there at PAINTED).
            content = table is not None or getattr(view, "today", None) is not None
            what = "statementsTable" if table is not None else type(view).__name__
            if not self.printed:
                self.printed = True
                print(f"PAINTED {what} {time.process_time():.4f}", flush=True)
            if not content:
                return False
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"CONTENT {what} {time.process_time():.4f}", flush=True), app.quit()))
            return False

        printed = False

    painted = Painted()
    app.installEventFilter(painted)
    QTimer.singleShot(30_000, app.quit)  # content that never comes (a broken tree) ends the child
    if via_cli:
        import oroshi_desktop.cli

        oroshi_desktop.cli.main([])
        return
    from oroshi_desktop.config import load_settings
    from ui.app import run_gui

    run_gui(load_settings(), sys.argv[:1])


def job_centre_poll(count: int) -> None:
    """The job centre's live update on a ledger of ``count`` jobs: one poll (ordered id + updated_at
    of every row) and one page of display rows, against reading every row the old way."""
    from sqlalchemy import insert

    from oroshi_desktop.db.models import JobRow
    from oroshi_desktop.db.types import utcnow
    from oroshi_desktop.ledger import Ledger
    from oroshi_desktop.queries.job_centre import JobFilter, job_rows, job_stamps

    ledger = Ledger(Path(tempfile.mkdtemp(prefix="oroshi-bench-jobs-")) / "local.sqlite3")
    now = utcnow()
    with ledger.engine.begin() as conn:
        conn.execute(insert(JobRow), [{"kind": "order_document", "arguments": "{}", "state": "done",
                                          "message": "注文書類作成完了", "attempts": 1, "created_at": now,
                                          "updated_at": now} for _ in range(count)])

    def best(call: object, repeat: int = 5) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            call()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return min(times)

    def poll() -> None:
        with ledger.db.read() as session:
            job_stamps(session, JobFilter(), "id", True)

    def page() -> None:
        with ledger.db.read() as session:
            ids = [row_id for row_id, _ in job_stamps(session, JobFilter(), "id", True)[:100]]
            job_rows(session, ids)

    print(f"job centre on {count:,} ledger rows (best of 5):")
    print(f"  poll (ids + updated_at, SQL order): {best(poll) * 1000:7.1f} ms")
    print(f"  first page of 100 display rows:     {best(page) * 1000:7.1f} ms")
    print(f"  every row as JobView (a full reload): {best(lambda: ledger.list(limit=count)) * 1000:7.1f} ms")
    ledger.dispose()


# With --bytecode the children may use (and write) __pycache__, as an installed app or the frozen
# bundle does; without it they inherit the environment (a PYTHONDONTWRITEBYTECODE=1 there makes
# every start compile the app's own modules from source, which the bare window barely has).
BYTECODE = {"enabled": False}


CONTENT: dict[tuple[str, Path], list[tuple[float, float]]] = {}  # (kind, tree) -> (wall, CPU) to CONTENT


def measure(kind: str, home: Path, tree: Path = ROOT) -> tuple[float, str, float]:
    """One fresh process of ``kind``; ``tree`` is the checkout whose bench (and app) it runs.

    Returns the wall time to the first paint, what was painted and the child's CPU time until then
    (all its threads): on a machine shared with other work the CPU time scatters far less. The
    time to the view's content painted (a ``CONTENT`` line, printed by this bench's app child;
    the bare children and an older tree's bench print none) goes to ``CONTENT``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update(OROSHI_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    if BYTECODE["enabled"]:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    # This bench's own child for every tree (one instrument for both sides; an older tree's child
    # may not see the first view's content), importing the app of ``tree``.
    env["OROSHI_BENCH_TREE"] = str(tree)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", kind], cwd=tree, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    painted: tuple[float, str, float] | None = None
    for line in process.stdout:
        fields = line.split()
        if line.startswith("PAINTED") and painted is None:
            painted = (time.perf_counter() - started, fields[1], float(fields[2]) if len(fields) > 2 else float("nan"))
        elif line.startswith("CONTENT"):
            CONTENT.setdefault((kind, tree), []).append((time.perf_counter() - started, float(fields[2])))
    process.wait(30)
    if painted is not None:
        return painted
    raise SystemExit(f"{kind}: the child ended without painting (exit {process.wait()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("app", "cli", "bare", "bare_sql"))
    parser.add_argument("--jobs", type=int, default=0, help="measure the job centre's poll on N ledger rows instead")
    parser.add_argument("--before", type=Path, help="another checkout of the project (same venv): its app is "
                        "started too, interleaved, as the before figure")
    parser.add_argument("--bytecode", action="store_true",
                        help="let the children cache bytecode (__pycache__), as an installed app does")
    args = parser.parse_args()
    BYTECODE["enabled"] = args.bytecode
    if args.jobs:
        sys.path.insert(0, str(ROOT))
        job_centre_poll(args.jobs)
        return 0
    if args.child in ("bare", "bare_sql"):
        sys.path.insert(0, str(ROOT))
        child_bare(args.child == "bare_sql")
        return 0
    if args.child in ("app", "cli"):  # the app of OROSHI_BENCH_TREE (--before), measured by this child
        sys.path.insert(0, os.environ.get("OROSHI_BENCH_TREE") or str(ROOT))
        child_app(via_cli=args.child == "cli")
        return 0
    home = Path(tempfile.mkdtemp(prefix="oroshi-bench-gui-"))
    measure("app", home)  # first start: schema and demo data, not part of the measurement
    if args.bytecode:  # and the caches written, for every kind and tree
        for kind in ("app", "bare", "bare_sql", "cli"):
            measure(kind, home)
        if args.before:
            measure("app", home, args.before.resolve())
            measure("cli", home, args.before.resolve())
    times: dict[str, list[float]] = {"app": [], "bare": [], "bare_sql": []}
    if args.before:
        times["before"] = []
    times["cli"] = []  # last: the lines above keep their order
    if args.before is not None:
        times["before_cli"] = []
    cpu: dict[str, list[float]] = {kind: [] for kind in times}
    what = ""
    for _ in range(args.runs):  # interleaved, so all see the same machine load
        for kind in times:
            if kind in ("before", "before_cli"):
                seconds, _painted, cpu_seconds = measure("cli" if kind == "before_cli" else "app", home,
                                                         args.before.resolve())
            else:
                seconds, painted, cpu_seconds = measure(kind, home)
                what = painted if kind == "app" else what
            times[kind].append(seconds)
            cpu[kind].append(cpu_seconds)
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    print(f"cold start to first paint, median of {args.runs} (offscreen, {sys.platform}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}):")
    labels = {"app": f"app ({what})", "bare": "bare QTableView", "bare_sql": "bare QTableView + SQLAlchemy page",
              "before": f"app of {args.before}", "cli": "app via oroshi-desktop (CLI)",
              "before_cli": f"app of {args.before} via the CLI"}
    for kind, values in times.items():
        print(f"  {labels[kind]:<36} {medians[kind] * 1000:6.0f} ms   runs: "
              f"{', '.join(f'{t * 1000:.0f}' for t in values)};  CPU {statistics.median(cpu[kind]) * 1000:.0f} ms")
    if args.bytecode:
        print("  (children with bytecode caches, as an installed app)")
    print(f"  ratio app / bare:     {medians['app'] / medians['bare']:.2f}x (goal <= 3x)")
    print(f"  ratio app / bare_sql: {medians['app'] / medians['bare_sql']:.2f}x")
    if args.before:
        print(f"  ratio before / bare:  {medians['before'] / medians['bare']:.2f}x")
    cpu_medians = {kind: statistics.median(values) for kind, values in cpu.items()}
    print(f"  CPU time ratio app / bare: {cpu_medians['app'] / cpu_medians['bare']:.2f}x"
          + (f"; before / bare: {cpu_medians['before'] / cpu_medians['bare']:.2f}x" if args.before else ""))
    content_lines(args.runs, medians["bare"], cpu_medians["bare"], args.before.resolve() if args.before else None)
    return 0


def content_lines(runs: int, bare: float, bare_cpu: float, before: Path | None) -> None:
    """The app to its first view's content painted (今日 with the lines it read), where the child said so."""
    for label, kind, tree in (("app", "app", ROOT), ("before", "app", before), ("app via the CLI", "cli", ROOT),
                              ("before via the CLI", "cli", before)):
        if tree is None:
            continue
        timed = CONTENT.get((kind, tree), [])[-runs:]  # the measured runs, not the warm-ups
        if len(timed) < runs:
            print(f"  {label} to content painted: not reported by that tree's bench")
            continue
        wall = statistics.median(t for t, _ in timed)
        cpu = statistics.median(c for _, c in timed)
        print(f"  {label} to content painted: {wall * 1000:.0f} ms   runs: {', '.join(f'{t * 1000:.0f}' for t, _ in timed)};"
              f"  CPU {cpu * 1000:.0f} ms;  / bare {wall / bare:.2f}x, CPU / bare {cpu / bare_cpu:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
