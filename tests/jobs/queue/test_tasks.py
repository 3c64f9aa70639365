"""The jobs on a real queue and consumer, statement generation on every database kind, and the
mail check against a local SMTP server."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from jobs.queue.tasks import MESSAGES, NOTHING_DUE, ORDER_DOCUMENT, STATEMENT
from jobs.statements import check_and_send, generate_statements
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    JobRow,
    OutboxMessage,
    StoredDocument,
)
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.labels import LedgerMessage
from oroshi_desktop.ledger import DONE, FAILED, QUEUED
from tests.jobs.conftest import DUE_INVOICE, a_check_sheet_day, make_due

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()  # the demo data is dated in Tokyo


def test_shipping_chart_and_check_sheet_run_on_the_queue(queue, runtime, wait, demo_db):
    chart_id = queue.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)
    sheet_day = a_check_sheet_day(demo_db, TODAY)
    sheet_id = queue.enqueue_check_sheet(day=sheet_day, prefecture_ids=[1], reception_time_ids=[1])
    listed = {job.id: job for job in runtime.ledger.list()}
    assert listed[chart_id].kind == ORDER_DOCUMENT and listed[chart_id].state in (QUEUED, "running", DONE)

    chart = wait(chart_id)
    assert chart.state == DONE, chart.error
    assert chart.message == "注文書類作成完了"
    chart_path = Path(chart.output_path)
    assert chart_path.parent == runtime.output_dir and chart_path.name.startswith(f"({TODAY.isoformat()}) - shipping_chart [")
    assert chart_path.read_bytes().startswith(b"%PDF")

    sheet = wait(sheet_id)
    assert sheet.state == DONE, sheet.error
    assert sheet.message == "供給受入れチェック表作成完了。"
    assert Path(sheet.output_path).name == f"供給チェック表 {sheet_day.isoformat()}11.pdf"
    assert Path(sheet.output_path).read_bytes().startswith(b"%PDF")


def test_a_failing_job_is_failed_in_the_ledger_and_can_be_retried(queue, runtime, wait):
    job_id = queue.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=4242)
    job = wait(job_id)
    assert job.state == FAILED and "4242" in job.error
    assert job.message_key is None and "4242" in job.message  # its reason, in Japanese, after the failed message
    assert job.message.startswith(LedgerMessage(MESSAGES[ORDER_DOCUMENT].failed).text("ja"))
    requeued = runtime.ledger.requeue(job_id, "retry")
    queue.resubmit(requeued)
    again = wait(job_id)
    assert again.state == FAILED and again.attempts == 2


def test_statement_and_preview_jobs(queue, runtime, wait, demo_db):
    statement_id = queue.enqueue_statement(DUE_INVOICE)
    with demo_db.read() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        start, end = invoice.start_date, invoice.end_date
    preview_id = queue.enqueue_preview(start=start, end=end, organization_id=1, fmt="supplier")
    statement = wait(statement_id)
    assert statement.state == DONE and statement.message_key == MESSAGES[STATEMENT].done
    # The passwords the job made exist only in the run's rows: not in the ledger, not in the queue.
    with demo_db.read() as session:
        passwords = [password for iso in session.scalars(select(InvoiceSupplierOrganization).where(
            InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)) for password in iso.passwords.values()]
        ledger_row = session.get(JobRow, statement_id)
        ledger_text = " ".join(str(getattr(ledger_row, column.key)) for column in JobRow.__table__.columns)
    assert len(passwords) == 6
    queue_files = b"".join(path.read_bytes() for path in runtime.settings.paths.data_dir.glob("*queue*"))
    for password in passwords:
        assert password not in ledger_text
        assert password.encode() not in queue_files
    preview = wait(preview_id)
    assert preview.state == DONE and preview.message == "供給料仕切り書プレビュー作成完了", preview.error
    assert Path(preview.output_path).name.startswith("北海水産")
    assert " - 供給者 [" in Path(preview.output_path).name
    assert not PdfReader(preview.output_path).is_encrypted, "a preview (見本) carries no password"
    # The stored copy is the same document, readable from any PC.
    assert runtime.ledger.output(preview_id) == (Path(preview.output_path).name,
                                                 Path(preview.output_path).read_bytes())


def test_generate_statements_stores_two_encrypted_pdfs_per_organization(db: Database):
    from oroshi_desktop.demo import generate_demo

    generate_demo(db, scale=1, seed=0)
    with db.read() as session:
        invoice_id = session.scalar(select(Invoice.id).where(Invoice.sent_at.is_(None), Invoice.send_email.is_(True)))
        iso_ids = session.scalars(select(InvoiceSupplierOrganization.id)
                                  .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
    ids = generate_statements(db, invoice_id, tz=__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert len(ids) == 2 * len(iso_ids)
    seen_passwords = set()
    with db.read() as session:
        for iso_id in iso_ids:
            iso = session.get(InvoiceSupplierOrganization, iso_id)
            assert iso.completed is True
            assert len(iso.passwords) == 2
            for doc_id, password in iso.passwords.items():
                assert len(password) == 8 and int(password, 16) >= 0
                seen_passwords.add(password)
                document = session.get(StoredDocument, int(doc_id))
                assert document.owner_id == iso_id and document.kind in ("organization", "supplier")
                assert document.filename.endswith(("組織.pdf", "供給者.pdf"))
                reader = PdfReader(io.BytesIO(document.content))
                assert reader.is_encrypted and not reader.decrypt("wrongpass")
                reader = PdfReader(io.BytesIO(document.content))
                assert reader.decrypt(password)
                assert reader.pages[0].extract_text()
    assert len(seen_passwords) == len(ids)  # fresh every time
    again = generate_statements(db, invoice_id, tz=__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert again == []  # the same content keeps its stored PDFs and passwords (issue 21, point 7)


def test_a_statement_job_names_the_supplies_no_statement_carries_when_it_fails_too(runtime, demo_db):
    """Issue 21, point 4: the failed job's reason (shown in the window) still names the lost money."""
    from jobs.queue.tasks import work_statement
    from oroshi_desktop.db.models import SupplierOrganization, Supply, SupplyDate
    from tests.helpers.broken_data import write_unchecked

    with demo_db.read() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        lost_id = session.scalar(select(Supply.id).join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
                                 .where(SupplyDate.date.between(invoice.start_date, invoice.end_date),
                                        Supply.quantity != 0).order_by(Supply.id).limit(1))
        organization_id = session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                                          .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)
                                          .order_by(InvoiceSupplierOrganization.id)).first()
    write_unchecked(demo_db, f"UPDATE oroshi_supplies SET supplier_id = 999999 WHERE id = {lost_id}")
    with demo_db.write() as session:  # one organization cannot be made: no registration number
        session.get(SupplierOrganization, organization_id).invoice_number = None
    with pytest.raises(UserError) as failed:
        work_statement(runtime, {"invoice_id": DUE_INVOICE})
    assert "登録番号" in failed.value.message_ja and f"供給 {lost_id}" in failed.value.message_ja
    assert "どの支払明細書にも載りません" in failed.value.message_ja and f"supply {lost_id}" in failed.value.message


def test_generate_refuses_unknown_and_empty_runs(demo_db):
    from zoneinfo import ZoneInfo

    with pytest.raises(NotFound):
        generate_statements(demo_db, 999999, tz=ZoneInfo("Asia/Tokyo"))
    with demo_db.write() as session:
        invoice = Invoice(start_date=TODAY, end_date=TODAY, send_email=False)
        session.add(invoice)
        session.flush()
        empty_id = invoice.id
    with pytest.raises(UserError, match="no organization"):
        generate_statements(demo_db, empty_id, tz=ZoneInfo("Asia/Tokyo"))


def test_mail_check_sends_each_organization_once(queue, runtime, wait, demo_db, smtp_server):
    make_due(demo_db)
    with demo_db.read() as session:
        rows = session.scalars(select(InvoiceSupplierOrganization)
                               .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all()
        assert rows and not any(row.completed for row in rows)  # generated by the check itself
    job = wait(queue.mail_check_now())
    assert job.state == DONE and job.message == "メールを送信しました。", job.error
    assert len(smtp_server.accepted) == len(rows)
    with demo_db.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None
        states = session.scalars(select(OutboxMessage.state).where(OutboxMessage.invoice_id == DUE_INVOICE)).all()
        assert sorted(states) == ["sent"] * len(rows)
    for message in smtp_server.messages:
        assert [part.get_filename() for part in message.iter_attachments()]

    second = wait(queue.mail_check_now())
    assert second.state == DONE and second.message_key == NOTHING_DUE.key
    assert len(smtp_server.accepted) == len(rows)
    summary = check_and_send(demo_db, runtime.transport(), tz=runtime.settings.tz)
    assert summary.invoices == [] and summary.ok
    assert len(smtp_server.accepted) == len(rows)


def test_manual_send_now_and_resend(queue, runtime, wait, demo_db, smtp_server):
    job = wait(queue.enqueue_mail(DUE_INVOICE))  # not due yet: send now ignores send_at
    assert job.state == DONE, job.error
    count = len(smtp_server.accepted)
    assert count == 3
    assert wait(queue.enqueue_mail(DUE_INVOICE)).state == DONE
    assert len(smtp_server.accepted) == count  # nothing left to send
    assert wait(queue.enqueue_mail(DUE_INVOICE, resend=True)).state == DONE
    assert len(smtp_server.accepted) == 2 * count


def test_mail_without_smtp_fails_readably(runtime, demo_db):
    from dataclasses import replace

    from jobs.queue.tasks import MAIL, run_work
    from oroshi_desktop.config import SmtpSettings

    runtime.settings = replace(runtime.settings, smtp=SmtpSettings())
    job_id = runtime.ledger.create(MAIL, {}, "x")
    run_work(runtime, job_id, MAIL, {})
    job = runtime.ledger.get(job_id)
    assert job.state == FAILED and "SMTP" in job.error and job.message.startswith("メールの送信に失敗しました。")


def test_schedule_claims_each_slot_once_and_only_queues_a_check_when_mail_is_due(queue, runtime, wait, demo_db,
                                                                                 smtp_server):
    from datetime import UTC

    from jobs.queue.office_schedule import Schedule

    make_due(demo_db)
    schedules = [Schedule(queue, tick=60), Schedule(queue, tick=60)]  # two processes' schedules
    slot = datetime(2025, 1, 1, 0, 10, tzinfo=UTC)
    assert schedules[1].mail_check(datetime(2025, 1, 1, 0, 11, tzinfo=UTC)) is None, "not a slot of */10"
    job_ids = [schedule.mail_check(slot) for schedule in schedules]
    assert job_ids[0] is not None and job_ids[1] is None, "the second claim of the slot loses"
    assert wait(job_ids[0]).state == DONE
    assert runtime.ledger.count() == 1 and len(smtp_server.accepted) == 3


def test_scheduled_check_only_queues_a_job_when_mail_is_due(queue, runtime, wait, demo_db, smtp_server):
    from datetime import datetime

    assert queue.mail_schedule(datetime(2025, 1, 1, 0, 10)) and not queue.mail_schedule(datetime(2025, 1, 1, 0, 11))
    queue.scheduled_mail_check()
    assert runtime.ledger.count() == 0
    make_due(demo_db)
    queue.scheduled_mail_check()
    [job] = runtime.ledger.list()
    assert wait(job.id).state == DONE
    assert len(smtp_server.accepted) == 3


def test_the_bounce_check_claims_its_own_slot_once_and_runs_only_with_a_mailbox_and_recent_mail(
        queue, runtime, wait, demo_db, smtp_server):
    from datetime import UTC

    from jobs.queue.office_schedule import Schedule
    from oroshi_desktop import secrets
    from oroshi_desktop.config import with_imap
    from tests.helpers.pgserver import free_port

    schedules = [Schedule(queue, tick=60), Schedule(queue, tick=60)]
    slot = datetime(2025, 1, 1, 0, 20, tzinfo=UTC)
    assert schedules[0].bounce_check(slot) is None, "no bounce mailbox is set"
    runtime.settings = with_imap(runtime.settings, host="127.0.0.1", port=free_port(), security="none",
                                 username="office@example.jp")
    secrets.set_secret(secrets.imap_key("office@example.jp", "127.0.0.1"), "pw")
    assert schedules[0].bounce_check(slot) is None, "nothing was mailed recently"
    make_due(demo_db)
    assert wait(queue.mail_check_now()).state == DONE
    slot = datetime(2025, 1, 1, 0, 30, tzinfo=UTC)
    assert schedules[1].bounce_check(datetime(2025, 1, 1, 0, 31, tzinfo=UTC)) is None, "not a slot of */10"
    job_ids = [schedule.bounce_check(slot) for schedule in schedules]
    assert job_ids[0] is not None and job_ids[1] is None, "one bounce check per slot for the whole office"
    job = wait(job_ids[0])
    assert job.kind == "bounce_check" and job.state == FAILED  # the mailbox does not answer: one line
    assert "\n" not in job.error and "127.0.0.1" in job.error


def test_the_task_keeps_the_name_it_had_before_the_queue_moved_into_its_package(queue):
    """A task queued by a PC that still runs the version before ``jobs/queue/`` (a shared queue is
    upgraded one PC at a time) names ``jobs.tasks.oroshi.job``: this version must run it."""
    from huey.registry import Message

    task = queue.job_task.s(1, "token")
    assert queue.huey._registry.create_message(task).name == "jobs.tasks.oroshi.job"
    queued_before = Message("id-1", "jobs.tasks.oroshi.job", None, 0, 0, ((1, "token"), {}), None, None, None)
    assert type(queue.huey._registry.create_task(queued_before)) is type(task)
