"""The window never waits on the network: with the shared database unreachable (a blackholed port:
it listens but never answers, so every connection attempt hangs until the connect timeout), the
app starts its queue, the clerk queues 今すぐ送信 and the view watches the job, and the Qt event loop
keeps turning. Two checks: no connection to the database is ever attempted on the GUI thread (an
SQLAlchemy connect event records the thread), and a 10 ms timer measures the gaps between its ticks:
a read on the GUI thread would freeze the loop for the connect timeout (10 s); a gap over 100 ms
fails unless a plain Python thread ticking beside it was held up at the same time (the machine
starved the whole process, as a CI box running other suites does; a network wait on the GUI thread
releases the GIL and leaves that thread ticking). A responsiveness check of the loop, not a benchmark."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.ledger import Ledger
from ui.qt import QCoreApplication, QEvent, QTimer

TICK_MS = 10
STALL_LIMIT = 0.100  # seconds


class LoopWatch:
    """The gaps between the ticks of a short timer while the event loop runs (start, length)."""

    def __init__(self) -> None:
        self.gaps: list[tuple[float, float]] = []
        self.ticks = 0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    @property
    def longest(self) -> float:
        return max((length for _, length in self.gaps), default=0.0)

    def start(self) -> None:
        self._last = time.monotonic()
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.gaps.append((self._last, now - self._last))
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


class ThreadWatch(threading.Thread):
    """The same ticks from a plain Python thread: what the machine itself did to the process."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.gaps: list[tuple[float, float]] = []
        self.running = threading.Event()

    def run(self) -> None:
        last = time.monotonic()
        self.running.set()
        while self.running.is_set():
            time.sleep(TICK_MS / 1000)
            now = time.monotonic()
            self.gaps.append((last, now - last))
            last = now

    def stop(self) -> None:
        self.running.clear()
        self.join(5)

    def held_up(self, start: float, length: float) -> bool:
        """Was this thread kept from ticking for at least half of the loop's gap, inside it?"""
        end = start + length
        return any(length <= 2 * gap and s < end and s + gap > start for s, gap in self.gaps)


def unexplained_stalls(loop: LoopWatch, control: ThreadWatch) -> list[float]:
    return [round(length * 1000) for start, length in loop.gaps
            if length >= STALL_LIMIT and not control.held_up(start, length)]


@pytest.fixture
def blackhole() -> Iterator[socket.socket]:
    """A listening socket that takes connections into its backlog and never answers them;
    closing it resets them, so the reads waiting on it end at once."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        yield listener
    finally:
        listener.close()


def test_the_window_keeps_turning_while_the_database_does_not_answer(qapp, qtbot, blackhole) -> None:
    from jobs.queue.instance import make_huey
    from jobs.queue.tasks import register_tasks
    from jobs.runtime import Runtime
    from ui.app import QueueStarter, install_font
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.operations import wait_for_operations

    install_font(qapp)
    port = blackhole.getsockname()[1]
    settings = replace(load_settings(), database_url=f"postgresql://clerk@127.0.0.1:{port}/oroshi")
    database = open_database(settings.database_url)  # opens nothing yet: connections are made on use
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)
    window = MainWindow(ctx)
    runtime = Runtime(settings, db=database)
    tasks = register_tasks(make_huey(settings), lambda: runtime)  # the queue's tasks, as the starter makes them
    watch, control = LoopWatch(), ThreadWatch()
    gui_thread, connects_on_gui = threading.get_ident(), []

    def connecting(*_: object) -> None:
        if threading.get_ident() == gui_thread:
            connects_on_gui.append(time.monotonic())

    event.listen(Engine, "do_connect", connecting)
    starter = None
    try:
        window.show()  # the views ask for their first page (on a pool thread); the monitor pings
        QCoreApplication.processEvents()  # the first paint: drawing, not waiting
        statements = window.show_view("statements")  # the clerk goes to 支払明細書 (今日 opens first)
        QCoreApplication.processEvents()  # building a view is drawing too; its first page is read on a pool thread
        control.start()
        control.running.wait(5)
        watch.start()
        # The app starts its queue: the sweep, the stale-mail recovery and the mail check read the ledger.
        starter = QueueStarter(qapp, ctx, prepared=True, max_delay=0.2)
        starter.start()
        ctx.attach_tasks(tasks)  # as if a queue were running: the clerk can queue
        statements._queue(lambda queue: queue.enqueue_mail(1), 1)  # 今すぐ送信: the ledger row and the queue
        statements.jobs.watch(7, 1)  # a job queued earlier, watched until it ends
        statements.jobs.poll()
        qtbot.wait(3000)
        # Each of them is still waiting for the database, on a pool thread.
        assert starter.queue is None and starter._starting
        assert statements.jobs.watched == {7: 1} and statements.jobs._reading
        assert watch.ticks > 100
        assert connects_on_gui == [], "the GUI thread tried to connect to the database"
        assert unexplained_stalls(watch, control) == [], (
            f"the event loop stalled (ms; longest {watch.longest * 1000:.0f}) while the process was not starved")
    finally:
        event.remove(Engine, "do_connect", connecting)
        watch.stop()
        control.stop()
        window.monitor.stop()
        if starter is not None:
            starter.stop()
            starter.deleteLater()
        window.close()
        window.deleteLater()  # the answers that come now find no window: their callbacks are skipped
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        blackhole.close()  # the waiting connections are reset: the reads fail and the pool drains
        wait_for_operations(30000)
        ledger.dispose()
        database.dispose()
