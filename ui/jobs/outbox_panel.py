"""The job centre's statement mail outbox of every PC: 要確認 rows highlighted with what to check,
再送 and 送信済みにする with confirmations, through the core outbox functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oroshi_desktop.labels import DELETED_ORGANIZATION, OUTBOX_STATE_LABELS, OutboxState
from oroshi_desktop.queries.job_centre import OutboxFilter, OutboxRow
from ui.context import AppContext
from ui.dialogs import confirm
from ui.i18n import current_language, label
from ui.jobs.models import OutboxTableModel
from ui.jobs.table import button, button_action, combo, make_table, selected_row
from ui.list_export import ListExport
from ui.operations import Operation
from ui.qt import QCoreApplication, QGroupBox, QHBoxLayout, QLabel, Qt, QTimer, QVBoxLayout, QWidget
from ui.row_actions import row_actions, tab_chain
from ui.window_state import window_settings

OUTBOX_POLL_MS = 3000  # the shared database: every PC polls it, so less often than the local ledger


def organization_name(row: OutboxRow) -> str:
    return row.organization or label(DELETED_ORGANIZATION)


def resend_question(row: OutboxRow) -> dict[str, str]:
    """再送's confirmation names who gets the mail again."""
    return {"text": QCoreApplication.translate("OutboxPanel", "「{name}」にメールをもう一度送りますか？").format(
                name=organization_name(row)),
            "informative": QCoreApplication.translate(
                "OutboxPanel", "宛先: {to}\n同じ支払明細書が、この宛先にもう一度届きます。").format(to=row.recipients),
            "action": QCoreApplication.translate("OutboxPanel", "再送する")}


def mark_sent_question(row: OutboxRow) -> dict[str, str]:
    return {"text": QCoreApplication.translate("OutboxPanel", "「{name}」へのメールを送信済みにしますか？").format(
                name=organization_name(row)),
            "informative": QCoreApplication.translate("OutboxPanel", "相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。"),
            "action": QCoreApplication.translate("OutboxPanel", "送信済みにする")}


class OutboxPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("支払明細書のメール送信キュー（全PC）"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.state_filter = combo("outboxStateFilter", self.tr("送信状態で絞り込み"),
                                  [(self.tr("すべての状態"), ())] + [(label(text), (state,))
                                                            for state, text in OUTBOX_STATE_LABELS.items()])
        self.state_filter.currentIndexChanged.connect(
            lambda: self.model.set_filter(OutboxFilter(states=tuple(self.state_filter.currentData()))))
        filters.addWidget(QLabel(self.tr("状態:")))
        filters.addWidget(self.state_filter)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model: OutboxTableModel = OutboxTableModel(ctx.database, ctx.settings.tz, self)
        self.table = make_table(self.model, "outboxTable", self.tr("メール送信キュー"),
                                ("#9999 2026/12/01〜12/31", "青森県漁業協同組合連合会", "送信済み（第2回）", "試行",
                                 "送信中に処理が中断されたため、メールが", "keiri@hokkai-suisan.example.com"))
        self._follow_id: int | None = None  # a 再送's new row, selected once the list has it
        self.model.modelReset.connect(self._reselect)
        self.model.rowsInserted.connect(lambda *_: self._follow_id is not None and self._reselect())
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.model.dataChanged.connect(self.update_actions)
        layout.addWidget(self.table, 1)

        self.offline_label = QLabel(self.tr("共有データベースに接続できません。つながると自動で最新の状態になります。"))
        self.offline_label.setObjectName("outboxOffline")
        self.offline_label.setStyleSheet("color: #b00020;")
        self.offline_label.setVisible(not ctx.online)
        layout.addWidget(self.offline_label)
        self.check_label = QLabel()
        self.check_label.setObjectName("outboxWhatToCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check_label)
        buttons = QHBoxLayout()
        self.resend_button = button(self.tr("再送"), "resendMail", self.tr("この組織にメールをもう一度送ります"), self.resend_selected)
        self.mark_sent_button = button(self.tr("送信済みにする"), "markMailSent",
                                       self.tr("届いていることを確かめたメールを送信済みにします"), self.mark_selected_sent)
        buttons.addStretch(1)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.mark_sent_button)
        layout.addLayout(buttons)
        self.list_export = ListExport(self, self.table, title=lambda: self.tr("メール送信キュー"),
                                      settings=window_settings(ctx.settings.paths),
                                      names=("exportOutbox", "copyOutboxRows"))
        row_actions(self.table, [button_action(self, widget) for widget in (self.resend_button, self.mark_sent_button)])
        tab_chain(self.state_filter, self.table, self.resend_button, self.mark_sent_button)

        self._last_id: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(OUTBOX_POLL_MS)
        self.timer.timeout.connect(self.model.poll)
        ctx.tasks_ready.connect(self.update_actions)
        ctx.data_changed.connect(lambda area: self.model.poll() if area in ("outbox", "statements", "all") else None)
        ctx.online_changed.connect(self._online_changed)
        self.update_actions()
        self.timer.start()

    def _online_changed(self, online: bool) -> None:
        self.offline_label.setVisible(not online)
        if online:
            self.model.poll()
        self.update_actions()

    def selected(self) -> OutboxRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row >= 0 else None

    def _reselect(self) -> None:
        if self._follow_id is not None and self.model.row_of(self._follow_id) >= 0:
            self._last_id, self._follow_id = self._follow_id, None  # 再送's new row has arrived
        row = self.model.row_of(self._last_id) if self._last_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)

    def update_actions(self, *_args: Any) -> None:
        row = self.selected()
        index = selected_row(self.table)
        self._last_id = self.model.row_id(index) if index >= 0 else None
        online, has_tasks = self.ctx.online, self.ctx.tasks is not None
        self.resend_button.setEnabled(bool(row and has_tasks and online and row.state in (
            OutboxState.SENT, OutboxState.UNCERTAIN, OutboxState.FAILED, OutboxState.BOUNCED)))
        self.mark_sent_button.setEnabled(bool(row and online and row.state in (
            OutboxState.UNCERTAIN, OutboxState.FAILED, OutboxState.BOUNCED)))
        what = row.what_to_check(current_language()) if row else ""
        self.check_label.setText(what)
        self.check_label.setVisible(bool(what))

    def _run(self, work: Callable[[], Any], label: str, after: Callable[[Any], None] | None = None) -> None:
        def done(result: Any) -> None:
            if after is not None:
                after(result)
            self.ctx.data_changed.emit("outbox")
            self.ctx.jobs_changed.emit()

        Operation(self, work, label=label).success(done).run()

    def resend_selected(self) -> None:
        row, tasks = self.selected(), self.ctx.tasks
        if row is None or tasks is None or not self.ctx.mail_ready(self) or not confirm(self, **resend_question(row)):
            return
        from oroshi_desktop.mail.outbox import resend

        database = self.ctx.database

        def work() -> int:
            renewed = resend(database, row.id, force=True)  # the person confirmed it just now; a new row id
            tasks.enqueue_mail(row.invoice_id)  # sends the pending row, skips the run's others
            return renewed.id

        def follow(renewed_id: int) -> None:  # the list keeps this organization selected
            self._follow_id = renewed_id
            self._reselect()

        self._run(work, self.tr("再送を準備しています…"), follow)

    def mark_selected_sent(self) -> None:
        row = self.selected()
        if row is None or not confirm(self, **mark_sent_question(row)):
            return
        from oroshi_desktop.mail.outbox import mark_sent

        database = self.ctx.database
        self._run(lambda: mark_sent(database, row.id), "")
