"""Sales side: buyers, carriers, shipping methods, receptacles, products and orders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, Float, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from oroshi_desktop.db.models.base import Base, BigId, IdMixin, Timestamps, reference
from oroshi_desktop.db.types import StringArray


class BuyerCategory(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_buyer_categories"
    name: Mapped[str | None] = mapped_column(String)
    symbol: Mapped[str | None] = mapped_column(String)
    color: Mapped[str | None] = mapped_column(String)


class Buyer(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_buyers"
    name: Mapped[str] = mapped_column(String, nullable=False)
    handle: Mapped[str] = mapped_column(String, nullable=False)
    color: Mapped[str | None] = mapped_column(String)
    associated_system_id: Mapped[str | None] = mapped_column(String)
    entity_type: Mapped[int] = mapped_column(Integer, nullable=False)
    handling_cost: Mapped[float] = mapped_column(Float, nullable=False)
    handling_cost_notes: Mapped[str | None] = mapped_column(String)
    daily_cost: Mapped[float] = mapped_column(Float, nullable=False)
    daily_cost_notes: Mapped[str | None] = mapped_column(String)
    optional_cost: Mapped[float] = mapped_column(Float, nullable=False)
    optional_cost_notes: Mapped[str | None] = mapped_column(String)
    commission_percentage: Mapped[Decimal] = mapped_column(Numeric, nullable=False)
    representative_phone: Mapped[str | None] = mapped_column(String)
    fax: Mapped[str | None] = mapped_column(String)
    brokerage: Mapped[bool | None] = mapped_column(Boolean, default=True)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class BuyerBuyerCategory(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_buyer_buyer_categories"
    buyer_category_id: Mapped[int] = reference("oroshi_buyer_categories")
    buyer_id: Mapped[int] = reference("oroshi_buyers")


class ShippingOrganization(IdMixin, Timestamps, Base):
    """A carrier (運送会社)."""

    __tablename__ = "oroshi_shipping_organizations"
    name: Mapped[str] = mapped_column(String, nullable=False)
    handle: Mapped[str] = mapped_column(String, nullable=False)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class ShippingMethod(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_shipping_methods"
    shipping_organization_id: Mapped[int] = reference("oroshi_shipping_organizations")
    name: Mapped[str] = mapped_column(String, nullable=False)
    handle: Mapped[str] = mapped_column(String, nullable=False)
    daily_cost: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    per_shipping_receptacle_cost: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    per_freight_unit_cost: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    departure_times: Mapped[list[str]] = mapped_column(StringArray(String), default=list)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class BuyerShippingMethod(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_buyers_shipping_methods"
    buyer_id: Mapped[int] = reference("oroshi_buyers")
    shipping_method_id: Mapped[int] = reference("oroshi_shipping_methods")


class ShippingReceptacle(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_shipping_receptacles"
    name: Mapped[str] = mapped_column(String, nullable=False)
    handle: Mapped[str] = mapped_column(String, nullable=False)
    cost: Mapped[float] = mapped_column(Float, nullable=False)
    default_freight_bundle_quantity: Mapped[int | None] = mapped_column(Integer, default=1)
    interior_width: Mapped[Decimal | None] = mapped_column(Numeric)
    interior_depth: Mapped[Decimal | None] = mapped_column(Numeric)
    interior_height: Mapped[Decimal | None] = mapped_column(Numeric)
    exterior_width: Mapped[Decimal | None] = mapped_column(Numeric)
    exterior_depth: Mapped[Decimal | None] = mapped_column(Numeric)
    exterior_height: Mapped[Decimal | None] = mapped_column(Numeric)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class Product(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_products"
    name: Mapped[str] = mapped_column(String, nullable=False)
    units: Mapped[str] = mapped_column(String, nullable=False)
    supply_type_id: Mapped[int] = reference("oroshi_supply_types")
    exterior_width: Mapped[Decimal | None] = mapped_column(Numeric)
    exterior_depth: Mapped[Decimal | None] = mapped_column(Numeric)
    exterior_height: Mapped[Decimal | None] = mapped_column(Numeric)
    tax_rate: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), default=Decimal("0.0"))
    supply_loss_adjustment: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), default=Decimal("1.0"))
    position: Mapped[int | None] = mapped_column("position", Integer)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class ProductVariation(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_product_variations"
    product_id: Mapped[int] = reference("oroshi_products")
    name: Mapped[str] = mapped_column(String, nullable=False)
    handle: Mapped[str] = mapped_column(String, nullable=False)
    primary_content_volume: Mapped[float] = mapped_column(Float, nullable=False)
    primary_content_country_id: Mapped[int | None] = mapped_column(Integer)
    primary_content_subregion_id: Mapped[int | None] = mapped_column(Integer)
    default_shipping_receptacle_id: Mapped[int | None] = reference("oroshi_shipping_receptacles", nullable=True)
    default_per_box: Mapped[int | None] = mapped_column(Integer)
    shelf_life: Mapped[int | None] = mapped_column(Integer)
    spacing_volume_adjustment: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), default=Decimal("1.0"))
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)


class ProductInventory(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_product_inventories"
    product_variation_id: Mapped[int] = reference("oroshi_product_variations")
    manufacture_date: Mapped[date] = mapped_column(Date, nullable=False)
    expiration_date: Mapped[date] = mapped_column(Date, nullable=False)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class OrderCategory(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_order_categories"
    name: Mapped[str | None] = mapped_column(String)
    color: Mapped[str | None] = mapped_column(String)


class Order(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_orders"
    __table_args__ = (Index("index_oroshi_orders_on_buyer_id", "buyer_id"),
                      Index("index_oroshi_orders_on_shipping_method_id", "shipping_method_id"),
                      Index("ix_oroshi_orders_shipping_date", "shipping_date"))
    buyer_id: Mapped[int] = reference("oroshi_buyers")
    product_variation_id: Mapped[int] = reference("oroshi_product_variations")
    product_inventory_id: Mapped[int] = reference("oroshi_product_inventories")
    shipping_method_id: Mapped[int] = reference("oroshi_shipping_methods")
    shipping_receptacle_id: Mapped[int] = reference("oroshi_shipping_receptacles")
    shipping_date: Mapped[date | None] = mapped_column(Date)
    arrival_date: Mapped[date | None] = mapped_column(Date)
    item_quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    receptacle_quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    freight_quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    sale_price_per_item: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    shipping_cost: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    materials_cost: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    adjustment: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    add_buyer_optional_cost: Mapped[bool | None] = mapped_column(Boolean, default=False)
    bundled_shipping_receptacle: Mapped[bool | None] = mapped_column(Boolean, default=False)
    bundled_with_order_id: Mapped[int | None] = reference("oroshi_orders", nullable=True)
    status: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String)
    payment_receipt_id: Mapped[int | None] = mapped_column(BigId)


class OrderOrderCategory(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_order_order_categories"
    order_category_id: Mapped[int] = reference("oroshi_order_categories")
    order_id: Mapped[int] = reference("oroshi_orders")


class OrderTemplate(IdMixin, Timestamps, Base):
    """Marks an order row as a template; templates are excluded from every document."""

    __tablename__ = "oroshi_order_templates"
    order_id: Mapped[int] = reference("oroshi_orders")
    identifier: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str | None] = mapped_column(Text)
