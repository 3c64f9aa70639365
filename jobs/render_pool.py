"""Rendering a run's statement PDFs in parallel processes: one task per organization, as many
worker processes as the machine has cores (never more than there are organizations).

Isolation per organization is kept: a task that raises fails alone with its error, and a worker
process that dies (the pool is then broken) costs only its own organization: the tasks it took down
are rendered again in a pool of one worker, which runs them in order, so the first one not answered
when that worker dies too is the one that stops its process; it is named, and the rest go back to a
full pool. The caller learns each result as it arrives (its progress) and may cancel between
results: tasks not yet started are dropped, and ``render_all`` returns when the ones already
running have ended (at most one per worker), without reporting them.

A task is one organization's loaded statements (``RenderTask``), or a few organization rows that
the worker loads itself from its own connection to the database (``LoadTask``, a part of the run
in one batch of queries) and renders: the calling process then only stores, and the loading runs
on every core too. A worker that dies on a ``LoadTask`` has its rows tried again one per task, so
that the crash still costs only the organization that caused it. Workers are started with
``spawn`` on every OS (the same on Windows, and safe in a process that runs threads: the GUI and
the queue's consumer); a frozen build starts them through ``freeze_support`` in its entry point.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from oroshi_desktop.document_store import STATEMENT_KINDS
from oroshi_desktop.errors import UserError

if TYPE_CHECKING:
    from oroshi_desktop.db.engine import Database

__all__ = ["LoadTask", "RenderTask", "Rendered", "WorkerStopped", "new_password", "pool_size", "render_all",
           "render_task", "statement_task", "usable_cores"]


@dataclass(frozen=True)
class Rendered:
    """One organization's statements as a worker gives them back."""

    keys: dict[str, str]  # each format's content key (``statement_versions.content_key``)
    documents: list[tuple[str, bytes, str]]  # (format, PDF bytes, password)
    # Loaded by the worker (``LoadTask``): what storing records, as ``statement_rows.RowStatements`` has it.
    figures: Any = None  # the archive facts, checked storable
    printed: tuple[date, date] | None = None  # the period the PDFs print


Answer = tuple[int, "Rendered | None", "BaseException | None"]  # (row, its PDFs, or why it has none)
Done = Callable[[int, "Rendered | None", "BaseException | None"], None]
Render = Callable[[Any], "Rendered | list[Answer]"]  # a RenderTask gives Rendered; a LoadTask, Answers

POLL_SECONDS = 0.1  # how often a wait for results looks at the cancel flag


@dataclass(frozen=True)
class RenderTask:
    """One organization's statements to render: ``key`` is the caller's (the organization row id).
    ``keys``: their content keys when the caller made them already; None: the worker makes them."""

    key: int
    statements: tuple[tuple[str, Any, str], ...]  # (format, PaymentStatement, password)
    keys: dict[str, str] | None = None


@dataclass(frozen=True)
class LoadTask:
    """Organization rows of a run (``statement_rows.RunRow``: row id, organization id, its name)
    that the worker loads itself, in one batch (``statement_rows.load_rows``), and renders, each
    with fresh passwords and keyed by the worker."""

    invoice_id: int
    rows: tuple[tuple[int, int, str | None], ...]
    tz: ZoneInfo

    @property
    def key(self) -> int:
        return self.rows[0][0]


def _keys(task: RenderTask | LoadTask) -> list[int]:
    """The rows a task answers for."""
    return [iso_id for iso_id, _organization_id, _name in task.rows] if isinstance(task, LoadTask) else [task.key]


def _one_per_row(task: RenderTask | LoadTask) -> list[RenderTask | LoadTask]:
    if isinstance(task, LoadTask):
        return [LoadTask(task.invoice_id, (row,), task.tz) for row in task.rows]
    return [task]


def new_password() -> str:
    """A statement PDF's password: fresh for every PDF rendered."""
    return secrets.token_hex(4)


def statement_task(key: int, statements: Mapping[str, Any], *, keys: dict[str, str] | None) -> RenderTask:
    """A row's statements to draw (by format), each with a fresh password (``keys``: made already, or None)."""
    return RenderTask(key, tuple((fmt, statements[fmt], new_password()) for fmt in STATEMENT_KINDS), keys=keys)


class WorkerStopped(Exception):
    """The process rendering an organization stopped before it answered (a crash, not an error)."""


class _Refused(Exception):
    """A ``UserError`` raised in a worker, as it crosses back: pickling an exception keeps only its
    first argument, and the Japanese message the window shows would be lost."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message, message_ja)
        self.message, self.message_ja = message, message_ja


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the OS has one, as on Linux), else all."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def pool_size(tasks: int, cores: int | None = None) -> int:
    """Worker processes for ``tasks`` organizations: one per usable core, at most one per organization."""
    return max(1, min(cores or usable_cores(), tasks))


def render_task(task: RenderTask) -> Rendered:
    """Key and render one organization's statements (runs in a worker process). A row generated
    for the first time is keyed here, beside the drawing, so that the calling process only loads
    and stores: digesting every statement there made the workers wait for it."""
    from oroshi_desktop.statement_versions import content_keys
    from printables.statement import render_statement

    keys = task.keys if task.keys is not None else content_keys(
        {fmt: statement for fmt, statement, _password in task.statements})
    return Rendered(keys, [(fmt, render_statement(statement, password=password), password)
                           for fmt, statement, password in task.statements])


_DATABASE: Database | None = None  # a worker's own connection to the run's database (``LoadTask``)


def load_and_render(task: LoadTask) -> list[Answer]:
    """Load the task's rows from the worker's own connection, in one batch, and render each; a row
    that cannot make its statement answers with its reason, the others are rendered."""
    from oroshi_desktop.statement_rows import load_rows

    if _DATABASE is None:
        raise RuntimeError("this process has no database to load from (render_all without a handover)")
    answers: list[Answer] = []
    for iso_id, found in _DATABASE.reading(load_rows, task.invoice_id, task.rows, task.tz).items():
        if isinstance(found, Exception):
            answers.append((iso_id, None, _portable(found)))
            continue
        try:
            rendered = render_task(statement_task(iso_id, found.statements, keys=None))
        except Exception as err:  # this organization's data: it fails alone
            answers.append((iso_id, None, _portable(err)))
        else:
            answers.append((iso_id, Rendered(rendered.keys, rendered.documents, found.figures, found.printed), None))
    return answers


def work(task: RenderTask | LoadTask) -> Rendered | list[Answer]:
    """What a worker does with a task: render the statements it carries, or load its rows and render them."""
    return load_and_render(task) if isinstance(task, LoadTask) else render_task(task)


class _DatabaseFailed(Exception):
    """An error of the database met by a worker while it loaded, as it crosses back (the driver's
    exceptions do not all survive pickling); the caller raises it as the database's error."""


def _portable(err: BaseException) -> BaseException:
    """A row's error as it can cross back to the caller whole: a ``UserError`` with its Japanese
    (``_Refused``), the database's own errors as ``_DatabaseFailed``, anything else as it is when it
    survives pickling, else as a ``RuntimeError`` naming its type."""
    from oroshi_desktop.db.engine import is_database_error

    if isinstance(err, UserError):
        return _Refused(err.message, err.message_ja)
    if is_database_error(err):
        return _DatabaseFailed(f"{type(err).__name__}: {err}")
    try:
        if type(pickle.loads(pickle.dumps(err))) is type(err):
            return err
    except Exception:  # not picklable: named below
        pass
    return RuntimeError(f"{type(err).__name__}: {err}")


def _guarded(render: Render, task: RenderTask | LoadTask) -> Rendered | list[Answer]:
    """``render`` in a worker, its ``UserError`` (and the database's errors) sent back whole."""
    try:
        return render(task)
    except Exception as err:
        portable = _portable(err)
        if portable is err:
            raise
        raise portable from None


def _error(err: BaseException) -> BaseException:
    if isinstance(err, _Refused):
        return UserError(err.message, err.message_ja)
    if isinstance(err, _DatabaseFailed):
        from oroshi_desktop.db.engine import database_error

        return database_error("loading a part of the run in a render worker", err)
    return err


def _report(task: RenderTask | LoadTask, result: Rendered | list[Answer], on_done: Done) -> None:
    """A finished task's answers, in the order of its rows."""
    if isinstance(result, Rendered):
        on_done(task.key, result, None)
        return
    for key, rendered, err in result:
        on_done(key, rendered, None if err is None else _error(err))


def _warm(handover: tuple[str, str | None] | None = None) -> None:
    """A worker loads ReportLab and the fonts once, before its first task, and opens the run's
    database when it is to load (``handover``: ``Database.handover``; connected on first use)."""
    global _DATABASE
    import oroshi_desktop.statement_versions  # noqa: F401
    import printables.statement  # noqa: F401

    if handover is not None:
        from oroshi_desktop.db.engine import reopen_database

        _DATABASE = reopen_database(handover)


Task = RenderTask | LoadTask


def _in_process(tasks: Iterable[Task], on_done: Done, cancelled: Callable[[], bool], render: Render) -> bool:
    for task in tasks:
        if cancelled():
            return False
        try:
            result = render(task)
        except Exception as err:  # this organization's data: it fails alone
            for key in _keys(task):
                on_done(key, None, err)
        else:
            _report(task, result, on_done)
    return True


def _pooled(tasks: Iterable[Task], workers: int, on_done: Done, cancelled: Callable[[], bool],
            render: Render, handover: tuple[str, str | None] | None) -> tuple[bool, list[Task]]:
    """Render in a pool of ``workers``, submitting each task as ``tasks`` yields it (the caller
    may still be loading the next ones); returns (not cancelled, the tasks a broken pool left, in
    the order they were submitted)."""
    context = multiprocessing.get_context("spawn")
    left: list[tuple[int, Task]] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm,
                             initargs=(handover,)) as pool:
        futures: dict[Future[Rendered | list[Answer]], tuple[int, Task]] = {}
        pending: set[Future[Rendered | list[Answer]]] = set()

        def collect(timeout: float) -> bool:
            """Report what has finished (waiting up to ``timeout``); False when cancelled."""
            nonlocal pending
            if cancelled():
                pool.shutdown(wait=False, cancel_futures=True)
                return False
            finished, pending = wait(pending, timeout=timeout, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: futures[f][0]):
                index, task = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    left.append((index, task))
                except Exception as err:
                    for key in _keys(task):
                        on_done(key, None, _error(err))
                else:
                    _report(task, result, on_done)
            return True

        for index, task in enumerate(tasks):
            try:
                future = pool.submit(_guarded, render, task)
            except BrokenProcessPool:
                left.append((index, task))
                continue
            futures[future] = (index, task)
            pending.add(future)
            if not collect(0):
                return False, []
        while pending:
            if not collect(POLL_SECONDS):
                return False, []
    return True, [task for _index, task in sorted(left, key=lambda item: item[0])]


def render_all(tasks: Iterable[Task], on_done: Done, *, cancelled: Callable[[], bool] = lambda: False,
               workers: int | None = None, count: int | None = None, render: Render = work,
               handover: tuple[str, str | None] | None = None) -> bool:
    """Render every task, calling ``on_done(key, rendered, None)`` or ``on_done(key, None, error)`` in
    this process for each row as its task finishes. ``count`` is how many rows ``tasks`` will
    answer for at most (it sizes the pool; default the number of tasks). ``handover``: the run's
    database, for the workers to load ``LoadTask`` rows from (``Database.handover``). Returns False
    when ``cancelled()`` stopped it (the rows not reported were not rendered or their results were
    dropped)."""
    if count is None:
        tasks = list(tasks)
        count = len(tasks)
    size = pool_size(count, workers)
    if size == 1:  # one organization or one core: no process to start
        return _in_process(tasks, on_done, cancelled, render)
    finished, left = _pooled(tasks, size, on_done, cancelled, render, handover)
    while finished and left:
        # A worker died. One worker runs the tasks it took down in order, a row per task: when it
        # dies too, the first row not answered is the one that stops its process; the rest go back
        # to a full pool.
        single: Sequence[Task] = [one for task in left for one in _one_per_row(task)]
        finished, again = _pooled(single, 1, on_done, cancelled, render, handover)
        if not finished or not again:
            break
        on_done(again[0].key, None, WorkerStopped(f"the process rendering row {again[0].key} stopped"))
        if cancelled():
            return False
        finished, left = _pooled(again[1:], pool_size(len(again) - 1, size), on_done, cancelled, render, handover)
    return finished
