"""What every ``scenes_*.py`` shares: the folders, the screen size, and the wait for a screen's data.

``make_screenshots.py`` puts this folder on ``sys.path`` before it loads the scene modules.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREEN = (1366, 768)


def wait(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    """Turn the event loop until ``condition()`` holds (or ``seconds`` pass), then a little more so
    that what it showed is painted."""
    from ui.qt import QApplication

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(15):
        QApplication.processEvents()
        time.sleep(0.01)
