"""Shared business settings (``oroshi_desktop_preferences``) and company settings."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from oroshi_desktop.db import models as m
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.domain.statement_body import REDUCED_RATE
from oroshi_desktop.errors import InvalidValue, UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROUNDING = "statement.rounding"
PASSWORD_DELIVERY = "mail.password_delivery"  # "same_mail" | "separate_mail"
PASSWORD_DELIVERY_CHOICES = ("same_mail", "separate_mail")
CHART_PAPER = "shipping_chart.paper"  # "jis_b4" | "iso_b4"
CHART_PAPERS = ("jis_b4", "iso_b4")
ZERO_STATEMENTS = "mail.zero_statements"  # "skip" (default: a ¥0 statement is not mailed, and says so) | "send"
ZERO_STATEMENTS_CHOICES = ("skip", "send")
CHECK_SHEET_DATES = "check_sheet.document_dates"  # list of ISO dates (作成日・更新日)

DEFAULTS: dict[str, Any] = {
    ROUNDING: Rounding.HALF_UP.value,
    PASSWORD_DELIVERY: "same_mail",
    CHART_PAPER: "jis_b4",
    ZERO_STATEMENTS: "skip",
    CHECK_SHEET_DATES: [],
}


def get_preference(session: Session, key: str) -> Any:
    row = session.get(m.Preference, key)
    return DEFAULTS.get(key) if row is None else row.value


def set_preference(session: Session, key: str, value: Any) -> None:
    if key == ROUNDING:
        try:
            Rounding(value)
        except ValueError:
            raise UserError(f"rounding must be half_up or truncate, got {value!r}",
                            f"端数処理は half_up（四捨五入）か truncate（切り捨て）です（{value!r}）") from None
    if key == PASSWORD_DELIVERY and value not in PASSWORD_DELIVERY_CHOICES:
        raise UserError(f"password delivery must be one of {PASSWORD_DELIVERY_CHOICES}, got {value!r}",
                        f"パスワード送付方法が正しくありません（{value!r}）")
    if key == ZERO_STATEMENTS and value not in ZERO_STATEMENTS_CHOICES:
        raise UserError(f"zero statements must be one of {ZERO_STATEMENTS_CHOICES}, got {value!r}",
                        f"¥0の明細書の扱いが正しくありません（{value!r}）")
    row = session.get(m.Preference, key)
    if row is None:
        session.add(m.Preference(key=key, value=value))
    else:
        row.value = value
        row.updated_at = utcnow()


def rounding(session: Session) -> Rounding:
    return Rounding(get_preference(session, ROUNDING))


def company_row(session: Session) -> m.SettingsRow | None:
    """The company settings row (``settings`` named ``oroshi_company_settings``; the first of several)."""
    return session.scalars(select(m.SettingsRow).where(m.SettingsRow.name == m.COMPANY_SETTINGS_NAME)
                           .order_by(m.SettingsRow.id).limit(1)).first()


def company_settings(session: Session) -> Any:
    """The raw ``settings`` JSON of the company settings row (None when there is no row)."""
    row = company_row(session)
    return row.settings if row is not None else None


def load_company(session: Session) -> Company:
    return Company.from_settings(company_settings(session))


def save_company_settings(session: Session, company: dict[str, Any]) -> None:
    """Merge ``company`` into the row, keeping the keys it does not name; a None value removes its key."""
    row = company_row(session)
    kept = row.settings if row is not None and isinstance(row.settings, dict) else {}
    merged = {**kept, **company}
    merged = {key: value for key, value in merged.items() if value is not None}
    if row is None:
        session.add(m.SettingsRow(name=m.COMPANY_SETTINGS_NAME, settings=merged))
    else:
        row.settings = merged


def settings_form(session: Session, shared: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """What the 設定 form shows of the database: the company row (empty when it is not an object), and
    each of ``shared`` (form key → preference key) as text."""
    raw = company_settings(session)
    company = dict(raw) if isinstance(raw, dict) else {}
    return company, {key: str(get_preference(session, pref)) for key, pref in shared.items()}


def save_settings_form(session: Session, company: dict[str, Any], shared: dict[str, str]) -> None:
    """The 設定 form's database part in one transaction: the company row and the shared preferences
    (preference key → value)."""
    save_company_settings(session, company)
    for pref, value in shared.items():
        set_preference(session, pref, value)


def tax_rates(session: Session) -> dict[int, Decimal]:
    """Tax rate per supply type id; types without a row use the reduced food rate. A rate outside
    0 ≤ rate < 1 (an edited row) is named with its supply type, not left to fail as a bug."""
    rates: dict[int, Decimal] = {}
    for row in session.scalars(select(m.SupplyTypeTaxRate)):
        rate = Decimal(row.tax_rate)
        if not (rate.is_finite() and 0 <= rate < 1):
            raise InvalidValue(f"tax rate of supply type {row.supply_type_id}", "tax_rate", rate,
                               "a fraction from 0 up to 1, e.g. 0.08", f"供給種類 {row.supply_type_id} の税率",
                               "0以上1未満の小数、例 0.08")
        rates[row.supply_type_id] = rate
    return rates


def tax_rate_for(rates: dict[int, Decimal], supply_type_id: int) -> Decimal:
    return rates.get(supply_type_id, REDUCED_RATE)
