"""再送 from one organization's box in the statement detail sends to that organization only, and
the list keeps the selected run after the reload (issue 18, point 9)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.models import Invoice, OutboxMessage
from tests.helpers.smtp_server import SmtpTestServer
from tests.ui.conftest import answer_dialog
from tests.ui.pdf_fixtures import answer_modal
from tests.ui.statements_fixtures import StatementsEnv, demo_database, show_run, start_env
from ui.qt import QMessageBox, QPushButton


@pytest.fixture
def smtp() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture(params=["sqlite", "pg_app"])
def env(request, qtbot, qapp, tmp_path, smtp) -> Iterator[StatementsEnv]:  # type: ignore[no-untyped-def]
    yield from start_env(qtbot, qapp, demo_database(request.param, request, tmp_path), smtp)


def test_resend_one_organization_from_the_detail(env: StatementsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    with env.database.read() as session:
        run_id = int(session.scalar(select(func.max(Invoice.id)).where(Invoice.sent_at.is_(None))))
    show_run(qtbot, view, run_id)
    with qtbot.waitSignal(view.job_finished, timeout=90000):
        view.action("generateStatement").trigger()
    qtbot.waitUntil(lambda: view.action("sendStatementNow").isEnabled(), timeout=10000)
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(view.job_finished, timeout=60000) as sent:
        view.action("sendStatementNow").trigger()
    assert sent.args[1] == "done"
    parts = len(view.detail.parts)
    assert parts >= 2 and len(env.smtp.handler.accepted) == parts
    qtbot.waitUntil(lambda: view.detail is not None and all(
        box.findChild(QPushButton, "resendOrganization") for box in view.detail_panel.boxes), timeout=10000)

    target = view.detail_panel.boxes[1]
    asked = answer_dialog("confirmDialog", "confirmYes")
    with qtbot.waitSignal(view.job_finished, timeout=60000) as resent:
        target.findChild(QPushButton, "resendOrganization").click()
    assert resent.args[1] == "done"
    assert target.part.name in asked[0]
    assert len(env.smtp.handler.accepted) == parts + 1  # one more mail, not one per organization
    with env.database.read() as session:
        generations = dict(session.execute(
            select(OutboxMessage.invoice_supplier_organization_id, func.max(OutboxMessage.generation))
            .where(OutboxMessage.invoice_id == run_id).group_by(OutboxMessage.invoice_supplier_organization_id)).all())
    assert generations[target.part.iso_id] == 2
    assert all(generation == 1 for iso, generation in generations.items() if iso != target.part.iso_id)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    assert view.selected_run_id() == run_id  # the reload kept the selection
