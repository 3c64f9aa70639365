"""What the new-statement dialog (仕切り作成) shows before anything is created: supply days in the
range, the organizations to choose from, and the warnings a person should read first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, distinct, exists, func, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyType,
    SupplyTypeVariation,
)
from oroshi_desktop.queries.preferences import load_company

UNPRICED_SHOWN = 5  # the first few unpriced supplies named in the warning; the count says the rest
NO_EMAIL = "（メールアドレスなし）"
WARNING_ORDER = ("unpriced", "no_supplies", "no_registration", "overlap")


@dataclass(frozen=True)
class OrganizationChoice:
    id: int
    name: str
    email: str
    active: bool
    registration_number: str

    @property
    def email_text(self) -> str:
        return self.email or NO_EMAIL


@dataclass(frozen=True)
class PlanWarning:
    """One thing to read before creating; ``kind`` lets tests and the dialog tell them apart."""

    kind: str  # unpriced | no_supplies | no_registration | overlap
    organization_id: int
    text: str


def supply_day_count(session: Session, start: date, end: date) -> int:
    """選択した日付の範囲内の供給ある日: days in the range with at least one supply (quantity ≠ 0)."""
    if end < start:
        return 0
    return int(session.scalar(
        select(func.count(distinct(SupplyDate.id)))
        .join(Supply, Supply.supply_date_id == SupplyDate.id)
        .where(SupplyDate.date.between(start, end), Supply.quantity != 0)) or 0)


def organization_choices(session: Session) -> list[OrganizationChoice]:
    """Every organization, active ones first (the dialog ticks those), then by name."""
    rows = session.execute(select(SupplierOrganization.id, SupplierOrganization.entity_name,
                                  SupplierOrganization.email, SupplierOrganization.active,
                                  SupplierOrganization.invoice_number)
                           .order_by(SupplierOrganization.active.is_not(True), SupplierOrganization.id))
    return [OrganizationChoice(id=id_, name=name, email=(email or "").strip(), active=bool(active),
                               registration_number=(number or "").strip())
            for id_, name, email, active, number in rows]


def company_cc(session: Session) -> str:
    """The company address every statement mail is copied to (CC)."""
    return (load_company(session).mail or "").strip()


def _unpriced(session: Session, start: date, end: date, organization_id: int) -> tuple[int, list[str]]:
    base = (select(SupplyDate.date, Supplier.supplier_number, Supplier.company_name, SupplyType.name,
                   SupplyTypeVariation.name)
            .select_from(Supply)
            .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
            .join(Supplier, Supply.supplier_id == Supplier.id)
            .join(SupplyTypeVariation, Supply.supply_type_variation_id == SupplyTypeVariation.id)
            .join(SupplyType, SupplyTypeVariation.supply_type_id == SupplyType.id)
            .where(Supplier.supplier_organization_id == organization_id, SupplyDate.date.between(start, end),
                   Supply.quantity > 0, Supply.price == 0))
    count = int(session.scalar(select(func.count()).select_from(base.subquery())) or 0)
    first = session.execute(base.order_by(Supplier.supplier_number, SupplyDate.date, Supply.id)
                            .limit(UNPRICED_SHOWN)).all()
    names = [f"{number or ''} {producer or ''}・{day:%m/%d}・{type_name or ''}（{variation or ''}）".strip()
             for day, number, producer, type_name, variation in first]
    return count, names


def plan_warnings(session: Session, start: date, end: date, organization_ids: Sequence[int]) -> list[PlanWarning]:
    """The warnings of issue 7 point 4, per chosen organization, in the order a person fixes them."""
    if end < start or not organization_ids:
        return []
    organizations = {o.id: o for o in organization_choices(session) if o.id in set(organization_ids)}
    warnings: list[PlanWarning] = []
    with_supplies = set(session.scalars(
        select(Supplier.supplier_organization_id).distinct()
        .select_from(Supply)
        .join(Supplier, Supply.supplier_id == Supplier.id)
        .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
        .where(Supplier.supplier_organization_id.in_(list(organizations)), SupplyDate.date.between(start, end),
               Supply.quantity != 0)))
    overlaps = session.execute(
        select(InvoiceSupplierOrganization.supplier_organization_id, Invoice.id, Invoice.start_date, Invoice.end_date)
        .join(Invoice, Invoice.id == InvoiceSupplierOrganization.invoice_id)
        .where(InvoiceSupplierOrganization.supplier_organization_id.in_(list(organizations)),
               and_(Invoice.start_date <= end, Invoice.end_date >= start))
        .order_by(Invoice.id)).all()
    for org_id in organization_ids:
        org = organizations.get(org_id)
        if org is None:
            continue
        if org_id not in with_supplies:
            warnings.append(PlanWarning("no_supplies", org_id,
                                        f"{org.name}: 選択した範囲では、この組織からの供給はなかった。"))
        else:
            count, first = _unpriced(session, start, end, org_id)
            if count:
                more = f" ほか{count - len(first)}件" if count > len(first) else ""
                warnings.append(PlanWarning("unpriced", org_id,
                                            f"{org.name}: 価格が設定されていない供給があります（{count}件）: "
                                            + "、".join(first) + more))
        if not org.registration_number:
            warnings.append(PlanWarning("no_registration", org_id,
                                        f"{org.name}: 登録番号がありません（適格請求書には登録番号が必要です）。"))
        for _org, invoice_id, other_start, other_end in (o for o in overlaps if o[0] == org_id):
            warnings.append(PlanWarning("overlap", org_id,
                                        f"{org.name}: 期間が既存の支払明細書 No.{invoice_id}"
                                        f"（{other_start:%Y/%m/%d}〜{other_end:%Y/%m/%d}）と重なっています。"))
    # What changes the amounts first (missing prices), then what changes who is in the run.
    return sorted(warnings, key=lambda w: WARNING_ORDER.index(w.kind))


def has_supplies(session: Session, start: date, end: date, organization_id: int) -> bool:
    return bool(session.scalar(select(exists().where(
        Supply.supplier_id == Supplier.id, Supplier.supplier_organization_id == organization_id,
        Supply.supply_date_id == SupplyDate.id, SupplyDate.date.between(start, end), Supply.quantity != 0))))
