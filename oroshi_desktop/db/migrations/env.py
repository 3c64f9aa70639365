"""Alembic environment: always run in-process with a connection handed over by ``schema.upgrade``."""

from __future__ import annotations

from alembic import context

from oroshi_desktop.db.models import Base
from oroshi_desktop.db.schema import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    # The web system owns every other table; autogenerate must never propose touching them.
    include_name=lambda name, type_, _parent: type_ != "table" or (name or "").startswith("oroshi_desktop_"),
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
