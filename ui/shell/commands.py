"""The queue's commands as one set of actions that the menu, the job centre and the tray share:
今すぐメール確認 (``runMailCheckNow``) and 一時停止/再開 (``pauseQueue``)."""

from __future__ import annotations

from ui.context import AppContext
from ui.operations import Operation
from ui.qt import QAction, QObject, QWidget
from ui.shell.monitor import AppMonitor, Overview


class QueueCommands(QObject):
    def __init__(self, ctx: AppContext, monitor: AppMonitor, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.monitor = monitor
        self.widget = parent
        self.run_mail_check = QAction(self.tr("今すぐメール確認"), parent)
        self.run_mail_check.setObjectName("runMailCheckNow")
        self.run_mail_check.setToolTip(self.tr("送信予定の支払明細書をいますぐ確認して送信します"))
        self.run_mail_check.triggered.connect(self.mail_check_now)
        self.run_bounce_check = QAction(self.tr("今すぐ不達を確認"), parent)
        self.run_bounce_check.setObjectName("runBounceCheckNow")
        self.run_bounce_check.setToolTip(self.tr("不達通知のメールボックスをいますぐ確認します（設定のIMAP）"))
        self.run_bounce_check.triggered.connect(self.bounce_check_now)
        self.pause = QAction(self.tr("一時停止"), parent)
        self.pause.setObjectName("pauseQueue")
        self.pause.setToolTip(self.tr("このPCのジョブの実行を止めます（再開できます）"))
        self.pause.triggered.connect(self.toggle_pause)
        ctx.tasks_ready.connect(self.update)
        ctx.online_changed.connect(self.update)
        monitor.overview_changed.connect(self._overview)
        self.paused = False
        self.update()

    def update(self, *_args: object) -> None:
        self.run_mail_check.setEnabled(self.ctx.tasks is not None and self.ctx.online)
        self.run_bounce_check.setEnabled(self.ctx.tasks is not None and self.ctx.online
                                         and self.ctx.settings.imap.configured)

    def _overview(self, overview: Overview) -> None:
        self.paused = overview.mail_check.queue.paused
        self.pause.setText(self.tr("再開") if self.paused else self.tr("一時停止"))
        self.pause.setToolTip(self.tr("このPCのジョブの実行を再開します") if self.paused
                              else self.tr("このPCのジョブの実行を止めます（再開できます）"))

    def mail_check_now(self) -> None:
        tasks = self.ctx.tasks
        if tasks is None:
            return
        Operation(self.widget, tasks.mail_check_now).success(lambda _id: self.ctx.jobs_changed.emit()).run()

    def bounce_check_now(self) -> None:
        tasks = self.ctx.tasks
        if tasks is None:
            return
        Operation(self.widget, tasks.bounce_check_now).success(lambda _id: self.ctx.jobs_changed.emit()).run()

    def toggle_pause(self) -> None:
        from jobs.queue.control import is_paused, set_paused

        ledger = self.ctx.ledger

        def flip() -> bool:
            paused = not is_paused(ledger)
            set_paused(ledger, paused)
            return paused

        Operation(self.widget, flip).success(lambda _p: self.ctx.jobs_changed.emit()).run()
