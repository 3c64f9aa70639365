"""What every list over row ids shares — the statements, orders and supplies lists
(``paged_model.PagedIdModel``) and the job centre's two tables (``jobs/stamped_model.StampedTableModel``):
the ids in their order, the header texts, the Qt counts and headers, and where an id stands.
How the ids and the cells are read (a page at a time, or by stamps that update live) is the
subclass's; this is the one place of what is the same."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
HEADER_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class IdTableModel(QAbstractTableModel):
    def row_ids(self) -> Sequence[int]:
        """The ids of the rows, in the order shown."""
        raise NotImplementedError

    def header_texts(self) -> Sequence[str]:
        """The column titles as shown (translated)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self.row_ids())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header_texts())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        texts = self.header_texts()
        if orientation == Qt.Orientation.Horizontal and role in HEADER_ROLES and 0 <= section < len(texts):
            return texts[section]
        return None

    def row_of(self, row_id: int) -> int:
        """The row that shows ``row_id``, or -1."""
        try:
            return self.row_ids().index(row_id)
        except ValueError:
            return -1
