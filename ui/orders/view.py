"""注文・出荷: the orders of a shipping-date range, their totals, and the shipping documents.

The list is a ``PagedIdModel`` (ids filtered and sorted in SQL, cells a page at a time); the totals
under it are one SQL aggregate, asked off the GUI thread after each filter change. The three
documents are rendered through ``Operation`` and shown in the viewer or printed directly.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from oroshi_desktop.queries.order_list import (
    FilterChoices,
    OrderFilter,
    OrderTotals,
    filter_choices,
    order_totals,
)
from ui.context import AppContext
from ui.list_export import ListExport
from ui.list_table import list_table
from ui.operations import Operation
from ui.orders import documents
from ui.orders.filters import OrderFilterBar
from ui.orders.model import OrderTableModel, money_text
from ui.qt import (
    QAction,
    QLabel,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.row_actions import row_actions, tab_chain
from ui.toolbar import ViewActions
from ui.window_state import RemembersLayout, Restorable, window_settings

COLUMN_WIDTHS = (170, 250, 70, 110, 70, 80, 100, 100, 70)


class OrdersView(RemembersLayout, QWidget):
    totals_shown = Signal()
    document_made = Signal(str, bytes)  # kind, PDF (tests and screenshots follow it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.setObjectName("ordersView")
        self.setAccessibleName(self.tr("注文・出荷"))
        self.title = self.tr("注文・出荷")
        today = datetime.now(ctx.settings.tz).date()  # the business day, not the PC's
        self.choices = FilterChoices(carriers=(), shipping_methods=(), buyers=(), order_categories=())
        self.totals = OrderTotals()
        # The filter whose totals are shown, or on their way; None: read them again (data changed).
        self._totals_for: OrderFilter | None = None
        self._totals_ready = False

        self.filters = OrderFilterBar(today, today + timedelta(days=1), self)
        self.filters.changed.connect(self._filter_changed)
        self.model = OrderTableModel(self.database, today, today + timedelta(days=1), self)
        self.table = list_table(self, self.model, name="ordersTable", accessible_name=self.tr("注文の一覧"),
                                sort_column=6, multiple=True, widths=COLUMN_WIDTHS)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("ordersToolbar")
        self.actions_by_name = ViewActions(self, self.toolbar)
        self.actions_by_name.add("printShippingChart", self.tr("出荷表"), lambda: self.ask_document(documents.SHIPPING_CHART),
                                 self.tr("運送会社と出荷日の出荷表を作成"))
        self.actions_by_name.add("printPackingSlips", self.tr("卸先用出荷表"),
                                 lambda: self.ask_document(documents.PACKING_SLIPS),
                                 self.tr("卸先ごとの出荷表を作成（すべて、または選んだ卸先のみ）"))
        self.actions_by_name.add("printShippingList", self.tr("まとめた出荷明細表"),
                                 lambda: self.ask_document(documents.SHIPPING_LIST), self.tr("出荷日のまとめた出荷明細表を作成"))

        self.list_export = ListExport(self, self.table, title=lambda: self.tr("注文・出荷"),
                                      settings=window_settings(ctx.settings.paths), toolbar=self.toolbar)
        row_actions(self.table, list(self.actions_by_name.values()), main=self.action("printPackingSlips"))
        tab_chain(self.filters, self.table, self.toolbar)
        self.totals_label = QLabel("", self)
        self.totals_label.setObjectName("ordersTotals")
        self.totals_label.setAccessibleName(self.tr("絞り込んだ注文の合計"))
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)

        self.model.loaded.connect(self._update_totals)
        ctx.data_changed.connect(lambda area: self.refresh() if area == "orders" else None)
        ctx.database_changed.connect(self._database_changed)
        self._load_choices()
        self.model.reload(self)

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    # ---- the view contract ---------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_choices()
        self._totals_for = None  # the orders changed: same filter, new sums
        self.model.reload(self)
        self._update_totals()

    def _database_changed(self) -> None:
        """設定 connected another database: the list and the filter choices are read from it."""
        self.database = self.ctx.database
        self._totals_for = None
        self.model.set_database(self.database, self)
        self._update_totals()
        self._load_choices()

    def show_target(self, target: object) -> None:
        """The 今日 view sent the user to a day's orders: ``date`` or ``(date, carrier id)``."""
        day, carrier_id = target if isinstance(target, tuple) else (target, None)
        if isinstance(day, date):
            self.filters.set_range(day, day)
            self.filters.set_carrier(carrier_id)

    def focus_search(self) -> None:
        self.filters.focus_search()

    def print_current(self) -> None:
        """Ctrl+P: the packing slips of the list's day and carrier (the document printed most)."""
        self.ask_document(documents.PACKING_SLIPS)

    def new_item(self) -> None:
        """Orders are entered in the web system; Ctrl+N makes the day's shipping chart instead."""
        self.ask_document(documents.SHIPPING_CHART)

    def layout_parts(self) -> dict[str, Restorable]:
        return {"orders/columns": self.table.horizontalHeader()}

    # ---- list ----------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        def work() -> FilterChoices:
            return self.database.reading(filter_choices)

        def done(choices: FilterChoices) -> None:
            self.choices = choices
            self.filters.set_choices(choices)

        Operation(self, work).success(done).run()

    def _filter_changed(self, order_filter: OrderFilter) -> None:
        # The totals are asked when the first page is in (at once when it is read on this thread),
        # beside the list's ids, not after them; not beside the page, whose query they would slow
        # on a busy machine (a search's page goes to a pool thread). If the page fails, the
        # reload's end asks (``loaded``).
        self.model.first_page_shown.connect(self._update_totals, Qt.ConnectionType.SingleShotConnection)
        self.model.set_filter(order_filter, self)

    def _update_totals(self) -> None:
        """The sums under the list, on a pool thread, when its filter's are not shown or coming yet.

        A filter change asks at once (the sums do not wait for the ids); a reload of the list asks
        again when it is done, which for a sort (same filter, same sums) only says they are shown."""
        order_filter = self.model.order_filter
        if order_filter == self._totals_for:
            if self._totals_ready:
                self.totals_shown.emit()
            return
        self._totals_for, self._totals_ready = order_filter, False

        def work() -> OrderTotals:
            return self.database.reading(order_totals, order_filter)

        def done(totals: OrderTotals) -> None:
            if order_filter != self._totals_for:
                return  # a newer filter's totals are coming
            self._totals_ready = True
            self.totals = totals
            self.totals_label.setText(self.tr("{count}件　貨物数量 {freight}口　容器数量 {boxes}　金額 ¥{amount}").format(
                count=f"{totals.count:,}", freight=f"{totals.freight_quantity:,}",
                boxes=f"{totals.receptacle_quantity:,}", amount=money_text(totals.amount)))
            self.totals_shown.emit()

        def settled() -> None:
            if order_filter == self._totals_for and not self._totals_ready:
                self._totals_for = None  # failed: the next reload asks again

        Operation(self, work).success(done).finally_(settled).run()

    def selected_buyer_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        buyers = []
        for row in rows:
            order = self.model.order_at(row)
            if order is not None:
                buyers.append(order.buyer_id)
        return list(dict.fromkeys(buyers))

    # ---- documents -----------------------------------------------------------------------------

    def ask_document(self, kind: str) -> None:
        dialog = documents.DocumentDialog(kind, self.choices, self.filters.current(), self.selected_buyer_ids(), self)
        self.document_dialog = dialog  # tests drive it; the next one replaces it
        dialog.accepted.connect(lambda: self.make_document(dialog.request(), dialog.direct))
        dialog.open()

    def make_document(self, request: documents.DocumentRequest, direct: bool = False) -> None:
        documents.produce(self, self.database, request, direct,
                          lambda req, data: self.document_made.emit(req.kind, data))
