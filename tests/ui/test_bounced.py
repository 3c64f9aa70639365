"""不達 where the clerk looks (issue 19), through the widgets on SQLite and PostgreSQL: the job
centre's 今すぐ不達を確認 reads a real Dovecot mailbox, the statement list says 不達, the detail says
which address, why and when, 再送 goes to the corrected address over SMTP, 送信済みにする keeps its
note; the send queue filters 不達 (the tray's words: tests/ui/test_tray.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from imapclient import IMAPClient
from sqlalchemy import select, update

from jobs.statements import generate_statements
from oroshi_desktop import secrets
from oroshi_desktop.config import with_imap
from oroshi_desktop.db.models import OutboxEvent, OutboxMessage, SupplierOrganization
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.mail.outbox import deliver, prepare_outbox
from oroshi_desktop.mail.transport import SmtpTransport
from tests.helpers.mail_system import DOMAIN, MailSystem, dsn_for, mail_system, missing_reason
from tests.jobs.conftest import DUE_INVOICE
from tests.ui.conftest import answer_dialog, settings_for
from tests.ui.pdf_fixtures import answer_modal
from tests.ui.test_jobs import load
from ui.qt import QInputDialog, QLabel, QPushButton, QToolButton

OFFICE = f"office@{DOMAIN}"


@pytest.fixture
def mailbox() -> Iterator[MailSystem]:
    if missing_reason():
        pytest.skip(str(missing_reason()))
    with mail_system(["office"], postfix=False) as system:
        yield system


def two_bounced_mails(db, smtp_server, mailbox) -> list[OutboxMessage]:
    """The demo's due run sent over SMTP; Postfix-style DSNs for two organizations in the mailbox."""
    generate_demo(db, scale=1, seed=0)
    generate_statements(db, DUE_INVOICE, tz=ZoneInfo("Asia/Tokyo"))
    transport = SmtpTransport(smtp_server.settings())
    with db.write() as session:
        ids = [row.id for row in prepare_outbox(session, DUE_INVOICE)]
    for row_id in ids:
        deliver(db, row_id, transport)
    with db.read() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(ids))).all()
        company = {row.recipients["cc"][0] for row in rows if row.recipients.get("cc")}
        bounced = [row for row in rows if row.state == "sent" and row.recipients["to"][0] not in company][:2]
    assert len(bounced) == 2
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        for row in bounced:
            client.append("INBOX", dsn_for(row.message_id, row.recipients["to"][0]))
    return bounced


def test_bounced_mail_in_the_job_centre_the_list_and_the_detail(db, make_shell, qtbot, smtp_server, mailbox,
                                                                  tmp_path):
    first, second = two_bounced_mails(db, smtp_server, mailbox)
    sent_before = len(smtp_server.messages)
    settings = with_imap(settings_for(db, host="127.0.0.1", port=smtp_server.port, security="none",
                                      timeout_seconds=5.0),
                         host="127.0.0.1", port=mailbox.imap_port, security="none", username=OFFICE)
    secrets.set_secret(secrets.imap_key(OFFICE, "127.0.0.1"), mailbox.passwords["office"])
    window = make_shell(settings, db, queue=True)
    window.nav_actions["jobs"].trigger()
    jobs = window.current_view()
    qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=10000)

    # 今すぐ不達を確認 in the job centre: a job reads the real mailbox.
    check = jobs.findChild(QToolButton, "runBounceCheckButton")
    qtbot.waitUntil(check.isEnabled, timeout=10000)
    check.click()

    def states() -> dict[int, str]:
        with db.read() as session:
            return {row.id: row.state for row in session.scalars(
                select(OutboxMessage).where(OutboxMessage.id.in_((first.id, second.id))))}

    qtbot.waitUntil(lambda: states() == {first.id: "bounced", second.id: "bounced"}, timeout=30000)

    # The send queue: 不達 as a filter, each row saying which address failed and what to do.
    model = jobs.outbox_model
    jobs.outbox.state_filter.setCurrentIndex(jobs.outbox.state_filter.findText("不達"))
    qtbot.waitUntil(lambda: sorted(model.ids()) == sorted([first.id, second.id]), timeout=10000)
    load(qtbot, model)
    row = model.row_of(first.id)
    assert model.index(row, 2).data() == "不達"
    assert first.recipients["to"][0] in model.index(row, 4).data() and "「再送」" in model.index(row, 4).data()

    # The statement list says 不達 for the run; the detail says which address, why and when.
    window.nav_actions["statements"].trigger()
    view = window.current_view()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.row_of(DUE_INVOICE) >= 0, timeout=10000)
    qtbot.waitUntil(lambda: view.model.index(view.model.row_of(DUE_INVOICE), 5).data() == "不達", timeout=10000)
    view.table.selectRow(view.model.row_of(DUE_INVOICE))
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.row.id == DUE_INVOICE, timeout=10000)
    box = next(b for b in view.detail_panel.boxes if b.part.outbox and b.part.outbox.id == first.id)
    text = box.findChild(QLabel, "bounceState").text()
    assert first.recipients["to"][0] in text and "5.1.1" in text and "unknown user" in text and "通知" in text
    assert "不達" in box.mail_label.text()
    window.resize(1280, 800)
    window.grab().save(str(tmp_path / "bounced.png"))
    if os.environ.get("OROSHI_SCREENSHOT_DIR"):
        window.grab().save(os.path.join(os.environ["OROSHI_SCREENSHOT_DIR"], "bounced_detail.png"))

    # The address is corrected in the web system: 再送 names it and sends there.
    with db.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == box.part.organization_id)
                        .values(email="corrected@example.jp"))
    view.table.selectRow(0 if view.model.row_of(DUE_INVOICE) != 0 else 1)  # another run, then this one again
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.row.id != DUE_INVOICE, timeout=10000)
    view.table.selectRow(view.model.row_of(DUE_INVOICE))
    qtbot.waitUntil(lambda: any(b.part.email == "corrected@example.jp" for b in view.detail_panel.boxes),
                    timeout=10000)
    box = next(b for b in view.detail_panel.boxes if b.part.email == "corrected@example.jp")
    resend = box.findChild(QPushButton, "resendBounced")
    assert "corrected@example.jp" in box.findChild(QLabel, "resendAddress").text()
    asked = answer_dialog("confirmDialog", "confirmYes")
    resend.click()
    qtbot.waitUntil(lambda: len(smtp_server.messages) == sent_before + 1, timeout=30000)
    assert "corrected@example.jp" in asked[0]
    qtbot.waitUntil(lambda: getattr(view, "resend_info", None) is not None and view.resend_info.isVisible(),
                    timeout=10000)
    assert "corrected@example.jp" in view.resend_info.text()
    view.resend_info.close()
    assert smtp_server.messages[-1]["To"] == "corrected@example.jp"

    # The other one went by post: 送信済みにする with a note.
    qtbot.waitUntil(lambda: any(b.part.outbox and b.part.outbox.id == second.id
                                and b.findChild(QPushButton, "markBouncedSent") for b in view.detail_panel.boxes),
                    timeout=10000)
    box = next(b for b in view.detail_panel.boxes if b.part.outbox and b.part.outbox.id == second.id)
    noted = answer_modal(QInputDialog, lambda d: (d.setTextValue("郵送しました"), d.accept()))
    box.findChild(QPushButton, "markBouncedSent").click()
    qtbot.waitUntil(lambda: states().get(second.id) == "sent", timeout=10000)
    assert box.part.name in noted[0]
    with db.read() as session:
        notes = session.scalars(select(OutboxEvent.note).where(OutboxEvent.outbox_id == second.id,
                                                               OutboxEvent.kind == "marked_sent")).all()
    assert notes == ["郵送しました"]
    qtbot.waitUntil(lambda: view.model.index(view.model.row_of(DUE_INVOICE), 5).data() != "不達", timeout=30000)

