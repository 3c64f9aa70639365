"""The columns the window's first view (今日) reads, as SQLAlchemy Core table clauses.

Declaring the ORM models (≈ 40 mapped classes, then their mapper configuration) is a large share
of a cold start; 今日's grouped counts need none of it. So ``oroshi_desktop.today`` reads these
clauses, and the models package loads when something first uses a model (issue 20 point 1). Each
column here is the model's column by name and type: ``tests/core/test_db_tables.py`` compares
them, so a model that changes a column cannot leave this copy behind. Never mix a clause with its
model in one statement: SQLAlchemy would see two tables of the same name.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, Float, Integer, String, Text, column, table
from sqlalchemy.sql.expression import TableClause

from oroshi_desktop.db.types import AwareDateTime, BigId, ErrorText, JsonB, RailsDateTime

orders = table("oroshi_orders", column("id", BigId), column("shipping_method_id", BigId),
               column("shipping_date", Date), column("freight_quantity", Integer))
order_templates = table("oroshi_order_templates", column("id", BigId), column("order_id", BigId))
shipping_methods = table("oroshi_shipping_methods", column("id", BigId), column("shipping_organization_id", BigId))
shipping_organizations = table("oroshi_shipping_organizations", column("id", BigId), column("name", String))

invoices = table("oroshi_invoices", column("id", BigId), column("start_date", Date), column("end_date", Date),
                 column("send_email", Boolean), column("send_at", RailsDateTime()), column("sent_at", RailsDateTime()))
invoice_organizations = table("oroshi_invoice_supplier_organizations", column("id", BigId),
                              column("invoice_id", BigId))
supplier_organizations = table("oroshi_supplier_organizations", column("id", BigId), column("entity_name", String))
outbox = table("oroshi_desktop_outbox", column("id", BigId), column("invoice_id", BigId),
               column("invoice_supplier_organization_id", BigId), column("supplier_organization_id", BigId),
               column("generation", Integer), column("state", String(16)))

supply_dates = table("oroshi_supply_dates", column("id", BigId), column("date", Date))
supplies = table("oroshi_supplies", column("id", BigId), column("supply_date_id", BigId),
                 column("quantity", Float), column("price", Float))

jobs = table("oroshi_desktop_jobs", column("id", BigId), column("kind", String(64)), column("arguments", Text),
             column("state", String(16)), column("requested_by", String(255)), column("message", ErrorText),
             column("message_key", String(64)), column("message_args", JsonB()), column("error", ErrorText),
             column("finished_at", AwareDateTime()))

ALL: tuple[TableClause, ...] = (orders, order_templates, shipping_methods, shipping_organizations, invoices,
                                invoice_organizations, supplier_organizations, outbox, supply_dates, supplies, jobs)
