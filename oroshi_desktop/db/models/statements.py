"""Payment statement runs (``oroshi_invoices``) and their per-organization rows."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from oroshi_desktop.db.models.base import Base, IdMixin, Timestamps, reference
from oroshi_desktop.db.models.supply import SupplierOrganization
from oroshi_desktop.db.types import JsonB, RailsDateTime
from oroshi_desktop.domain.statement_options import StatementLayout
from oroshi_desktop.errors import InvalidValue


class InvoiceLayout(enum.IntEnum):
    """Rails enum ``invoice_layout``: standard=1 標準版, simple=2 簡易版."""

    STANDARD = 1
    SIMPLE = 2

    @property
    def word(self) -> StatementLayout:
        return StatementLayout(self.name.lower())

    @classmethod
    def from_word(cls, word: str) -> InvoiceLayout:
        return cls[StatementLayout(word).name]

    @classmethod
    def of_run(cls, invoice: Invoice) -> StatementLayout:
        """The layout a run asks for (simple when unset). ``invoice_layout`` is edited in the web
        system: a code its enum does not have is named, with the run, as a value to correct."""
        try:
            return cls(invoice.invoice_layout or cls.SIMPLE).word
        except ValueError:
            raise InvalidValue(f"statement run {invoice.id}", "invoice_layout", invoice.invoice_layout,
                               "1 standard, 2 simple", f"支払い明細書 {invoice.id}", "1 標準版、2 簡易版") from None


class Invoice(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_invoices"
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    invoice_layout: Mapped[int | None] = mapped_column(Integer)
    send_email: Mapped[bool | None] = mapped_column(Boolean)
    send_at: Mapped[datetime | None] = mapped_column(RailsDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(RailsDateTime())

    organizations: Mapped[list[InvoiceSupplierOrganization]] = relationship(
        back_populates="invoice", viewonly=True, order_by="InvoiceSupplierOrganization.id")


class InvoiceSupplierOrganization(IdMixin, Timestamps, Base):
    __tablename__ = "oroshi_invoice_supplier_organizations"
    __table_args__ = (Index("index_oroshi_invoice_supplier_organizations_on_invoice_id", "invoice_id"),)
    invoice_id: Mapped[int] = reference("oroshi_invoices", ondelete="CASCADE")
    supplier_organization_id: Mapped[int] = reference("oroshi_supplier_organizations")
    completed: Mapped[bool | None] = mapped_column(Boolean, default=False)
    passwords: Mapped[dict[str, Any] | None] = mapped_column(JsonB(), default=dict)
    sent_at: Mapped[datetime | None] = mapped_column(RailsDateTime())

    invoice: Mapped[Invoice] = relationship(back_populates="organizations", viewonly=True)
    organization: Mapped[SupplierOrganization] = relationship(viewonly=True)


class InvoiceSupplyDate(IdMixin, Timestamps, Base):
    """Only drives locking of the covered supplies, not the PDF content."""

    __tablename__ = "oroshi_invoice_supply_dates"
    invoice_id: Mapped[int] = reference("oroshi_invoices", ondelete="CASCADE")
    supply_date_id: Mapped[int] = reference("oroshi_supply_dates")
