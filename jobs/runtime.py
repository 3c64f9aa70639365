"""What a task needs at run time: the shared database, the job ledger, the output folder, mail.

Created lazily, once per process (the consumer's worker threads share it). ``run_job`` is the one
place that moves a ledger row queued → running → done/failed, renews its lease while it runs, and
stores the document a job made in the document store (a local copy only on the PC that asked).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.errors import DatabaseUnavailable, UserError
from oroshi_desktop.identity import worker_name
from oroshi_desktop.ledger import JobOutput, Ledger

log = logging.getLogger(__name__)

# A row left in ``sending`` longer than this is called uncertain at start (longer than any send).
OUTBOX_LEASE = timedelta(minutes=15)


class RetryLater(Exception):
    """A temporary failure: the ledger row goes back to queued and the queue retries with backoff."""

    def __init__(self, message: str, message_ja: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_ja = message_ja or message


class _RetryIsNoError(logging.Filter):
    """Huey logs every exception a task raises as "Unhandled exception in task" with a traceback;
    a ``RetryLater`` is the planned way back to the queue, so it becomes one info line."""

    def filter(self, record: logging.LogRecord) -> bool:
        err = record.exc_info[1] if record.exc_info else None
        if isinstance(err, RetryLater):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = "task %s will be retried: %s", (*(record.args or ("?",))[:1], err.message)
            record.exc_info, record.exc_text = None, None
        return True


def quiet_retries() -> None:
    """Install the filter on Huey's logger (once, whoever calls it first)."""
    huey_log = logging.getLogger("huey")
    if not any(isinstance(existing, _RetryIsNoError) for existing in huey_log.filters):
        huey_log.addFilter(_RetryIsNoError())


def error_text(err: BaseException) -> str:
    """A one-line error for the ledger; mail and database errors are already scrubbed of secrets."""
    if isinstance(err, UserError | RetryLater):
        return err.message
    line = (str(err).strip().splitlines() or [""])[0]
    return f"{type(err).__name__}: {line}" if line else type(err).__name__


class Runtime:
    def __init__(self, settings: Settings, *, db: Database | None = None, owns_db: bool = False) -> None:
        """``db``: a database already opened (and checked) by the caller; ``owns_db``: ``close`` disposes
        it, as it does a database the runtime opened itself."""
        self.settings = settings
        self._lock = threading.Lock()
        self._db: Database | None = db
        self._owns_db = db is None or owns_db
        self._ledger: Ledger | None = None
        self._heartbeat: Any = None

    def _database(self) -> Database:
        """The database, opened on first use; call with ``_lock`` held."""
        if self._db is None:
            from oroshi_desktop.db.engine import open_database

            self._db = open_database(self.settings.effective_database_url)
            self._owns_db = True
        return self._db

    @property
    def db(self) -> Database:
        with self._lock:
            return self._database()

    @property
    def ledger(self) -> Ledger:
        """The job ledger in the app database, seen from this process's queue scope."""
        with self._lock:
            if self._ledger is None:
                self._ledger = Ledger.for_settings(self._database(), self.settings)
            return self._ledger

    @property
    def heartbeat(self) -> Any:
        from jobs.lease import Heartbeat, job_lease

        with self._lock:
            if self._heartbeat is None:
                self._heartbeat = Heartbeat(lambda ids, lease: self.ledger.heartbeat(ids, lease), job_lease())
            return self._heartbeat

    @property
    def output_dir(self) -> Path:
        return self.settings.paths.output_dir

    def write_output(self, filename: str, content: bytes) -> Path:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        path = self.output_dir / filename
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(content)
        tmp.replace(path)
        return path

    def transport(self) -> Any:
        """An SMTP transport that keeps one connection for a batch; call ``close()`` when done."""
        if not self.settings.smtp.configured:
            raise UserError("no SMTP server is configured (smtp.host); mail cannot be sent",
                            "メールサーバー（SMTP）が設定されていません。メールを送信できません")
        return batch_transport(self.settings.smtp)

    def keep_output(self, job_id: int, output: JobOutput) -> str | None:
        """The convenience copy in the output folder, only when this PC asked for the job."""
        if self.ledger.get(job_id).requested_by != self.ledger.pc:
            return None
        return str(self.write_output(output.filename, output.content))

    def run_job(self, job_id: int, *, message_running: str, message_failed: str,
                work: Callable[[], tuple[str, JobOutput | None]], will_retry: bool = False,
                token: str | None = None) -> str | None:
        """ledger start → ``work`` → finish(done message, stored output) or fail(failed message, error).

        Returns the local output path (None when the job ran for another PC). A job that is no
        longer queued (discarded, already run by a resubmitted twin) or whose ``token`` does not
        match is not run. ``RetryLater`` puts the row back to queued and is raised again when
        ``will_retry`` (the queue will run it again). Any other exception fails the row; it is
        logged, not raised, so Huey does not retry it.
        """
        ledger = self.ledger
        heartbeat = self.heartbeat
        if not ledger.start(job_id, message_running, token=token, ran_by=worker_name(), lease=heartbeat.lease):
            log.info("job %s is no longer queued (discarded, or run already); not run", job_id)
            return None
        heartbeat.add(job_id)
        try:
            return self._run_started(job_id, message_failed, work, will_retry)
        finally:
            heartbeat.remove(job_id)

    def _run_started(self, job_id: int, message_failed: str, work: Callable[[], tuple[str, JobOutput | None]],
                     will_retry: bool) -> str | None:
        ledger = self.ledger
        try:
            try:
                message_done, output = work()
            except (DatabaseUnavailable, sa_exc.OperationalError, sa_exc.InterfaceError) as err:
                # The shared database is unreachable (network, server restart): transient.
                raise RetryLater(f"database unreachable: {error_text(err)}",
                                 "データベースに接続できません。しばらくして再試行します") from err
        except RetryLater as err:
            try:
                ledger.fail(job_id, message_failed, error_text(err), will_retry=will_retry)
            except (sa_exc.OperationalError, sa_exc.InterfaceError, DatabaseUnavailable) as record_err:
                # The ledger shares the database that is away: the row stays running under this
                # worker, and the retry (same token, same worker) starts it again.
                log.warning("job %s: retry not recorded, the database is away: %s", job_id, record_err)
                if not will_retry:
                    raise
            if will_retry:
                raise
            return None
        except UserError as err:
            log.warning("job %s failed: %s", job_id, err.message)
            ledger.fail(job_id, message_failed, error_text(err))
            return None
        except Exception as err:
            log.exception("job %s failed", job_id)
            ledger.fail(job_id, message_failed, error_text(err))
            return None
        path = self.keep_output(job_id, output) if output is not None else None
        ledger.finish(job_id, message_done, path, output)
        return path

    def close(self) -> None:
        with self._lock:
            if self._heartbeat is not None:
                self._heartbeat.stop()
                self._heartbeat = None
            if self._db is not None:
                if self._owns_db:
                    self._db.dispose()
                self._db = None
            self._ledger = None


def batch_transport(smtp_settings: Any) -> Any:
    """A ``BatchSmtpTransport``: one SMTP connection for the messages of a batch (``close()`` it after)."""
    from oroshi_desktop.mail.transport import BatchSmtpTransport

    return BatchSmtpTransport(smtp_settings)
