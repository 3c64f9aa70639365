"""The statements view's mail actions beside queueing a run: 再送 of one organization from its box
in the detail, メールのプレビュー and 送信済みにする (the 不達 ones are in ``bounced.py``).

Functions of the view, as ``bounced.py``'s are; their texts keep the ``StatementsView``
translation context, written out in each call so that pyside6-lupdate finds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.dialogs import confirm as confirm_dialog
from ui.operations import Operation
from ui.qt import QCoreApplication
from ui.statements import confirm
from ui.statements.actions import ATTENTION
from ui.statements.detail import recipients_text

if TYPE_CHECKING:
    from oroshi_desktop.queries.run_detail import OrganizationPart
    from ui.statements.view import StatementsView

translate = QCoreApplication.translate


def resend_organization(view: StatementsView, part: OrganizationPart) -> None:
    """再送 of one organization's mail (the tool bar's 再送 is the whole run), after the clerk confirms."""
    detail, outbox, tasks = view.detail, part.outbox, view.ctx.tasks
    if detail is None or outbox is None or tasks is None or not view.ctx.mail_ready(view):
        return
    to = recipients_text(outbox.to, outbox.cc) or part.email
    if not confirm_dialog(view, translate("StatementsView", "「{name}」にメールをもう一度送りますか？").format(name=part.name),
                          action=translate("StatementsView", "再送する"),
                          informative=translate("StatementsView", "宛先: {to}\n同じ支払明細書が、この宛先にもう一度届きます。")
                          .format(to=to)):
        return
    run_id, row_id, database = detail.row.id, outbox.id, view.database

    def work() -> int:
        from oroshi_desktop.mail.outbox import resend

        resend(database, row_id, force=True)  # the person confirmed it just now
        return int(tasks.enqueue_mail(run_id))  # sends the pending row only; the others stay as they are

    def queued(job_id: int) -> None:
        view.jobs.watch(job_id, run_id)
        view.ctx.jobs_changed.emit()

    Operation(view, work, label=translate("StatementsView", "再送を準備しています…")).success(queued).run()


def preview_mail(view: StatementsView) -> None:
    """Each organization's mail as it would be sent now, in a dialog (``view.mail_preview``)."""
    detail = view.detail
    if detail is None:
        return
    run_id, sender, database = detail.row.id, view.ctx.settings.smtp.sender, view.database

    def work() -> list[Any]:
        # The outbox (with Python's email package) loads on first use, not before the first paint.
        from oroshi_desktop.mail.outbox import preview_invoice_mails

        return database.reading(preview_invoice_mails, run_id, sender=sender)

    def done(previews: list[Any]) -> None:
        from ui.statements.mail_preview import MailPreviewDialog

        view.mail_preview = MailPreviewDialog(previews, view)
        view.mail_preview.open()

    Operation(view, work, label=translate("StatementsView", "メールを作成しています…")).success(done).run()


def mark_sent(view: StatementsView) -> None:
    """送信済みにする: every row of the run that needs attention, after the clerk confirms."""
    detail = view.detail
    if detail is None:
        return
    rows = [(p.name, p.outbox.id) for p in detail.parts if p.outbox is not None and p.outbox.state in ATTENTION]
    if not rows or not confirm.mark_sent(view, [name for name, _ in rows]):
        return
    run_id, database = detail.row.id, view.database

    def work() -> None:
        from oroshi_desktop.mail.outbox import mark_sent as mark_row_sent

        for _name, row_id in rows:
            mark_row_sent(database, row_id)

    def after() -> None:
        view._after_change(run_id)
        view.ctx.data_changed.emit("outbox")

    Operation(view, work, label=translate("StatementsView", "送信済みにしています…")).finally_(after).run()
