"""The status bar: which database (never a password), whether it answers, the scheduler's state
and the next mail check in the business time zone."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from ui.context import AppContext
from ui.elided_label import ElidedLabel
from ui.notices import NOTICE_MS
from ui.qt import (
    QCoreApplication,
    QDesktopServices,
    QLabel,
    QResizeEvent,
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
NO_LIMIT = 16_777_215  # Qt's QWIDGETSIZE_MAX: no maximum width


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


class NoticeLabel(QLabel):
    """What the last action did, read whole: the room it needs is asked of the status bar (the
    scheduler's line gives way); when even that is too little, the file's name is cut in its middle
    (its start and extension stay), never the 開く link. The whole text and path are in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.path: Path | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        # Never wider than the bar gives: a long notice widened the window past a 1366×768 screen
        # at 150 % (939 logical pixels on a 910-pixel one); it is cut in its middle instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_notice(self, text: str, path: Path | None) -> None:
        self.full_text, self.path = text, path
        self.setToolTip(f"{text}\n{path}" if path is not None else text)
        self._fit()

    def clear_notice(self) -> None:
        self.show_notice("", None)
        self.setToolTip("")

    def link_text(self) -> str:
        return self.tr("開く") if self.path is not None else ""

    def needed_width(self) -> int:
        """The width that shows the whole notice and its link."""
        if not self.full_text:
            return 0
        return self.fontMetrics().horizontalAdvance(f"{self.full_text}　{self.link_text()}") + 8

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def shown_text(self) -> str:
        """The notice as it fits the label's width now (plain text, without the link)."""
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - self.needed_width() + metrics.horizontalAdvance(self.full_text)
        text = self.full_text
        name = self.path.name if self.path is not None else ""
        if metrics.horizontalAdvance(text) > room and name and name in text:
            head, _, tail = text.partition(name)
            short = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, room - metrics.horizontalAdvance(head + tail))
            if len(short) > 3:  # a start, "…" and an end; else the whole line is cut at its end below
                text = head + short + tail
        if metrics.horizontalAdvance(text) > room:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, room))
        return text

    def _fit(self) -> None:
        text = escape(self.shown_text())
        if self.path is not None:
            text += f"　<a href=\"{QUrl.fromLocalFile(str(self.path)).toString()}\">{escape(self.link_text())}</a>"
        self.setText(text)


class ShellStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.permanent_labels: list[QLabel] = []
        self.database_label = self._label("statusDatabase", database_text(ctx.database), self.tr("データベース"))
        self.connection_label = self._label("statusConnection", self.tr("確認中…"), self.tr("接続状態"))
        # Long in English: a notice shortens it (ElidedLabel, whole in its tooltip) rather than be cut.
        self.scheduler_label = ElidedLabel(self.tr("スケジューラー: 確認中…"), self)
        self.scheduler_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.scheduler_label.setMinimumWidth(12 * self.scheduler_label.fontMetrics().averageCharWidth())
        self._permanent(self.scheduler_label, "statusScheduler", self.tr("スケジューラーの状態"))
        self.notice = NoticeLabel(self)
        self.notice.setObjectName("statusNotice")
        self.notice.setAccessibleName(self.tr("最後の操作の結果"))
        self.addWidget(self.notice, 1)
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(self.clear_notice)
        ctx.monitor.connection_checked.connect(self.show_online)
        ctx.database_changed.connect(self.show_database)
        ctx.monitor.overview_changed.connect(self.show_overview)

    def announce(self, text: str, path: Path | None = None) -> None:
        """What an action just did (printed, exported): with an 開く link when it made a file."""
        self.notice.show_notice(text, path)
        self._share_width()
        self.notice_timer.start(NOTICE_MS)  # read and clicked by then; the next notice replaces it

    def clear_notice(self) -> None:
        self.notice_timer.stop()
        self.notice.clear_notice()
        self._share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """A notice gets the room it needs first: the scheduler's line (whole in its tooltip) is
        shortened for it, down to a few words, so "4 rows exported to 注…" is read whole at 150 %."""
        scheduler = self.scheduler_label
        needed = self.notice.needed_width()
        if not needed:
            scheduler.setMaximumWidth(NO_LIMIT)
            scheduler.show()
            return
        # The notice takes whatever the permanent labels leave, so the two share a fixed width.
        gap = 6  # QStatusBar's spacing between its widgets
        shared = self.notice.width() + (scheduler.width() + gap if not scheduler.isHidden() else 0)
        room = shared - needed - gap
        if room >= scheduler.minimumWidth():
            scheduler.setMaximumWidth(room)
            scheduler.show()
        else:  # too little even for a few words: back when the notice goes
            scheduler.hide()

    def _label(self, name: str, text: str, accessible: str) -> QLabel:
        return self._permanent(QLabel(text), name, accessible)

    def _permanent(self, label: QLabel, name: str, accessible: str) -> QLabel:
        self.permanent_labels.append(label)
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
        self.scheduler_label.set_full_text(scheduler_text(overview, self.ctx.settings.tz))
