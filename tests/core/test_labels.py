"""The core's vocabulary lives once, as types, with its English: every stored value has a label in
both languages, the enums keep the strings the database and the CLI use, and every job message the
ledger can hold has its words."""

from __future__ import annotations

import string

from jobs.queue import control, pause, tasks
from oroshi_desktop import labels, ledger
from oroshi_desktop.labels import JobKind, JobMessage, JobState, LedgerMessage, OutboxState
from oroshi_desktop.mail.outbox import states as outbox_states
from oroshi_desktop.queries.job_centre import job_kind_label


def test_every_job_state_kind_and_outbox_state_has_both_languages() -> None:
    assert set(labels.JOB_STATE_LABELS) == set(ledger.STATES) == set(JobState)
    assert set(labels.JOB_KIND_LABELS) == set(tasks.WORK) == set(JobKind)
    assert set(labels.OUTBOX_STATE_LABELS) == set(outbox_states.STATES) == set(OutboxState)
    for table in (labels.JOB_STATE_LABELS, labels.JOB_KIND_LABELS, labels.OUTBOX_STATE_LABELS,
                  labels.JOB_MESSAGE_LABELS):
        for label in table.values():  # English may end in "…" or quote with “”, never in Japanese
            assert label.ja and label.en and not label.ja.isascii()
            assert not any("\u3040" <= c <= "\u9fff" for c in label.en), label
    assert {state: label.ja for state, label in labels.JOB_STATE_LABELS.items()} == ledger.STATE_LABELS_JA


def test_the_stored_strings_are_unchanged() -> None:
    assert [s.value for s in JobState] == ["queued", "running", "done", "failed", "discarded"]
    assert [k.value for k in JobKind] == ["statement", "statement_preview", "mail", "order_document", "check_sheet",
                                          "bounce_check"]
    assert [s.value for s in OutboxState] == ["pending", "sending", "sent", "failed", "uncertain", "bounced"]
    assert JobState.QUEUED == "queued" and f"{OutboxState.UNCERTAIN}" == "uncertain"


def test_the_batch_mail_check_is_named_apart_from_send_now() -> None:
    assert job_kind_label("mail", {}) is labels.MAIL_CHECK_LABEL
    assert job_kind_label("mail", {"invoice_id": 3}).text("en") == "Statement mail"
    assert job_kind_label("something_new", {}).text("en") == "something_new"  # a newer version's kind as stored


def test_every_job_message_has_its_words_and_the_same_arguments_in_both_languages() -> None:
    assert set(labels.JOB_MESSAGE_LABELS) == set(JobMessage)
    used = {key for keys in tasks.MESSAGES.values() for key in keys}
    used |= {m.key for m in (tasks.MAIL_CHECK_RUNNING, tasks.NOTHING_DUE, ledger.STOPPED_MESSAGE,
                             control.STOPPED_AGAIN_MESSAGE, pause.PAUSED_MESSAGE)}
    used.add(tasks.STATEMENT_DONE_UNATTRIBUTED)
    assert used | {JobMessage.UNKNOWN_KIND} == set(JobMessage)  # no key for a message that no longer exists
    for label in labels.JOB_MESSAGE_LABELS.values():
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (label.ja, label.en)]
        assert fields[0] == fields[1], label


def test_job_messages_follow_the_language() -> None:
    done = LedgerMessage(tasks.MESSAGES[tasks.MAIL].done)
    assert done.text("en") == "Mail sent." and done.text("ja") == "メールを送信しました。"
    running = tasks.running_message(tasks.CHECK_SHEET, {"date": "2026-12-01"})
    assert running.text("en") == "Making the reception check sheet 2026-12-01…"
    assert labels.stored_message_text(running.key, running.arguments, "", "ja") == "2026-12-01供給受入れチェック表を作成中…"
    # A row from before message keys: its sentence is translated back, an unknown one shown as stored.
    assert labels.job_message("2026-12-01供給受入れチェック表を作成中…", "en") == running.text("en")
    assert labels.stored_message_text(None, None, "組織 7 が見つかりません", "en") == "組織 7 が見つかりません"
