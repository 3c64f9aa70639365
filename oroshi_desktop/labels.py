"""The words the window shows for core values (job kinds, job and mail states), in Japanese and English.

One place for each label: the core may not import Qt, so these cannot go through Qt's translation
files; ``ui.i18n.label`` picks the half of the chosen language, and the CLI prints ``.ja`` or
``.en`` as it always has. Keys are the values stored in the database and in job arguments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    ja: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.ja


# ---- the job ledger (``oroshi_desktop.ledger``: queued/running/done/failed/discarded) ---------------
JOB_STATE_LABELS = {
    "queued": Label("待機中", "Queued"), "running": Label("実行中", "Running"), "done": Label("完了", "Done"),
    "failed": Label("失敗", "Failed"), "discarded": Label("破棄", "Discarded"),
}

# ---- job kinds (``jobs.tasks``) ------------------------------------------------------------------------
JOB_KIND_LABELS = {
    "statement": Label("供給料仕切り書作成", "Payment statements"),
    "statement_preview": Label("仕切り書プレビュー", "Statement preview"),
    "mail": Label("仕切り書メール送信", "Statement mail"),
    "order_document": Label("出荷書類", "Shipping documents"),
    "check_sheet": Label("供給受入れチェック表", "Reception check sheet"),
}
# The batch mail check is a ``mail`` job without a run; users know it apart from send-now.
MAIL_CHECK_LABEL = Label("メール確認（定期）", "Mail check (scheduled)")

# ---- the statement mail outbox (``oroshi_desktop.mail.outbox``) -----------------------------------------
OUTBOX_STATE_LABELS = {
    "pending": Label("送信待ち", "Waiting"), "sending": Label("送信中", "Sending"), "sent": Label("送信済み", "Sent"),
    "failed": Label("失敗", "Failed"), "uncertain": Label("要確認", "Check"),
}
DELIVERY_UNKNOWN = Label("メールが届いたかどうか分かりません。", "It is not known whether the mail arrived. ")
UNCERTAIN_ADVICE = Label("相手に届いたか確認してください。届いていなければ「再送」、届いていれば「送信済みにする」を選びます。",
                         "Check with the recipient: if it did not arrive choose \u201cResend\u201d, if it did "
                         "choose \u201cMark as sent\u201d.")
DELETED_ORGANIZATION = Label("（削除された組織）", "(deleted organization)")

# ---- the queue switch (``jobs.control.QueueStatus``) ---------------------------------------------------
QUEUE_PAUSED = Label("一時停止中", "Paused")
QUEUE_RUNNING = Label("実行中", "Running")


def labels_ja(table: dict[str, Label]) -> dict[str, str]:
    """``{key: Japanese}`` for code that wants the plain Japanese table (the CLI, older callers)."""
    return {key: label.ja for key, label in table.items()}
