"""Screens of the keyboard and Excel work for ``make_screenshots.py``: the 操作 menu of 支払明細書
and of 注文・出荷 (every tool-bar action with its letter and keys), a list's right-click menu, and
the status bar after a list went to Excel (the file and its 開く link)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scene_tools import wait as _wait


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.qt import QMenu, QPoint

    def operations_menu(key: str) -> Callable[[], Any]:
        def show() -> Any:
            window.show_view(key)
            menu = window.operations_menu
            menu.popup(window.mapToGlobal(QPoint(90, 24)))
            _wait(menu.isVisible, 5)
            return menu
        return show

    def close_menus() -> None:
        window.operations_menu.hide()

    def row_menu() -> Any:
        close_menus()
        view = window.show_view("orders")
        _wait(lambda: not view.model.loading)
        view.table.selectRow(0)
        menu = QMenu(window)
        menu.addActions(view.table.actions())
        menu.popup(view.table.viewport().mapToGlobal(QPoint(200, 30)))
        _wait(menu.isVisible, 5)
        return menu

    def exported() -> Any:
        for widget in window.findChildren(QMenu):
            widget.hide()
        view = window.show_view("orders")
        _wait(lambda: not view.model.loading)
        done: list[Path] = []
        folder = Path(tempfile.mkdtemp(prefix="oroshi-export-"))
        view.list_export.export_to(folder / "注文・出荷.xlsx", lambda path, _count: done.append(path))
        _wait(lambda: bool(done))
        return window

    return [("statements_operations_menu", operations_menu("statements")),
            ("orders_operations_menu", operations_menu("orders")),
            ("orders_row_menu", row_menu),
            ("orders_exported", exported)]
