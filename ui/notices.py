"""Saying in the window's status bar what an action did (printed, exported): the one call the views,
printing and the list export make, whichever window they sit in. A leaf module, so the views need
not import the shell that holds them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from ui.qt import QStatusBar, QWidget

NOTICE_MS = 30_000  # what went where stays long enough to be read and clicked


@runtime_checkable
class Announcer(Protocol):
    """A status bar that shows a notice with an 開く link (the main window's)."""

    def announce(self, text: str, path: Path | None = None) -> None: ...


def announce(widget: QWidget, text: str, path: Path | None = None) -> None:
    """Say in the window's status bar what went where (the viewer's and dialogs' own bars too)."""
    window = widget.window()
    bar = window.statusBar() if hasattr(window, "statusBar") else None
    if isinstance(bar, Announcer):
        bar.announce(text, path)
    elif isinstance(bar, QStatusBar):
        bar.showMessage(text, NOTICE_MS)
