"""Slow work off the GUI thread, one way for the whole window (after Anki's ``QueryOp``/``CollectionOp``).

``Operation(parent, work).success(cb).failure(cb).run()`` runs ``work()`` on a pool thread and
calls ``cb`` on the GUI thread with its result. With a ``label`` a progress dialog appears when
the work takes longer than a moment; ``BatchOperation`` gives ``work`` a ``Progress`` it reports
to and that tells it when the user pressed キャンセル. A ``UserError`` becomes a Japanese warning
dialog; anything else is a bug: logged with its traceback and shown as a short dialog whose
details name the error and the log folder.

Threading rule (Picard's): a pool thread never touches a widget; results cross to the GUI thread
only through the signals of ``_Relay``, which lives on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import shiboken6

from oroshi_desktop.db.engine import is_connection_error
from oroshi_desktop.errors import UserError
from ui.qt import (
    QCoreApplication,
    QMessageBox,
    QObject,
    QProgressDialog,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_DELAY_MS = 400  # quicker work finishes without any popup
# The work waits on the network and the disk, not the CPU: with one thread per core (Qt's default,
# 2 on an office laptop) two polls of an unreachable server would hold up every other operation.
MIN_POOL_THREADS = 8

_running: dict[int, Operation[Any]] = {}  # keeps an operation alive until its callback ran
_next_id = itertools.count(1)
_log_file: Path | None = None  # named in the error dialog's details once the app logs to a file


_connection_lost: Callable[[BaseException], bool] | None = None


def app_title() -> str:
    """The app's name in the chosen language (window titles, message boxes, the tray)."""
    return QCoreApplication.translate("App", "オロシ デスクトップ")


def set_log_file(path: Path | None) -> None:
    global _log_file
    _log_file = path


def set_connection_lost_handler(handler: Callable[[BaseException], bool] | None) -> None:
    """Who hears of work that failed because the database does not answer (the shell: its status
    bar says 接続できません and the connection check retries). The handler answers True when the
    window already shows the outage, so ``show_error`` need not open a dialog for each view."""
    global _connection_lost
    _connection_lost = handler


class Cancelled(Exception):
    """Raised inside batch work by ``Progress.check`` once the user pressed キャンセル."""


class Progress:
    """What batch work reports (from its pool thread) and how it learns of a cancel."""

    def __init__(self, operation_id: int) -> None:
        self._operation_id = operation_id
        self._relay = _relay()  # taken on the GUI thread: the pool thread only emits through it
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Stop the batch here if the user cancelled it."""
        if self._cancel.is_set():
            raise Cancelled

    def update(self, done: int, total: int, text: str = "") -> None:
        self._relay.progressed.emit(self._operation_id, done, total, text)


class _Relay(QObject):
    """One for the application, created on the GUI thread and never deleted while the app runs:
    a pool thread announces the end of its work here, naming the operation by number only.

    Why not a relay per operation: a pool thread that held a reference to a per-operation QObject,
    or to the work's result or error, could drop the *last* reference after the GUI thread was done
    with it, and so delete a QObject (or a widget the work's closure kept alive) on the pool thread,
    a rare segmentation fault under load. Here the outcome is handed over in a plain list that the
    GUI thread empties, and the pool thread lets go of the work before it signals."""

    ended = Signal(int)
    progressed = Signal(int, int, int, str)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.ended.connect(self._ended)
        self.progressed.connect(self._progressed)

    @Slot(int)
    def _ended(self, operation_id: int) -> None:
        operation = _running.pop(operation_id, None)
        if operation is not None:
            operation._ended()

    @Slot(int, int, int, str)
    def _progressed(self, operation_id: int, done: int, total: int, text: str) -> None:
        operation = _running.get(operation_id)
        if operation is not None:
            operation._progressed(done, total, text)


_the_relay: _Relay | None = None


def _relay() -> _Relay:
    """The application's relay (made on first use, on the GUI thread)."""
    global _the_relay
    if _the_relay is None or not shiboken6.isValid(_the_relay):
        _the_relay = _Relay()
    return _the_relay


Outcome = tuple[bool, Any]  # (True, result) or (False, the exception)


def _job(call: Callable[[], Any], operation_id: int, outcome: list[Outcome]) -> Callable[[], None]:
    """What a pool thread runs. A plain callable, not a Python ``QRunnable`` subclass: the pool
    deletes a finished runnable on its own thread, and a Python subclass then races its wrapper.
    The work is taken out of ``holder`` and let go of before the signal, and the outcome goes into
    ``outcome`` (which the GUI thread empties), so whatever the work refers to is released on the
    GUI thread."""
    holder = [call]
    relay = _relay()
    del call

    def run() -> None:
        work = holder.pop()
        try:
            ended: Outcome = (True, work())
        except BaseException as err:  # every outcome must reach the GUI thread
            ended = (False, err)
        del work
        outcome.append(ended)
        del ended
        relay.ended.emit(operation_id)

    return run


def show_error(parent: QWidget | None, err: BaseException, *, title: str | None = None) -> None:
    """A ``UserError`` in its own Japanese words; a bug as a short dialog, traceback to the log."""
    title = title or app_title()
    if is_connection_error(err):
        if _connection_lost is not None and _connection_lost(err):
            log.info("not shown, the window already says the database is unreachable: %s", err)
            return
        if not isinstance(err, UserError):  # the network, not a bug: say so in plain words
            log.warning("database unreachable: %s", err)
            QMessageBox.warning(parent, title, QCoreApplication.translate(
                "Operation", "データベースに接続できません。ネットワークとサーバーを確かめてください。"
                "つながると自動で最新の状態に戻ります。"))
            return
    if isinstance(err, UserError):
        from ui.i18n import user_message  # the chosen language's half of the message

        QMessageBox.warning(parent, title, user_message(err))
        return
    log.error("unexpected error in a background operation", exc_info=(type(err), err, err.__traceback__))
    box = QMessageBox(QMessageBox.Icon.Critical, title,
                      QCoreApplication.translate(
                          "Operation", "予期しないエラーが発生しました。作業は完了していません。\n"
                          "もう一度お試しください。続く場合は管理者に「詳細」の内容をお知らせください。"),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    where = (QCoreApplication.translate("Operation", "記録: {file}").format(file=_log_file) if _log_file is not None
             else QCoreApplication.translate("Operation", "詳しい記録はログにあります。"))
    box.setDetailedText(f"{type(err).__name__}: {err}\n\n{where}")
    box.exec()


class Operation(Generic[T]):
    """One piece of slow work: ``work()`` on a pool thread, callbacks on the GUI thread."""

    def __init__(self, parent: QObject | None, work: Callable[[], T], *, label: str = "") -> None:
        """``parent``: the widget (dialogs are shown over it) or any QObject that owns the work;
        once it is deleted the callbacks are skipped."""
        self.parent = parent
        self.work = work
        self.label = label
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_done: Callable[[], None] | None = None
        self._id = next(_next_id)
        self._outcome: list[Outcome] = []
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None

    def success(self, callback: Callable[[T], object]) -> Operation[T]:  # what it returns is not used
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        """Replace the default error dialog (for example to show the error inside a view)."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Operation[T]:
        """Runs after success or failure (re-enable a button, hide a spinner)."""
        self._on_done = callback
        return self

    def _call(self) -> Callable[[], Any]:
        return self.work

    def run(self) -> Operation[T]:
        _running[self._id] = self
        if self.label:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(PROGRESS_DELAY_MS)
        pool = QThreadPool.globalInstance()
        if pool.maxThreadCount() < MIN_POOL_THREADS:
            pool.setMaxThreadCount(MIN_POOL_THREADS)
        pool.start(_job(self._call(), self._id, self._outcome))
        return self

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self.label, "", 0, 0, self._live_parent())
        dialog.setWindowTitle(app_title())
        dialog.setCancelButton(None)  # plain work cannot be stopped halfway; batches can
        return dialog

    def _show_progress(self) -> None:
        if self._id not in _running:
            return
        self._dialog = self._make_dialog()
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.show()

    def _live_parent(self) -> QWidget | None:
        parent = self.parent
        return parent if isinstance(parent, QWidget) and shiboken6.isValid(parent) else None

    def _owner_gone(self) -> bool:
        return self.parent is not None and not shiboken6.isValid(self.parent)

    def _close(self) -> None:
        _running.pop(self._id, None)
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _ended(self) -> None:
        """On the GUI thread, once the pool thread handed over the outcome."""
        succeeded, value = self._outcome.pop()
        if succeeded:
            self._finished(value)
        else:
            self._failed(value)

    def _progressed(self, done: int, total: int, text: str) -> None:
        """Batch work reported progress (only ``BatchOperation`` shows it)."""

    def _finished(self, result: Any) -> None:
        self._close()
        try:
            if self._on_success is not None and not self._owner_gone():
                self._on_success(result)
        finally:
            self._done()

    def _failed(self, err: BaseException) -> None:
        self._close()
        try:
            if isinstance(err, Cancelled):
                return
            if self._owner_gone():
                log.info("background work failed after its window closed: %s: %s", type(err).__name__, err)
                return
            if self._on_failure is not None:
                self._on_failure(err)
            elif not self.label and _connection_lost is not None and is_connection_error(err):
                # A background read (no label: nobody pressed anything) while the database is away:
                # one status line for the whole window, not a dialog per view and poll.
                log.info("background read failed, database unreachable: %s", err)
                _connection_lost(err)
            else:
                show_error(self._live_parent(), err)
        finally:
            self._done()

    def _done(self) -> None:
        if self._on_done is not None and not self._owner_gone():
            self._on_done()


class BatchOperation(Operation[T]):
    """Work over many records: ``work(progress)`` reports ``progress.update(done, total, text)``
    and calls ``progress.check()`` between records so キャンセル stops it at a record boundary."""

    def __init__(self, parent: QObject | None, work: Callable[[Progress], T], *, label: str) -> None:
        def unused() -> T:  # ``_call`` runs ``batch_work`` with the progress instead
            raise AssertionError("a batch operation runs its batch work")

        super().__init__(parent, unused, label=label)
        self.batch_work = work
        self.progress = Progress(self._id)

    def _call(self) -> Callable[[], Any]:
        return lambda: self.batch_work(self.progress)

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self.label, QCoreApplication.translate("Operation", "キャンセル"), 0, 0, self._live_parent())
        dialog.setWindowTitle(app_title())
        dialog.canceled.connect(self.progress.cancel)
        return dialog

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)
            if text:
                self._dialog.setLabelText(f"{self.label}\n{text}")


def wait_for_operations(timeout_ms: int = 10000) -> bool:
    """For shutdown and tests: let every running operation's work finish."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
