"""How 支払明細書 shares its width: the run list's column widths from the font, and the list beside
the detail or, too narrow for both (1366×768 at 150 %), the detail under the list."""

from __future__ import annotations

from datetime import date

from oroshi_desktop.queries.statement_runs import RunState, SortKey
from ui.qt import QObject, QSplitter, Qt, QTableView, QTimer
from ui.statements.model import RunTableModel, layout_text, mail_text, period_text


def size_columns(table: QTableView, model: RunTableModel) -> None:
    """Widths from the font (100 % or 150 %, any system font), never from the rows' contents;
    状態 — what a person scans for first — right after 期間, so it is seen without scrolling."""
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    pad = 2 * metrics.averageCharWidth() + 8
    samples = {SortKey.PERIOD: period_text(date(2026, 12, 16), date(2026, 12, 31)),
               SortKey.ORGANIZATIONS: "", SortKey.LAYOUT: layout_text(0), SortKey.MAIL: mail_text(False),
               SortKey.SEND_AT: "2026/12/31 09:00",
               SortKey.STATE: max((s.label_in(model.language) for s in RunState), key=metrics.horizontalAdvance)}
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(metrics.horizontalAdvance(sample), header.fontMetrics().horizontalAdvance(title) + pad)
        table.setColumnWidth(column, width + pad)
    table.setColumnWidth(SortKey.ORGANIZATIONS, 10 * metrics.averageCharWidth())  # elided; 送信日時 in sight
    header.moveSection(header.visualIndex(SortKey.STATE), 1)


class ListBesideDetail(QObject):
    """The splitter between the run list and its detail: laid out once, from the width the view is
    first shown with; after that the split is the user's. Owned by the view, so a queued fitting
    never runs after the view is gone."""

    def __init__(self, table: QTableView, splitter: QSplitter, parent: QObject) -> None:
        super().__init__(parent)
        self.table, self.splitter = table, splitter
        self.sized = False  # the first split is made from the shown width (or restored: the user's)
        self.laid_out = False  # beside or above: decided by the width, once shown

    def shown(self) -> None:
        if self.laid_out or self.splitter.width() < 100:
            return
        self.laid_out = True
        header, total = self.table.horizontalHeader(), self.splitter.width()
        needed = sum(header.sectionSize(c) for c in range(header.count())) + 2 * self.table.frameWidth() \
            + self.table.verticalScrollBar().sizeHint().width()
        detail_min = 30 * self.table.fontMetrics().averageCharWidth()  # its file names and passwords
        # Too narrow for the whole list beside the detail (1366×768 at 150 %): the detail goes under
        # the list, so no column of the list hides behind a sideways scroll bar.
        orientation = Qt.Orientation.Vertical if needed + detail_min > total else Qt.Orientation.Horizontal
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            self.sized = False  # a split saved for the other orientation does not fit this one
        if self.sized:
            return  # the user's own split, restored
        self.sized = True  # once: after that the splitter is the user's
        if orientation == Qt.Orientation.Vertical:
            height = self.splitter.height()
            self.splitter.setSizes([height // 2, height - height // 2])
            QTimer.singleShot(0, self, self.fit_columns)  # once the list has its new width
            return
        left = max(min(needed, total - detail_min), total // 2)
        self.splitter.setSizes([left, total - left])

    def resized(self) -> None:
        if self.laid_out:
            QTimer.singleShot(0, self, self.fit_columns)

    def fit_columns(self) -> None:
        """Beside nothing (the detail under the list) the list is a few pixels short of its columns
        at 150 %: 組織 (elided anyway) gives them up first, then any column wider than its header
        and its cells need, so no sideways scroll bar hides 送信日時."""
        if self.splitter.orientation() != Qt.Orientation.Vertical:
            return
        header = self.table.horizontalHeader()
        excess = header.length() - self.table.viewport().width() + 1  # + 1: the rounding at 150 %
        columns = [SortKey.ORGANIZATIONS, *(c for c in range(header.count()) if c != SortKey.ORGANIZATIONS)]
        for column in columns:
            if excess <= 1:
                return
            needs = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
            give = min(excess, header.sectionSize(column) - needs)
            if give > 0:
                self.table.setColumnWidth(column, header.sectionSize(column) - give)
                excess -= give
