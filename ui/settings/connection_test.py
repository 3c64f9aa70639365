"""A 接続テスト or テストメール's result: the check runs on a pool thread, its outcome is shown as
✔/✘ beside the button and told by ``finished(ok, text)`` (the view's ``connection_tested``…)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ui.operations import Operation
from ui.qt import QLabel, QObject, QWidget, Signal
from ui.settings.form import ERROR_STYLE
from ui.settings.store import error_text

T = TypeVar("T")


class ConnectionTest(QObject):
    finished = Signal(bool, str)  # ok, the server's answer or the reason

    def __init__(self, result: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.result = result
        self.owner = parent

    def run(self, busy: str, work: Callable[[], T], said: Callable[[T], str]) -> None:
        self.result.setText(busy)
        Operation(self.owner, work).success(lambda outcome: self._show(True, said(outcome))).failure(
            lambda err: self._show(False, error_text(err))).run()

    def _show(self, ok: bool, text: str) -> None:
        self.result.setText(("✔ " if ok else "✘ ") + text)
        self.result.setStyleSheet("" if ok else ERROR_STYLE)
        self.finished.emit(ok, text)
