"""The job centre's two tables: this PC's jobs and the statement mail outbox of every PC."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from oroshi_desktop.identity import pc_of
from oroshi_desktop.labels import DELETED_ORGANIZATION, JobState
from oroshi_desktop.ledger import JobView, Ledger
from oroshi_desktop.queries.job_centre import (
    JobFilter,
    OutboxFilter,
    OutboxRow,
    Stamp,
    job_kind_label,
    job_rows,
    job_stamps,
    outbox_rows,
    outbox_stamps,
)
from ui.i18n import current_language, label, message
from ui.jobs.stamped_model import StampedTableModel
from ui.list_export import EXPORT_ROLE
from ui.qt import QT_TRANSLATE_NOOP, QBrush, QColor, Qt

ATTENTION = QColor("#fff1c2")  # 要確認: a soft amber row, readable with black text
FAILED_TEXT = QColor("#a40000")


def when(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y/%m/%d %H:%M") if moment else ""


class JobTableModel(StampedTableModel[JobView]):
    HEADERS = (QT_TRANSLATE_NOOP("JobTableModel", "種類"), QT_TRANSLATE_NOOP("JobTableModel", "状態"),
               QT_TRANSLATE_NOOP("JobTableModel", "メッセージ"), QT_TRANSLATE_NOOP("JobTableModel", "作成"),
               QT_TRANSLATE_NOOP("JobTableModel", "開始"), QT_TRANSLATE_NOOP("JobTableModel", "終了"),
               QT_TRANSLATE_NOOP("JobTableModel", "試行"), QT_TRANSLATE_NOOP("JobTableModel", "依頼したPC"),
               QT_TRANSLATE_NOOP("JobTableModel", "出力"))
    SORT_KEYS = ("kind", "state", "message", "created_at", "started_at", "finished_at", "attempts", "pc", "output")
    PC, OUTPUT = 7, 8

    def __init__(self, ledger: Ledger, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.tz = tz
        self.filter = JobFilter()

    def set_filter(self, flt: JobFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.requery()

    def load_stamps(self) -> list[Stamp]:
        flt, sort, descending = self.filter, self.sort_key, self.descending
        return self.ledger.db.reading(job_stamps, flt, sort, descending)

    def load_rows(self, ids: Sequence[int]) -> dict[int, JobView]:
        return self.ledger.db.reading(job_rows, ids)

    def cell(self, job: JobView, column: int, role: int) -> Any:
        if role == EXPORT_ROLE:  # times and counts as themselves for Excel; None: the shown text
            if column in (3, 4, 5):
                moment = (job.created_at, job.started_at, job.finished_at)[column - 3]
                return moment.astimezone(self.tz) if moment else None
            return job.attempts if column == 6 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.OUTPUT and job.output_path:
                return job.output_path
            if column == self.PC and job.ran_by:
                return self.tr("実行したPC: {pc}").format(pc=pc_of(job.ran_by))
            if column == 2 and job.error:
                return self.tr("{message}\n詳細（サポート用）: {error}").format(message=message(job),
                                                                           error=job.error)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and job.state == JobState.FAILED:
            return QBrush(FAILED_TEXT)
        return None

    def _text(self, job: JobView, column: int) -> str:
        if column == 0:
            return label(job_kind_label(job.kind, job.arguments))
        if column == 1:
            return label(job.state_label)
        if column == 2:
            return message(job)  # the ledger's error is English (for support): it is the tooltip
        if column in (3, 4, 5):
            return when((job.created_at, job.started_at, job.finished_at)[column - 3], self.tz)
        if column == 6:
            return str(job.attempts)
        if column == self.PC:
            return job.requested_by
        if job.output_path:
            return Path(job.output_path).name
        return self.tr("保存済み") if job.document_id is not None else ""


class OutboxTableModel(StampedTableModel[OutboxRow]):
    HEADERS = (QT_TRANSLATE_NOOP("OutboxTableModel", "明細書"), QT_TRANSLATE_NOOP("OutboxTableModel", "組織"),
               QT_TRANSLATE_NOOP("OutboxTableModel", "状態"), QT_TRANSLATE_NOOP("OutboxTableModel", "試行"),
               QT_TRANSLATE_NOOP("OutboxTableModel", "最後のエラー・確認事項"),
               QT_TRANSLATE_NOOP("OutboxTableModel", "宛先"), QT_TRANSLATE_NOOP("OutboxTableModel", "送信したPC"))
    SORT_KEYS = ("run", "organization", "state", "attempts", None, None, "claimed_by")
    STATE, ERROR = 2, 4

    def __init__(self, database: Database, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.tz = tz
        self.filter = OutboxFilter()

    def set_filter(self, flt: OutboxFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.requery()

    def load_stamps(self) -> list[Stamp]:
        flt, sort, descending = self.filter, self.sort_key, self.descending
        return self.database.reading(outbox_stamps, flt, sort, descending)

    def load_rows(self, ids: Sequence[int]) -> dict[int, OutboxRow]:
        return self.database.reading(outbox_rows, ids)

    def cell(self, row: OutboxRow, column: int, role: int) -> Any:
        if role == EXPORT_ROLE:
            return row.attempts if column == 3 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.needs_attention:
            return QBrush(ATTENTION)
        if role == Qt.ItemDataRole.ForegroundRole and row.needs_attention:
            return QBrush(QColor("black"))  # stays readable on the amber row under a dark theme
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ERROR:
                # the chosen language's text, then the server's own words (for support)
                what = row.what_to_check(current_language())
                return "\n".join(dict.fromkeys(filter(None, (what, row.last_error)))) or None
            if column == self.STATE and row.needs_attention:
                return row.what_to_check(current_language())
        return None

    def _text(self, row: OutboxRow, column: int) -> str:
        if column == 0:
            period = f"{row.period_start:%Y/%m/%d}〜{row.period_end:%m/%d}" if row.period_start and row.period_end \
                else ""
            return f"#{row.invoice_id} {period}".strip()
        if column == 1:
            return row.organization or label(DELETED_ORGANIZATION)
        if column == 2:
            state = label(row.state_label)
            return self.tr("{state}（第{generation}回）").format(state=state, generation=row.generation) \
                if row.generation > 1 else state
        if column == 3:
            return str(row.attempts)
        if column == 4:
            return row.what_to_check(current_language())
        if column == 5:
            return row.recipients
        return pc_of(row.claimed_by or "")  # the PC, as the jobs list names it; not its process
