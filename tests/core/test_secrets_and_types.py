"""Keyring access and the Rails time conventions of the column types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from oroshi_desktop import secrets
from oroshi_desktop.db.engine import open_database, parse_database_url
from oroshi_desktop.db.models import Invoice
from oroshi_desktop.errors import DatabaseUnavailable, SecretStoreError


def test_secret_roundtrip(memory_keyring):
    secrets.set_secret("smtp:office@mail", "s3cret")
    assert secrets.get_secret("smtp:office@mail") == "s3cret"
    secrets.delete_secret("smtp:office@mail")
    assert secrets.get_secret("smtp:office@mail") is None


def test_missing_keyring_is_a_user_error():
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(SecretStoreError, match="keyring"):
        secrets.get_secret("smtp:x@y")
    with pytest.raises(SecretStoreError) as info:
        secrets.set_secret("smtp:x@y", "topsecret")
    assert "topsecret" not in str(info.value)


def test_database_url_with_password_is_refused():
    with pytest.raises(DatabaseUnavailable) as info:
        parse_database_url("postgresql://oroshi:hunter2@db/oroshi")
    assert "hunter2" not in str(info.value) and "keyring" in str(info.value)


@pytest.mark.parametrize("url", ["not a url", "mysql://x@y/z", "http://example.com"])
def test_bad_database_urls(url):
    with pytest.raises(DatabaseUnavailable):
        parse_database_url(url)


def test_unreachable_postgres_is_one_clear_error():
    from tests.helpers.pgserver import free_port

    database = open_database(f"postgresql://nobody@127.0.0.1:{free_port()}/x", connect_args={"connect_timeout": 2})
    with pytest.raises(DatabaseUnavailable, match="cannot connect"):
        database.ping()


def test_rails_datetimes_are_naive_utc_in_the_table_and_aware_in_code(db):
    tokyo = timezone(timedelta(hours=9))
    with db.write() as session:
        invoice = Invoice(send_email=True, send_at=datetime(2025, 10, 16, 9, 0, tzinfo=tokyo))
        session.add(invoice)
        session.flush()
        invoice_id = invoice.id
    with pytest.raises(Exception, match="naive"), db.write() as session:
        session.add(Invoice(send_at=datetime(2025, 10, 16, 9, 0)))
        session.flush()
    with db.read() as session:
        raw = session.execute(text("SELECT send_at, created_at FROM oroshi_invoices WHERE id = :i"),
                              {"i": invoice_id}).one()
        loaded = session.get(Invoice, invoice_id)
    stored = raw[0] if isinstance(raw[0], datetime) else datetime.fromisoformat(raw[0])
    assert stored == datetime(2025, 10, 16, 0, 0)  # 09:00 JST is 00:00 UTC, stored naive
    assert loaded.send_at == datetime(2025, 10, 16, 0, 0, tzinfo=UTC)
    assert loaded.created_at.tzinfo is not None


def test_database_errors_show_the_url_the_user_typed_not_the_drivers():
    """Messages said postgresql+psycopg://… for the postgresql://… the user wrote (issue 21, point 9)."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on: the connection is refused at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    typed = f"postgresql://clerk@127.0.0.1:{port}/oroshi"
    database = open_database(typed)
    assert database.url.drivername == "postgresql+psycopg" and database.display_url == typed
    with pytest.raises(DatabaseUnavailable) as info:
        database.ping()
    assert typed in info.value.message and "+psycopg" not in info.value.message + info.value.message_ja
    database.dispose()
