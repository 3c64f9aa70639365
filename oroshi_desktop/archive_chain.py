"""The archive's hash chain (電子帳簿保存法): every stored statement, chained to the one before it.

Each link records what a statement was when it entered the archive — its bytes' SHA-256, the
figures the archive search shows (issue date, amount, counterparty, registration number,
producers, taxes) and when it was stored — as canonical JSON, and hashes that JSON together with
the previous link's hash. 整合性チェック (``verify_chain``) then finds:

- a changed figure, a changed or backdated document row: the live row no longer gives the link's JSON;
- changed bytes, even rewritten together with their stored SHA-256: the bytes no longer hash to the
  digest the link holds;
- a deleted document: its link points nowhere; a deleted or inserted link: a gap in ``seq`` or a
  broken ``prev_hash``; an edited link: its hash no longer matches;
- a chain rewritten from its start: only against a head exported earlier (``head_line``), which is
  why the head is shown and can be given to an auditor.

A statement enters the chain when its figures are recorded (``queries/archive_facts``), in the same
transaction as its PDF; statements stored before revision 0008 were chained once on upgrade.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import ArchiveChainRecord, ArchiveFacts, StoredDocument
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import sha256_hex
from oroshi_desktop.errors import UserError

__all__ = ["GENESIS", "ChainHead", "ChainProblem", "append_to_chain", "chain_head", "check_against_head",
           "head_line", "unchained_documents", "verify_chain"]

GENESIS = "0" * 64  # the "previous hash" of the first link
_APPEND_RETRIES = 20

# The figures a link holds, in the words a problem names them with (English, Japanese).
FIELDS = {
    "sha256": ("the document's SHA-256", "書類のSHA-256"), "byte_size": ("the document's size", "書類のサイズ"),
    "filename": ("the file name", "ファイル名"), "kind": ("the document kind", "書類の種類"),
    "version": ("the version", "版"), "owner_id": ("the statement row", "明細書の行"),
    "created_at": ("the time it was stored", "保存日時"), "issued": ("the issue date", "発行日"),
    "amount": ("the amount", "金額"), "counterparty": ("the counterparty", "取引先"),
    "registration_number": ("the registration number", "登録番号"), "producers": ("the producers", "生産者"),
    "taxes": ("the taxes", "税額"),
}


@dataclass(frozen=True)
class ChainHead:
    """The newest link: the one hash that stands for the whole archive up to it."""

    seq: int
    record_hash: str
    document_id: int
    chained_at: datetime


@dataclass(frozen=True)
class ChainProblem:
    """One thing 整合性チェック found; ``document_id`` None when the link itself is the problem."""

    seq: int | None
    document_id: int | None
    message: str
    message_ja: str


def _utc_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def _payload(document: Any, facts: ArchiveFacts | None, sha256: str) -> dict[str, Any]:
    """What a link holds for one document; ``sha256`` is the digest the chain vouches for."""
    return {
        "document_id": document.id, "owner_id": document.owner_id, "kind": document.kind,
        "version": document.version, "filename": document.filename, "byte_size": document.byte_size,
        "sha256": sha256, "created_at": _utc_text(document.created_at),
        "issued": facts.issued.isoformat() if facts is not None and facts.issued is not None else None,
        # As NUMERIC(30, 2) keeps it: the same text before and after the database.
        "amount": (str(Decimal(facts.amount).quantize(Decimal("0.01")))
                   if facts is not None and facts.amount is not None else None),
        "counterparty": facts.counterparty if facts is not None else None,
        "registration_number": facts.registration_number if facts is not None else None,
        "producers": facts.producers if facts is not None else None,
        "taxes": facts.taxes if facts is not None else None,
    }


def _canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def link_hash(prev_hash: str, payload_text: str, seq: int, chained_at: datetime) -> str:
    """The link's hash: its place, the link before it, what it holds and when it was made."""
    return hashlib.sha256(f"{seq}\n{prev_hash}\n{_utc_text(chained_at)}\n{payload_text}".encode()).hexdigest()


def _documents(session: Session, document_ids: Iterable[int]) -> list[Any]:
    columns = (StoredDocument.id, StoredDocument.owner_id, StoredDocument.kind, StoredDocument.version,
               StoredDocument.filename, StoredDocument.byte_size, StoredDocument.sha256, StoredDocument.created_at)
    return list(session.execute(select(*columns).where(StoredDocument.id.in_(list(document_ids)))
                                .order_by(StoredDocument.id)))


def append_to_chain(session: Session, document_ids: Iterable[int], *, now: datetime | None = None) -> int:
    """Chain these stored statements (with their recorded figures) after the current head, in id
    order; ones already chained are left as they are. Two writers at once: ``seq`` is the primary
    key, so the second one's link conflicts and is made again on the new head. Returns the count."""
    ids = sorted(set(document_ids))
    if not ids:
        return 0
    already = set(session.scalars(select(ArchiveChainRecord.document_id)
                                  .where(ArchiveChainRecord.document_id.in_(ids))))
    facts = {row.document_id: row for row in session.scalars(select(ArchiveFacts)
                                                              .where(ArchiveFacts.document_id.in_(ids)))}
    added = 0
    for document in _documents(session, ids):
        if document.id in already:
            continue
        text = _canonical(_payload(document, facts.get(document.id), document.sha256))
        for attempt in range(_APPEND_RETRIES):
            head = chain_head(session)
            seq, prev = (head.seq + 1, head.record_hash) if head is not None else (1, GENESIS)
            at = (now or utcnow()).replace(microsecond=0)  # what every database keeps exactly
            link = ArchiveChainRecord(seq=seq, document_id=document.id, payload=text, prev_hash=prev,
                                      record_hash=link_hash(prev, text, seq, at), chained_at=at)
            try:
                with session.begin_nested():
                    session.add(link)
                added += 1
                break
            except IntegrityError:  # another writer took this seq: chain after its link
                if attempt == _APPEND_RETRIES - 1:
                    raise
    return added


def chain_head(session: Session) -> ChainHead | None:
    row = session.execute(select(ArchiveChainRecord.seq, ArchiveChainRecord.record_hash,
                                 ArchiveChainRecord.document_id, ArchiveChainRecord.chained_at)
                          .order_by(ArchiveChainRecord.seq.desc()).limit(1)).first()
    return ChainHead(row.seq, row.record_hash, row.document_id, row.chained_at) if row is not None else None


def head_line(head: ChainHead | None) -> str:
    """The head as one line to keep or hand to an auditor (``check_against_head`` reads it back)."""
    if head is None:
        return "oroshi-desktop archive chain: empty"
    return (f"oroshi-desktop archive chain: seq {head.seq} sha256 {head.record_hash} "
            f"at {_utc_text(head.chained_at)}")


def unchained_documents(session: Session) -> list[int]:
    """Statements with recorded figures that are not in the chain (added around the app)."""
    return list(session.scalars(
        select(ArchiveFacts.document_id)
        .outerjoin(ArchiveChainRecord, ArchiveChainRecord.document_id == ArchiveFacts.document_id)
        .where(ArchiveChainRecord.seq.is_(None)).order_by(ArchiveFacts.document_id)))


def _changed_fields(chained: dict[str, Any], live: dict[str, Any]) -> list[str]:
    return [key for key in FIELDS if chained.get(key) != live.get(key)]


def _field_words(keys: list[str]) -> tuple[str, str]:
    return ", ".join(FIELDS[key][0] for key in keys), "、".join(FIELDS[key][1] for key in keys)


def verify_chain(session: Session, *, step: Callable[[int, int], None] | None = None) -> list[ChainProblem]:
    """整合性チェック of the whole archive: every link against the one before it and against the
    live document, its bytes and its figures. One document's bytes in memory at a time."""
    problems: list[ChainProblem] = []
    total = session.scalar(select(func.count()).select_from(ArchiveChainRecord)) or 0
    prev, expected_seq = GENESIS, 1
    links = session.execute(select(ArchiveChainRecord.seq, ArchiveChainRecord.document_id, ArchiveChainRecord.payload,
                                   ArchiveChainRecord.prev_hash, ArchiveChainRecord.record_hash,
                                   ArchiveChainRecord.chained_at)
                            .order_by(ArchiveChainRecord.seq)).all()
    for done, link in enumerate(links, start=1):
        if link.seq != expected_seq:
            problems.append(ChainProblem(expected_seq, None,
                                         f"chain links {expected_seq}–{link.seq - 1} are missing (deleted)",
                                         f"記録 {expected_seq}〜{link.seq - 1} が見つかりません（削除されています）"))
        if link.prev_hash != prev or link.record_hash != link_hash(link.prev_hash, link.payload, link.seq,
                                                                                  link.chained_at):
            problems.append(ChainProblem(link.seq, link.document_id,
                                         f"chain link {link.seq} was changed (its hash does not follow the link before it)",
                                         f"記録 {link.seq} が書き換えられています（前の記録とハッシュがつながりません）"))
        prev, expected_seq = link.record_hash, link.seq + 1
        problems.extend(_check_document(session, link))
        if step is not None:
            step(done, total)
    for document_id in unchained_documents(session):
        problems.append(ChainProblem(None, document_id,
                                     f"document {document_id} is in the archive but not in its chain (added around the app)",
                                     f"文書番号 {document_id} は書類保管にありますが、記録の連鎖に含まれていません"))
    return problems


def _check_document(session: Session, link: Any) -> list[ChainProblem]:
    chained = json.loads(link.payload)
    rows = _documents(session, [link.document_id])
    if not rows:
        return [ChainProblem(link.seq, link.document_id,
                             f"document {link.document_id} ({chained.get('filename')}) was deleted from the archive",
                             f"文書番号 {link.document_id}（{chained.get('filename')}）が書類保管から削除されています")]
    document = rows[0]
    content = session.scalar(select(StoredDocument.content).where(StoredDocument.id == link.document_id))
    actual = sha256_hex(bytes(content or b""))
    facts = session.get(ArchiveFacts, link.document_id)
    live = _payload(document, facts, document.sha256)
    problems = []
    changed = _changed_fields(chained, live)
    if changed:
        words, words_ja = _field_words(changed)
        problems.append(ChainProblem(link.seq, link.document_id,
                                     f"document {link.document_id} ({document.filename}): {words} changed after it was stored",
                                     f"文書番号 {link.document_id}（{document.filename}）: 保存後に{words_ja}が変更されています"))
    if actual != chained.get("sha256"):
        problems.append(ChainProblem(link.seq, link.document_id,
                                     f"document {link.document_id} ({document.filename}): its bytes changed after it was stored",
                                     f"文書番号 {link.document_id}（{document.filename}）: 保存後に内容が書き換えられています"))
    return problems


def check_against_head(session: Session, line: str) -> ChainProblem | None:
    """Compare the chain with a head exported earlier (``head_line``): the link at that ``seq``
    must still have that hash, or the chain was rewritten since."""
    parts = line.split()
    try:
        seq = int(parts[parts.index("seq") + 1])
        expected = parts[parts.index("sha256") + 1]
    except (ValueError, IndexError):
        raise UserError("the exported chain head is not a line written by `archive head`",
                        "書き出した連鎖の先頭の行が正しくありません（archive head が書いた行を使ってください）") from None
    actual = session.scalar(select(ArchiveChainRecord.record_hash).where(ArchiveChainRecord.seq == seq))
    if actual == expected:
        return None
    return ChainProblem(seq, None,
                        f"the chain no longer holds the exported head (link {seq}): it was rewritten or cut since",
                        f"書き出した時点の先頭（記録 {seq}）と一致しません。その後に記録の連鎖が書き換えられたか、削除されています")


def audit(session: Session, expected_head: str | None = None) -> tuple[list[ChainProblem], ChainHead | None]:
    """``archive verify``: the whole chain checked, against a head exported earlier when given, and
    the head it has now (one read, so the problems and the head describe the same archive)."""
    problems = verify_chain(session)
    if expected_head is not None:
        against = check_against_head(session, expected_head)
        problems += [against] if against is not None else []
    return problems, chain_head(session)
