"""A clerk's search text as a SQL condition: the text anywhere in a column, whatever its case, with
``%``, ``_`` and ``\\`` matched as themselves rather than as LIKE wildcards (PostgreSQL and SQLite alike).
The one rule of every list's search box (orders, statement runs, the archive)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement


def contains(column: Any, text: str) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
