"""Property-based (issue 21): the mail check with generated hostile rows — names of any text and
length, good, malformed, internationalized and missing addresses, missing registration numbers,
duplicated run rows, rows naming an organization that does not exist, and supplies whose prices
and quantities are zero, tiny fractions, at the documented limits (¥9,999,999.99 × 9,999,999 and
10,000,000 exactly) or beyond them (above the limit, negative, infinite, NaN) — mails every good
organization exactly once and no bad one, and names each bad one (a bad number: its supply and
field); nothing raises.

The mail check generates each organization's statements itself (the run's rows are left
incomplete), so the numbers go through the statement, its PDFs and the archive's figures. A fresh
embedded database per example and one real SMTP server on loopback; ``max_examples`` is kept small
(each example builds a database and renders every statement).
"""

from __future__ import annotations

import math
import tempfile
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from jobs.statements import check_and_send
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    OutboxMessage,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeVariation,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.domain.quantities import SUPPLY_FIELDS
from oroshi_desktop.mail.transport import SmtpTransport
from oroshi_desktop.queries.preferences import ZERO_STATEMENTS, set_preference
from tests.core.outbox_fixtures import END, START, add_company, add_organization
from tests.helpers.broken_data import write_unchecked
from tests.helpers.smtp_server import SmtpTestServer

TZ = ZoneInfo("Asia/Tokyo")
HOSTILE_PIECES = st.sampled_from([*"鮭帆立<>&\"' ;\\", "\r\n", "\x00", "\x1b", "\u2028", "\u202e", "😀", "𠮷",
                                   "\u3000", "\r\nBcc: x@example.com"])
HOSTILE_TEXT = st.lists(HOSTILE_PIECES, min_size=1, max_size=12).map("".join)
NAMES = st.one_of(HOSTILE_TEXT, st.text(min_size=256, max_size=400).filter(lambda t: t.strip() != ""))
ADDRESS = st.sampled_from(["good", "idn", "none", "malformed", "injected"])
# Zero, tiny fractions, ordinary values, the documented limits (price 9,999,999.99 × quantity
# 9,999,999; both fields end at 10,000,000) and what lies beyond them. No NaN: SQLite stores it as
# NULL, which the columns' NOT NULL refuses (a NaN on PostgreSQL: test_statement_isolation).
NUMBER = st.one_of(
    st.sampled_from([0.0, -0.0, 5e-324, 1e-9, 0.001, 0.005, 0.01, 1.0, 1235.5, 9_999_999.0, 9_999_999.99,
                     10_000_000.0, 10_000_000.01, 1e12, 1e300, -0.01, math.inf, -math.inf]),
    st.floats(min_value=0, max_value=10_000_000), st.floats(allow_nan=False))
SUPPLY = st.tuples(NUMBER, NUMBER)  # (price, quantity)
ORGANIZATION = st.fixed_dictionaries({
    "name": NAMES, "address": ADDRESS, "registered": st.booleans(), "rows": st.integers(min_value=1, max_value=3),
    "supplies": st.lists(SUPPLY, max_size=3)})


def _email(kind: str, index: int) -> str | None:
    return {"good": f"org{index}@example.jp", "idn": f"org{index}@例え.jp", "none": None, "malformed": "a@@b",
            "injected": f"org{index}@example.jp\r\nBcc: evil@example.com"}[kind]


def _storable(value: float, field: str) -> bool:
    """What a statement accepts in a supply's field: a finite number from 0 to the field's bound."""
    return math.isfinite(value) and 0 <= Decimal(str(value)) <= SUPPLY_FIELDS[field][1]


def _bad_fields(org: dict[str, object], supply_ids: list[int]) -> set[str]:
    """``supply N: field`` for each number of the organization's supplies that cannot be stored."""
    pairs = zip(supply_ids, org["supplies"], strict=True)  # type: ignore[call-overload]
    return {f"supply {supply_id}: {field}" for supply_id, (price, quantity) in pairs
            for field, value in (("price", price), ("quantity", quantity)) if not _storable(value, field)}


def _good(org: dict[str, object], supply_ids: list[int]) -> bool:
    return (bool(org["registered"]) and org["address"] in ("good", "idn", "none")
            and not _bad_fields(org, supply_ids))


def _add_supplies(db: Database, org_ids: list[int], organizations: list[dict[str, object]]) -> list[list[int]]:
    """One producer per organization with its generated supplies inside the run's period; their ids."""
    with db.write() as session:
        salmon = SupplyType(name="鮭", units="kg", position=1, active=True)
        time = SupplyReceptionTime(hour=9, time_qualifier="午前")
        day = SupplyDate(date=START + timedelta(days=1))
        session.add_all([salmon, time, day])
        session.flush()
        fillet = SupplyTypeVariation(supply_type_id=salmon.id, name="フィレ", position=1, active=True)
        session.add(fillet)
        session.flush()
        ids: list[list[int]] = []
        for org_id, org in zip(org_ids, organizations, strict=True):
            producer = Supplier(supplier_organization_id=org_id, supplier_number=1, company_name="生産者",
                                invoice_number="T1111111111111", representatives=["山田 太郎"], active=True)
            session.add(producer)
            session.flush()
            supplies = [Supply(supply_date_id=day.id, supplier_id=producer.id, supply_type_variation_id=fillet.id,
                               supply_reception_time_id=time.id, price=price, quantity=quantity, entry_index=index)
                        for index, (price, quantity) in enumerate(org["supplies"])]  # type: ignore[call-overload]
            session.add_all(supplies)
            session.flush()
            ids.append([supply.id for supply in supplies])
        set_preference(session, ZERO_STATEMENTS, "send")  # a ¥0 statement is mailed too (the clerk's choice)
    return ids


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(organizations=st.lists(ORGANIZATION, min_size=1, max_size=4), dangling=st.integers(min_value=0, max_value=2))
def test_every_good_organization_is_mailed_exactly_once(organizations, dangling) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder, SmtpTestServer.running() as server:
        db = open_database(f"sqlite:///{Path(folder) / 'oroshi.sqlite3'}")
        try:
            schema.upgrade(db)
            add_company(db)
            org_ids = [add_organization(db, entity_name=str(org["name"]), micro_region="札幌", subregion_id=1,
                                        email=_email(str(org["address"]), index))
                       for index, org in enumerate(organizations)]
            supply_ids = _add_supplies(db, org_ids, organizations)
            unregistered = [org_id for org_id, org in zip(org_ids, organizations, strict=True) if not org["registered"]]
            with db.write() as session:
                session.execute(update(SupplierOrganization).where(SupplierOrganization.id.in_(unregistered))
                                .values(invoice_number=None))
            with db.write() as session:
                invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                                  send_email=True, send_at=utcnow())
                session.add(invoice)
                session.flush()
                isos = [InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                                    completed=False, passwords={})
                        for org_id, org in zip(org_ids, organizations, strict=True) for _ in range(int(org["rows"]))]
                session.add_all(isos)
                session.flush()
                invoice_id = invoice.id
            for n in range(dangling):  # the web system's data: a run row naming an organization that is gone
                write_unchecked(db, "INSERT INTO oroshi_invoice_supplier_organizations (invoice_id, "
                                    "supplier_organization_id, completed, passwords, created_at, updated_at) VALUES "
                                    f"({invoice_id}, {900_000 + n}, false, '{{}}', '2026-01-01', '2026-01-01')")

            summary = check_and_send(db, SmtpTransport(server.settings()), tz=TZ)

            with db.read() as session:
                sent = Counter(session.scalars(select(OutboxMessage.supplier_organization_id)
                                               .where(OutboxMessage.state == "sent")))
            good = {org_id for org_id, org, ids in zip(org_ids, organizations, supply_ids, strict=True)
                    if _good(org, ids)}
            assert sent == Counter(dict.fromkeys(good, 1)), summary.describe()
            assert len(server.accepted) == len(good)
            assert all("evil@example.com" not in mail.rcpt_tos for mail in server.accepted)
            failed = {failure.organization_id for failure in summary.failed_rows}
            bad = {org_id for org_id in org_ids if org_id not in good}
            assert failed == bad | {900_000 + n for n in range(dangling)}, summary.describe()
            reasons = {failure.organization_id: failure.message for failure in summary.failed_rows}
            for org_id, org, ids in zip(org_ids, organizations, supply_ids, strict=True):
                numbers = _bad_fields(org, ids)
                if numbers and org["registered"] and org["address"] in ("good", "idn", "none"):
                    # failed for its numbers alone: the reason names the supply and the field
                    assert any(field in reasons[org_id] for field in numbers), (reasons[org_id], numbers)
            duplicated = sum(int(org["rows"]) - 1 for org in organizations)
            assert bool(summary.warnings) == bool(duplicated)
        finally:
            db.dispose()
