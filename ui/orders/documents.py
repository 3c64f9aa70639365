"""The shipping documents of a carrier and a day: 出荷表, 卸先用出荷表, まとめた出荷明細表.

``DocumentDialog`` asks what to print (day, carrier, and the options of the document); the PDF is
rendered through ``Operation`` (never on the GUI thread) and then either shown in the viewer, which
has 印刷, or sent straight to the print dialog (直接印刷).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oroshi_desktop.db.engine import Database
from oroshi_desktop.domain.shipping import ShippingFilters
from oroshi_desktop.queries.order_list import FilterChoices, OrderFilter
from ui.dialogs import hold_title
from ui.operations import Operation
from ui.orders.document_kinds import (  # noqa: F401  (SHIPPING_LIST: read here by ui.orders.view)
    PACKING_SLIPS,
    SHIPPING_CHART,
    SHIPPING_LIST,
    document_title,
)
from ui.orders.filters import date_edit, fill_combo, from_qdate
from ui.qt import (
    QButtonGroup,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class DocumentRequest:
    kind: str
    day: date
    carrier_id: int | None
    carrier_name: str = ""
    filters: ShippingFilters = field(default_factory=ShippingFilters)
    paper: str | None = None

    @property
    def title(self) -> str:
        carrier = f" {self.carrier_name}" if self.carrier_name else ""
        return f"{document_title(self.kind)} {self.day:%Y/%m/%d}{carrier}"


def render(database: Database, request: DocumentRequest) -> bytes:
    """The PDF of ``request`` (runs on a worker thread). A day (and carrier) without orders is
    refused by the use case in one line, as for the queue and the CLI: no empty page."""
    from jobs.documents import order_document_pdf

    return order_document_pdf(database, request.kind, day=request.day, carrier_id=request.carrier_id,
                              filters=request.filters, paper=request.paper)


def list_filters(order_filter: OrderFilter) -> ShippingFilters:
    """The list's narrowing that the documents know (method, category, buyer) carries over to them."""
    def one(value: int | None) -> tuple[int, ...]:
        return () if value is None else (value,)

    return ShippingFilters(order_category_ids=one(order_filter.order_category_id),
                           buyer_ids=one(order_filter.buyer_id),
                           shipping_method_ids=one(order_filter.shipping_method_id))


class DocumentDialog(QDialog):
    """Options of one document; ``show_document`` / ``print_directly`` close it with a request."""

    def __init__(self, kind: str, choices: FilterChoices, order_filter: OrderFilter, selected_buyers: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.order_filter = order_filter
        self.selected_buyers = selected_buyers
        self.direct = False
        self.setObjectName("documentDialog")
        self.setWindowTitle(document_title(kind))
        form = QFormLayout()
        self.day = date_edit(self, "documentDay", self.tr("出荷日"), order_filter.start)
        form.addRow(self.tr("出荷日"), self.day)
        self.carrier = QComboBox(self)
        self.carrier.setObjectName("documentCarrier")
        self.carrier.setAccessibleName(self.tr("運送会社"))
        fill_combo(self.carrier, self.tr("すべての運送会社"), choices.carriers)
        if kind == SHIPPING_CHART:
            self.carrier.removeItem(0)  # a chart is always one carrier's
        self.carrier.setCurrentIndex(max(self.carrier.findData(order_filter.carrier_id), 0))
        form.addRow(self.tr("運送会社"), self.carrier)
        self.empty_buyers: QComboBox | None = None
        self.paper: QComboBox | None = None
        self.only_selected: QRadioButton | None = None
        if kind == SHIPPING_CHART:
            self.empty_buyers = QComboBox(self)
            self.empty_buyers.setObjectName("documentEmptyBuyers")
            self.empty_buyers.setAccessibleName(self.tr("注文のない卸先"))
            self.empty_buyers.addItem(self.tr("印刷しない"), "none")
            self.empty_buyers.addItem(self.tr("運送会社のすべての卸先"), "all")
            for category in choices.buyer_categories:
                self.empty_buyers.addItem(self.tr("卸先カテゴリ: {name}").format(name=category.name), category.id)
            form.addRow(self.tr("注文のない卸先"), self.empty_buyers)
            self.paper = QComboBox(self)
            self.paper.setObjectName("documentPaper")
            self.paper.setAccessibleName(self.tr("用紙"))
            self.paper.addItem(self.tr("設定どおり"), None)
            self.paper.addItem(self.tr("JIS B4（257×364 mm）"), "jis_b4")
            self.paper.addItem(self.tr("ISO B4（250×353 mm）"), "iso_b4")
            form.addRow(self.tr("用紙"), self.paper)
        if kind == PACKING_SLIPS:
            every = QRadioButton(self.tr("すべての卸先"), self)
            every.setObjectName("documentAllBuyers")
            self.only_selected = QRadioButton(
                self.tr("選んだ卸先のみ（{count}件）").format(count=len(set(selected_buyers))), self)
            self.only_selected.setObjectName("documentSelectedBuyers")
            self.only_selected.setEnabled(bool(selected_buyers))
            group = QButtonGroup(self)
            group.addButton(every)
            group.addButton(self.only_selected)
            (self.only_selected if selected_buyers else every).setChecked(True)
            form.addRow(self.tr("卸先"), every)
            form.addRow("", self.only_selected)
        note = QLabel(self.tr("一覧の出荷方法・注文カテゴリ・卸先の絞り込みも書類に反映されます。"), self)
        note.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.show_button = self._button(buttons, "showDocument", self.tr("表示"), lambda: self._finish(False))
        self.show_button.setDefault(True)
        self._button(buttons, "printDocumentDirectly", self.tr("直接印刷"), lambda: self._finish(True))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("キャンセル"))
        cancel.setObjectName("cancelDocument")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        hold_title(self)

    def _button(self, box: QDialogButtonBox, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _finish(self, direct: bool) -> None:
        self.direct = direct
        self.accept()

    def request(self) -> DocumentRequest:
        filters = list_filters(self.order_filter)
        if self.only_selected is not None and self.only_selected.isChecked():
            filters = ShippingFilters(order_category_ids=filters.order_category_ids,
                                      buyer_ids=tuple(sorted(set(self.selected_buyers))),
                                      shipping_method_ids=filters.shipping_method_ids)
        if self.empty_buyers is not None:
            filters = ShippingFilters(order_category_ids=filters.order_category_ids, buyer_ids=filters.buyer_ids,
                                      shipping_method_ids=filters.shipping_method_ids,
                                      print_empty_buyers=self.empty_buyers.currentData())
        carrier_id = self.carrier.currentData()
        return DocumentRequest(kind=self.kind, day=from_qdate(self.day.date()), carrier_id=carrier_id,
                               carrier_name=self.carrier.currentText() if carrier_id is not None else "",
                               filters=filters, paper=self.paper.currentData() if self.paper else None)


def produce(parent: QWidget, database: Database, request: DocumentRequest, direct: bool,
            done: Callable[[DocumentRequest, bytes], None] | None = None) -> None:
    """Render off the GUI thread, then the viewer (with 印刷) or the print dialog."""
    def shown(data: bytes) -> None:
        if direct:
            from ui.printing import print_pdf

            print_pdf(parent, data, title=request.title)
        else:
            from ui.viewer import open_pdf

            open_pdf(parent, data, request.title)
        if done is not None:
            done(request, data)

    Operation(parent, lambda: render(database, request),
              label=QCoreApplication.translate("DocumentDialog", "書類を作成しています…")).success(shown).run()
