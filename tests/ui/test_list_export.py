"""Every list to Excel, CSV and the clipboard, on SQLite and both PostgreSQL kinds: the shell on a
demo database (today's orders and supplies, a run with its statements made, the queue's jobs),
each list exported through its ``exportList`` action and read back with openpyxl (and LibreOffice
where it is installed); Ctrl+C on three selected orders."""

from __future__ import annotations

import csv
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.demo import generate_demo
from tests.conftest import DB_KINDS, make_database
from ui.list_export import headers_of
from ui.qt import QAction, QApplication, QItemSelectionModel, QLabel, Qt, QTableView

LISTS = (  # view key, table, export action
    ("statements", "statementsTable", "exportList"),
    ("orders", "ordersTable", "exportList"),
    ("supplies", "suppliesTable", "exportList"),
    ("archive", "archiveTable", "exportList"),
    ("jobs", "jobsTable", "exportList"),
    ("jobs", "outboxTable", "exportOutbox"),
)


@pytest.fixture(params=DB_KINDS)
def shell(request: pytest.FixtureRequest, tmp_path: Path, make_shell: Any) -> Any:
    settings = load_settings()
    today = datetime.now(settings.tz).date()  # the pinned instant's day: the views open on it
    database = make_database(request.param, request, tmp_path)
    generate_demo(database, scale=1, seed=0, today=today)
    settings = replace(settings, database_url=database.url.render_as_string(hide_password=False))
    return make_shell(settings, database)


def rows_shown(qtbot: Any, table: QTableView) -> int:
    """Wait until the list has read all of its rows; their count."""
    model = table.model()

    def settled() -> None:
        if hasattr(model, "loading"):
            assert not model.loading
        if callable(getattr(model, "loaded", None)) and not hasattr(model, "loading"):
            assert model.loaded()
    qtbot.waitUntil(settled, timeout=20000)
    qtbot.wait(50)
    qtbot.waitUntil(settled, timeout=20000)
    return model.rowCount()


def export(qtbot: Any, window: Any, key: str, table_name: str, action_name: str, path: Path) -> tuple[Any, int]:
    view = window.show_view(key)
    table = view.findChild(QTableView, table_name)
    count = rows_shown(qtbot, table)
    done: list[tuple[Path, int]] = []
    action = view.findChild(QAction, action_name)
    exporter = next(e for e in (getattr(view, "list_export", None), getattr(getattr(view, "outbox", None), "list_export", None))
                    if e is not None and e.export_action is action)
    exporter.export_to(path, lambda p, n: done.append((p, n)))
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    return table, count


@pytest.mark.parametrize(("key", "table_name", "action_name"), LISTS)
def test_each_list_goes_to_xlsx_with_every_row_typed(shell: Any, qtbot: Any, tmp_path: Path, key: str,
                                                     table_name: str, action_name: str) -> None:
    path = tmp_path / f"{table_name}.xlsx"
    table, count = export(qtbot, shell, key, table_name, action_name, path)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headers_of(table.model())
    assert len(rows) - 1 == count  # every row the view holds, no more
    assert sheet.freeze_panes == "A2"
    model = table.model()
    if key == "orders":
        assert count > 0
        first = rows[1]
        assert isinstance(first[2], int) and isinstance(first[4], int)  # quantities
        assert isinstance(first[5], int | float | Decimal)  # the price
        assert isinstance(first[6], datetime | date)  # the shipping date (openpyxl reads datetimes)
        assert first[0] == model.index(0, 0).data()  # the buyer's Japanese name, intact
    if key == "supplies" and count:
        assert isinstance(rows[1][5], int | float)
        assert rows[1][2] == model.index(0, 2).data()
    if key == "statements":
        assert count > 0 and rows[1][1] == model.index(0, 1).data()
    notice = shell.statusBar().findChild(QLabel, "statusNotice").text()
    assert path.name in notice and "開く" in notice


def test_ctrl_c_copies_three_selected_orders_with_the_header(shell: Any, qtbot: Any) -> None:
    view = shell.show_view("orders")
    table = view.findChild(QTableView, "ordersTable")
    assert rows_shown(qtbot, table) >= 3
    selection = table.selectionModel()
    for row in range(3):
        selection.select(table.model().index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    QApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 4
    assert lines[0].split("\t") == headers_of(table.model())
    for row, line in enumerate(lines[1:]):
        cells = line.split("\t")
        assert len(cells) == table.model().columnCount()
        assert cells[0] == table.model().index(row, 0).data()  # Japanese intact
        assert cells[2] == table.model().index(row, 2).data().replace(",", "")  # a plain number


@pytest.fixture(scope="module")
def soffice_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice user profile for every list: made by the first conversion (several seconds),
    reused by the others."""
    return tmp_path_factory.mktemp("soffice") / "profile"


@pytest.mark.parametrize("shell", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("key", "table_name", "action_name"), LISTS)
def test_libreoffice_reads_the_workbook_without_mojibake(shell: Any, qtbot: Any, tmp_path: Path, soffice_profile: Path,
                                                         key: str, table_name: str, action_name: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: installer/dev.sh installs libreoffice-calc-nogui")
    path = tmp_path / f"{table_name}_一覧.xlsx"
    table, count = export(qtbot, shell, key, table_name, action_name, path)
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation={soffice_profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    with (out / f"{table_name}_一覧.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == headers_of(table.model())  # the Japanese headers, intact
    assert len(rows) - 1 == count
    if key in ("statements", "orders", "supplies"):  # the demo's day has rows there (the others may be empty)
        assert count > 0
    if count:  # every text cell of the first row reads back as written (dates and numbers are LibreOffice's)
        written = next(openpyxl.load_workbook(path).active.iter_rows(min_row=2, max_row=2, values_only=True))
        texts = {column: value for column, value in enumerate(written) if isinstance(value, str)}
        assert texts and {column: rows[1][column] for column in texts} == texts


def test_the_file_dialog_starts_in_documents_then_in_the_last_folder(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.list_export import LAST_FOLDER_KEY, start_folder
    from ui.qt import QSettings, QStandardPaths

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert start_folder(settings) == documents  # never the program's folder
    settings.setValue(LAST_FOLDER_KEY, str(tmp_path))
    assert start_folder(settings) == str(tmp_path)
    settings.setValue(LAST_FOLDER_KEY, str(tmp_path / "gone"))
    assert start_folder(settings) == documents  # a folder since removed: documents again
