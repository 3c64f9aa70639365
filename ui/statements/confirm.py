"""The questions the statements view asks before it acts, and its non-modal failure note.

Each question names what will happen to whom (the recipients, the organizations), because a mail
that went out cannot be called back: 今すぐ送信, 再送, 送信済みにする and 削除 all pass through here.
"""

from __future__ import annotations

from oroshi_desktop.queries.run_detail import RunDetail
from ui.qt import QCoreApplication, QMessageBox, Qt, QWidget
from ui.statements.detail import recipients_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")



def title() -> str:
    return translate("Statements", "支払明細書")


def _ask(parent: QWidget, heading: str, text: str) -> bool:
    return QMessageBox.question(parent, heading, text) == QMessageBox.StandardButton.Yes


def recipients_lines(detail: RunDetail) -> str:
    """・組織: To（CC: …） per organization: the outbox's recipients, or where it would go."""
    lines = []
    for part in detail.parts:
        outbox = part.outbox
        if outbox is not None and outbox.to:
            to = recipients_text(outbox.to, outbox.cc)
        else:
            to = part.email or translate("Statements", "会社のメールアドレス（組織のメールアドレスなし）")
        lines.append(translate("Statements", "・{name}: {to}").format(name=part.name, to=to))
    return "\n".join(lines)


def send(parent: QWidget, detail: RunDetail) -> bool:
    return _ask(parent, title(), translate("Statements", "支払明細書のメールを送信しますか？") + "\n" + recipients_lines(detail))


def resend(parent: QWidget, detail: RunDetail) -> bool:
    text = translate("Statements", "次の宛先にメールをもう一度送信します。受信者には同じ明細書が2通届きます。\n{recipients}\n\n再送しますか？")
    return _ask(parent, translate("Statements", "再送"), text.format(recipients=recipients_lines(detail)))


def mark_sent(parent: QWidget, names: list[str]) -> bool:
    text = translate("Statements", "次の組織のメールを「送信済み」にします。受信者に届いていることを確認しましたか？\n{names}\n\n送信済みにすると、このメールは自動では再送されません。")
    lines = "\n".join(translate("Statements", "・{name}").format(name=name) for name in names)
    return _ask(parent, translate("Statements", "送信済みにする"), text.format(names=lines))


def delete(parent: QWidget, detail: RunDetail) -> bool:
    names = translate("Statements", "、").join(p.name for p in detail.parts)
    text = translate("Statements", "No.{id}（{names}）を削除しますか？\n作成したPDFも削除されます。この操作は元に戻せません。")
    return _ask(parent, translate("Statements", "削除"), text.format(id=detail.row.id, names=names))


def failure_box(parent: QWidget, message: str, error: str, *, per_organization: bool = True) -> QMessageBox:
    """Not modal: a nested event loop inside the job poll would hold up every other update.

    ``message`` is the job's message in the window's language (with its reason); the pointer to
    the detail only when the detail shows a state and an error per organization."""
    text = message
    if per_organization:
        text += "\n" + translate("Statements", "各組織の状態とエラーは右側の詳細に表示されています。")
    box = QMessageBox(QMessageBox.Icon.Warning, title(), text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("jobFailedMessage")
    if error:
        box.setDetailedText(error)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
