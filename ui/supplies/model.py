"""The supplies table: ids of one day's supplies, sorted in SQL, cells a page at a time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from oroshi_desktop.db.engine import Database
from oroshi_desktop.domain.formats import prefecture_name
from oroshi_desktop.queries.supply_list import (
    SupplyFilter,
    SupplyRow,
    SupplySort,
    first_page,
    supply_ids,
    supply_rows,
)
from ui.list_export import EXPORT_ROLE
from ui.orders.model import money_text
from ui.paged_model import AllIds, FirstPage, PagedIdModel
from ui.qt import QBrush, QColor, QCoreApplication, Qt, QWidget

UNPRICED_COLOUR = "#ffd6d6"  # a statement would print ¥0 for this supply
NUMBER_COLUMNS = (SupplySort.QUANTITY, SupplySort.PRICE)


def quantity_text(quantity: Decimal, unit: str) -> str:
    return f"{quantity.normalize():,f} {unit}".rstrip()


class SupplyTableModel(PagedIdModel):
    sort_keys = SupplySort

    def __init__(self, database: Database, day: date, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.headers = (self.tr("都道府県"), self.tr("受入時間"), self.tr("組織"), self.tr("生産者"), self.tr("種類"), self.tr("数量"),
                        self.tr("単価"), self.tr("ロック"))
        self.supply_filter = SupplyFilter(day=day)
        self.sort_key = SupplySort.PREFECTURE
        self.descending = False

    def queries(self) -> tuple[FirstPage, AllIds]:
        database, f, sort, descending = self.database, self.supply_filter, self.sort_key, self.descending

        def page(limit: int) -> tuple[list[int], dict[int, Any]]:
            ids, rows = database.reading(first_page, f, sort, descending, limit)
            return ids, dict(rows)

        return page, lambda: database.reading(supply_ids, f, sort, descending)

    def read_rows(self, ids: list[int]) -> dict[int, Any]:
        return dict(self.database.reading(supply_rows, ids))

    def set_filter(self, supply_filter: SupplyFilter, parent: QWidget | None = None) -> None:
        self.supply_filter = supply_filter
        self.reload(parent)

    def supply_at(self, row: int) -> SupplyRow | None:
        return self.row_at(row)

    def cell(self, row: SupplyRow, column: int, role: int) -> Any:
        if role == EXPORT_ROLE:  # numbers for Excel; None: the shown text
            if column == SupplySort.QUANTITY:
                return row.quantity
            return row.price if column == SupplySort.PRICE and not row.unpriced else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMBER_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(UNPRICED_COLOUR)) if row.unpriced else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("SupplyTableModel", "単価が入力されていません") if row.unpriced else None
        sort = SupplySort(column)
        if sort == SupplySort.PREFECTURE:
            return prefecture_name(row.prefecture_id) if row.prefecture_id else ""
        if sort == SupplySort.RECEPTION_TIME:
            return row.reception_time.label
        if sort == SupplySort.ORGANIZATION:
            return row.organization_name
        if sort == SupplySort.PRODUCER:
            number = f"{row.producer_number}. " if row.producer_number is not None else ""
            return f"{number}{row.producer_name}"
        if sort == SupplySort.VARIATION:
            return row.variation_name
        if sort == SupplySort.QUANTITY:
            return quantity_text(row.quantity, row.unit)
        if sort == SupplySort.PRICE:
            return QCoreApplication.translate("SupplyTableModel", "未入力") if row.unpriced else money_text(row.price)
        return QCoreApplication.translate("SupplyTableModel", "ロック済み") if row.locked else ""
