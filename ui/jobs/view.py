"""ジョブ: the job centre — this PC's jobs, the mail outbox of every PC, the recurring mail check.

Everything updates by itself: a short timer polls the stamps of both lists off the GUI thread
and only rows that changed are re-read (see ``stamped_model``). Every action runs through
``Operation``; the lists follow at the next poll.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oroshi_desktop.errors import UserError
from oroshi_desktop.labels import JOB_KIND_LABELS, JOB_STATE_LABELS
from oroshi_desktop.ledger import DISCARDED, FAILED, QUEUED, STATES
from oroshi_desktop.queries.job_centre import (
    JobFilter,
    OutboxRow,
    job_ids,
)
from ui.context import AppContext
from ui.dialogs import confirm
from ui.i18n import label, user_message
from ui.jobs.models import JobTableModel
from ui.jobs.outbox_panel import OutboxPanel
from ui.jobs.table import button, button_action, combo, make_table, selected_row
from ui.list_export import ListExport
from ui.operations import BatchOperation, Operation, Progress, app_title
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QCheckBox,
    QCoreApplication,
    QDesktopServices,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.row_actions import row_actions, tab_chain
from ui.toolbar import action_named
from ui.window_state import RemembersLayout, Restorable, window_settings

if TYPE_CHECKING:
    from ui.shell.monitor import Overview

JOB_POLL_MS = 1000


class JobsView(RemembersLayout, QWidget):
    title = QT_TRANSLATE_NOOP("Navigation", "ジョブ")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("jobsView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        # The recurring mail check and the queue switch: the shell's shared actions.
        top = QHBoxLayout()
        self.mail_check_label = QLabel(self.tr("定期メール確認: 読み込み中…"))
        self.mail_check_label.setObjectName("mailCheckState")
        self.mail_check_label.setWordWrap(True)
        self.mail_check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.mail_check_label, 1)
        commands = ctx.commands
        buttons: list[QToolButton] = []
        for action, name in ((commands.run_mail_check, "runMailCheckButton"), (commands.pause, "pauseButton"),
                             (commands.run_bounce_check, "runBounceCheckButton")):
            button = QToolButton()
            buttons.append(button)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text())
            top.addWidget(button)
        self.run_mail_check_button, self.pause_button, self.run_bounce_check_button = buttons
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("jobsSplitter")
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        splitter.addWidget(self._build_jobs())
        self.outbox = OutboxPanel(ctx, splitter)
        splitter.addWidget(self.outbox)
        # The outbox's parts by their old names (tests and screenshots use them).
        self.outbox_model, self.outbox_view, self.outbox_timer = self.outbox.model, self.outbox.table, self.outbox.timer
        self.resend_button, self.mark_sent_button = self.outbox.resend_button, self.outbox.mark_sent_button
        self.check_label = self.outbox.check_label
        layout.addWidget(splitter, 1)

        self.job_timer = QTimer(self)
        self.job_timer.setInterval(JOB_POLL_MS)
        self.job_timer.timeout.connect(self.job_model.poll)
        ctx.monitor.overview_changed.connect(self._show_overview)
        if ctx.monitor.overview is not None:
            self._show_overview(ctx.monitor.overview)
        ctx.tasks_ready.connect(self.update_actions)
        ctx.jobs_changed.connect(self.poll_jobs)
        ctx.database_changed.connect(self._database_changed)
        ctx.online_changed.connect(self.update_actions)
        self.update_actions()
        self.refresh()
        self.job_timer.start()

    # ---- building ----------------------------------------------------------------------------
    def _build_jobs(self) -> QWidget:
        box = QGroupBox(self.tr("ジョブ"))
        layout = QVBoxLayout(box)
        filters = QHBoxLayout()
        self.state_filter = combo("jobStateFilter", self.tr("状態で絞り込み"),
                                  [(self.tr("すべての状態"), ())] + [(label(JOB_STATE_LABELS[s]), (s,)) for s in STATES])
        self.kind_filter = combo("jobKindFilter", self.tr("種類で絞り込み"),
                                 [(self.tr("すべての種類"), ())] + [(label(text), (kind,))
                                                                  for kind, text in JOB_KIND_LABELS.items()])
        for selector in (self.state_filter, self.kind_filter):
            selector.currentIndexChanged.connect(self._job_filter_changed)
        filters.addWidget(QLabel(self.tr("状態:")))
        filters.addWidget(self.state_filter)
        filters.addWidget(QLabel(self.tr("種類:")))
        filters.addWidget(self.kind_filter)
        # With a shared database every PC's jobs are in the ledger; a clerk mostly wants their own.
        self.this_pc_only = QCheckBox(self.tr("このPCのみ（{pc}）").format(pc=self.ctx.ledger.pc))
        self.this_pc_only.setObjectName("thisPcOnly")
        self.this_pc_only.setAccessibleName(self.tr("このPCのジョブだけを表示"))
        self.this_pc_only.setChecked(True)
        self.this_pc_only.toggled.connect(self._job_filter_changed)
        filters.addWidget(self.this_pc_only)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.job_model = JobTableModel(self.ctx.ledger, self.ctx.settings.tz, self)
        self.job_model.filter = JobFilter(requested_by=self.ctx.ledger.pc)
        self.job_view = make_table(self.job_model, "jobsTable", self.tr("ジョブ一覧"),
                                   ("供給料仕切り書作成", "待機中", "供給料仕切り書の作成に失敗しました。",
                                    "2026/12/31 23:59", "2026/12/31 23:59", "2026/12/31 23:59", "試行"))
        self._last_job_id: int | None = None
        self.job_model.modelReset.connect(self._reselect_job)
        self.job_view.selectionModel().selectionChanged.connect(self.update_actions)
        self.job_model.dataChanged.connect(self.update_actions)
        self.job_view.doubleClicked.connect(self.open_selected_output)
        layout.addWidget(self.job_view, 1)

        buttons = QHBoxLayout()
        self.retry_button = button(self.tr("再実行"), "retryJob", self.tr("失敗・破棄したジョブをもう一度実行します"),
                                   self.retry_selected)
        self.discard_button = button(self.tr("破棄"), "discardJob", self.tr("待機中・失敗のジョブを実行しないようにします"),
                                     self.discard_selected)
        self.open_button = button(self.tr("出力を開く"), "openJobOutput", self.tr("ジョブが作ったファイルを開きます"),
                                  self.open_selected_output)
        self.retry_all_button = button(self.tr("失敗をすべて再実行"), "retryAllFailed",
                                       self.tr("絞り込んだ一覧の失敗したジョブをすべて再実行します"), self.retry_all_failed)
        self.discard_all_button = button(self.tr("すべて破棄"), "discardAll",
                                         self.tr("絞り込んだ一覧の待機中・失敗のジョブをすべて破棄します"), self.discard_all)
        for widget in (self.retry_button, self.discard_button, self.open_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_all_button)
        buttons.addWidget(self.discard_all_button)
        layout.addLayout(buttons)
        actions = [button_action(self, widget) for widget in (
            self.open_button, self.retry_button, self.discard_button, self.retry_all_button, self.discard_all_button)]
        self.list_export = ListExport(self, self.job_view, title=lambda: self.tr("ジョブ"),
                                      settings=window_settings(self.ctx.settings.paths))
        row_actions(self.job_view, actions[:3], main=actions[0])
        tab_chain(self.state_filter, self.kind_filter, self.this_pc_only, self.job_view, self.open_button,
                  self.retry_button, self.discard_button, self.retry_all_button, self.discard_all_button)
        return box

    # ---- the view contract -------------------------------------------------------------------
    def refresh(self) -> None:
        self.poll_jobs()
        self.outbox_model.poll()

    def _database_changed(self) -> None:
        """設定 connected another database: the jobs are those of its ledger, the mails its outbox."""
        self.job_model.ledger = self.ctx.ledger
        self.outbox_model.database = self.ctx.database
        self.job_model.forget()
        self.outbox_model.forget()
        self.refresh()

    def action(self, name: str) -> QAction:
        return action_named(self, name)

    def focus_search(self) -> None:
        self.state_filter.setFocus()

    def print_current(self) -> None:
        """Nothing to print in the job centre."""

    def new_item(self) -> None:
        """Nothing to create in the job centre."""

    def layout_parts(self) -> dict[str, Restorable]:
        return {"jobs/splitter": self.splitter, "jobs/jobsHeader": self.job_view.horizontalHeader(),
                "jobs/outboxHeader": self.outbox_view.horizontalHeader()}

    # ---- polling -----------------------------------------------------------------------------
    def poll_jobs(self) -> None:
        self.job_model.poll()

    def _show_overview(self, overview: Overview) -> None:
        self.mail_check_label.setText(overview.mail_check.summary(self.ctx.settings))
        self.pause_button.setAccessibleName(self.ctx.commands.pause.text())

    def _job_filter_changed(self) -> None:
        self.job_model.set_filter(JobFilter(states=self.state_filter.currentData(),
                                            kinds=self.kind_filter.currentData(),
                                            requested_by=self.ctx.ledger.pc if self.this_pc_only.isChecked()
                                            else None))

    # ---- selection ---------------------------------------------------------------------------
    def selected_job_id(self) -> int | None:
        row = selected_row(self.job_view)
        return self.job_model.row_id(row) if row >= 0 else None

    def selected_outbox(self) -> OutboxRow | None:
        return self.outbox.selected()

    def _reselect_job(self) -> None:
        row = self.job_model.row_of(self._last_job_id) if self._last_job_id is not None else -1
        if row >= 0:
            self.job_view.selectRow(row)

    def update_actions(self, *_args: Any) -> None:
        job_row = selected_row(self.job_view)
        job = self.job_model.row_at(job_row) if job_row >= 0 else None
        self._last_job_id = self.job_model.row_id(job_row) if job_row >= 0 else None
        has_tasks = self.ctx.tasks is not None
        self.retry_button.setEnabled(bool(job and has_tasks and job.state in (FAILED, DISCARDED)))
        self.discard_button.setEnabled(bool(job and job.state in (QUEUED, FAILED)))
        self.open_button.setEnabled(bool(job and job.has_output))
        self.retry_all_button.setEnabled(has_tasks)

    # ---- job actions -------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], label: str = "") -> None:
        Operation(self, work, label=label).success(lambda _result: self.ctx.jobs_changed.emit()).run()

    def retry_selected(self) -> None:
        job_id, tasks = self.selected_job_id(), self.ctx.tasks
        if job_id is not None and tasks is not None:
            self._run(lambda: tasks.retry(job_id))

    def discard_selected(self) -> None:
        job_id, ledger = self.selected_job_id(), self.ctx.ledger
        if job_id is not None:
            self._run(lambda: ledger.discard(job_id))

    def _filtered_ids(self, states: tuple[str, ...]) -> list[int]:
        flt = self.job_model.filter
        wanted = tuple(s for s in (flt.states or STATES) if s in states)
        if not wanted:
            return []
        return self.ctx.ledger.db.reading(job_ids, JobFilter(states=wanted, kinds=flt.kinds,
                                                             requested_by=flt.requested_by))

    def retry_all_failed(self) -> None:
        tasks = self.ctx.tasks
        if tasks is None or not confirm(self, self.tr("絞り込んだ一覧の失敗したジョブをすべて再実行しますか？"),
                                        action=self.tr("すべて再実行")):
            return
        self._each_filtered((FAILED,), tasks.retry, self.tr("失敗したジョブを再実行しています…"),
                            self.tr("{count} 件は再実行できませんでした。"))

    def discard_all(self) -> None:
        if not confirm(self, self.tr("絞り込んだ一覧の待機中・失敗のジョブをすべて破棄しますか？"),
                       informative=self.tr("破棄したジョブは実行されません（あとから再実行はできます）。"),
                       action=self.tr("すべて破棄")):
            return
        self._each_filtered((QUEUED, FAILED), self.ctx.ledger.discard, self.tr("ジョブを破棄しています…"),
                            self.tr("{count} 件は破棄できませんでした。"))

    def _each_filtered(self, states: tuple[str, ...], act: Callable[[int], Any], label: str, skipped_text: str) -> None:
        """One job at a time: a job that changed meanwhile (it started, someone else acted) is skipped
        with its reason and the rest go on; キャンセル stops between jobs."""
        def work(progress: Progress) -> list[str]:
            ids = self._filtered_ids(states)
            skipped: list[str] = []
            for done, job_id in enumerate(ids):
                progress.check()
                try:
                    act(job_id)
                except UserError as err:
                    skipped.append(user_message(err))
                progress.update(done + 1, len(ids), QCoreApplication.translate("JobsView", "ジョブ {id}").format(id=job_id))
            return skipped

        def finished(skipped: list[str]) -> None:
            self.ctx.jobs_changed.emit()
            if skipped:
                box = QMessageBox(QMessageBox.Icon.Information, app_title(), skipped_text.format(count=len(skipped)),
                                  QMessageBox.StandardButton.Ok, self)
                box.setObjectName("batchSkippedDialog")
                box.setInformativeText("\n".join(skipped[:10]) + ("\n…" if len(skipped) > 10 else ""))
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()  # the rest was done: say so without stopping the window

        BatchOperation(self, work, label=label).success(finished).finally_(self.ctx.jobs_changed.emit).run()

    def open_selected_output(self, *_args: Any) -> None:
        row = selected_row(self.job_view)
        job = self.job_model.row_at(row) if row >= 0 else None
        if job is None or not job.has_output:
            return
        ledger, local = self.ctx.ledger, Path(job.output_path) if job.output_path else None

        def read() -> tuple[str, bytes]:
            # The document store is the truth (the job may have run on another PC); the local
            # copy serves when the store has no output (a job of an older version).
            if job.document_id is not None:
                return ledger.output(job.id)
            assert local is not None
            return local.name, local.read_bytes()

        def show(output: tuple[str, bytes]) -> None:
            name, data = output
            open_pdf = viewer_open_pdf()
            if name.lower().endswith(".pdf") and open_pdf is not None:
                open_pdf(self, data, name)
                return
            folder = Path(tempfile.mkdtemp(prefix="oroshi-output-"))
            target = folder / name
            target.write_bytes(data)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        Operation(self, read, label=self.tr("ファイルを開いています…")).success(show).run()


def viewer_open_pdf() -> Callable[..., Any] | None:
    """STATEMENTS' in-app viewer (``ui.viewer.open_pdf``); None while it is not part of this build."""
    try:
        from ui.viewer import open_pdf
    except ImportError:
        return None
    return open_pdf
