"""A failed job that a later success made moot stops counting as an error in the tray and the status
bar (issue 18, point 9: "2 jobs failed" stayed red after the mail went out); on SQLite and PostgreSQL."""

from __future__ import annotations

from oroshi_desktop.ledger import Ledger
from tests.ui.conftest import settings_for
from ui.context import AppContext
from ui.shell.monitor import read_overview


def _job(ledger: Ledger, kind: str, arguments: dict, done: bool) -> int:  # type: ignore[type-arg]
    job_id = ledger.create(kind, arguments, "…")
    assert ledger.start(job_id, "…")
    if done:
        ledger.finish(job_id, "完了")
    else:
        ledger.fail(job_id, "失敗しました。", "RuntimeError: boom")
    return job_id


def test_only_failures_nothing_settled_count(db, qapp) -> None:  # type: ignore[no-untyped-def]
    settings = settings_for(db)
    ledger = Ledger.for_settings(db, settings)
    ctx = AppContext(settings, db, ledger)
    try:
        chart = {"document_type": "shipping_chart", "date": "2026-12-07", "carrier_id": 1}
        _job(ledger, "mail", {"invoice_id": 3, "resend": False}, done=False)
        _job(ledger, "order_document", chart, done=False)
        assert read_overview(ctx).failed_jobs == 2
        assert read_overview(ctx).state_ja == "エラーあり"
        _job(ledger, "mail", {}, done=True)  # the mail went out later (the scheduled check)
        _job(ledger, "order_document", {**chart, "carrier_id": 2}, done=True)  # another document: settles nothing
        assert read_overview(ctx).failed_jobs == 1
        _job(ledger, "order_document", chart, done=True)  # the same chart, made after all
        overview = read_overview(ctx)
        assert overview.failed_jobs == 0 and overview.state_ja != "エラーあり"
    finally:
        ledger.dispose()
