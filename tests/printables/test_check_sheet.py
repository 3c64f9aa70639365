"""The reception check sheet from database to PDF, on SQLite and both PostgreSQL kinds."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Supplier, SupplierOrganization, SupplyReceptionTime, SupplyTypeVariation
from oroshi_desktop.domain.check_sheet import (
    CheckSheet,
    CheckSheetPage,
    ContainerLine,
    OrganizationBlock,
    ProducerRow,
    ReceptionTime,
    VariationTotal,
)
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.queries.check_sheet import load_check_sheet
from oroshi_desktop.queries.preferences import CHECK_SHEET_DATES, set_preference
from printables.check_sheet import render_check_sheet
from tests.printables.check_sheet_fixtures import DAY, EMPTY_DAY, CheckSheetFixture, build_check_sheet_fixture

# ReportLab writes the fill colour #cfcfcf as this rg operator; it marks grey rows and struck cells.
GREY_FILL = re.compile(rb"\.811765 \.811765 \.811765 rg")
HOSTILE = "<b>A&B</b> \"q\" 'x' 🐟 &amp; <script>"


def texts(pdf: bytes) -> list[str]:
    """Each page's text with whitespace runs (including no-break spaces) collapsed to one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def page_streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(BytesIO(pdf)).pages]


def build(db: Database, **kwargs: bool) -> CheckSheetFixture:
    with db.write() as session:
        return build_check_sheet_fixture(session, **kwargs)


def load(db: Database, prefectures: list[int], times: list[int], day: date = DAY) -> CheckSheet:
    with db.read() as session:
        return load_check_sheet(session, day=day, prefecture_ids=prefectures, reception_time_ids=times)


class TestFromDatabase:
    def test_pages_only_for_reception_times_with_supplies(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1], [fx.morning, fx.afternoon, fx.night])
        assert [(p.prefecture_id, p.reception_time.label) for p in sheet.pages] == [(1, "午前"), (1, "午後")]
        pages = texts(render_check_sheet(sheet))
        assert len(pages) == 2
        for text, qualifier in zip(pages, ("午前", "午後"), strict=True):
            assert "供給・受入チェック表 （北海道）" in text
            assert f"2025年10月01日(水) {qualifier}" in text
            assert "〇＝適切 X＝不適切" in text
            assert "社長 品管" in text
            assert "海域 生産者 官能検査 温度(℃) pH 塩分(%) 最終判定 時間・署名" in text
            assert "夜中" not in text

    def test_morning_page(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1], [fx.morning])
        page = sheet.pages[0]
        assert [o.id for o in page.organizations] == [fx.union, fx.company, fx.free]
        assert [[p.id for p in o.producers] for o in page.organizations] == [
            [fx.hamada, fx.yamamoto], [fx.ishii], [fx.sato, fx.suzuki]]
        union, company, free = page.organizations
        assert [(t.variation_id, t.text) for t in union.totals] == [
            (fx.shucked_large, "55.5kg"), (fx.shucked_small, "12kg"), (fx.shell_large, "350個")]
        assert company.totals == () and free.totals == ()

        (text,) = texts(render_check_sheet(sheet))
        assert "札 幌 ホタテむき身 (大) 55.5kg ホタテむき身 (小) 12kg 殻付きホタテ (大) 350個" in text
        assert "① 浜田" in text and "② 山本" in text and "① 佐藤" in text and "② 鈴木" in text
        assert "石井" in text and "⑳" not in text and "退職" not in text
        assert "ホタテむき身 (大): 30 25.5 ・ ホタテむき身 (小): 12" in text
        assert "殻付きホタテ (大): 200 150" in text
        assert "ホタテむき身 (大): 40" in text
        assert "40kg" not in text  # 小樽 has one producer: no totals
        # Pre-printed units in the check cells of 浜田, 石井, 佐藤 and 鈴木; 山本's are struck out.
        assert text.split().count("℃") == 4 and text.split().count("%") == 4
        assert text.split().count("/") == 3
        assert "小 樽" in text and "函 館" in text
        assert "陸奥湾" not in text and "陸 奥 湾" not in text  # 青森 was not asked for
        assert "● 判定基準" in text and "● 記録の頻度" in text
        assert "テスト水産株式会社" in text
        assert "作成日・更新日 2020年04月01日 2024年03月01日" in text

    def test_afternoon_greys_producers_without_deliveries(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1], [fx.afternoon])
        rows = {r.id: r for o in sheet.pages[0].organizations for r in o.producers}
        assert [(rows[i].greyed, rows[i].slashed) for i in (fx.hamada, fx.yamamoto, fx.ishii, fx.sato)] == [
            (False, True), (True, True), (True, True), (False, False)]
        pdf = render_check_sheet(sheet)
        (text,) = texts(pdf)
        assert "殻付きホタテ (大) 100個" in text and "殻付きホタテ (大): 100" in text
        assert text.split().count("/") == 9 and text.split().count("℃") == 2  # only the free-entry rows
        assert GREY_FILL.search(page_streams(pdf)[0])

    def test_two_prefectures(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1, 2], [fx.morning, fx.afternoon])
        assert [(p.prefecture_name, p.reception_time.label) for p in sheet.pages] == [
            ("北海道", "午前"), ("北海道", "午後"), ("青森県", "午前")]
        pdf = render_check_sheet(sheet)
        aomori = texts(pdf)[2]
        assert "（青森県）" in aomori and "陸 奥 湾" in aomori and "① 工藤" in aomori
        assert "ホタテむき身 (大): 50" in aomori and "札 幌" not in aomori
        # 工藤 delivered liquid material: nothing on that page is grey.
        assert not GREY_FILL.search(page_streams(pdf)[2])

    def test_day_without_supply_date_prints_a_notice(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1], [fx.morning], day=EMPTY_DAY)
        assert not sheet.supply_date_found and sheet.pages == ()
        (text,) = texts(render_check_sheet(sheet))
        assert "2025年10月02日(木)" in text
        assert "供給データ（供給日）がありません" in text
        assert "作成日・更新日" in text

    def test_no_supplies_at_the_selected_time_prints_a_notice(self, db: Database) -> None:
        fx = build(db)
        sheet = load(db, [1], [fx.night])
        assert sheet.supply_date_found and sheet.pages == ()
        (text,) = texts(render_check_sheet(sheet))
        assert "選択した都道府県（北海道）・受入時間（夜中）の供給はありません" in text

    def test_unknown_reception_time(self, db: Database) -> None:
        fx = build(db)
        missing = fx.morning + fx.afternoon + fx.night + 1000
        with pytest.raises(NotFound) as info:
            load(db, [1], [fx.morning, missing])
        assert str(missing) in info.value.message and "reception time" in info.value.message
        assert str(missing) in info.value.message_ja and "受入時間" in info.value.message_ja

    @pytest.mark.parametrize("prefectures", [[0], [48], [1, -1], ["x"], [True], []])
    def test_bad_prefecture_codes_name_the_field(self, sqlite_db: Database, prefectures: list[object]) -> None:
        fx = build(sqlite_db)
        with pytest.raises(UserError) as info:
            load(sqlite_db, prefectures, [fx.morning])  # type: ignore[arg-type]
        assert "prefecture_ids" in info.value.message and "都道府県" in info.value.message_ja

    def test_no_reception_time_chosen(self, sqlite_db: Database) -> None:
        build(sqlite_db)
        with pytest.raises(UserError) as info:
            load(sqlite_db, [1], [])
        assert "reception_time_ids" in info.value.message and "受入時間" in info.value.message_ja

    def test_reception_time_ids_may_come_as_strings(self, sqlite_db: Database) -> None:
        fx = build(sqlite_db)
        sheet = load(sqlite_db, ["1"], [str(fx.afternoon), fx.afternoon])  # type: ignore[list-item]
        assert [t.id for t in sheet.reception_times] == [fx.afternoon]

    @pytest.mark.parametrize("value", [["2024-13-01"], "not a date", {"a": 1}, ["2024/03/01"], [None]])
    def test_malformed_document_dates_setting_is_reported(self, sqlite_db: Database, value: object) -> None:
        fx = build(sqlite_db)
        with sqlite_db.write() as session:
            set_preference(session, CHECK_SHEET_DATES, value)
        with pytest.raises(UserError) as info:
            load(sqlite_db, [1], [fx.morning])
        assert CHECK_SHEET_DATES in info.value.message

    def test_without_settings_nothing_of_an_operator_is_printed(self, db: Database) -> None:
        fx = build(db, with_settings=False)
        sheet = load(db, [1], [fx.morning])
        assert sheet.document_dates == () and sheet.company == Company()
        (text,) = texts(render_check_sheet(sheet))
        assert "作成日・更新日" not in text
        assert "① 浜田" in text

    def test_hostile_names_print_literally(self, db: Database) -> None:
        fx = build(db)
        long_name = ("長い名前<&>" * 40)[:200]
        with db.write() as session:
            session.execute(update(SupplierOrganization).where(SupplierOrganization.id == fx.union)
                            .values(micro_region=HOSTILE))
            session.execute(update(SupplierOrganization).where(SupplierOrganization.id == fx.company)
                            .values(micro_region=long_name))
            session.execute(update(Supplier).where(Supplier.id == fx.hamada).values(short_name=HOSTILE))
            session.execute(update(Supplier).where(Supplier.id == fx.yamamoto).values(short_name=long_name))
            session.execute(update(SupplyTypeVariation).where(SupplyTypeVariation.id == fx.shucked_small)
                            .values(name="<i>&amp;</i>"))
            session.execute(update(SupplyReceptionTime).where(SupplyReceptionTime.id == fx.morning)
                            .values(time_qualifier="<朝&>"))
        sheet = load(db, [1], [fx.morning])
        pages = texts(render_check_sheet(sheet))
        # The 200-character names make the page run on: the header repeats, nothing is cut off.
        assert all("海域 生産者 官能検査" in page and "<朝&>" in page for page in pages)
        text = " ".join(pages)
        squeezed = text.replace(" ", "")
        assert "<b>A&B</b>" in squeezed and "<script>" in squeezed
        assert "ホタテむき身(<i>&amp;</i>):12" in squeezed
        assert "<朝&>" in text
        assert long_name in squeezed  # wraps across lines, but every character is there
        assert "2025年10月01日(水)" in text


def _producer(number: int, name: str, *, delivered: bool = True) -> ProducerRow:
    containers = (ContainerLine(1, "鮭 (フィレカット)", "kg", (Decimal("12.5"), Decimal(30))),) if delivered else ()
    return ProducerRow(id=number, number=number, short_name=name, delivered=delivered,
                       liquid=delivered and number % 2 == 0,
                       free_entry=False, containers=containers)


def _sheet(blocks: list[OrganizationBlock]) -> CheckSheet:
    page = CheckSheetPage(DAY, 1, ReceptionTime(1, "午前", 9), tuple(blocks))
    return CheckSheet(day=DAY, prefecture_ids=(1,), reception_times=(page.reception_time,), pages=(page,),
                      company=Company(name="テスト水産株式会社"), document_dates=(date(2024, 3, 1),))


def _block(oid: int, area: str, producers: list[ProducerRow]) -> OrganizationBlock:
    totals = (VariationTotal(1, "鮭 (フィレカット)", "kg", Decimal(42)),) if len(producers) > 1 else ()
    return OrganizationBlock(id=oid, name=f"組織{oid}", micro_region=area, free_entry=False,
                             producer_count=len(producers), producers=tuple(producers), totals=totals)


def test_company_block_prints_whatever_is_set_literally() -> None:
    sheet = replace(_sheet([_block(1, "札幌", [_producer(1, "一")])]),
                    company=Company(address="<住所&>", phone="0-0"), document_dates=())
    (text,) = texts(render_check_sheet(sheet))
    assert "<住所&>" in text and "TEL 0-0" in text and "作成日・更新日" not in text


class TestLongPages:
    def test_one_huge_organization_continues_with_the_header_repeated(self) -> None:
        producers = [_producer(n, f"生産者{n:02d}", delivered=n % 3 != 0) for n in range(1, 46)]
        pdf = render_check_sheet(_sheet([_block(1, "札幌", producers)]))
        pages = texts(pdf)
        assert len(pages) >= 2
        for number, text in enumerate(pages, start=1):
            assert "供給・受入チェック表 （北海道）" in text
            assert "海域 生産者 官能検査 温度(℃) pH 塩分(%) 最終判定 時間・署名" in text
            assert f"{number} / {len(pages)}" in text
        everything = " ".join(pages)
        assert all(f"生産者{n:02d}" in everything for n in range(1, 46))
        assert "作成日・更新日 2024年03月01日" in pages[-1]

    def test_many_organizations_continue(self) -> None:
        blocks = [_block(i, f"海域{i}", [_producer(1, "一"), _producer(2, "二")]) for i in range(1, 31)]
        pages = texts(render_check_sheet(_sheet(blocks)))
        assert len(pages) >= 2
        assert all("時間・署名" in text for text in pages)

    def test_extreme_names_do_not_break_the_layout(self) -> None:
        wide = "W" * 200
        producers = [replace(_producer(n, wide), containers=(ContainerLine(1, wide, "kg", (Decimal(1),) * 40),))
                     for n in range(1, 13)]
        block = replace(_block(1, wide, producers),
                        totals=tuple(VariationTotal(i, wide, "kg", Decimal(i)) for i in range(1, 6)))
        pages = texts(render_check_sheet(_sheet([block])))
        assert len(pages) >= 2
        assert all("時間・署名" in text for text in pages)
