"""Statement generation and the statement mail check, synchronous and usable without Huey.

The Huey tasks (``jobs.queue.tasks``) and the CLI (``mail-check --once``, ``generate``) call these:
``generate_statements`` (generate a run), ``send_run`` (今すぐ送信 / 再送), ``mail_check`` (the due check).
Passwords are made for each PDF as it is rendered (``jobs.render_pool.new_password``: here, or in the
render worker that loads its row) and go straight into ``oroshi_invoice_supplier_organizations.passwords``;
they travel only over the pipe to and from the render workers, never through a queue task's
argument, the ledger or a log line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from jobs.render_pool import (
    LoadTask,
    Rendered,
    RenderTask,
    WorkerStopped,
    pool_size,
    render_all,
    statement_task,
)
from jobs.runtime import OUTBOX_LEASE, Runtime
from oroshi_desktop.db.engine import Database, is_database_error
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import (
    DeliveryResult,
    DeliveryStatus,
    RowFailure,
    deliver_rows,
    due_invoices,
    prepare_run,
    recover_stale,
)
from oroshi_desktop.mail.transport import Transport
from oroshi_desktop.statement_rows import (
    RowStatements,
    load_rows,
    mark_pending,
    organization_rows,
    rows_to_generate,
    run_rows,
    store_statements,
)
from oroshi_desktop.statement_versions import content_keys, keep_unchanged, kept_keys

__all__ = ["Generation", "MailSummary", "check_and_send", "generate_statement_rows", "generate_statements",
           "mail_check", "resend_row", "send_invoice", "send_run"]

log = logging.getLogger(__name__)


LOAD_PART = 50  # organization rows loaded per transaction: the workers start on the first part
# Organization rows a render worker loads in one batch of queries (``LoadTask``): small enough that
# both workers start at once and a cancel waits for little, large enough that the queries of a
# part are few beside its rows.
WORKER_PART = 5


@dataclass
class Generation:
    """What a generation did: the stored document ids, and each organization row that failed (its reason)."""

    document_ids: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # current PDFs kept: their content is the same
    failures: dict[int, UserError] = field(default_factory=dict)
    cancelled: bool = False  # stopped by the user: the rows not stored stay not completed


def _named(entity_name: str, organization_id: int, err: UserError) -> UserError:
    return UserError(f"organization {entity_name!r} (id {organization_id}): {err.message}",
                     f"組織「{entity_name}」（ID {organization_id}）: {err.message_ja}")


def generate_statement_rows(db: Database, invoice_id: int, *, tz: ZoneInfo,
                            only: Iterable[int] | None = None,
                            progress: Callable[[int, int, str], None] | None = None,
                            cancelled: Callable[[], bool] | None = None,
                            workers: int | None = None) -> Generation:
    """Render and store both statement PDFs of each organization row (``only``: those rows).

    The rows are marked not completed (and committed) before their PDFs are rendered, so a send is
    refused while they are being replaced; each is completed again with its fresh passwords. The
    run's data is loaded a part at a time in a few queries for all its rows, the PDFs are rendered
    in parallel processes (``jobs.render_pool``; ``workers``: default one per core), and each row is
    stored as its PDFs arrive, reported to ``progress(done, total, organization)``. With more than
    one worker on a database server, the rows generated for the first time are loaded by the
    workers themselves, a few rows a batch, each worker on its own connection; this process keys
    and loads only the rows that have PDFs already (kept when unchanged), and stores. A row whose data
    cannot make a statement fails alone (recorded in ``failures``) and stays not completed; the
    others go on. ``cancelled()`` stops the run between rows: the rows not stored stay not completed
    (``Generation.cancelled``). An unreachable database is raised (the job retries).
    """
    start, end, rows = db.reading(run_rows, invoice_id, only)  # a duplicated organization row: one statement
    if not rows and only is None:
        raise UserError(f"statement run {invoice_id} has no organization; nothing to generate",
                        f"支払い明細書 {invoice_id} に組織がありません（少なくとも1つ必要です）")
    result = Generation()
    if not rows:
        return result
    names = {iso_id: (found_name if found_name is not None else "?", organization_id)
             for iso_id, organization_id, found_name in rows}
    db.writing(mark_pending, list(names))
    # The workers load the rows generated for the first time (each worker on its own connection)
    # when there are workers and the database is a server's. Not an embedded file: with the
    # workers reading it beside this process's writes, a 200-organization run took twice as long
    # in the one pair measured (98.8 s against 46.7 s, the same CPU), and loading it in this
    # process is cheap (docs/PERFORMANCE.md, session 9).
    handover = db.handover() if pool_size(len(rows), workers) > 1 and db.dialect != "sqlite" else None
    loaded: dict[int, RowStatements] = {}  # rows being rendered
    done = 0

    def counted(entity_name: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(rows), entity_name)

    def finish(iso_id: int, rendered: Rendered | None, err: BaseException | None) -> None:
        entity_name, organization_id = names[iso_id]
        row = loaded.pop(iso_id, None)  # None: loaded by the worker, which sends its facts along
        if rendered is not None:
            result.document_ids += db.writing(
                store_statements, invoice_id=invoice_id, iso_id=iso_id, organization_id=organization_id,
                entity_name=entity_name, start=start, end=end, rendered=rendered.documents, tz=tz,
                figures=rendered.figures if row is None else row.figures,
                printed=rendered.printed if row is None else row.printed, keys=rendered.keys)
        else:
            _fail(result, invoice_id, iso_id, entity_name, organization_id,
                  err if isinstance(err, Exception) else WorkerStopped(str(err)))
        counted(entity_name)

    def unchanged(iso_id: int, found: RowStatements) -> dict[str, str] | None:
        """A row with PDFs already (generated again): its content keys, or None when its stored
        PDFs already say the same (kept, not rendered: no new archive version; ``statement_versions``)."""
        keys = content_keys({str(fmt): found.statements[fmt] for fmt in STATEMENT_KINDS})
        kept = db.writing(keep_unchanged, iso_id, keys)
        if kept is None:
            return keys
        result.unchanged += kept
        counted(names[iso_id][0])
        return None

    def tasks() -> Iterator[RenderTask | LoadTask]:
        """Each row's statements with fresh passwords, loaded a part at a time, so that the workers
        render while the rest loads; a row that cannot make a statement is reported at once. A row
        generated again is keyed here and kept when it says the same (no process needed); a row
        generated for the first time is keyed by the worker that draws it, and with a ``handover``
        loaded by it too (``LoadTask``)."""
        for index in range(0, len(rows), LOAD_PART):
            part = rows[index:index + LOAD_PART]
            if handover is not None:
                had_pdfs = db.reading(kept_keys, [iso_id for iso_id, _org, _name in part])
                fresh = [row for row in part if row[0] not in had_pdfs]
                for first in range(0, len(fresh), WORKER_PART):
                    yield LoadTask(invoice_id, tuple(fresh[first:first + WORKER_PART]), tz)
                part = [row for row in part if row[0] in had_pdfs]
                if not part:
                    if cancelled is not None and cancelled():
                        return
                    continue
            found_rows = db.reading(load_rows, invoice_id, part, tz)
            stored = db.reading(kept_keys, [iso_id for iso_id, found in found_rows.items()
                                            if not isinstance(found, Exception)])
            for iso_id, found in found_rows.items():
                if isinstance(found, Exception):
                    finish(iso_id, None, found)
                    continue
                keys = None
                if iso_id in stored:
                    try:
                        keys = unchanged(iso_id, found)
                    except Exception as err:  # a value the key cannot read: this row fails alone
                        finish(iso_id, None, err)
                        continue
                    if keys is None:
                        continue
                loaded[iso_id] = found
                yield statement_task(iso_id, found.statements, keys=keys)
            if cancelled is not None and cancelled():
                return

    result.cancelled = not render_all(tasks(), finish, cancelled=cancelled or (lambda: False), workers=workers,
                                      count=len(rows), handover=handover)
    log.info("statement run %s: %d PDFs generated, %d unchanged, %d organization(s) failed%s", invoice_id,
             len(result.document_ids), len(result.unchanged), len(result.failures),
             " (cancelled)" if result.cancelled else "")
    return result


def _fail(result: Generation, invoice_id: int, iso_id: int, entity_name: str, organization_id: int,
          err: Exception) -> None:
    """Record a row that cannot make its statement; the database's own errors are raised (the job retries)."""
    if is_database_error(err):
        raise err  # the database, not this organization
    if not isinstance(err, UserError):
        log.error("statement run %s: organization row %s failed", invoice_id, iso_id, exc_info=err)
        err = UserError(f"the statement could not be made: {type(err).__name__}: {err}",
                        f"明細書を作成できませんでした（{type(err).__name__}: {err}）")
    result.failures[iso_id] = _named(entity_name, organization_id, err)
    log.warning("statement run %s: %s", invoice_id, result.failures[iso_id].message)


def generate_statements(db: Database, invoice_id: int, *, tz: ZoneInfo) -> list[int]:
    """Generate every organization row of a run; returns the new document ids.

    Every row is tried; when any failed, one ``UserError`` names each failed organization and its
    reason after the others were generated.
    """
    result = generate_statement_rows(db, invoice_id, tz=tz)
    if result.failures:
        errors = list(result.failures.values())
        raise UserError(f"statement run {invoice_id}: {len(errors)} organization(s) failed, "
                        f"{len(result.document_ids)} PDF(s) stored: " + "; ".join(e.message for e in errors),
                        f"支払い明細書 {invoice_id}: {len(errors)} 組織の作成に失敗しました。"
                        + "／".join(e.message_ja for e in errors))
    return result.document_ids


@dataclass
class MailSummary:
    """What one check-and-send did; ``errors`` are readable lines (English, Japanese)."""

    invoices: list[int] = field(default_factory=list)
    generated: list[int] = field(default_factory=list)
    results: list[DeliveryResult] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    # Organization rows that could not be prepared (bad data), each with its reason.
    failed_rows: list[RowFailure] = field(default_factory=list)
    recovered: list[int] = field(default_factory=list)  # stale 'sending' rows now 'uncertain'
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (English, Japanese): nothing failed

    def count(self, status: DeliveryStatus) -> int:
        return sum(1 for result in self.results if result.status is status)

    @property
    def sent(self) -> int:
        return self.count(DeliveryStatus.SENT)

    @property
    def retryable(self) -> bool:
        return any(result.retryable for result in self.results)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failed_rows and all(
            result.status in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED) for result in self.results)

    def describe(self) -> str:
        parts = [f"{len(self.invoices)} due run(s)", f"{self.sent} sent"]
        for status in (DeliveryStatus.FAILED, DeliveryStatus.RETRY, DeliveryStatus.UNCERTAIN, DeliveryStatus.SKIPPED):
            if self.count(status):
                parts.append(f"{self.count(status)} {status.value}")
        new = sum(1 for f in self.failed_rows if not f.still_blocked)
        if new:
            parts.append(f"{new} organization(s) failed")
        if len(self.failed_rows) > new:
            parts.append(f"{len(self.failed_rows) - new} organization(s) still waiting for a data fix")
        if self.recovered:
            parts.append(f"{len(self.recovered)} interrupted send(s) now uncertain")
        if self.generated:
            parts.append(f"generated statements for {len(self.generated)} run(s)")
        if self.errors:
            parts.append(f"{len(self.errors)} error(s)")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        return ", ".join(parts)

    def error_lines(self) -> Iterable[str]:
        for message, _ja in self.errors:
            yield message
        for message, _ja in self.warnings:
            yield f"warning: {message}"
        for failure in self.failed_rows:
            state = "failed, waiting for a data fix or 再送" if failure.still_blocked else "failed"
            yield f"outbox row {failure.row_id}: {state}: {failure.message}"
        if self.recovered:
            yield (f"outbox rows {', '.join(map(str, self.recovered))}: uncertain: the sending worker stopped; "
                   "check with the recipient, then: outbox resend ID | outbox mark-sent ID")
        for result in self.results:
            if result.status not in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED):
                yield f"outbox row {result.row_id}: {result.status.value}: {result.message}"


PREPARE_PART = 25  # organization rows composed per transaction


def _parts(iso_ids: list[int]) -> list[list[int] | None]:
    """The run in parts of ``PREPARE_PART`` rows; an empty run is one call (which refuses it)."""
    if not iso_ids:
        return [None]
    return [iso_ids[index:index + PREPARE_PART] for index in range(0, len(iso_ids), PREPARE_PART)]


def send_invoice(db: Database, invoice_id: int, transport: Transport, *, tz: ZoneInfo, resend: bool = False,
                 sender: str = "", summary: MailSummary | None = None) -> MailSummary:
    """Send one run's mails now, generating the PDFs of rows not completed first.

    Each organization row succeeds or fails on its own: a row that cannot be generated or
    prepared is recorded failed with its reason (in the outbox and in ``summary.failed_rows``)
    and the others are sent.
    """
    summary = summary if summary is not None else MailSummary()
    summary.invoices.append(invoice_id)
    try:
        to_generate = db.reading(rows_to_generate, invoice_id, sender, resend=resend)
        generation = Generation()
        if to_generate:
            generation = generate_statement_rows(db, invoice_id, tz=tz, only=to_generate)
            summary.generated.append(invoice_id)
        row_ids: list[int] = []
        # A transaction per part of the run: composing a large run must not hold the database's
        # write lock for seconds, and an outage loses only the part in progress.
        for part in _parts(db.reading(organization_rows, invoice_id)):
            prepared = db.writing(prepare_run, invoice_id, resend=resend, sender=sender,
                                  generation_errors=generation.failures, only=part)
            row_ids += [row.id for row in prepared.deliverable]
            summary.failed_rows.extend(prepared.failed)
            summary.warnings.extend(prepared.warnings)
    except UserError as err:
        log.warning("statement run %s not sent: %s", invoice_id, err.message)
        summary.errors.append((f"statement run {invoice_id}: {err.message}", err.message_ja))
        return summary
    summary.results.extend(deliver_rows(db, row_ids, transport))
    return summary


def check_and_send(db: Database, transport: Transport, *, tz: ZoneInfo, sender: str = "",
                   now: datetime | None = None) -> MailSummary:
    """The periodic check: every run that is due and not yet sent, in id order (level-triggered).

    First, rows a stopped worker left ``sending`` longer than the lease become ``uncertain`` (so
    a running worker finds them too, not only a restart). One run's failure never stops the next.
    """
    summary = MailSummary()
    summary.recovered = recover_stale(db, OUTBOX_LEASE)
    invoice_ids = db.reading(due_invoices, now or utcnow())
    for invoice_id in invoice_ids:
        send_invoice(db, invoice_id, transport, tz=tz, sender=sender, summary=summary)
    return summary


# ---- the use cases, as the window's queue, the worker and the CLI call them ---------------------

def send_run(runtime: Runtime, invoice_id: int, *, resend: bool = False) -> MailSummary:
    """今すぐ送信 and 再送 of one run: its mails over one SMTP connection, closed afterwards."""
    transport = runtime.transport()
    try:
        return send_invoice(runtime.db, invoice_id, transport, tz=runtime.settings.tz, resend=resend,
                            sender=runtime.settings.smtp.sender)
    finally:
        getattr(transport, "close", lambda: None)()


def mail_check(runtime: Runtime) -> MailSummary:
    """The due-mail check: every run that is due, over one SMTP connection, closed afterwards."""
    transport = runtime.transport()
    try:
        return check_and_send(runtime.db, transport, tz=runtime.settings.tz, sender=runtime.settings.smtp.sender)
    finally:
        getattr(transport, "close", lambda: None)()


def resend_row(runtime: Runtime, row_id: int, *, force: bool = False) -> DeliveryResult:
    """再送 of one outbox row, now in this process (``outbox resend``; the window queues the run's
    mail job instead, which sends the row it made pending). A row already sent needs ``force``
    (the person confirmed it)."""
    from oroshi_desktop.mail.outbox import deliver, resend

    transport = runtime.transport()
    try:
        row = resend(runtime.db, row_id, sender=runtime.settings.smtp.sender or None, force=force)
        return deliver(runtime.db, row.id, transport)
    finally:
        getattr(transport, "close", lambda: None)()
