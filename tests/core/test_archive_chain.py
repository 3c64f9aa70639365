"""The archive's hash chain (issue 21, point 8), on SQLite and both PostgreSQL kinds: every tamper
case is found by 整合性チェック, which before saw only a changed PDF byte; an existing archive is
chained once on upgrade; the head, saved earlier, finds a chain rewritten or cut since."""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import delete, func, select, update

from oroshi_desktop.archive_chain import (
    chain_head,
    check_against_head,
    head_line,
    unchained_documents,
    verify_chain,
)
from oroshi_desktop.db import schema
from oroshi_desktop.db.models import ArchiveChainRecord, ArchiveFacts, StoredDocument
from oroshi_desktop.document_store import sha256_hex
from oroshi_desktop.queries.archive_facts import fill_missing_facts
from tests.core.archive_fixtures import build_archive, pdf_bytes


@pytest.fixture
def archive(db):  # type: ignore[no-untyped-def]
    with db.write() as session:
        ids = build_archive(session)
        assert fill_missing_facts(session) == 7  # the figures are recorded, and chained with them
    return db, ids


def problems(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return [problem.message for problem in verify_chain(session)]


def test_an_untouched_archive_is_intact_and_every_statement_is_chained(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ids = archive
    assert problems(db) == []
    with db.read() as session:
        head = chain_head(session)
        assert head is not None and head.seq == 7 and unchained_documents(session) == []
        assert check_against_head(session, head_line(head)) is None


def test_a_changed_figure_is_found(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.write() as session:
        session.execute(update(ArchiveFacts).where(ArchiveFacts.document_id == ids["B_supplier"])
                        .values(amount=ArchiveFacts.amount + 1, counterparty="別の取引先"))
    [found] = problems(db)
    assert f"document {ids['B_supplier']}" in found and "the amount" in found and "the counterparty" in found


def test_a_backdated_record_is_found(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.write() as session:
        created = session.scalar(select(StoredDocument.created_at).where(StoredDocument.id == ids["C_organization"]))
        session.execute(update(StoredDocument).where(StoredDocument.id == ids["C_organization"])
                        .values(created_at=created - timedelta(days=400)))
    [found] = problems(db)
    assert "the time it was stored" in found


def test_a_deleted_record_is_found(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.write() as session:
        session.execute(delete(ArchiveFacts).where(ArchiveFacts.document_id == ids["A_supplier"]))
        session.execute(delete(StoredDocument).where(StoredDocument.id == ids["A_supplier"]))
    [found] = problems(db)
    assert "was deleted" in found and "A_supplier.pdf" in found


def test_a_document_rewritten_together_with_its_hash_is_found(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    forged = pdf_bytes("A organization forged")
    with db.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.id == ids["A_organization_v2"])
                        .values(content=forged, sha256=sha256_hex(forged), byte_size=len(forged)))
    found = problems(db)
    assert any("its bytes changed" in line for line in found)
    assert any("the document's SHA-256" in line for line in found)


def test_a_deleted_or_edited_link_is_found(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ids = archive
    with db.write() as session:
        session.execute(delete(ArchiveChainRecord).where(ArchiveChainRecord.seq == 3))
        chained = session.scalar(select(ArchiveChainRecord.chained_at).where(ArchiveChainRecord.seq == 5))
        session.execute(update(ArchiveChainRecord).where(ArchiveChainRecord.seq == 5)
                        .values(chained_at=chained - timedelta(days=1)))
    found = problems(db)
    assert any("links 3–3 are missing" in line for line in found)
    assert any("chain link 4 was changed" in line for line in found)  # its predecessor is gone
    assert any("chain link 5 was changed" in line for line in found)  # backdated link
    assert any("not in its chain" in line for line in found)  # the statement whose link was deleted


def test_a_chain_cut_since_its_head_was_saved_is_found_against_that_head(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ids = archive
    with db.read() as session:
        saved = head_line(chain_head(session))
    with db.write() as session:  # the newest statement and its link removed without a trace in the chain
        last = session.scalar(select(ArchiveChainRecord.document_id).where(ArchiveChainRecord.seq == 7))
        session.execute(delete(ArchiveChainRecord).where(ArchiveChainRecord.seq == 7))
        session.execute(delete(ArchiveFacts).where(ArchiveFacts.document_id == last))
        session.execute(delete(StoredDocument).where(StoredDocument.id == last))
    assert problems(db) == []  # self-consistent: only the saved head can tell
    with db.read() as session:
        problem = check_against_head(session, saved)
    assert problem is not None and "exported head" in problem.message


def test_an_existing_archive_is_chained_once_on_upgrade(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as session:
        build_archive(session)  # by today's store, then the schema as revision 0007 had it
    config = schema._alembic_config(db)
    with db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
        conn.commit()
    with db.write() as session:
        from oroshi_desktop.queries import archive_facts

        assert archive_facts.fill_missing_facts(session, chain=False) == 7  # as revision 0007 left them
    schema.upgrade(db)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ArchiveChainRecord)) == 7
        assert [p.message for p in verify_chain(session)] == []
    schema.upgrade(db)  # once: nothing more is chained
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ArchiveChainRecord)) == 7


def test_the_cli_saves_the_head_and_verifies_against_it(_isolated_home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys
    from pathlib import Path

    from oroshi_desktop.config import load_settings
    from oroshi_desktop.db.engine import open_database

    settings = load_settings()
    settings.paths.ensure()
    db = open_database(settings.effective_database_url)
    schema.upgrade(db)
    with db.write() as session:
        build_archive(session)
        fill_missing_facts(session)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "oroshi_desktop", "archive", *args], capture_output=True,
                              text=True, env=dict(os.environ), cwd=Path(__file__).resolve().parents[2], timeout=120)

    saved = tmp_path / "head.txt"
    head = cli("head", "--save", str(saved))
    assert head.returncode == 0 and "seq 7 sha256" in head.stdout and saved.read_text().strip() in head.stdout
    intact = cli("verify", "--head", str(saved))
    assert intact.returncode == 0 and "intact (7 record(s))" in intact.stdout, intact.stdout + intact.stderr
    with db.write() as session:
        session.execute(update(ArchiveFacts).where(ArchiveFacts.document_id == 1).values(amount=1))
    changed = cli("verify", "--head", str(saved))
    assert changed.returncode == 1 and "the amount changed" in changed.stdout
    missing = cli("head", "--save", str(tmp_path / "nowhere" / "head.txt"))
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
    db.dispose()
