"""Benchmark: how long ``generate_demo`` takes at a given scale, and how many rows it writes.

    python bench/demo_scale.py --scale 20                      # a fresh SQLite file in a temp dir
    python bench/demo_scale.py --database postgresql://me@localhost/oroshi_bench --scale 200

The database is upgraded first (``db upgrade``). It must be empty unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.errors import UserError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="database URL (default: a new SQLite file in a temp directory)")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--today", type=date.fromisoformat, help="anchor date, YYYY-MM-DD (default: today)")
    parser.add_argument("--force", action="store_true", help="add demo data to a non-empty database")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="oroshi-bench-") as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'demo.sqlite3'}"
        db = open_database(url)
        try:
            schema.upgrade(db)
            started = time.perf_counter()
            last = started

            def progress(line: str) -> None:
                nonlocal last
                now = time.perf_counter()
                if not args.quiet:
                    print(f"  {now - started:8.2f}s (+{now - last:6.2f}s)  {line}", flush=True)
                last = now

            print(f"database: {db.display_url}  scale: {args.scale}  seed: {args.seed}", flush=True)
            summary = generate_demo(db, scale=args.scale, seed=args.seed, today=args.today,
                                    force=args.force, progress=progress)
            elapsed = time.perf_counter() - started
        except UserError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        finally:
            db.dispose()
        size = ""
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if path.exists():
                size = f", file {path.stat().st_size / 2**20:,.1f} MiB"

    counts = summary.by_table()
    width = max(map(len, counts))
    print()
    for table, n in counts.items():
        print(f"  {table:<{width}}  {n:>12,}")
    print(f"  {'total':<{width}}  {summary.total:>12,}")
    print(f"\n{summary.total:,} rows in {elapsed:,.2f} s = {summary.total / elapsed:,.0f} rows/s"
          f" (supplies {summary.supplies:,}, orders {summary.orders:,}{size})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
