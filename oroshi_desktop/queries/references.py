"""Do the records a command names exist? Checked before a job is queued, so a mistyped id is one
clear line now instead of a failed job in the job centre later."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Buyer,
    Invoice,
    OrderCategory,
    ShippingMethod,
    ShippingOrganization,
    SupplierOrganization,
    SupplyReceptionTime,
)
from oroshi_desktop.errors import NotFound, UserError

# What each kind of reference is called in the two languages, and where it lives.
REFERENCES: dict[str, tuple[Any, str, str]] = {
    "invoice": (Invoice, "statement run (invoice)", "支払明細書の作成分"),
    "organization": (SupplierOrganization, "supplier organization", "供給組織"),
    "carrier": (ShippingOrganization, "carrier (shipping organization)", "運送会社"),
    "buyer": (Buyer, "buyer", "卸先"),
    "category": (OrderCategory, "order category", "注文カテゴリー"),
    "method": (ShippingMethod, "shipping method", "配送方法"),
    "reception_time": (SupplyReceptionTime, "reception time", "受入時間"),
}
PREFECTURE_CODES = range(1, 48)  # JIS X 0401: 北海道 1 … 沖縄県 47


def require(session: Session, reference: str, ids: Iterable[int | None]) -> None:
    """Raise ``NotFound`` naming every id of ``reference`` that has no row."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return
    if reference == "prefecture":
        bad = [i for i in wanted if i not in PREFECTURE_CODES]
        if bad:
            raise UserError(f"prefecture {', '.join(map(str, bad))} is not a prefecture code (1–47)",
                            f"都道府県コード {', '.join(map(str, bad))} は正しくありません（1〜47）")
        return
    model, en, ja = REFERENCES[reference]
    found = set(session.scalars(select(model.id).where(model.id.in_(wanted))))
    missing = [i for i in wanted if i not in found]
    if missing:
        listed = ", ".join(map(str, missing))
        raise NotFound(f"{en} {listed} does not exist", f"{ja}（ID {listed}）が見つかりません")


def organization_name(session: Session, organization_id: int) -> str:
    """A supplier organization's name, as its documents print it; ``UserError`` when there is none."""
    organization = session.get(SupplierOrganization, organization_id)
    if organization is None:
        raise UserError(f"supplier organization {organization_id} does not exist",
                        f"組織 {organization_id} が見つかりません")
    return organization.entity_name
