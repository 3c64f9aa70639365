"""One archive version per content (issue 21, point 7), on SQLite and both PostgreSQL kinds, with the
demo's real run and real PDFs.

The defect: every interrupted or concurrent generation stored a full new version of every
statement (958 PDFs for 201 organizations after five interrupted runs; two workers and the mail
job at once stored each statement three times).
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

import jobs.render_pool
import printables.statement
from jobs.statements import generate_statement_rows, generate_statements
from oroshi_desktop.archive_chain import verify_chain
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import (
    ArchiveChainRecord,
    ArchiveFacts,
    InvoiceSupplierOrganization,
    StoredDocument,
    Supply,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, STATEMENT_OWNER_TYPE
from tests.jobs.conftest import DUE_INVOICE
from tests.jobs.test_statement_isolation import a_supply_of, organization_rows

# The demo is anchored on its pinned today: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TZ = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def demo(db, monkeypatch):  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo

    generate_demo(db, scale=1, seed=0, today=date(2026, 3, 16))  # the demo's dates hang on it
    # The statements are rendered in this process (as on a one-core PC), so the tests can count the
    # renders and stop a generation at one, as a kill would; the pool is tested in test_render_pool.
    monkeypatch.setattr(jobs.render_pool, "usable_cores", lambda: 1)
    return db


def versions(db) -> Counter[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """How many versions each (organization row, format) of the run has."""
    with db.read() as session:
        rows = session.execute(
            select(StoredDocument.owner_id, StoredDocument.kind)
            .join(InvoiceSupplierOrganization, InvoiceSupplierOrganization.id == StoredDocument.owner_id)
            .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                   InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all()
    return Counter((owner_id, kind) for owner_id, kind in rows)


def chain_and_facts(db) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(ArchiveChainRecord)) or 0,
                session.scalar(select(func.count()).select_from(ArchiveFacts)) or 0,
                [problem.message for problem in verify_chain(session)])


def once_each(db) -> Counter[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return Counter({(iso_id, fmt): 1 for iso_id, _org, _name in organization_rows(db) for fmt in STATEMENT_KINDS})


class Renders:
    """Counts the statement renders (and can stop a generation at the n-th, as a kill would)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, stop_at: int | None = None) -> None:
        self.count = 0
        self.stop_at = stop_at
        real = printables.statement.render_statement

        def counted(*args: Any, **kwargs: Any) -> bytes:
            self.count += 1
            if self.stop_at is not None and self.count == self.stop_at:
                raise KeyboardInterrupt  # not an organization's fault: the generation stops here
            return real(*args, **kwargs)

        monkeypatch.setattr(printables.statement, "render_statement", counted)


def test_an_unchanged_run_generated_again_adds_no_version_and_renders_nothing(demo, monkeypatch):  # type: ignore[no-untyped-def]
    first = generate_statements(demo, DUE_INVOICE, tz=TZ)
    assert versions(demo) == once_each(demo) and len(first) == sum(once_each(demo).values())
    chained, facts, problems = chain_and_facts(demo)
    with demo.read() as session:
        passwords = dict(session.execute(select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.passwords)
                                         .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all())

    renders = Renders(monkeypatch)
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ)
    assert result.document_ids == [] and sorted(result.unchanged) == sorted(first) and not result.failures
    assert renders.count == 0  # the content key matched before rendering
    assert versions(demo) == once_each(demo)
    assert chain_and_facts(demo) == (chained, facts, problems) and problems == []  # no new link, chain intact
    with demo.read() as session:
        rows = session.execute(select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.passwords,
                                      InvoiceSupplierOrganization.completed)
                               .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all()
    # the kept PDFs keep the passwords they were encrypted with, and the rows are sendable again
    assert {iso_id: pw for iso_id, pw, _done in rows} == passwords and all(done for _i, _p, done in rows)


def test_a_row_whose_pdfs_changed_after_they_were_read_is_drawn_the_others_kept(demo, monkeypatch):  # type: ignore[no-untyped-def]
    """A generated row is keyed by the caller because ``kept_keys`` found its PDFs; when they changed
    after that read (here: their passwords are gone), ``keep_unchanged`` refuses and the row is drawn
    and stored, counted once; the other rows are kept."""
    import jobs.statements

    first = generate_statements(demo, DUE_INVOICE, tz=TZ)
    raced_iso = organization_rows(demo)[0][0]
    real = jobs.statements.keep_unchanged

    def raced(session, iso_id, keys):  # type: ignore[no-untyped-def]
        if iso_id == raced_iso:  # meanwhile its PDFs lost their passwords: they can no longer be sent
            session.get(InvoiceSupplierOrganization, iso_id).passwords = {}
        return real(session, iso_id, keys)

    monkeypatch.setattr(jobs.statements, "keep_unchanged", raced)
    renders = Renders(monkeypatch)
    seen: list[int] = []
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ, progress=lambda done, _total, _name: seen.append(done))
    assert renders.count == len(STATEMENT_KINDS) and len(result.document_ids) == len(STATEMENT_KINDS)
    assert not result.failures and len(result.unchanged) == len(first) - len(STATEMENT_KINDS)
    assert seen == list(range(1, len(organization_rows(demo)) + 1))  # each row counted once
    assert versions(demo) == once_each(demo) + Counter({(raced_iso, fmt): 1 for fmt in STATEMENT_KINDS})


def test_a_changed_supply_gives_exactly_its_organization_a_new_version(demo, monkeypatch):  # type: ignore[no-untyped-def]
    generate_statements(demo, DUE_INVOICE, tz=TZ)
    chained, facts, _problems = chain_and_facts(demo)
    rows = organization_rows(demo)
    changed_iso, changed_org, _name = rows[1]
    supply_id = a_supply_of(demo, changed_org)
    with demo.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id)
                        .values(price=Supply.price + 10, updated_at=utcnow()))

    renders = Renders(monkeypatch)
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ)
    assert renders.count == len(STATEMENT_KINDS)  # only the changed organization was rendered
    expected = once_each(demo) + Counter({(changed_iso, fmt): 1 for fmt in STATEMENT_KINDS})
    assert versions(demo) == expected
    assert len(result.document_ids) == len(STATEMENT_KINDS)
    assert chain_and_facts(demo) == (chained + len(STATEMENT_KINDS), facts + len(STATEMENT_KINDS), [])


def test_an_interrupted_generation_rerun_stores_each_statement_once(demo, monkeypatch):  # type: ignore[no-untyped-def]
    assert len(organization_rows(demo)) == 3  # the stops below are counted on three organizations
    # Four generations stopped (as a kill would) at a render: before anything was stored, after the
    # first organization, after the second, and again before the third; then one that finishes.
    for stop_at in (1, 3, 4, 2):
        Renders(monkeypatch, stop_at=stop_at)
        with pytest.raises(KeyboardInterrupt):
            generate_statements(demo, DUE_INVOICE, tz=TZ)
        monkeypatch.undo()
        monkeypatch.setattr(jobs.render_pool, "usable_cores", lambda: 1)  # undone with the rest
    generate_statements(demo, DUE_INVOICE, tz=TZ)
    assert versions(demo) == once_each(demo)
    renders = Renders(monkeypatch)
    generate_statements(demo, DUE_INVOICE, tz=TZ)
    assert renders.count == 0 and versions(demo) == once_each(demo)
    _chained, facts, problems = chain_and_facts(demo)
    assert problems == [] and facts == sum(once_each(demo).values())


def test_two_generators_at_once_store_one_version_each(demo, monkeypatch):  # type: ignore[no-untyped-def]
    """Two threads, each with its own engine and connections, both past the "unchanged?" check and
    both rendering each statement before either stores it: the race is forced on every row."""
    url = demo.url.render_as_string(hide_password=False)
    together = threading.Barrier(2, timeout=120)  # a safety net against a hang, not a timing assertion
    real = printables.statement.render_statement

    def in_step(*args: Any, **kwargs: Any) -> bytes:
        together.wait()  # both generators render the same statement before either stores it
        return real(*args, **kwargs)

    monkeypatch.setattr(printables.statement, "render_statement", in_step)
    results: list[Any] = [None, None]

    def generate(index: int) -> None:
        database = open_database(url)
        try:
            results[index] = generate_statement_rows(database, DUE_INVOICE, tz=TZ)
        except BaseException as err:
            together.abort()
            results[index] = err
        finally:
            database.dispose()

    threads = [threading.Thread(target=generate, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        assert not isinstance(result, BaseException), result
        assert not result.failures
    assert versions(demo) == once_each(demo)
    stored = sorted(results[0].document_ids + results[1].document_ids)
    assert len(stored) == sum(once_each(demo).values())  # each statement stored by one of them
    _chained, facts, problems = chain_and_facts(demo)
    assert problems == [] and facts == len(stored)
    with demo.read() as session:  # every current PDF's password is on its row
        for iso_id, passwords in session.execute(
                select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.passwords)
                .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)):
            ids = session.scalars(select(StoredDocument.id).where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                                                  StoredDocument.owner_id == iso_id)).all()
            assert set(passwords) == {str(i) for i in ids}
