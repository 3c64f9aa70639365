"""A worker process without the window takes what 設定 saved in the settings file before its next
job, without a restart (issue 18, point 1); the window hands its settings over instead
(``tests/ui/test_settings_take_effect.py``)."""

from __future__ import annotations

from dataclasses import replace

from jobs.queue.tasks import MAIL, NOTHING_DUE, run_task
from jobs.runtime import Runtime
from oroshi_desktop.config import load_settings, save_settings, with_smtp
from oroshi_desktop.ledger import DONE, FAILED
from tests.helpers.smtp_server import SmtpTestServer


def test_the_next_job_of_a_worker_uses_the_saved_mail_server(db) -> None:  # type: ignore[no-untyped-def]
    settings = replace(load_settings(), database_url=db.url.render_as_string(hide_password=False))
    save_settings(settings)  # no mail server yet
    runtime = Runtime(settings, db=db, follow_settings_file=True)
    try:
        before = runtime.ledger.create(MAIL, {}, "…")
        run_task(runtime, before, None, will_retry=False, pause_delay=1)
        assert runtime.ledger.get(before).state == FAILED  # no SMTP server is configured

        with SmtpTestServer.running() as smtp:
            save_settings(with_smtp(settings, host="127.0.0.1", port=smtp.port, security="none"))  # 設定 → 保存
            after = runtime.ledger.create(MAIL, {}, "…")
            run_task(runtime, after, None, will_retry=False, pause_delay=1)
        job = runtime.ledger.get(after)
        assert job.state == DONE and job.message_key == NOTHING_DUE.key, job.error  # the saved server was taken
        assert runtime.settings.smtp.port == smtp.port
        assert not runtime.reread_settings()  # unchanged file: nothing read again
    finally:
        runtime.close()
