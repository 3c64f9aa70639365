"""db upgrade / db check on SQLite, on PostgreSQL created by the app and on the real Oroshi schema."""

from __future__ import annotations

from sqlalchemy import inspect, text

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import APP_TABLE_PREFIX, Base
from tests.conftest import ORIGINAL_SCHEMA
from tests.helpers.pgserver import PgServer


def test_upgraded_database_is_healthy(db):
    assert schema.check(db) == []
    assert schema.current_revision(db) == schema.head_revision(db)
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_upgrade_twice_creates_nothing(db):
    assert schema.upgrade(db) == []


def _columns(conn, table):
    return [(c["name"], str(c["type"]), c["nullable"]) for c in inspect(conn).get_columns(table)]


def test_upgrade_on_real_oroshi_schema_adds_only_app_tables(pg_server: PgServer):
    pg_server.create_database("only_app")
    pg_server.run_sql_file("only_app", ORIGINAL_SCHEMA)
    database = open_database(pg_server.url("only_app"))
    try:
        oroshi_tables = [t for t in inspect(database.engine).get_table_names()]
        before = {t: _columns(database.engine, t) for t in oroshi_tables}
        created = schema.upgrade(database)
        assert created, "upgrade created nothing"
        assert all(name.startswith(APP_TABLE_PREFIX) for name in created), created
        after = {t: _columns(database.engine, t) for t in oroshi_tables}
        assert before == after, "an Oroshi table was altered"
        assert schema.check(database) == []
    finally:
        database.dispose()
        pg_server.drop_database("only_app")


def test_check_names_a_missing_column(pg_server: PgServer):
    pg_server.create_database("missing_col")
    pg_server.run_sql_file("missing_col", ORIGINAL_SCHEMA)
    database = open_database(pg_server.url("missing_col"))
    try:
        schema.upgrade(database)
        with database.engine.begin() as conn:
            conn.execute(text("ALTER TABLE oroshi_supplier_organizations DROP COLUMN invoice_number"))
            conn.execute(text("DROP TABLE oroshi_order_templates"))
        problems = [p.describe() for p in schema.check(database)]
        assert "missing column oroshi_supplier_organizations.invoice_number" in problems
        assert "missing table oroshi_order_templates" in problems
        assert len(problems) == 2
    finally:
        database.dispose()
        pg_server.drop_database("missing_col")


def test_check_on_empty_sqlite_reports_app_tables_need_upgrade(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    problems = schema.check(database)
    app = [p for p in problems if p.table.startswith(APP_TABLE_PREFIX)]
    assert app and all("db upgrade" in p.describe() for p in app)
