"""Rendering a run's statement PDFs in parallel processes: one task per organization, as many
worker processes as the machine has cores (never more than there are organizations).

Isolation per organization is kept: a task that raises fails alone with its error, and a worker
process that dies (the pool is then broken) costs only its own organization: the tasks it took down
are rendered again in a pool of one worker, which runs them in order, so the first one not answered
when that worker dies too is the one that stops its process; it is named, and the rest go back to a
full pool. The caller learns each result as it arrives (its progress) and may cancel between
results: tasks not yet started are dropped, and ``render_all`` returns when the ones already
running have ended (at most one per worker), without reporting them. Workers are started with
``spawn`` on every OS (the same on Windows, and safe in a process that runs threads: the GUI and
the queue's consumer); a frozen build starts them through ``freeze_support`` in its entry point.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from oroshi_desktop.errors import UserError

__all__ = ["RenderTask", "Rendered", "WorkerStopped", "pool_size", "render_all", "render_task", "usable_cores"]


@dataclass(frozen=True)
class Rendered:
    """One organization's statements as a worker gives them back."""

    keys: dict[str, str]  # each format's content key (``statement_versions.content_key``)
    documents: list[tuple[str, bytes, str]]  # (format, PDF bytes, password)


Done = Callable[[int, "Rendered | None", "BaseException | None"], None]
Render = Callable[["RenderTask"], Rendered]

POLL_SECONDS = 0.1  # how often a wait for results looks at the cancel flag


@dataclass(frozen=True)
class RenderTask:
    """One organization's statements to render: ``key`` is the caller's (the organization row id).
    ``keys``: their content keys when the caller made them already; None: the worker makes them."""

    key: int
    statements: tuple[tuple[str, Any, str], ...]  # (format, PaymentStatement, password)
    keys: dict[str, str] | None = None


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
    from oroshi_desktop.statement_versions import content_key
    from printables.statement import render_statement

    keys = task.keys if task.keys is not None else {
        fmt: content_key(statement) for fmt, statement, _password in task.statements}
    return Rendered(keys, [(fmt, render_statement(statement, password=password), password)
                           for fmt, statement, password in task.statements])


def _guarded(render: Render, task: RenderTask) -> Rendered:
    """``render`` in a worker, its ``UserError`` sent back whole."""
    try:
        return render(task)
    except UserError as err:
        raise _Refused(err.message, err.message_ja) from None


def _error(err: BaseException) -> BaseException:
    return UserError(err.message, err.message_ja) if isinstance(err, _Refused) else err


def _warm() -> None:
    """A worker loads ReportLab and the fonts once, before its first task."""
    import oroshi_desktop.statement_versions  # noqa: F401
    import printables.statement  # noqa: F401


def _in_process(tasks: Iterable[RenderTask], on_done: Done, cancelled: Callable[[], bool], render: Render) -> bool:
    for task in tasks:
        if cancelled():
            return False
        try:
            result = render(task)
        except Exception as err:  # this organization's data: it fails alone
            on_done(task.key, None, err)
        else:
            on_done(task.key, result, None)
    return True


def _pooled(tasks: Iterable[RenderTask], workers: int, on_done: Done, cancelled: Callable[[], bool],
            render: Render) -> tuple[bool, list[RenderTask]]:
    """Render in a pool of ``workers``, submitting each task as ``tasks`` yields it (the caller
    may still be loading the next ones); returns (not cancelled, the tasks a broken pool left, in
    the order they were submitted)."""
    context = multiprocessing.get_context("spawn")
    left: list[tuple[int, RenderTask]] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm) as pool:
        futures: dict[Future[Rendered], tuple[int, RenderTask]] = {}
        pending: set[Future[Rendered]] = set()

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
                    on_done(task.key, None, _error(err))
                else:
                    on_done(task.key, result, None)
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


def render_all(tasks: Iterable[RenderTask], on_done: Done, *, cancelled: Callable[[], bool] = lambda: False,
               workers: int | None = None, count: int | None = None, render: Render = render_task) -> bool:
    """Render every task, calling ``on_done(key, rendered, None)`` or ``on_done(key, None, error)`` in
    this process as each finishes. ``count`` is how many tasks ``tasks`` will yield at most (it
    sizes the pool; default its length). Returns False when ``cancelled()`` stopped it (the tasks
    not reported were not rendered or their results were dropped)."""
    if count is None:
        tasks = list(tasks)
        count = len(tasks)
    size = pool_size(count, workers)
    if size == 1:  # one organization or one core: no process to start
        return _in_process(tasks, on_done, cancelled, render)
    finished, left = _pooled(tasks, size, on_done, cancelled, render)
    while finished and left:
        # A worker died. One worker runs the tasks it took down in order: when it dies too, the
        # first task not answered is the one that stops its process; the rest go back to a full pool.
        finished, again = _pooled(left, 1, on_done, cancelled, render)
        if not finished or not again:
            break
        on_done(again[0].key, None, WorkerStopped(f"the process rendering row {again[0].key} stopped"))
        if cancelled():
            return False
        finished, left = _pooled(again[1:], pool_size(len(again) - 1, size), on_done, cancelled, render)
    return finished
