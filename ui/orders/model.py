"""The orders table: ids of the filtered orders, sorted in SQL, cells read a page at a time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from oroshi_desktop.db.engine import Database
from oroshi_desktop.queries.order_list import (
    OrderFilter,
    OrderRow,
    OrderSort,
    first_page,
    order_ids,
    order_rows,
)
from ui.list_export import EXPORT_ROLE
from ui.paged_model import AllIds, FirstPage, PagedIdModel
from ui.qt import QBrush, QColor, QCoreApplication, Qt, QWidget

NUMBER_COLUMNS = (OrderSort.ITEMS, OrderSort.RECEPTACLES, OrderSort.FREIGHT, OrderSort.PRICE)
ESTIMATE_COLOUR = "#fff2b3"  # 見積もり: not confirmed yet, the office should notice it


def money_text(amount: Decimal) -> str:
    """Whole yen as 1,234; a price with sen keeps them (1,234.5), never rounded away."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount.normalize():,f}"


def date_text(day: date | None) -> str:
    return f"{day:%Y/%m/%d}" if day else ""


def status_text(status: int | None) -> str:
    labels = {0: QCoreApplication.translate("OrderTableModel", "見積もり"),
              1: QCoreApplication.translate("OrderTableModel", "確認済み"),
              2: QCoreApplication.translate("OrderTableModel", "出荷済み")}
    return labels.get(status if status is not None else -1, "")


class OrderTableModel(PagedIdModel):
    sort_keys = OrderSort

    def __init__(self, database: Database, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.headers = (self.tr("卸先"), self.tr("商品・バリエーション"), self.tr("商品数量"), self.tr("容器数量"), self.tr("貨物数量"),
                        self.tr("単価"), self.tr("出荷日"), self.tr("到着日"), self.tr("状態"))
        self.order_filter = OrderFilter(start=start, end=end)
        self.sort_key = OrderSort.SHIPPING_DATE
        self.descending = False

    def queries(self) -> tuple[FirstPage, AllIds]:
        database, f, sort, descending = self.database, self.order_filter, self.sort_key, self.descending

        def page(limit: int) -> tuple[list[int], dict[int, Any]]:
            ids, rows = database.reading(first_page, f, sort, descending, limit)
            return ids, dict(rows)

        return page, lambda: database.reading(order_ids, f, sort, descending)

    def first_page_is_cheap(self) -> bool:
        """By shipping date without a text search: the shipping-date index gives the first 100."""
        return self.sort_key == OrderSort.SHIPPING_DATE and not self.order_filter.search.strip()

    def read_rows(self, ids: list[int]) -> dict[int, Any]:
        return dict(self.database.reading(order_rows, ids))

    def set_filter(self, order_filter: OrderFilter, parent: QWidget | None = None) -> None:
        self.order_filter = order_filter
        self.reload(parent)

    @staticmethod
    def typed(row: OrderRow, column: int) -> Any:
        """Numbers and dates as themselves for Excel; None: the shown text."""
        typed: dict[int, Any] = {
            OrderSort.ITEMS: row.item_quantity, OrderSort.RECEPTACLES: row.receptacle_quantity,
            OrderSort.FREIGHT: row.freight_quantity, OrderSort.PRICE: row.price,
            OrderSort.SHIPPING_DATE: row.shipping_date, OrderSort.ARRIVAL_DATE: row.arrival_date}
        return typed.get(column)

    def order_at(self, row: int) -> OrderRow | None:
        return self.row_at(row)

    def cell(self, row: OrderRow, column: int, role: int) -> Any:
        if role == EXPORT_ROLE:
            return self.typed(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMBER_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(ESTIMATE_COLOUR)) if row.status == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and column != OrderSort.PRODUCT:
            return None
        sort = OrderSort(column)
        if sort == OrderSort.BUYER:
            return row.buyer_name
        if sort == OrderSort.PRODUCT:
            return f"{row.product_name}　{row.variation_name}" if row.variation_name else row.product_name
        if sort == OrderSort.ITEMS:
            return f"{row.item_quantity:,}"
        if sort == OrderSort.RECEPTACLES:
            return self.tr("{quantity}（{receptacle}）").format(
                quantity=f"{row.receptacle_quantity:,}", receptacle=row.receptacle_name) if row.receptacle_name \
                else f"{row.receptacle_quantity:,}"
        if sort == OrderSort.FREIGHT:
            return f"{row.freight_quantity:,}"
        if sort == OrderSort.PRICE:
            return money_text(row.price)
        if sort == OrderSort.SHIPPING_DATE:
            return date_text(row.shipping_date)
        if sort == OrderSort.ARRIVAL_DATE:
            return date_text(row.arrival_date)
        return status_text(row.status)
