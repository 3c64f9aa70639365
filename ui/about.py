"""ヘルプ → バージョン情報: the app (version, build date or 開発版), Qt, PySide6, Python and database versions.

The database version is a query (seconds on a far PostgreSQL server, nothing while it is
unreachable), so it arrives through ``Operation`` after the dialog is already open.
"""

from __future__ import annotations

import platform

from oroshi_desktop import __version__
from oroshi_desktop.db.engine import Database
from oroshi_desktop.version import build_info, build_label
from ui.operations import Operation, app_title
from ui.qt import (
    PYSIDE_VERSION,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    qVersion,
)


class AboutDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("{app} について").format(app=app_title()))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        layout = QVBoxLayout(self)
        what = self.tr("支払明細書・出荷書類・ジョブの管理")
        heading = QLabel(f"<h2>{app_title()}</h2><p>{what}</p>")
        layout.addWidget(heading)
        form = QFormLayout()
        self.database_label = QLabel(self.tr("確認中…"))
        self.database_label.setObjectName("databaseVersion")
        build = build_info()
        rows = ((self.tr("アプリ"), f"oroshi-desktop {__version__}"),
                (self.tr("ビルド"), self.tr("開発版") if build is None else build_label(build).removeprefix("ビルド ")),
                ("Qt", qVersion()), ("PySide6", PYSIDE_VERSION),
                ("Python", f"{platform.python_version()} ({platform.system()})"))
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", field)
        form.addRow(self.tr("データベース:"), self.database_label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        Operation(self, database.server_version).success(self.database_label.setText) \
            .failure(lambda _err: self.database_label.setText(self.tr("接続できません"))).run()
