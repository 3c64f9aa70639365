"""接続テスト: a database URL tried before it is saved, with the password typed in 設定 (used for the
test only) or else the one in the keyring. The password never reaches a URL that is shown or logged."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from oroshi_desktop import secrets
from oroshi_desktop.db.engine import parse_database_url
from oroshi_desktop.errors import UserError

CONNECT_TIMEOUT_SECONDS = 10


def database_password_key(url_text: str) -> str | None:
    """The keyring entry of the URL's password, or None for a URL that uses none (SQLite, no user)."""
    url = parse_database_url(url_text)
    if url.get_backend_name() != "postgresql" or not url.username:
        return None
    return secrets.database_key(url.username, url.host or "localhost", url.port, url.database)


def server_version(url_text: str, typed_password: str = "") -> str:
    """The server's version line, or a ``UserError`` with the reason (no password in it)."""
    url = parse_database_url(url_text)
    password = typed_password
    if not password:
        key = database_password_key(url_text)
        password = (secrets.get_secret(key) or "") if key else ""
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if url.get_backend_name() == "postgresql" else {}
    engine = create_engine(url.set(password=password or None), connect_args=connect_args, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if url.get_backend_name() == "postgresql":
                return str(conn.execute(text("SELECT version()")).scalar_one()).split(",")[0]
            return "SQLite " + str(conn.execute(text("SELECT sqlite_version()")).scalar_one())
    except Exception as err:  # every driver error: its first line, with the password scrubbed
        reason = str(getattr(err, "orig", err) or err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if password:
            reason = reason.replace(password, "***")
        raise UserError(f"cannot connect: {reason}", f"接続できません: {reason}") from None
    finally:
        engine.dispose()
