"""The selected run's detail: per organization its two PDFs (開く), their passwords (hidden until
asked, click to copy), and the mail: outbox state, attempts, last error and the earlier sends; a
不達 organization says which address, why and when, with 再送 and 送信済みにする next to it."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from oroshi_desktop.domain.statement_options import StatementFormat
from oroshi_desktop.queries.run_detail import OrganizationPart, RunDetail, StatementFile
from ui.elided_label import ElidedLabel
from ui.i18n import current_language
from ui.qt import (
    QCoreApplication,
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
from ui.statements.model import layout_text, local_time_text, period_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")

HIDDEN = "••••••••"



def outbox_text(state: str) -> str:
    labels = {"pending": translate("RunDetail", "送信待ち"), "sending": translate("RunDetail", "送信中"),
              "sent": translate("RunDetail", "送信済み"), "failed": translate("RunDetail", "失敗"),
              "uncertain": translate("RunDetail", "要確認"), "bounced": translate("RunDetail", "不達")}
    return labels.get(state, state)


def kind_text(kind: str) -> str:
    labels: dict[str, str] = {StatementFormat.ORGANIZATION: translate("RunDetail", "組織"),
              StatementFormat.SUPPLIER: translate("RunDetail", "供給者")}
    return labels.get(kind, kind)


class PasswordField(QPushButton):
    """Shows ●●● until 表示 is pressed; a click on the shown password copies it."""

    def __init__(self, password: str, parent: QWidget | None = None) -> None:
        super().__init__(HIDDEN, parent)
        self.password = password
        self.revealed = False
        self.setObjectName("passwordField")
        self.setAccessibleName(self.tr("パスワード（クリックでコピー）"))
        self.setToolTip(self.tr("クリックするとパスワードを表示します。表示中にクリックするとコピーします。"))
        self.setFlat(True)
        self.clicked.connect(self._clicked)

    def _clicked(self) -> None:
        if not self.revealed:
            self.revealed = True
            self.setText(self.password)
            return
        QGuiApplication.clipboard().setText(self.password)
        self.setToolTip(self.tr("コピーしました"))

    def hide_again(self) -> None:
        self.revealed = False
        self.setText(HIDDEN)


def _attempt_line(part: OrganizationPart, tz: ZoneInfo) -> str:
    outbox = part.outbox
    if outbox is None:
        if part.sent_at is not None:
            text = translate("RunDetail", "メール: 送信済み（{time}、Webシステムから）")
            return text.format(time=local_time_text(part.sent_at, tz))
        return translate("RunDetail", "メール: まだ送信キューにありません")
    parts = [translate("RunDetail", "メール: {state}").format(state=outbox_text(outbox.state)),
             translate("RunDetail", "試行 1 回") if outbox.attempts == 1  # English: "1 attempt"
             else translate("RunDetail", "試行 {count} 回").format(count=outbox.attempts)]
    if outbox.generation > 1:
        parts.append(translate("RunDetail", "第{generation}回の送信").format(generation=outbox.generation))
    if outbox.sent_at:
        parts.append(translate("RunDetail", "送信 {time}").format(time=local_time_text(outbox.sent_at, tz)))
    recipients = recipients_text(outbox.to, outbox.cc)
    if recipients:
        parts.append(translate("RunDetail", "宛先 {recipients}").format(recipients=recipients))
    return "　".join(parts)


def recipients_text(to: tuple[str, ...], cc: tuple[str, ...]) -> str:
    """To、To（CC: Cc、Cc） — also the confirmation's line (ui.statements.confirm)."""
    comma = translate("RunDetail", "、")
    text = comma.join(to)
    return text + translate("RunDetail", "（CC: {cc}）").format(cc=comma.join(cc)) if cc else text


Button = TypeVar("Button", bound=QPushButton)


def compact(button: Button) -> Button:
    """As narrow as its text allows: the style's wider minimum squeezed the file names and, at
    150 % in English, pushed the last column past the panel's right edge."""
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 2 * button.fontMetrics().height())
    return button


RESENDABLE = ("sent", "uncertain", "failed")  # a mail that went out, may have, or could not (不達 has its own 再送)
PartAction = Callable[[OrganizationPart], None]


class OrganizationBox(QGroupBox):
    def __init__(self, part: OrganizationPart, tz: ZoneInfo, open_file: Callable[[StatementFile], None],
                 parent: QWidget | None = None, *, resend: PartAction | None = None,
                 on_resend: PartAction | None = None, on_mark_sent: PartAction | None = None) -> None:
        super().__init__(part.name, parent)
        self.part = part
        self.setObjectName(f"organizationPart{part.iso_id}")
        grid = QGridLayout(self)
        self.open_buttons: list[QPushButton] = []
        self.password_fields: list[PasswordField] = []
        row = 0
        if not part.files:
            grid.addWidget(QLabel(self.tr("PDFはまだ作成されていません。") if not part.completed else self.tr("PDFがありません。")),
                           row, 0, 1, 3)
            row += 1
        for file in part.files:
            # One line, cut in the middle when narrow (full name in the tooltip): a wrapped Japanese
            # file name broke between any two characters (供給 / 者.pdf).
            # The name's end ("- 組織.pdf") says which of the two files it is: it stays whole.
            tail = file.filename[file.filename.rfind(" - "):] if " - " in file.filename else ""
            name = ElidedLabel(f"{kind_text(file.kind)}: {file.filename}", keep_end=tail)
            name.setObjectName(f"file_{file.kind}")
            button = compact(QPushButton(self.tr("開く")))
            button.setObjectName(f"open_{file.kind}")
            button.setAccessibleName(self.tr("{kind}のPDFを開く").format(kind=kind_text(file.kind)))
            button.clicked.connect(lambda _checked=False, f=file: open_file(f))
            grid.addWidget(name, row, 0)
            grid.addWidget(button, row, 1)
            self.open_buttons.append(button)
            if file.password:
                field = compact(PasswordField(file.password))
                grid.addWidget(field, row, 2)
                self.password_fields.append(field)
            row += 1
        self.mail_label = QLabel(_attempt_line(part, tz))
        self.mail_label.setObjectName("mailState")
        self.mail_label.setWordWrap(True)
        outbox = part.outbox
        self.resend_button: QPushButton | None = None
        grid.addWidget(self.mail_label, row, 0, 1, 3)
        row += 1
        if resend is not None and outbox is not None and outbox.state in RESENDABLE:
            self.resend_button = compact(QPushButton(self.tr("この組織に再送")))
            self.resend_button.setObjectName("resendOrganization")
            self.resend_button.setToolTip(self.tr("この組織にだけメールをもう一度送ります"))
            self.resend_button.clicked.connect(lambda: resend(part))
            # On a row of its own: beside the mail line it widened the last column until, in
            # English ("Resend to this organization"), the panel cut it and squeezed the file names.
            grid.addWidget(self.resend_button, row, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
            row += 1
        bounced = outbox is not None and outbox.state == "bounced" and outbox.bounce is not None
        if outbox is not None and outbox.last_error_ja and outbox.state != "sent" and not bounced:
            error = outbox.error_in(current_language())
            self.error_label = QLabel(self.tr("エラー: {error}").format(error=error))
            self.error_label.setObjectName("lastError")
            self.error_label.setWordWrap(True)
            self.error_label.setStyleSheet("color: #b00020;")
            grid.addWidget(self.error_label, row, 0, 1, 3)
            row += 1
        if outbox is not None and outbox.state == "bounced":
            row = self._bounce_rows(grid, row, part, tz, on_resend, on_mark_sent)
        if len(part.history) > 1:
            lines = [(self.tr("第{generation}回: {state}（試行 1 回") if a.attempts == 1
                      else self.tr("第{generation}回: {state}（試行 {count} 回")).format(
                         generation=a.generation, state=outbox_text(a.state), count=a.attempts)
                     + (self.tr("、送信 {time}").format(time=local_time_text(a.sent_at, tz)) if a.sent_at else "")
                     + (self.tr("、{error}").format(error=a.error_in(current_language())) if a.last_error_ja else "") + self.tr("）")
                     for a in part.history[1:]]
            history = QLabel(self.tr("これまでの送信:") + "\n" + "\n".join(lines))
            history.setObjectName("mailHistory")
            history.setWordWrap(True)
            grid.addWidget(history, row, 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def _bounce_rows(self, grid: QGridLayout, row: int, part: OrganizationPart, tz: ZoneInfo,
                     on_resend: PartAction | None, on_mark_sent: PartAction | None) -> int:
        """不達: which address, why and when; 再送 to the current address, or 送信済みにする with a note."""
        bounce = part.outbox.bounce if part.outbox is not None else None
        if bounce is not None:
            self.bounce_label = QLabel(self.tr("不達: {address} に届きませんでした（{status}、{time} に通知）\n理由: {why}").format(
                address=bounce.address, status=bounce.status or "-", time=local_time_text(bounce.at, tz),
                why=bounce.diagnostic or "-"))
            self.bounce_label.setObjectName("bounceState")
            self.bounce_label.setWordWrap(True)
            self.bounce_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.bounce_label.setStyleSheet("color: #b00020;")
            grid.addWidget(self.bounce_label, row, 0, 1, 3)
            row += 1
        self.resend_to = QLabel(self.tr("再送先（現在の登録）: {email}").format(email=part.email) if part.email
                                else self.tr("再送先がありません。Webシステムでメールアドレスを登録してください。"))
        self.resend_to.setObjectName("resendAddress")
        self.resend_to.setWordWrap(True)
        self.resend_to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resend_bounced = QPushButton(self.tr("再送"))
        self.resend_bounced.setObjectName("resendBounced")
        self.resend_bounced.setAccessibleName(self.tr("{email} に再送").format(email=part.email))
        self.resend_bounced.setToolTip(self.tr("Webシステムで直した現在の宛先に、この組織の支払明細書をもう一度送ります"))
        self.resend_bounced.setEnabled(bool(part.email) and on_resend is not None)
        self.mark_bounced_sent = QPushButton(self.tr("送信済みにする…"))
        self.mark_bounced_sent.setObjectName("markBouncedSent")
        self.mark_bounced_sent.setToolTip(self.tr("郵送や手渡しなど、ほかの方法で届けたときに、メモを付けて送信済みにします"))
        self.mark_bounced_sent.setEnabled(on_mark_sent is not None)
        if on_resend is not None:
            self.resend_bounced.clicked.connect(lambda _checked=False: on_resend(part))
        if on_mark_sent is not None:
            self.mark_bounced_sent.clicked.connect(lambda _checked=False: on_mark_sent(part))
        grid.addWidget(self.resend_to, row, 0)
        grid.addWidget(self.resend_bounced, row, 1)
        grid.addWidget(self.mark_bounced_sent, row, 2)
        return row + 1


class RunDetailPanel(QScrollArea):
    """Rebuilt for each selected run (a run has a handful of organizations)."""

    def __init__(self, tz: ZoneInfo, open_file: Callable[[StatementFile], None],
                 parent: QWidget | None = None, *, resend: PartAction | None = None,
                 on_resend: PartAction | None = None, on_mark_sent: PartAction | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.open_file = open_file
        self.resend = resend
        self.on_resend, self.on_mark_sent = on_resend, on_mark_sent
        self.detail: RunDetail | None = None
        self.boxes: list[OrganizationBox] = []
        self.setObjectName("statementDetail")
        self.setAccessibleName(self.tr("支払明細書の詳細"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.show_detail(None)

    def show_detail(self, detail: RunDetail | None, failure: str | None = None, notice: str | None = None) -> None:
        """``failure``: why the run's last job failed as a whole; ``notice``: what its last job that
        succeeded asks the clerk to look at (supplies no statement carries); both under the header."""
        self.detail = detail
        body = QWidget()
        layout = QVBoxLayout(body)
        self.boxes = []
        self.failure_label: QLabel | None = None
        self.notice_label: QLabel | None = None
        if detail is None:
            self.header = QLabel(self.tr("一覧から支払明細書を選んでください。"))
            layout.addWidget(self.header)
        else:
            row = detail.row
            mail = (self.tr("メール送信: する（{time}）").format(time=local_time_text(row.send_at, self.tz))
                    if row.send_email else self.tr("メール送信: しない"))
            state = self.tr("状態: {state}").format(state=row.state.label_in(current_language()))
            # The state on a line of its own: a narrow pane wrapped it mid-word (状態: 未 / 作成).
            self.header = QLabel(f"<b>No.{row.id}　{html.escape(period_text(row.start_date, row.end_date))}</b><br>"
                                 f"{html.escape(layout_text(row.layout))}　{html.escape(mail)}<br>{html.escape(state)}")
            self.header.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(self.header)
            if failure:
                self.failure_label = self._last_job(failure, "jobFailure", "#b00020")
                layout.addWidget(self.failure_label)
            if notice:
                self.notice_label = self._last_job(notice, "jobNotice", "#8a4b00")
                layout.addWidget(self.notice_label)
            for part in detail.parts:
                box = OrganizationBox(part, self.tz, self.open_file, resend=self.resend, on_resend=self.on_resend,
                                      on_mark_sent=self.on_mark_sent)
                layout.addWidget(box)
                self.boxes.append(box)
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        layout.addStretch(1)
        self.setWidget(body)

    def _last_job(self, text: str, name: str, color: str) -> QLabel:
        label = QLabel(self.tr("直前のジョブ: {reason}").format(reason=text))
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {color};")
        return label
