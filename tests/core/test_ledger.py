"""The job ledger in the app database (every kind): states, retries, discards, leases, scopes, outputs,
and no secrets."""

from __future__ import annotations

from datetime import timedelta

import pytest

from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import purge_job_outputs
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.ledger import DONE, FAILED, QUEUED, RUNNING, STOPPED_MESSAGE, JobOutput, Ledger

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar


@pytest.fixture
def ledger(db):
    return Ledger(db, scope="local:pc-a", pc="pc-a")


def test_lifecycle_queued_running_done(ledger):
    job = ledger.create("shipping_chart", {"date": "2025-10-01", "carrier": 1}, "出荷書類を作成処理中…")
    assert ledger.get(job).state == QUEUED and ledger.get(job).requested_by == "pc-a"
    assert ledger.start(job, "作成中", ran_by="server:1", lease=timedelta(seconds=30))
    running = ledger.get(job)
    assert running.state == RUNNING and running.attempts == 1 and running.ran_by == "server:1"
    assert running.lease_until > utcnow()
    ledger.finish(job, "注文書類作成完了", "/tmp/x.pdf")
    view = ledger.get(job)
    assert (view.state, view.message, view.output_path, view.state_ja) == (DONE, "注文書類作成完了", "/tmp/x.pdf", "完了")
    assert view.arguments == {"carrier": 1, "date": "2025-10-01"} and view.lease_until is None


def test_failed_job_can_be_retried_and_discarded_job_does_not_start(ledger):
    job = ledger.create("check_sheet", {"date": "2025-10-01"}, "作成中")
    ledger.start(job, "作成中")
    assert not ledger.start(job, "作成中"), "a running job must not start twice (a resubmitted twin task)"
    ledger.fail(job, "失敗しました", "no supply date")
    assert ledger.get(job).state == FAILED and ledger.get(job).error == "no supply date"
    old_token = ledger.get(job).token
    requeued = ledger.requeue(job, "再実行待ち")
    assert requeued.state == QUEUED and requeued.token != old_token
    assert not ledger.start(job, "作成中", token=old_token), "a stale task must not run the retried job"
    ledger.discard(job)
    assert not ledger.start(job, "作成中"), "a discarded job must not run"
    queued = ledger.create("y", {}, "")
    with pytest.raises(UserError, match="only failed or discarded"):
        ledger.requeue(queued, "")
    ledger.start(queued, "")
    with pytest.raises(UserError, match="cannot be discarded"):
        ledger.discard(queued)


def test_expired_lease_is_taken_back_once_and_only_in_its_scope(db, ledger):
    other_pc = Ledger(db, scope="local:pc-b", pc="pc-b")
    job = ledger.create("statement", {"invoice": 1}, "")
    ledger.start(job, "running", lease=timedelta(seconds=-1))  # its worker stopped renewing it
    assert other_pc.expired_running() == [], "PC B never recovers PC A's jobs"
    [expired] = ledger.expired_running()
    assert ledger.reclaim(expired, requeue=False, message=STOPPED_MESSAGE)
    assert not ledger.reclaim(expired, requeue=True, message="x"), "a second process loses the race"
    view = ledger.get(job)
    assert view.state == FAILED and view.message_key == STOPPED_MESSAGE.key and "lease" in view.error
    alive = ledger.create("statement", {"invoice": 2}, "")
    ledger.start(alive, "running", lease=timedelta(minutes=1))
    assert ledger.expired_running() == [], "a job whose lease is renewed is not touched"


def test_a_lost_task_is_claimed_for_resubmission_by_one_process(ledger):
    job_id = ledger.create("statement", {"invoice": 1}, "")
    [job] = ledger.queued_before(utcnow() + timedelta(seconds=1))
    assert ledger.claim_resubmission(job)
    assert not ledger.claim_resubmission(job), "the same sighting cannot resubmit twice"
    assert ledger.queued_before(utcnow() - timedelta(seconds=60)) == []
    assert ledger.get(job_id).submitted_at > job.submitted_at


def test_secrets_are_refused_and_unknown_ids_named(ledger):
    with pytest.raises(ValueError, match="secret"):
        ledger.create("statement", {"password": "abc"}, "")
    with pytest.raises(NotFound, match="job 4242"):
        ledger.get(4242)


def test_list_newest_first_count_and_pc_filter(db, ledger):
    ids = [ledger.create("k", {"n": n}, "") for n in range(3)]
    theirs = Ledger(db, scope="local:pc-b", pc="pc-b").create("k", {}, "")
    assert [j.id for j in ledger.list()] == [theirs, *ids[::-1]]
    assert [j.id for j in ledger.list(requested_by="pc-a")] == ids[::-1]
    assert ledger.count((QUEUED,)) == 4 and ledger.count(requested_by="pc-b") == 1
    assert theirs not in ids


def test_pause_flag_belongs_to_the_scope(db, ledger):
    ledger.set_value("queue.paused", "1")
    assert ledger.get_value("queue.paused") == "1"
    assert Ledger(db, scope="local:pc-b").get_value("queue.paused", "0") == "0"
    assert Ledger(db, scope="local:pc-a", pc="another user").get_value("queue.paused") == "1"


def test_stored_output_is_read_back_and_expires(db, ledger):
    job = ledger.create("check_sheet", {}, "")
    ledger.start(job, "")
    document_id = ledger.finish(job, "完了", None, JobOutput("check_sheet", "sheet.pdf", b"%PDF-1.7 bytes"))
    assert ledger.get(job).document_id == document_id and ledger.get(job).has_output
    assert ledger.output(job) == ("sheet.pdf", b"%PDF-1.7 bytes")
    with db.write() as session:
        assert purge_job_outputs(session, utcnow() - timedelta(days=30)) == 0
        assert purge_job_outputs(session, utcnow() + timedelta(seconds=1)) == 1
    with pytest.raises(UserError, match="expired"):
        ledger.output(job)


def test_the_baseline_does_not_create_the_ledger_tables_revision_0003_does(sqlite_db):
    from alembic import command
    from sqlalchemy import inspect

    from oroshi_desktop.db import schema

    fresh = sqlite_db.url.database + ".fresh"
    from oroshi_desktop.db.engine import open_database

    database = open_database(f"sqlite:///{fresh}")
    try:
        config = schema._alembic_config(database)
        with database.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
            conn.commit()
        tables = set(inspect(database.engine).get_table_names())
        assert "oroshi_desktop_documents" in tables
        assert not {"oroshi_desktop_jobs", "oroshi_desktop_queue_flags", "oroshi_desktop_schedule_slots"} & tables
        assert {"oroshi_desktop_jobs", "oroshi_desktop_queue_flags",
                "oroshi_desktop_schedule_slots"} <= set(schema.upgrade(database))
        assert schema.check(database) == []
    finally:
        database.dispose()


def test_a_message_is_stored_as_its_key_and_put_into_words_in_the_chosen_language(ledger):
    from oroshi_desktop.labels import JobMessage, LedgerMessage

    job = ledger.create("check_sheet", {"date": "2026-12-01"},
                        LedgerMessage(JobMessage.CHECK_SHEET_RUNNING, {"date": "2026-12-01"}))
    queued = ledger.get(job)
    assert (queued.message_key, queued.message_args) == ("check_sheet.running", {"date": "2026-12-01"})
    assert queued.message == "2026-12-01供給受入れチェック表を作成中…"  # the Japanese, for the CLI and older PCs
    assert queued.message_text("en") == "Making the reception check sheet 2026-12-01…"
    ledger.finish(job, LedgerMessage(JobMessage.CHECK_SHEET_DONE))
    done = ledger.get(job)
    assert (done.message_key, done.message_args) == ("check_sheet.done", None)
    assert (done.message_text("ja"), done.message_text("en")) == ("供給受入れチェック表作成完了。",
                                                                 "Reception check sheet made.")


def test_rows_from_before_message_keys_still_show_in_both_languages(ledger):
    from oroshi_desktop.db.models import JobRow

    old = ledger.create("mail", {}, "メールを送信しました。")  # free text: stored as a sentence, no key
    unknown = ledger.create("mail", {}, "組織 7 が見つかりません")
    newer = ledger.create("mail", {}, "")
    with ledger.db.write() as session:  # a newer version's key this version does not know
        session.get(JobRow, newer).message_key, session.get(JobRow, newer).message = "mail.teleported", "転送済み"
    assert ledger.get(old).message_key is None
    assert (ledger.get(old).message_text("ja"), ledger.get(old).message_text("en")) == ("メールを送信しました。",
                                                                                      "Mail sent.")
    assert ledger.get(unknown).message_text("en") == "組織 7 が見つかりません"  # unknown: as stored
    assert ledger.get(newer).message_text("en") == "転送済み"
