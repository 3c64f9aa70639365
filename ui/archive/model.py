"""The archive table: the rows of one search (at most the view's row limit), sorted on the GUI side.

The search itself filters, sorts and limits in SQL (``oroshi_desktop.queries.archive``); the table
holds that bounded list and only reorders it when a header is clicked.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from oroshi_desktop.domain.statement_options import StatementFormat
from oroshi_desktop.queries.archive import ArchiveEntry
from ui.list_export import EXPORT_ROLE
from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
ALTERED_COLOUR = "#ffd6d6"


def yen_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal(1)):,}"


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("ArchiveTableModel", "供給者別") if kind == StatementFormat.SUPPLIER else QCoreApplication.translate("ArchiveTableModel", "組織")


# (header, display, sort key)
Column = tuple[str, Callable[[ArchiveEntry], str], Callable[[ArchiveEntry], Any]]


def _columns() -> tuple[Column, ...]:
    return (
        (QCoreApplication.translate("ArchiveTableModel", "発行日"), lambda e: e.issued.strftime("%Y/%m/%d") if e.issued else "",
         lambda e: (e.issued is None, e.issued)),
        (QCoreApplication.translate("ArchiveTableModel", "取引先"), lambda e: e.counterparty_display, lambda e: e.counterparty_display),
        (QCoreApplication.translate("ArchiveTableModel", "登録番号"), lambda e: e.registration_number, lambda e: e.registration_number),
        (QCoreApplication.translate("ArchiveTableModel", "支払金額"), lambda e: yen_text(e.amount), lambda e: e.amount),
        (QCoreApplication.translate("ArchiveTableModel", "形式"), lambda e: kind_text(e.kind), lambda e: e.kind),
        (QCoreApplication.translate("ArchiveTableModel", "版"), lambda e: str(e.version), lambda e: e.version),
        (QCoreApplication.translate("ArchiveTableModel", "ファイル名"), lambda e: e.filename, lambda e: e.filename),
        (QCoreApplication.translate("ArchiveTableModel", "SHA-256"), lambda e: e.sha256, lambda e: e.sha256),
    )


class ArchiveTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = _columns()
        self.entries: list[ArchiveEntry] = []
        self.altered: set[int] = set()  # document ids whose bytes no longer match their SHA-256
        self._sort = (0, Qt.SortOrder.DescendingOrder)

    def set_entries(self, entries: list[ArchiveEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._apply_sort()
        self.endResetModel()

    def set_altered(self, document_ids: set[int]) -> None:
        self.altered = set(document_ids)
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, len(self.columns) - 1))

    def entry_at(self, row: int) -> ArchiveEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _apply_sort(self) -> None:
        column, order = self._sort
        key = self.columns[column][2]
        # document id as the tie-breaker keeps the order stable between searches
        self.entries.sort(key=lambda e: (key(e), e.document_id), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = {id(e): row for row, e in enumerate(self.entries)}
        persistent = self.persistentIndexList()
        before = [self.entries[p.row()] if p.isValid() and p.row() < len(self.entries) else None for p in persistent]
        self._sort = (column, order)
        self._apply_sort()
        position = {id(e): row for row, e in enumerate(self.entries)}
        self.changePersistentIndexList(persistent, [
            self.index(position[id(e)], p.column()) if e is not None and id(e) in old else QModelIndex()
            for p, e in zip(persistent, before, strict=True)])
        self.layoutChanged.emit()

    def cell(self, entry: ArchiveEntry, column: int, role: int) -> Any:
        """One cell of an entry (the export): the date and numbers typed, the rest as shown."""
        if role == EXPORT_ROLE:
            return {0: entry.issued, 3: entry.amount, 5: entry.version}.get(column)
        return self.columns[column][1](entry) if role == Qt.ItemDataRole.DisplayRole else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries) \
                or not 0 <= index.column() < len(self.columns):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()][1](entry)
        if role == Qt.ItemDataRole.UserRole:
            return entry.document_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and entry.document_id in self.altered:
            return QBrush(QColor(ALTERED_COLOUR))
        return None
