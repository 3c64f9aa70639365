"""The status bar: which database (never a password), whether it answers, the scheduler's state
and the next mail check in the business time zone."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from ui.context import AppContext
from ui.notices import NOTICE_MS
from ui.qt import (
    QCoreApplication,
    QDesktopServices,
    QLabel,
    QSizePolicy,
    QStatusBar,
    Qt,
    QTimer,
    QUrl,
    QWidget,
)
from ui.shell.monitor import Overview

ONLINE_STYLE = "color: #1a7f37;"
OFFLINE_STYLE = "color: #b00020; font-weight: bold;"


def database_text(database: Database) -> str:
    """埋め込み for the app's own SQLite file; host and database name for PostgreSQL."""
    if database.dialect == "sqlite":
        return QCoreApplication.translate("StatusBar", "データベース: 埋め込み")
    url = database.url
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return QCoreApplication.translate("StatusBar", "データベース: PostgreSQL {server}").format(server=f"{host}{port}/{url.database or ''}")


def scheduler_text(overview: Overview, tz: ZoneInfo) -> str:
    queue = overview.mail_check.queue
    if queue.paused:
        state = QCoreApplication.translate("StatusBar", "一時停止中")
    elif queue.scheduler_pid == os.getpid():
        state = QCoreApplication.translate("StatusBar", "このアプリで実行中")
    elif queue.scheduler_pid is not None:
        state = QCoreApplication.translate("StatusBar", "別のプロセスで実行中")
    else:
        state = QCoreApplication.translate("StatusBar", "停止中")
    upcoming = overview.mail_check.next_run
    when = f"{upcoming.astimezone(tz):%m/%d %H:%M}" if upcoming else QCoreApplication.translate("StatusBar", "なし")
    return QCoreApplication.translate("StatusBar", "スケジューラー: {state}　次のメール確認: {when}（{zone}）").format(state=state, when=when, zone=tz.key)


class ShellStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.database_label = self._label("statusDatabase", database_text(ctx.database), self.tr("データベース"))
        self.connection_label = self._label("statusConnection", self.tr("確認中…"), self.tr("接続状態"))
        self.scheduler_label = self._label("statusScheduler", self.tr("スケジューラー: 確認中…"),
                                              self.tr("スケジューラーの状態"))
        # Its full text is long in English; at 150 % it may be clipped (whole in its tooltip)
        # rather than widen the window past the screen.
        self.scheduler_label.setMinimumWidth(12 * self.scheduler_label.fontMetrics().averageCharWidth())
        self.notice = QLabel("")
        self.notice.setObjectName("statusNotice")
        self.notice.setAccessibleName(self.tr("最後の操作の結果"))
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        # A long notice is clipped (whole in its tooltip) rather than widening the window past a
        # 1366×768 screen at 150 % (it made the window 939 logical pixels wide on a 910-pixel one).
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addWidget(self.notice, 1)
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(self._clear_notice)
        ctx.monitor.connection_checked.connect(self.show_online)
        ctx.database_changed.connect(self.show_database)
        ctx.monitor.overview_changed.connect(self.show_overview)

    def announce(self, text: str, path: Path | None = None) -> None:
        """What an action just did (printed, exported): with an 開く link when it made a file."""
        if path is not None:
            link = self.tr("開く")
            self.notice.setText(f"{escape(text)}　<a href=\"{QUrl.fromLocalFile(str(path)).toString()}\">{link}</a>")
        else:
            self.notice.setText(escape(text))
        self.notice.setToolTip(text)
        self.notice.show()
        self.notice_timer.start(NOTICE_MS)

    def _clear_notice(self) -> None:
        self.notice.setText("")
        self.notice.setToolTip("")

    def _label(self, name: str, text: str, accessible: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        self.addPermanentWidget(label)
        return label

    def show_database(self) -> None:
        self.database_label.setText(database_text(self.ctx.database))

    def show_online(self, online: bool) -> None:
        self.connection_label.setText(self.tr("オンライン") if online else self.tr("接続できません"))
        self.connection_label.setStyleSheet(ONLINE_STYLE if online else OFFLINE_STYLE)
        self.connection_label.setToolTip("" if online else self.tr("データベースに接続できません。自動で再接続を試みています。"))

    def show_overview(self, overview: Overview) -> None:
        self.scheduler_label.setText(scheduler_text(overview, self.ctx.settings.tz))
        self.scheduler_label.setToolTip(self.scheduler_label.text())
