"""Filling a database with realistic demo data (DOMAIN.md §7), at any scale, reproducibly."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from oroshi_desktop.db import models
from oroshi_desktop.db.engine import Database
from oroshi_desktop.demo import invoices as statement_runs
from oroshi_desktop.demo import sales, supply
from oroshi_desktop.demo.bulk import BulkWriter
from oroshi_desktop.demo.context import Context, Plan
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.errors import UserError

MAX_SCALE = 10_000


@dataclass(frozen=True)
class DemoSummary:
    """Rows added per table by one ``generate_demo`` run."""

    settings: int
    supply_reception_times: int
    supplier_organizations: int
    addresses: int
    supplier_organization_reception_times: int
    suppliers: int
    supplier_supply_type_variations: int
    supply_types: int
    supply_type_variations: int
    supply_type_tax_rates: int
    supply_dates: int
    supplies: int
    supply_date_suppliers: int
    supply_date_supplier_organizations: int
    invoices: int
    invoice_supplier_organizations: int
    invoice_supply_dates: int
    buyer_categories: int
    buyers: int
    buyer_buyer_categories: int
    shipping_organizations: int
    shipping_methods: int
    buyers_shipping_methods: int
    shipping_receptacles: int
    products: int
    product_variations: int
    product_inventories: int
    order_categories: int
    orders: int
    order_order_categories: int
    order_templates: int

    @property
    def total(self) -> int:
        return sum(self.by_table().values())

    def by_table(self) -> dict[str, int]:
        """Counts keyed by the real table name, in insertion order."""
        return {_TABLES[f.name].__tablename__: getattr(self, f.name) for f in fields(self)}


# DemoSummary field → model; the order is the order of the summary's fields.
_TABLES = {
    "settings": models.SettingsRow, "supply_reception_times": models.SupplyReceptionTime,
    "supplier_organizations": models.SupplierOrganization, "addresses": models.Address,
    "supplier_organization_reception_times": models.SupplierOrganizationReceptionTime, "suppliers": models.Supplier,
    "supplier_supply_type_variations": models.SupplierSupplyTypeVariation, "supply_types": models.SupplyType,
    "supply_type_variations": models.SupplyTypeVariation, "supply_type_tax_rates": models.SupplyTypeTaxRate,
    "supply_dates": models.SupplyDate, "supplies": models.Supply, "supply_date_suppliers": models.SupplyDateSupplier,
    "supply_date_supplier_organizations": models.SupplyDateSupplierOrganization, "invoices": models.Invoice,
    "invoice_supplier_organizations": models.InvoiceSupplierOrganization, "invoice_supply_dates": models.InvoiceSupplyDate,
    "buyer_categories": models.BuyerCategory, "buyers": models.Buyer, "buyer_buyer_categories": models.BuyerBuyerCategory,
    "shipping_organizations": models.ShippingOrganization, "shipping_methods": models.ShippingMethod,
    "buyers_shipping_methods": models.BuyerShippingMethod, "shipping_receptacles": models.ShippingReceptacle,
    "products": models.Product, "product_variations": models.ProductVariation, "product_inventories": models.ProductInventory,
    "order_categories": models.OrderCategory, "orders": models.Order, "order_order_categories": models.OrderOrderCategory,
    "order_templates": models.OrderTemplate,
}


def _existing(session: Session) -> dict[str, int]:
    return {
        "supplier organizations": session.scalar(select(func.count()).select_from(models.SupplierOrganization)) or 0,
        "supplies": session.scalar(select(func.count()).select_from(models.Supply)) or 0,
        "orders": session.scalar(select(func.count()).select_from(models.Order)) or 0,
    }


def is_empty(db: Database) -> bool:
    """True when there are no supplier organizations, no supplies and no orders."""
    with db.read() as session:
        return not any(
            session.scalar(select(model.id).limit(1)) is not None
            for model in (models.SupplierOrganization, models.Supply, models.Order)
        )


def first_records(session: Session) -> dict[str, object] | None:
    """The first record of each kind the documents are made for (the self-test renders each one
    from these); None while there is no statement run."""
    invoice = session.scalars(select(models.Invoice).order_by(models.Invoice.id).limit(1)).first()
    if invoice is None:
        return None

    def first(query: Select[Any]) -> object:
        return session.execute(query.limit(1)).one()[0]

    return {
        "invoice": invoice.id, "start": invoice.start_date, "end": invoice.end_date,
        "organization": first(select(models.InvoiceSupplierOrganization.supplier_organization_id)
                              .where(models.InvoiceSupplierOrganization.invoice_id == invoice.id)
                              .order_by(models.InvoiceSupplierOrganization.id)),
        "carrier": first(select(models.ShippingOrganization.id).order_by(models.ShippingOrganization.id)),
        "supply_day": first(select(models.SupplyDate.date).order_by(models.SupplyDate.date.desc())),
        "prefecture": first(select(models.SupplierOrganization.subregion_id).order_by(models.SupplierOrganization.id)),
        "reception_time": first(select(models.SupplyReceptionTime.id).order_by(models.SupplyReceptionTime.id)),
    }


def generate_demo(db: Database, *, scale: int = 1, seed: int = 0, today: date | None = None,
                  tz: ZoneInfo = BUSINESS_TZ_DEFAULT, force: bool = False,
                  progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Add the §7 demo data, ``scale`` times larger, in one transaction; same arguments, same rows.

    ``today`` (default: the current date in ``tz``) anchors every date: supplies in the previous
    month(s) and the current month up to today, orders around today. On a database that already
    holds data this refuses unless ``force``; with ``force`` the demo rows are added alongside
    (existing supply dates are reused, an existing company settings row is kept).
    """
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise UserError(f"scale must be a whole number from 1 to {MAX_SCALE:,}, got {scale!r}",
                        f"規模は1から{MAX_SCALE:,}までの整数で指定してください（{scale!r}）")
    today = today or datetime.now(tz).date()
    with db.write() as session:
        existing = _existing(session)
        if any(existing.values()) and not force:
            held = ", ".join(f"{n:,} {name}" for name, n in existing.items() if n)
            held_ja = "、".join(f"{_JA[name]} {n:,}件" for name, n in existing.items() if n)
            raise UserError(
                f"the database already holds data ({held}); use --force to add demo data anyway",
                f"データベースにはすでにデータがあります（{held_ja}）。それでもデモデータを追加するには --force を指定してください",
            )
        ctx = Context(writer=BulkWriter(session, progress), rng=random.Random(seed), today=today, tz=tz,
                      plan=Plan.for_scale(scale))
        supply.create_company_settings(ctx)
        supply_master = supply.create_master(ctx)
        days = supply.supply_days(ctx)
        date_ids = supply.create_supply_dates(ctx, days)
        invoices = statement_runs.plan_invoices(ctx, supply_master.organizations)
        statement_runs.create_invoices(ctx, invoices)
        supply.create_supplies(ctx, supply_master, days, date_ids, invoices)
        # The sales side draws from its own stream, so changing the supply side keeps the orders.
        sales_ctx = replace(ctx, rng=random.Random(f"{seed}:sales"))
        sales_master = sales.create_master(sales_ctx, supply_master.type_ids)
        sales.create_orders(sales_ctx, sales_master)
        ctx.writer.analyze()
        counts = ctx.writer.counts
    return DemoSummary(**{name: counts[model.__tablename__] for name, model in _TABLES.items()})


_JA = {"supplier organizations": "供給組織", "supplies": "供給", "orders": "注文"}
