"""Loading a statement from the Oroshi tables, on every database kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oroshi_desktop.db.models import (
    Address,
    SettingsRow,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeTaxRate,
    SupplyTypeVariation,
)
from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.statement_body import REDUCED_RATE, STANDARD_RATE
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.queries import preferences
from oroshi_desktop.queries.statements import load_statement


def build(session) -> dict[str, int]:
    session.add(SettingsRow(name="oroshi_company_settings", settings={"name": "株式会社テスト水産", "mail": "office@example.jp"}))
    org = SupplierOrganization(entity_name="北海水産協同組合", entity_type=0, country_id=392, subregion_id=1,
                               micro_region="札幌市", invoice_number="T9876543210987", honorific_title="御中",
                               invoice_name="北海水産協同組合", active=True)
    other = SupplierOrganization(entity_name="他組合", entity_type=0, country_id=392, subregion_id=2, active=True)
    session.add_all([org, other])
    session.flush()
    session.add(Address(addressable_type="Oroshi::SupplierOrganization", addressable_id=org.id, postal_code="060-0001",
                        subregion_id=1, city="札幌市中央区", address1="北1条西1-1", address2="漁協ビル", default=True))
    p1 = Supplier(supplier_organization_id=org.id, supplier_number=2, company_name="函館水産", invoice_number="T2222222222222",
                  representatives=["鈴木 次郎"], honorific_title="様", active=True)
    p2 = Supplier(supplier_organization_id=org.id, supplier_number=1, company_name="札幌サーモン", invoice_number="T1111111111111",
                  representatives=["山田 太郎", "佐藤 花子"], honorific_title="様", active=True)
    stranger = Supplier(supplier_organization_id=other.id, supplier_number=1, company_name="他", representatives=["x"])
    salmon = SupplyType(name="鮭", units="kg", position=1, active=True)
    boxes = SupplyType(name="資材", units="個", position=2, active=True)
    time = SupplyReceptionTime(hour=9, time_qualifier="午前")
    session.add_all([p1, p2, stranger, salmon, boxes, time])
    session.flush()
    session.add(SupplyTypeTaxRate(supply_type_id=boxes.id, tax_rate=STANDARD_RATE))
    fillet = SupplyTypeVariation(supply_type_id=salmon.id, name="フィレカット", position=1, active=True)
    box = SupplyTypeVariation(supply_type_id=boxes.id, name="発泡箱", position=1, active=True)
    d1, d2, outside = SupplyDate(date=date(2025, 10, 1)), SupplyDate(date=date(2025, 10, 2)), SupplyDate(date=date(2025, 10, 20))
    session.add_all([fillet, box, d1, d2, outside])
    session.flush()

    def supply(day, producer, variation, qty, price):
        session.add(Supply(supply_date_id=day.id, supplier_id=producer.id, supply_type_variation_id=variation.id,
                           supply_reception_time_id=time.id, quantity=qty, price=price, entry_index=0))

    supply(d1, p1, fillet, 8.5, 1235.0)
    supply(d1, p2, fillet, 12.1, 1235.0)
    supply(d2, p2, box, 3.0, 105.0)
    supply(d2, p2, fillet, 0.0, 999.0)    # empty box: not on the statement
    supply(outside, p1, fillet, 5.0, 1000.0)
    supply(d1, stranger, fillet, 7.0, 1000.0)
    session.flush()
    return {"org": org.id, "p1": p1.id, "p2": p2.id}


def test_organization_statement_from_database(db):
    with db.write() as session:
        ids = build(session)
    with db.read() as session:
        st = load_statement(session, organization_id=ids["org"], start=date(2025, 10, 1), end=date(2025, 10, 15),
                            fmt="organization", layout="simple", statement_date=date(2025, 10, 16))
    body = st.body
    # 8.5 + 12.1 = 20.6 kg exactly (floats go through str(), never float arithmetic)
    assert [(ln.quantity, ln.unit_price, ln.amount) for ln in body.lines] == [
        (D("20.6"), D(1235), D(25441)), (D("3.0"), D(105), D(315))]
    assert body.bucket(REDUCED_RATE).base == D(25441) and body.bucket(REDUCED_RATE).tax == D(2035)
    assert body.bucket(STANDARD_RATE).base == D(315) and body.bucket(STANDARD_RATE).tax == D(32)
    assert body.total == D(25441 + 2035 + 315 + 32)
    assert st.receiver.registration_number == "T9876543210987"
    assert st.receiver.address.postal_code == "060-0001"
    assert st.receiver.address.line == "北海道札幌市中央区北1条西1-1 漁協ビル"
    assert st.company.name == "株式会社テスト水産"
    assert st.sections == ()


def test_supplier_statement_sections_by_producer_number(db):
    with db.write() as session:
        ids = build(session)
        preferences.set_preference(session, preferences.ROUNDING, "truncate")
    with db.read() as session:
        st = load_statement(session, organization_id=ids["org"], start=date(2025, 10, 1), end=date(2025, 10, 31),
                            fmt="supplier", layout="standard")
    assert st.body.rounding is Rounding.TRUNCATE
    assert [s.supplier_number for s in st.sections] == [1, 2]
    assert st.sections[0].receiver.circled == "①"
    assert st.sections[0].title == "〔1〕 札幌サーモン ― 支払明細書"
    assert sum(s.body.bucket(REDUCED_RATE).base for s in st.sections) == D(14943 + 10497 + 5000)
    assert st.body.last_date == date(2025, 10, 20)


def test_bad_arguments_name_the_field(db):
    with db.write() as session:
        ids = build(session)
    with db.read() as session, pytest.raises(NotFound, match="supplier organization 999999"):
        load_statement(session, organization_id=999999, start=date(2025, 10, 1), end=date(2025, 10, 2),
                       fmt="organization", layout="simple")
    with db.read() as session, pytest.raises(UserError, match="format"):
        load_statement(session, organization_id=ids["org"], start=date(2025, 10, 1), end=date(2025, 10, 2),
                       fmt="org", layout="simple")
    with db.read() as session, pytest.raises(UserError, match="before its start"):
        load_statement(session, organization_id=ids["org"], start=date(2025, 10, 2), end=date(2025, 10, 1),
                       fmt="organization", layout="simple")
