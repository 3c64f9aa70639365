"""The one search rule of the lists: a text anywhere in a column, any case, wildcards taken literally."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

from oroshi_desktop.queries.search_text import contains

NAMES = ["Oroshi_Salmon", "OroshiXSalmon", "100% 鮭", "1000 鮭", "back\\slash", "backslash", "サーモン水産"]


@pytest.fixture
def names():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    table = Table("names", MetaData(), Column("id", Integer, primary_key=True), Column("name", String))
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table), [{"name": name} for name in NAMES])

    def found(text: str) -> list[str]:
        with engine.connect() as conn:
            return list(conn.scalars(select(table.c.name).where(contains(table.c.name, text)).order_by(table.c.id)))

    yield found
    engine.dispose()


@pytest.mark.parametrize(("text", "expected"), [
    ("_", ["Oroshi_Salmon"]),             # not "any one character"
    ("i_s", ["Oroshi_Salmon"]),
    ("%", ["100% 鮭"]),                    # not "anything"
    ("\\", ["back\\slash"]),               # the escape character itself
    ("salmon", ["Oroshi_Salmon", "OroshiXSalmon"]),  # any case
    ("モン水", ["サーモン水産"]),
    ("nothing", []),
])
def test_a_search_text_is_matched_as_written(names, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert names(text) == expected
