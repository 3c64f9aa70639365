"""What the English checks read: every text the app wrote into a widget, and the data strings of a
database (names, products, messages stored there) so that exactly those may stay Japanese."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import MetaData, String, Table, Text, inspect, select

from oroshi_desktop.db.engine import Database
from ui.elided_label import ElidedLabel
from ui.qt import (
    QAbstractButton,
    QAbstractItemModel,
    QAbstractItemView,
    QAction,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QObject,
    Qt,
    QTabWidget,
    QWidget,
)

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
LANGUAGE_NAMES = {"日本語"}  # the language list names each language in its own words
TABLE_ROWS = 40  # cells read per table: enough for every kind of row the demo data has


def _inside(item: QObject, outer: QWidget | None) -> bool:
    while item is not None and outer is not None:
        if item is outer:
            return True
        item = item.parent()
    return False


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, and Qt keeps its columnCount private
        return 1


def _in_combo(item: QObject | None) -> bool:
    while item is not None:
        if isinstance(item, QComboBox):
            return True
        item = item.parent()
    return False


def ui_texts(root: QWidget, exclude: QWidget | None = None) -> list[str]:
    """Every text the user reads in ``root`` and its children (but not in ``exclude``), table
    headers and menus included (table cells are ``cell_texts``)."""
    texts: list[str] = [root.windowTitle(), root.accessibleName(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        if _inside(widget, exclude):
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, ElidedLabel):  # what it shows is a cut of its whole text
            texts.append(widget.full_text)
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count()) if widget.itemText(i) not in LANGUAGE_NAMES]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(_columns(model))]
    for action in root.findChildren(QAction):
        if _inside(action, exclude):
            continue
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in texts if t]


def cell_texts(root: QWidget, exclude: QWidget | None = None) -> list[str]:
    """The display texts and tooltips of the first rows of every table in ``root``."""
    texts: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or _in_combo(view) or _inside(view, exclude):  # combo items: in ui_texts
            continue
        for row in range(min(model.rowCount(QModelIndex()), TABLE_ROWS)):
            for column in range(_columns(model)):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        texts.append(value)
    return texts


def database_strings(database: Database, *, not_data: Iterable[str] = ()) -> set[str]:
    """Every Japanese text value stored in the database: the data a window may show as it is.
    ``not_data``: tables whose texts the app writes itself (job messages, mail errors), which the
    window must show in the chosen language, so they are not data."""
    found: set[str] = set()
    with database.engine.connect() as conn:
        inspector = inspect(conn)
        metadata = MetaData()
        for name in inspector.get_table_names():
            if name in not_data:
                continue
            table = Table(name, metadata, autoload_with=conn)
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in conn.execute(select(*columns)):
                found.update(v for v in row if isinstance(v, str) and JAPANESE.search(v))
    return found


def without_data(text: str, data: Iterable[str]) -> str:
    """``text`` with every data string in it removed (longest first, so a name is not cut by a part of it)."""
    for value in data:
        if value in text:
            text = text.replace(value, "")
    return text


def japanese_left(texts: Iterable[str], data: list[str]) -> list[str]:
    """The texts that still hold Japanese once the data in them is taken out."""
    return sorted({t for t in texts if JAPANESE.search(without_data(t, data))})


def sorted_data(values: Iterable[str]) -> list[str]:
    return sorted(set(values), key=len, reverse=True)
