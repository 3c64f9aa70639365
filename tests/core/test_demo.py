"""Demo data (DOMAIN.md §7) at scale 1 on SQLite, PostgreSQL by the app and the real Oroshi schema."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from oroshi_desktop.db import models as m
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import COMPANY_SETTINGS_NAME
from oroshi_desktop.demo import DemoSummary, generate_demo, is_empty
from oroshi_desktop.errors import UserError

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = date(2026, 5, 20)  # a Wednesday: the scheduled run goes out tomorrow, Thursday 09:00
TZ = ZoneInfo("Asia/Tokyo")
PREV_START, PREV_MID, PREV_END = date(2026, 4, 1), date(2026, 4, 15), date(2026, 4, 30)


def _generate(db: Database, **kwargs) -> DemoSummary:
    kwargs.setdefault("today", TODAY)
    return generate_demo(db, **kwargs)


def _table_counts(db: Database, summary: DemoSummary) -> dict[str, int]:
    with db.read() as session:
        return {name: session.scalar(text(f'SELECT COUNT(*) FROM "{name}"')) for name in summary.by_table()}


def test_scale_one_matches_the_domain_sample(db: Database):
    lines: list[str] = []
    summary = _generate(db, progress=lines.append)
    assert summary.by_table() == _table_counts(db, summary)
    assert "organizations: 3" in lines and any(line.startswith("supplies: ") for line in lines)

    with db.read() as session:
        company = session.scalars(select(m.SettingsRow.settings).where(m.SettingsRow.name == COMPANY_SETTINGS_NAME)).one()
        assert company["name"] == "株式会社オロシサーモン"
        assert set(company) == {"name", "postal_code", "address", "phone", "fax", "mail", "web", "invoice_number"}

        assert {(rt.time_qualifier, rt.hour) for rt in session.scalars(select(m.SupplyReceptionTime))} == {
            ("午前", 9), ("午後", 14), ("夜", 17)}

        orgs = session.scalars(select(m.SupplierOrganization).order_by(m.SupplierOrganization.id)).all()
        assert [o.entity_name for o in orgs[:2]] == ["北海水産協同組合", "青森県漁業協同組合連合会"]
        assert [o.entity_name for o in orgs if not o.email] == ["陸奥湾ホタテ生産者の会"]
        assert [o.free_entry for o in orgs] == [False, False, True]
        for org in orgs:
            assert org.country_id == 392 and org.honorific_title == "御中" and org.active
            assert org.invoice_number.startswith("T") and len(org.invoice_number) == 14
            assert org.reception_times, org.entity_name
            numbers = [s.supplier_number for s in org.suppliers]
            assert numbers == list(range(1, len(numbers) + 1)) and numbers[-1] <= 19

        producers = session.scalars(select(m.Supplier)).all()
        assert {p.company_name for p in producers} >= {"札幌サーモン株式会社", "函館水産株式会社", "青森海産物株式会社"}
        assert all(p.honorific_title == "様" and p.representatives and p.invoice_number for p in producers)

        types = {t.name: t for t in session.scalars(select(m.SupplyType))}
        assert types["鮭"].units == "kg" and not types["鮭"].liquid
        assert types["ホタテ"].liquid
        assert any(t.units == "個" for t in types.values())
        rates = {r.supply_type_id: r.tax_rate for r in session.scalars(select(m.SupplyTypeTaxRate))}
        assert rates == {t.id: Decimal("0.08") for t in types.values()}

        supplies = session.scalars(select(m.Supply)).all()
        assert len(supplies) > 500
        assert 2 <= sum(s.price == 0 for s in supplies) <= 3
        assert all(s.quantity > 0 for s in supplies)
        assert all(s.quantity == round(s.quantity, 1) and s.price == int(s.price) for s in supplies)

        # 10–15 supply days in each complete half-month, and today.
        days = session.scalars(select(m.SupplyDate.date)).all()
        assert TODAY in days
        for start, end in ((PREV_START, PREV_MID), (PREV_MID + timedelta(days=1), PREV_END),
                           (date(2026, 5, 1), date(2026, 5, 15))):
            assert 10 <= sum(start <= d <= end for d in days) <= 15
    _check_invoices(db)
    _check_orders(db)


def _check_invoices(db: Database) -> None:
    end_of_today = datetime.combine(TODAY, time(23, 59), tzinfo=TZ)
    with db.read() as session:
        invoices = session.scalars(select(m.Invoice).order_by(m.Invoice.id)).all()
        assert len(invoices) == 3
        sent = [i for i in invoices if i.sent_at is not None]
        scheduled = [i for i in invoices if i.send_email and i.sent_at is None]
        printed = [i for i in invoices if not i.send_email]
        assert len(sent) == len(scheduled) == len(printed) == 1
        sent, scheduled, printed = sent[0], scheduled[0], printed[0]

        assert (sent.start_date, sent.end_date, sent.invoice_layout) == (PREV_START, PREV_MID, 2)
        assert sent.send_at < sent.sent_at < end_of_today
        assert sent.organizations and all(r.completed and r.sent_at for r in sent.organizations)
        assert all(r.organization.email for r in sent.organizations)

        assert (scheduled.start_date, scheduled.end_date, scheduled.invoice_layout) == (PREV_MID + timedelta(days=1),
                                                                                        PREV_END, 2)
        assert scheduled.send_at == datetime(2026, 5, 21, 9, 0, tzinfo=TZ).astimezone(UTC)
        assert scheduled.send_at > end_of_today
        assert all(not r.completed and r.sent_at is None for r in scheduled.organizations)

        assert printed.invoice_layout == 1 and printed.sent_at is None
        assert [r.organization.email for r in printed.organizations] == [None]

        for invoice in invoices:
            linked = set(session.scalars(select(m.SupplyDate.date).join(m.InvoiceSupplyDate)
                                         .where(m.InvoiceSupplyDate.invoice_id == invoice.id)))
            in_range = set(session.scalars(select(m.SupplyDate.date)
                                           .where(m.SupplyDate.date.between(invoice.start_date, invoice.end_date))))
            assert linked == in_range and linked

        # Locking follows the runs: the whole previous month is covered, the current one is open.
        rows = session.execute(select(m.SupplyDate.date, m.Supply.locked).join(m.Supply)).all()
        assert all(locked == (day <= PREV_END) for day, locked in rows)
        assert not any(locked for day, locked in rows if day > PREV_END)


def _check_orders(db: Database) -> None:
    with db.read() as session:
        orders = session.scalars(select(m.Order)).all()
        assert all(TODAY - timedelta(days=7) <= o.shipping_date <= TODAY + timedelta(days=7) for o in orders)
        assert all(o.arrival_date == o.shipping_date + timedelta(days=1) for o in orders)
        assert all(o.item_quantity > 0 and o.receptacle_quantity > 0 and o.freight_quantity > 0 for o in orders)
        assert all(o.status == 1 and o.product_inventory_id for o in orders)
        assert any(o.note for o in orders)
        by_buyer = dict(session.execute(select(m.Buyer.handle, func.count(m.Order.id)).join(m.Order)
                                        .group_by(m.Buyer.handle)).all())
        # Daily salmon to Tsukiji (+ a template), tuna every other day (+ a template), 3 scallop days.
        assert by_buyer["tsukiji-market"] == 15 + 1
        assert by_buyer["toyosu-market"] == 8 + 1
        assert by_buyer["sapporo-central"] == 3
        assert by_buyer["direct-restaurant"] == 1
        assert session.scalar(select(m.Buyer.id).where(m.Buyer.associated_system_id.is_(None))) is not None
        templates = session.execute(select(m.OrderTemplate.identifier, m.Order.shipping_date).join(m.Order)).all()
        assert sorted(t for t, _ in templates) == sorted(["週次サーモン配送", "隔週マグロ配送"])
        uncategorized = session.scalar(select(func.count(m.Order.id)).where(
            ~m.Order.id.in_(select(m.OrderOrderCategory.order_id))))
        assert uncategorized == 0
        assert session.scalar(select(func.count(m.OrderCategory.id))) == 4


def test_supplies_respect_allowed_variations_and_the_entry_grid(db: Database):
    _generate(db)
    with db.read() as session:
        not_allowed = session.scalar(text(
            "SELECT COUNT(*) FROM oroshi_supplies s WHERE NOT EXISTS ("
            " SELECT 1 FROM oroshi_suppliers_oroshi_supply_type_variations a"
            " WHERE a.supplier_id = s.supplier_id AND a.supply_type_variation_id = s.supply_type_variation_id)"))
        assert not_allowed == 0
        # The reception time is one of the producer's organization's times.
        wrong_slot = session.scalar(
            select(func.count(m.Supply.id)).join(m.Supplier, m.Supply.supplier_id == m.Supplier.id).where(
                ~select(m.SupplierOrganizationReceptionTime.id).where(
                    m.SupplierOrganizationReceptionTime.supplier_organization_id == m.Supplier.supplier_organization_id,
                    m.SupplierOrganizationReceptionTime.supply_reception_time_id == m.Supply.supply_reception_time_id,
                ).exists()))
        assert wrong_slot == 0
        duplicates = session.execute(
            select(m.Supply.supply_date_id, m.Supply.supplier_id, m.Supply.supply_type_variation_id,
                   m.Supply.supply_reception_time_id, m.Supply.entry_index)
            .group_by(m.Supply.supply_date_id, m.Supply.supplier_id, m.Supply.supply_type_variation_id,
                      m.Supply.supply_reception_time_id, m.Supply.entry_index)
            .having(func.count() > 1)).all()
        assert duplicates == []
        too_far = session.scalar(select(func.count(m.Supply.id)).join(m.SupplyTypeVariation).where(
            m.Supply.entry_index >= m.SupplyTypeVariation.default_container_count))
        assert too_far == 0
        # The supply-date join tables hold exactly the pairs that have supplies.
        pairs = set(session.execute(select(m.Supply.supply_date_id, m.Supply.supplier_id).distinct()).all())
        assert set(session.execute(select(m.SupplyDateSupplier.supply_date_id, m.SupplyDateSupplier.supplier_id))) == pairs
        org_pairs = set(session.execute(select(m.Supply.supply_date_id, m.Supplier.supplier_organization_id)
                                        .join(m.Supplier, m.Supply.supplier_id == m.Supplier.id).distinct()).all())
        assert set(session.execute(select(m.SupplyDateSupplierOrganization.supply_date_id,
                                          m.SupplyDateSupplierOrganization.supplier_organization_id))) == org_pairs


def _fresh_sqlite(path: Path) -> Database:
    database = open_database(f"sqlite:///{path}")
    schema.upgrade(database)
    return database


def _dump(db: Database) -> dict[str, list[tuple]]:
    with db.read() as session:
        return {name: [tuple(row) for row in session.execute(text(f"SELECT * FROM {name} ORDER BY id"))]
                for name in ("oroshi_supplies", "oroshi_orders", "oroshi_suppliers", "oroshi_invoices")}


def test_same_seed_same_rows_other_seed_other_rows(tmp_path: Path):
    databases = [_fresh_sqlite(tmp_path / f"{name}.sqlite3") for name in ("a", "b", "c")]
    try:
        for database, seed in zip(databases, (7, 7, 8), strict=True):
            _generate(database, seed=seed)
        first, second, other = (_dump(d) for d in databases)
        assert first == second
        assert first["oroshi_supplies"] != other["oroshi_supplies"]
        assert first["oroshi_orders"] != other["oroshi_orders"]
    finally:
        for database in databases:
            database.dispose()


def test_refuses_a_non_empty_database_and_changes_nothing(db: Database):
    assert is_empty(db)
    summary = _generate(db)
    assert not is_empty(db)
    before = _table_counts(db, summary)
    with pytest.raises(UserError) as caught:
        _generate(db, seed=1)
    assert "--force" in str(caught.value) and "3 supplier organizations" in str(caught.value)
    assert "すでにデータがあります" in caught.value.message_ja
    assert _table_counts(db, summary) == before


def test_force_adds_alongside_existing_data(db: Database):
    first = _generate(db)
    second = _generate(db, seed=1, force=True)
    assert second.supplier_organizations == first.supplier_organizations
    assert second.settings == 0, "an existing company settings row is kept"
    assert second.supply_dates < first.supply_dates, "existing supply dates are reused"
    with db.write() as session:
        assert session.scalar(select(func.count(m.SupplierOrganization.id))) == 2 * first.supplier_organizations
        assert session.scalar(select(func.count(m.Order.id))) == first.orders + second.orders
        dates = session.scalars(select(m.SupplyDate.date)).all()
        assert len(dates) == len(set(dates))
        # Ids were reserved properly: the database still hands out fresh ones afterwards.
        session.add(m.OrderCategory(name="追加", color="#000000"))
        session.flush()
    with db.read() as session:
        linked = session.scalar(select(func.count(m.InvoiceSupplierOrganization.id)))
        assert linked == first.invoice_supplier_organizations + second.invoice_supplier_organizations


def test_default_today_is_the_current_business_date(sqlite_db: Database):
    _generate(sqlite_db, today=None)
    today = datetime.now(TZ).date()
    now = datetime.now(UTC)
    with sqlite_db.read() as session:
        assert session.scalar(select(func.max(m.SupplyDate.date))) == today
        scheduled = session.scalars(select(m.Invoice).where(m.Invoice.send_email, m.Invoice.sent_at.is_(None))).one()
        assert scheduled.send_at > now


@pytest.mark.parametrize("scale", [0, -1, 1.5, True])
def test_rejects_a_bad_scale(sqlite_db: Database, scale):
    with pytest.raises(UserError):
        generate_demo(sqlite_db, scale=scale)
    assert is_empty(sqlite_db)


def test_the_planner_knows_the_demo_tables_on_postgresql(db: Database):
    """After the bulk load the tables are analyzed (PostgreSQL): the planner sees the orders
    there are, not the empty table of before (``reltuples`` -1 means never analyzed)."""
    summary = _generate(db)
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite plans without gathered statistics (its queries are written for that)")
    with db.read() as session:
        planned = dict(session.execute(text(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN ('oroshi_orders', 'oroshi_supplies')")).all())
    counts = _table_counts(db, summary)
    assert planned["oroshi_orders"] == counts["oroshi_orders"] > 0
    assert planned["oroshi_supplies"] == counts["oroshi_supplies"] > 0
