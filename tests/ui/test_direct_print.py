"""直接印刷: a shipping document printed without the viewer, through the print dialog step. The
dialog is the real ``QPrintDialog``, accepted by the test with the printer set to write a PDF
file; the file then has one page per buyer (packing slips), each naming its buyer."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.ui.test_orders import _busiest_day_and_carrier, _close_viewer, _wait, orders  # noqa: F401 (fixtures)
from ui import printing
from ui.orders import documents
from ui.orders.view import OrdersView
from ui.qt import QApplication, QPrinter, QPushButton, QTimer
from ui.viewer import viewer_window


@pytest.fixture
def accepted_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The dialog step: the real print dialog, accepted with the printer writing ``target``."""
    asked: list[int] = []
    target = tmp_path / "direct.pdf"

    def accept(printer: QPrinter, page_count: int, parent: Any) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(150)

        def press_print() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None, "the print dialog is open"
            dialog.accept()

        QTimer.singleShot(0, press_print)
        return system_dialog(printer, page_count, parent)

    system_dialog = printing.ask_with_dialog
    monkeypatch.setattr(printing, "ask_with_dialog", accept)
    return target, asked


def _print_directly(qtbot: Any, view: OrdersView, kind: str) -> bytes:
    from ui.operations import wait_for_operations

    with qtbot.waitSignal(view.document_made, timeout=30000) as blocker:
        view.action({documents.SHIPPING_CHART: "printShippingChart",
                     documents.PACKING_SLIPS: "printPackingSlips"}[kind]).trigger()
        dialog = view.document_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        dialog.findChild(QPushButton, "printDocumentDirectly").click()
    assert wait_for_operations(60000)
    assert viewer_window().current_tab() is None, "直接印刷 opens no viewer"
    return blocker.args[1]


def test_direct_print_of_packing_slips_one_page_per_buyer(orders: OrdersView, qtbot: Any,  # noqa: F811
                                                          accepted_into: Any) -> None:
    target, asked = accepted_into
    day, carrier_id, _carrier = _busiest_day_and_carrier(orders.database)
    orders.filters.set_carrier(carrier_id)
    orders.filters.set_range(day, day)
    _wait(qtbot, orders)
    rows = [orders.model.order_at(r) for r in range(orders.model.rowCount())]
    buyers = sorted({row.buyer_name for row in rows})
    data = _print_directly(qtbot, orders, documents.PACKING_SLIPS)
    assert asked == [len(PdfReader(io.BytesIO(data)).pages)] == [len(buyers)]
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=30000)
    printed = PdfReader(str(target))
    assert len(printed.pages) == len(buyers)
    named = [next((b for b in buyers if b in page.extract_text()), None) for page in printed.pages]
    assert sorted(n for n in named if n) == buyers, named


def test_a_cancelled_dialog_prints_nothing(orders: OrdersView, qtbot: Any, tmp_path: Path,  # noqa: F811
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def cancel(printer: QPrinter, page_count: int, parent: Any) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "never.pdf"))
        return False

    monkeypatch.setattr(printing, "ask_with_dialog", cancel)
    day, carrier_id, _carrier = _busiest_day_and_carrier(orders.database)  # a day without orders is refused
    orders.filters.set_carrier(carrier_id)
    orders.filters.set_range(day, day)
    _wait(qtbot, orders)
    _print_directly(qtbot, orders, documents.SHIPPING_CHART)
    assert len(asked) == 1 and not (tmp_path / "never.pdf").exists()
