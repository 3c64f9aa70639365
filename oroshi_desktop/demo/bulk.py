"""Bulk row writing for the demo generator: id reservation and chunked Core executemany.

A million supplies cannot go through the ORM one object at a time, so rows are plain dicts
inserted with ``insert(table)`` in chunks. Rows whose ids are needed later get them reserved up
front, which also works on a database that already holds data (``--force``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import FromClause, TableClause, func, insert, select, text
from sqlalchemy.orm import Session

Row = dict[str, Any]

CHUNK_SIZE = 5_000
# Big tables report progress every this many rows, so a long run shows signs of life.
PROGRESS_EVERY = 100_000


class BulkWriter:
    """Buffers rows per table and flushes them in the order the tables were first used.

    Flushing in first-use order keeps foreign keys satisfied: a parent row is always added
    before its children, so its table's buffer is registered (and flushed) first.
    """

    def __init__(self, session: Session, progress: Callable[[str], None] | None,
                 chunk_size: int = CHUNK_SIZE) -> None:
        self._conn = session.connection()
        self._progress = progress
        self._chunk_size = chunk_size
        self._buffers: dict[str, tuple[TableClause, list[Row]]] = {}
        self._buffered = 0
        self._next_id: dict[str, int] = {}
        self.counts: Counter[str] = Counter()

    @property
    def dialect(self) -> str:
        return self._conn.dialect.name

    def scalar(self, statement: Any) -> Any:
        return self._conn.execute(statement).scalar()

    def execute(self, statement: Any, params: Any = None) -> Any:
        return self._conn.execute(statement, params)

    def reserve_ids(self, model_table: FromClause, n: int) -> list[int]:
        """``n`` fresh primary keys for ``table``, ascending."""
        table = _table(model_table)
        if n <= 0:
            return []
        if self.dialect == "postgresql":
            # nextval is safe next to other writers and leaves the sequence consistent, so no
            # setval is needed afterwards.
            ids = self._conn.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table.name, "n": n},
            ).scalars().all()
            return sorted(ids)
        # SQLite: the write transaction began IMMEDIATE, so nobody else can insert meanwhile, and
        # an INTEGER PRIMARY KEY takes explicit values (later automatic ids continue after MAX).
        start = self._next_id.get(table.name)
        if start is None:
            start = (self._conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        self._next_id[table.name] = start + n
        return list(range(start, start + n))

    def add(self, model_table: FromClause, row: Row) -> None:
        table = _table(model_table)
        entry = self._buffers.get(table.name)
        if entry is None:
            entry = self._buffers[table.name] = (table, [])
        entry[1].append(row)
        self._buffered += 1
        if self._buffered >= self._chunk_size:
            self.flush()

    def add_all(self, table: FromClause, rows: Iterable[Row]) -> None:
        for row in rows:
            self.add(table, row)

    def flush(self) -> None:
        for name, (table, rows) in self._buffers.items():
            if not rows:
                continue
            self._conn.execute(insert(table), rows)
            before = self.counts[name]
            self.counts[name] += len(rows)
            if self._progress and before // PROGRESS_EVERY != self.counts[name] // PROGRESS_EVERY:
                self._progress(f"{_label(name)}: {self.counts[name]:,}…")
            rows.clear()
        self._buffered = 0

    def analyze(self) -> None:
        """PostgreSQL: gather the planner's statistics, in this transaction (it sees its own rows).
        Without them, the first minute after a bulk load (until autovacuum analyzes) plans as if the
        tables were nearly empty: the orders list's carrier filter joined and sorted every order of
        the range instead of walking the date index (docs/PERFORMANCE.md). The whole database: the
        demo filled most of its tables, and the statement takes no identifiers built from strings."""
        self.flush()
        if self.dialect == "postgresql":
            self._conn.exec_driver_sql("ANALYZE")

    def report(self, *tables: FromClause) -> None:
        """Flush, then tell the progress callback how many rows each table received."""
        self.flush()
        if self._progress:
            for name in (_table(t).name for t in tables):
                self._progress(f"{_label(name)}: {self.counts[name]:,}")


def _table(model_table: FromClause) -> TableClause:
    """A model's ``__table__`` (typed as any FROM clause by SQLAlchemy) as the table it is."""
    assert isinstance(model_table, TableClause), model_table
    return model_table


_LABELS = {
    "settings": "company settings",
    "oroshi_supplier_organizations": "organizations",
    "oroshi_supplier_organizations_oroshi_supply_reception_times": "organization reception times",
    "oroshi_suppliers": "producers",
    "oroshi_suppliers_oroshi_supply_type_variations": "producer variations",
    "oroshi_desktop_supply_type_tax_rates": "tax rates",
}


def _label(table_name: str) -> str:
    if table_name in _LABELS:
        return _LABELS[table_name]
    return table_name.removeprefix("oroshi_desktop_").removeprefix("oroshi_").replace("_", " ")
