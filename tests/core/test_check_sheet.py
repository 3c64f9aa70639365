"""Unit tests for the reception check sheet's page, row and total rules (no database)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest

from oroshi_desktop.domain.check_sheet import (
    CheckSheet,
    CheckSheetPage,
    OrganizationRecord,
    ProducerRecord,
    ReceptionTime,
    SupplyEntry,
    check_sheet_pages,
    document_date,
)
from oroshi_desktop.domain.parties import Company

DAY = date(2025, 10, 1)
MORNING = ReceptionTime(1, "午前", 9)
AFTERNOON = ReceptionTime(2, "午後", 14)
HOKKAIDO, AOMORI = 1, 2


def org(oid: int, name: str, *, count: int, prefecture: int = HOKKAIDO, free: bool = False,
        area: str = "") -> OrganizationRecord:
    return OrganizationRecord(id=oid, name=name, micro_region=area or name[:2], subregion_id=prefecture,
                              free_entry=free, producer_count=count)


def producer(pid: int, oid: int, number: int | None, name: str = "", *, active: bool = True) -> ProducerRecord:
    return ProducerRecord(id=pid, organization_id=oid, number=number, short_name=name or f"P{pid}", active=active)


def supply(pid: int, vid: int, qty: str, *, time: ReceptionTime = MORNING, index: int | None = 0,
           liquid: bool = False, name: str = "", unit: str = "kg",
           position: tuple[int | None, int | None] = (None, None)) -> SupplyEntry:
    return SupplyEntry(supplier_id=pid, variation_id=vid, variation_name=name or f"V{vid}", unit=unit,
                       liquid=liquid, reception_time_id=time.id, quantity=Decimal(qty), entry_index=index,
                       position=position)


def pages(orgs: Sequence[OrganizationRecord], producers: Sequence[ProducerRecord],
          supplies: Sequence[SupplyEntry], *, prefectures: Sequence[int] = (HOKKAIDO,),
          times: Sequence[ReceptionTime] = (MORNING, AFTERNOON),
          linked: Sequence[int] = ()) -> tuple[CheckSheetPage, ...]:
    return check_sheet_pages(DAY, prefectures, times, organizations=orgs, producers=producers,
                             supplies=supplies, linked_organization_ids=linked)


class TestPages:
    def test_one_page_per_prefecture_and_time_with_supplies(self) -> None:
        orgs = [org(10, "北", count=1), org(20, "青", count=1, prefecture=AOMORI)]
        producers = [producer(1, 10, 1), producer(2, 20, 1)]
        supplies = [supply(1, 5, "3"), supply(1, 5, "4", time=AFTERNOON), supply(2, 5, "7")]
        result = pages(orgs, producers, supplies, prefectures=(HOKKAIDO, AOMORI))
        assert [(p.prefecture_id, p.reception_time.id) for p in result] == [
            (HOKKAIDO, MORNING.id), (HOKKAIDO, AFTERNOON.id), (AOMORI, MORNING.id)]
        assert result[2].prefecture_name == "青森県"

    def test_no_page_for_a_time_without_positive_supplies(self) -> None:
        orgs = [org(10, "北", count=1)]
        supplies = [supply(1, 5, "3"), supply(1, 5, "0", time=AFTERNOON)]
        result = pages(orgs, [producer(1, 10, 1)], supplies)
        assert [p.reception_time.label for p in result] == ["午前"]

    def test_a_prefecture_without_deliveries_gets_no_page(self) -> None:
        orgs = [org(10, "北", count=1), org(20, "青", count=1, prefecture=AOMORI)]
        result = pages(orgs, [producer(1, 10, 1), producer(2, 20, 1)], [supply(1, 5, "3")],
                       prefectures=(AOMORI,), linked=(20,))
        assert result == ()

    def test_only_selected_times_and_duplicates_ignored(self) -> None:
        orgs = [org(10, "北", count=1)]
        supplies = [supply(1, 5, "3"), supply(1, 5, "4", time=AFTERNOON)]
        result = pages(orgs, [producer(1, 10, 1)], supplies, prefectures=(1, 1), times=(AFTERNOON, AFTERNOON))
        assert [p.reception_time.id for p in result] == [AFTERNOON.id]


class TestOrganizations:
    def test_sorted_by_producer_count_then_free_entry_last_without_duplicates(self) -> None:
        orgs = [
            org(1, "小さい", count=1), org(2, "大きい", count=3), org(3, "中", count=2),
            org(4, "自由A", count=5, free=True), org(5, "自由B", count=1, free=True),
            org(6, "未納品", count=9),  # not linked to the day: not listed
        ]
        producers = [producer(10 + o, o, 1) for o in range(1, 7)]
        supplies = [supply(11, 1, "1"), supply(14, 1, "1")]  # the free-entry org 4 delivered too
        result = pages(orgs, producers, supplies, linked=(2, 3))
        assert [o.id for o in result[0].organizations] == [2, 3, 1, 4, 5]

    def test_equal_counts_sort_by_name_then_id(self) -> None:
        orgs = [org(3, "B", count=1), org(2, "A", count=1), org(1, "B", count=1)]
        producers = [producer(10 + o, o, 1) for o in (1, 2, 3)]
        result = pages(orgs, producers, [supply(11, 1, "1")], linked=(1, 2, 3))
        assert [o.id for o in result[0].organizations] == [2, 1, 3]

    def test_linked_by_deliveries_even_without_link_rows(self) -> None:
        result = pages([org(1, "北", count=1)], [producer(1, 1, 1)], [supply(1, 1, "2")], linked=())
        assert [o.id for o in result[0].organizations] == [1]

    def test_other_prefectures_never_listed(self) -> None:
        orgs = [org(1, "北", count=1), org(2, "青", count=1, prefecture=AOMORI),
                org(3, "青自由", count=1, prefecture=AOMORI, free=True)]
        producers = [producer(1, 1, 1), producer(2, 2, 1), producer(3, 3, 1)]
        result = pages(orgs, producers, [supply(1, 1, "1"), supply(2, 1, "1")], linked=(1, 2))
        assert [o.id for o in result[0].organizations] == [1]

    def test_organization_without_any_producer_row_is_skipped(self) -> None:
        orgs = [org(1, "北", count=1), org(2, "空", count=0, free=True)]
        result = pages(orgs, [producer(1, 1, 1), producer(2, 2, 1, active=False)], [supply(1, 1, "1")])
        assert [o.id for o in result[0].organizations] == [1]

    def test_area_label_falls_back_to_the_name(self) -> None:
        orgs = [OrganizationRecord(1, "北海水産", "  ", HOKKAIDO, False, 1)]
        result = pages(orgs, [producer(1, 1, 1)], [supply(1, 1, "1")])
        assert result[0].organizations[0].area_label == "北海水産"


class TestProducers:
    def test_active_producers_by_number_plus_inactive_ones_that_delivered(self) -> None:
        producers = [producer(1, 1, 3), producer(2, 1, None), producer(3, 1, 1),
                     producer(4, 1, 2, active=False), producer(5, 1, 4, active=False)]
        result = pages([org(1, "北", count=3)], producers, [supply(3, 1, "1"), supply(5, 1, "2")])
        assert [p.id for p in result[0].organizations[0].producers] == [3, 1, 5, 2]

    def test_circled_number_only_up_to_19(self) -> None:
        producers = [producer(1, 1, 1), producer(2, 1, 19), producer(3, 1, 20), producer(4, 1, None)]
        result = pages([org(1, "北", count=4)], producers, [supply(1, 1, "1")])
        assert [p.circled for p in result[0].organizations[0].producers] == ["①", "⑲", None, None]

    def test_delivered_grey_and_slash_flags(self) -> None:
        producers = [producer(1, 1, 1), producer(2, 1, 2), producer(3, 1, 3)]
        supplies = [
            supply(1, 1, "5", liquid=True), supply(1, 2, "3"),  # liquid among others: no slash
            supply(2, 2, "8"),  # delivered, nothing liquid: slash, not grey
            supply(3, 1, "4", time=AFTERNOON, liquid=True),  # only at another time: grey + slash
        ]
        rows = pages([org(1, "北", count=3)], producers, supplies)[0].organizations[0].producers
        assert [(r.delivered, r.liquid, r.greyed, r.slashed) for r in rows] == [
            (True, True, False, False), (True, False, False, True), (False, False, True, True)]

    def test_free_entry_rows_never_grey_and_blank_rows_keep_their_checks(self) -> None:
        orgs = [org(1, "北", count=1), org(2, "自由", count=2, free=True)]
        producers = [producer(1, 1, 1), producer(2, 2, 1), producer(3, 2, 2)]
        supplies = [supply(1, 1, "1", liquid=True), supply(3, 2, "4")]
        free = pages(orgs, producers, supplies)[0].organizations[1]
        assert [(r.greyed, r.slashed) for r in free.producers] == [(False, False), (False, True)]

    def test_containers_by_entry_index_and_variation_position(self) -> None:
        supplies = [
            supply(1, 7, "2", index=None, name="むき身 (小)", position=(1, 2)),
            supply(1, 5, "25.50", index=1, name="むき身 (大)", position=(1, 1)),
            supply(1, 5, "30.0", index=0, name="むき身 (大)", position=(1, 1)),
            supply(1, 7, "12", index=0, name="むき身 (小)", position=(1, 2)),
            supply(1, 9, "1234", index=0, name="殻付き (大)", position=(None, 1)),
        ]
        row = pages([org(1, "北", count=1)], [producer(1, 1, 1)], supplies)[0].organizations[0].producers[0]
        assert [line.variation_id for line in row.containers] == [5, 7, 9]
        assert row.containers[0].quantities == (Decimal("30.0"), Decimal("25.50"))
        assert row.containers_text == "むき身 (大): 30  25.5　・　むき身 (小): 12  2　・　殻付き (大): 1,234"

    def test_empty_boxes_are_not_deliveries(self) -> None:
        supplies = [supply(1, 1, "3"), supply(2, 1, "0"), supply(2, 1, "-1")]
        rows = pages([org(1, "北", count=2)], [producer(1, 1, 1), producer(2, 1, 2)],
                     supplies)[0].organizations[0].producers
        assert [r.delivered for r in rows] == [True, False]
        assert rows[1].containers == ()


class TestTotals:
    def test_totals_only_for_two_or_more_producers(self) -> None:
        orgs = [org(1, "組合", count=2), org(2, "会社", count=1)]
        producers = [producer(1, 1, 1), producer(2, 1, 2), producer(3, 2, 1)]
        supplies = [supply(1, 5, "30", unit="kg"), supply(1, 5, "25.5", index=1, unit="kg"),
                    supply(2, 5, "10", unit="kg"), supply(3, 5, "40")]
        blocks = pages(orgs, producers, supplies)[0].organizations
        assert [(t.variation_id, t.total, t.text) for t in blocks[0].totals] == [(5, Decimal("65.5"), "65.5kg")]
        assert blocks[1].totals == ()

    def test_totals_are_computed_per_organization(self) -> None:
        """The web system reused the first organization's variation list for every organization."""
        orgs = [org(1, "組合", count=2), org(2, "会社", count=2)]
        producers = [producer(1, 1, 1), producer(2, 1, 2), producer(3, 2, 1), producer(4, 2, 2)]
        supplies = [supply(1, 5, "10", name="むき身", position=(1, 1)),
                    supply(3, 8, "7", unit="個", name="殻付き", position=(2, 1)),
                    supply(4, 9, "3", unit="個", name="カキ", position=(2, 2)),
                    supply(4, 8, "2", index=1, unit="個", name="殻付き", position=(2, 1))]
        blocks = {block.id: block for block in pages(orgs, producers, supplies)[0].organizations}
        assert [(t.variation_name, t.text) for t in blocks[1].totals] == [("むき身", "10kg")]
        assert [(t.variation_name, t.text) for t in blocks[2].totals] == [("殻付き", "9個"), ("カキ", "3個")]

    def test_totals_count_only_this_reception_time(self) -> None:
        producers = [producer(1, 1, 1), producer(2, 1, 2)]
        supplies = [supply(1, 5, "10"), supply(2, 5, "5", time=AFTERNOON)]
        morning, afternoon = pages([org(1, "組合", count=2)], producers, supplies)
        assert [t.total for t in morning.organizations[0].totals] == [Decimal(10)]
        assert [t.total for t in afternoon.organizations[0].totals] == [Decimal(5)]


class TestSheet:
    def sheet(self, **kwargs: object) -> CheckSheet:
        defaults: dict[str, object] = {"day": DAY, "prefecture_ids": (1,), "reception_times": (MORNING,),
                                       "pages": (), "company": Company()}
        defaults.update(kwargs)
        return CheckSheet(**defaults)  # type: ignore[arg-type]

    def test_no_supply_date_says_so(self) -> None:
        notice = self.sheet(supply_date_found=False).notice
        assert notice is not None
        assert "2025-10-01" in notice.message and "no supply date" in notice.message
        assert notice.message_ja.startswith("2025年10月01日(水)の供給データ（供給日）がありません")

    def test_no_supplies_at_the_selection_names_it(self) -> None:
        notice = self.sheet(prefecture_ids=(1, 28), reception_times=(MORNING, ReceptionTime(3, "", 17))).notice
        assert notice is not None
        assert "北海道・兵庫県" in notice.message_ja and "午前・17時" in notice.message_ja

    def test_no_notice_with_pages(self) -> None:
        page = CheckSheetPage(DAY, 1, MORNING, ())
        sheet = self.sheet(pages=(page,))
        assert sheet.notice is None
        assert sheet.title == "供給・受入チェック表 2025年10月01日(水)"

    @pytest.mark.parametrize(("time", "label"), [
        (ReceptionTime(1, "午前", 9), "午前"), (ReceptionTime(1, " ", 14), "14時"), (ReceptionTime(7), "受入時間 7"),
    ])
    def test_reception_time_label(self, time: ReceptionTime, label: str) -> None:
        assert time.label == label

    def test_document_date(self) -> None:
        assert document_date(date(2024, 3, 1)) == "2024年03月01日"
