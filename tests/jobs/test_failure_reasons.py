"""A failed job keeps its reason in Japanese next to the message (job centre, tray, statement view)
while the technical English stays in ``error`` (issue 18, point 2); on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from jobs.queue.tasks import MAIL, MESSAGES, ORDER_DOCUMENT, run_work
from jobs.runtime import Runtime
from oroshi_desktop.config import load_settings
from oroshi_desktop.labels import LedgerMessage, job_message
from oroshi_desktop.ledger import FAILED


def _runtime(db) -> Runtime:  # type: ignore[no-untyped-def]
    settings = replace(load_settings(), database_url=db.url.render_as_string(hide_password=False))
    return Runtime(settings, db=db)


def test_a_whole_job_failure_keeps_its_japanese_reason(db) -> None:  # type: ignore[no-untyped-def]
    runtime = _runtime(db)
    try:
        arguments = {"document_type": "shipping_chart", "date": "2026-12-07", "carrier_id": None}
        job_id = runtime.ledger.create(ORDER_DOCUMENT, arguments, "…")
        run_work(runtime, job_id, ORDER_DOCUMENT, arguments)
        job = runtime.ledger.get(job_id)
        assert job.state == FAILED
        failed = LedgerMessage(MESSAGES[ORDER_DOCUMENT].failed).text("ja")
        assert job.message == failed + "出荷表には運送会社の指定が必要です。"
        assert job.message_key is None  # a sentence with its reason, not the bare key
        assert job.error == "a shipping chart needs a carrier"
        assert job_message(job.message, "en") == "The shipping documents could not be made."
        assert job_message(job.message, "ja") == job.message
    finally:
        runtime.close()


def test_a_mail_job_without_a_mail_server_says_so_in_japanese(db) -> None:  # type: ignore[no-untyped-def]
    runtime = _runtime(db)  # no SMTP server in these settings
    try:
        job_id = runtime.ledger.create(MAIL, {}, "…")
        run_work(runtime, job_id, MAIL, {})
        job = runtime.ledger.get(job_id)
        assert job.message.startswith(LedgerMessage(MESSAGES[MAIL].failed).text("ja"))
        assert "メールサーバー（SMTP）が設定されていません" in job.message
        assert "smtp.host" in job.error
    finally:
        runtime.close()
