"""A document with nothing to print is refused the same way by every caller (issue 18, point 9):
the use case (``jobs.documents``) raises one plain line naming the day and the carrier, so the
window, the queue's job and ``render`` (tests/e2e/test_render_cli.py) never send a page that
only says "nothing" to the printer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from jobs import documents
from jobs.queue.tasks import CHECK_SHEET, ORDER_DOCUMENT, run_work
from oroshi_desktop.db.models import Buyer, Order, ShippingOrganization, SupplyDate
from oroshi_desktop.domain.shipping import ShippingFilters
from oroshi_desktop.errors import UserError
from oroshi_desktop.ledger import DONE, FAILED

NAMES = {"shipping_chart": "出荷表", "packing_slips": "卸先用出荷表", "shipping_list": "まとめた出荷明細表"}


def _busy_day(db) -> date:  # type: ignore[no-untyped-def]
    """The demo's last shipping day (the test reads its days from the data, not from the clock)."""
    with db.read() as session:
        return session.scalar(select(func.max(Order.shipping_date)))


def _carrier_name(db, carrier_id: int) -> str:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalar(select(ShippingOrganization.name).where(ShippingOrganization.id == carrier_id))


def test_every_shipping_document_refuses_a_day_without_orders_naming_day_and_carrier(demo_db) -> None:
    empty = _busy_day(demo_db) + timedelta(days=400)
    carrier = _carrier_name(demo_db, 1)
    for kind, name in NAMES.items():
        for carrier_id in (1, None) if kind != "shipping_chart" else (1,):
            with pytest.raises(UserError) as refused:
                documents.order_document_pdf(demo_db, kind, day=empty, carrier_id=carrier_id)
            ja = refused.value.message_ja
            assert ja.startswith(f"{empty:%Y/%m/%d} には") and ja.endswith(f"出荷がないため、{name}を作成できません。")
            assert (f"運送会社「{carrier}」" in ja) == (carrier_id is not None), ja
            assert empty.isoformat() in refused.value.message


def test_a_narrowing_that_leaves_no_shipment_is_refused_too(demo_db) -> None:
    day = _busy_day(demo_db)
    with demo_db.read() as session:
        shipping = select(Order.buyer_id).where(Order.shipping_date == day)
        idle_buyer = session.scalar(select(Buyer.id).where(Buyer.id.not_in(shipping)).order_by(Buyer.id))
    assert idle_buyer is not None
    for kind in ("packing_slips", "shipping_list"):
        with pytest.raises(UserError) as refused:
            documents.order_document_pdf(demo_db, kind, day=day, carrier_id=None,
                                         filters=ShippingFilters(buyer_ids=(idle_buyer,)))
        assert "選んだ条件" in refused.value.message_ja and NAMES[kind] in refused.value.message_ja
    # The same day unnarrowed is made: the refusal is about the narrowing, not the day.
    assert documents.order_document_pdf(demo_db, "shipping_list", day=day, carrier_id=None).startswith(b"%PDF")


def test_a_check_sheet_without_supplies_is_refused_with_its_reason(demo_db) -> None:
    with demo_db.read() as session:
        last = session.scalar(select(func.max(SupplyDate.date)))
    empty = last + timedelta(days=400)
    with pytest.raises(UserError) as refused:
        documents.check_sheet_pdf(demo_db, day=empty, prefecture_ids=[1], reception_time_ids=[1])
    assert "供給データ（供給日）がありません" in refused.value.message_ja
    assert empty.isoformat() in refused.value.message


def test_the_queue_fails_an_empty_document_with_the_same_reason_and_stores_nothing(runtime) -> None:
    empty = _busy_day(runtime.db) + timedelta(days=400)
    chart = {"document_type": "shipping_list", "date": empty.isoformat(), "carrier_id": 1}
    sheet = {"date": empty.isoformat(), "prefecture_ids": [1], "reception_time_ids": [1]}
    for kind, arguments, reason in ((ORDER_DOCUMENT, chart, "出荷がないため、まとめた出荷明細表を作成できません。"),
                                    (CHECK_SHEET, sheet, "供給データ（供給日）がありません")):
        job_id = runtime.ledger.create(kind, arguments, "x")
        run_work(runtime, job_id, kind, arguments)
        job = runtime.ledger.get(job_id)
        assert job.state == FAILED and reason in job.message and not job.output_path, job
    day = _busy_day(runtime.db)
    made = dict(chart, date=day.isoformat(), carrier_id=None)
    job_id = runtime.ledger.create(ORDER_DOCUMENT, made, "x")
    run_work(runtime, job_id, ORDER_DOCUMENT, made)
    assert runtime.ledger.get(job_id).state == DONE
