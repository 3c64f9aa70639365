"""A planned retry is one info line (issue 21, point 9): Huey logged every ``RetryLater`` as
"Unhandled exception in task" with a whole traceback, which read like a crash in the worker's log."""

from __future__ import annotations

import logging

from huey import MemoryHuey

from jobs.queue.consumer import make_consumer
from jobs.runtime import RetryLater


def test_huey_logs_a_retry_later_as_one_info_line_and_a_real_error_with_its_traceback(caplog):
    huey = MemoryHuey("retry-logging", immediate=False)
    make_consumer(huey, workers=1, periodic=False, embedded=True)  # installs the filter, as every start does

    @huey.task(retries=1, retry_delay=0)
    def flaky() -> None:
        raise RetryLater("SMTP server busy", "SMTPサーバーが混雑しています")

    @huey.task()
    def broken() -> None:
        raise ValueError("a bug")

    caplog.set_level(logging.INFO, logger="huey")
    huey.execute(flaky.s())
    huey.execute(broken.s())
    retry = [r for r in caplog.records if "SMTP server busy" in r.getMessage()]
    assert len(retry) == 1 and retry[0].levelno == logging.INFO and retry[0].exc_info is None
    assert "will be retried" in retry[0].getMessage() and "Unhandled" not in retry[0].getMessage()
    bug = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], ValueError)]
    assert len(bug) == 1 and bug[0].levelno == logging.ERROR  # a bug keeps its traceback
