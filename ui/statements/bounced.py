"""不達 from the statement detail: 再送 to the organization's current address (it says which), or
送信済みにする with a note when the statement reached the organization another way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oroshi_desktop.errors import UserError
from ui.dialogs import confirm
from ui.operations import Operation, show_error
from ui.qt import QCoreApplication, QInputDialog, QLineEdit, QMessageBox

if TYPE_CHECKING:
    from oroshi_desktop.queries.run_detail import OrganizationPart
    from ui.statements.view import StatementsView

translate = QCoreApplication.translate


def resend_question(part: OrganizationPart) -> dict[str, str]:
    bounced = part.outbox.bounce.address if part.outbox is not None and part.outbox.bounce else ""
    return {"text": translate("Bounced", "「{name}」に支払明細書をもう一度送りますか？").format(name=part.name),
            "informative": translate("Bounced", "宛先: {email}（現在の登録）\n届かなかった宛先: {bounced}").format(
                email=part.email, bounced=bounced or "-"),
            "action": translate("Bounced", "{email} に再送する").format(email=part.email)}


def resend_bounced(view: StatementsView, part: OrganizationPart) -> None:
    outbox, tasks = part.outbox, view.ctx.tasks
    if outbox is None or tasks is None or not part.email or not confirm(view, **resend_question(part)):
        return
    from oroshi_desktop.mail.outbox import resend

    database, run_id = view.database, view.detail.row.id if view.detail else None

    def work() -> tuple[int, str]:
        row = resend(database, outbox.id)  # composed from the current data: the corrected address
        job_id = tasks.enqueue_mail(row.invoice_id)  # sends the pending row, skips the run's others
        return job_id, ", ".join((row.recipients or {}).get("to") or ())

    def done(result: tuple[int, str]) -> None:
        job_id, to = result
        if run_id is not None:
            view.jobs.watch(job_id, run_id)
        view.ctx.jobs_changed.emit()
        view.ctx.data_changed.emit("outbox")
        view._after_change(run_id)
        # Not modal: the clerk reads which address it went to and goes on working.
        box = QMessageBox(QMessageBox.Icon.Information, view.title,
                          translate("Bounced", "{email} に再送します。").format(email=to), QMessageBox.StandardButton.Ok,
                          view)
        box.setObjectName("resendBouncedInfo")
        box.open()
        view.resend_info = box

    Operation(view, work, label=translate("Bounced", "再送を準備しています…")).success(done).run()


def ask_note(view: Any, part: OrganizationPart) -> str | None:
    """The note 送信済みにする keeps (郵送, 手渡し, …); None when the clerk cancels."""
    note, ok = QInputDialog.getText(
        view, translate("Bounced", "送信済みにする"),
        translate("Bounced", "「{name}」にどのように届けましたか？（例: 郵送、手渡し）").format(name=part.name),
        QLineEdit.EchoMode.Normal, "")
    if not ok:
        return None
    return note.strip()


def mark_bounced_sent(view: StatementsView, part: OrganizationPart) -> None:
    outbox = part.outbox
    if outbox is None:
        return
    note = ask_note(view, part)
    if note is None:
        return
    if not note:
        show_error(view, UserError("write how the statement was delivered", "どのように届けたかを入力してください。"))
        return
    from oroshi_desktop.mail.outbox import mark_sent

    database, run_id = view.database, view.detail.row.id if view.detail else None
    Operation(view, lambda: mark_sent(database, outbox.id, note=note),
              label=translate("Bounced", "送信済みにしています…")) \
        .finally_(lambda: _changed(view, run_id)).run()


def _changed(view: StatementsView, run_id: int | None) -> None:
    view._after_change(run_id)
    view.ctx.data_changed.emit("outbox")
