"""The job ledger: one row per job in the app database (``oroshi_desktop_jobs``), in every mode.

Huey only wakes workers and forgets a task the moment a worker takes it; the ledger is the truth
about what was asked, by which PC, what ran where and how it ended. With the embedded database it
is the local SQLite file; with a shared PostgreSQL every PC sees every job. It never holds a
secret: arguments are the render/statement parameters only.

A ``Ledger`` belongs to one queue scope (see ``oroshi_desktop.identity``): new jobs are recorded in
that scope, and only rows of that scope are resubmitted or recovered by it. Every change that two
processes might race for (a lost task resubmitted, an expired lease taken back) is a conditional
UPDATE that exactly one of them wins.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, FromClause, and_, exists, func, or_, select, update

from oroshi_desktop.db import models as m
from oroshi_desktop.db.engine import Database, rows_changed
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import JOB_OUTPUT_OWNER_TYPE, store_document
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.labels import (
    JOB_STATE_LABELS,
    JobMessage,
    JobState,
    Label,
    LedgerMessage,
    labels_ja,
    stored_message_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

QUEUED, RUNNING, DONE, FAILED, DISCARDED = (JobState.QUEUED, JobState.RUNNING, JobState.DONE, JobState.FAILED,
                                            JobState.DISCARDED)
STATES = tuple(JobState)
STATE_LABELS_JA = labels_ja(JOB_STATE_LABELS)

MAIL_KIND = "mail"  # ``jobs.queue.tasks.MAIL``: the core cannot import the jobs layer


def unresolved_failure(jobs: FromClause) -> ColumnElement[bool]:
    """A failed job that still needs a person: no later job made it moot.

    A later job of the same kind with the same arguments that succeeded settles it (the document
    was made after all). A failed mail job is settled by any later mail job that succeeded: the
    mail itself is tracked per organization in the outbox, whose 失敗 and 要確認 rows stay counted
    there. Used by the tray, the status bar and the 今日 view, so they agree. ``jobs`` is the table
    the statement reads: ``m.JobRow.__table__``, or ``db.tables.jobs`` where the models are not loaded.
    """
    job, later = jobs.c, jobs.alias().c
    same_work = or_(and_(job.kind == MAIL_KIND, later.kind == MAIL_KIND),
                    and_(later.kind == job.kind, later.arguments == job.arguments))
    return and_(job.state == FAILED, ~exists().where(same_work, later.state == DONE, later.id > job.id))


STOPPED_MESSAGE = LedgerMessage(JobMessage.STOPPED)
STOPPED_ERROR = "the worker stopped while this job was running (its lease expired)"

_SECRET_WORDS = ("password", "secret", "token")


@dataclass(frozen=True)
class JobView:
    id: int
    kind: str
    arguments: dict[str, Any]
    state: str
    message: str
    output_path: str | None
    error: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    requested_by: str = ""
    ran_by: str | None = None
    scope: str = ""
    document_id: int | None = None
    token: str = ""
    lease_until: datetime | None = None
    submitted_at: datetime | None = None
    message_key: str | None = None  # a ``labels.JobMessage`` (None: a row from before message keys)
    message_args: dict[str, str] | None = None

    def message_text(self, language: str) -> str:
        """The message in ``language``: by its key, or the stored sentence of an older row."""
        return stored_message_text(self.message_key, self.message_args, self.message, language)

    @property
    def state_ja(self) -> str:
        return STATE_LABELS_JA[self.state]

    @property
    def state_label(self) -> Label:
        return JOB_STATE_LABELS[self.state]

    @property
    def has_output(self) -> bool:
        return self.state == DONE and (self.document_id is not None or bool(self.output_path))


@dataclass(frozen=True)
class JobOutput:
    """A document a job made: stored in the document store when the job finishes."""

    kind: str
    filename: str
    content: bytes


def _check_no_secret(arguments: dict[str, Any]) -> None:
    for key in arguments:
        if any(word in key.lower() for word in _SECRET_WORDS):
            raise ValueError(f"job argument {key!r} looks like a secret; the ledger never stores one")


# A message is a ``LedgerMessage`` (stored as its key and arguments, with its Japanese sentence) or
# free text (stored as it is: tests, a newer version's words).
Message = LedgerMessage | str


def _message_values(message: Message) -> dict[str, Any]:
    if isinstance(message, LedgerMessage):
        return {"message": message.text("ja"), "message_key": message.key.value,
                "message_args": dict(message.arguments) or None}
    return {"message": message, "message_key": None, "message_args": None}


def _not_found(job_id: int) -> NotFound:
    return NotFound(f"job {job_id} does not exist", f"ジョブ {job_id} が見つかりません")


class Ledger:
    """The job table of the app database, seen from one queue scope; safe to share between threads."""

    def __init__(self, db: Database, *, scope: str = "local", pc: str | None = None) -> None:
        from oroshi_desktop.identity import pc_name

        self.db = db
        self.scope = scope
        self.pc = pc or pc_name()

    @classmethod
    def for_settings(cls, db: Database, settings: Any) -> Ledger:
        from oroshi_desktop.identity import queue_scope

        return cls(db, scope=queue_scope(settings))

    def _row(self, session: Session, job_id: int) -> m.JobRow:
        record = session.get(m.JobRow, job_id)
        if record is None:
            raise _not_found(job_id)
        return record

    # ---- a job's life ---------------------------------------------------------------------------

    def create(self, kind: str, arguments: dict[str, Any], message: Message) -> int:
        _check_no_secret(arguments)
        now = utcnow()
        with self.db.write() as session:
            record = m.JobRow(token=uuid.uuid4().hex, kind=kind, state=QUEUED, attempts=0,
                            arguments=json.dumps(arguments, ensure_ascii=False, sort_keys=True),
                            **_message_values(message), scope=self.scope, requested_by=self.pc,
                            submitted_at=now, created_at=now, updated_at=now)
            session.add(record)
            session.flush()
            return record.id

    def start(self, job_id: int, message: Message, *, token: str | None = None, ran_by: str | None = None,
              lease: timedelta | None = None) -> bool:
        """Mark running; False when the job was discarded or finished meanwhile, or when ``token``
        is not this row's (a stale task): then it must not run.

        A row still ``running`` under this very worker (``ran_by``) with this token is this
        process's own earlier attempt, which could not record that it must be retried because the
        database was away at that moment: its retry may start it again.
        """
        now = utcnow()
        startable = m.JobRow.state == QUEUED
        if token is not None and ran_by is not None:
            startable = or_(startable, and_(m.JobRow.state == RUNNING, m.JobRow.ran_by == ran_by))
        conditions = [m.JobRow.id == job_id, startable]
        if token is not None:
            conditions.append(m.JobRow.token == token)
        with self.db.write() as session:
            result = session.execute(
                update(m.JobRow).where(*conditions)
                .values(state=RUNNING, **_message_values(message), started_at=now, error=None, finished_at=None,
                        attempts=m.JobRow.attempts + 1, ran_by=ran_by,
                        lease_until=now + lease if lease is not None else None, updated_at=now))
            return rows_changed(result) == 1

    def heartbeat(self, job_ids: list[int], lease: timedelta) -> int:
        """Extend the lease of running jobs this process is working on."""
        if not job_ids:
            return 0
        now = utcnow()
        with self.db.write() as session:
            result = session.execute(update(m.JobRow).where(m.JobRow.id.in_(job_ids), m.JobRow.state == RUNNING)
                                     .values(lease_until=now + lease))
            return rows_changed(result)

    def finish(self, job_id: int, message: Message, output_path: str | None = None,
               output: JobOutput | None = None) -> int | None:
        """Done; ``output`` is stored in the document store in the same transaction (its id returned)."""
        now = utcnow()
        with self.db.write() as session:
            document_id = None
            if output is not None:
                document_id = store_document(session, owner_type=JOB_OUTPUT_OWNER_TYPE, owner_id=job_id,
                                             kind=output.kind, filename=output.filename,
                                             content=output.content).id
            session.execute(update(m.JobRow).where(m.JobRow.id == job_id).values(
                state=DONE, **_message_values(message), output_path=output_path, document_id=document_id,
                finished_at=now, lease_until=None, updated_at=now))
            return document_id

    def fail(self, job_id: int, message: Message, error: str, *, will_retry: bool = False) -> None:
        now = utcnow()
        with self.db.write() as session:
            session.execute(update(m.JobRow).where(m.JobRow.id == job_id).values(
                state=QUEUED if will_retry else FAILED, **_message_values(message), error=error, lease_until=None,
                finished_at=None if will_retry else now, updated_at=now,
                **({"submitted_at": now} if will_retry else {})))

    def requeue(self, job_id: int, message: Message) -> JobView:
        """A person's retry of a failed (or discarded) job, from any PC: its task goes to this scope."""
        now = utcnow()
        with self.db.write() as session:
            record = self._row(session, job_id)
            if record.state not in (FAILED, DISCARDED):
                raise UserError(f"job {job_id} is {record.state}; only failed or discarded jobs can be retried",
                                f"ジョブ {job_id} は{STATE_LABELS_JA[record.state]}です。再実行できるのは失敗・破棄のジョブだけです")
            for column, value in _message_values(message).items():
                setattr(record, column, value)
            record.state, record.error, record.finished_at = QUEUED, None, None
            record.scope, record.submitted_at, record.lease_until, record.updated_at = self.scope, now, None, now
            record.token = uuid.uuid4().hex  # an older task of this job can no longer start it
            session.flush()
            return _view(record)

    def discard(self, job_id: int) -> JobView:
        with self.db.write() as session:
            record = self._row(session, job_id)
            if record.state in (RUNNING, DONE):
                raise UserError(f"job {job_id} is {record.state} and cannot be discarded",
                                f"ジョブ {job_id} は{STATE_LABELS_JA[record.state]}のため破棄できません")
            record.state, record.finished_at, record.updated_at = DISCARDED, utcnow(), utcnow()
            session.flush()
            return _view(record)

    def hold(self, job_id: int, message: Message) -> bool:
        """Leave a job queued with ``message`` (paused); False when it was discarded or finished.

        Its task was just seen alive and goes back to the queue's schedule: ``submitted_at`` is
        renewed so a sweep during that hand-over does not take it for lost.
        """
        now = utcnow()
        with self.db.write() as session:
            result = session.execute(
                update(m.JobRow).where(m.JobRow.id == job_id, m.JobRow.state.in_((QUEUED, FAILED)))
                .values(state=QUEUED, **_message_values(message), submitted_at=now, updated_at=now))
            return rows_changed(result) == 1

    # ---- lost tasks and stopped workers (this scope only) ---------------------------------------

    def queued_before(self, moment: datetime) -> list[JobView]:
        """Queued jobs of this scope last put on the queue before ``moment`` (a lost task?)."""
        with self.db.read() as session:
            rows = session.scalars(select(m.JobRow).where(m.JobRow.state == QUEUED, m.JobRow.scope == self.scope,
                                                        m.JobRow.submitted_at < moment).order_by(m.JobRow.id))
            return [_view(r) for r in rows]

    def claim_resubmission(self, job: JobView) -> bool:
        """True for exactly one of the processes that saw ``job`` lost; it puts the task back."""
        with self.db.write() as session:
            result = session.execute(
                update(m.JobRow).where(m.JobRow.id == job.id, m.JobRow.state == QUEUED,
                                     m.JobRow.submitted_at == job.submitted_at)
                .values(submitted_at=utcnow(), updated_at=utcnow()))
            return rows_changed(result) == 1

    def expired_running(self, moment: datetime | None = None) -> list[JobView]:
        """Running jobs of this scope whose worker stopped renewing the lease before ``moment``."""
        moment = moment or utcnow()
        with self.db.read() as session:
            rows = session.scalars(select(m.JobRow).where(m.JobRow.state == RUNNING, m.JobRow.scope == self.scope,
                                                        m.JobRow.lease_until < moment).order_by(m.JobRow.id))
            return [_view(r) for r in rows]

    def reclaim(self, job: JobView, *, requeue: bool, message: Message) -> bool:
        """Take back a job whose lease expired: queued again (``requeue``) or failed. One process wins."""
        now = utcnow()
        values: dict[str, Any] = {"state": QUEUED, "submitted_at": now} if requeue else \
            {"state": FAILED, "finished_at": now}
        with self.db.write() as session:
            result = session.execute(
                update(m.JobRow).where(m.JobRow.id == job.id, m.JobRow.state == RUNNING,
                                     m.JobRow.lease_until == job.lease_until)
                .values(**_message_values(message), error=STOPPED_ERROR, lease_until=None, updated_at=now, **values))
            return rows_changed(result) == 1

    # ---- per-scope switches -----------------------------------------------------------------------

    def get_value(self, key: str, default: str = "") -> str:
        with self.db.read() as session:
            record = session.get(m.QueueFlag, (self.scope, key))
            return record.value if record is not None else default

    def set_value(self, key: str, value: str) -> None:
        with self.db.write() as session:
            record = session.get(m.QueueFlag, (self.scope, key))
            if record is None:
                session.add(m.QueueFlag(scope=self.scope, key=key, value=value, updated_at=utcnow()))
            else:
                record.value, record.updated_at = value, utcnow()

    # ---- reading ----------------------------------------------------------------------------------

    def get(self, job_id: int) -> JobView:
        with self.db.read() as session:
            return _view(self._row(session, job_id))

    def list(self, *, states: tuple[str, ...] = STATES, limit: int = 200, offset: int = 0,
             requested_by: str | None = None) -> list[JobView]:
        """Newest first; ``requested_by`` keeps one PC's jobs (None: every PC's)."""
        query = select(m.JobRow).where(m.JobRow.state.in_(states))
        if requested_by is not None:
            query = query.where(m.JobRow.requested_by == requested_by)
        with self.db.read() as session:
            rows = session.scalars(query.order_by(m.JobRow.id.desc()).limit(limit).offset(offset))
            return [_view(r) for r in rows]

    def count(self, states: tuple[str, ...] = STATES, requested_by: str | None = None) -> int:
        query = select(func.count()).select_from(m.JobRow).where(m.JobRow.state.in_(states))
        if requested_by is not None:
            query = query.where(m.JobRow.requested_by == requested_by)
        with self.db.read() as session:
            return session.scalar(query) or 0

    def output(self, job_id: int) -> tuple[str, bytes]:
        """The stored document a finished job made: (file name, bytes), from any PC."""
        with self.db.read() as session:
            record = self._row(session, job_id)
            if record.state != DONE or record.document_id is None:
                raise UserError(f"job {job_id} has no stored output", f"ジョブ {job_id} には出力がありません")
            document = session.get(m.StoredDocument, record.document_id)
            if document is None:
                raise UserError(f"the output of job {job_id} has expired and was deleted",
                                f"ジョブ {job_id} の出力は保存期間を過ぎたため削除されました")
            return document.filename, bytes(document.content)

    def save_output(self, job_id: int, folder: Path) -> Path:
        """Write a finished job's stored document into ``folder`` (this PC's) and return its path."""
        filename, content = self.output(job_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(filename).name  # a stored name never leaves the folder
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(content)
        tmp.replace(path)
        return path

    def dispose(self) -> None:
        """Nothing to release: the database belongs to whoever opened it."""


def _view(record: m.JobRow) -> JobView:
    return JobView(id=record.id, kind=record.kind, arguments=json.loads(record.arguments), state=record.state,
                   message=record.message, output_path=record.output_path, error=record.error,
                   attempts=record.attempts, created_at=record.created_at, started_at=record.started_at,
                   finished_at=record.finished_at, requested_by=record.requested_by, ran_by=record.ran_by,
                   scope=record.scope, document_id=record.document_id, token=record.token,
                   lease_until=record.lease_until, submitted_at=record.submitted_at,
                   message_key=record.message_key, message_args=record.message_args)
