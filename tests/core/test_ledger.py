"""The job ledger in the local store: states, retries, discards, recovery, and no secrets."""

from __future__ import annotations

import pytest

from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.ledger import DONE, FAILED, QUEUED, RUNNING, Ledger


@pytest.fixture
def ledger(tmp_path):
    store = Ledger(tmp_path / "local.sqlite3")
    yield store
    store.dispose()


def test_lifecycle_queued_running_done(ledger):
    job = ledger.create("shipping_chart", {"date": "2025-10-01", "carrier": 1}, "出荷書類を作成処理中…")
    assert ledger.get(job).state == QUEUED
    assert ledger.start(job, "作成中")
    assert ledger.get(job).state == RUNNING and ledger.get(job).attempts == 1
    ledger.finish(job, "注文書類作成完了", "/tmp/x.pdf")
    view = ledger.get(job)
    assert (view.state, view.message, view.output_path, view.state_ja) == (DONE, "注文書類作成完了", "/tmp/x.pdf", "完了")
    assert view.arguments == {"carrier": 1, "date": "2025-10-01"}


def test_failed_job_can_be_retried_and_discarded_job_does_not_start(ledger):
    job = ledger.create("check_sheet", {"date": "2025-10-01"}, "作成中")
    ledger.start(job, "作成中")
    ledger.fail(job, "失敗しました", "no supply date")
    assert ledger.get(job).state == FAILED and ledger.get(job).error == "no supply date"
    assert ledger.requeue(job, "再実行待ち").state == QUEUED
    ledger.discard(job)
    assert not ledger.start(job, "作成中"), "a discarded job must not run"
    queued = ledger.create("y", {}, "")
    with pytest.raises(UserError, match="only failed or discarded"):
        ledger.requeue(queued, "")
    ledger.start(queued, "")
    with pytest.raises(UserError, match="cannot be discarded"):
        ledger.discard(queued)


def test_interrupted_jobs_become_failed(ledger):
    job = ledger.create("statement", {"invoice": 1}, "")
    ledger.start(job, "running")
    assert ledger.recover_interrupted() == [job]
    assert ledger.get(job).state == FAILED and "interrupted" in ledger.get(job).error


def test_secrets_are_refused_and_unknown_ids_named(ledger):
    with pytest.raises(ValueError, match="secret"):
        ledger.create("statement", {"password": "abc"}, "")
    with pytest.raises(NotFound, match="job 4242"):
        ledger.get(4242)


def test_list_newest_first_and_count(ledger):
    ids = [ledger.create("k", {"n": n}, "") for n in range(3)]
    assert [j.id for j in ledger.list()] == ids[::-1]
    assert ledger.count((QUEUED,)) == 3
