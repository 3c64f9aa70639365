"""The window refuses a shipping document for a day without orders before anything is made, with
one plain line naming the day, as it refuses the check sheet of a day without supplies (issue 18,
point 9); the 注文・出荷 view and 今日 both make their documents through ``ui.orders.documents``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from oroshi_desktop.demo import generate_demo
from oroshi_desktop.errors import UserError
from ui.orders import documents

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = date(2026, 12, 7)
EMPTY_DAY = TODAY + timedelta(days=200)  # long after the demo's orders


def test_every_shipping_document_refuses_a_day_without_orders(db, qapp) -> None:  # type: ignore[no-untyped-def]
    generate_demo(db, scale=1, seed=0, today=TODAY)
    for kind, name in ((documents.SHIPPING_LIST, "まとめた出荷明細表"), (documents.PACKING_SLIPS, "卸先用出荷表"),
                       (documents.SHIPPING_CHART, "出荷表")):
        for carrier_id in (1, None) if kind != documents.SHIPPING_CHART else (1,):
            with pytest.raises(UserError) as refused:
                documents.render(db, documents.DocumentRequest(kind=kind, day=EMPTY_DAY, carrier_id=carrier_id))
            assert refused.value.message_ja.startswith(f"{EMPTY_DAY:%Y/%m/%d} には")
            assert refused.value.message_ja.endswith(f"出荷がないため、{name}を作成できません。")
    made = documents.render(db, documents.DocumentRequest(kind=documents.SHIPPING_LIST, day=TODAY, carrier_id=None))
    assert made.startswith(b"%PDF")  # a day with orders is made
