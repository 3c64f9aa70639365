"""The selected run's detail: per organization its two PDFs (開く), their passwords (hidden until
asked, click to copy), and the mail: outbox state, attempts, last error and the earlier sends."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from oroshi_desktop.queries.statement_runs import OrganizationPart, RunDetail, StatementFile
from ui.qt import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QGuiApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.statements.model import LAYOUT_LABELS, local_time_text, period_text

OUTBOX_LABELS = {"pending": "送信待ち", "sending": "送信中", "sent": "送信済み", "failed": "失敗",
                 "uncertain": "要確認"}
KIND_LABELS = {"organization": "組織", "supplier": "供給者"}
HIDDEN = "••••••••"


class PasswordField(QPushButton):
    """Shows ●●● until 表示 is pressed; a click on the shown password copies it."""

    def __init__(self, password: str, parent: QWidget | None = None) -> None:
        super().__init__(HIDDEN, parent)
        self.password = password
        self.revealed = False
        self.setObjectName("passwordField")
        self.setAccessibleName("パスワード（クリックでコピー）")
        self.setToolTip("クリックするとパスワードを表示します。表示中にクリックするとコピーします。")
        self.setFlat(True)
        self.clicked.connect(self._clicked)

    def _clicked(self) -> None:
        if not self.revealed:
            self.revealed = True
            self.setText(self.password)
            return
        QGuiApplication.clipboard().setText(self.password)
        self.setToolTip("コピーしました")

    def hide_again(self) -> None:
        self.revealed = False
        self.setText(HIDDEN)


def _attempt_line(part: OrganizationPart, tz: ZoneInfo) -> str:
    outbox = part.outbox
    if outbox is None:
        if part.sent_at is not None:
            return f"メール: 送信済み（{local_time_text(part.sent_at, tz)}、Webシステムから）"
        return "メール: まだ送信キューにありません"
    parts = [f"メール: {OUTBOX_LABELS.get(outbox.state, outbox.state)}", f"試行 {outbox.attempts} 回"]
    if outbox.generation > 1:
        parts.append(f"第{outbox.generation}回の送信")
    if outbox.sent_at:
        parts.append(f"送信 {local_time_text(outbox.sent_at, tz)}")
    recipients = "、".join(outbox.to) + (f"（CC: {'、'.join(outbox.cc)}）" if outbox.cc else "")
    if recipients:
        parts.append(f"宛先 {recipients}")
    return "　".join(parts)


class OrganizationBox(QGroupBox):
    def __init__(self, part: OrganizationPart, tz: ZoneInfo, open_file: Callable[[StatementFile], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(part.name, parent)
        self.part = part
        self.setObjectName(f"organizationPart{part.iso_id}")
        grid = QGridLayout(self)
        self.open_buttons: list[QPushButton] = []
        self.password_fields: list[PasswordField] = []
        row = 0
        if not part.files:
            grid.addWidget(QLabel("PDFはまだ作成されていません。" if not part.completed else "PDFがありません。"),
                           row, 0, 1, 3)
            row += 1
        for file in part.files:
            name = QLabel(f"{KIND_LABELS.get(file.kind, file.kind)}: {file.filename}")
            name.setWordWrap(True)  # long organization names must not push the buttons out of sight
            name.setMinimumWidth(120)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton("開く")
            button.setObjectName(f"open_{file.kind}")
            button.setAccessibleName(f"{KIND_LABELS.get(file.kind, file.kind)}のPDFを開く")
            button.clicked.connect(lambda _checked=False, f=file: open_file(f))
            grid.addWidget(name, row, 0)
            grid.addWidget(button, row, 1)
            self.open_buttons.append(button)
            if file.password:
                field = PasswordField(file.password)
                grid.addWidget(field, row, 2)
                self.password_fields.append(field)
            row += 1
        self.mail_label = QLabel(_attempt_line(part, tz))
        self.mail_label.setObjectName("mailState")
        self.mail_label.setWordWrap(True)
        grid.addWidget(self.mail_label, row, 0, 1, 3)
        row += 1
        outbox = part.outbox
        if outbox is not None and outbox.last_error_ja and outbox.state != "sent":
            self.error_label = QLabel(f"エラー: {outbox.last_error_ja}")
            self.error_label.setObjectName("lastError")
            self.error_label.setWordWrap(True)
            self.error_label.setStyleSheet("color: #b00020;")
            grid.addWidget(self.error_label, row, 0, 1, 3)
            row += 1
        if len(part.history) > 1:
            lines = [f"第{a.generation}回: {OUTBOX_LABELS.get(a.state, a.state)}（試行 {a.attempts} 回"
                     + (f"、送信 {local_time_text(a.sent_at, tz)}" if a.sent_at else "")
                     + (f"、{a.last_error_ja}" if a.last_error_ja else "") + "）"
                     for a in part.history[1:]]
            history = QLabel("これまでの送信:\n" + "\n".join(lines))
            history.setObjectName("mailHistory")
            history.setWordWrap(True)
            grid.addWidget(history, row, 0, 1, 3)
        grid.setColumnStretch(0, 1)


class RunDetailPanel(QScrollArea):
    """Rebuilt for each selected run (a run has a handful of organizations)."""

    def __init__(self, tz: ZoneInfo, open_file: Callable[[StatementFile], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.open_file = open_file
        self.detail: RunDetail | None = None
        self.boxes: list[OrganizationBox] = []
        self.setObjectName("statementDetail")
        self.setAccessibleName("支払明細書の詳細")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.show_detail(None)

    def show_detail(self, detail: RunDetail | None) -> None:
        self.detail = detail
        body = QWidget()
        layout = QVBoxLayout(body)
        self.boxes = []
        if detail is None:
            self.header = QLabel("一覧から支払明細書を選んでください。")
            layout.addWidget(self.header)
        else:
            row = detail.row
            mail = (f"メール送信: する（{local_time_text(row.send_at, self.tz)}）" if row.send_email
                    else "メール送信: しない")
            self.header = QLabel(f"<b>No.{row.id}　{period_text(row.start_date, row.end_date)}</b><br>"
                                 f"{LAYOUT_LABELS.get(row.layout or 0, '')}　{mail}　状態: {row.state.label}")
            self.header.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(self.header)
            for part in detail.parts:
                box = OrganizationBox(part, self.tz, self.open_file)
                layout.addWidget(box)
                self.boxes.append(box)
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        layout.addStretch(1)
        self.setWidget(body)
