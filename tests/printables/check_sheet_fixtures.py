"""An exact, small day of deliveries for the reception check sheet tests.

北海道 (1), 2025-10-01:
- 北海水産協同組合 (札幌): ① 浜田 and ② 山本 active, ③ 退職 inactive.
  午前: 浜田 ホタテむき身 (大) 30 + 25.5 (entered out of order), ホタテむき身 (小) 12;
        山本 殻付きホタテ (大) 200 + 150.
  午後: 浜田 殻付きホタテ (大) 100; 山本 nothing.
- 小樽漁業株式会社 (小樽): producer 20 石井 (no circled digit). 午前 ホタテむき身 (大) 40;
  午後 one empty box (quantity 0).
- 自由記入組合 (函館), free entry, not linked to the day: ① 佐藤, ② 鈴木, delivering nothing.
青森 (2): 陸奥湾漁協 (陸奥湾) ① 工藤: 午前 ホタテむき身 (大) 50.
夜中 has no supplies at all. ホタテむき身 is liquid (kg), 殻付きホタテ is not (個).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    COMPANY_SETTINGS_NAME,
    SettingsRow,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyDateSupplierOrganization,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeVariation,
)
from oroshi_desktop.queries.preferences import CHECK_SHEET_DATES, set_preference

DAY = date(2025, 10, 1)
EMPTY_DAY = date(2025, 10, 2)  # no supply-date row
DOCUMENT_DATES = ("2020-04-01", "2024-03-01")
COMPANY = {
    "name": "テスト水産株式会社",
    "postal_code": "060-0001",
    "address": "北海道札幌市中央区北1条西1丁目1",
    "phone": "011-000-0000",
    "fax": "011-000-0001",
    "mail": "office@example.com",
    "web": "https://example.com",
}


@dataclass(frozen=True)
class CheckSheetFixture:
    morning: int  # 午前
    afternoon: int  # 午後
    night: int  # 夜中, no supplies
    union: int  # 北海水産協同組合
    company: int  # 小樽漁業株式会社
    free: int  # 自由記入組合
    aomori: int  # 陸奥湾漁協
    hamada: int
    yamamoto: int
    retired: int
    ishii: int
    sato: int
    suzuki: int
    kudo: int
    shucked_large: int
    shucked_small: int
    shell_large: int


def _org(session: Session, name: str, micro_region: str, subregion_id: int, *, free_entry: bool = False,
         active: bool = True) -> SupplierOrganization:
    org = SupplierOrganization(entity_name=name, entity_type=0, country_id=392, subregion_id=subregion_id,
                               micro_region=micro_region, invoice_number="T1234567890123", fax="000",
                               free_entry=free_entry, active=active)
    session.add(org)
    session.flush()
    return org


def _producer(session: Session, org: SupplierOrganization, number: int, short_name: str, *,
              active: bool = True) -> Supplier:
    supplier = Supplier(supplier_organization_id=org.id, supplier_number=number, company_name=f"{short_name}水産",
                        short_name=short_name, representatives=[short_name], invoice_number="T0000000000000",
                        active=active)
    session.add(supplier)
    session.flush()
    return supplier


def build_check_sheet_fixture(session: Session, *, with_settings: bool = True) -> CheckSheetFixture:
    if with_settings:
        session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings=COMPANY))
        set_preference(session, CHECK_SHEET_DATES, list(DOCUMENT_DATES))

    times = [SupplyReceptionTime(hour=h, time_qualifier=q) for h, q in ((9, "午前"), (14, "午後"), (2, "夜中"))]
    session.add_all(times)
    shucked = SupplyType(name="ホタテむき身", units="kg", handle="shucked", liquid=True, position=1, active=True)
    shell = SupplyType(name="殻付きホタテ", units="個", handle="shell", liquid=False, position=2, active=True)
    session.add_all([shucked, shell])
    session.flush()
    large = SupplyTypeVariation(supply_type_id=shucked.id, name="大", handle="l", default_container_count=4,
                                position=1, active=True)
    small = SupplyTypeVariation(supply_type_id=shucked.id, name="小", handle="s", default_container_count=4,
                                position=2, active=True)
    shell_large = SupplyTypeVariation(supply_type_id=shell.id, name="大", handle="sl", default_container_count=4,
                                      position=1, active=True)
    session.add_all([large, small, shell_large])

    union = _org(session, "北海水産協同組合", "札幌", 1)
    company = _org(session, "小樽漁業株式会社", "小樽", 1)
    free = _org(session, "自由記入組合", "函館", 1, free_entry=True)
    aomori = _org(session, "陸奥湾漁協", "陸奥湾", 2)
    hamada = _producer(session, union, 1, "浜田")
    yamamoto = _producer(session, union, 2, "山本")
    retired = _producer(session, union, 3, "退職", active=False)
    ishii = _producer(session, company, 20, "石井")
    sato = _producer(session, free, 1, "佐藤")
    suzuki = _producer(session, free, 2, "鈴木")
    kudo = _producer(session, aomori, 1, "工藤")

    day = SupplyDate(date=DAY, totals={})
    session.add(day)
    session.flush()
    morning, afternoon, night = (t.id for t in times)
    entries = [
        # (producer, variation, time, quantity, entry_index); 浜田's 大 boxes inserted out of order
        (hamada, large, morning, 25.5, 1),
        (hamada, large, morning, 30.0, 0),
        (hamada, small, morning, 12.0, 0),
        (yamamoto, shell_large, morning, 200.0, 0),
        (yamamoto, shell_large, morning, 150.0, 1),
        (hamada, shell_large, afternoon, 100.0, 0),
        (ishii, large, morning, 40.0, 0),
        (ishii, large, afternoon, 0.0, 0),
        (kudo, large, morning, 50.0, 0),
    ]
    session.add_all([
        Supply(supply_date_id=day.id, supplier_id=producer.id, supply_type_variation_id=variation.id,
               supply_reception_time_id=time, quantity=qty, price=0.0, entry_index=index)
        for producer, variation, time, qty, index in entries
    ])
    session.add_all([SupplyDateSupplierOrganization(supply_date_id=day.id, supplier_organization_id=org.id)
                     for org in (union, company, aomori)])
    session.flush()
    return CheckSheetFixture(
        morning=morning, afternoon=afternoon, night=night, union=union.id, company=company.id, free=free.id,
        aomori=aomori.id, hamada=hamada.id, yamamoto=yamamoto.id, retired=retired.id, ishii=ishii.id,
        sato=sato.id, suzuki=suzuki.id, kudo=kudo.id, shucked_large=large.id, shucked_small=small.id,
        shell_large=shell_large.id,
    )
