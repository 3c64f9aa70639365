"""The vocabulary of the job centre as types, with the words the window shows for each value.

Job kinds, job states, outbox states and the ledger's job messages are ``StrEnum``s: their values
are the strings stored in the database and printed by the CLI, unchanged. One place for each label:
the core may not import Qt, so these cannot go through Qt's translation files; ``ui.i18n.label``
picks the half of the chosen language, and the CLI prints ``.ja`` or ``.en`` as it always has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, Self


@dataclass(frozen=True)
class Label:
    ja: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.ja


class LabelledEnum(StrEnum):
    """A stored value and the words shown for it, on one line: ``QUEUED = "queued", "待機中", "Queued"``.

    Members are the value's ``str`` (compared, hashed and stored as it); ``.label`` is the ``Label``."""

    label: Label

    # ``ja`` and ``en`` have defaults only so that type checkers accept a lookup by value, ``JobState("done")``.
    def __new__(cls, value: str, ja: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = Label(ja, en)
        return member

    @classmethod
    def labels(cls) -> dict[str, Label]:
        """Each member's label by its value (what the database and the CLI hold)."""
        return {member: member.label for member in cls}


# ---- the job ledger (``oroshi_desktop.ledger``) ----------------------------------------------------
class JobState(LabelledEnum):
    QUEUED = "queued", "待機中", "Queued"
    RUNNING = "running", "実行中", "Running"
    DONE = "done", "完了", "Done"
    FAILED = "failed", "失敗", "Failed"
    DISCARDED = "discarded", "破棄", "Discarded"


JOB_STATE_LABELS: dict[str, Label] = JobState.labels()


# ---- job kinds (``jobs.queue.tasks``) ------------------------------------------------------------------------
class JobKind(LabelledEnum):
    STATEMENT = "statement", "供給料仕切り書作成", "Payment statements"
    PREVIEW = "statement_preview", "仕切り書プレビュー", "Statement preview"
    MAIL = "mail", "仕切り書メール送信", "Statement mail"
    ORDER_DOCUMENT = "order_document", "出荷書類", "Shipping documents"
    CHECK_SHEET = "check_sheet", "供給受入れチェック表", "Reception check sheet"
    BOUNCE_CHECK = "bounce_check", "不達の確認", "Bounce check"


JOB_KIND_LABELS: dict[str, Label] = JobKind.labels()
# The batch mail check is a ``mail`` job without a run; users know it apart from send-now.
MAIL_CHECK_LABEL = Label("メール確認（定期）", "Mail check (scheduled)")

# ---- the statement mail outbox (``oroshi_desktop.mail.outbox``) -----------------------------------------
class OutboxState(LabelledEnum):
    """``pending → sending → sent``, or ``failed`` (not delivered) or ``uncertain`` (a person decides);
    ``bounced`` (不達): the server accepted it, then a delivery status notification said it failed."""

    PENDING = "pending", "送信待ち", "Waiting"
    SENDING = "sending", "送信中", "Sending"
    SENT = "sent", "送信済み", "Sent"
    FAILED = "failed", "失敗", "Failed"
    UNCERTAIN = "uncertain", "要確認", "Check"
    BOUNCED = "bounced", "不達", "Bounced"


OUTBOX_STATE_LABELS: dict[str, Label] = OutboxState.labels()
DELIVERY_UNKNOWN = Label("メールが届いたかどうか分かりません。", "It is not known whether the mail arrived. ")
UNCERTAIN_ADVICE = Label("相手に届いたか確認してください。届いていなければ「再送」、届いていれば「送信済みにする」を選びます。",
                         "Check with the recipient: if it did not arrive choose \u201cResend\u201d, if it did "
                         "choose \u201cMark as sent\u201d.")
BOUNCED_ADVICE = Label("宛先をWebシステムで直してから「再送」を選びます。郵送や手渡しで届けた場合は「送信済みにする」を選びます。",
                       "Correct the address in the web system, then choose \u201cResend\u201d; if it was posted or "
                       "handed over, choose \u201cMark as sent\u201d.")
DELETED_ORGANIZATION = Label("（削除された組織）", "(deleted organization)")


# ---- the ledger's job messages ---------------------------------------------------------------------
class JobMessage(LabelledEnum):
    """What a ledger row says, stored as this key (``oroshi_desktop_jobs.message_key``) with its
    arguments, and put into words when shown: switching the language changes old rows too. The
    Japanese is the web system's wording (also written to ``oroshi_desktop_jobs.message`` for older
    versions and the CLI); ``{name}`` is an argument of the message."""

    STATEMENT_RUNNING = "statement.running", "供給仕切り作成処理中…", "Making the payment statements…"
    STATEMENT_DONE = "statement.done", "供給料仕切り書作成完了", "Payment statements made"
    STATEMENT_DONE_UNATTRIBUTED = (
        "statement.done_unattributed",
        "供給料仕切り書作成完了。注意: 供給 {count}件（計 {amount}円）は供給者または組織が存在しないため、"
        "どの支払明細書にも載っていません（供給ID: {supplies}）",
        "Payment statements made. Note: {count} supplies (total ¥{amount}) are on no statement: their "
        "supplier or its organization does not exist (supply IDs: {supplies})")
    STATEMENT_FAILED = ("statement.failed", "供給料仕切り書の作成に失敗しました。",
                        "The payment statements could not be made.")
    PREVIEW_RUNNING = "preview.running", "供給仕切り書プレビュー作成中…", "Making the statement preview…"
    PREVIEW_DONE = "preview.done", "供給料仕切り書プレビュー作成完了", "Statement preview made"
    PREVIEW_FAILED = ("preview.failed", "供給料仕切り書プレビューの作成に失敗しました。",
                      "The statement preview could not be made.")
    MAIL_RUNNING = "mail.running", "今すぐ仕切り書のメールを送信中…", "Sending the statement mail now…"
    MAIL_DONE = "mail.done", "メールを送信しました。", "Mail sent."
    MAIL_FAILED = "mail.failed", "メールの送信に失敗しました。", "The mail could not be sent."
    MAIL_CHECK_RUNNING = ("mail_check.running", "送信予定の仕切り書メールを送信中…",
                          "Sending the statement mails that are due…")
    NOTHING_DUE = "mail_check.nothing_due", "送信予定のメールはありません。", "No mail is due."
    ORDER_DOCUMENT_RUNNING = "order_document.running", "出荷書類を作成処理中…", "Making the shipping documents…"
    ORDER_DOCUMENT_DONE = "order_document.done", "注文書類作成完了", "Shipping documents made"
    ORDER_DOCUMENT_FAILED = ("order_document.failed", "注文書類の作成に失敗しました。",
                             "The shipping documents could not be made.")
    CHECK_SHEET_RUNNING = ("check_sheet.running", "{date}供給受入れチェック表を作成中…",
                           "Making the reception check sheet {date}…")
    CHECK_SHEET_DONE = "check_sheet.done", "供給受入れチェック表作成完了。", "Reception check sheet made."
    CHECK_SHEET_FAILED = ("check_sheet.failed", "供給受入れチェック表の作成に失敗しました。",
                          "The reception check sheet could not be made.")
    BOUNCE_CHECK_RUNNING = "bounce_check.running", "不達メールを確認中…", "Checking for bounced mail…"
    BOUNCE_CHECK_DONE = "bounce_check.done", "不達メールの確認が終わりました。", "Bounce check done."
    BOUNCE_CHECK_FAILED = "bounce_check.failed", "不達メールを確認できませんでした。", "The bounce check failed."
    STOPPED = "stopped", "処理中に停止しました", "Stopped while running"
    STOPPED_AGAIN = "stopped.again", "処理中に停止しました（再実行します）", "Stopped while running (runs again)"
    PAUSED = "paused", "一時停止中", "Paused"
    UNKNOWN_KIND = "unknown_kind", "不明なジョブです", "Unknown job"


JOB_MESSAGE_LABELS: dict[str, Label] = JobMessage.labels()


@dataclass(frozen=True)
class LedgerMessage:
    """A job message as the ledger stores it: a key and its arguments (strings)."""

    key: JobMessage
    arguments: Mapping[str, str] = field(default_factory=dict)

    def text(self, language: str = "ja") -> str:
        return JOB_MESSAGE_LABELS[self.key].text(language).format(**self.arguments)


# Rows written before messages had keys hold the Japanese sentence only: translated back by it.
JOB_MESSAGES_EN = {label.ja: label.en for label in JOB_MESSAGE_LABELS.values()}
_TEMPLATES = [(re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(ja)) + "$"), en)
              for ja, en in JOB_MESSAGES_EN.items() if "{" in ja]


class StoredMessage(Protocol):
    """A ledger row's message as read back (a job, the last mail check)."""

    def message_text(self, language: str) -> str: ...


def stored_message_text(key: str | None, arguments: Mapping[str, str] | None, stored: str, language: str) -> str:
    """A ledger row's message in ``language``: by its key when it has a known one (a newer version's
    key, or a row from before keys, falls back to the stored sentence)."""
    if key:
        try:
            return LedgerMessage(JobMessage(key), arguments or {}).text(language)
        except (ValueError, KeyError, IndexError):  # a newer version's key or arguments
            pass
    return job_message(stored, language)


def job_message(text: str, language: str) -> str:
    """A stored sentence (a row from before message keys) in ``language``: the known texts
    translated, anything else as stored."""
    if language != "en" or not text:
        return text
    if text in JOB_MESSAGES_EN:
        return JOB_MESSAGES_EN[text]
    for pattern, en in _TEMPLATES:
        match = pattern.match(text)
        if match:
            return en.format(**match.groupdict())
    for ja, en in JOB_MESSAGES_EN.items():  # a failure with its Japanese reason: the English window
        if ja.endswith("。") and text.startswith(ja):  # shows the reason from the English error
            return en
    return text


def labels_ja(table: dict[str, Label]) -> dict[str, str]:
    """``{key: Japanese}`` for code that wants the plain Japanese table (the CLI, older callers)."""
    return {key: label.ja for key, label in table.items()}
