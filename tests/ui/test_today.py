"""今日: the home view's counts against the same answers computed in Python from every row of a
scale-20 demo (SQLite and PostgreSQL), each line leading to its place, and the shell's contract
(``showToday``, ``todayView``, the first view at a first start, 今日 by preference)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    Order,
    OrderTemplate,
    OutboxMessage,
    ShippingMethod,
    Supply,
    SupplyDate,
)
from oroshi_desktop.ledger import Ledger
from tests.conftest import make_database
from tests.ui.conftest import settings_for
from tests.ui.pdf_fixtures import japanese_app
from ui.context import AppContext
from ui.qt import QMainWindow, QPushButton, Qt
from ui.today.view import LinkLine

TZ = ZoneInfo("Asia/Tokyo")
TODAY = date(2026, 12, 7)  # a Monday; the demo is anchored here and the view is told it is 10:00
NOW = datetime.combine(TODAY, time(10, 0), TZ)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass
class TodayEnv:
    database: Database
    ledger: Ledger
    ctx: AppContext


@pytest.fixture(scope="module", params=["sqlite", "pg_app"])
def demo20(request, tmp_path_factory) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """One scale-20 demo per database kind for the module (it takes a while to write)."""
    from oroshi_desktop.demo import generate_demo

    database = make_database(request.param, request, tmp_path_factory.mktemp(request.param))
    generate_demo(database, scale=20, seed=0, today=TODAY, tz=TZ)
    _add_todays_work(database)
    yield database
    database.dispose()


def _add_todays_work(database: Database) -> None:
    """The demo's scheduled run moved to 15:00 today; outbox rows of a sent run: one 要確認, one
    失敗, one 失敗 that a newer 送信済み replaced, one 不達."""
    with database.write() as session:
        scheduled = session.scalars(select(Invoice).where(Invoice.sent_at.is_(None), Invoice.send_email.is_(True))
                                    .order_by(Invoice.id.desc())).first()
        scheduled.send_at = datetime.combine(TODAY, time(15, 0), TZ)
        run_id = session.scalar(select(Invoice.id).where(Invoice.sent_at.is_not(None)).order_by(Invoice.id))
        isos = session.scalars(select(InvoiceSupplierOrganization)
                               .where(InvoiceSupplierOrganization.invoice_id == run_id)
                               .order_by(InvoiceSupplierOrganization.id)).all()[:4]
        assert len(isos) == 4
        for iso, states in zip(isos, (["uncertain"], ["failed"], ["failed", "sent"], ["sent", "bounced"]),
                               strict=True):
            for generation, state in enumerate(states, start=1):
                session.add(OutboxMessage(invoice_id=run_id, invoice_supplier_organization_id=iso.id,
                                          supplier_organization_id=iso.supplier_organization_id,
                                          generation=generation, state=state))


@pytest.fixture
def env(demo20, qtbot, qapp) -> Iterator[TodayEnv]:  # type: ignore[no-untyped-def]
    japanese_app(qapp)
    settings = settings_for(demo20)
    ledger = Ledger.for_settings(demo20, settings)
    ctx = AppContext(settings, demo20, ledger)
    try:
        yield TodayEnv(demo20, ledger, ctx)
    finally:
        from ui.operations import wait_for_operations

        wait_for_operations()
        ledger.dispose()


def _show(env: TodayEnv, qtbot):  # type: ignore[no-untyped-def]
    from ui.today.view import TodayView

    window = QMainWindow()
    view = TodayView(env.ctx, window, now=lambda: NOW)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: view.today is not None, timeout=20000)
    env.window = window  # type: ignore[attr-defined]  # kept alive for the test
    return view


def _expected(database: Database, pc: str, ledger: Ledger) -> dict[str, int]:
    """The same answers from every row, in Python."""
    tomorrow = TODAY + timedelta(days=1)
    end_of_today = datetime.combine(tomorrow, time(), TZ).astimezone(UTC)
    with database.read() as session:
        templates = set(session.scalars(select(OrderTemplate.order_id)))
        carrier_of = dict(session.execute(select(ShippingMethod.id, ShippingMethod.shipping_organization_id)).all())
        shipments = {(ship, carrier_of[method]) for oid, ship, method in session.execute(
            select(Order.id, Order.shipping_date, Order.shipping_method_id)) if ship in (TODAY, tomorrow)
            and oid not in templates}
        runs = session.execute(select(Invoice.start_date, Invoice.end_date, Invoice.send_email, Invoice.send_at,
                                      Invoice.sent_at)).all()
        due = [r for r in runs if r.send_email and r.sent_at is None and r.send_at is not None
               and _utc(r.send_at) < end_of_today]
        unsent_starts = [r.start_date for r in runs if r.sent_at is None and r.start_date]
        ends = [r.end_date for r in runs if r.end_date]
        since = min(unsent_starts + ([max(ends) + timedelta(days=1)] if ends else []))
        day_of = dict(session.execute(select(SupplyDate.id, SupplyDate.date)).all())
        unpriced = sum(1 for day_id, qty, price in session.execute(
            select(Supply.supply_date_id, Supply.quantity, Supply.price))
            if since <= day_of[day_id] <= TODAY and qty > 0 and price == 0)
        newest: dict[int, tuple[int, str]] = {}
        for iso_id, generation, state in session.execute(select(
                OutboxMessage.invoice_supplier_organization_id, OutboxMessage.generation, OutboxMessage.state)):
            if iso_id not in newest or generation > newest[iso_id][0]:
                newest[iso_id] = (generation, state)
    decisions = sum(1 for _generation, state in newest.values() if state in ("uncertain", "failed", "bounced"))
    jobs = sorted(ledger.list(limit=10_000, requested_by=pc), key=lambda job: job.id)
    failed = sum(1 for job in jobs if job.state == "failed" and not any(
        later.id > job.id and later.state == "done"
        and (later.kind == job.kind == "mail" or (later.kind == job.kind and later.arguments == job.arguments))
        for later in jobs))
    return {"shipments": len(shipments), "due_runs": len(due), "decisions": decisions, "unpriced": unpriced,
            "failed_jobs": failed}


def _add_jobs(ledger: Ledger) -> None:
    """A failed chart made later after all (moot), a failed mail followed by a sent one (moot), and
    a failed check sheet nothing settled (counts)."""
    chart = {"document_type": "shipping_chart", "date": TODAY.isoformat(), "carrier_id": 1}
    for kind, arguments, outcome in (("order_document", chart, "failed"), ("mail", {"invoice_id": 1}, "failed"),
                                     ("check_sheet", {"date": TODAY.isoformat()}, "failed"),
                                     ("order_document", chart, "done"), ("mail", {}, "done")):
        job_id = ledger.create(kind, arguments, "…")
        assert ledger.start(job_id, "…")
        if outcome == "done":
            ledger.finish(job_id, "完了")
        else:
            ledger.fail(job_id, "失敗しました。", "RuntimeError: boom")


def test_counts_match_the_database(env: TodayEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    _add_jobs(env.ledger)
    view = _show(env, qtbot)
    expected = _expected(env.database, env.ledger.pc, env.ledger)
    assert view.counts() == expected
    assert expected["shipments"] and expected["due_runs"] and expected["unpriced"]  # the demo has each
    assert expected["decisions"] == 3 and expected["failed_jobs"] == 1  # the settled ones are not counted
    for key in ("shipments", "due_runs", "decisions", "unpriced", "failed_jobs"):
        assert f"（{expected[key]}件）" in view.sections[key].title()
    assert len(view.findChildren(LinkLine, "todayShipment")) == expected["shipments"]
    assert any("不達" in line.text() for line in view.findChildren(LinkLine, "todayDecision"))
    assert len(view.findChildren(QPushButton, "today_shipping_list")) == expected["shipments"]


def test_each_line_opens_the_place_where_it_is_handled(env: TodayEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _show(env, qtbot)
    opened: list[tuple[str, object]] = []
    env.ctx.open_view.connect(lambda key, target: opened.append((key, target)))
    view.findChildren(LinkLine, "todayDueRun")[0].click()
    view.findChildren(LinkLine, "todayUnpriced")[0].click()
    view.findChildren(LinkLine, "todayShipment")[0].click()
    view.findChildren(LinkLine, "todayDecision")[0].click()
    assert opened[0] == ("statements", view.today.due_runs[0].invoice_id)
    assert opened[1] == ("supplies", view.today.unpriced[0].day)
    first = view.today.shipments[0]
    assert opened[2] == ("orders", (first.day, first.carrier_id))
    assert opened[3] == ("statements", view.today.decisions[0].invoice_id)
    failed_line = view.findChildren(LinkLine, "todayMailCheck")[0]
    qtbot.keyClick(failed_line, Qt.Key.Key_Return)  # a line takes the keyboard like a button
    assert opened[4] == ("jobs", None)


def test_the_shipment_lines_show_without_the_shipping_documents(env: TodayEnv, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The buttons need only the kinds and titles (ui.orders.document_kinds): the documents' dialog,
    # filters and models load with the first click, not before 今日 shows its lines (issue 20 point 1).
    import sys

    import ui.orders

    monkeypatch.delattr(ui.orders, "documents", raising=False)
    monkeypatch.setitem(sys.modules, "ui.orders.documents", None)  # importing it now raises ImportError
    view = _show(env, qtbot)
    assert view.today.shipments
    assert len(view.findChildren(QPushButton, "today_shipping_list")) == len(view.today.shipments)


def test_a_shipment_document_is_one_click_away(env: TodayEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.viewer import viewer_window

    view = _show(env, qtbot)
    first = view.today.shipments[0]
    try:
        with qtbot.waitSignal(view.document_made, timeout=30000) as made:
            view.findChildren(QPushButton, "today_shipping_list")[0].click()
    finally:
        viewer_window().close()
    kind, pdf = made.args
    assert kind == "shipping_list"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert first.carrier_name in text
