"""The job centre's lists: the jobs of this PC or of every PC (the ledger) and the statement mail outbox.

Each list is read in two steps so the window never reloads a whole table: ``*_stamps`` returns
the ordered ``(id, updated_at)`` of every matching row (filter and sort in SQL, two narrow
columns), and ``*_rows`` the display columns of the few ids a screen shows. A poll compares the
stamps with the previous ones and re-reads only the rows that changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from oroshi_desktop.db.models import Invoice, JobRow, OutboxMessage, SupplierOrganization
from oroshi_desktop.labels import (
    BOUNCED_ADVICE,
    DELIVERY_UNKNOWN,
    JOB_KIND_LABELS,
    JOB_STATE_LABELS,
    MAIL_CHECK_LABEL,
    OUTBOX_STATE_LABELS,
    UNCERTAIN_ADVICE,
    JobKind,
    Label,
    OutboxState,
    stored_message_text,
)
from oroshi_desktop.ledger import RUNNING, JobView, unresolved_failure

Stamp = tuple[int, datetime | None]

def job_kind_label(kind: str, arguments: dict[str, Any]) -> Label:
    """The batch mail check is a ``mail`` job without a run; users know it apart from send-now."""
    if kind == "mail" and arguments.get("invoice_id") is None:
        return MAIL_CHECK_LABEL
    return JOB_KIND_LABELS.get(kind) or Label(kind, kind)


# ---- jobs (the ledger) ----------------------------------------------------------------------------

@dataclass(frozen=True)
class JobFilter:
    states: tuple[str, ...] = ()   # empty: every state
    kinds: tuple[str, ...] = ()    # empty: every kind
    requested_by: str | None = None  # one PC's jobs ("this PC only"); None: every PC's


JOB_SORT_KEYS = {"kind": JobRow.kind, "state": JobRow.state, "message": JobRow.message,
                 "created_at": JobRow.created_at, "started_at": JobRow.started_at,
                 "finished_at": JobRow.finished_at, "attempts": JobRow.attempts,
                 "output": JobRow.output_path, "pc": JobRow.requested_by, "ran_by": JobRow.ran_by,
                 "id": JobRow.id}


def _job_where(query: Select[*tuple[Any, ...]], flt: JobFilter) -> Select[*tuple[Any, ...]]:
    if flt.states:
        query = query.where(JobRow.state.in_(flt.states))
    if flt.kinds:
        query = query.where(JobRow.kind.in_(flt.kinds))
    if flt.requested_by is not None:
        query = query.where(JobRow.requested_by == flt.requested_by)
    return query


def _ordered(query: Select[*tuple[Any, ...]], column: Any, id_column: Any, descending: bool) -> Select[*tuple[Any, ...]]:
    # Nulls last either way, and the id as tie-breaker so pages never shuffle between polls.
    if descending:
        return query.order_by(column.desc().nulls_last(), id_column.desc())
    return query.order_by(column.asc().nulls_last(), id_column.asc())


def job_stamps(session: Session, flt: JobFilter = JobFilter(), sort: str = "id",
               descending: bool = True) -> list[Stamp]:
    query = _job_where(select(JobRow.id, JobRow.updated_at), flt)
    query = _ordered(query, JOB_SORT_KEYS[sort], JobRow.id, descending)
    return [(row[0], row[1]) for row in session.execute(query)]


def job_rows(session: Session, ids: Iterable[int]) -> dict[int, JobView]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.execute(select(JobRow.id, JobRow.kind, JobRow.arguments, JobRow.state,
                                  JobRow.message, JobRow.error, JobRow.output_path, JobRow.attempts,
                                  JobRow.created_at, JobRow.started_at, JobRow.finished_at,
                                  JobRow.requested_by, JobRow.ran_by, JobRow.document_id, JobRow.message_key,
                                  JobRow.message_args)
                           .where(JobRow.id.in_(wanted)))
    return {r.id: JobView(id=r.id, kind=r.kind, arguments=json.loads(r.arguments or "{}"), state=r.state,
                          message=r.message, output_path=r.output_path, error=r.error, attempts=r.attempts,
                          created_at=r.created_at, started_at=r.started_at, finished_at=r.finished_at,
                          requested_by=r.requested_by, ran_by=r.ran_by, document_id=r.document_id,
                          message_key=r.message_key, message_args=r.message_args)
            for r in rows}


def job_ids(session: Session, flt: JobFilter) -> list[int]:
    """Every id of the filtered set (for 失敗をすべて再実行 / すべて破棄)."""
    return list(session.scalars(_job_where(select(JobRow.id), flt).order_by(JobRow.id)))


@dataclass(frozen=True)
class LedgerCounts:
    """What the tray and the status bar tell of the ledger."""

    failed: int                  # this PC's failed jobs
    running_mail: bool           # a mail job runs on any PC
    last_mail_sent: int | None   # the newest mail job that sent something


def ledger_counts(session: Session, pc: str, *, mail_kind: str, mail_sent_key: str) -> LedgerCounts:
    """``mail_kind`` and ``mail_sent_key``: the mail job's kind and the key of its "sent" message (the
    jobs' vocabulary, which the core does not import); a key, never a sentence, is compared."""
    failed = session.scalar(select(func.count()).select_from(JobRow)
                            .where(JobRow.requested_by == pc, unresolved_failure(JobRow.__table__))) or 0
    running_mail = bool(session.scalar(select(func.count()).select_from(JobRow)
                                       .where(JobRow.kind == mail_kind, JobRow.state == RUNNING)))
    last_sent = session.scalar(select(func.max(JobRow.id))
                               .where(JobRow.kind == mail_kind, JobRow.message_key == mail_sent_key))
    return LedgerCounts(failed, running_mail, last_sent)


@dataclass(frozen=True)
class MailCheckRun:
    job_id: int
    state: str
    message: str
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    message_key: str | None = None
    message_args: dict[str, str] | None = None

    @property
    def state_label(self) -> Label:
        return JOB_STATE_LABELS.get(self.state) or Label(self.state, self.state)

    def message_text(self, language: str) -> str:
        return stored_message_text(self.message_key, self.message_args, self.message, language)


def last_mail_check(session: Session) -> MailCheckRun | None:
    """The newest batch mail check of this PC (a ``mail`` job without a run)."""
    row = session.execute(select(JobRow.id, JobRow.state, JobRow.message, JobRow.error,
                                 JobRow.created_at, JobRow.finished_at, JobRow.message_key, JobRow.message_args)
                          .where(JobRow.kind == JobKind.MAIL, JobRow.arguments.in_(("{}", "")))
                          .order_by(JobRow.id.desc()).limit(1)).first()
    return MailCheckRun(*row) if row else None


# ---- the mail outbox (shared database) ------------------------------------------------------------

@dataclass(frozen=True)
class OutboxFilter:
    states: tuple[str, ...] = ()   # empty: every state


@dataclass(frozen=True)
class OutboxRow:
    id: int
    invoice_id: int
    period_start: Any
    period_end: Any
    organization: str  # empty: the organization was deleted (the window names it so)
    recipients: str
    state: str
    attempts: int
    last_error: str | None
    last_error_ja: str | None
    claimed_by: str | None
    generation: int
    updated_at: datetime | None

    @property
    def state_label(self) -> Label:
        return OUTBOX_STATE_LABELS.get(self.state) or Label(self.state, self.state)

    @property
    def needs_attention(self) -> bool:
        return self.state in (OutboxState.UNCERTAIN, OutboxState.BOUNCED)

    def what_to_check(self, language: str) -> str:
        """The last error in ``language`` (the row carries both), and for 要確認 what to do next."""
        error = self.last_error if language == "en" else self.last_error_ja
        if self.state == OutboxState.BOUNCED:  # the error ends with the server's words: a sentence end first
            end = "" if not error or error.endswith(("。", ".", " ")) else ("。" if language != "en" else ". ")
            return f"{error or ''}{end}{BOUNCED_ADVICE.text(language)}"
        if self.state != OutboxState.UNCERTAIN:
            return error or ""
        return f"{error or DELIVERY_UNKNOWN.text(language)}{UNCERTAIN_ADVICE.text(language)}"


_newer = aliased(OutboxMessage)
# Only each organization row's newest generation: older ones are history, not work to act on.
_LATEST = ~exists().where(and_(_newer.invoice_supplier_organization_id == OutboxMessage.invoice_supplier_organization_id,
                               _newer.generation > OutboxMessage.generation))

OUTBOX_SORT_KEYS = {"run": OutboxMessage.invoice_id, "organization": SupplierOrganization.entity_name,
                    "state": OutboxMessage.state, "attempts": OutboxMessage.attempts,
                    "claimed_by": OutboxMessage.claimed_by, "updated_at": OutboxMessage.updated_at,
                    "id": OutboxMessage.id}


def outbox_stamps(session: Session, flt: OutboxFilter = OutboxFilter(), sort: str = "id",
                  descending: bool = True) -> list[Stamp]:
    query = select(OutboxMessage.id, OutboxMessage.updated_at).where(_LATEST)
    if sort == "organization":
        query = query.join(SupplierOrganization,
                           SupplierOrganization.id == OutboxMessage.supplier_organization_id, isouter=True)
    if flt.states:
        query = query.where(OutboxMessage.state.in_(flt.states))
    query = _ordered(query, OUTBOX_SORT_KEYS[sort], OutboxMessage.id, descending)
    return [(row[0], row[1]) for row in session.execute(query)]


def recipients_text(recipients: dict[str, Any] | None) -> str:
    if not recipients:
        return ""
    to = recipients.get("to") or []
    cc = recipients.get("cc") or []
    to_list = [to] if isinstance(to, str) else list(to)
    cc_list = [cc] if isinstance(cc, str) else list(cc)
    return ", ".join(to_list) + (f"（CC: {', '.join(cc_list)}）" if cc_list else "")


def outbox_rows(session: Session, ids: Sequence[int]) -> dict[int, OutboxRow]:
    if not ids:
        return {}
    rows = session.execute(
        select(OutboxMessage.id, OutboxMessage.invoice_id, Invoice.start_date, Invoice.end_date,
               SupplierOrganization.entity_name, OutboxMessage.recipients, OutboxMessage.state,
               OutboxMessage.attempts, OutboxMessage.last_error, OutboxMessage.last_error_ja,
               OutboxMessage.claimed_by, OutboxMessage.generation, OutboxMessage.updated_at)
        .join(Invoice, Invoice.id == OutboxMessage.invoice_id, isouter=True)
        .join(SupplierOrganization, SupplierOrganization.id == OutboxMessage.supplier_organization_id,
              isouter=True)
        .where(OutboxMessage.id.in_(list(ids))))
    return {r.id: OutboxRow(r.id, r.invoice_id, r.start_date, r.end_date, r.entity_name or "",
                            recipients_text(r.recipients), r.state, r.attempts, r.last_error, r.last_error_ja,
                            r.claimed_by, r.generation, r.updated_at) for r in rows}


def outbox_attention_count(session: Session) -> tuple[int, int, int, int]:
    """(uncertain, failed, sending, bounced) among the newest generations: the tray's colour."""
    counts: dict[str, int] = dict.fromkeys(
        (OutboxState.UNCERTAIN, OutboxState.FAILED, OutboxState.SENDING, OutboxState.BOUNCED), 0)
    for state, count in session.execute(select(OutboxMessage.state, func.count())
                                        .where(_LATEST, OutboxMessage.state.in_(tuple(counts)))
                                        .group_by(OutboxMessage.state)):
        counts[state] = count
    return (counts[OutboxState.UNCERTAIN], counts[OutboxState.FAILED], counts[OutboxState.SENDING],
            counts[OutboxState.BOUNCED])
