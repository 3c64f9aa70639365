"""A shipping document for a day without orders is refused before anything is made, with one plain
line naming the day, as the check sheet refuses a day without supplies (issue 18, point 9); the
same for the window, the queue and the CLI, which all render through ``printables.render``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from oroshi_desktop.demo import generate_demo
from oroshi_desktop.errors import UserError
from printables.render import packing_slips_pdf, shipping_chart_pdf, shipping_list_pdf

TODAY = date(2026, 12, 7)
EMPTY_DAY = TODAY + timedelta(days=200)  # long after the demo's orders


def test_every_shipping_document_refuses_a_day_without_orders(db) -> None:  # type: ignore[no-untyped-def]
    generate_demo(db, scale=1, seed=0, today=TODAY)
    for make, name in ((lambda: shipping_list_pdf(db, day=EMPTY_DAY, carrier_id=1), "まとめた出荷明細表"),
                       (lambda: shipping_list_pdf(db, day=EMPTY_DAY, carrier_id=None), "まとめた出荷明細表"),
                       (lambda: packing_slips_pdf(db, day=EMPTY_DAY, carrier_id=1), "卸先用出荷表"),
                       (lambda: shipping_chart_pdf(db, day=EMPTY_DAY, carrier_id=1), "出荷表")):
        with pytest.raises(UserError) as refused:
            make()
        assert refused.value.message_ja.startswith(f"{EMPTY_DAY:%Y/%m/%d} には")
        assert refused.value.message_ja.endswith(f"出荷がないため、{name}を作成できません。")
    assert shipping_list_pdf(db, day=TODAY, carrier_id=None).startswith(b"%PDF")  # a day with orders is made
