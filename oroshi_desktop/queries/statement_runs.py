"""The statement runs list (支払明細書の一覧) and one run's detail, computed in SQL for big lists.

A run's state comes from the Oroshi rows and the newest outbox row of each organization:

- 要確認 (uncertain): some organization's mail may or may not have arrived; a person decides;
- 不達 (bounced): some organization's mail came back (a delivery status notification), so the
  run is not 送信済み even though ``sent_at`` is set;
- 送信済み (sent): ``oroshi_invoices.sent_at`` is set;
- 一部失敗 (partly failed): some organization's newest mail attempt failed;
- 未作成 / 作成中: not every organization's PDFs are made (作成中 once some are, or while old
  ones are being replaced);
- メールなし: all made, the run is not mailed (send_email false);
- 送信予定 (scheduled): all made, waiting for its send time or being sent.

The list query returns ids only (sorted and filtered in SQL); a page's cells are fetched by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    OutboxMessage,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE
from oroshi_desktop.labels import OutboxState
from oroshi_desktop.queries.search_text import contains


class RunState(IntEnum):
    """Ordered as a person scans the list: what needs attention first."""

    UNCERTAIN = 1
    PARTLY_FAILED = 2
    NOT_GENERATED = 3
    GENERATING = 4
    SCHEDULED = 5
    NO_MAIL = 6
    SENT = 7
    BOUNCED = 8  # numbered last so the existing numbers stay; needs attention like 要確認

    @property
    def label(self) -> str:
        """The Japanese word (logs, the CLI); the window picks its language with ``label_in``."""
        return STATE_LABELS[self].ja

    def label_in(self, language: str) -> str:
        return STATE_LABELS[self].text(language)


class StateLabel(NamedTuple):
    """A run state's word in each language the window speaks (the core imports no Qt translator)."""

    ja: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.ja


STATE_LABELS = {
    RunState.UNCERTAIN: StateLabel("要確認", "Check needed"),
    RunState.PARTLY_FAILED: StateLabel("一部失敗", "Partly failed"),
    RunState.NOT_GENERATED: StateLabel("未作成", "Not made"),
    RunState.GENERATING: StateLabel("作成中", "Being made"),
    RunState.SCHEDULED: StateLabel("送信予定", "Scheduled"),
    RunState.NO_MAIL: StateLabel("メールなし", "No mail"),
    RunState.SENT: StateLabel("送信済み", "Sent"),
    RunState.BOUNCED: StateLabel("不達", "Bounced"),
}


class SortKey(IntEnum):
    PERIOD = 0
    ORGANIZATIONS = 1
    LAYOUT = 2
    MAIL = 3
    SEND_AT = 4
    STATE = 5


@dataclass(frozen=True)
class RunFilter:
    """Period overlap (either end may be open), organization name part, states (empty: all)."""

    start: date | None = None
    end: date | None = None
    organization: str = ""
    states: frozenset[RunState] = frozenset()


@dataclass(frozen=True)
class RunRow:
    """One line of the list."""

    id: int
    start_date: date | None
    end_date: date | None
    layout: int | None
    send_email: bool
    send_at: datetime | None
    sent_at: datetime | None
    organization_names: tuple[str, ...]
    state: RunState


def _latest_outbox() -> Any:
    newer = aliased(OutboxMessage)
    query = (select(OutboxMessage.invoice_id,
                   func.sum(case((OutboxMessage.state == OutboxState.UNCERTAIN, 1), else_=0)).label("uncertain"),
                   func.sum(case((OutboxMessage.state == OutboxState.FAILED, 1), else_=0)).label("failed"),
                   func.sum(case((OutboxMessage.state == OutboxState.BOUNCED, 1), else_=0)).label("bounced"))
            .where(~exists().where(newer.invoice_supplier_organization_id
                                   == OutboxMessage.invoice_supplier_organization_id,
                                   newer.generation > OutboxMessage.generation))
            .group_by(OutboxMessage.invoice_id))
    return query.subquery("outbox_counts")


def _organization_counts() -> Any:
    iso = InvoiceSupplierOrganization
    has_documents = exists().where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                   StoredDocument.owner_id == iso.id)
    query = (select(iso.invoice_id,
                   func.count(iso.id).label("organizations"),
                   func.sum(case((iso.completed.is_(True), 1), else_=0)).label("completed"),
                   func.sum(case((has_documents, 1), else_=0)).label("with_documents"))
            .group_by(iso.invoice_id))
    return query.subquery("organization_counts")


def _state_expression(orgs: Any, outbox: Any) -> Any:
    organizations = func.coalesce(orgs.c.organizations, 0)
    completed = func.coalesce(orgs.c.completed, 0)
    return case(
        (func.coalesce(outbox.c.uncertain, 0) > 0, int(RunState.UNCERTAIN)),
        (func.coalesce(outbox.c.bounced, 0) > 0, int(RunState.BOUNCED)),
        (Invoice.sent_at.is_not(None), int(RunState.SENT)),
        (func.coalesce(outbox.c.failed, 0) > 0, int(RunState.PARTLY_FAILED)),
        (or_(organizations == 0, and_(completed == 0, func.coalesce(orgs.c.with_documents, 0) == 0)),
         int(RunState.NOT_GENERATED)),
        (completed < organizations, int(RunState.GENERATING)),
        (Invoice.send_email.is_not(True), int(RunState.NO_MAIL)),
        else_=int(RunState.SCHEDULED),
    )


def _base() -> tuple[Select[*tuple[Any, ...]], Any, Any]:
    orgs, outbox = _organization_counts(), _latest_outbox()
    state = _state_expression(orgs, outbox).label("state")
    query = (select(Invoice.id, state, func.coalesce(orgs.c.organizations, 0).label("organizations"))
             .outerjoin(orgs, orgs.c.invoice_id == Invoice.id)
             .outerjoin(outbox, outbox.c.invoice_id == Invoice.id))
    return query, state, orgs


def _apply_filter(query: Select[*tuple[Any, ...]], state: Any | None, run_filter: RunFilter) -> Select[*tuple[Any, ...]]:
    if run_filter.start is not None:
        query = query.where(Invoice.end_date >= run_filter.start)
    if run_filter.end is not None:
        query = query.where(Invoice.start_date <= run_filter.end)
    needle = run_filter.organization.strip()
    if needle:
        query = query.where(exists().where(
            InvoiceSupplierOrganization.invoice_id == Invoice.id,
            SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id,
            contains(SupplierOrganization.entity_name, needle)))
    if run_filter.states and state is not None:
        query = query.where(state.in_(sorted(int(s) for s in run_filter.states)))
    return query


def run_ids_query(run_filter: RunFilter = RunFilter(), sort: SortKey = SortKey.PERIOD,
                  descending: bool = True) -> Select[*tuple[Any, ...]]:
    """The ids of every matching run in display order (newest first by default; id breaks ties).

    The state (aggregates over every organization and outbox row) is computed only when the filter
    or the sort needs it: the usual list, newest first, reads the runs table alone.
    """
    if not run_filter.states and sort not in (SortKey.STATE, SortKey.ORGANIZATIONS):
        plain = _apply_filter(select(Invoice.id), None, run_filter)
        plain_keys: dict[SortKey, Sequence[Any]] = {
            SortKey.PERIOD: (Invoice.start_date, Invoice.end_date), SortKey.LAYOUT: (Invoice.invoice_layout,),
            SortKey.MAIL: (Invoice.send_email,), SortKey.SEND_AT: (Invoice.send_at,)}
        return plain.order_by(*_ordered(plain_keys[sort], descending), Invoice.id.desc() if descending else Invoice.id.asc())
    query, state, orgs = _base()
    query = _apply_filter(query, state, run_filter)
    keys: dict[SortKey, Sequence[Any]] = {
        SortKey.PERIOD: (Invoice.start_date, Invoice.end_date),
        SortKey.ORGANIZATIONS: (func.coalesce(orgs.c.organizations, 0),),
        SortKey.LAYOUT: (Invoice.invoice_layout,),
        SortKey.MAIL: (Invoice.send_email,),
        SortKey.SEND_AT: (Invoice.send_at,),
        SortKey.STATE: (state,),
    }
    tie = Invoice.id.desc() if descending else Invoice.id.asc()
    return query.with_only_columns(Invoice.id).order_by(*_ordered(keys[sort], descending), tie)


def _ordered(keys: Sequence[Any], descending: bool) -> list[Any]:
    return [key.desc().nulls_last() if descending else key.asc().nulls_last() for key in keys]


def run_ids(session: Session, run_filter: RunFilter = RunFilter(), sort: SortKey = SortKey.PERIOD,
            descending: bool = True, limit: int | None = None) -> list[int]:
    """``limit``: only the first ids (the first page, shown before the whole list has arrived)."""
    query = run_ids_query(run_filter, sort, descending)
    if limit is not None:
        query = query.limit(limit)
    # Through the connection: 10,000 plain ids need no ORM row processing.
    return list(session.connection().execute(query).scalars())


def state_of(*, organizations: int, completed: int, with_documents: int, uncertain: int, failed: int,
             sent: bool, send_email: bool, bounced: int = 0) -> RunState:
    """The rule of ``_state_expression`` for one run whose counts are known (a page's rows).

    Kept next to the SQL and checked against it by the tests: a page must show the state that
    the state filter and sort use.
    """
    if uncertain:
        return RunState.UNCERTAIN
    if bounced:
        return RunState.BOUNCED
    if sent:
        return RunState.SENT
    if failed:
        return RunState.PARTLY_FAILED
    if organizations == 0 or (completed == 0 and with_documents == 0):
        return RunState.NOT_GENERATED
    if completed < organizations:
        return RunState.GENERATING
    return RunState.SCHEDULED if send_email else RunState.NO_MAIL


_RUN_COLUMNS = (Invoice.id, Invoice.start_date, Invoice.end_date, Invoice.invoice_layout, Invoice.send_email,
                Invoice.send_at, Invoice.sent_at)


def _rows_from(session: Session, runs: Sequence[Any]) -> dict[int, RunRow]:
    """Cells for these runs' columns: one more query for their organizations and newest mails."""
    if not runs:
        return {}
    iso = InvoiceSupplierOrganization
    has_documents = exists().where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                   StoredDocument.owner_id == iso.id)
    newer = aliased(OutboxMessage)
    newest_mail = and_(OutboxMessage.invoice_supplier_organization_id == iso.id,  # the unique index
                       ~exists().where(newer.invoice_supplier_organization_id == iso.id,
                                       newer.generation > OutboxMessage.generation))
    members: dict[int, list[tuple[bool, bool, str, str | None]]] = {}
    for invoice_id, completed, with_documents, name, mail_state in session.execute(
            select(iso.invoice_id, iso.completed, has_documents, SupplierOrganization.entity_name,
                   OutboxMessage.state)
            .join(SupplierOrganization, SupplierOrganization.id == iso.supplier_organization_id)
            .outerjoin(OutboxMessage, newest_mail)
            .where(iso.invoice_id.in_([run[0] for run in runs]))
            .order_by(iso.invoice_id, iso.id)):
        members.setdefault(invoice_id, []).append((bool(completed), bool(with_documents), name, mail_state))
    rows = {}
    for run_id, start, end, layout, send_email, send_at, sent_at in runs:
        group = members.get(run_id, [])
        states = [m[3] for m in group]
        state = state_of(organizations=len(group), completed=sum(1 for m in group if m[0]),
                         with_documents=sum(1 for m in group if m[1]), uncertain=states.count(OutboxState.UNCERTAIN),
                         failed=states.count(OutboxState.FAILED), bounced=states.count(OutboxState.BOUNCED),
                         sent=sent_at is not None, send_email=send_email is True)
        rows[run_id] = RunRow(id=run_id, start_date=start, end_date=end, layout=layout,
                              send_email=bool(send_email), send_at=send_at, sent_at=sent_at,
                              organization_names=tuple(m[2] for m in group), state=state)
    return rows


def run_rows(session: Session, ids: Sequence[int]) -> dict[int, RunRow]:
    """The cells of these runs (one page): two indexed queries whatever the page size."""
    if not ids:
        return {}
    runs = session.execute(select(*_RUN_COLUMNS).where(Invoice.id.in_(list(ids)))).all()
    return _rows_from(session, runs)


def first_page(session: Session, run_filter: RunFilter = RunFilter(), sort: SortKey = SortKey.PERIOD,
               descending: bool = True, limit: int = 100) -> tuple[list[int], dict[int, RunRow]]:
    """The first ``limit`` ids in display order with their cells: two queries, shown before the rest."""
    runs = session.execute(run_ids_query(run_filter, sort, descending)
                           .with_only_columns(*_RUN_COLUMNS).limit(limit)).all()
    return [run[0] for run in runs], _rows_from(session, runs)
