"""支払明細書: the statement runs list, the selected run's detail, and the actions on it.

Every action either queues a job (作成, 今すぐ送信, 再送 — the embedded queue runs them) or runs
through ``Operation`` (メールプレビュー, 送信済みにする, 削除, opening PDFs). The list and the detail
refresh when a job this view queued finishes (a short poll of the ledger) and on ``jobs_changed``.
"""

from __future__ import annotations

from typing import Any

from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import mark_sent, preview_invoice_mails
from oroshi_desktop.queries.statement_runs import RunDetail, RunFilter, RunState, StatementFile, run_detail
from oroshi_desktop.statement_run_editing import delete_run
from ui.context import AppContext
from ui.operations import Operation, show_error
from ui.qt import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMessageBox,
    QSettings,
    QSplitter,
    Qt,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.statements import pdfs
from ui.statements.filters import FilterBar
from ui.statements.job_watch import JobWatcher
from ui.statements.model import RunTableModel

TITLE = "支払明細書"


class StatementsView(QWidget):
    title = TITLE
    detail_shown = Signal()  # a run's detail arrived (tests and screenshots wait for it)
    job_finished = Signal(int, str)  # job id, final state

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.tz = ctx.settings.tz
        self.detail: RunDetail | None = None
        self.setObjectName("statementsView")

        self.model = RunTableModel(self.database, self.tz, self)
        self.table = QTableView(self)
        self.table.setObjectName("statementsTable")
        self.table.setAccessibleName("支払明細書の一覧")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents over 10k rows
        header.setStretchLastSection(True)
        for column, width in enumerate((205, 220, 70, 50, 150, 80)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._restore_selection)

        from ui.statements.detail import RunDetailPanel

        self.detail_panel = RunDetailPanel(self.tz, self.open_file, self)
        self.filters = FilterBar(self)
        self.filters.changed.connect(self._filter_changed)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("statementsToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("statementsSplitter")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("runCount")
        left_layout.addWidget(self.count_label)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 520])
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._selected_id: int | None = None
        self.model.loaded.connect(self._loaded)
        self.jobs = JobWatcher(ctx.ledger, self)
        self.jobs.ended.connect(self._job_ended)
        ctx.jobs_changed.connect(self.refresh)
        ctx.online_changed.connect(lambda online: self.refresh() if online else None)  # back: reload
        ctx.data_changed.connect(lambda area: self.refresh() if area in ("statements", "outbox") else None)
        ctx.tasks_ready.connect(self._update_actions)
        self._update_actions()
        self.model.reload(self)

    # ---- actions -------------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Any, accessible: str = "",
                shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(accessible or text)
        action.setStatusTip(accessible or text)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        self._action("newStatement", "新規作成", self.new_item, "新しい支払明細書を作成（仕切り作成）")
        self._action("generateStatement", "作成", self.generate_selected, "選んだ支払明細書のPDFを作成")
        self._action("previewStatement", "プレビュー", self.preview_selected, "選んだ支払明細書のPDFを表示")
        self._action("previewMail", "メールプレビュー", self.preview_mail, "送信されるメールをそのまま表示")
        self._action("sendStatementNow", "今すぐ送信", self.send_now, "選んだ支払明細書のメールを今すぐ送信")
        self._action("resendStatement", "再送", self.resend, "送信済みのメールをもう一度送信")
        self._action("markStatementSent", "送信済みにする", self.mark_sent, "要確認のメールを送信済みにする")
        self._action("deleteStatement", "削除", self.delete_selected, "選んだ支払明細書を削除（未送信のみ）")

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _update_actions(self) -> None:
        detail = self.detail
        has_tasks = self.ctx.tasks is not None
        selected = detail is not None
        sent_any = selected and detail.anything_sent
        uncertain = selected and any(p.outbox is not None and p.outbox.state in ("uncertain", "failed")
                                     for p in detail.parts)
        has_files = selected and any(p.files for p in detail.parts)
        self.action("generateStatement").setEnabled(bool(selected and has_tasks and not sent_any))
        self.action("previewStatement").setEnabled(bool(selected))
        self.action("previewMail").setEnabled(bool(has_files and detail.row.send_email is not None))
        self.action("sendStatementNow").setEnabled(bool(selected and has_tasks
                                                        and detail.row.state is not RunState.SENT))
        self.action("resendStatement").setEnabled(bool(sent_any and has_tasks))
        self.action("markStatementSent").setEnabled(bool(uncertain))
        self.action("deleteStatement").setEnabled(bool(selected and not sent_any))

    # ---- the view contract ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.reload(self)

    def focus_search(self) -> None:
        self.filters.focus_search()

    def print_current(self) -> None:
        """Ctrl+P: print the selected run's first PDF."""
        detail = self.detail
        files = [f for p in detail.parts for f in p.files] if detail else []
        if not files:
            QMessageBox.information(self, TITLE, "印刷できるPDFがありません。先に「作成」してください。")
            return
        pdfs.print_file(self, self.database, files[0])

    def new_item(self) -> None:
        from ui.statements.new_dialog import NewStatementDialog

        dialog = NewStatementDialog(self.database, self.tz, self,
                                    plausible_line_amount=self.ctx.settings.plausible_line_amount)
        self.new_dialog = dialog  # tests drive it; the next one replaces it
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        dialog.open()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("statements/splitter", self.splitter.saveState())
        settings.setValue("statements/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("statements/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        columns = settings.value("statements/columns")
        if columns is not None:
            self.table.horizontalHeader().restoreState(columns)

    # ---- list and selection --------------------------------------------------------------------

    def _filter_changed(self, run_filter: RunFilter) -> None:
        self.model.set_filter(run_filter, self)

    def _loaded(self) -> None:
        self.count_label.setText(f"{len(self.model.ids):,} 件")

    def selected_run_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.ids[index.row()] if index.row() < len(self.model.ids) else None

    def select_run(self, run_id: int) -> bool:
        row = self.model.row_of(run_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _restore_selection(self) -> None:
        if self._selected_id is not None and self.select_run(self._selected_id):
            self._load_detail(self._selected_id)
        elif self._selected_id is not None:
            self._selected_id = None
            self._show_detail(None)

    def _selection_changed(self) -> None:
        run_id = self.selected_run_id()
        if run_id == self._selected_id and self.detail is not None:
            return
        self._selected_id = run_id
        if run_id is None:
            self._show_detail(None)
        else:
            self._load_detail(run_id)

    def _load_detail(self, run_id: int) -> None:
        def work() -> RunDetail | None:
            with self.database.read() as session:
                try:
                    return run_detail(session, run_id)
                except UserError:
                    return None  # deleted meanwhile

        def done(detail: RunDetail | None) -> None:
            if run_id == self._selected_id:
                self._show_detail(detail)

        Operation(self, work).success(done).run()

    def _show_detail(self, detail: RunDetail | None) -> None:
        self.detail = detail
        self.detail_panel.show_detail(detail)
        self._update_actions()
        self.detail_shown.emit()

    def _after_change(self, run_id: int | None = None) -> None:
        """A run changed: its row's cells and the ids (its state may move it) are read again."""
        if run_id is not None:
            self.model.forget_rows([run_id])
        self.refresh()

    # ---- jobs ----------------------------------------------------------------------------------

    def _queue(self, enqueue: Any, run_id: int) -> int | None:
        if self.ctx.tasks is None:
            QMessageBox.information(self, TITLE, "ジョブの実行を準備しています。少し待ってからもう一度お試しください。")
            return None
        try:
            job_id = int(enqueue())
        except UserError as err:
            show_error(self, err)
            return None
        self.jobs.watch(job_id, run_id)
        self.ctx.jobs_changed.emit()
        return job_id

    def _job_ended(self, job_id: int, run_id: int, job: Any) -> None:
        self._after_change(run_id)
        if job is not None:
            self.job_finished.emit(job_id, job.state)
            if job.state == "failed":
                self._tell_failure(job.message, job.error or "")

    def _tell_failure(self, message: str, error: str) -> None:
        """Not modal: a nested event loop inside the poll would hold up every other update."""
        box = QMessageBox(QMessageBox.Icon.Warning, TITLE,
                          f"{message}\n各組織の状態とエラーは右側の詳細に表示されています。", QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("jobFailedMessage")
        if error:
            box.setDetailedText(error)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.failure_box = box
        box.open()

    def _created(self, run_id: int | None) -> None:
        if run_id is None:
            return
        self._selected_id = run_id
        self.ctx.data_changed.emit("statements")
        # The web system generates the PDFs as soon as a run is created: so do we.
        if self.ctx.tasks is not None:
            self._queue(lambda: self.ctx.tasks.enqueue_statement(run_id), run_id)

    def generate_selected(self) -> None:
        run_id = self.selected_run_id()
        if run_id is not None:
            self._queue(lambda: self.ctx.tasks.enqueue_statement(run_id), run_id)

    def send_now(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if QMessageBox.question(self, TITLE, "インボイスのメールを送信しますか？\n" + self._recipients_text(detail)) \
                != QMessageBox.StandardButton.Yes:
            return
        self._queue(lambda: self.ctx.tasks.enqueue_mail(detail.row.id), detail.row.id)

    def resend(self) -> None:
        detail = self.detail
        if detail is None:
            return
        text = ("次の宛先にメールをもう一度送信します。受信者には同じ明細書が2通届きます。\n"
                + self._recipients_text(detail) + "\n\n再送しますか？")
        if QMessageBox.question(self, "再送", text) != QMessageBox.StandardButton.Yes:
            return
        self._queue(lambda: self.ctx.tasks.enqueue_mail(detail.row.id, resend=True), detail.row.id)

    def _recipients_text(self, detail: RunDetail) -> str:
        lines = []
        for part in detail.parts:
            outbox = part.outbox
            if outbox is not None and outbox.to:
                to = "、".join(outbox.to) + (f"（CC: {'、'.join(outbox.cc)}）" if outbox.cc else "")
            else:
                to = part.email or "会社のメールアドレス（組織のメールアドレスなし）"
            lines.append(f"・{part.name}: {to}")
        return "\n".join(lines)

    # ---- operations ----------------------------------------------------------------------------

    def preview_mail(self) -> None:
        detail = self.detail
        if detail is None:
            return
        run_id, sender = detail.row.id, self.ctx.settings.smtp.sender

        def work() -> list[Any]:
            with self.database.read() as session:
                return preview_invoice_mails(session, run_id, sender=sender)

        def done(previews: list[Any]) -> None:
            from ui.statements.mail_preview import MailPreviewDialog

            self.mail_preview = MailPreviewDialog(previews, self)
            self.mail_preview.open()

        Operation(self, work, label="メールを作成しています…").success(done).run()

    def mark_sent(self) -> None:
        detail = self.detail
        if detail is None:
            return
        rows = [(p.name, p.outbox.id) for p in detail.parts
                if p.outbox is not None and p.outbox.state in ("uncertain", "failed")]
        if not rows:
            return
        names = "\n".join(f"・{name}" for name, _ in rows)
        text = (f"次の組織のメールを「送信済み」にします。受信者に届いていることを確認しましたか？\n{names}\n\n"
                "送信済みにすると、このメールは自動では再送されません。")
        if QMessageBox.question(self, "送信済みにする", text) != QMessageBox.StandardButton.Yes:
            return
        run_id = detail.row.id

        def work() -> None:
            for _name, row_id in rows:
                mark_sent(self.database, row_id)

        Operation(self, work, label="送信済みにしています…") \
            .finally_(lambda: (self._after_change(run_id), self.ctx.data_changed.emit("outbox"))).run()

    def delete_selected(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if detail.anything_sent:
            show_error(self, UserError("the run was sent", "送信済みの仕切り書を削除できません。"))
            return
        names = "、".join(p.name for p in detail.parts)
        text = f"No.{detail.row.id}（{names}）を削除しますか？\n作成したPDFも削除されます。この操作は元に戻せません。"
        if QMessageBox.question(self, "削除", text) != QMessageBox.StandardButton.Yes:
            return
        run_id = detail.row.id

        def work() -> None:
            with self.database.write() as session:
                delete_run(session, run_id)

        def done(_result: None) -> None:
            self._selected_id = None
            self._show_detail(None)
            self.model.forget_rows([run_id])
            self.refresh()

        Operation(self, work, label="削除しています…").success(done).run()

    def open_file(self, file: StatementFile) -> None:
        pdfs.open_file(self, self.database, file)

    def preview_selected(self) -> None:
        if self.detail is not None:
            pdfs.preview_run(self, self.database, self.detail)
