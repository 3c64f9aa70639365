"""The words the window shows for core values (job kinds, job and mail states), in Japanese and English.

One place for each label: the core may not import Qt, so these cannot go through Qt's translation
files; ``ui.i18n.label`` picks the half of the chosen language, and the CLI prints ``.ja`` or
``.en`` as it always has. Keys are the values stored in the database and in job arguments.
"""

from __future__ import annotations

import re
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
    "bounce_check": Label("不達の確認", "Bounce check"),
}
# The batch mail check is a ``mail`` job without a run; users know it apart from send-now.
MAIL_CHECK_LABEL = Label("メール確認（定期）", "Mail check (scheduled)")

# ---- the statement mail outbox (``oroshi_desktop.mail.outbox``) -----------------------------------------
OUTBOX_STATE_LABELS = {
    "pending": Label("送信待ち", "Waiting"), "sending": Label("送信中", "Sending"), "sent": Label("送信済み", "Sent"),
    "failed": Label("失敗", "Failed"), "uncertain": Label("要確認", "Check"),
    "bounced": Label("不達", "Bounced"),
}
DELIVERY_UNKNOWN = Label("メールが届いたかどうか分かりません。", "It is not known whether the mail arrived. ")
UNCERTAIN_ADVICE = Label("相手に届いたか確認してください。届いていなければ「再送」、届いていれば「送信済みにする」を選びます。",
                         "Check with the recipient: if it did not arrive choose \u201cResend\u201d, if it did "
                         "choose \u201cMark as sent\u201d.")
BOUNCED_ADVICE = Label("宛先をWebシステムで直してから「再送」を選びます。郵送や手渡しで届けた場合は「送信済みにする」を選びます。",
                       "Correct the address in the web system, then choose \u201cResend\u201d; if it was posted or "
                       "handed over, choose \u201cMark as sent\u201d.")
DELETED_ORGANIZATION = Label("（削除された組織）", "(deleted organization)")


# ---- the ledger's job messages (``jobs.tasks.MESSAGES`` and the stop notes of the ledger and
# ``jobs.control``): stored in Japanese in ``oroshi_jobs.message``, so the window translates the
# known texts back; ``tests/core/test_labels.py`` keeps this table in step with those constants.
JOB_MESSAGES_EN = {
    "供給仕切り作成処理中…": "Making the payment statements…", "供給料仕切り書作成完了": "Payment statements made",
    "供給料仕切り書の作成に失敗しました。": "The payment statements could not be made.",
    "供給仕切り書プレビュー作成中…": "Making the statement preview…",
    "供給料仕切り書プレビュー作成完了": "Statement preview made",
    "供給料仕切り書プレビューの作成に失敗しました。": "The statement preview could not be made.",
    "今すぐ仕切り書のメールを送信中…": "Sending the statement mail now…", "メールを送信しました。": "Mail sent.",
    "メールの送信に失敗しました。": "The mail could not be sent.",
    "出荷書類を作成処理中…": "Making the shipping documents…", "注文書類作成完了": "Shipping documents made",
    "注文書類の作成に失敗しました。": "The shipping documents could not be made.",
    "{date}供給受入れチェック表を作成中…": "Making the reception check sheet {date}…",
    "供給受入れチェック表作成完了。": "Reception check sheet made.",
    "供給受入れチェック表の作成に失敗しました。": "The reception check sheet could not be made.",
    "送信予定の仕切り書メールを送信中…": "Sending the statement mails that are due…",
    "送信予定のメールはありません。": "No mail is due.",
    "不達メールを確認中…": "Checking for bounced mail…", "不達メールの確認が終わりました。": "Bounce check done.",
    "不達メールを確認できませんでした。": "The bounce check failed.",
    "処理中に停止しました": "Stopped while running", "処理中に停止しました（再実行します）": "Stopped while running (runs again)",
}
_TEMPLATES = [(re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(ja)) + "$"), en)
              for ja, en in JOB_MESSAGES_EN.items() if "{" in ja]


def job_message(text: str, language: str) -> str:
    """A ledger message in ``language``: the known texts translated, anything else as stored."""
    if language != "en" or not text:
        return text
    if text in JOB_MESSAGES_EN:
        return JOB_MESSAGES_EN[text]
    for pattern, en in _TEMPLATES:
        match = pattern.match(text)
        if match:
            return en.format(**match.groupdict())
    return text


def labels_ja(table: dict[str, Label]) -> dict[str, str]:
    """``{key: Japanese}`` for code that wants the plain Japanese table (the CLI, older callers)."""
    return {key: label.ja for key, label in table.items()}
