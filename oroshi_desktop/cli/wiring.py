"""What the queue commands open: the database (checked, with a readable error), the job runtime,
the queue's tasks and the job ledger. ``jobs`` and Huey are imported inside, so other commands
never load them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from oroshi_desktop.cli.common import open_db, require_healthy
from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database

if TYPE_CHECKING:  # for the type checker only: these modules load when a queue command runs
    from jobs.queue.tasks import Tasks
    from jobs.runtime import Runtime
    from oroshi_desktop.ledger import Ledger


def checked_database(settings: Settings, *, upgrade_embedded: bool = True) -> Database:
    """The configured database, opened and checked. The embedded database is the app's own file:
    with ``upgrade_embedded`` it is brought up to date as the GUI does."""
    database = open_db(settings, upgrade=upgrade_embedded and settings.is_embedded_database)
    try:
        require_healthy(database)
    except BaseException:
        database.dispose()
        raise
    return database


@contextmanager
def opened_database(settings: Settings) -> Iterator[Database]:
    """``checked_database`` for one command's ``with`` block, disposed when the block ends."""
    database = checked_database(settings)
    try:
        yield database
    finally:
        database.dispose()


def job_runtime(settings: Settings) -> Runtime:
    """The runtime the tasks use, on a database checked once here (a readable error, not a failed job)."""
    from jobs.runtime import Runtime

    return Runtime(settings, db=checked_database(settings), owns_db=True, follow_settings_file=True)


def job_tasks(settings: Settings, runtime: Runtime | None = None) -> Tasks:
    """The queue's tasks, after checking that the queue answers: queueing into a queue nobody can
    reach would lose the job."""
    from jobs.queue.instance import make_huey, probe_queue
    from jobs.queue.tasks import register_tasks

    chosen = runtime or job_runtime(settings)
    huey = make_huey(settings)
    probe_queue(huey, settings)
    return register_tasks(huey, lambda: chosen)


class LedgerSession:
    """The job ledger for one command: the database opened (an embedded one brought up to date)."""

    def __init__(self, settings: Settings) -> None:
        from oroshi_desktop.ledger import Ledger

        self.database = checked_database(settings)
        self.ledger = Ledger.for_settings(self.database, settings)

    def __enter__(self) -> Ledger:
        return self.ledger

    def __exit__(self, *_exc: object) -> None:
        self.database.dispose()
