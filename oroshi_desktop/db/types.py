"""Column types that behave the same on SQLite and PostgreSQL.

The Oroshi tables follow Rails: ``timestamp without time zone`` holding UTC, ``jsonb`` and
``text[]`` columns. In code every datetime is timezone-aware; the conversion happens here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeEngine

# bigserial on PostgreSQL; SQLite only auto-increments an INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")

class RailsDateTime(TypeDecorator[datetime]):
    """Naive UTC in the database, aware UTC in Python; refuses naive values from code."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a Rails UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class AwareDateTime(TypeDecorator[datetime]):
    """For the app's own tables: timestamptz on PostgreSQL, UTC text on SQLite; aware in Python."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to an aware column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class JsonB(TypeDecorator[Any]):
    """jsonb on PostgreSQL, JSON text on SQLite."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            # Imported here: the PostgreSQL dialect package (with its asyncpg and asyncio modules)
            # costs a cold start on SQLite a few tenths of a second; a PostgreSQL engine has loaded it.
            from sqlalchemy.dialects import postgresql

            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(JSON())


class StringArray(TypeDecorator[list[str]]):
    """``character varying[]`` / ``text[]`` on PostgreSQL, a JSON list on SQLite."""

    impl = JSON
    cache_ok = True

    def __init__(self, item_type: type[String] | String = String, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item_type = item_type

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            return dialect.type_descriptor(postgresql.ARRAY(self.item_type))
        return dialect.type_descriptor(JSON())

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> list[str] | None:
        return None if value is None else list(value)

    def process_result_value(self, value: list[str] | None, dialect: Dialect) -> list[str]:
        return list(value or [])


ERROR_TEXT_LIMIT = 4000  # characters of an error text kept in the database


def clean_error_text(value: str) -> str:
    """An error text as the database keeps it: no NUL (PostgreSQL refuses it in text, and the whole
    write failed), other control characters but line breaks and tabs shown as ``\\xNN``, at most
    ``ERROR_TEXT_LIMIT`` characters (an SMTP reply or a data value can be of any size)."""
    cleaned = "".join(ch if ch in "\n\t" or (ch >= " " and ch != "\x7f") else f"\\x{ord(ch):02x}" for ch in value)
    return cleaned if len(cleaned) <= ERROR_TEXT_LIMIT else cleaned[: ERROR_TEXT_LIMIT - 1] + "…"


class ErrorText(TypeDecorator[str]):
    """Unbounded text for error messages, cleaned on the way in (``clean_error_text``)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else clean_error_text(str(value))


def utcnow() -> datetime:
    return datetime.now(UTC)
