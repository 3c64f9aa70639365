"""What the app does with its database when it starts, whatever starts it (the window, a test, a
benchmark): reach it; an embedded file gets its schema and, while empty, the demo data."""

from __future__ import annotations

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database, open_database


def prepare(settings: Settings, database: Database, *, check_pages: bool = False) -> None:
    """Reach the database; an empty embedded one gets its schema and the demo data.

    ``check_pages``: read every page of an SQLite file first (``DatabaseDamaged`` names a damaged
    one), for a caller that opened it with ``open_database(check_pages=False)``: the window, which
    prepares off the GUI thread. Raises ``DatabaseUnavailable`` while the (shared) database does not
    answer.
    """
    if check_pages and database.dialect == "sqlite" and database.url.database not in (None, "", ":memory:"):
        from pathlib import Path

        from oroshi_desktop.db.integrity import check_embedded_database

        check_embedded_database(Path(database.display_file))
    database.ping()
    if settings.is_embedded_database:
        from oroshi_desktop.db import schema  # Alembic: a noticeable part of a cold start

        schema.upgrade(database)
        from oroshi_desktop.demo import generate_demo, is_empty

        if is_empty(database):
            generate_demo(database)


def prepare_database(settings: Settings) -> Database:
    """Open and prepare the configured database (for tests, benchmarks and the CLI)."""
    database = open_database(settings.effective_database_url)
    prepare(settings, database)
    return database
