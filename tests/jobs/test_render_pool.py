"""The statement PDFs of a run rendered in parallel processes (real spawned workers): each
organization fails alone, a worker that dies costs only its own organization, キャンセル stops the
run between organizations, and a generation through the pool reports its progress and stores
every row. (That the run's batched loading equals loading each organization alone is
tests/core/test_run_statements.py.)"""

from __future__ import annotations

import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from jobs.render_pool import (
    LoadTask,
    Rendered,
    RenderTask,
    WorkerStopped,
    _Refused,
    pool_size,
    render_all,
    usable_cores,
)
from jobs.statements import generate_statement_rows
from oroshi_desktop.db.models import InvoiceSupplierOrganization, StoredDocument
from oroshi_desktop.errors import UserError
from tests.jobs.conftest import DUE_INVOICE

TZ = ZoneInfo("Asia/Tokyo")
FLAG = "OROSHI_TEST_RENDER_POOL_FLAG"


def _render(task: RenderTask) -> Rendered:
    """A render that fails on 2 and kills its process on 3 (module level: workers import it)."""
    if task.key == 2:
        raise ValueError("organization 2 has bad data")
    if task.key == 3:
        os._exit(3)
    return Rendered({}, [("organization", f"pdf {task.key} pid {os.getpid()}".encode(), "pw")])


def _two_killers(task: RenderTask) -> Rendered:
    """Kills its process on 3 and on 6; a refusal (UserError, Japanese message) on 4."""
    if task.key in (3, 6):
        os._exit(3)
    if task.key == 4:
        raise UserError("row 4 refused", "組織 4 は作成できません")
    return Rendered({}, [("organization", b"pdf", "pw")])


def _loads_rows(task: LoadTask) -> list:
    """A worker's load of a part of rows: row 3 kills its process, row 5 is refused (UserError)."""
    answers = []
    for iso_id, _organization_id, _name in task.rows:
        if iso_id == 3:
            os._exit(3)
        if iso_id == 5:
            answers.append((iso_id, None, _Refused("row 5 refused", "組織 5 の供給に問題があります")))
        else:
            answers.append((iso_id, Rendered({}, [("organization", f"pdf {iso_id}".encode(), "pw")]), None))
    return answers


def _held(task: RenderTask) -> Rendered:
    """Task 1 answers at once; the others wait until the test's cancel has happened."""
    if task.key != 1:
        while not Path(os.environ[FLAG]).exists():
            time.sleep(0.01)
    return Rendered({}, [("organization", b"pdf", "pw")])


def collect(tasks, **kwargs):
    results, errors = {}, {}

    def on_done(key, rendered, err):
        if rendered is None:
            errors[key] = err
        else:
            results[key] = rendered

    finished = render_all(tasks, on_done, **kwargs)
    return finished, results, errors


def test_pool_is_sized_to_the_machine_and_the_work():
    assert pool_size(200, cores=8) == 8
    assert pool_size(3, cores=8) == 3
    assert pool_size(0, cores=8) == 1
    assert pool_size(20) == min(usable_cores(), 20)
    assert 1 <= usable_cores() <= (os.cpu_count() or 1)


def test_each_organization_fails_alone_and_a_dead_worker_costs_only_its_own():
    tasks = [RenderTask(key, ()) for key in range(1, 7)]
    finished, results, errors = collect(tasks, workers=2, render=_render)
    assert finished
    assert sorted(results) == [1, 4, 5, 6]
    assert isinstance(errors[2], ValueError) and "bad data" in str(errors[2])
    assert isinstance(errors[3], WorkerStopped)
    assert set(errors) == {2, 3}
    # Rendered in other processes than this one.
    assert all(f"pid {os.getpid()}".encode() not in r.documents[0][1] for r in results.values())


def test_each_dead_worker_is_found_and_a_refusal_keeps_its_japanese():
    tasks = [RenderTask(key, ()) for key in range(1, 9)]
    finished, results, errors = collect(tasks, workers=2, render=_two_killers)
    assert finished
    assert sorted(results) == [1, 2, 5, 7, 8]
    assert isinstance(errors[3], WorkerStopped) and isinstance(errors[6], WorkerStopped)
    assert isinstance(errors[4], UserError) and errors[4].message_ja == "組織 4 は作成できません"
    assert set(errors) == {3, 4, 6}


def test_a_worker_that_dies_loading_a_part_costs_only_the_row_that_killed_it():
    """Rows loaded by the workers (``LoadTask``, a few rows a task): a crash takes the whole part
    down, and its rows are tried again one per task, so only the row that kills its process fails;
    a refusal keeps its Japanese; every row is answered once."""
    rows = [(iso_id, 100 + iso_id, f"組織 {iso_id}") for iso_id in range(1, 9)]
    tasks = [LoadTask(7, tuple(rows[index:index + 3]), TZ) for index in range(0, len(rows), 3)]
    answered: list[int] = []
    results, errors = {}, {}

    def on_done(key, rendered, err):
        answered.append(key)
        (results if rendered is not None else errors)[key] = rendered if rendered is not None else err

    assert render_all(tasks, on_done, workers=2, count=len(rows), render=_loads_rows)
    assert sorted(answered) == list(range(1, 9))  # each row once
    assert sorted(results) == [1, 2, 4, 6, 7, 8]
    assert isinstance(errors[3], WorkerStopped)
    assert isinstance(errors[5], UserError) and errors[5].message_ja == "組織 5 の供給に問題があります"


def test_in_process_when_one_worker_also_isolates():
    tasks = [RenderTask(1, ()), RenderTask(2, ()), RenderTask(4, ())]
    finished, results, errors = collect(tasks, workers=1, render=_render)
    assert finished and sorted(results) == [1, 4] and list(errors) == [2]


def test_cancel_stops_between_organizations(tmp_path, monkeypatch):
    flag = tmp_path / "cancelled"
    monkeypatch.setenv(FLAG, str(flag))
    reported: list[int] = []

    def cancelled() -> bool:
        if reported:  # the user presses キャンセル once the first organization is done
            flag.touch()
            return True
        return False

    tasks = [RenderTask(key, ()) for key in range(1, 9)]
    finished = render_all(tasks, lambda key, rendered, err: reported.append(key), cancelled=cancelled,
                          workers=2, render=_held)
    assert not finished
    assert reported == [1]


@pytest.fixture
def demo(demo_db):
    return demo_db


def stored(db) -> dict[int, list[tuple[str, int]]]:
    with db.read() as session:
        rows = session.execute(select(StoredDocument.owner_id, StoredDocument.kind, StoredDocument.byte_size)
                               .order_by(StoredDocument.owner_id, StoredDocument.kind)).all()
    out: dict[int, list[tuple[str, int]]] = {}
    for owner, kind, size in rows:
        out.setdefault(owner, []).append((kind, size))
    return out


def test_generation_through_the_pool_reports_progress_and_can_be_cancelled(demo):
    seen: list[tuple[int, int, str]] = []
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ, workers=2,
                                     progress=lambda done, total, name: seen.append((done, total, name)))
    assert not result.failures and not result.cancelled
    with demo.read() as session:
        rows = session.execute(select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.completed,
                                      InvoiceSupplierOrganization.passwords)
                               .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all()
    assert len(seen) == len(rows) >= 2 and [s[0] for s in seen] == list(range(1, len(rows) + 1))
    assert all(completed and len(passwords) == 2 for _iso, completed, passwords in rows)
    assert sorted(stored(demo)) == sorted(iso for iso, _c, _p in rows)
    assert len(result.document_ids) == 2 * len(rows)

    with demo.write() as session:  # as if every statement had changed: each is rendered again
        session.execute(update(StoredDocument).values(content_key=None))
    again = generate_statement_rows(demo, DUE_INVOICE, tz=TZ, workers=2, cancelled=lambda: True)
    assert again.cancelled and again.document_ids == [] and not again.failures
    with demo.read() as session:
        flags = session.scalars(select(InvoiceSupplierOrganization.completed)
                                .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all()
    assert flags and not any(flags)  # nothing half-replaced counts as ready to send
