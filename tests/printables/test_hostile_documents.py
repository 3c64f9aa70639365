"""Property-based: hostile text in the fields of the shipping documents and the check sheet that
reach the PDF — a buyer's name and an order's note (packing slips, shipping list), a producer's
short name (check sheet). Loaded from a real SQLite database by the same queries the app uses,
rendered, and the text extracted: it equals the input minus what cannot be printed (control and
invisible format characters, and what the fonts lack: reported by ``missing_glyphs``, counted here).

The statement's own fields are in ``test_hostile_text.py``. Each test prints its case count.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import Buyer, Order, Supplier
from oroshi_desktop.queries import preferences
from oroshi_desktop.queries.check_sheet import load_check_sheet
from oroshi_desktop.queries.shipping import load_packing_slips, load_shipping_list
from printables.check_sheet import render_check_sheet
from printables.fonts import GOTHIC, missing_glyphs
from printables.packing_slips import render_packing_slips
from printables.shipping_list import render_shipping_list
from tests.printables.check_sheet_fixtures import DAY as SHEET_DAY
from tests.printables.check_sheet_fixtures import build_check_sheet_fixture
from tests.printables.shipping_fixtures import DAY as SHIP_DAY
from tests.printables.shipping_fixtures import build_shipping_fixture
from tests.printables.test_hostile_text import HOSTILE, ORDINARY, page_text, visible

SHORT = st.lists(st.one_of(HOSTILE, ORDINARY), min_size=1, max_size=8).map("".join).filter(lambda s: visible(s))
CASES: Counter[str] = Counter()
UNPRINTABLE: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report():  # type: ignore[no-untyped-def]
    yield
    print("\ngenerated PDF property cases:", dict(CASES), "| characters left out as unprintable:",
          sum(UNPRINTABLE.values()), dict(UNPRINTABLE.most_common(8)))


def _database(folder: Path) -> Database:
    database = open_database(f"sqlite:///{folder / 'oroshi.sqlite3'}")
    schema.upgrade(database)
    return database


@pytest.fixture(scope="module")
def shipping(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    database = _database(tmp_path_factory.mktemp("hostile-shipping"))
    with database.write() as session:
        ids = build_shipping_fixture(session)
        order_id = session.scalar(select(Order.id).where(Order.buyer_id == ids.hostile).order_by(Order.id).limit(1))
    yield database, ids, order_id
    database.dispose()


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    database = _database(tmp_path_factory.mktemp("hostile-sheet"))
    with database.write() as session:
        fx = build_check_sheet_fixture(session)
    yield database, fx
    database.dispose()


def _note_unprintable(value: str) -> None:
    for ch in missing_glyphs(value, GOTHIC):
        UNPRINTABLE[f"U+{ord(ch):04X}"] += 1


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=SHORT, note=SHORT)
def test_buyer_name_and_note_print_as_written(shipping, name: str, note: str) -> None:  # type: ignore[no-untyped-def]
    CASES["packing slips + shipping list"] += 1
    database, ids, order_id = shipping
    with database.write() as session:
        session.execute(update(Buyer).where(Buyer.id == ids.hostile).values(name=name))
        session.execute(update(Order).where(Order.id == order_id).values(note=note))
    with database.read() as session:
        slips = load_packing_slips(session, day=SHIP_DAY, carrier_id=ids.carrier_a)
        listing = load_shipping_list(session, day=SHIP_DAY)
        company = preferences.load_company(session)
    _note_unprintable(name + note)
    slip_text = page_text(render_packing_slips(slips, company))
    list_text = page_text(render_shipping_list(listing, company))
    for value in (name, note):
        assert visible(value) in slip_text, (value, slip_text[:300])
        assert visible(value) in list_text, (value, list_text[:300])


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(short_name=SHORT)
def test_producer_name_prints_on_the_check_sheet(sheet, short_name: str) -> None:  # type: ignore[no-untyped-def]
    CASES["check sheet"] += 1
    database, fx = sheet
    with database.write() as session:
        session.execute(update(Supplier).where(Supplier.id == fx.hamada).values(short_name=short_name))
    with database.read() as session:
        loaded = load_check_sheet(session, day=SHEET_DAY, prefecture_ids=[1, 2],
                                  reception_time_ids=[fx.morning, fx.afternoon, fx.night])
    _note_unprintable(short_name)
    assert visible(short_name) in page_text(render_check_sheet(loaded))
