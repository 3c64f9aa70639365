"""Screens of the 注文・出荷 and 供給 views for ``make_screenshots.py``: the orders list with its
totals, the 出荷表 and 卸先用出荷表 dialogs, packing slips in the viewer, the supplies of a day
with unpriced rows, and the check sheet in the viewer.

``scenes(ctx, window)`` returns ``(name, open_screen)`` pairs; each ``open_screen()`` opens its
screen, waits until its data is in, and returns the widget to grab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scene_tools import wait as _wait


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    from oroshi_desktop.queries.supply_list import SupplyFilter, supply_counts
    from ui.orders import documents
    from ui.qt import QItemSelectionModel
    from ui.viewer import viewer_window
    from ui.viewer.window import fit_to_screen

    def orders() -> Any:
        window.show_view("orders")
        view = window.current_view()
        _wait(lambda: bool(view.choices.carriers) and not view.model.loading and view.totals.count > 0)
        return view

    def orders_list() -> Any:
        view = orders()
        selection = view.table.selectionModel()
        for row in (1, 2, 4):  # a few buyers chosen for their slips
            if row < view.model.rowCount():
                selection.select(view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        return window

    def dialog(kind: str) -> Callable[[], Any]:
        def open_dialog() -> Any:
            view = orders()
            previous = getattr(view, "document_dialog", None)
            if previous is not None:
                previous.reject()
            view.ask_document(kind)
            _wait(lambda: view.document_dialog.isVisible(), 5)
            return view.document_dialog
        return open_dialog

    def slips_viewer() -> Any:
        view = orders()
        view.document_dialog.reject()
        request = documents.DocumentRequest(kind=documents.PACKING_SLIPS, day=view.model.order_filter.start,
                                            carrier_id=None)
        view.make_document(request)
        _wait(lambda: viewer_window().isVisible() and viewer_window().current_tab() is not None)
        fit_to_screen(viewer_window(), 1000, 720)
        return viewer_window()

    def supplies() -> Any:
        viewer_window().close()
        window.show_view("supplies")
        view = window.current_view()
        _wait(lambda: bool(view.marked))
        with ctx.database.read() as session:
            day = next((d for d in reversed(view.marked) if supply_counts(session, SupplyFilter(day=d)).unpriced),
                       view.marked[-1])
        view.select_day(day)
        _wait(lambda: not view.model.loading and view.counted == view.current_filter())
        return view

    def supplies_list() -> Any:
        supplies()
        return window

    def check_sheet_viewer() -> Any:
        view = supplies()
        view.prefecture.setCurrentIndex(1)
        view.reception_time.setCurrentIndex(1)
        _wait(lambda: not view.model.loading and view.counted == view.current_filter())
        view.make_check_sheet()
        _wait(lambda: viewer_window().isVisible() and viewer_window().current_tab() is not None)
        fit_to_screen(viewer_window(), 1000, 720)
        return viewer_window()

    return [
        ("orders_list", orders_list),
        ("orders_shipping_chart_dialog", dialog(documents.SHIPPING_CHART)),
        ("orders_packing_slips_dialog", dialog(documents.PACKING_SLIPS)),
        ("orders_packing_slips_viewer", slips_viewer),
        ("supplies_list", supplies_list),
        ("supplies_check_sheet_viewer", check_sheet_viewer),
    ]
