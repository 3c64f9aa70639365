"""The document store: versions, hashes, never overwriting, latest per kind."""

from __future__ import annotations

import hashlib
import threading

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.models import StoredDocument
from oroshi_desktop.document_store import (
    STATEMENT_OWNER_TYPE,
    latest_documents,
    load_document,
    statement_documents,
    store_document,
)
from oroshi_desktop.errors import NotFound
from tests.core.outbox_fixtures import tiny_pdf


def store(db, kind: str, content: bytes, *, owner_id: int = 7, owner_type: str = STATEMENT_OWNER_TYPE,
          filename: str = "明細書.pdf") -> StoredDocument:
    with db.write() as session:
        return store_document(session, owner_type=owner_type, owner_id=owner_id, kind=kind,
                              filename=filename, content=content)


def test_store_records_hash_size_and_first_version(db):
    pdf = tiny_pdf("one")
    document = store(db, "organization", pdf)
    assert document.id is not None
    assert document.version == 1
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.byte_size == len(pdf)
    assert document.content_type == "application/pdf"
    assert document.created_at.tzinfo is not None
    with db.read() as session:
        loaded = load_document(session, document.id)
        assert loaded.content == pdf
        assert loaded.filename == "明細書.pdf"


def test_regenerating_adds_a_version_and_keeps_the_old_bytes(db):
    original = tiny_pdf("v1")
    first = store(db, "organization", original)
    second = store(db, "organization", tiny_pdf("v2"))
    other_kind = store(db, "supplier", tiny_pdf("s1"))
    other_owner = store(db, "organization", tiny_pdf("x"), owner_id=8)
    assert (first.version, second.version, other_kind.version, other_owner.version) == (1, 2, 1, 1)
    with db.read() as session:
        assert load_document(session, first.id).content == original
        assert load_document(session, first.id).sha256 == first.sha256
        assert session.scalar(select(func.count()).select_from(StoredDocument)) == 4


def test_identical_content_is_still_a_new_version(db):
    pdf = tiny_pdf("same")
    assert [store(db, "supplier", pdf).version for _ in range(3)] == [1, 2, 3]


def test_latest_documents_gives_the_newest_version_of_each_kind(db):
    store(db, "supplier", tiny_pdf("s1"))
    store(db, "organization", tiny_pdf("o1"))
    newest_org = store(db, "organization", tiny_pdf("o2"))
    newest_sup = store(db, "supplier", tiny_pdf("s2"))
    store(db, "organization", tiny_pdf("elsewhere"), owner_id=99)
    store(db, "organization", tiny_pdf("other type"), owner_type="something_else")
    with db.read() as session:
        latest = latest_documents(session, STATEMENT_OWNER_TYPE, 7)
        assert [(d.kind, d.id) for d in latest] == [("organization", newest_org.id), ("supplier", newest_sup.id)]
        assert [d.kind for d in statement_documents(session, 7)] == ["organization", "supplier"]
        assert latest_documents(session, STATEMENT_OWNER_TYPE, 12345) == []


def test_missing_document_is_not_found(db):
    with db.read() as session, pytest.raises(NotFound):
        load_document(session, 424242)


def test_rejects_non_bytes_and_empty_names(db):
    with db.write() as session:
        with pytest.raises(TypeError):
            store_document(session, owner_type="x", owner_id=1, kind="k", filename="a.pdf",
                           content="text")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            store_document(session, owner_type="x", owner_id=1, kind="k", filename="", content=b"x")


def test_concurrent_writers_get_distinct_versions(db):
    errors: list[BaseException] = []
    versions: list[int] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        try:
            document = store(db, "organization", f"%PDF {n}".encode(), owner_id=55)
            with lock:
                versions.append(document.version)
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(versions) == [1, 2, 3, 4]
