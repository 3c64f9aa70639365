"""Reading one message of the bounce mailbox (issue 19): the corpus of real-world formats in
tests/fixtures/bounces with the verdict each must get, and messages that must not stop the check."""

from __future__ import annotations

from pathlib import Path

import pytest

from oroshi_desktop.mail.bounces.notification import MAX_NOTIFICATION_BYTES, Verdict, read_notification

CORPUS = Path(__file__).parents[1] / "fixtures" / "bounces"

# file → (verdict, [(address, status, permanent)], original Message-IDs)
EXPECTED = {
    "postfix_unknown_user.eml": (Verdict.BOUNCE, [("nosuchuser@oroshi.test", "5.1.1", True)],
                                 ["<5b1f0c2a9d8e4f7a.oroshi@oroshi.test>"]),
    "exchange_ndr.eml": (Verdict.BOUNCE, [("tanaka@suppliers.example.co.jp", "5.1.10", True)],
                         ["<9c3e2a1b7d6f4e5a.oroshi@oroshi.test>"]),
    "gmail_address_not_found.eml": (Verdict.BOUNCE, [("yamada.no.such@gmail.com", "5.1.1", True)],
                                    ["<71d2c3b4a5e6f708.oroshi@oroshi.test>"]),
    "qmail_plain_text.eml": (Verdict.BOUNCE, [("sato@fishnet.example.jp", "5.1.1", True)],
                             ["<a8b7c6d5e4f3a2b1.oroshi@oroshi.test>"]),
    "japanese_provider_mailbox_full.eml": (Verdict.BOUNCE, [("suzuki@umi-no-sachi.example.ne.jp", "5.2.2", True)],
                                           ["<c4d3e2f1a0b9c8d7.oroshi@oroshi.test>"]),
    "delay_still_trying.eml": (Verdict.DELAY, [("kato@slow.example.jp", "4.4.1", False)],
                               ["<d0e1f2a3b4c5d6e7.oroshi@oroshi.test>"]),
    "two_recipients.eml": (Verdict.BOUNCE, [("gone@oroshi.test", "5.1.1", True),
                                            ("stranger@elsewhere.example", "5.1.2", True)],
                           ["<f1e2d3c4b5a69788.oroshi@oroshi.test>"]),
    "out_of_office.eml": (Verdict.AUTO_REPLY, [], []),
    "unrelated.eml": (Verdict.UNRELATED, [], []),
    "malformed.eml": (Verdict.MALFORMED, [], []),
}


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.eml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_gets_its_verdict(name: str) -> None:
    verdict, failures, message_ids = EXPECTED[name]
    notification = read_notification((CORPUS / name).read_bytes())
    assert notification.verdict is verdict, notification
    assert [(f.address, f.status, f.permanent) for f in notification.failures] == failures
    if verdict in (Verdict.BOUNCE, Verdict.DELAY):
        assert list(notification.original_message_ids) == message_ids
        assert all(f.diagnostic for f in notification.failures)


def test_a_delivered_recipient_in_a_report_is_not_a_failure() -> None:
    notification = read_notification((CORPUS / "two_recipients.eml").read_bytes())
    assert "fine@oroshi.test" not in {f.address for f in notification.failures}


def test_the_japanese_text_of_a_provider_is_read() -> None:
    notification = read_notification((CORPUS / "japanese_provider_mailbox_full.eml").read_bytes())
    assert "Mailbox full" in notification.failures[0].diagnostic


def test_a_gigantic_message_is_not_parsed() -> None:
    notification = read_notification(b"Subject: x\r\n\r\n" + b"a" * (MAX_NOTIFICATION_BYTES + 1))
    assert notification.verdict is Verdict.MALFORMED and "MB" in notification.reason


@pytest.mark.parametrize("data", [b"", b"\x00\xff" * 100, b"Content-Type: multipart/report; boundary=\"x\"\r\n\r\n--x",
                                  b"Content-Type: message/delivery-status\r\n\r\nFinal-Recipient: \r\nAction: failed"])
def test_broken_messages_never_raise(data: bytes) -> None:
    notification = read_notification(data)
    assert notification.verdict in (Verdict.MALFORMED, Verdict.UNRELATED)
    assert not notification.failures
