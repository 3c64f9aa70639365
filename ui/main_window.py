"""The main window: a status overview of the connected database and the job list of this PC
(refreshed from the job ledger in the app database every 2 s). Statement and shipping views arrive with their issues."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from jobs.control import is_paused, queue_status, set_paused
from oroshi_desktop.config import Settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, Order, SupplierOrganization, Supply
from oroshi_desktop.errors import UserError
from oroshi_desktop.ledger import DISCARDED, DONE, FAILED, QUEUED, JobView, Ledger
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QDesktopServices,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QThreadPool,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

JOB_REFRESH_MS = 2000
JOB_PAGE = 200

KIND_LABELS_JA = {
    "statement": "供給料仕切り書作成", "statement_preview": "仕切り書プレビュー", "mail": "仕切り書メール送信",
    "order_document": "出荷書類", "check_sheet": "供給受入れチェック表",
}


class JobTableModel(QAbstractTableModel):
    """The newest page of the ledger (a local SQLite file: a page of rows is cheap to read)."""

    HEADERS = ("種類", "状態", "メッセージ", "作成日時", "出力")

    def __init__(self, ledger: Ledger, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.settings = settings
        self._jobs: list[JobView] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def job(self, row: int) -> JobView:
        return self._jobs[row]

    def _text(self, job: JobView, column: int) -> str:
        if column == 0:
            return KIND_LABELS_JA.get(job.kind, job.kind)
        if column == 1:
            return job.state_ja
        if column == 2:
            return job.message + (f"（{job.error}）" if job.error and job.state == "failed" else "")
        if column == 3:
            return job.created_at.astimezone(self.settings.tz).strftime("%Y-%m-%d %H:%M:%S")
        return Path(job.output_path).name if job.output_path else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._jobs)) or \
                not (0 <= index.column() < len(self.HEADERS)):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(job, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 4 and job.output_path:
                return job.output_path
            if index.column() == 2 and job.error:
                return job.error
        return None

    def refresh(self) -> None:
        jobs = self.ledger.list(limit=JOB_PAGE)
        if [job.id for job in jobs] == [job.id for job in self._jobs]:
            changed = [row for row, (new, old) in enumerate(zip(jobs, self._jobs, strict=True)) if new != old]
            self._jobs = jobs
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0),
                                      self.index(max(changed), len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._jobs = jobs
        self.endResetModel()


class MainWindow(QMainWindow):
    status_ready = Signal(str)  # emitted from a pool thread, delivered on the GUI thread

    def __init__(self, database: Database, settings: Settings, ledger: Ledger | None = None) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self._owns_ledger = ledger is None
        self.ledger = ledger or Ledger.for_settings(database, settings)
        self.setWindowTitle("オロシ デスクトップ")
        self.resize(900, 600)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel("<h2>オロシ デスクトップ</h2>")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel("支払明細書・出荷書類の画面は準備中です。"
                             "コマンド oroshi-desktop --help で利用できる機能を確認できます。")
        self.notice.setWordWrap(True)
        for widget in (self.heading, self.status, self.notice):
            layout.addWidget(widget)

        jobs_heading = QHBoxLayout()
        self.jobs_title = QLabel("<b>ジョブ</b>")
        self.queue_label = QLabel()
        self.queue_label.setObjectName("queue_state")
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self.toggle_pause)
        jobs_heading.addWidget(self.jobs_title)
        jobs_heading.addWidget(self.queue_label, 1)
        jobs_heading.addWidget(self.pause_button)
        layout.addLayout(jobs_heading)

        self.job_model = JobTableModel(self.ledger, settings, self)
        self.job_view = QTableView()
        self.job_view.setModel(self.job_model)
        self.job_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.job_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.job_view.verticalHeader().setVisible(False)
        self.job_view.setWordWrap(False)
        header = self.job_view.horizontalHeader()
        for column, width in enumerate((140, 70, 300, 170)):
            self.job_view.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.job_view, 1)

        actions = QHBoxLayout()
        self.retry_button = QPushButton("再実行")
        self.retry_button.setToolTip("失敗・破棄したジョブをもう一度実行します")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton("破棄")
        self.discard_button.setToolTip("待機中・失敗のジョブを実行しないようにします")
        self.discard_button.clicked.connect(self.discard_selected)
        self.open_button = QPushButton("出力を開く")
        self.open_button.clicked.connect(self.open_selected_output)
        actions.addStretch(1)
        for button in (self.retry_button, self.discard_button, self.open_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.setCentralWidget(body)
        self.tasks: Any = None  # the embedded queue's tasks, once it has started
        self.job_view.selectionModel().selectionChanged.connect(self.update_job_actions)

        self.status_ready.connect(self.status.setText)
        self.job_timer = QTimer(self)
        self.job_timer.setInterval(JOB_REFRESH_MS)
        self.job_timer.timeout.connect(self.refresh_jobs)
        self.job_timer.start()
        self.refresh()
        self.refresh_jobs()

    def counts(self) -> dict[str, int]:
        with self.database.read() as session:
            return {
                label: session.scalar(select(func.count()).select_from(model)) or 0
                for label, model in (("供給組織", SupplierOrganization), ("供給", Supply),
                                     ("支払明細書", Invoice), ("注文", Order))
            }

    def status_text(self) -> str:
        """Schema check and row counts: seconds on a big shared database, so never on the GUI thread."""
        problems = schema.check(self.database)
        health = "正常" if not problems else f"問題 {len(problems)} 件（oroshi-desktop db check）"
        lines = [f"データベース: {self.database.display_url}", f"状態: {health}"]
        if not problems:
            lines += [f"{label}: {count:,} 件" for label, count in self.counts().items()]
        return "\n".join(lines)

    def refresh(self) -> None:
        """Update the database overview from a pool thread; the text arrives through a signal."""
        self.status.setText(f"データベース: {self.database.display_url}\n状態: 確認中…")

        def work() -> None:
            try:
                text = self.status_text()
            except Exception as err:  # the database went away; say so instead of a traceback
                text = f"データベース: {self.database.display_url}\n状態: 接続できません（{type(err).__name__}）"
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.status_ready.emit(text)

        QThreadPool.globalInstance().start(work)

    def refresh_jobs(self) -> None:
        status = queue_status(self.settings, self.ledger)
        self.queue_label.setText(f"{status.schedule_text}　状態: {status.state_ja}")
        self.pause_button.setText("再開" if status.paused else "一時停止")
        selected = self.selected_job()
        self.job_model.refresh()
        if selected is not None:  # keep the selection on the same job across a model reset
            for row in range(self.job_model.rowCount()):
                if self.job_model.job(row).id == selected.id:
                    self.job_view.selectRow(row)
                    break
        self.update_job_actions()

    def attach_tasks(self, tasks: Any) -> None:
        """The running queue's tasks, needed to put a retried job back on the queue."""
        self.tasks = tasks
        self.update_job_actions()

    def selected_job(self) -> JobView | None:
        rows = self.job_view.selectionModel().selectedRows() if self.job_view.selectionModel() else []
        return self.job_model.job(rows[0].row()) if rows else None

    def update_job_actions(self, *_args: Any) -> None:
        job = self.selected_job()
        self.retry_button.setEnabled(bool(job and self.tasks is not None and job.state in (FAILED, DISCARDED)))
        self.discard_button.setEnabled(bool(job and job.state in (QUEUED, FAILED)))
        self.open_button.setEnabled(bool(job and job.state == DONE and (
            job.document_id is not None or (job.output_path and Path(job.output_path).exists()))))

    def _act(self, action: Any) -> None:
        job = self.selected_job()
        if job is None:
            return
        try:
            action(job.id)
        except UserError as err:
            QMessageBox.warning(self, "オロシ デスクトップ", err.message_ja)
        self.refresh_jobs()

    def retry_selected(self) -> None:
        if self.tasks is not None:
            self._act(self.tasks.retry)

    def discard_selected(self) -> None:
        self._act(self.ledger.discard)

    def open_selected_output(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        path = job.output_path
        if not (path and Path(path).exists()):  # made on another PC: from the shared document store
            try:
                path = str(self.ledger.save_output(job.id, self.settings.paths.output_dir))
            except UserError as err:
                QMessageBox.warning(self, "オロシ デスクトップ", err.message_ja)
                return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def toggle_pause(self) -> None:
        set_paused(self.ledger, not is_paused(self.ledger))
        self.refresh_jobs()

    def closeEvent(self, event: Any) -> None:
        self.job_timer.stop()
        QThreadPool.globalInstance().waitForDone(5000)  # let a running overview query finish
        if self._owns_ledger:
            self.ledger.dispose()
        super().closeEvent(event)
