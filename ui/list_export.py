"""A list's rows to Excel, CSV and the clipboard: the actions ``exportList`` and ``copyRows`` every
list view carries (the testability contract).

The export writes what the list shows: its filter and its order, every matching row (not just
the rows read so far). The rows are read again off the GUI thread, a chunk of ids at a time, and
each cell comes typed from the model's ``EXPORT_ROLE`` (a date stays a date, money a number);
a model that gives no typed value for a cell gives its text. The file dialog starts in the user's
documents folder and remembers the last folder; the status bar says where the file went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from oroshi_desktop.table_export import Cell, tab_separated, write_csv, write_xlsx
from ui.operations import Operation
from ui.qt import (
    QAbstractItemModel,
    QAction,
    QCoreApplication,
    QFileDialog,
    QGuiApplication,
    QKeySequence,
    QSettings,
    QStandardPaths,
    Qt,
    QTableView,
    QToolBar,
    QWidget,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")

EXPORT_ROLE = int(Qt.ItemDataRole.UserRole) + 7  # a cell's typed value (date, int, Decimal, str)
CHUNK = 500
LAST_FOLDER_KEY = "export/folder"


def headers_of(model: QAbstractItemModel) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            for c in range(model.columnCount())]


def typed_row(model: Any, record: Any) -> list[Cell]:
    """A record's cells as the export wants them: the typed value, else the shown text."""
    cells = []
    for column in range(model.columnCount()):
        value = model.cell(record, column, EXPORT_ROLE)
        if value is None:
            value = model.cell(record, column, Qt.ItemDataRole.DisplayRole)
        cells.append(value)
    return cells


def record_at(model: Any, row: int) -> Any:
    reader = getattr(model, "row_at", None) or model.entry_at
    return reader(row)


def rows_reader(model: Any) -> Callable[[], list[list[Cell]]]:
    """Work for a pool thread: every row the list holds, in its order, read again from the database.

    Made on the GUI thread (the id list is copied there); the returned call touches no widget."""
    if hasattr(model, "read_rows") and hasattr(model, "database"):  # PagedIdModel: ids, read by session
        ids = list(model.ids)

        def read_paged() -> list[list[Cell]]:
            rows: list[list[Cell]] = []
            for start in range(0, len(ids), CHUNK):  # each chunk one read of the store
                chunk = ids[start:start + CHUNK]
                records = model.read_rows(chunk)
                rows += [typed_row(model, records[i]) for i in chunk if i in records]
            return rows
        return read_paged
    if hasattr(model, "load_rows"):  # StampedTableModel: ids, read by its own session
        stamped_ids = model.ids()

        def read_stamped() -> list[list[Cell]]:
            rows: list[list[Cell]] = []
            for start in range(0, len(stamped_ids), CHUNK):
                chunk = stamped_ids[start:start + CHUNK]
                records = model.load_rows(chunk)
                rows += [typed_row(model, records[i]) for i in chunk if i in records]
            return rows
        return read_stamped
    held = [typed_row(model, record_at(model, r)) for r in range(model.rowCount())]  # in memory already
    return lambda: held


def selected_rows(table: QTableView) -> list[int]:
    selection = table.selectionModel()
    return sorted({index.row() for index in selection.selectedRows()}) if selection is not None else []


def copy_selected(table: QTableView) -> str:
    """Ctrl+C: the selected rows (whole rows, every column) with the header, tab-separated."""
    model = table.model()
    rows = []
    for row in selected_rows(table):
        record = record_at(model, row)
        if record is not None:
            rows.append(typed_row(model, record))
    text = tab_separated(headers_of(model), rows) if rows else ""
    if text:
        QGuiApplication.clipboard().setText(text)
    return text


def write_list(path: Path, headers: Sequence[str], rows: list[list[Cell]], title: str) -> int:
    if path.suffix.lower() == ".csv":
        return write_csv(path, headers, rows)
    return write_xlsx(path, headers, rows, title=title)


def start_folder(settings: QSettings) -> str:
    remembered = str(settings.value(LAST_FOLDER_KEY, "") or "")
    if remembered and Path(remembered).is_dir():
        return remembered
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


class ListExport:
    """The two actions of one list view. ``copyRows`` answers Ctrl+C while the list has focus."""

    def __init__(self, view: QWidget, table: QTableView, *, title: Callable[[], str], settings: QSettings,
                 toolbar: QToolBar | None = None, names: tuple[str, str] = ("exportList", "copyRows")) -> None:
        self.view = view
        self.table = table
        self.title = title
        self.settings = settings
        self.last_path: Path | None = None
        self.export_action = QAction(translate("ListExport", "Excelに出力…"), view)
        self.export_action.setObjectName(names[0])
        tip = translate("ListExport", "一覧を表示中の絞り込みと並び順のままExcel（.xlsx）またはCSVに出力します")
        # The tool-bar button's own, shorter label in English ("To Excel…"): "Export to Excel…" pushed
        # 支払明細書's last button behind the » at 150 %; menus and the tooltip keep the whole text.
        self.export_action.setIconText(translate("ListExportToolBar", "Excelに出力…"))
        self.export_action.setToolTip(tip)
        self.export_action.setStatusTip(tip)
        # Ctrl+E: the view's main list; a second list inside the same view (the job centre's send
        # queue) takes Ctrl+Shift+E, or inside it both would match and neither would run.
        self.export_action.setShortcut(QKeySequence("Ctrl+E" if names[0] == "exportList" else "Ctrl+Shift+E"))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action.triggered.connect(lambda _checked=False: self.ask_export())
        view.addAction(self.export_action)
        if toolbar is not None:
            toolbar.addAction(self.export_action)
        self.copy_action = QAction(translate("ListExport", "選んだ行をコピー"), view)
        self.copy_action.setObjectName(names[1])
        tip = translate("ListExport", "選んだ行を見出し付きでコピーします（Excelにそのまま貼り付けられます）")
        self.copy_action.setToolTip(tip)
        self.copy_action.setStatusTip(tip)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda _checked=False: copy_selected(self.table))
        table.addAction(self.copy_action)  # Ctrl+C copies rows only while the list has focus

    def ask_export(self) -> None:
        folder = start_folder(self.settings)
        suggested = str(Path(folder) / f"{self.title()}.xlsx")
        path, _chosen = QFileDialog.getSaveFileName(
            self.view, translate("ListExport", "一覧の出力先"), suggested,
            translate("ListExport", "Excel ブック (*.xlsx);;CSV（UTF-8） (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path, done: Callable[[Path, int], None] | None = None) -> None:
        """Write the whole list to ``path`` (.xlsx, or .csv by its suffix) off the GUI thread."""
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        self.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        read = rows_reader(self.table.model())
        headers, title = headers_of(self.table.model()), self.title()

        def work() -> int:
            return write_list(path, headers, read(), title)

        def finished(count: int) -> None:
            self.last_path = path
            log.info("list exported: %s rows to %s", count, path)
            from ui.notices import announce

            announce(self.view, translate("ListExport", "{count}件を {file} に出力しました").format(count=count, file=path.name),
                     path)
            if done is not None:
                done(path, count)

        Operation(self.view, work, label=translate("ListExport", "一覧を出力しています…")).success(finished).run()
