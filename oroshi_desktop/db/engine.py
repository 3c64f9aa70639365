"""Opening the shared database: URL checks, the keyring password, SQLite write locking.

SQLite write transactions start with ``BEGIN IMMEDIATE``: with a deferred BEGIN two writers can
both read and then fail to upgrade their lock ("database is locked") despite the busy timeout.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, CursorResult, Result, make_url

from oroshi_desktop import secrets
from oroshi_desktop.db.permissions import permission_denied
from oroshi_desktop.errors import DatabaseLocked, DatabaseUnavailable, SecretStoreError
from oroshi_desktop.urls import DatabaseUrlProblem, database_url, redact_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


P = ParamSpec("P")
T = TypeVar("T")


def parse_database_url(raw: str) -> URL:
    """The URL the store opens, after the one check of ``urls.database_url`` (no password in it:
    refused before anything can connect with it, log it or echo it)."""
    try:
        database_url(raw)
    except DatabaseUrlProblem as problem:
        if problem.kind == "secret":
            raise DatabaseUnavailable(
                f"{problem}; store it in the OS keyring instead (oroshi-desktop db set-password)",
                "データベースURLにパスワードが含まれています。OSのキーリングに保存してください"
                "（oroshi-desktop db set-password）",
            ) from None
        if problem.kind == "backend":
            raise DatabaseUnavailable(
                f"database URL {redact(raw)!r}: {problem}",
                f"データベースURL {redact(raw)!r}: 対応していないデータベースです（sqlite か postgresql）",
            ) from None
        raise DatabaseUnavailable(
            f"database URL {redact(raw)!r} is not a valid URL (expected sqlite:///FILE or postgresql://USER@HOST/DB)",
            f"データベースURL {redact(raw)!r} が正しくありません（sqlite:///ファイル または postgresql://ユーザー@ホスト/DB）",
        ) from None
    url = make_url(raw.strip())
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def rows_changed(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE changed (``Session.execute`` is typed as the general ``Result``)."""
    return cast("CursorResult[Any]", result).rowcount


def redact(raw: str) -> str:
    """The URL with any password masked (user info and query), for messages and logs."""
    return redact_url(raw)


def _password_for(url: URL) -> str | None:
    if url.get_backend_name() != "postgresql" or not url.username:
        return None
    key = secrets.database_key(url.username, url.host or "localhost", url.port, url.database)
    try:
        return secrets.get_secret(key)
    except SecretStoreError as err:
        # Trust or peer authentication needs no password; the auth error, if any, says more.
        log.info("no database password from the keyring: %s", err)
        return None


SQLITE_BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
# How long a writer waits for another process's write lock before it gives up (DatabaseLocked).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        # BEGIN takes no parameters: the mode is spliced in, so only SQLite's own keywords pass.
        if mode not in SQLITE_BEGIN_MODES:
            raise ValueError(f"sqlite_begin must be one of {SQLITE_BEGIN_MODES}, got {mode!r}")
        conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass
class Database:
    """An engine plus session factories; ``write()`` and ``read()`` are the only ways in."""

    engine: Engine
    url: URL
    typed_url: str = ""  # the URL as the user wrote it (shown in messages; ``url`` names the driver)

    def __post_init__(self) -> None:
        self._reader_bind = (self.engine.execution_options(sqlite_begin="DEFERRED")
                             if self.dialect == "sqlite" else self.engine)
        self._factories: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _sessions(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The writing and the reading session factory, made on first use: the ORM (≈ 0.1 s to
        import) loads with the first session, and the window's first view reads on a connection
        (``read_rows``), so a start paints without it (issue 20 point 1). Two threads may both make
        them; either pair is the same."""
        if self._factories is None:
            from sqlalchemy.orm import sessionmaker

            self._factories = (sessionmaker(bind=self.engine, expire_on_commit=False),
                               sessionmaker(bind=self._reader_bind, expire_on_commit=False))
        return self._factories

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_file(self) -> str:
        """The SQLite file's path, or the URL for a server (what a message names)."""
        if self.dialect == "sqlite" and self.url.database not in (None, "", ":memory:"):
            return str(Path(str(self.url.database)).expanduser())
        return self.display_url

    @property
    def display_url(self) -> str:
        """The URL for messages: as the user typed it (``postgresql://…``, not the driver's
        ``postgresql+psycopg://…``), any secret masked."""
        return redact_url(self.typed_url or self.url.render_as_string(hide_password=True))

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction, committed on success and rolled back on error."""
        with self.errors_named(), self._sessions()[0]() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closing it ends the transaction but keeps loaded objects usable."""
        with self.errors_named(), self._sessions()[1]() as session:
            yield session

    @contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A connection for reading Core statements (``db.tables``), as ``read()`` begins it (SQLite's
        deferred BEGIN), without the ORM; closing it ends the transaction."""
        with self.errors_named(), self._reader_bind.connect() as conn:
            yield conn

    @contextmanager
    def errors_named(self) -> Iterator[None]:
        """A missing right (role without SELECT on a table …) or another program's lock on the
        SQLite file leaves the block as one ``UserError`` saying what it is (sessions use it; so
        does work on the engine's own connection, such as a schema upgrade)."""
        try:
            yield
        except exc.DBAPIError as err:
            named = permission_denied(err) or database_locked(err, self.display_file)
            if named is None:
                raise
            raise named from None

    def reading(self, query: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``query(session, *args, **kwargs)`` in a read session: how the window and the CLI run a
        query of the store without holding a session (or SQLAlchemy) themselves."""
        with self.read() as session:
            return query(session, *args, **kwargs)

    def writing(self, change: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``change(session, *args, **kwargs)`` in one write transaction, committed on success."""
        with self.write() as session:
            return change(session, *args, **kwargs)

    def server_version(self) -> str:
        """``SQLite 3.x`` or ``PostgreSQL 15.x``, as バージョン情報 shows it (a query: not on the GUI thread)."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                return f"SQLite {conn.execute(text('select sqlite_version()')).scalar()}"
            return f"PostgreSQL {conn.execute(text('show server_version')).scalar()}"

    def ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                # A read: SQLite's deferred BEGIN, so a ping never waits for another process's write lock.
                conn.execution_options(sqlite_begin="DEFERRED").execute(text("SELECT 1"))
        except exc.OperationalError as err:
            raise DatabaseUnavailable(
                f"cannot connect to the database {self.display_url}: {_first_line(err)}",
                f"データベース {self.display_url} に接続できません: {_first_line(err)}",
            ) from None

    def dispose(self) -> None:
        self.engine.dispose()

    def handover(self) -> tuple[str, str | None] | None:
        """What a process this one starts needs to open the same database itself
        (``reopen_database``): the URL as typed and the password this process connected with (not
        read from the keyring again; it travels only over the pipe to that process). None when no
        other process can open it: an in-memory SQLite database, or one opened without its URL."""
        if not self.typed_url or (self.dialect == "sqlite" and self.url.database in (None, "", ":memory:")):
            return None
        return self.typed_url, self.engine.url.password


def reopen_database(handover: tuple[str, str | None]) -> Database:
    """The database another process of the app opened (``Database.handover``), opened again in a
    process it started: no folder made, no page check (the other process did both), its password."""
    typed_url, password = handover
    return open_database(typed_url, create_folder=False, check_pages=False, password=password)


def database_locked(err: BaseException, where: str | None = None) -> DatabaseLocked | None:
    """SQLite's "database is locked" (busy: another process kept the write lock past the busy
    timeout) as one line naming ``where`` (the file): the file is intact and unchanged, so no
    repair or backup advice. None for any other error."""
    orig = getattr(err, "orig", None) or err
    name = getattr(orig, "sqlite_errorname", "") or ""
    if not (name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
            or (isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig))):
        return None
    place, place_ja = (f"the database {where}", f"データベース {where} ") if where else ("the database", "データベース")
    return DatabaseLocked(
        f"{place} is in use: another program holds it while it writes; nothing was changed. "
        "Try again when that program has finished",
        f"{place_ja}は別のプログラムが書き込み中で使えません。何も変更していません。"
        "そのプログラムの処理が終わってからもう一度お試しください")


def is_connection_error(err: BaseException) -> bool:
    """The database went away (network, server restart), as opposed to a bug or a bad record."""
    return isinstance(err, DatabaseUnavailable | exc.OperationalError | exc.InterfaceError)


def is_database_error(err: BaseException) -> bool:
    """Any error of the database or its driver (as opposed to the data or the code that uses it)."""
    return isinstance(err, exc.SQLAlchemyError)


def database_error(where: str, err: BaseException) -> exc.SQLAlchemyError:
    """An error of the database that another process met (told as ``err``), as this process's own
    (``is_database_error``, ``is_connection_error``: the job retries)."""
    return exc.OperationalError(where, None, err)


def unreachable_reason(err: BaseException) -> str | None:
    """The driver's first line when ``err`` says the database could not be reached or answered
    (an ``OperationalError``), for the CLI's one-line error; None for anything else."""
    return _first_line(err) if isinstance(err, exc.OperationalError) else None


def _first_line(err: BaseException) -> str:
    orig = getattr(err, "orig", None) or err
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


# What every PostgreSQL connection of the app passes to psycopg: a dropped office network fails in 10 s.
CONNECT_ARGS = {"connect_timeout": 10, "application_name": "oroshi-desktop"}


def psycopg_connect_parameters(raw_url: str) -> dict[str, Any]:
    """``psycopg.connect`` keywords for a ``postgresql://USER@HOST:PORT/DB`` URL (the job queue's):
    checked like the database URL, the password from the OS keyring, never in a connection string."""
    url = parse_database_url(raw_url)
    if url.get_backend_name() != "postgresql":
        raise DatabaseUnavailable(f"{redact(raw_url)!r} is not a postgresql:// URL",
                                  f"{redact(raw_url)!r} は postgresql:// のURLではありません")
    parameters: dict[str, Any] = {**CONNECT_ARGS, **url.query, "host": url.host or "localhost",
                                  "port": url.port or 5432, "dbname": url.database, "user": url.username}
    password = _password_for(url)
    if password:
        parameters["password"] = password
    return parameters


_FROM_KEYRING = "\0keyring"  # open_database's default: the password is the keyring's


def open_database(raw_url: str, *, create_folder: bool = True, check_pages: bool = True,
                  password: str | None = _FROM_KEYRING, **engine_kwargs: Any) -> Database:
    """The database at ``raw_url``; an embedded file is checked first (``check_embedded_database``:
    every page unless ``check_pages`` is false, as the window does on the GUI thread). A server's
    password is read from the OS keyring unless ``password`` is given (``reopen_database``)."""
    url = parse_database_url(raw_url)
    # A failed statement's text never carries its parameters (business data, names, amounts) into
    # an exception message, a log line or stderr.
    engine_kwargs.setdefault("hide_parameters", True)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and create_folder:
            folder = Path(url.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:  # a read-only home, a full disk: said as what it is
                from oroshi_desktop.errors import write_refused

                raise write_refused(folder / Path(url.database).name, err) from None
        if url.database and url.database != ":memory:":
            from oroshi_desktop.db.integrity import check_embedded_database

            # A damaged file: one line, untouched.
            check_embedded_database(Path(url.database).expanduser(), thorough=check_pages)
        engine = create_engine(url, **engine_kwargs)
        _sqlite_setup(engine)
    else:
        if password == _FROM_KEYRING:
            password = _password_for(url)
        connect_url = url.set(password=password) if password else url
        engine_kwargs.setdefault("pool_pre_ping", True)
        engine_kwargs.setdefault("connect_args", dict(CONNECT_ARGS))
        engine = create_engine(connect_url, **engine_kwargs)
    return Database(engine=engine, url=url, typed_url=raw_url)
