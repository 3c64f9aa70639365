"""The run-time context tells its listeners of each job it ran to an end, after the ledger says so
(the window's job watchers read the ledger at once instead of polling it)."""

from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from oroshi_desktop.ledger import DONE, FAILED

pytestmark = pytest.mark.calendar  # the demo's orders are around its today

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()


def test_listeners_hear_of_each_ended_job_after_its_row_is_written(queue, runtime, wait):
    heard: list[tuple[int, str]] = []
    heard_two = threading.Event()

    def listener(job_id: int) -> None:  # on the worker's thread, after the ledger row was written
        heard.append((job_id, runtime.ledger.get(job_id).state))
        if len(heard) == 2:
            heard_two.set()

    def broken(job_id: int) -> None:
        raise RuntimeError("a listener's own fault")

    runtime.add_job_listener(broken)
    runtime.add_job_listener(listener)
    failing = queue.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=4242)
    assert wait(failing).state == FAILED
    working = queue.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)
    assert wait(working).state == DONE  # a broken listener does not fail the job
    assert heard_two.wait(10)
    assert sorted(heard) == sorted([(failing, FAILED), (working, DONE)])

    runtime.remove_job_listener(listener)
    still_listening = threading.Event()
    runtime.add_job_listener(lambda job_id: still_listening.set())
    again = queue.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=4242)
    assert wait(again).state == FAILED
    assert still_listening.wait(10)  # the listeners of this job were told...
    assert len(heard) == 2  # ...but not the removed one
