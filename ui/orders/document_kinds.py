"""The three shipping documents by kind and title, without the dialog, filters and models of
``ui.orders.documents``: 今日 names them on its buttons before any of them is made (issue 20 point 1)."""

from __future__ import annotations

from ui.qt import QCoreApplication

SHIPPING_CHART = "shipping_chart"
PACKING_SLIPS = "packing_slips"
SHIPPING_LIST = "shipping_list"
KINDS = (SHIPPING_CHART, PACKING_SLIPS, SHIPPING_LIST)


def document_title(kind: str) -> str:
    return {SHIPPING_CHART: QCoreApplication.translate("DocumentDialog", "出荷表"),
            PACKING_SLIPS: QCoreApplication.translate("DocumentDialog", "卸先用出荷表"),
            SHIPPING_LIST: QCoreApplication.translate("DocumentDialog", "まとめた出荷明細表")}[kind]
