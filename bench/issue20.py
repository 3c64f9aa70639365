"""Issue 20's table in one run: every row of the issue, this tree against the commit the issue
started from, on SQLite and (when given) PostgreSQL, by running the benchmarks that own each row.

    python bench/issue20.py --before 3b92d84 --sqlite /tmp/s200.sqlite3 \\
        [--postgresql postgresql+psycopg://…/oroshi_bench] [--out /tmp/issue20]

The databases hold the scale-200 demo (``oroshi-desktop demo --scale 200``) with run 14 of 200
organizations built from invoice 13 (``bench/render_run.py --invoice 13 --organizations 200
--generate``); the run rows regenerate its PDFs, so use copies. Each benchmark's whole output is
kept in ``--out``; the table (Markdown, for docs/PERFORMANCE.md) is printed last and written there
as ``table.md``. A figure a benchmark did not print shows as "—" with the log to read.

Rows: the cold start to 今日's lines (``gui.py``, embedded SQLite only), 注文・出荷 at scale 200
(``gui_orders.py`` of each tree: every case against its own bare repaint), a statement run of 20
and 200 organizations (``render_run.py --generate --before``), mail preparation + the mail check of
200 mails (``mail_check.py --before``) and the send loop alone (``mail_check.py --send-loop``; the
commit the issue started from has no such line, so its row is this tree only).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DASH = "—"


class Bench:
    """Runs the benchmarks into one folder of logs and keeps the table's rows."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.rows: list[tuple[str, str, str, str, str]] = []  # what, database, before, after, goal

    def run(self, name: str, argv: list[str], cwd: Path = ROOT) -> str:
        log = self.out / f"{name}.log"
        print(f"[{time.strftime('%H:%M:%S')}] {name}: {' '.join(argv)}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, *argv], cwd=cwd, capture_output=True, text=True)
        log.write_text(done.stdout + "\n--- stderr ---\n" + done.stderr, encoding="utf-8")
        print(f"    {time.perf_counter() - started:.0f} s, exit {done.returncode}, log {log}", flush=True)
        return done.stdout

    def row(self, what: str, database: str, before: str, after: str, goal: str) -> None:
        self.rows.append((what, database, before, after, goal))

    def table(self) -> str:
        lines = ["| what | database | before (the issue's base) | after (this tree) | goal |",
                 "|---|---|---|---|---|"]
        lines += [f"| {' | '.join(row)} |" for row in self.rows]
        return "\n".join(lines)


def found(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1) if match else None


def cold_start(bench: Bench, base: Path, runs: int) -> None:
    out = bench.run("gui", ["bench/gui.py", "--runs", str(runs), "--bytecode", "--before", str(base)])
    figures = {}
    for side, label in (("after", "app"), ("before", "before")):
        ms = found(rf"^  {label} to content painted: (\d+) ms", out)
        ratio = found(rf"^  {label} to content painted: .*/ bare ([0-9.]+)x, CPU", out)
        cpu = found(rf"^  {label} to content painted: .*CPU / bare ([0-9.]+)x", out)
        figures[side] = f"{ms} ms, **{ratio}×** (CPU {cpu}×)" if ms else DASH
    bare = found(r"^  bare QTableView +(\d+) ms", out)
    bench.row(f"cold start to 今日's lines (bare window {bare} ms)", "SQLite (embedded)", figures["before"],
              figures["after"], "≤ 3× the bare window")


CASE = re.compile(r"^(\S.{27}) +([0-9.]+) +([0-9.]+) +([0-9.]+)×(?: +([0-9.]+) +([0-9.]+))?", re.MULTILINE)


def orders(bench: Bench, base: Path, url: str, kind: str) -> None:
    cases: dict[str, dict[str, tuple[float, str, str]]] = {}
    repaint: dict[str, str] = {}
    for side, tree in (("before", base), ("after", ROOT)):
        out = bench.run(f"orders-{kind}-{side}", [str(tree / "bench" / "gui_orders.py"), "--database", url,
                                                  "--no-qsql"], cwd=tree)
        repaint[side] = found(r"repaint of the visible rows alone ([0-9.]+) ms", out) or ""
        for name, gui, _sql, _ratio, ids, totals in CASE.findall(out):
            if name.strip() != "case":
                cases.setdefault(name.strip(), {})[side] = (float(gui), ids, totals)
    for name, sides in cases.items():
        cells = {}
        for side in ("before", "after"):
            if side not in sides or not repaint[side]:
                cells[side] = DASH
                continue
            gui, ids, totals = sides[side]
            cells[side] = f"{gui:.0f} ms, **{gui / float(repaint[side]):.1f}×**" + (
                f"; scroll bar {float(ids):.0f} ms, totals {float(totals):.0f} ms" if ids else "")
        bench.row(f"注文・出荷: {name} (bare repaint {repaint['before'] or DASH} / {repaint['after'] or DASH} ms)",
                  kind, cells["before"], cells["after"], "≤ 3× the bare repaint; scroll bar and totals ≤ 300 ms")


def statement_run(bench: Bench, before: str, url: str, kind: str, organizations: int, invoice: int) -> None:
    out = bench.run(f"run-{kind}-{organizations}", ["bench/render_run.py", "--database", url, "--invoice",
                                                    str(invoice), "--organizations", str(organizations),
                                                    "--generate", "--before", before, "--repeat", "1"])
    seconds = {side: found(rf"^generation {side}: .*median ([0-9.]+) s", out) for side in ("before", "after")}
    ratio = found(r"^generation after / before per pair .*median ([0-9.]+)x", out)
    bench.row(f"a statement run of {organizations} organizations, both formats", kind,
              f"{seconds['before']} s" if seconds["before"] else DASH,
              f"{seconds['after']} s, **{ratio}×** the base" if ratio else DASH, "≤ 0.5× the base")


def mail(bench: Bench, before: str, kind: str) -> None:
    label = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[kind]
    out = bench.run(f"mail-{kind}", ["bench/mail_check.py", "--database", kind, "--organizations", "200",
                                     "--repeat", "1", "--before", before, "--before-runs", "2"])
    cells = {}
    for side in ("before", "after"):
        line = found(rf"^{side} \(.*\): (.*)$", out) or ""
        ratio = found(r"preparation \+ mail check / bare [0-9., ]+\(median ([0-9.]+)\)", line)
        cells[side] = f"**{ratio}×** the bare loop" if ratio else DASH
    bench.row("mail preparation + mail check, 200 mails", label, cells["before"], cells["after"], "≤ 4× the bare loop")
    loop = bench.run(f"send-loop-{kind}", ["bench/mail_check.py", "--database", kind, "--organizations", "200",
                                           "--repeat", "1", "--send-loop", "5", "--skip-composed",
                                           "--skip-per-connection"])
    median = found(r"^send loop alone .*median ([0-9.]+)x", loop)
    pairs = found(r"^send loop alone .*ratio per pair ([0-9.–]+x)", loop)
    bench.row("the send loop of 200 prepared mails", label, "(no such line at the base)",
              f"**{median}×** the bare loop (pairs {pairs})" if median else DASH, "≤ 2× the bare loop")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="3b92d84", help="the commit the issue started from")
    parser.add_argument("--sqlite", type=Path, required=True, help="a scale-200 demo file with run 14 (a copy)")
    parser.add_argument("--postgresql", help="a scale-200 demo database URL with run 14")
    parser.add_argument("--out", type=Path, default=None, help="where the logs and table.md go")
    parser.add_argument("--gui-runs", type=int, default=7)
    parser.add_argument("--skip", nargs="*", default=[], choices=("gui", "orders", "runs", "mail"))
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="oroshi-issue20-"))
    out.mkdir(parents=True, exist_ok=True)
    bench = Bench(out)
    databases = [("SQLite", f"sqlite:///{args.sqlite.resolve()}")]
    if args.postgresql:
        databases.append(("PostgreSQL", args.postgresql))
    with tempfile.TemporaryDirectory(prefix="oroshi-issue20-base-") as tmp:
        base = Path(tmp)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        if "gui" not in args.skip:
            cold_start(bench, base, args.gui_runs)
        for kind, url in databases:
            if "orders" not in args.skip:
                orders(bench, base, url, kind)
            if "runs" not in args.skip:
                statement_run(bench, args.before, url, kind, 20, 13)
                statement_run(bench, args.before, url, kind, 200, 14)
        if "mail" not in args.skip:
            for kind in ("sqlite", "postgresql"):
                mail(bench, args.before, kind)
    table = bench.table()
    (out / "table.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
