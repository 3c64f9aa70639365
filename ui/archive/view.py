"""書類保管: every statement PDF ever stored, searched, opened, checked and exported — never changed.

Searching is one SQL query over the archive facts (``queries.archive``), through ``Operation``;
the table holds at most ``ROW_LIMIT`` rows of it (the count says when there are more) and CSV出力
writes the whole result. A PDF stored without facts gets them first (a write, then the read).
整合性チェック reads every listed document again and recomputes its SHA-256 as a
``BatchOperation`` with キャンセル (every match, like CSV出力), then checks the whole archive
against its hash chain (``archive_chain``) and shows the chain's head, which 連鎖の先頭を書き出す
writes to a file for an auditor. Nothing here writes to the
document store: the view has no action that could change or delete a stored document.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from oroshi_desktop.archive_chain import chain_head, head_line, verify_chain
from oroshi_desktop.db.engine import Database
from oroshi_desktop.document_store import document_content
from oroshi_desktop.errors import write_refused
from oroshi_desktop.queries.archive import (
    ArchiveCriteria,
    ArchiveEntry,
    archive_csv,
    search_archive,
    search_page,
    verify_search,
)
from oroshi_desktop.queries.archive_facts import fill_missing_facts
from ui.archive.filters import ArchiveFilterBar
from ui.archive.model import ArchiveTableModel
from ui.context import AppContext
from ui.list_export import ListExport
from ui.list_table import list_table
from ui.operations import BatchOperation, Operation, Progress
from ui.qt import (
    QAction,
    QFileDialog,
    QLabel,
    QMessageBox,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.row_actions import row_actions, tab_chain
from ui.toolbar import ViewActions
from ui.window_state import RemembersLayout, Restorable, window_settings

# Rows one search puts in the table (sorted there); a narrower search shows the rest.
ROW_LIMIT = 5000


class ArchiveView(RemembersLayout, QWidget):
    searched = Signal()   # a search's rows are in (tests and screenshots wait for it)
    verified = Signal(object)  # list[IntegrityProblem] of a finished 整合性チェック
    exported = Signal(str)     # the path of a written CSV
    head_exported = Signal(str)  # the chain head's line, written to the chosen file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("archiveView")
        self.setAccessibleName(self.tr("書類保管"))
        self.title = self.tr("書類保管")
        self.criteria = ArchiveCriteria()
        self.loading = False
        self._generation = 0
        self.last_problems: list[Any] = []
        self.last_chain_problems: list[Any] = []
        self.row_limit = ROW_LIMIT
        self.total = 0

        self.model = ArchiveTableModel(self)
        self.table = list_table(self, self.model, name="archiveTable",
                                accessible_name=self.tr("保管された支払明細書の一覧"), sort_column=0,
                                sort_order=Qt.SortOrder.DescendingOrder, widths=(100, 240, 160, 90, 90, 50, 250, 200))
        self.table.doubleClicked.connect(lambda index: self.open_entry(self.model.entry_at(index.row())))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        self.filters = ArchiveFilterBar(datetime.now(ctx.settings.tz).date(), self)
        self.filters.changed.connect(self._criteria_changed)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("archiveToolbar")
        self.actions_by_name = ViewActions(self, self.toolbar)
        self.actions_by_name.add("openArchiveDocument", self.tr("開く"), self.open_selected,
                                 self.tr("選んだ書類をビューアーで開く"))
        self.actions_by_name.add("printArchiveDocument", self.tr("印刷"), self.print_current, self.tr("選んだ書類を印刷"))
        self.actions_by_name.add("verifyArchive", self.tr("整合性チェック"), self.verify,
                                 self.tr("一覧の各ファイルのSHA-256を計算し直し、保存時の値と照合"))
        self.actions_by_name.add("exportArchiveCsv", self.tr("CSV出力"), self.export_csv,
                                 self.tr("一覧をCSVファイルに出力（Excelで開けます）"))
        self.list_export = ListExport(self, self.table, title=lambda: self.tr("書類保管"),
                                      settings=window_settings(self.ctx.settings.paths), toolbar=self.toolbar)
        row_actions(self.table, [self.action("openArchiveDocument"), self.action("printArchiveDocument")],
                    main=self.action("openArchiveDocument"))
        tab_chain(self.filters, self.table, self.toolbar)
        self.actions_by_name.add("exportArchiveHead", self.tr("連鎖の先頭を書き出す"), self.export_head,
                                 self.tr("記録の連鎖の先頭（SHA-256）をファイルに書き出し、後で照合できるように保管"))
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("archiveCount")
        self.note = QLabel(self.tr("保管された書類は変更・削除できません（電子帳簿保存法）。"), self)
        self.note.setObjectName("archiveNote")

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.note)
        self.ctx.data_changed.connect(lambda area: self.refresh() if area == "statements" else None)
        self.ctx.database_changed.connect(self.refresh)  # it reads ``ctx.database`` at each search
        self._update_actions()
        self.refresh()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _update_actions(self) -> None:
        selected = self.selected_entry() is not None
        self.action("openArchiveDocument").setEnabled(selected)
        self.action("printArchiveDocument").setEnabled(selected)
        has_rows = bool(self.model.entries)
        self.action("verifyArchive").setEnabled(has_rows and not self.loading)
        self.action("exportArchiveCsv").setEnabled(has_rows and not self.loading)
        self.action("exportArchiveHead").setEnabled(has_rows and not self.loading)

    # ---- searching -----------------------------------------------------------------------------

    def _criteria_changed(self, criteria: ArchiveCriteria) -> None:
        self.criteria = criteria
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        criteria, database, tz = self.criteria, self.ctx.database, self.ctx.settings.tz
        self.loading = True
        self.count_label.setText(self.tr("検索しています…"))
        self._update_actions()

        limit = self.row_limit

        def work() -> tuple[list[ArchiveEntry], int]:
            criteria.check()
            database.writing(fill_missing_facts, tz=tz)  # facts of PDFs stored before they were recorded
            return database.reading(search_page, criteria, tz=tz, limit=limit)

        def done(result: tuple[list[ArchiveEntry], int]) -> None:
            if generation != self._generation:
                return  # an older search answered after a newer one started
            entries, total = result
            self.total = total
            self.model.set_entries(entries)
            self.model.set_altered({p.document_id for p in self.last_problems})
            if total > len(entries):
                self.count_label.setText(self.tr("{total}件（新しい順に{shown}件を表示。条件で絞り込んでください）")
                                         .format(total=total, shown=len(entries)))
            else:
                self.count_label.setText(self.tr("{count}件").format(count=total))

        def finished() -> None:
            if generation == self._generation:
                self.loading = False
                self._update_actions()
                self.searched.emit()

        Operation(self, work).success(done).finally_(finished).run()

    # ---- one document --------------------------------------------------------------------------

    def selected_entry(self) -> ArchiveEntry | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def _with_bytes(self, entry: ArchiveEntry, then: Any) -> None:
        database: Database = self.ctx.database

        def work() -> bytes:
            return database.reading(document_content, entry.document_id)

        Operation(self, work, label=self.tr("PDFを読み込んでいます…")).success(then).run()

    def open_entry(self, entry: ArchiveEntry | None) -> None:
        """Any version opens; only the newest generation still has its password stored —
        an older one asks for it (the viewer's own password prompt)."""
        if entry is None:
            return
        from ui.viewer import open_pdf

        title = self.tr("{name}（第{version}版）").format(name=entry.filename, version=entry.version)
        self._with_bytes(entry, lambda data: open_pdf(self, data, title, entry.password))

    def open_selected(self) -> None:
        self.open_entry(self.selected_entry())

    # ---- 整合性チェック ------------------------------------------------------------------------------

    def verify(self) -> BatchOperation[Any] | None:
        shown = [entry.document_id for entry in self.model.entries]
        if not shown:
            return None
        database, criteria, complete = self.ctx.database, self.criteria, self.total <= len(shown)
        checked: list[int] = []
        chain: list[Any] = []
        heads: list[Any] = []

        def work(progress: Progress) -> list[Any]:
            def step(done: int, total: int) -> None:
                progress.update(done, total)
                progress.check()

            # beyond the table's rows: every match of the search
            count, problems = database.reading(verify_search, criteria, shown, complete=complete, step=step)
            checked.append(count)
            # The whole archive against its hash chain: changed figures, backdated or deleted records.
            chain.extend(database.reading(verify_chain, step=step))
            heads.append(database.reading(chain_head))
            return problems

        operation = BatchOperation(self, work, label=self.tr("保存された書類のSHA-256を照合しています…"))
        operation.success(lambda problems: self._verified(problems, checked[0], chain, heads[0])).run()
        return operation

    def _verified(self, problems: list[Any], checked: int, chain: list[Any] | None = None,
                  head: Any = None) -> None:
        self.last_problems = list(problems)
        self.last_chain_problems = list(chain or [])
        self.model.set_altered({p.document_id for p in problems}
                               | {p.document_id for p in self.last_chain_problems if p.document_id is not None})
        if problems:
            lines = "\n".join(self.tr("・{name}（第{version}版, 文書番号 {id}）").format(
                name=p.filename, version=p.version, id=p.document_id) for p in problems)
            text = self.tr("{checked}件中 {bad}件の書類が保存時の内容と一致しません。"
                           "保存後に書き換えられた可能性があります。\n\n{lines}").format(
                checked=checked, bad=len(problems), lines=lines)
            icon = QMessageBox.Icon.Warning
        else:
            text = self.tr("{checked}件すべての書類が保存時の内容（SHA-256）と一致しました。").format(checked=checked)
            icon = QMessageBox.Icon.Information
        if self.last_chain_problems:
            from ui.i18n import current_language

            english = current_language() == "en"
            lines = "\n".join("・" + (p.message if english else p.message_ja) for p in self.last_chain_problems)
            text += "\n\n" + self.tr("記録の連鎖の照合で {count}件の問題が見つかりました"
                                       "（保存後の変更・日付の書き換え・削除）。\n{lines}").format(
                count=len(self.last_chain_problems), lines=lines)
            icon = QMessageBox.Icon.Warning
        else:
            text += "\n\n" + self.tr("記録の連鎖（金額・取引先・保存日時を含む）に問題はありません。")
        if head is not None:
            text += "\n" + self.tr("連鎖の先頭（第{seq}件）のSHA-256:\n{hash}").format(seq=head.seq, hash=head.record_hash)
        box = QMessageBox(icon, self.tr("整合性チェック"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("archiveVerifyResult")
        box.open()
        self.result_box = box
        self.verified.emit(problems)

    # ---- 連鎖の先頭 ---------------------------------------------------------------------------------

    def export_head(self, path: str | None = None) -> None:
        """Write the chain's head (one line) to a file the clerk keeps or gives to an auditor, who
        compares it later with ``oroshi-desktop archive verify --head FILE``."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("連鎖の先頭を書き出す"),
                                                  self.tr("書類保管_連鎖の先頭.txt"), self.tr("テキスト (*.txt)"))
            if not path:
                return
        target, database = Path(path), self.ctx.database

        def work() -> str:
            line = head_line(database.reading(chain_head))
            try:
                target.write_text(line + "\n", encoding="utf-8")
            except OSError as err:
                raise write_refused(target, err) from None
            return line

        Operation(self, work, label=self.tr("連鎖の先頭を書き出しています…")).success(self.head_exported.emit).run()

    # ---- CSV出力 ----------------------------------------------------------------------------------

    def export_csv(self, path: str | None = None) -> None:
        if not self.model.entries:
            return
        criteria, database, tz = self.criteria, self.ctx.database, self.ctx.settings.tz
        shown = list(self.model.entries)
        complete = self.total <= len(shown)
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("CSV出力"), self.tr("書類保管.csv"),
                                                  self.tr("CSVファイル (*.csv)"))
            if not path:
                return
        target = Path(path)

        def work() -> str:
            entries = shown
            if not complete:  # the table holds the first rows only: the file gets the whole result
                entries = database.reading(search_archive, criteria, tz=tz, fill=False)
            try:
                target.write_bytes(archive_csv(entries))
            except OSError as err:  # a missing folder, a folder, a full disk: one plain dialog
                raise write_refused(target, err) from None
            return str(target)

        Operation(self, work, label=self.tr("CSVを書き出しています…")).success(self.exported.emit).run()

    # ---- the view contract ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.filters.focus_search()

    def print_current(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            QMessageBox.information(self, self.title, self.tr("印刷する書類を一覧から選んでください。"))
            return
        from ui.printing import print_pdf

        self._with_bytes(entry, lambda data: print_pdf(self, data, entry.password, title=entry.filename))

    def new_item(self) -> None:
        """Nothing is made here: statements are made in 支払明細書; focus the search instead."""
        self.focus_search()

    def layout_parts(self) -> dict[str, Restorable]:
        return {"archive/columns": self.table.horizontalHeader()}
