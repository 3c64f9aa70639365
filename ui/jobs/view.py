"""ジョブ: the job centre — this PC's jobs, the mail outbox of every PC, the recurring mail check.

Everything updates by itself: a short timer polls the stamps of both lists off the GUI thread
and only rows that changed are re-read (see ``stamped_model``). Every action runs through
``Operation``; the lists follow at the next poll.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from oroshi_desktop.ledger import DISCARDED, DONE, FAILED, QUEUED, STATE_LABELS_JA, STATES
from oroshi_desktop.queries.job_centre import (
    JOB_KIND_LABELS_JA,
    OUTBOX_STATE_LABELS_JA,
    JobFilter,
    OutboxFilter,
    OutboxRow,
    job_ids,
)
from ui.context import AppContext
from ui.dialogs import confirm
from ui.jobs.ledger_access import ledger_session
from ui.jobs.models import JobTableModel, OutboxTableModel
from ui.jobs.table import make_table
from ui.operations import Operation
from ui.qt import (
    QComboBox,
    QDesktopServices,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSettings,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.shell.monitor import Overview

JOB_POLL_MS = 1000
OUTBOX_POLL_MS = 3000  # the shared database: every PC polls it, so less often


def _combo(name: str, accessible: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _button(text: str, name: str, tip: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class JobsView(QWidget):
    title = "ジョブ"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("jobsView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        # The recurring mail check and the queue switch: the shell's shared actions.
        top = QHBoxLayout()
        self.mail_check_label = QLabel("定期メール確認: 読み込み中…")
        self.mail_check_label.setObjectName("mailCheckState")
        self.mail_check_label.setWordWrap(True)
        self.mail_check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.mail_check_label, 1)
        commands = ctx.commands
        for action, name in ((commands.run_mail_check, "runMailCheckButton"), (commands.pause, "pauseButton")):
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text())
            top.addWidget(button)
        self.run_mail_check_button, self.pause_button = top.itemAt(1).widget(), top.itemAt(2).widget()
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("jobsSplitter")
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        splitter.addWidget(self._build_jobs())
        splitter.addWidget(self._build_outbox())
        layout.addWidget(splitter, 1)

        self.job_timer = QTimer(self)
        self.job_timer.setInterval(JOB_POLL_MS)
        self.job_timer.timeout.connect(self.job_model.poll)
        self.outbox_timer = QTimer(self)
        self.outbox_timer.setInterval(OUTBOX_POLL_MS)
        self.outbox_timer.timeout.connect(self.outbox_model.poll)
        ctx.monitor.overview_changed.connect(self._show_overview)
        if ctx.monitor.overview is not None:
            self._show_overview(ctx.monitor.overview)
        ctx.tasks_ready.connect(self.update_actions)
        ctx.jobs_changed.connect(self.poll_jobs)
        ctx.data_changed.connect(self._data_changed)
        ctx.online_changed.connect(self._online_changed)
        self.update_actions()
        self.refresh()
        self.job_timer.start()
        self.outbox_timer.start()

    # ---- building ----------------------------------------------------------------------------
    def _build_jobs(self) -> QWidget:
        box = QGroupBox("このPCのジョブ")
        layout = QVBoxLayout(box)
        filters = QHBoxLayout()
        self.state_filter = _combo("jobStateFilter", "状態で絞り込み",
                                   [("すべての状態", ())] + [(STATE_LABELS_JA[s], (s,)) for s in STATES])
        self.kind_filter = _combo("jobKindFilter", "種類で絞り込み",
                                  [("すべての種類", ())] + [(label, (kind,)) for kind, label in JOB_KIND_LABELS_JA.items()])
        for combo in (self.state_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._job_filter_changed)
        filters.addWidget(QLabel("状態:"))
        filters.addWidget(self.state_filter)
        filters.addWidget(QLabel("種類:"))
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.job_model = JobTableModel(self.ctx.ledger, self.ctx.settings.tz, self)
        self.job_view = make_table(self.job_model, "jobsTable", "ジョブ一覧",
                                   ("供給料仕切り書作成", "待機中", "供給料仕切り書の作成に失敗しました。",
                                    "2026/12/31 23:59", "2026/12/31 23:59", "2026/12/31 23:59", "試行"))
        self.job_model.modelReset.connect(self._reselect_job)
        self.job_view.selectionModel().selectionChanged.connect(self.update_actions)
        self.job_model.dataChanged.connect(self.update_actions)
        self.job_view.doubleClicked.connect(self.open_selected_output)
        layout.addWidget(self.job_view, 1)

        buttons = QHBoxLayout()
        self.retry_button = _button("再実行", "retryJob", "失敗・破棄したジョブをもう一度実行します", self.retry_selected)
        self.discard_button = _button("破棄", "discardJob", "待機中・失敗のジョブを実行しないようにします",
                                      self.discard_selected)
        self.open_button = _button("出力を開く", "openJobOutput", "ジョブが作ったファイルを開きます",
                                   self.open_selected_output)
        self.retry_all_button = _button("失敗をすべて再実行", "retryAllFailed",
                                        "絞り込んだ一覧の失敗したジョブをすべて再実行します", self.retry_all_failed)
        self.discard_all_button = _button("すべて破棄", "discardAll",
                                          "絞り込んだ一覧の待機中・失敗のジョブをすべて破棄します", self.discard_all)
        for button in (self.retry_button, self.discard_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_all_button)
        buttons.addWidget(self.discard_all_button)
        layout.addLayout(buttons)
        return box

    def _build_outbox(self) -> QWidget:
        box = QGroupBox("支払明細書のメール送信キュー（全PC）")
        layout = QVBoxLayout(box)
        filters = QHBoxLayout()
        self.outbox_filter = _combo("outboxStateFilter", "送信状態で絞り込み",
                                    [("すべての状態", ())] + [(label, (state,))
                                                              for state, label in OUTBOX_STATE_LABELS_JA.items()])
        self.outbox_filter.currentIndexChanged.connect(self._outbox_filter_changed)
        filters.addWidget(QLabel("状態:"))
        filters.addWidget(self.outbox_filter)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.outbox_model = OutboxTableModel(self.ctx.database, self.ctx.settings.tz, self)
        self.outbox_view = make_table(self.outbox_model, "outboxTable", "メール送信キュー",
                                      ("#9999 2026/12/01〜12/31", "青森県漁業協同組合連合会",
                                       "送信済み（第2回）", "試行", "送信中に処理が中断されたため、メールが",
                                       "keiri@hokkai-suisan.example.com"))
        self.outbox_model.modelReset.connect(self._reselect_outbox)
        self.outbox_view.selectionModel().selectionChanged.connect(self.update_actions)
        self.outbox_model.dataChanged.connect(self.update_actions)
        layout.addWidget(self.outbox_view, 1)

        self.check_label = QLabel()
        self.check_label.setObjectName("outboxWhatToCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check_label)
        buttons = QHBoxLayout()
        self.resend_button = _button("再送", "resendMail", "この組織にメールをもう一度送ります", self.resend_selected)
        self.mark_sent_button = _button("送信済みにする", "markMailSent",
                                        "届いていることを確かめたメールを送信済みにします", self.mark_selected_sent)
        buttons.addStretch(1)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.mark_sent_button)
        layout.addLayout(buttons)
        return box

    # ---- the view contract -------------------------------------------------------------------
    def refresh(self) -> None:
        self.poll_jobs()
        self.outbox_model.poll()

    def focus_search(self) -> None:
        self.state_filter.setFocus()

    def print_current(self) -> None:
        """Nothing to print in the job centre."""

    def new_item(self) -> None:
        """Nothing to create in the job centre."""

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("jobs/splitter", self.splitter.saveState())
        settings.setValue("jobs/jobsHeader", self.job_view.horizontalHeader().saveState())
        settings.setValue("jobs/outboxHeader", self.outbox_view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, target in (("jobs/splitter", self.splitter), ("jobs/jobsHeader", self.job_view.horizontalHeader()),
                            ("jobs/outboxHeader", self.outbox_view.horizontalHeader())):
            value = settings.value(key)
            if value is not None:
                target.restoreState(value)

    # ---- polling -----------------------------------------------------------------------------
    def poll_jobs(self) -> None:
        self.job_model.poll()

    def _show_overview(self, overview: Overview) -> None:
        self.mail_check_label.setText(overview.mail_check.summary_ja(self.ctx.settings))
        self.pause_button.setAccessibleName(self.ctx.commands.pause.text())

    def _data_changed(self, area: str) -> None:
        if area in ("outbox", "statements"):
            self.outbox_model.poll()

    def _online_changed(self, online: bool) -> None:
        if online:
            self.outbox_model.poll()
        self.update_actions()

    def _job_filter_changed(self) -> None:
        self.job_model.set_filter(JobFilter(states=self.state_filter.currentData(),
                                            kinds=self.kind_filter.currentData()))

    def _outbox_filter_changed(self) -> None:
        self.outbox_model.set_filter(OutboxFilter(states=self.outbox_filter.currentData()))

    # ---- selection ---------------------------------------------------------------------------
    def _selected_row(self, view: Any) -> int:
        model = view.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return rows[0].row() if rows else -1

    def selected_job_id(self) -> int | None:
        row = self._selected_row(self.job_view)
        return self.job_model.row_id(row) if row >= 0 else None

    def selected_outbox(self) -> OutboxRow | None:
        row = self._selected_row(self.outbox_view)
        return self.outbox_model.row_at(row) if row >= 0 else None

    def _reselect(self, view: Any, model: Any, attribute: str) -> None:
        row_id = getattr(self, attribute, None)
        row = model.row_of(row_id) if row_id is not None else -1
        if row >= 0:
            view.selectRow(row)

    def _reselect_job(self) -> None:
        self._reselect(self.job_view, self.job_model, "_last_job_id")

    def _reselect_outbox(self) -> None:
        self._reselect(self.outbox_view, self.outbox_model, "_last_outbox_id")

    def update_actions(self, *_args: Any) -> None:
        job_row = self._selected_row(self.job_view)
        job = self.job_model.row_at(job_row) if job_row >= 0 else None
        self._last_job_id = self.job_model.row_id(job_row) if job_row >= 0 else None
        has_tasks = self.ctx.tasks is not None
        self.retry_button.setEnabled(bool(job and has_tasks and job.state in (FAILED, DISCARDED)))
        self.discard_button.setEnabled(bool(job and job.state in (QUEUED, FAILED)))
        self.open_button.setEnabled(bool(job and job.state == DONE and job.output_path))
        self.retry_all_button.setEnabled(has_tasks)
        outbox = self.selected_outbox()
        self._last_outbox_id = outbox.id if outbox else None
        self.resend_button.setEnabled(bool(outbox and has_tasks and self.ctx.online
                                           and outbox.state in ("sent", "uncertain", "failed")))
        self.mark_sent_button.setEnabled(bool(outbox and self.ctx.online and outbox.state in ("uncertain", "failed")))
        self.check_label.setText(outbox.what_to_check_ja if outbox else "")
        self.check_label.setVisible(bool(outbox and outbox.what_to_check_ja))

    # ---- job actions -------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], label: str = "", after: Callable[[Any], None] | None = None) -> None:
        def done(result: Any) -> None:
            if after is not None:
                after(result)
            self.ctx.jobs_changed.emit()

        Operation(self, work, label=label).success(done).run()

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
        with ledger_session(self.ctx.ledger) as session:
            return job_ids(session, JobFilter(states=wanted, kinds=flt.kinds))

    def retry_all_failed(self) -> None:
        tasks = self.ctx.tasks
        if tasks is None or not confirm(self, "絞り込んだ一覧の失敗したジョブをすべて再実行しますか？",
                                        action="すべて再実行"):
            return

        def work() -> int:
            ids = self._filtered_ids((FAILED,))
            for job_id in ids:
                tasks.retry(job_id)
            return len(ids)

        self._run(work, "失敗したジョブを再実行しています…")

    def discard_all(self) -> None:
        if not confirm(self, "絞り込んだ一覧の待機中・失敗のジョブをすべて破棄しますか？",
                       informative="破棄したジョブは実行されません（あとから再実行はできます）。",
                       action="すべて破棄"):
            return
        ledger = self.ctx.ledger

        def work() -> int:
            ids = self._filtered_ids((QUEUED, FAILED))
            for job_id in ids:
                ledger.discard(job_id)
            return len(ids)

        self._run(work, "ジョブを破棄しています…")

    def open_selected_output(self, *_args: Any) -> None:
        row = self._selected_row(self.job_view)
        job = self.job_model.row_at(row) if row >= 0 else None
        if job is None or job.state != DONE or not job.output_path:
            return
        path = Path(job.output_path)
        open_pdf = viewer_open_pdf()
        if path.suffix.lower() != ".pdf" or open_pdf is None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return
        Operation(self, path.read_bytes, label="ファイルを開いています…") \
            .success(lambda data: open_pdf(self, data, path.name)).run()

    # ---- outbox actions ----------------------------------------------------------------------
    def resend_selected(self) -> None:
        row, tasks = self.selected_outbox(), self.ctx.tasks
        if row is None or tasks is None:
            return
        if not confirm(self, **resend_question(row)):
            return
        from oroshi_desktop.mail.outbox import resend

        database = self.ctx.database

        def work() -> int:
            resend(database, row.id)
            return tasks.enqueue_mail(row.invoice_id)  # sends the pending row, skips the rest

        self._run(work, "再送を準備しています…", lambda _job: self.ctx.data_changed.emit("outbox"))

    def mark_selected_sent(self) -> None:
        row = self.selected_outbox()
        if row is None:
            return
        if not confirm(self, **mark_sent_question(row)):
            return
        from oroshi_desktop.mail.outbox import mark_sent

        database = self.ctx.database
        self._run(lambda: mark_sent(database, row.id), "",
                  lambda _none: self.ctx.data_changed.emit("outbox"))


def resend_question(row: OutboxRow) -> dict[str, str]:
    """再送's confirmation names who gets the mail again."""
    return {"text": f"「{row.organization}」にメールをもう一度送りますか？",
            "informative": f"宛先: {row.recipients}\n同じ支払明細書が、この宛先にもう一度届きます。",
            "action": "再送する"}


def mark_sent_question(row: OutboxRow) -> dict[str, str]:
    return {"text": f"「{row.organization}」へのメールを送信済みにしますか？",
            "informative": "相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。",
            "action": "送信済みにする"}


def viewer_open_pdf() -> Callable[..., Any] | None:
    """STATEMENTS' in-app viewer (``ui.viewer.open_pdf``); None while it is not part of this build."""
    try:
        from ui.viewer import open_pdf
    except ImportError:
        return None
    return open_pdf
