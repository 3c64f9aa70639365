"""A whole payment statement (支払明細書) as plain values, ready for a printable to draw."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oroshi_desktop.domain.parties import Company, Receiver
from oroshi_desktop.domain.statement_body import StatementBody
from oroshi_desktop.domain.statement_options import StatementFormat, StatementLayout


@dataclass(frozen=True)
class ProducerSection:
    """The supplier format: one section per producer, each starting on a new page."""

    supplier_id: int
    supplier_number: int | None
    company_name: str
    receiver: Receiver
    body: StatementBody

    @property
    def title(self) -> str:
        number = f"〔{self.supplier_number}〕 " if self.supplier_number is not None else ""
        return f"{number}{self.company_name} ― 支払明細書"


@dataclass(frozen=True)
class PaymentStatement:
    format: StatementFormat
    layout: StatementLayout
    period_start: date
    period_end: date
    statement_date: date | None  # the run's send date; None for a preview (last supply date used)
    organization_id: int
    organization_name: str
    micro_region: str
    receiver: Receiver  # the organization
    company: Company
    body: StatementBody  # the whole organization
    sections: tuple[ProducerSection, ...]  # filled for the supplier format
    is_preview: bool = False

    @property
    def title(self) -> str:
        return f"{self.organization_name} ― 支払明細書"

    @property
    def printed_date(self) -> date | None:
        return self.statement_date or self.body.last_date

    @property
    def is_empty(self) -> bool:
        return self.body.is_empty

    @property
    def total(self) -> Decimal:
        return self.body.total
