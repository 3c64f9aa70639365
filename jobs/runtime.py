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

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database, is_connection_error
from oroshi_desktop.errors import UserError
from oroshi_desktop.identity import worker_name
from oroshi_desktop.labels import LedgerMessage
from oroshi_desktop.ledger import JobOutput, Ledger, Message

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
            args = record.args if isinstance(record.args, tuple) else ()
            record.msg, record.args = "task %s will be retried: %s", (args[0] if args else "?", err.message)
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


def with_reason(message_failed: Message, reason_ja: str, reason: str) -> Message:
    """The ledger message of a failed job with its Japanese reason, for the job centre, the tray and
    the statement view (the technical English stays in ``error``); just the message when the error
    has no Japanese text or says no more than the message. With a reason it is a sentence (no key):
    the reason comes from the data, not from the jobs' vocabulary."""
    reason_ja = reason_ja.strip()
    failed = message_failed.text("ja") if isinstance(message_failed, LedgerMessage) else message_failed
    if not reason_ja or reason_ja == reason or reason_ja in failed:
        return message_failed
    return f"{failed}{reason_ja.rstrip('。')}。"


class Runtime:
    def __init__(self, settings: Settings, *, db: Database | None = None, owns_db: bool = False,
                 follow_settings_file: bool = False) -> None:
        """``db``: a database already opened (and checked) by the caller; ``owns_db``: ``close`` disposes
        it, as it does a database the runtime opened itself. ``follow_settings_file``: a process
        without the window (``oroshi-desktop worker``) reads the settings file again when 設定 saved
        it (``reread_settings``); the window hands its saved settings over instead."""
        self._settings = settings
        self._follow_file = follow_settings_file
        self._file_stamp = _file_stamp(settings.paths.settings_file) if follow_settings_file else None
        self._lock = threading.Lock()
        self._db: Database | None = db
        self._owns_db = db is None or owns_db
        self._ledger: Ledger | None = None
        self._heartbeat: Any = None
        self._job_listeners: list[Callable[[int], None]] = []

    @property
    def settings(self) -> Settings:
        """The settings as last saved: each job reads them when it runs (SMTP server, schedule,
        retention, time zone), so 設定 reaches the running queue without a restart."""
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.use_settings(settings)

    def use_settings(self, settings: Settings) -> None:
        """Take newly saved settings for every job that starts from now on. The database and the
        queue scope are not switched here: a new database URL restarts the queue instead."""
        self._settings = settings

    def reread_settings(self) -> bool:
        """Take the settings file again if it changed since it was read (a worker process, before each
        job and schedule step). The database stays the one this process opened: a new database URL
        needs the worker restarted, and the log says so. True when new settings were taken."""
        if not self._follow_file:
            return False
        path = self._settings.paths.settings_file
        stamp = _file_stamp(path)
        if stamp == self._file_stamp:
            return False
        self._file_stamp = stamp
        from dataclasses import replace

        from oroshi_desktop.config import load_settings

        try:
            fresh = load_settings()
        except UserError as err:  # a half-written or wrong file: keep working with what we have
            log.warning("settings file not taken (%s); the worker keeps its settings", err.message)
            return False
        if fresh.effective_database_url != self._settings.effective_database_url:
            log.warning("the settings name another database; restart the worker to use it")
            fresh = replace(fresh, database_url=self._settings.database_url)
        self._settings = fresh
        log.info("settings file changed; the next jobs use the new settings")
        return True

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

    def run_job(self, job_id: int, *, message_running: Message, message_failed: Message,
                work: Callable[[], tuple[Message, JobOutput | None]], will_retry: bool = False,
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
            self._tell_listeners(job_id)

    def add_job_listener(self, listener: Callable[[int], None]) -> None:
        """``listener(job_id)`` is called on the worker's thread each time a job this process ran
        has been written done, failed or back to queued (a retry): the window watches its jobs by
        this instead of asking the ledger twice a second. It must be quick and thread-safe (the
        window's emits a Qt signal)."""
        self._job_listeners.append(listener)

    def remove_job_listener(self, listener: Callable[[int], None]) -> None:
        if listener in self._job_listeners:
            self._job_listeners.remove(listener)

    def _tell_listeners(self, job_id: int) -> None:
        for listener in tuple(self._job_listeners):
            try:
                listener(job_id)
            except Exception:  # a listener's fault is not the job's
                log.exception("a job listener failed for job %s", job_id)

    def _run_started(self, job_id: int, message_failed: Message, work: Callable[[], tuple[Message, JobOutput | None]],
                     will_retry: bool) -> str | None:
        ledger = self.ledger
        try:
            try:
                message_done, output = work()
            except Exception as err:
                if not is_connection_error(err):
                    raise
                # The shared database is unreachable (network, server restart): transient.
                raise RetryLater(f"database unreachable: {error_text(err)}",
                                 "データベースに接続できません。しばらくして再試行します") from err
        except RetryLater as err:
            try:
                ledger.fail(job_id, message_failed, error_text(err), will_retry=will_retry)
            except Exception as record_err:
                if not is_connection_error(record_err):
                    raise
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
            ledger.fail(job_id, with_reason(message_failed, err.message_ja, err.message), error_text(err))
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


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def batch_transport(smtp_settings: Any) -> Any:
    """A ``BatchSmtpTransport``: one SMTP connection for the messages of a batch (``close()`` it after)."""
    from oroshi_desktop.mail.transport import BatchSmtpTransport

    return BatchSmtpTransport(smtp_settings)
