"""The job ledger: one row per job of this PC, in the local SQLite store next to the queue.

Huey only wakes workers and forgets a task the moment a worker takes it; the ledger is the truth
about what was asked, what ran and how it ended. It never holds a secret: arguments are the
render/statement parameters only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, MetaData, String, Text, create_engine, event, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from oroshi_desktop.db.types import AwareDateTime, utcnow
from oroshi_desktop.errors import NotFound, UserError

QUEUED, RUNNING, DONE, FAILED, DISCARDED = "queued", "running", "done", "failed", "discarded"
STATES = (QUEUED, RUNNING, DONE, FAILED, DISCARDED)
STATE_LABELS_JA = {QUEUED: "待機中", RUNNING: "実行中", DONE: "完了", FAILED: "失敗", DISCARDED: "破棄"}

_SECRET_WORDS = ("password", "secret", "token")


class LocalBase(DeclarativeBase):
    metadata = MetaData()


class JobRecord(LocalBase):
    __tablename__ = "oroshi_desktop_jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    arguments: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    state: Mapped[str] = mapped_column(String(16), nullable=False, default=QUEUED, index=True)
    message: Mapped[str] = mapped_column(Text, nullable=False, default="")
    output_path: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow, onupdate=utcnow)


class ControlRecord(LocalBase):
    """Small per-PC switches next to the ledger (e.g. the queue's paused flag)."""

    __tablename__ = "oroshi_desktop_control"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow, onupdate=utcnow)


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

    @property
    def state_ja(self) -> str:
        return STATE_LABELS_JA[self.state]


def _check_no_secret(arguments: dict[str, Any]) -> None:
    for key in arguments:
        if any(word in key.lower() for word in _SECRET_WORDS):
            raise ValueError(f"job argument {key!r} looks like a secret; the ledger never stores one")


class Ledger:
    """Access to the local store's job table; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.engine = create_engine(f"sqlite:///{path}")

        @event.listens_for(self.engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            dbapi_connection.execute("PRAGMA busy_timeout=30000")

        @event.listens_for(self.engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        LocalBase.metadata.create_all(self.engine)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def create(self, kind: str, arguments: dict[str, Any], message: str) -> int:
        _check_no_secret(arguments)
        with self._write() as session:
            record = JobRecord(kind=kind, arguments=json.dumps(arguments, ensure_ascii=False, sort_keys=True),
                               message=message)
            session.add(record)
            session.flush()
            return record.id

    def start(self, job_id: int, message: str) -> bool:
        """Mark running; False when the job was discarded meanwhile (then it must not run)."""
        with self._write() as session:
            result = session.execute(
                update(JobRecord).where(JobRecord.id == job_id, JobRecord.state.in_((QUEUED, FAILED, RUNNING)))
                .values(state=RUNNING, message=message, started_at=utcnow(), error=None,
                        attempts=JobRecord.attempts + 1, updated_at=utcnow()))
            return result.rowcount == 1

    def finish(self, job_id: int, message: str, output_path: str | None = None) -> None:
        with self._write() as session:
            session.execute(update(JobRecord).where(JobRecord.id == job_id).values(
                state=DONE, message=message, output_path=output_path, finished_at=utcnow(), updated_at=utcnow()))

    def fail(self, job_id: int, message: str, error: str, *, will_retry: bool = False) -> None:
        with self._write() as session:
            session.execute(update(JobRecord).where(JobRecord.id == job_id).values(
                state=QUEUED if will_retry else FAILED, message=message, error=error,
                finished_at=None if will_retry else utcnow(), updated_at=utcnow()))

    def requeue(self, job_id: int, message: str) -> JobView:
        """A person's retry of a failed (or discarded) job."""
        with self._write() as session:
            record = session.get(JobRecord, job_id)
            if record is None:
                raise NotFound(f"job {job_id} does not exist", f"ジョブ {job_id} が見つかりません")
            if record.state not in (FAILED, DISCARDED):
                raise UserError(f"job {job_id} is {record.state}; only failed or discarded jobs can be retried",
                                f"ジョブ {job_id} は{STATE_LABELS_JA[record.state]}です。再実行できるのは失敗・破棄のジョブだけです")
            record.state, record.message, record.error, record.finished_at = QUEUED, message, None, None
            session.flush()
            return _view(record)

    def discard(self, job_id: int) -> JobView:
        with self._write() as session:
            record = session.get(JobRecord, job_id)
            if record is None:
                raise NotFound(f"job {job_id} does not exist", f"ジョブ {job_id} が見つかりません")
            if record.state in (RUNNING, DONE):
                raise UserError(f"job {job_id} is {record.state} and cannot be discarded",
                                f"ジョブ {job_id} は{STATE_LABELS_JA[record.state]}のため破棄できません")
            record.state, record.finished_at = DISCARDED, utcnow()
            session.flush()
            return _view(record)

    def hold(self, job_id: int, message: str) -> bool:
        """Leave a job queued with ``message`` (paused); False when it was discarded or finished."""
        with self._write() as session:
            result = session.execute(
                update(JobRecord).where(JobRecord.id == job_id, JobRecord.state.in_((QUEUED, FAILED)))
                .values(state=QUEUED, message=message, updated_at=utcnow()))
            return result.rowcount == 1

    def queued_before(self, moment: datetime) -> list[JobView]:
        """Queued jobs last touched before ``moment`` (candidates for a lost queue task)."""
        with self._sessions() as session:
            rows = session.scalars(select(JobRecord).where(JobRecord.state == QUEUED, JobRecord.updated_at < moment)
                                   .order_by(JobRecord.id))
            return [_view(r) for r in rows]

    def get_value(self, key: str, default: str = "") -> str:
        with self._sessions() as session:
            record = session.get(ControlRecord, key)
            return record.value if record is not None else default

    def set_value(self, key: str, value: str) -> None:
        with self._write() as session:
            record = session.get(ControlRecord, key)
            if record is None:
                session.add(ControlRecord(key=key, value=value))
            else:
                record.value, record.updated_at = value, utcnow()

    def recover_interrupted(self) -> list[int]:
        """Jobs left ``running`` by a killed process become failed, so a person sees them."""
        with self._write() as session:
            ids = list(session.scalars(select(JobRecord.id).where(JobRecord.state == RUNNING)))
            if ids:
                session.execute(update(JobRecord).where(JobRecord.id.in_(ids)).values(
                    state=FAILED, error="interrupted: the worker stopped while this job was running",
                    message="中断されました（再実行できます）", finished_at=utcnow(), updated_at=utcnow()))
            return ids

    def get(self, job_id: int) -> JobView:
        with self._sessions() as session:
            record = session.get(JobRecord, job_id)
            if record is None:
                raise NotFound(f"job {job_id} does not exist", f"ジョブ {job_id} が見つかりません")
            return _view(record)

    def list(self, *, states: tuple[str, ...] = STATES, limit: int = 200, offset: int = 0) -> list[JobView]:
        with self._sessions() as session:
            rows = session.scalars(select(JobRecord).where(JobRecord.state.in_(states))
                                   .order_by(JobRecord.id.desc()).limit(limit).offset(offset))
            return [_view(r) for r in rows]

    def count(self, states: tuple[str, ...] = STATES) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(JobRecord)
                                  .where(JobRecord.state.in_(states))) or 0

    def dispose(self) -> None:
        self.engine.dispose()


def _view(record: JobRecord) -> JobView:
    return JobView(id=record.id, kind=record.kind, arguments=json.loads(record.arguments), state=record.state,
                   message=record.message, output_path=record.output_path, error=record.error,
                   attempts=record.attempts, created_at=record.created_at, started_at=record.started_at,
                   finished_at=record.finished_at)
