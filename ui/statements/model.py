"""The statement runs table: the shared lazy id model (``ui.paged_model``) over the runs' queries.

Filter and sort run in SQL (``oroshi_desktop.queries.statement_runs``); a page's cells are read by
id when first shown and kept until the next reload, so scrolling through 10,000 runs reads only
the pages that are shown.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database, is_connection_error
from oroshi_desktop.db.models import InvoiceLayout
from oroshi_desktop.queries.statement_runs import (
    RunFilter,
    RunRow,
    RunState,
    SortKey,
    first_page,
    run_ids,
    run_rows,
)
from ui.i18n import current_language
from ui.list_export import EXPORT_ROLE
from ui.operations import show_error
from ui.paged_model import AllIds, FirstPage, PagedIdModel
from ui.qt import QBrush, QColor, QCoreApplication, Qt, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")

log = logging.getLogger(__name__)

STATE_COLOURS = {RunState.UNCERTAIN: "#fff2b3", RunState.PARTLY_FAILED: "#ffd6d6", RunState.BOUNCED: "#ffd6d6"}



def layout_text(layout: int | None) -> str:
    labels = {int(InvoiceLayout.SIMPLE): translate("RunTable", "簡易版"),
              int(InvoiceLayout.STANDARD): translate("RunTable", "標準版")}
    return labels.get(layout or 0, "")


# Formatted by hand: strftime costs some 40–100 µs a call here, and a page paints hundreds of cells.
def day_text(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def period_text(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{day_text(start)} 〜 {day_text(end)}"
    return translate("RunTable", "（期間なし）")


def local_time_text(moment: datetime | None, tz: ZoneInfo) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    return f"{day_text(local)} {local.hour:02d}:{local.minute:02d}"


def organizations_text(names: tuple[str, ...]) -> str:
    if not names:
        return translate("RunTable", "0件")
    return translate("RunTable", "{count}件: ").format(count=len(names)) + translate("RunTable", "、").join(names)


def mail_text(send_email: bool) -> str:
    return translate("RunTable", "する") if send_email else translate("RunTable", "しない")


class RunTableModel(PagedIdModel):
    sort_keys = SortKey
    skips_same_sort = True  # see PagedIdModel

    def __init__(self, database: Database, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.tz = tz
        self.headers = (translate("RunTable", "期間"), translate("RunTable", "組織"), translate("RunTable", "レイアウト"),
                        translate("RunTable", "メール"), translate("RunTable", "送信日時"), translate("RunTable", "状態"))
        self.run_filter = RunFilter()
        self.sort_key = SortKey.PERIOD
        self.descending = True
        self.language = current_language()  # chosen at start (設定 applies a new one after a restart)
        self._brushes = {state: QBrush(QColor(colour)) for state, colour in STATE_COLOURS.items()}

    def queries(self) -> tuple[FirstPage, AllIds]:
        database, run_filter, sort, descending = self.database, self.run_filter, self.sort_key, self.descending

        def page(limit: int) -> tuple[list[int], dict[int, Any]]:
            ids, rows = database.reading(first_page, run_filter, sort, descending, limit=limit)
            return ids, dict(rows)

        return page, lambda: database.reading(run_ids, run_filter, sort, descending)

    def read_rows(self, ids: list[int]) -> dict[int, Any]:
        return dict(self.database.reading(run_rows, ids))

    def reload_failed(self, parent: QWidget | None, err: BaseException) -> None:
        if is_connection_error(err):  # offline: the list stays as it was and reloads once back
            log.info("statement runs not reloaded: %s", err)
            return
        show_error(parent, err)

    def set_filter(self, run_filter: RunFilter, parent: QWidget | None = None) -> None:
        self.run_filter = run_filter
        self.reload(parent)

    def first_page_is_cheap(self) -> bool:
        """Newest first (or by layout, mail, send time) without a search: the runs table alone, indexed."""
        f = self.run_filter
        return not f.states and not f.organization.strip() and self.sort_key in (SortKey.PERIOD, SortKey.SEND_AT)

    def run_at(self, row: int) -> RunRow | None:
        return self.row_at(row)

    def cell(self, row: RunRow, column: int, role: int) -> Any:
        if role == EXPORT_ROLE:  # the send time as a date and time for Excel; None: the shown text
            return row.send_at.astimezone(self.tz) if column == SortKey.SEND_AT and row.send_at else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(row.state)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None
        if column == SortKey.PERIOD:
            return period_text(row.start_date, row.end_date)
        if column == SortKey.ORGANIZATIONS:
            return organizations_text(row.organization_names)
        if column == SortKey.LAYOUT:
            return layout_text(row.layout)
        if column == SortKey.MAIL:
            return mail_text(row.send_email)
        if column == SortKey.SEND_AT:
            return local_time_text(row.send_at, self.tz)
        return row.state.label_in(self.language)
