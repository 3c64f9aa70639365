"""What every command needs: the configured database, opened and checked."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.errors import SchemaError

Handler = Callable[[argparse.Namespace, Settings], int]  # what a command runs (``set_defaults(handler=…)``)


def open_db(settings: Settings, *, upgrade: bool = False) -> Database:
    from oroshi_desktop.db import schema  # Alembic and every model: not on the window's start path

    database = open_database(settings.effective_database_url)
    database.ping()
    # Already at the newest revision (a read): no write lock is taken, so a listing never waits
    # for another process's write (it waited 31 s for the busy timeout).
    if upgrade and schema.current_revision(database) != schema.head_revision(database):
        schema.upgrade(database)
    return database


def require_healthy(database: Database) -> None:
    """Refuse to work on a database whose schema is incomplete, naming what is missing."""
    from oroshi_desktop.db import schema

    problems = schema.check(database)
    if problems:
        raise SchemaError(
            "the database is not ready: " + "; ".join(p.describe() for p in problems[:5])
            + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            + " — run: oroshi-desktop db check",
            "データベースの準備ができていません: " + "、".join(p.describe_ja() for p in problems[:5]),
        )


def print_lines(lines: Sequence[str], empty: str) -> int:
    """A listing command's output: one line a row, or ``empty`` when there are no rows; its exit status."""
    for line in lines or (empty,):
        print(line)
    return 0


def add_list_command(commands: Any, help_text: str, states: Sequence[str], handler: Handler) -> Any:
    """``list [--state STATE]... [--limit N]``, the listing of a ledger or a queue (newest 50 by default)."""
    listing = commands.add_parser("list", help=help_text)
    listing.add_argument("--state", action="append", choices=states)
    listing.add_argument("--limit", type=positive_int, default=50)
    listing.set_defaults(handler=handler)
    return listing


def add_record_command(commands: Any, name: str, help_text: str, handler: Handler) -> Any:
    """``NAME ID``: a command on one row, by its database id (refused by the parser unless an id)."""
    command = commands.add_parser(name, help=help_text)
    command.add_argument("id", type=record_id)
    command.set_defaults(handler=handler)
    return command


# ---- argument types: a wrong value is refused by the parser, before anything is opened -------

MAX_RECORD_ID = 2**63 - 1  # PostgreSQL bigint and SQLite INTEGER; larger ids cannot exist


def _integer(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ({what})") from None


def record_id(text: str) -> int:
    """A database id: a whole number from 1 to 2^63-1."""
    value = _integer(text, "an id")
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number from 1 to {MAX_RECORD_ID})")
    return value


def positive_int(text: str) -> int:
    """A count: 1 or more (and small enough to mean something)."""
    value = _integer(text, "1 or more")
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range (1 to 1,000,000)")
    return value


def non_negative_int(text: str) -> int:
    value = _integer(text, "0 or more")
    if not 0 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range (0 or more)")
    return value


def lease_minutes(text: str) -> float:
    """A lease in minutes: a finite number, 0 or more (0: every row in progress counts as stale now,
    for an operator who knows the sender was killed); ``nan`` and ``inf`` are not durations."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(value) or not 0 <= value <= 60 * 24 * 366:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes (0 or more)")
    return value


class OneLineParser(argparse.ArgumentParser):
    """A usage mistake is one line naming the argument, like every other user error of the CLI;
    the full usage stays one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")
