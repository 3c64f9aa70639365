"""Creating and checking the schema: ``db upgrade`` and ``db check``.

The app owns only its ``oroshi_desktop_*`` tables. On an empty database it also creates the
Oroshi tables it needs; on the web system's database it checks them and reports what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import APP_TABLE_PREFIX, Base

VERSION_TABLE = "oroshi_desktop_alembic_version"


def _alembic_config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("oroshi_desktop.db") / "migrations"))
    # Informational only (env.py uses the connection handed over). The config is a ConfigParser:
    # a % in the URL (an encoded sslrootcert/sslkey path) must be doubled or it is a traceback.
    config.set_main_option("sqlalchemy.url", db.display_url.replace("%", "%%"))
    return config


def head_revision(db: Database) -> str | None:
    return ScriptDirectory.from_config(_alembic_config(db)).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:  # a read: deferred on SQLite, never waiting for a writer
        conn = conn.execution_options(sqlite_begin="DEFERRED")
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(db: Database) -> list[str]:
    """Bring the schema to the newest revision; return the tables this call created."""
    db.ping()
    before = set(inspect(db.engine).get_table_names())
    config = _alembic_config(db)
    with db.errors_named(), db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
    after = set(inspect(db.engine).get_table_names())
    return sorted(after - before)


@dataclass(frozen=True)
class SchemaProblem:
    table: str
    column: str | None = None
    detail: str = ""

    def describe(self) -> str:
        if self.column:
            return f"missing column {self.table}.{self.column}"
        return f"missing table {self.table}" + (f" ({self.detail})" if self.detail else "")

    def describe_ja(self) -> str:
        if self.column:
            return f"列 {self.table}.{self.column} がありません"
        return f"テーブル {self.table} がありません" + (f"（{self.detail}）" if self.detail else "")


def check(db: Database) -> list[SchemaProblem]:
    """Every required table and column that is missing, in one list (empty when healthy)."""
    db.ping()
    # Inspected on a deferred (reading) connection: a check never waits for another process's write.
    with db.engine.connect() as conn:
        return _check(db, inspect(conn.execution_options(sqlite_begin="DEFERRED")))


def _check(db: Database, inspector: Any) -> list[SchemaProblem]:
    existing = set(inspector.get_table_names())
    problems: list[SchemaProblem] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            hint = "run: oroshi-desktop db upgrade" if table.name.startswith(APP_TABLE_PREFIX) else ""
            problems.append(SchemaProblem(table.name, detail=hint))
            continue
        present = {col["name"] for col in inspector.get_columns(table.name)}
        problems.extend(SchemaProblem(table.name, col.name) for col in table.columns if col.name not in present)
    if not problems and current_revision(db) != head_revision(db):
        problems.append(SchemaProblem(VERSION_TABLE, detail="schema is not at the newest revision; "
                                      "run: oroshi-desktop db upgrade"))
    return problems
