"""支払明細書: the statement runs list, the selected run's detail, and the actions on it.

Every action either queues a job (作成, 今すぐ送信, 再送 — the embedded queue runs them) or runs
through ``Operation`` (メールプレビュー, 送信済みにする, 削除, opening PDFs). The list and the detail
refresh when a job this view queued finishes (a short poll of the ledger) and on ``jobs_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from oroshi_desktop.errors import UserError
from oroshi_desktop.labels import JobMessage, JobState
from oroshi_desktop.queries.run_detail import RunDetail, StatementFile, run_detail
from oroshi_desktop.queries.statement_runs import RunFilter
from oroshi_desktop.statement_run_editing import delete_run
from ui.context import AppContext
from ui.i18n import message
from ui.list_export import ListExport
from ui.list_table import list_table
from ui.operations import Operation, show_error
from ui.qt import (
    QAction,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QResizeEvent,
    QSettings,
    QShowEvent,
    QSplitter,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.row_actions import row_actions, tab_chain
from ui.statements import bounced, confirm, mail_actions, pdfs
from ui.statements.actions import enabled_actions, make_actions
from ui.statements.filters import FilterBar
from ui.statements.job_watch import JobWatcher
from ui.statements.list_layout import ListBesideDetail, size_columns
from ui.statements.model import RunTableModel
from ui.window_state import RemembersLayout, Restorable, restore_layout, window_settings

if TYPE_CHECKING:
    from jobs.queue.tasks import Tasks
    from ui.statements.mail_preview import MailPreviewDialog


class StatementsView(RemembersLayout, QWidget):
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
        self.title = self.tr("支払明細書")
        self.table = list_table(self, self.model, name="statementsTable",
                                accessible_name=self.tr("支払明細書の一覧"), sort_column=0,
                                sort_order=Qt.SortOrder.DescendingOrder)
        size_columns(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._restore_selection)

        from ui.statements.detail import RunDetailPanel

        self.job_failures: dict[int, str] = {}  # run id → why its last job failed as a whole (this session)
        self.job_notices: dict[int, str] = {}  # run id → what its last job that succeeded asks to look at
        self.resend_info: QMessageBox | None = None  # the last 不達 再送 note (ui.statements.bounced); tests read it
        self.mail_preview: MailPreviewDialog | None = None  # the last メールのプレビュー (ui.statements.mail_actions)
        self.detail_panel = RunDetailPanel(self.tz, self.open_file, self, resend=self.resend_organization,
                                           on_resend=lambda part: bounced.resend_bounced(self, part),
                                           on_mark_sent=lambda part: bounced.mark_bounced_sent(self, part))
        self.filters = FilterBar(datetime.now(ctx.settings.tz).date(), self)
        self.filters.changed.connect(self._filter_changed)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("statementsToolbar")
        self.actions_by_name: dict[str, QAction] = make_actions(self, self.toolbar, {
            "newStatement": self.new_item, "generateStatement": self.generate_selected,
            "previewStatement": self.preview_selected, "previewMail": self.preview_mail,
            "sendStatementNow": self.send_now, "resendStatement": self.resend, "markStatementSent": self.mark_sent,
            "deleteStatement": self.delete_selected})
        self.list_export = ListExport(self, self.table, title=lambda: self.title,
                                      settings=window_settings(ctx.settings.paths), toolbar=self.toolbar)
        row_actions(self.table, [self.action(name) for name in (
            "previewStatement", "generateStatement", "previewMail", "sendStatementNow", "resendStatement",
            "markStatementSent", "deleteStatement")], main=self.action("previewStatement"))

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
        self.split = ListBesideDetail(self.table, self.splitter, self)  # beside or above: by the shown width
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        tab_chain(self.filters, self.table, self.detail_panel, self.toolbar)
        self._selected_id: int | None = None
        self.model.loaded.connect(self._loaded)
        self.jobs = JobWatcher(ctx.ledger, self, job_ran=ctx.job_ran)
        self.jobs.ended.connect(self._job_ended)
        ctx.jobs_changed.connect(self.refresh)
        ctx.online_changed.connect(lambda online: self.refresh() if online else None)  # back: reload
        ctx.data_changed.connect(lambda area: self.refresh() if area in ("statements", "outbox") else None)
        ctx.tasks_ready.connect(self._update_actions)
        ctx.database_changed.connect(self._database_changed)
        self._update_actions()
        if not self.model.loading:  # switching sorting on above has started the first page already
            self.model.reload(self)

    # ---- actions -------------------------------------------------------------------------------

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _update_actions(self) -> None:
        for name, enabled in enabled_actions(self.detail, self.ctx.tasks is not None).items():
            self.action(name).setEnabled(bool(enabled))

    # ---- the view contract ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.reload(self)

    def show_target(self, target: object) -> None:
        """Another view (今日) sent the user to a run: selected once the list has it."""
        if isinstance(target, int):
            self._selected_id = target
            if not self.model.loading:
                self._restore_selection()

    def focus_search(self) -> None:
        self.filters.focus_search()

    def print_current(self) -> None:
        """Ctrl+P: print the selected run's first PDF."""
        detail = self.detail
        files = [f for p in detail.parts for f in p.files] if detail else []
        if not files:
            QMessageBox.information(self, self.title, self.tr("印刷できるPDFがありません。先に「作成」してください。"))
            return
        pdfs.print_file(self, self.database, files[0])

    def new_item(self) -> None:
        from ui.statements.new_dialog import NewStatementDialog

        dialog = NewStatementDialog(self.database, self.tz, self,
                                    plausible_line_amount=self.ctx.settings.plausible_line_amount)
        self.new_dialog = dialog  # tests drive it; the next one replaces it
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        dialog.open()

    # Version 2 of the keys: the widths saved before the 状態 column moved next to 期間 cut it off.
    def layout_parts(self) -> dict[str, Restorable]:
        return {"statements/splitter.v2": self.splitter, "statements/columns.v2": self.table.horizontalHeader()}

    def restore_state(self, settings: QSettings) -> None:
        if "statements/splitter.v2" in restore_layout(settings, self.layout_parts()):
            self.split.sized = True  # the user's split, not one made from the shown width

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.split.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.split.resized()

    # ---- list and selection --------------------------------------------------------------------

    def _filter_changed(self, run_filter: RunFilter) -> None:
        self.model.set_filter(run_filter, self)

    def _loaded(self) -> None:
        self.count_label.setText(self.tr("{count} 件").format(count=f"{len(self.model.ids):,}"))

    def selected_run_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.ids[index.row()] if index.row() < len(self.model.ids) else None

    def _database_changed(self) -> None:
        """設定 connected another database: its runs are listed; jobs of the old one are not watched."""
        self.database = self.ctx.database
        self.jobs.switch_ledger(self.ctx.ledger)
        self._selected_id = None
        self._show_detail(None)
        self.model.set_database(self.database, self)

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
            try:
                return self.database.reading(run_detail, run_id)
            except UserError:
                return None  # deleted meanwhile

        def done(detail: RunDetail | None) -> None:
            if run_id == self._selected_id:
                self._show_detail(detail)

        Operation(self, work).success(done).run()

    def _show_detail(self, detail: RunDetail | None) -> None:
        self.detail = detail
        run_id = detail.row.id if detail is not None else None
        self.detail_panel.show_detail(detail, self.job_failures.get(run_id) if run_id is not None else None,
                                      self.job_notices.get(run_id) if run_id is not None else None)
        self._update_actions()
        self.detail_shown.emit()

    def _after_change(self, run_id: int | None = None) -> None:
        """A run changed: its row's cells and the ids (its state may move it) are read again."""
        if run_id is not None:
            self.model.forget_rows([run_id])
        self.refresh()

    # ---- jobs ----------------------------------------------------------------------------------

    def _queue(self, enqueue: Callable[[Tasks], int], run_id: int) -> None:
        """Queue a job off the GUI thread (the ledger row and the queue may be on a far server),
        then watch it until it ends."""
        tasks = self.ctx.tasks
        if tasks is None:
            QMessageBox.information(self, self.title,
                                    self.tr("ジョブの実行を準備しています。少し待ってからもう一度お試しください。"))
            return

        def queued(job_id: int) -> None:
            self.jobs.watch(int(job_id), run_id)
            self.ctx.jobs_changed.emit()

        Operation(self, lambda: enqueue(tasks)).success(queued).run()

    def _job_ended(self, job_id: int, run_id: int, job: Any) -> None:
        self._after_change(run_id)
        if job is not None:
            self.job_finished.emit(job_id, job.state)
            if job.state == JobState.FAILED:
                from jobs.queue.tasks import MAIL, MESSAGES  # loaded by the queue already

                # The bare message (its key): the mails failed one by one (their errors are in the
                # detail); with a reason (a sentence, no key): the job failed as a whole.
                per_organization = job.kind == MAIL and job.message_key == MESSAGES[MAIL].failed
                if not per_organization:  # the detail says it too, not only the box
                    self.job_failures[run_id] = message(job)
                    if self.detail is not None and self.detail.row.id == run_id:
                        self._show_detail(self.detail)
                self.failure_box = confirm.failure_box(self, message(job), job.error or "",
                                                       per_organization=per_organization)
            elif job.state == JobState.DONE:
                self.job_failures.pop(run_id, None)
                if job.message_key == JobMessage.STATEMENT_DONE_UNATTRIBUTED:  # supplies no statement carries
                    self.job_notices[run_id] = message(job)
                else:
                    self.job_notices.pop(run_id, None)
                if self.detail is not None and self.detail.row.id == run_id:
                    self._show_detail(self.detail)

    def _created(self, run_id: int | None) -> None:
        if run_id is None:
            return
        self._selected_id = run_id
        self.ctx.data_changed.emit("statements")
        # The web system generates the PDFs as soon as a run is created: so do we.
        if self.ctx.tasks is not None:
            self._queue(lambda tasks: tasks.enqueue_statement(run_id), run_id)

    def generate_selected(self) -> None:
        run_id = self.selected_run_id()
        if run_id is not None:
            self._queue(lambda tasks: tasks.enqueue_statement(run_id), run_id)

    def send_now(self) -> None:
        detail = self.detail
        if detail is None or not self.ctx.mail_ready(self):
            return
        if not confirm.send(self, detail):
            return
        self._queue(lambda tasks: tasks.enqueue_mail(detail.row.id), detail.row.id)

    def resend(self) -> None:
        detail = self.detail
        if detail is None or not self.ctx.mail_ready(self):
            return
        if not confirm.resend(self, detail):
            return
        self._queue(lambda tasks: tasks.enqueue_mail(detail.row.id, resend=True), detail.row.id)

    def resend_organization(self, part: Any) -> None:
        """再送 of one organization's mail from its box in the detail (the tool bar's 再送 is the whole run)."""
        mail_actions.resend_organization(self, part)

    # ---- operations ----------------------------------------------------------------------------

    def preview_mail(self) -> None:
        mail_actions.preview_mail(self)

    def mark_sent(self) -> None:
        mail_actions.mark_sent(self)

    def delete_selected(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if detail.anything_sent:
            show_error(self, UserError("a statement run that was sent cannot be deleted",
                                       "送信済みの仕切り書を削除できません。"))
            return
        if not confirm.delete(self, detail):
            return
        run_id = detail.row.id

        def work() -> None:
            self.database.writing(delete_run, run_id)

        def done(_result: None) -> None:
            self._selected_id = None
            self._show_detail(None)
            self.model.forget_rows([run_id])
            self.refresh()

        Operation(self, work, label=self.tr("削除しています…")).success(done).run()

    def open_file(self, file: StatementFile) -> None:
        pdfs.open_file(self, self.database, file)

    def preview_selected(self) -> None:
        if self.detail is not None:
            pdfs.preview_run(self, self.database, self.detail)
