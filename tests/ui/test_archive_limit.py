"""書類保管 with more matches than the table holds: the newest rows shown, the total said, and CSV出力
writes every match; the facts of PDFs stored without them are recorded by the view's search."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from oroshi_desktop.db.models import ArchiveFacts, StoredDocument
from tests.ui.archive_fixtures import ArchiveEnv, start_archive_env


@pytest.fixture
def env(qtbot, qapp, db) -> Iterator[ArchiveEnv]:  # type: ignore[no-untyped-def]
    yield from start_archive_env(qtbot, qapp, db)


def test_the_table_holds_the_newest_rows_and_the_csv_every_match(env: ArchiveEnv, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    with env.database.read() as session:  # the first search recorded the facts of all eight PDFs
        assert session.scalar(select(func.count()).select_from(ArchiveFacts)) == 8
    view.row_limit = 3  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.searched, timeout=20000):  # type: ignore[attr-defined]
        view.refresh()  # type: ignore[attr-defined]
    model = view.model  # type: ignore[attr-defined]
    newest = sorted(env.ids[k] for k in env.ids if not k.startswith("iso_"))[-3:]
    assert sorted(e.document_id for e in model.entries) == newest
    assert view.count_label.text() == "8件（新しい順に3件を表示。条件で絞り込んでください）"  # type: ignore[attr-defined]
    target = tmp_path / "all.csv"
    with qtbot.waitSignal(view.exported, timeout=10000):  # type: ignore[attr-defined]
        view.export_csv(str(target))  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + 8
    # 整合性チェック covers every match too: a document beyond the table's rows is found altered
    oldest = min(env.ids[k] for k in env.ids if not k.startswith("iso_"))
    with env.database.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.id == oldest).values(content=b"%PDF altered"))
    with qtbot.waitSignal(view.verified, timeout=20000) as blocker:  # type: ignore[attr-defined]
        view.verify()  # type: ignore[attr-defined]
    assert [p.document_id for p in blocker.args[0]] == [oldest]
    assert "8件中 1件" in view.result_box.text()  # type: ignore[attr-defined]
    view.result_box.close()  # type: ignore[attr-defined]
