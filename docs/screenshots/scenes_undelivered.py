"""不達 (bounced) screens for ``make_screenshots.py``: the statement list with a run in 不達, its
detail naming the address that failed and why, and the job centre's send queue filtered to 不達.

The demo outbox's sent mail to an organization's own address gets a Postfix delivery status
notification recorded, as the bounce check records one read from the mailbox
(``oroshi_desktop.mail.outbox.bounces.record_notification``). The module sorts after the others:
the 不達 it makes is seen by no earlier scene.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scene_tools import ROOT
from scene_tools import wait as _wait

NOTIFICATION = ROOT / "tests" / "fixtures" / "bounces" / "postfix_unknown_user.eml"  # a real Postfix DSN
DIAGNOSTIC = 'unknown user: "nosuchuser"'


def _bounce_one(ctx: Any) -> int:
    """The demo outbox's run: its 要確認 mail settled as sent, a bounce recorded for each sent mail
    that went to an organization's own address (not the office's, for an organization without
    one); that run's id."""
    from sqlalchemy import select, update

    from oroshi_desktop.db.models import OutboxMessage
    from oroshi_desktop.db.types import utcnow
    from oroshi_desktop.mail.outbox.bounces import record_notification

    with ctx.database.write() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.state.in_(("uncertain", "sent")))
                               .order_by(OutboxMessage.id)).all()
        rows = [row for row in rows if row.invoice_id == rows[0].invoice_id]
        session.execute(update(OutboxMessage).where(OutboxMessage.id.in_([row.id for row in rows]))
                        .values(state="sent").execution_options(synchronize_session=False))
        for row in rows:
            if not (row.recipients or {}).get("cc"):
                continue  # mailed to the office itself: no organization address to bounce
            session.refresh(row)
            address = str(row.recipients["to"][0])
            data = NOTIFICATION.read_bytes().replace(b"nosuchuser@oroshi.test", address.encode())
            data = data.replace(b"<5b1f0c2a9d8e4f7a.oroshi@oroshi.test>", (row.message_id or "").encode())
            record_notification(session, row, permanent=True, address=address, status="5.1.1",
                                diagnostic=DIAGNOSTIC, notification=data, now=utcnow())
        return int(rows[0].invoice_id)


def _clear_notice(window: Any) -> None:
    """An earlier scene's 出力しました note would stand in the status bar."""
    window.statusBar().clear_notice()


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    state: dict[str, int] = {}

    def run_id() -> int:
        if "run" not in state:
            state["run"] = _bounce_one(ctx)
            ctx.data_changed.emit("outbox")
        return state["run"]

    def statements_bounced() -> Any:
        bounced = run_id()
        view = window.show_view("statements")
        view.refresh()
        _wait(lambda: not view.model.loading and view.model.row_of(bounced) >= 0
              and view.model.run_at(view.model.row_of(bounced)).state.label == "不達")
        _clear_notice(window)
        view.select_run(bounced)
        _wait(lambda: view.detail is not None and view.detail.row.id == bounced
              and any(box.part.outbox is not None and box.part.outbox.state == "bounced"
                      for box in view.detail_panel.boxes))
        return window

    def outbox_bounced() -> Any:
        run_id()
        jobs = window.show_view("jobs")
        panel = jobs.outbox
        box = panel.state_filter
        box.setCurrentIndex(next(i for i in range(box.count()) if tuple(box.itemData(i)) == ("bounced",)))
        model = jobs.outbox_model
        _wait(lambda: model.loaded() and model.rowCount() >= 1
              and all(model.row_at(r) is not None and model.row_at(r).state == "bounced" for r in range(model.rowCount())))
        _clear_notice(window)
        jobs.outbox_view.selectRow(0)
        return window

    return [("statements_bounced", statements_bounced), ("jobs_outbox_bounced", outbox_bounced)]
