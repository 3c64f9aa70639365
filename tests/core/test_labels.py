"""The core's labels live once with their English: every stored value has a label in both
languages, and every fixed job message the ledger can hold has its English."""

from __future__ import annotations

from jobs import control, tasks
from oroshi_desktop import labels, ledger
from oroshi_desktop.mail.outbox import states as outbox_states
from oroshi_desktop.queries.job_centre import job_kind_label


def test_every_job_state_kind_and_outbox_state_has_both_languages() -> None:
    assert set(labels.JOB_STATE_LABELS) == set(ledger.STATES)
    assert set(labels.JOB_KIND_LABELS) == set(tasks.WORK)
    assert set(labels.OUTBOX_STATE_LABELS) == set(outbox_states.STATES)
    for table in (labels.JOB_STATE_LABELS, labels.JOB_KIND_LABELS, labels.OUTBOX_STATE_LABELS):
        for label in table.values():
            assert label.ja and label.en and label.en.isascii() and not label.ja.isascii()
    assert {state: label.ja for state, label in labels.JOB_STATE_LABELS.items()} == ledger.STATE_LABELS_JA


def test_the_batch_mail_check_is_named_apart_from_send_now() -> None:
    assert job_kind_label("mail", {}) is labels.MAIL_CHECK_LABEL
    assert job_kind_label("mail", {"invoice_id": 3}).text("en") == "Statement mail"
    assert job_kind_label("something_new", {}).text("en") == "something_new"  # a newer version's kind as stored


def test_every_fixed_job_message_has_its_english() -> None:
    fixed = [text for texts in tasks.MESSAGES.values() for text in texts]
    fixed += [tasks.MAIL_CHECK_RUNNING, tasks.NOTHING_DUE, ledger.STOPPED_MESSAGE, control.STOPPED_AGAIN_MESSAGE]
    missing = [text for text in fixed if text not in labels.JOB_MESSAGES_EN]
    assert missing == []
    assert set(labels.JOB_MESSAGES_EN) == set(fixed)  # no entry for a message that no longer exists


def test_job_messages_follow_the_language() -> None:
    done = tasks.MESSAGES[tasks.MAIL].done
    assert labels.job_message(done, "en") == "Mail sent." and labels.job_message(done, "ja") == done
    running = tasks.running_message(tasks.CHECK_SHEET, {"date": "2026-12-01"})
    assert labels.job_message(running, "en") == "Making the reception check sheet 2026-12-01…"
    assert labels.job_message("組織 7 が見つかりません", "en") == "組織 7 が見つかりません"  # unknown: as stored
