"""A PostgreSQL role without a right on a table (issue 10 point 2): the office PC's role may SELECT
every table except ``oroshi_invoices`` (or may not UPDATE ``oroshi_supplies``); each command that
needs it prints one line naming the table and the missing right, exits 2, and changes nothing.
Run on the suite's real PostgreSQL, the CLI as a subprocess."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import Invoice, Supply
from oroshi_desktop.db.permissions import PermissionDenied
from tests.core.test_cli import assert_one_line_error, run
from tests.helpers.pgserver import PgServer, free_port
from tests.printables.statement_fixtures import END, START, build_statement_fixture


@pytest.fixture
def limited(pg_server: PgServer, pg_templates: dict[str, str]):  # type: ignore[no-untyped-def]
    """A database with the statement data and a role ``clerk_…`` that may not SELECT oroshi_invoices."""
    name = f"rights_{uuid.uuid4().hex[:8]}"
    role = f"clerk_{uuid.uuid4().hex[:8]}"
    url = pg_server.create_database(name, template=pg_templates["pg_app"])
    owner = open_database(url)
    with owner.write() as session:
        fixture = build_statement_fixture(session)
    owner.dispose()
    with psycopg.connect(host="127.0.0.1", port=pg_server.port, user=pg_server.user, dbname=name,
                         autocommit=True) as conn:
        # Identifiers made above from uuid hex; CREATE ROLE/GRANT take no parameters.
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f'GRANT CONNECT ON DATABASE "{name}" TO {role}')
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        conn.execute(f"REVOKE SELECT ON oroshi_invoices FROM {role}")
        conn.execute(f"REVOKE UPDATE ON oroshi_supplies FROM {role}")
    clerk_url = f"postgresql+psycopg://{role}@127.0.0.1:{pg_server.port}/{name}"
    try:
        yield clerk_url, fixture
    finally:
        pg_server.drop_database(name)
        with pg_server.admin() as conn:
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def test_missing_select_right_is_one_line_per_command(limited, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, fixture = limited
    # A mail server that is configured but never reached: the run's rows are read before any mail.
    env = {"OROSHI_DATABASE_URL": url, "OROSHI_SMTP_HOST": "127.0.0.1", "OROSHI_SMTP_PORT": str(free_port()),
           "OROSHI_SMTP_SECURITY": "none"}
    out = tmp_path / "x.pdf"
    commands = [
        ("render", "statement", "--invoice", str(fixture.invoice_id), "--organization", str(fixture.organization_id),
         "--format", "organization", "--no-password", "--out", str(out)),
        ("generate", "--invoice", str(fixture.invoice_id)),
        ("mail-check", "--once"),
        ("outbox", "list"),
        ("enqueue", "statement", "--invoice", str(fixture.invoice_id)),
    ]
    tried = 0
    for command in commands:
        result = run(*command, env=env)
        print(" ".join(command[:2]), "→", result.returncode, result.stderr.strip()[-200:])
        if result.returncode == 0:
            continue  # this command does not read the table (listed to be sure it does not crash)
        assert_one_line_error(result, "no SELECT right on table oroshi_invoices")
        tried += 1
        assert not out.exists()
    assert tried >= 4
    print(f"rights: {tried} commands refused in one line for a missing SELECT right")


def test_missing_update_right_names_the_table_and_changes_nothing(limited) -> None:  # type: ignore[no-untyped-def]
    url, _fixture = limited
    database = open_database(url)
    try:
        with database.read() as session:
            supply = session.scalars(select(Supply).order_by(Supply.id).limit(1)).one()
            before = supply.quantity
        with pytest.raises(PermissionDenied) as caught, database.write() as session:
            session.get(Supply, supply.id).quantity = before + 1
        assert caught.value.table == "oroshi_supplies" and caught.value.right == "UPDATE"
        assert "UPDATE 権限がありません" in caught.value.message_ja
        with pytest.raises(PermissionDenied, match="no SELECT right on table oroshi_invoices"), \
                database.read() as session:
            session.scalars(select(Invoice).where(Invoice.start_date >= START, Invoice.end_date <= END)).all()
        with database.read() as session:
            assert session.get(Supply, supply.id).quantity == before
    finally:
        database.dispose()
