"""Declarative base and the Rails conventions shared by every Oroshi table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column

from oroshi_desktop.db.types import BigId, RailsDateTime, utcnow

__all__ = ["NAMING", "Base", "BigId", "IdMixin", "Timestamps", "reference"]  # BigId: also for the migrations

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class IdMixin:
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)


class Timestamps:
    """Rails writes created_at/updated_at itself (NOT NULL, no default): so do we."""

    created_at: Mapped[datetime] = mapped_column(RailsDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(RailsDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)


def reference(table: str, *, nullable: bool = False, ondelete: str | None = None) -> MappedColumn[Any]:
    """A Rails ``t.references`` column: the bigint id of a row of ``table`` (NOT NULL unless said)."""
    return mapped_column(BigId, ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable)
