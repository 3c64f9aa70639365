"""供給 on the demo database (SQLite and both PostgreSQL kinds): the marked calendar, the day's lazy
list with its unpriced count, and the check sheet through the viewer and QPrinter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oroshi_desktop.domain.formats import prefecture_name
from oroshi_desktop.queries.supply_list import (
    SupplyFilter,
    SupplySort,
    supply_counts,
    supply_days,
    supply_ids,
)
from tests.conftest import DB_KINDS
from tests.helpers.printing import print_pdf_to_file
from tests.ui.pdf_fixtures import pdf_pages
from tests.ui.test_orders import TODAY, _close_viewer, demo_context, page_text, show_view  # noqa: F401
from ui.qt import QBrush, Qt
from ui.supplies.view import SuppliesView, _month_range
from ui.viewer import viewer_window


@pytest.fixture(params=DB_KINDS)
def supplies(request: pytest.FixtureRequest, qtbot: Any, qapp: Any, tmp_path: Path) -> SuppliesView:
    ctx = demo_context(request, tmp_path, request.param)
    view = show_view(qtbot, qapp, lambda window: SuppliesView(ctx, window))
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    with qtbot.waitSignal(view.days_marked, timeout=10000):
        view.calendar.setCurrentPage(TODAY.year, TODAY.month)
    return view


def _settle(qtbot: Any, view: SuppliesView) -> None:
    """The list and its header show the current choice (days, combos) and nothing older."""
    qtbot.waitUntil(lambda: not view.model.loading and view.counted == view.current_filter()
                    == view.model.supply_filter, timeout=10000)


def _day_with_unpriced(view: SuppliesView) -> Any:
    with view.database.read() as session:
        for day in reversed(view.marked):
            if supply_counts(session, SupplyFilter(day=day)).unpriced:
                return day
    pytest.skip("the demo month has no unpriced supply")  # pragma: no cover


def test_calendar_marks_days_and_the_list_counts_unpriced(supplies: SuppliesView, qtbot: Any,
                                                            qtmodeltester: Any) -> None:
    start, end = _month_range(TODAY.year, TODAY.month)
    with supplies.database.read() as session:
        assert supplies.marked == supply_days(session, start, end) and supplies.marked
    marked = supplies.calendar.dateTextFormat()
    assert {d.toPython() for d in marked} >= set(supplies.marked)
    day = _day_with_unpriced(supplies)
    supplies.select_day(day)
    _settle(qtbot, supplies)
    with supplies.database.read() as session:
        counts = supply_counts(session, SupplyFilter(day=day))
        assert supplies.model.ids == supply_ids(session, SupplyFilter(day=day), SupplySort.PREFECTURE)
    assert supplies.counts == counts
    assert f"{counts.count:,}件" in supplies.header.text() and f"単価未入力 {counts.unpriced:,}件" in supplies.header.text()
    rows = [supplies.model.supply_at(r) for r in range(supplies.model.rowCount())]
    highlighted = [r for r in range(len(rows))
                   if isinstance(supplies.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole), QBrush)]
    assert highlighted == [r for r, row in enumerate(rows) if row.price == 0] and len(highlighted) == counts.unpriced
    qtmodeltester.check(supplies.model, force_py=True)


def test_a_prefecture_and_time_make_a_check_sheet_that_prints(supplies: SuppliesView, qtbot: Any,
                                                               tmp_path: Path) -> None:
    day = supplies.marked[-1]
    supplies.select_day(day)
    _settle(qtbot, supplies)
    prefecture = supplies.choices.prefecture_ids[0]
    time = supplies.choices.reception_times[0]
    supplies.prefecture.setCurrentIndex(supplies.prefecture.findData(prefecture))
    supplies.reception_time.setCurrentIndex(supplies.reception_time.findData(time.id))
    _settle(qtbot, supplies)
    assert {supplies.model.index(r, 0).data() for r in range(supplies.model.rowCount())} == {prefecture_name(prefecture)}
    assert supplies.check_sheet_selection() == ([prefecture], [time.id])
    with qtbot.waitSignal(supplies.document_made, timeout=30000) as blocker:
        supplies.findChild(type(supplies.check_sheet_action), "printCheckSheet").trigger()
    qtbot.waitUntil(lambda: viewer_window().current_tab() is not None, timeout=10000)
    assert viewer_window().current_tab().data == blocker.args[0]
    printed = tmp_path / "sheet.pdf"
    pages = print_pdf_to_file(blocker.args[0], printed)
    assert pages == pdf_pages(printed) >= 1
    text = "".join(page_text(printed, p) for p in range(1, pages + 1))
    # The sheet names the prefecture, the day and the reception time it was asked for.
    assert f"（{prefecture_name(prefecture)}）" in text and time.label in text
    assert f"{day:%Y年%m月%d日}" in text
