"""Screens of issue 18 for ``make_screenshots.py``: the 今日 home view, 設定 after 保存 (the success
message and 起動時の画面), and the refusal of a send when no mail server is set.

``scenes(ctx, window)`` returns ``(name, open_screen)`` pairs; each ``open_screen()`` opens its
screen, waits until its data is in, and returns the widget to grab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scene_tools import wait as _wait


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    def today() -> Any:
        window.show_view("today")
        view = window.views["today"]
        view.refresh()
        _wait(lambda: view.today is not None and not view._reading)
        return window

    def settings_saved() -> Any:
        window.show_view("settings")
        view = window.views["settings"]
        view._fill_from_settings(ctx.settings)  # an earlier scene left refused values in the form
        loaded: list[bool] = []
        view.loaded.connect(lambda: loaded.append(True))
        view.refresh()
        _wait(lambda: bool(loaded))
        saved: list[bool] = []
        view.saved.connect(lambda: saved.append(True))
        view.save()
        _wait(lambda: bool(saved))
        view.scroll_area.verticalScrollBar().setValue(view.scroll_area.verticalScrollBar().maximum())
        return window

    def mail_server_missing() -> Any:
        from ui.dialogs import mail_server_missing_box

        box, _open = mail_server_missing_box(window)
        box.show()
        _wait(lambda: box.isVisible(), 5)
        return box

    return [("main_today", today), ("settings_saved", settings_saved), ("mail_server_missing", mail_server_missing)]
