"""Shared fixtures: isolated app folders, an in-memory keyring, and databases on SQLite and on a
real PostgreSQL cluster that the suite starts itself (once per session).

The ``db`` fixture runs each test three times: on SQLite, on PostgreSQL created by the app, and
on PostgreSQL created from the web system's real schema (``tests/fixtures/oroshi_schema.sql``).
"""

from __future__ import annotations

import inspect
import itertools
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import CodeType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from tests.helpers.clock import start_pinned_clock
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.pgserver import PgServer

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL_SCHEMA = FIXTURES / "oroshi_schema.sql"
_counter = itertools.count()
_PINNED = pytest.StashKey[datetime]()

DB_KINDS = ("sqlite", "pg_app", "pg_oroshi")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_PINNED] = start_pinned_clock()


# What builds the demo on "today": ``generate_demo``, and ``prepare_database`` (the embedded home's
# schema and demo data). A test that reaches one, in its own body, in any fixture it uses or in a
# helper of the suite these call, depends on the date and is marked `calendar` here, so
# `installer/dev.sh test-dates` runs it on the other dates too (decision 127): a new test that
# builds the demo cannot forget the marker. A test that builds it otherwise (the CLI's `demo` in a
# subprocess, a date it computes) carries the marker itself; one that builds the demo but holds on
# any date, and is too slow to run five times, says so with `any_date(reason)`.
DEMO_BUILDERS = frozenset({"generate_demo", "prepare_database"})
_reaches: dict[CodeType, bool] = {}


def _names(code: CodeType) -> Iterator[str]:
    """The global, imported and attribute names a function's code uses, nested functions included."""
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _names(constant)


def _reaches_a_builder(function: object) -> bool:
    """Whether ``function`` names a demo builder, itself or through the suite's own helpers it calls."""
    function = inspect.unwrap(function)  # type: ignore[arg-type]
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    if code not in _reaches:
        _reaches[code] = False  # a helper that calls itself (or a cycle) ends here
        names = set(_names(code))
        helpers = (getattr(function, "__globals__", {}).get(name) for name in names)
        _reaches[code] = not DEMO_BUILDERS.isdisjoint(names) or any(
            _reaches_a_builder(helper) for helper in helpers
            if inspect.isfunction(helper) and helper.__module__.startswith("tests."))
    return _reaches[code]


def _builds_the_demo(item: pytest.Item) -> bool:
    function = getattr(item, "function", None)
    info = getattr(item, "_fixtureinfo", None)  # the fixtures this test uses, however deep
    if function is None or info is None:
        return False
    fixtures = [fixture.func for definitions in info.name2fixturedefs.values() for fixture in definitions]
    return any(_reaches_a_builder(candidate) for candidate in [function, *fixtures])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("any_date") is None and _builds_the_demo(item):
            item.add_marker(pytest.mark.calendar)


def pytest_report_header(config: pytest.Config) -> str:
    return f"clock pinned at {config.stash[_PINNED].isoformat()} (TESTS_NOW; tests/helpers/clock.py)"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "oroshi-home"
    monkeypatch.setenv("OROSHI_HOME", str(home))
    for name in list(os.environ):
        if name.startswith("OROSHI_") and name not in ("OROSHI_HOME", "OROSHI_TEST_PG_BIN"):
            monkeypatch.delenv(name)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_templates(pg_server: PgServer) -> dict[str, str]:
    """Two template databases: one built by ``db upgrade`` alone, one from the real Oroshi schema."""
    pg_server.create_database("tmpl_app")
    app_db = open_database(pg_server.url("tmpl_app"))
    schema.upgrade(app_db)
    app_db.dispose()

    pg_server.create_database("tmpl_oroshi")
    pg_server.run_sql_file("tmpl_oroshi", ORIGINAL_SCHEMA)
    oroshi_db = open_database(pg_server.url("tmpl_oroshi"))
    schema.upgrade(oroshi_db)
    oroshi_db.dispose()
    return {"pg_app": "tmpl_app", "pg_oroshi": "tmpl_oroshi"}


def make_database(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    if kind == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'oroshi.sqlite3'}")
        schema.upgrade(database)
        return database
    server: PgServer = request.getfixturevalue("pg_server")
    templates: dict[str, str] = request.getfixturevalue("pg_templates")
    name = f"t{os.getpid()}_{next(_counter)}"
    url = server.create_database(name, template=templates[kind])
    database = open_database(url)
    request.addfinalizer(lambda: (database.dispose(), server.drop_database(name)))
    return database


@pytest.fixture(params=DB_KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, upgraded database of each kind."""
    database = make_database(request.param, request, tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    database = make_database("sqlite", request, tmp_path)
    yield database
    database.dispose()
