"""The main window. For now a status overview of the connected database; the job centre,
statement and shipping views arrive with their issues."""

from __future__ import annotations

from sqlalchemy import func, select

from oroshi_desktop.config import Settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, Order, SupplierOrganization, Supply
from ui.qt import QLabel, QMainWindow, Qt, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    def __init__(self, database: Database, settings: Settings) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self.setWindowTitle("オロシ デスクトップ")
        self.resize(900, 600)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel("<h2>オロシ デスクトップ</h2>")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel("支払明細書・出荷書類・ジョブセンターの画面は準備中です。"
                             "コマンド oroshi-desktop --help で利用できる機能を確認できます。")
        self.notice.setWordWrap(True)
        for widget in (self.heading, self.status, self.notice):
            layout.addWidget(widget)
        self.setCentralWidget(body)
        self.refresh()

    def counts(self) -> dict[str, int]:
        with self.database.read() as session:
            return {
                label: session.scalar(select(func.count()).select_from(model)) or 0
                for label, model in (("供給組織", SupplierOrganization), ("供給", Supply),
                                     ("支払明細書", Invoice), ("注文", Order))
            }

    def refresh(self) -> None:
        problems = schema.check(self.database)
        health = "正常" if not problems else f"問題 {len(problems)} 件（oroshi-desktop db check）"
        lines = [f"データベース: {self.database.display_url}", f"状態: {health}"]
        if not problems:
            lines += [f"{label}: {count:,} 件" for label, count in self.counts().items()]
        self.status.setText("\n".join(lines))
