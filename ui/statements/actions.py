"""The statements view's toolbar actions: their names (the testability contract), words, and when
each one may be used for the selected run."""

from __future__ import annotations

from collections.abc import Callable

from oroshi_desktop.labels import OutboxState
from oroshi_desktop.queries.run_detail import RunDetail
from oroshi_desktop.queries.statement_runs import RunState
from ui.qt import QAction, QCoreApplication, QToolBar, QWidget
from ui.toolbar import toolbar_action

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")

ATTENTION = (OutboxState.UNCERTAIN, OutboxState.FAILED)  # outbox states a person may settle with 送信済みにする



def action_texts() -> tuple[tuple[str, str, str], ...]:
    """(object name, button text, tooltip) in toolbar order."""
    return (
        ("newStatement", translate("Statements", "新規作成"), translate("Statements", "新しい支払明細書を作成（仕切り作成）")),
        ("generateStatement", translate("Statements", "作成"), translate("Statements", "選んだ支払明細書のPDFを作成")),
        ("previewStatement", translate("Statements", "プレビュー"), translate("Statements", "選んだ支払明細書のPDFを表示")),
        ("previewMail", translate("Statements", "メールプレビュー"), translate("Statements", "送信されるメールをそのまま表示")),
        ("sendStatementNow", translate("Statements", "今すぐ送信"), translate("Statements", "選んだ支払明細書のメールを今すぐ送信")),
        ("resendStatement", translate("Statements", "再送"), translate("Statements", "送信済みのメールをもう一度送信")),
        ("markStatementSent", translate("Statements", "送信済みにする"), translate("Statements", "要確認のメールを送信済みにする")),
        ("deleteStatement", translate("Statements", "削除"), translate("Statements", "選んだ支払明細書を削除（未送信のみ）")),
    )


def make_actions(owner: QWidget, toolbar: QToolBar,
                 slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    actions = {}
    for name, text, tip in action_texts():
        actions[name] = toolbar_action(owner, toolbar, name, text, tip, slots[name])
    return actions


def enabled_actions(detail: RunDetail | None, has_tasks: bool) -> dict[str, bool]:
    """Which actions the selected run allows (jobs need the running queue's tasks)."""
    if detail is None:
        return {name: name == "newStatement" for name, _text, _tip in action_texts()}
    sent_any = detail.anything_sent
    needs_attention = any(p.outbox is not None and p.outbox.state in ATTENTION for p in detail.parts)
    has_files = any(p.files for p in detail.parts)
    return {
        "newStatement": True,
        "generateStatement": has_tasks and not sent_any,
        "previewStatement": True,
        "previewMail": has_files and detail.row.send_email is not None,
        "sendStatementNow": has_tasks and detail.row.state is not RunState.SENT,
        "resendStatement": sent_any and has_tasks,
        "markStatementSent": needs_attention,
        "deleteStatement": not sent_any,
    }
