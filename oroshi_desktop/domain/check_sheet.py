"""Reception check sheet (供給・受入チェック表): which producers, containers and totals go on which page.

One page per prefecture × reception time that received anything that day. A page lists the
organizations linked to the day in that prefecture (most producers first), then the prefecture's
free-entry organizations, whose rows stay white for hand-written entries. Per-variation totals are
computed for each organization on its own (the web system reused the first organization's variation
list for all of them).

A day without a supply-date row is not an error: :class:`CheckSheet` then has no pages and
:attr:`CheckSheet.notice` explains why, so the printable can produce a clear one-page notice instead
of failing the job.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oroshi_desktop.domain.formats import circled_number, long_date, prefecture_name, quantity
from oroshi_desktop.domain.parties import Company

__all__ = [
    "CONTAINER_SEPARATOR",
    "QUANTITY_SEPARATOR",
    "CheckSheet",
    "CheckSheetPage",
    "ContainerLine",
    "Notice",
    "OrganizationBlock",
    "OrganizationRecord",
    "ProducerRecord",
    "ProducerRow",
    "ReceptionTime",
    "SupplyEntry",
    "VariationTotal",
    "check_sheet_pages",
    "document_date",
]

QUANTITY_SEPARATOR = "  "  # between the containers of one variation
CONTAINER_SEPARATOR = "　・　"  # between variations


# ---------------------------------------------------------------------------------------------
# Input records: plain values the loader reads from the database
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceptionTime:
    """A delivery slot (受入時間), e.g. 午前 at 9."""

    id: int
    qualifier: str = ""
    hour: int | None = None

    @property
    def label(self) -> str:
        """The printed name: the qualifier, else the hour, so a slot never prints blank."""
        if self.qualifier.strip():
            return self.qualifier
        if self.hour is not None:
            return f"{self.hour}時"
        return f"受入時間 {self.id}"


@dataclass(frozen=True)
class OrganizationRecord:
    id: int
    name: str
    micro_region: str
    subregion_id: int
    free_entry: bool
    producer_count: int  # active producers; the page sorts organizations by it, largest first


@dataclass(frozen=True)
class ProducerRecord:
    id: int
    organization_id: int
    number: int | None  # supplier_number
    short_name: str
    active: bool


@dataclass(frozen=True)
class SupplyEntry:
    """One entry box of the day (quantity already Decimal)."""

    supplier_id: int
    variation_id: int
    variation_name: str  # display string "{type} ({variation})"
    unit: str
    liquid: bool  # the supply type gets temperature, pH and salinity checks
    reception_time_id: int
    quantity: Decimal
    entry_index: int | None = None
    # (type position, variation position); None sorts last. Orders variations within a row.
    position: tuple[int | None, int | None] = (None, None)


# ---------------------------------------------------------------------------------------------
# Output: what a page shows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContainerLine:
    """One variation's containers of one producer: ``ホタテ (大): 30  25.5``."""

    variation_id: int
    variation_name: str
    unit: str
    quantities: tuple[Decimal, ...]

    @property
    def text(self) -> str:
        return f"{self.variation_name}: {QUANTITY_SEPARATOR.join(quantity(q) for q in self.quantities)}"


@dataclass(frozen=True)
class VariationTotal:
    """An organization's total of one variation at one reception time."""

    variation_id: int
    variation_name: str
    unit: str
    total: Decimal

    @property
    def text(self) -> str:
        return f"{quantity(self.total)}{self.unit}"


@dataclass(frozen=True)
class ProducerRow:
    id: int
    number: int | None
    short_name: str
    delivered: bool  # anything with a positive quantity at this reception time
    liquid: bool  # delivered liquid-type material at this reception time
    free_entry: bool  # belongs to a free-entry organization (rows for hand-written entries)
    containers: tuple[ContainerLine, ...]

    @property
    def circled(self) -> str | None:
        """① … ⑲; None for producers numbered 20 and above, or without a number."""
        if self.number is None:
            return None
        return circled_number(self.number)

    @property
    def greyed(self) -> bool:
        """The whole row is grey when nothing arrived; free-entry rows are filled in by hand."""
        return not self.delivered and not self.free_entry

    @property
    def slashed(self) -> bool:
        """Temperature, pH and salinity are struck out when no liquid-type material arrived.

        A free-entry producer with nothing in the system keeps them blank: its delivery is written
        on the sheet by hand and may well need those checks.
        """
        if self.liquid:
            return False
        return self.delivered or not self.free_entry

    @property
    def containers_text(self) -> str:
        return CONTAINER_SEPARATOR.join(line.text for line in self.containers)


@dataclass(frozen=True)
class OrganizationBlock:
    id: int
    name: str
    micro_region: str
    free_entry: bool
    producer_count: int
    producers: tuple[ProducerRow, ...]
    totals: tuple[VariationTotal, ...]  # empty unless at least two producers are listed

    @property
    def area_label(self) -> str:
        """The 海域 cell: the organization's area, or its name when no area is recorded."""
        return self.micro_region.strip() or self.name


@dataclass(frozen=True)
class CheckSheetPage:
    day: date
    prefecture_id: int
    reception_time: ReceptionTime
    organizations: tuple[OrganizationBlock, ...]

    @property
    def prefecture_name(self) -> str:
        return prefecture_name(self.prefecture_id)


@dataclass(frozen=True)
class Notice:
    """Why a check sheet has nothing to print, in English (logs, CLI) and Japanese (the page)."""

    message: str
    message_ja: str


@dataclass(frozen=True)
class CheckSheet:
    """The whole document: its pages plus the company and document-control dates for the footer."""

    day: date
    prefecture_ids: tuple[int, ...]
    reception_times: tuple[ReceptionTime, ...]
    pages: tuple[CheckSheetPage, ...]
    company: Company
    document_dates: tuple[date, ...] = ()  # 作成日・更新日 from settings; empty prints no dates line
    supply_date_found: bool = True

    @property
    def title(self) -> str:
        return f"供給・受入チェック表 {long_date(self.day)}"

    @property
    def notice(self) -> Notice | None:
        """None when there are pages; otherwise the reason the sheet is empty."""
        if self.pages:
            return None
        day_ja = long_date(self.day)
        if not self.supply_date_found:
            return Notice(
                f"no supplies were recorded on {self.day.isoformat()} (there is no supply date for that day)",
                f"{day_ja}の供給データ（供給日）がありません。この日には供給が入力されていないため、"
                "チェック表に載せる内容がありません。",
            )
        prefectures = "・".join(prefecture_name(p) for p in self.prefecture_ids)
        times = "・".join(t.label for t in self.reception_times)
        return Notice(
            f"no supplies on {self.day.isoformat()} for prefecture(s) {list(self.prefecture_ids)} "
            f"at reception time(s) {[t.id for t in self.reception_times]}",
            f"{day_ja}、選択した都道府県（{prefectures}）・受入時間（{times}）の供給はありません。",
        )


def document_date(d: date) -> str:
    """A document-control date as printed in the footer, e.g. ``2024年03月01日`` (no weekday)."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


# ---------------------------------------------------------------------------------------------
# Building the pages
# ---------------------------------------------------------------------------------------------


def _position_key(entry: SupplyEntry) -> tuple[object, ...]:
    type_pos, var_pos = entry.position
    return (type_pos is None, type_pos or 0, var_pos is None, var_pos or 0, entry.variation_name,
            entry.variation_id)


def _containers(entries: Sequence[SupplyEntry]) -> tuple[ContainerLine, ...]:
    by_variation: dict[int, list[tuple[int, SupplyEntry]]] = defaultdict(list)
    for seq, entry in enumerate(entries):
        by_variation[entry.variation_id].append((seq, entry))
    lines = []
    for items in sorted(by_variation.values(), key=lambda items: _position_key(items[0][1])):
        # Entry boxes in grid order; boxes without an index (legacy rows) after them, as entered.
        items.sort(key=lambda item: (item[1].entry_index is None, item[1].entry_index or 0, item[0]))
        head = items[0][1]
        lines.append(ContainerLine(head.variation_id, head.variation_name, head.unit,
                                   tuple(entry.quantity for _, entry in items)))
    return tuple(lines)


def _totals(entries: Iterable[SupplyEntry]) -> tuple[VariationTotal, ...]:
    sums: dict[int, Decimal] = defaultdict(Decimal)
    head: dict[int, SupplyEntry] = {}
    for entry in entries:
        head.setdefault(entry.variation_id, entry)
        sums[entry.variation_id] += entry.quantity
    ordered = sorted(head.values(), key=_position_key)
    return tuple(VariationTotal(e.variation_id, e.variation_name, e.unit, sums[e.variation_id])
                 for e in ordered)


def _producer_key(producer: ProducerRecord) -> tuple[object, ...]:
    return (producer.number is None, producer.number or 0, producer.short_name, producer.id)


def _organization_key(org: OrganizationRecord) -> tuple[object, ...]:
    return (-org.producer_count, org.name, org.id)


def _block(org: OrganizationRecord, producers: Sequence[ProducerRecord],
           entries_by_producer: dict[int, list[SupplyEntry]]) -> OrganizationBlock | None:
    # Active producers, plus any inactive one that delivered anyway: a delivery never vanishes.
    listed = sorted((p for p in producers if p.active or entries_by_producer.get(p.id)), key=_producer_key)
    if not listed:
        return None
    rows = []
    delivered_entries: list[SupplyEntry] = []
    for producer in listed:
        entries = entries_by_producer.get(producer.id, [])
        delivered_entries.extend(entries)
        rows.append(ProducerRow(
            id=producer.id, number=producer.number, short_name=producer.short_name,
            delivered=bool(entries), liquid=any(e.liquid for e in entries), free_entry=org.free_entry,
            containers=_containers(entries),
        ))
    # Totals only from this organization's own entries, and only when they add something to read.
    totals = _totals(delivered_entries) if len(rows) >= 2 else ()
    return OrganizationBlock(
        id=org.id, name=org.name, micro_region=org.micro_region, free_entry=org.free_entry,
        producer_count=org.producer_count, producers=tuple(rows), totals=totals,
    )


def check_sheet_pages(
    day: date,
    prefecture_ids: Sequence[int],
    reception_times: Sequence[ReceptionTime],
    *,
    organizations: Iterable[OrganizationRecord],
    producers: Iterable[ProducerRecord],
    supplies: Iterable[SupplyEntry],
    linked_organization_ids: Iterable[int] = (),
) -> tuple[CheckSheetPage, ...]:
    """The pages of one day's check sheet, prefecture by prefecture, reception time by time.

    ``organizations`` must include every organization linked to the day and every free-entry
    organization that may appear; the linked ones are ``linked_organization_ids`` plus those whose
    producers have an entry in ``supplies``. Entries with a quantity of zero or less (empty boxes)
    are ignored. A prefecture × reception time gets a page only if one of the prefecture's
    producers delivered something at that time.
    """
    orgs = {org.id: org for org in organizations}
    producers_by_org: dict[int, list[ProducerRecord]] = defaultdict(list)
    producer_org: dict[int, int] = {}
    for producer in producers:
        producers_by_org[producer.organization_id].append(producer)
        producer_org[producer.id] = producer.organization_id

    delivered = [s for s in supplies if s.quantity > 0]
    linked = set(linked_organization_ids)
    linked.update(producer_org[s.supplier_id] for s in delivered if s.supplier_id in producer_org)

    # entries[time id][producer id], in input order
    entries: dict[int, dict[int, list[SupplyEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in delivered:
        entries[entry.reception_time_id][entry.supplier_id].append(entry)

    pages = []
    for prefecture in dict.fromkeys(prefecture_ids):
        in_prefecture = [org for org in orgs.values() if org.subregion_id == prefecture]
        regular = sorted((o for o in in_prefecture if o.id in linked and not o.free_entry), key=_organization_key)
        free = sorted((o for o in in_prefecture if o.free_entry), key=_organization_key)
        prefecture_producers = {p.id for o in in_prefecture for p in producers_by_org.get(o.id, ())}
        for time in dict.fromkeys(reception_times):
            at_time = entries.get(time.id, {})
            if not any(at_time.get(pid) for pid in prefecture_producers):
                continue
            blocks = [
                block for org in (*regular, *free)
                if (block := _block(org, producers_by_org.get(org.id, ()), at_time)) is not None
            ]
            pages.append(CheckSheetPage(day=day, prefecture_id=prefecture, reception_time=time,
                                        organizations=tuple(blocks)))
    return tuple(pages)
