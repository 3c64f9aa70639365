"""The tray icon: the app's state at a glance (正常 / 送信中 / エラーあり / 一時停止), its menu
(開く, 今すぐメール確認, 一時停止/再開, 終了) and notifications when statements were mailed, a mail
failed, needs a person (要確認) or came back (不達).

With a tray, closing the window only hides it: the queue and the schedule keep running (a notice
says so the first time). Without one (offscreen, a bare X server) the app is not made at all and
closing the window quits.
"""

from __future__ import annotations

from ui.app_icon import badged_icon
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.operations import app_title
from ui.qt import QIcon, QMenu, QObject, QSettings, QSystemTrayIcon
from ui.shell.monitor import Overview

STATE_COLOURS = {"正常": "#2e7d32", "送信中": "#1565c0", "エラーあり": "#c62828", "一時停止": "#757575"}
NOTICE_KEY = "tray/closeNoticeShown"


def state_icon(state: str) -> QIcon:
    """The app icon with a dot in the state's colour (drawn, so no icon file is needed per state)."""
    return badged_icon(STATE_COLOURS.get(state, "#757575"))


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow, state: QSettings) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.state_store = state
        self.state = "正常"
        self.notifications: list[tuple[str, str]] = []  # what was shown, newest last
        self._previous: Overview | None = None
        self.icon = QSystemTrayIcon(state_icon(self.state), self)
        self.icon.setObjectName("trayIcon")
        self.icon.setToolTip(f"{app_title()}: {self.tr(self.state)}")
        menu = QMenu()
        menu.setObjectName("trayMenu")
        self.open_action = menu.addAction(self.tr("開く"))
        self.open_action.setObjectName("trayOpen")
        self.open_action.triggered.connect(window.bring_forward)
        menu.addAction(window.commands.run_mail_check)
        menu.addAction(window.commands.pause)
        menu.addSeparator()
        menu.addAction(window.quit_action)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        ctx.monitor.overview_changed.connect(self.show_overview)
        window.keep_in_tray = self.keeps_app

    def show(self) -> None:
        self.icon.show()

    def keeps_app(self) -> bool:
        if not self.icon.isVisible():
            return False
        self.first_close_notice()
        return True

    def first_close_notice(self) -> None:
        if self.state_store.value(NOTICE_KEY, False, type=bool):
            return
        self.state_store.setValue(NOTICE_KEY, True)
        self.notify(self.tr("タスクトレイで動作中です"),
                    self.tr("ウィンドウを閉じても、メールの定期確認とジョブは動き続けます。"
                            "終了するにはトレイのメニューから「終了」を選びます。"))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.window.bring_forward()

    def notify(self, title: str, text: str, icon: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information
               ) -> None:
        self.notifications.append((title, text))
        self.icon.showMessage(title, text, icon, 10_000)

    def show_overview(self, overview: Overview) -> None:
        self.state = overview.state_ja
        self.icon.setIcon(state_icon(self.state))
        details = []
        if overview.uncertain:
            details.append(self.tr("要確認 {count} 件").format(count=overview.uncertain))
        if overview.failed_mail:
            details.append(self.tr("送信失敗 {count} 件").format(count=overview.failed_mail))
        if overview.bounced:
            details.append(self.tr("不達 {count} 件").format(count=overview.bounced))
        if overview.failed_jobs:
            details.append(self.tr("失敗したジョブ {count} 件").format(count=overview.failed_jobs))
        tip = f"{app_title()}: {self.tr(self.state)}"
        if details:
            tip += self.tr("（{details}）").format(details=self.tr("、").join(details))
        self.icon.setToolTip(tip)
        previous, self._previous = self._previous, overview
        if previous is None:
            return  # what was there at start is not news
        warning = QSystemTrayIcon.MessageIcon.Warning
        if (overview.last_mail_sent_job or 0) > (previous.last_mail_sent_job or 0):
            self.notify(self.tr("支払明細書を送信しました"), self.tr("支払明細書のメールを送信しました。"))
        if (overview.failed_mail or 0) > (previous.failed_mail or 0):
            self.notify(self.tr("メールの送信に失敗しました"),
                        self.tr("ジョブ画面の送信キューで失敗の理由を確認できます。"), warning)
        if (overview.uncertain or 0) > (previous.uncertain or 0):
            self.notify(self.tr("要確認のメールがあります"),
                        self.tr("届いたかどうか分からないメールがあります。"
                                "ジョブ画面で「再送」か「送信済みにする」を選んでください。"), warning)
        if (overview.bounced or 0) > (previous.bounced or 0):
            self.notify(self.tr("届かなかった支払明細書があります（不達）"),
                        self.tr("相手のメールサーバーから不達の通知が届きました。支払明細書の画面で宛先と理由を確認し、"
                                "宛先を直してから「再送」を選んでください。"), warning)
