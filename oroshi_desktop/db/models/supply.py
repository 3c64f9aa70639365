"""Purchasing side: supply dates, supplies, reception times, organizations and producers."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from oroshi_desktop.db.models.base import Base, BigId, IdMixin, Timestamps, reference
from oroshi_desktop.db.types import JsonB, StringArray


class SupplyDate(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_dates"
    date: Mapped[date] = mapped_column(Date, nullable=False, unique=True)
    totals: Mapped[dict[str, Any] | None] = mapped_column(JsonB(), default=dict)


class SupplyReceptionTime(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_reception_times"
    hour: Mapped[int | None] = mapped_column(Integer)
    time_qualifier: Mapped[str | None] = mapped_column(String)


class SupplierOrganization(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supplier_organizations"
    entity_name: Mapped[str] = mapped_column(String, nullable=False)
    entity_type: Mapped[int] = mapped_column(Integer, nullable=False)
    country_id: Mapped[int] = mapped_column(Integer, nullable=False)
    subregion_id: Mapped[int] = mapped_column(Integer, nullable=False)
    micro_region: Mapped[str | None] = mapped_column(String)
    invoice_number: Mapped[str | None] = mapped_column(String)
    invoice_name: Mapped[str | None] = mapped_column(String)
    honorific_title: Mapped[str | None] = mapped_column(String)
    email: Mapped[str | None] = mapped_column(String)
    phone: Mapped[str | None] = mapped_column(String)
    fax: Mapped[str | None] = mapped_column(String)
    free_entry: Mapped[bool | None] = mapped_column(Boolean, default=False)
    active: Mapped[bool | None] = mapped_column(Boolean)

    suppliers: Mapped[list[Supplier]] = relationship(back_populates="organization", viewonly=True,
                                                     order_by="Supplier.supplier_number")
    reception_times: Mapped[list[SupplyReceptionTime]] = relationship(
        secondary="oroshi_supplier_organizations_oroshi_supply_reception_times", viewonly=True)


class SupplierOrganizationReceptionTime(IdMixin, Base):
    """Rails' has_and_belongs_to_many join (no timestamps)."""

    __tablename__ = "oroshi_supplier_organizations_oroshi_supply_reception_times"
    supplier_organization_id: Mapped[int] = reference("oroshi_supplier_organizations")
    supply_reception_time_id: Mapped[int] = reference("oroshi_supply_reception_times")


class Supplier(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_suppliers"
    __table_args__ = (Index("index_oroshi_suppliers_on_supplier_organization_id", "supplier_organization_id"),)
    supplier_organization_id: Mapped[int] = reference("oroshi_supplier_organizations")
    supplier_number: Mapped[int | None] = mapped_column(Integer)
    company_name: Mapped[str | None] = mapped_column(String)
    short_name: Mapped[str | None] = mapped_column(String)
    representatives: Mapped[list[str]] = mapped_column(StringArray(String), default=list)
    invoice_number: Mapped[str | None] = mapped_column(String)
    invoice_name: Mapped[str | None] = mapped_column(String)
    honorific_title: Mapped[str | None] = mapped_column(String)
    phone: Mapped[str | None] = mapped_column(String)
    user_id: Mapped[int | None] = mapped_column(BigId)
    active: Mapped[bool | None] = mapped_column(Boolean)

    organization: Mapped[SupplierOrganization] = relationship(back_populates="suppliers", viewonly=True)


class SupplierSupplyTypeVariation(IdMixin, Timestamps, Base):
    """The variations a producer is allowed to deliver."""

    __tablename__ = "oroshi_suppliers_oroshi_supply_type_variations"
    supplier_id: Mapped[int] = reference("oroshi_suppliers")
    supply_type_variation_id: Mapped[int] = reference("oroshi_supply_type_variations")


class SupplyType(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_types"
    name: Mapped[str | None] = mapped_column(String)
    units: Mapped[str | None] = mapped_column(String)
    handle: Mapped[str | None] = mapped_column(String)
    liquid: Mapped[bool | None] = mapped_column(Boolean, default=False)
    position: Mapped[int | None] = mapped_column("position", Integer)
    active: Mapped[bool | None] = mapped_column(Boolean)


class SupplyTypeVariation(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_type_variations"
    supply_type_id: Mapped[int] = reference("oroshi_supply_types")
    name: Mapped[str | None] = mapped_column(String)
    handle: Mapped[str | None] = mapped_column(String)
    default_container_count: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column("position", Integer, nullable=False, default=1)
    active: Mapped[bool | None] = mapped_column(Boolean)

    supply_type: Mapped[SupplyType] = relationship(viewonly=True)


class Supply(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supplies"
    # The web system's index names, so a fresh database matches an existing one.
    __table_args__ = (Index("index_oroshi_supplies_on_supplier_id", "supplier_id"),
                      Index("index_oroshi_supplies_on_supply_date_id", "supply_date_id"))
    supply_date_id: Mapped[int] = reference("oroshi_supply_dates")
    supplier_id: Mapped[int] = reference("oroshi_suppliers")
    supply_type_variation_id: Mapped[int] = reference("oroshi_supply_type_variations")
    supply_reception_time_id: Mapped[int] = reference("oroshi_supply_reception_times")
    quantity: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    price: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    entry_index: Mapped[int | None] = mapped_column(Integer)
    locked: Mapped[bool | None] = mapped_column(Boolean, default=False)


class SupplyDateSupplier(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_date_suppliers"
    __table_args__ = (UniqueConstraint("supply_date_id", "supplier_id",
                                       name="index_supply_date_suppliers_on_ids"),)
    supply_date_id: Mapped[int] = reference("oroshi_supply_dates")
    supplier_id: Mapped[int] = reference("oroshi_suppliers")


class SupplyDateSupplierOrganization(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_supply_date_supplier_organizations"
    __table_args__ = (UniqueConstraint("supply_date_id", "supplier_organization_id",
                                       name="index_supply_date_supplier_organizations_on_ids"),)
    supply_date_id: Mapped[int] = reference("oroshi_supply_dates")
    supplier_organization_id: Mapped[int] = reference("oroshi_supplier_organizations")


class Address(IdMixin, Timestamps, Base):
    """Polymorphic address (Rails ``addressable``); the default one is printed."""

    __tablename__ = "oroshi_addresses"
    __table_args__ = (Index("index_oroshi_addresses_on_addressable", "addressable_type", "addressable_id"),)
    addressable_type: Mapped[str] = mapped_column(String, nullable=False)
    addressable_id: Mapped[int] = mapped_column(BigId, nullable=False)
    name: Mapped[str | None] = mapped_column(String)
    company: Mapped[str | None] = mapped_column(String)
    address1: Mapped[str | None] = mapped_column(String)
    address2: Mapped[str | None] = mapped_column(String)
    city: Mapped[str | None] = mapped_column(String)
    postal_code: Mapped[str | None] = mapped_column(String)
    phone: Mapped[str | None] = mapped_column(String)
    alternative_phone: Mapped[str | None] = mapped_column(String)
    country_id: Mapped[int | None] = mapped_column(Integer)
    subregion_id: Mapped[int | None] = mapped_column(Integer)
    default: Mapped[bool | None] = mapped_column("default", Boolean, default=False)
    active: Mapped[bool | None] = mapped_column(Boolean, default=True)
