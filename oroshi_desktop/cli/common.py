"""What every command needs: the configured database, opened and checked."""

from __future__ import annotations

from oroshi_desktop.config import Settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.errors import SchemaError


def open_db(settings: Settings, *, upgrade: bool = False) -> Database:
    database = open_database(settings.effective_database_url)
    database.ping()
    if upgrade:
        schema.upgrade(database)
    return database


def require_healthy(database: Database) -> None:
    """Refuse to work on a database whose schema is incomplete, naming what is missing."""
    problems = schema.check(database)
    if problems:
        raise SchemaError(
            "the database is not ready: " + "; ".join(p.describe() for p in problems[:5])
            + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            + " — run: oroshi-desktop db check",
            "データベースの準備ができていません: " + "、".join(p.describe_ja() for p in problems[:5]),
        )
