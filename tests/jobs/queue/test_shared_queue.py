"""Many PCs, one queue (issue 13): real ``python -m oroshi_desktop`` processes with their own
``OROSHI_HOME`` stand for separate PCs, on one real PostgreSQL and one real redis-server.

PC A asks, a server worker runs, PC A sees each job done with the worker's name and opens its
output from the document store; three workers share one schedule; a killed worker's job is taken
back; two PCs with their own local queues never share ids or touch each other's jobs.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import Invoice, JobRow, ScheduleSlot, StoredDocument
from oroshi_desktop.ledger import DONE, FAILED, QUEUED, RUNNING
from tests.helpers.redis_server import running_redis
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.conftest import DUE_INVOICE, a_check_sheet_day, make_due

ROOT = Path(__file__).resolve().parents[3]
TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()  # the demo data is dated in Tokyo
_counter = itertools.count()

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.any_date(
    "the queue between PCs does not depend on the day: its date-dependent part (documents of today, a check "
    "sheet of a day with supplies) is the same as tests/jobs/queue/test_tasks.py, which runs on every date; "
    "this module's worker processes take about three minutes a pass")]


@pytest.fixture
def office(pg_server, pg_templates, tmp_path) -> Iterator[tuple[str, Database]]:
    """The office's shared PostgreSQL with the demo data."""
    from oroshi_desktop.demo import generate_demo

    name = f"office_{os.getpid()}_{next(_counter)}"
    url = pg_server.create_database(name, template=pg_templates["pg_app"])
    database = open_database(url)
    generate_demo(database, scale=1, seed=0)
    yield url, database
    database.dispose()
    pg_server.drop_database(name)


@pytest.fixture
def redis_url() -> Iterator[str]:
    with running_redis() as url:
        yield url


@pytest.fixture(params=["redis", "postgresql"])
def queue_url(request, pg_server) -> Iterator[str]:
    """Both shared-queue engines: a redis-server, or Huey's PostgresHuey in its own PostgreSQL database."""
    if request.param == "redis":
        with running_redis() as url:
            yield url
        return
    name = f"queue_{os.getpid()}_{next(_counter)}"
    yield pg_server.create_database(name).replace("postgresql+psycopg://", "postgresql://")
    pg_server.drop_database(name)


class Office:
    """Environments of the PCs of one office and the processes they run."""

    def __init__(self, tmp_path: Path, **common: str) -> None:
        self.tmp_path = tmp_path
        self.common = {key: value for key, value in os.environ.items() if not key.startswith("OROSHI_")}
        self.common.update(common)
        self.processes: list[subprocess.Popen[str]] = []

    def env(self, pc: str, **extra: str) -> dict[str, str]:
        return {**self.common, "OROSHI_HOME": str(self.tmp_path / pc), "OROSHI_PC_NAME": pc, **extra}

    def cli(self, pc: str, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "oroshi_desktop", *args], capture_output=True, text=True,
                              timeout=120, cwd=ROOT, env=self.env(pc, **extra))

    def worker(self, pc: str, *args: str, **extra: str) -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "worker", *args], cwd=ROOT,
                                   env=self.env(pc, **extra), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True)
        self.processes.append(process)
        lines = []
        for line in process.stdout:  # wait until it runs (start-up sweep and catch-up check done)
            lines.append(line)
            if "worker running" in line:
                return process
        raise AssertionError(f"worker {pc} did not start: {''.join(lines)}")

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def make_office(tmp_path) -> Iterator[Callable[..., Office]]:
    offices: list[Office] = []

    def make(**common: str) -> Office:
        offices.append(Office(tmp_path, **common))
        return offices[-1]

    yield make
    for office_ in offices:
        office_.stop_all()


def queued_id(result: subprocess.CompletedProcess[str]) -> int:
    assert result.returncode == 0, result.stdout + result.stderr
    return int(result.stdout.split("queued job ")[1].split()[0])


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"not reached in {timeout} s: {what}")


def jobs(db: Database) -> dict[int, JobRow]:
    with db.read() as session:
        return {row.id: row for row in session.scalars(select(JobRow))}


def test_pc_a_asks_a_server_worker_runs_and_pc_a_sees_and_opens_every_output(office, queue_url, make_office,
                                                                             tmp_path):
    url, db = office
    with db.read() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        start, end = invoice.start_date, invoice.end_date
    with SmtpTestServer.running() as smtp:
        pcs = make_office(OROSHI_DATABASE_URL=url, OROSHI_QUEUE_URL=queue_url, OROSHI_SMTP_HOST=HOST,
                          OROSHI_SMTP_PORT=str(smtp.port), OROSHI_SMTP_SECURITY="none")
        asked = {
            "statement": queued_id(pcs.cli("pc-a", "enqueue", "statement", "--invoice", str(DUE_INVOICE))),
            "preview": queued_id(pcs.cli("pc-a", "enqueue", "preview", "--from", start.isoformat(), "--to",
                                         end.isoformat(), "--organization", "1", "--format", "supplier")),
            "shipping_chart": queued_id(pcs.cli("pc-a", "enqueue", "shipping-chart", "--date", TODAY.isoformat(),
                                                "--carrier", "1")),
            "packing_slips": queued_id(pcs.cli("pc-a", "enqueue", "packing-slips", "--date", TODAY.isoformat(),
                                               "--carrier", "1")),
            "shipping_list": queued_id(pcs.cli("pc-a", "enqueue", "shipping-list", "--date", TODAY.isoformat())),
            "check_sheet": queued_id(pcs.cli("pc-a", "enqueue", "check-sheet", "--date",
                                             a_check_sheet_day(db, TODAY).isoformat(), "--prefecture", "1",
                                             "--reception-time", "1")),
        }
        assert {row.state for row in jobs(db).values()} == {QUEUED}
        pcs.worker("server", "--workers", "2")
        wait_until(lambda: all(row.state in (DONE, FAILED) for row in jobs(db).values()), 90, "every job ends")
        mail_job = queued_id(pcs.cli("pc-a", "enqueue", "mail", "--invoice", str(DUE_INVOICE)))
        wait_until(lambda: jobs(db)[mail_job].state in (DONE, FAILED), 60, "the mail job ends")
        assert len(smtp.accepted) == 3  # the run's three organizations, sent by the server
    asked["mail"] = mail_job

    rows = jobs(db)
    for kind, job_id in asked.items():
        row = rows[job_id]
        assert row.state == DONE, (kind, row.error)
        assert row.requested_by == "pc-a" and row.ran_by.startswith("server:"), (kind, row.ran_by)
        assert row.output_path is None, "the server keeps no copy for another PC"
    assert not (tmp_path / "server" / "data" / "output").exists()

    listing = pcs.cli("pc-a", "jobs", "list")
    assert listing.returncode == 0, listing.stderr
    lines = {int(line.split()[0]): line for line in listing.stdout.splitlines()}
    assert set(lines) == set(asked.values())
    for job_id in asked.values():
        assert " done " in lines[job_id] and "PC pc-a" in lines[job_id] and "ran by server:" in lines[job_id]
    assert pcs.cli("server", "jobs", "list").stdout.startswith("no jobs from this PC")
    assert len(pcs.cli("server", "jobs", "list", "--all").stdout.splitlines()) == len(asked)

    for kind in ("preview", "shipping_chart", "packing_slips", "shipping_list", "check_sheet"):
        opened = pcs.cli("pc-a", "jobs", "open-output", str(asked[kind]))
        assert opened.returncode == 0, opened.stderr
        path = Path(opened.stdout.strip())
        assert path.parent == tmp_path / "pc-a" / "data" / "output"
        with db.read() as session:
            stored = session.get(StoredDocument, rows[asked[kind]].document_id)
            assert path.read_bytes() == stored.content and path.read_bytes().startswith(b"%PDF")
            assert stored.owner_type == "oroshi_desktop_job" and stored.owner_id == asked[kind]
    none = pcs.cli("pc-a", "jobs", "open-output", str(asked["mail"]))
    assert none.returncode == 2 and "no stored output" in none.stderr and "Traceback" not in none.stderr


def test_three_workers_share_one_schedule_and_a_killed_one_is_replaced_at_once(office, redis_url, make_office):
    url, db = office
    make_due(db)  # due, and no SMTP: every mail check fails and the run stays due for the next slot
    tick = 3.0
    pcs = make_office(OROSHI_DATABASE_URL=url, OROSHI_QUEUE_URL=redis_url, OROSHI_MAIL_SCHEDULE="* * * * *",
                      OROSHI_SCHEDULE_TICK_SECONDS=str(tick))
    workers = [pcs.worker(f"server-{n}", "--workers", "1") for n in range(3)]

    def slots() -> list[ScheduleSlot]:
        with db.read() as session:
            return list(session.scalars(select(ScheduleSlot).where(ScheduleSlot.task == "mail_check")
                                        .order_by(ScheduleSlot.slot)))

    first = len(slots())
    # A slot is claimed first, then its check is queued and recorded on it.
    wait_until(lambda: len(slots()) >= first + 3 and all(slot.job_id for slot in slots()[first:first + 3]), 30,
               "three more slots, each with its check")
    window = slots()[first:first + 3]
    assert [b.slot - a.slot for a, b in itertools.pairwise(window)] == [timedelta(seconds=tick)] * 2
    with db.read() as session:
        checks = session.scalars(select(JobRow).where(JobRow.kind == "mail", JobRow.created_at >= window[0].slot,
                                                      JobRow.created_at < window[-1].slot
                                                      + timedelta(seconds=tick))).all()
    assert len(checks) == 3, "exactly one periodic check per slot from three processes"
    assert sorted(row.id for row in checks) == sorted(slot.job_id for slot in window)

    # Kill the process that claimed the newest slot: the next slot is claimed by another, at once.
    newest = slots()[-1]
    victim = next(w for w in workers if newest.claimed_by.endswith(f":{w.pid}"))
    victim.kill()
    victim.wait()
    killed_at = time.monotonic()
    wait_until(lambda: slots()[-1].slot > newest.slot + timedelta(seconds=tick), 60, "a later slot claimed")
    assert time.monotonic() - killed_at < 60
    after = [slot for slot in slots() if slot.slot > newest.slot + timedelta(seconds=tick)]
    assert after and all(not slot.claimed_by.endswith(f":{victim.pid}") for slot in after)
    pcs.stop_all()  # a schedule step in flight finishes first: its slot then names its check
    with db.read() as session:
        total_checks = len(session.scalars(select(JobRow.id).where(JobRow.kind == "mail")).all())
    claimed = [slot for slot in slots() if slot.job_id is not None]
    assert total_checks == len(claimed), "no check was queued outside a claimed slot"


def test_a_worker_killed_during_a_long_job_leaves_it_done_never_stuck(office, redis_url, make_office, pg_server):
    url, db = office
    pcs = make_office(OROSHI_DATABASE_URL=url, OROSHI_QUEUE_URL=redis_url, OROSHI_JOB_LEASE_SECONDS="2")
    from dataclasses import replace

    from jobs.queue.pause import PAUSED_MESSAGE, set_paused
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.identity import queue_scope
    from oroshi_desktop.ledger import Ledger

    office_ledger = Ledger(db, scope=queue_scope(replace(load_settings(), queue_url=redis_url)))
    set_paused(office_ledger, True)  # the job waits on the queue until the table below is locked
    job_id = queued_id(pcs.cli("pc-a", "enqueue", "shipping-list", "--date", TODAY.isoformat()))
    first = pcs.worker("server-1", "--workers", "1")
    wait_until(lambda: jobs(db)[job_id].message_key == PAUSED_MESSAGE.key, 30, "the job is held by the pause")
    # A long job: the shipping list waits for the orders table, which this test holds locked.
    blocker = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=False)
    blocker.execute("LOCK TABLE oroshi_orders IN ACCESS EXCLUSIVE MODE")
    try:
        set_paused(office_ledger, False)
        wait_until(lambda: jobs(db)[job_id].state == RUNNING, 30, "the job runs")
        assert jobs(db)[job_id].ran_by.endswith(f":{first.pid}")
        time.sleep(0.5)
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        blocker.rollback()
        blocker.close()
    assert jobs(db)[job_id].state == RUNNING  # what the kill left
    second = pcs.worker("server-2", "--workers", "1")
    wait_until(lambda: jobs(db)[job_id].state in (DONE, FAILED), 60, "the job ends")
    row = jobs(db)[job_id]
    assert row.state == DONE and row.attempts == 2, row.error
    assert row.ran_by.endswith(f":{second.pid}")


def test_two_pcs_with_local_queues_never_share_ids_or_touch_each_others_jobs(office, make_office):
    url, db = office
    pcs = make_office(OROSHI_DATABASE_URL=url)  # no shared queue: each PC has its own local queue
    enqueue = [sys.executable, "-c", (
        "from datetime import date; from jobs.queue.instance import make_huey; from jobs.runtime import Runtime; "
        "from jobs.queue.tasks import register_tasks; from oroshi_desktop.config import load_settings; "
        "rt = Runtime(load_settings()); tasks = register_tasks(make_huey(rt.settings), lambda: rt); "
        f"print(' '.join(str(tasks.enqueue_order_document('shipping_list', day=date.fromisoformat('{TODAY}'), "
        "carrier_id=None)) "
        "for _ in range(25)))")]
    procs = [subprocess.Popen(enqueue, cwd=ROOT, env=pcs.env(pc), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for pc in ("pc-a", "pc-b")]
    ids = {}
    for pc, proc in zip(("pc-a", "pc-b"), procs, strict=True):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        ids[pc] = [int(n) for n in out.split()]
    assert len(ids["pc-a"]) == len(ids["pc-b"]) == 25
    assert set(ids["pc-a"]).isdisjoint(ids["pc-b"]), "two PCs' job ids never collide"

    pcs.worker("pc-b", "--workers", "2")
    wait_until(lambda: all(jobs(db)[n].state == DONE for n in ids["pc-b"]), 90, "PC B's jobs done")
    time.sleep(1.5)  # PC B's sweeps ran meanwhile: PC A's jobs sit in PC A's own queue, untouched
    rows = jobs(db)
    assert {rows[n].state for n in ids["pc-a"]} == {QUEUED}
    assert all(rows[n].submitted_at == rows[n].created_at for n in ids["pc-a"]), "never resubmitted by PC B"
    listing = pcs.cli("pc-b", "jobs", "list", "--all", "--limit", "100")
    assert listing.stdout.count("PC pc-a") == 25 and listing.stdout.count("PC pc-b") == 25

    # Discard and retry work from any PC: PC B discards one of PC A's jobs, then retries it on its
    # own queue, where its worker runs it; PC A then opens the output PC B's worker stored.
    theirs = ids["pc-a"][0]
    assert pcs.cli("pc-b", "jobs", "discard", str(theirs)).returncode == 0
    assert jobs(db)[theirs].state == "discarded"
    retried = pcs.cli("pc-b", "jobs", "retry", str(theirs))
    assert retried.returncode == 0, retried.stderr
    wait_until(lambda: jobs(db)[theirs].state == DONE, 60, "the retried job runs on PC B")
    row = jobs(db)[theirs]
    assert row.requested_by == "pc-a" and row.ran_by.startswith("pc-b:") and row.output_path is None
    opened = pcs.cli("pc-a", "jobs", "open-output", str(theirs))
    assert opened.returncode == 0 and Path(opened.stdout.strip()).read_bytes().startswith(b"%PDF"), opened.stderr


def test_tasks_lost_with_the_queue_server_are_resubmitted_once_by_one_of_two_workers(office, redis_url,
                                                                                    make_office):
    import redis

    url, db = office
    pcs = make_office(OROSHI_DATABASE_URL=url, OROSHI_QUEUE_URL=redis_url)
    ids = [queued_id(pcs.cli("pc-a", "enqueue", "shipping-list", "--date", TODAY.isoformat())) for _ in range(3)]
    client = redis.Redis.from_url(redis_url)
    client.flushall()  # what a restart of a Redis without persistence does to waiting tasks
    time.sleep(2.5)  # older than the grace a row gets to reach the queue
    workers = [subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "worker", "--workers", "1"], cwd=ROOT,
                                env=pcs.env(f"server-{n}"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True) for n in range(2)]
    pcs.processes.extend(workers)  # both start at once: both sweep for lost tasks
    wait_until(lambda: all(jobs(db)[n].state == DONE for n in ids), 60, "the lost jobs ran")
    time.sleep(1.0)
    rows = jobs(db)
    assert all(rows[n].attempts == 1 for n in ids), "each lost job was resubmitted once and ran once"
    pcs.stop_all()
    outputs = "".join(worker.stdout.read() for worker in workers)
    assert outputs.count("queued jobs lost from the queue, queued again") >= 1
    resubmitted = [int(n) for line in outputs.splitlines() if "queued again:" in line
                   for n in line.split("queued again:")[1].replace(",", " ").split()]
    assert sorted(resubmitted) == sorted(ids), "every lost job was resubmitted by exactly one process"
