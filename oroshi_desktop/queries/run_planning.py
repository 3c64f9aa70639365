"""What the new-statement dialog (仕切り作成) shows before anything is created: supply days in the
range, the organizations to choose from, and the warnings a person should read first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m
from oroshi_desktop.domain.formats import yen, yen_suffix
from oroshi_desktop.domain.quantities import DEFAULT_PLAUSIBLE_LINE_AMOUNT, implausible, supply_number
from oroshi_desktop.domain.statement_body import StatementLine, build_lines
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.preferences import load_company, rounding
from oroshi_desktop.queries.statements import supply_records

UNPRICED_SHOWN = 5  # the first few unpriced supplies named in the warning; the count says the rest
NO_EMAIL = "（メールアドレスなし）"
NO_EMAIL_EN = "(no mail address)"
IMPLAUSIBLE_SHOWN = 5  # the first few lines above the plausible amount named; the count says the rest
UNATTRIBUTED_SHOWN = 5  # the first few supplies no statement can carry, named; the count says the rest
WARNING_ORDER = ("unattributed", "invalid_number", "unpriced", "implausible", "no_supplies", "no_registration", "overlap")


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

    def email_text_in(self, language: str) -> str:
        return self.email or (NO_EMAIL_EN if language == "en" else NO_EMAIL)


@dataclass(frozen=True)
class PlanWarning:
    """One thing to read before creating; ``kind`` lets tests and the dialog tell them apart."""

    kind: str  # one of WARNING_ORDER
    organization_id: int
    text: str
    text_en: str = ""  # the same in English, for the window in English

    def text_in(self, language: str) -> str:
        return (self.text_en or self.text) if language == "en" else self.text


def supply_day_count(session: Session, start: date, end: date) -> int:
    """選択した日付の範囲内の供給ある日: days in the range with at least one supply (quantity ≠ 0)."""
    if end < start:
        return 0
    return int(session.scalar(
        select(func.count(distinct(m.SupplyDate.id)))
        .join(m.Supply, m.Supply.supply_date_id == m.SupplyDate.id)
        .where(m.SupplyDate.date.between(start, end), m.Supply.quantity != 0)) or 0)


def organization_choices(session: Session) -> list[OrganizationChoice]:
    """Every organization, active ones first (the dialog ticks those), then by name."""
    rows = session.execute(select(m.SupplierOrganization.id, m.SupplierOrganization.entity_name,
                                  m.SupplierOrganization.email, m.SupplierOrganization.active,
                                  m.SupplierOrganization.invoice_number)
                           .order_by(m.SupplierOrganization.active.is_not(True), m.SupplierOrganization.id))
    return [OrganizationChoice(id=id_, name=name, email=(email or "").strip(), active=bool(active),
                               registration_number=(number or "").strip())
            for id_, name, email, active, number in rows]


def company_cc(session: Session) -> str:
    """The company address every statement mail is copied to (CC)."""
    return (load_company(session).mail or "").strip()


def _unpriced(session: Session, start: date, end: date, organization_id: int) -> tuple[int, list[str]]:
    base = (select(m.SupplyDate.date, m.Supplier.supplier_number, m.Supplier.company_name, m.SupplyType.name,
                   m.SupplyTypeVariation.name)
            .select_from(m.Supply)
            .join(m.SupplyDate, m.Supply.supply_date_id == m.SupplyDate.id)
            .join(m.Supplier, m.Supply.supplier_id == m.Supplier.id)
            .join(m.SupplyTypeVariation, m.Supply.supply_type_variation_id == m.SupplyTypeVariation.id)
            .join(m.SupplyType, m.SupplyTypeVariation.supply_type_id == m.SupplyType.id)
            .where(m.Supplier.supplier_organization_id == organization_id, m.SupplyDate.date.between(start, end),
                   m.Supply.quantity > 0, m.Supply.price == 0))
    count = int(session.scalar(select(func.count()).select_from(base.subquery())) or 0)
    first = session.execute(base.order_by(m.Supplier.supplier_number, m.SupplyDate.date, m.Supply.id)
                            .limit(UNPRICED_SHOWN)).all()
    names = [f"{number or ''} {producer or ''}・{day:%m/%d}・{type_name or ''}（{variation or ''}）".strip()
             for day, number, producer, type_name, variation in first]
    return count, names


def implausible_lines(session: Session, organization_id: int, start: date, end: date,
                      limit: int | None) -> list[StatementLine]:
    """The statement lines of the organization in the period whose amount is above ``limit`` yen,
    computed by the very code that prints them (so the warning names what the PDF will show).
    Raises ``UserError`` for a supply whose numbers cannot make a statement."""
    if limit is None or end < start:
        return []
    records = (record for _supplier, record in supply_records(session, organization_id, start, end))
    return [line for line in build_lines(records, rounding(session)) if implausible(line.amount, limit)]


def implausible_text(name: str, lines: Sequence[StatementLine], limit: int) -> str:
    """One warning line: how many lines are above ``limit``, the first few named with their amount."""
    first = "、".join(f"{line.date:%m/%d}・{line.variation_name} {yen_suffix(line.amount)}"
                     for line in lines[:IMPLAUSIBLE_SHOWN])
    more = f" ほか{len(lines) - IMPLAUSIBLE_SHOWN}件" if len(lines) > IMPLAUSIBLE_SHOWN else ""
    return f"{name}: 金額が {yen_suffix(limit)} を超える明細行があります（{len(lines)}件。入力ミスではありませんか）: {first}{more}"


def implausible_text_en(name: str, lines: Sequence[StatementLine], limit: int) -> str:
    first = ", ".join(f"{line.date:%m/%d} {line.variation_name} ¥{line.amount:,}" for line in lines[:IMPLAUSIBLE_SHOWN])
    more = f" and {len(lines) - IMPLAUSIBLE_SHOWN} more" if len(lines) > IMPLAUSIBLE_SHOWN else ""
    return (f"{name}: {len(lines)} line(s) above ¥{limit:,} (a typing slip?): {first}{more}")


def _number_warnings(session: Session, start: date, end: date, org: OrganizationChoice,
                     limit: int | None) -> list[PlanWarning]:
    try:
        lines = implausible_lines(session, org.id, start, end, limit)
    except UserError as err:  # a NaN, negative or absurd number: generating would refuse this organization
        return [PlanWarning("invalid_number", org.id, f"{org.name}: {err.message_ja}（この組織の明細書は作成されません）",
                            f"{org.name}: {err.message} (this organization's statement will not be made)")]
    return [PlanWarning("implausible", org.id, implausible_text(org.name, lines, limit),
                        implausible_text_en(org.name, lines, limit))] if lines and limit else []


def dialog_choices(session: Session) -> tuple[list[OrganizationChoice], str]:
    """What the new-statement dialog opens with: the organizations and the company's CC address."""
    return organization_choices(session), company_cc(session)


def plan_check(session: Session, start: date, end: date, organization_ids: Sequence[int], *,
               plausible_line_amount: int | None = DEFAULT_PLAUSIBLE_LINE_AMOUNT) -> tuple[int, list[PlanWarning]]:
    """The dialog's check of a period and its organizations: supply days and the warnings."""
    return supply_day_count(session, start, end), plan_warnings(
        session, start, end, organization_ids, plausible_line_amount=plausible_line_amount)
@dataclass(frozen=True)
class Unattributed:
    """Supplies of a period that no statement can carry: their supplier, or its organization, does
    not exist (the web system's data has no foreign keys that would prevent it)."""

    count: int
    amount: Decimal  # price × quantity of those whose numbers are sound
    supply_ids: tuple[int, ...]  # the first ``UNATTRIBUTED_SHOWN``

    def text_ja(self) -> str:
        more = f" ほか{self.count - len(self.supply_ids)}件" if self.count > len(self.supply_ids) else ""
        return (f"供給 {self.count}件（計 {yen(self.amount)}）は供給者または組織が存在しないため、"
                f"どの支払明細書にも載りません: " + "、".join(f"供給 {i}" for i in self.supply_ids) + more)

    def message_arguments(self) -> dict[str, str]:
        """The arguments of the generation job's message (``JobMessage.STATEMENT_DONE_UNATTRIBUTED``),
        the same in either language: the ledger stores them and words them when shown."""
        more = f" (+{self.count - len(self.supply_ids)})" if self.count > len(self.supply_ids) else ""
        return {"count": str(self.count), "amount": yen(self.amount),
                "supplies": ", ".join(map(str, self.supply_ids)) + more}

    def text_en(self) -> str:
        more = f" and {self.count - len(self.supply_ids)} more" if self.count > len(self.supply_ids) else ""
        return (f"{self.count} supplies (total {yen(self.amount)}) are on no statement: their supplier or its "
                "organization does not exist: " + ", ".join(f"supply {i}" for i in self.supply_ids) + more)


def unattributed_supplies(session: Session, start: date, end: date) -> Unattributed | None:
    """Supplies in ``start``–``end`` (not zero) whose supplier or organization is missing; None if none."""
    rows = session.execute(
        select(m.Supply.id, m.Supply.price, m.Supply.quantity)
        .join(m.SupplyDate, m.Supply.supply_date_id == m.SupplyDate.id)
        .outerjoin(m.Supplier, m.Supply.supplier_id == m.Supplier.id)
        .outerjoin(m.SupplierOrganization, m.SupplierOrganization.id == m.Supplier.supplier_organization_id)
        .where(m.SupplyDate.date.between(start, end), m.Supply.quantity != 0,
               or_(m.Supplier.id.is_(None), m.SupplierOrganization.id.is_(None)))
        .order_by(m.Supply.id)).all()
    if not rows:
        return None
    amount = Decimal(0)
    for supply_id, price, quantity in rows:
        try:
            amount += (supply_number(price, supply_id=supply_id, field="price")
                       * supply_number(quantity, supply_id=supply_id, field="quantity"))
        except UserError:
            continue  # an unsound number is counted, its amount cannot be
    return Unattributed(len(rows), amount, tuple(row[0] for row in rows[:UNATTRIBUTED_SHOWN]))


def plan_warnings(session: Session, start: date, end: date, organization_ids: Sequence[int], *,
                  plausible_line_amount: int | None = DEFAULT_PLAUSIBLE_LINE_AMOUNT) -> list[PlanWarning]:
    """The warnings of issue 7 point 4, per chosen organization, in the order a person fixes them;
    a line above ``plausible_line_amount`` yen is one of them (None: not checked)."""
    if end < start or not organization_ids:
        return []
    organizations = {o.id: o for o in organization_choices(session) if o.id in set(organization_ids)}
    warnings: list[PlanWarning] = []
    lost = unattributed_supplies(session, start, end)  # the period's, whichever organizations are chosen
    if lost is not None:
        warnings.append(PlanWarning("unattributed", 0, lost.text_ja(), lost.text_en()))
    with_supplies = set(session.scalars(
        select(m.Supplier.supplier_organization_id).distinct()
        .select_from(m.Supply)
        .join(m.Supplier, m.Supply.supplier_id == m.Supplier.id)
        .join(m.SupplyDate, m.Supply.supply_date_id == m.SupplyDate.id)
        .where(m.Supplier.supplier_organization_id.in_(list(organizations)), m.SupplyDate.date.between(start, end),
               m.Supply.quantity != 0)))
    overlaps = session.execute(
        select(m.InvoiceSupplierOrganization.supplier_organization_id, m.Invoice.id, m.Invoice.start_date, m.Invoice.end_date)
        .join(m.Invoice, m.Invoice.id == m.InvoiceSupplierOrganization.invoice_id)
        .where(m.InvoiceSupplierOrganization.supplier_organization_id.in_(list(organizations)),
               and_(m.Invoice.start_date <= end, m.Invoice.end_date >= start))
        .order_by(m.Invoice.id)).all()
    for org_id in organization_ids:
        org = organizations.get(org_id)
        if org is None:
            continue
        if org_id not in with_supplies:
            warnings.append(PlanWarning("no_supplies", org_id,
                                        f"{org.name}: 選択した範囲では、この組織からの供給はありませんでした。",
                                        f"{org.name}: no supplies from this organization in the chosen range."))
        else:
            count, first = _unpriced(session, start, end, org_id)
            if count:
                more = f" ほか{count - len(first)}件" if count > len(first) else ""
                warnings.append(PlanWarning("unpriced", org_id,
                                            f"{org.name}: 価格が設定されていない供給があります（{count}件）: "
                                            + "、".join(first) + more,
                                            f"{org.name}: supplies without a price ({count}): " + ", ".join(first)
                                            + (f" and {count - len(first)} more" if more else "")))
            warnings.extend(_number_warnings(session, start, end, org, plausible_line_amount))
        if not org.registration_number:
            warnings.append(PlanWarning("no_registration", org_id,
                                        f"{org.name}: 登録番号がありません（適格請求書には登録番号が必要です）。",
                                        f"{org.name}: no registration number (a qualified invoice needs one)."))
        for _org, invoice_id, other_start, other_end in (o for o in overlaps if o[0] == org_id):
            warnings.append(PlanWarning("overlap", org_id,
                                        f"{org.name}: 期間が既存の支払明細書 No.{invoice_id}"
                                        f"（{other_start:%Y/%m/%d}〜{other_end:%Y/%m/%d}）と重なっています。",
                                        f"{org.name}: the period overlaps statement No.{invoice_id} "
                                        f"({other_start:%Y/%m/%d}–{other_end:%Y/%m/%d})."))
    # What changes the amounts first (missing prices), then what changes who is in the run.
    return sorted(warnings, key=lambda w: WARNING_ORDER.index(w.kind))


def implausible_by_organization(session: Session, organization_ids: Sequence[int], start: date, end: date,
                                limit: int | None) -> list[tuple[int, str | None, list[StatementLine]]]:
    """Per organization with lines above ``limit`` yen in the period: its id, its name and those lines.
    An organization whose supplies cannot make a statement is left out (it is refused on its own)."""
    names = dict(session.execute(select(m.SupplierOrganization.id, m.SupplierOrganization.entity_name)
                                 .where(m.SupplierOrganization.id.in_(list(organization_ids)))).all())
    found: list[tuple[int, str | None, list[StatementLine]]] = []
    for organization_id in organization_ids:
        try:
            lines = implausible_lines(session, organization_id, start, end, limit)
        except UserError:
            continue
        if lines:
            found.append((organization_id, names.get(organization_id, ""), lines))
    return found


def run_period(session: Session, invoice_id: int) -> tuple[date, date, list[int]] | None:
    """A statement run's period and its organizations in order; None for a run without a period."""
    invoice = session.get(m.Invoice, invoice_id)
    if invoice is None or invoice.start_date is None or invoice.end_date is None:
        return None
    organization_ids = list(session.scalars(
        select(m.InvoiceSupplierOrganization.supplier_organization_id)
        .where(m.InvoiceSupplierOrganization.invoice_id == invoice_id)
        .order_by(m.InvoiceSupplierOrganization.id)))
    return invoice.start_date, invoice.end_date, organization_ids


def run_unattributed(session: Session, invoice_id: int) -> Unattributed | None:
    """``unattributed_supplies`` of a run's period (None: none, or a run without a period)."""
    invoice = session.get(m.Invoice, invoice_id)
    if invoice is None or invoice.start_date is None or invoice.end_date is None:
        return None
    return unattributed_supplies(session, invoice.start_date, invoice.end_date)
