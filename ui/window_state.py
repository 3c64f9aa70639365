"""Where the window and its views remember their layout: a per-user INI file in the app's config folder.

Under ``OROSHI_HOME`` like every other path, so tests and support runs never share (or spoil)
a user's layout. Holds geometry, splitter positions, column widths and the last view; never a
secret. A leaf module: every view reads it, and the shell that holds the views does too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from oroshi_desktop.paths import AppPaths
from ui.qt import QByteArray, QSettings

WINDOW_STATE_FILE = "window.ini"


def window_settings(paths: AppPaths) -> QSettings:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


class Restorable(Protocol):
    """A splitter or a table header: what a view's layout is made of."""

    def saveState(self) -> QByteArray: ...

    def restoreState(self, state: QByteArray) -> bool: ...


def save_layout(settings: QSettings, parts: Mapping[str, Restorable]) -> None:
    """Each part's state under its key (``orders/columns``, ``jobs/splitter``…)."""
    for key, part in parts.items():
        settings.setValue(key, part.saveState())


def restore_layout(settings: QSettings, parts: Mapping[str, Restorable]) -> set[str]:
    """Each part from its key where one was saved; the keys that were restored."""
    restored = set()
    for key, part in parts.items():
        value = settings.value(key)
        if value is not None and part.restoreState(value):
            restored.add(key)
    return restored


class RemembersLayout:
    """The View contract's ``save_state``/``restore_state`` for a view whose layout is its
    ``layout_parts`` (a mixin before ``QWidget``: ``class OrdersView(RemembersLayout, QWidget)``)."""

    def layout_parts(self) -> dict[str, Restorable]:
        raise NotImplementedError

    def save_state(self, settings: QSettings) -> None:
        save_layout(settings, self.layout_parts())

    def restore_state(self, settings: QSettings) -> None:
        restore_layout(settings, self.layout_parts())
