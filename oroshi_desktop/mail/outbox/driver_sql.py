"""The send loop's statements on the driver's own cursor, compiled once per dialect.

Through SQLAlchemy's ``Connection.execute`` each of the loop's prebuilt statements cost about as
much Python as the database took to run it (parameter processing, result set-up, events), on the
database thread that the sending thread shares the GIL with; and on PostgreSQL each statement is a
round trip of its own. Here a Core statement (the same statement object, so the same SQL) is
compiled once for the dialect, with SQLAlchemy's own bind and result processors taken from its
types, and run on the DBAPI cursor: no SQL is written by hand and every value is still a bound
parameter. On PostgreSQL the statements of one step are sent together in psycopg's pipeline mode
(one round trip for all of them, the transaction and its order unchanged).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

_Processor = Callable[[Any], Any] | None


class DriverStatement:
    """One Core statement compiled for a dialect: its SQL, how to order and convert its parameters,
    and how to convert the columns it returns."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        # The parameters the caller gives; the rest are the statement's constants. Its constant IN
        # lists (``state IN (…)``) are expanded once here, with a placeholder for each of the
        # caller's values (replaced at every execution).
        self.required = {name for bind, name in compiled.bind_names.items() if bind.required}
        expanded = compiled.construct_expanded_state({name: None for name in self.required})
        self.sql = expanded.statement
        self._defaults = {name: value for name, value in expanded.parameters.items() if name not in self.required}
        self._positional = list(expanded.positiontup) if expanded.positiontup is not None else None
        self._binds: dict[str, _Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect) for bind, name in compiled.bind_names.items()}
        for name, names in (expanded.parameter_expansion or {}).items():  # an IN list's values: its type's
            self._binds.update(dict.fromkeys(names, self._binds.get(name)))
        selected = getattr(statement, "selected_columns", None)
        self._results: list[_Processor] = [
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in selected or []]

    def parameters(self, values: dict[str, Any]) -> Sequence[Any] | dict[str, Any]:
        if values.keys() != self.required:
            raise ValueError(f"parameters {sorted(values)} given, {sorted(self.required)} needed")
        merged = {**self._defaults, **values}
        for name, process in self._binds.items():
            if process is not None and merged.get(name) is not None:
                merged[name] = process(merged[name])
        if self._positional is not None:
            return [merged[name] for name in self._positional]
        return merged

    def row(self, found: Sequence[Any] | None) -> tuple[Any, ...] | None:
        if found is None:
            return None
        return tuple(value if process is None or value is None else process(value)
                     for process, value in zip(self._results, found, strict=True))


class DriverStatements:
    """The prebuilt statements of a module, compiled on first use for each dialect."""

    def __init__(self, **statements: ClauseElement) -> None:
        self._statements = statements
        self._compiled: dict[str, dict[str, DriverStatement]] = {}

    def of(self, dialect: Dialect) -> dict[str, DriverStatement]:
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = {
                name: DriverStatement(statement, dialect) for name, statement in self._statements.items()}
        return found


class Pending:
    """A statement sent on the driver's cursor; its outcome is read once the batch is back."""

    def __init__(self, batch: DriverBatch, cursor: Any, statement: DriverStatement) -> None:
        self._batch = batch
        self._cursor = cursor
        self._statement = statement

    @property
    def rowcount(self) -> int:
        with self._batch.errors(self._statement.sql):
            return int(self._cursor.rowcount)

    def first(self) -> tuple[Any, ...] | None:
        with self._batch.errors(self._statement.sql):
            found = self._cursor.fetchone()
        return self._statement.row(found)


class DriverBatch:
    """Statements run on one SQLAlchemy connection's driver connection, inside its transaction.

    On PostgreSQL (psycopg 3) ``together()`` sends everything executed in it at once and waits for
    the answers once (pipeline mode); elsewhere statements run one by one, as they come.
    """

    def __init__(self, connection: Connection, statements: DriverStatements) -> None:
        self._connection = connection
        self._driver = connection.connection.driver_connection
        self._statements = statements.of(connection.dialect)
        self._pipelined = connection.dialect.name == "postgresql"
        self._cursors: list[Any] = []

    def execute(self, name: str, values: dict[str, Any]) -> Pending:
        statement = self._statements[name]
        parameters = statement.parameters(values)
        with self.errors(statement.sql):
            cursor = self._driver.cursor()  # type: ignore[union-attr]
            self._cursors.append(cursor)
            if self._connection._has_events or self._connection.engine._has_events:
                # Whoever listens to the engine's statements (tests, tracing) still hears these.
                self._connection.dispatch.before_cursor_execute(self._connection, cursor, statement.sql, parameters,
                                                                None, False)
            cursor.execute(statement.sql, parameters)
        return Pending(self, cursor, statement)

    @contextmanager
    def errors(self, sql: str | None) -> Iterator[None]:
        """The driver's errors as SQLAlchemy raises them (``OperationalError`` for an unreachable
        database, …), the connection invalidated when it is gone: the callers' handling of an
        outage or a lock is the same as on ``Connection.execute``. Parameters are never shown."""
        dialect = self._connection.dialect
        try:
            yield
        except dialect.loaded_dbapi.Error as err:
            gone = dialect.is_disconnect(err, self._connection.connection.dbapi_connection, None)
            if gone:
                self._connection.invalidate(err)
            raise sa_exc.DBAPIError.instance(sql, None, err, dialect.loaded_dbapi.Error, hide_parameters=True,
                                             connection_invalidated=gone, dialect=dialect) from err

    def close(self) -> None:
        """Close every cursor (SQLite keeps a statement not read to its end open until then)."""
        with suppress(self._connection.dialect.loaded_dbapi.Error):
            for cursor in self._cursors:
                cursor.close()
        self._cursors.clear()

    @contextmanager
    def together(self) -> Iterator[None]:
        with self.errors(None), self._driver.pipeline() if self._pipelined else nullcontext():  # type: ignore[union-attr]
            yield
