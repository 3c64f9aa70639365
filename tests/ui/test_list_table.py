"""The list tables: a header longer than its planned width (English) is never cut off."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel

from ui.list_table import HEADER_PADDING, list_table
from ui.qt import QWidget


def test_a_long_header_widens_its_column_and_a_short_one_keeps_its_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    model = QStandardItemModel(0, 2, parent)
    model.setHorizontalHeaderLabels(["Reception time of the supplies", "No."])
    table = list_table(parent, model, name="t", accessible_name="t", sort_column=0, widths=(40, 90))
    metrics = table.horizontalHeader().fontMetrics()
    assert table.columnWidth(0) >= metrics.horizontalAdvance("Reception time of the supplies") + HEADER_PADDING
    assert table.columnWidth(1) == 90
