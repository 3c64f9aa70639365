"""The statement mail as built: subject, recipients, HTML and text bodies, attachments, preview."""

from __future__ import annotations

import re
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest

from oroshi_desktop.domain.parties import Company
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.compose import (
    HEADER_BACKGROUND,
    PREVIEW_NOTICE_JA,
    SHADED_ROW,
    MailAttachment,
    MailOrganization,
    Recipients,
    compose_statement_mail,
    preview_statement_mail,
    statement_recipients,
    statement_subject,
)
from oroshi_desktop.mail.message_ids import new_message_id, password_message_id
from oroshi_desktop.mail.wire import flatten

COMPANY = Company(name="株式会社オロシサーモン", postal_code="060-0001", address="北海道札幌市中央区北1条西1-1",
                  phone="011-000-0000", fax="011-000-0001", mail="office@oroshi.example")
ORG = MailOrganization(name="北海水産協同組合", micro_region="札幌市", prefecture="北海道", email="org@example.jp")
START, END = date(2025, 10, 1), date(2025, 10, 15)
FILES = [MailAttachment("北海水産協同組合 (2025-10-01 ~ 2025-10-15) - 組織.pdf", b"%PDF-1.4 org", "a1b2c3d4"),
         MailAttachment("北海水産協同組合 (2025-10-01 ~ 2025-10-15) - 供給者.pdf", b"%PDF-1.4 sup", "0f0f0f0f")]
MID = "<oroshi-outbox-12-g1@oroshi.example>"


def compose(**changes) -> list[EmailMessage]:
    values = {"company": COMPANY, "organization": ORG, "start": START, "end": END, "attachments": FILES,
              "sender": "", "password_delivery": "same_mail", "message_id": MID}
    values.update(changes)
    return compose_statement_mail(**values)


def reparse(message: EmailMessage) -> EmailMessage:
    """The message as a mail program would read it from the wire."""
    parsed = BytesParser(policy=policy.default).parsebytes(flatten(message))
    assert isinstance(parsed, EmailMessage)
    return parsed


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_subject_is_exactly_the_web_systems():
    [message] = compose()
    expected = "株式会社オロシサーモン ー 札幌市 支払い明細書（2025年10月01日(水) 〜 2025年10月15日(水)）"
    assert statement_subject(COMPANY, ORG, START, END) == expected
    assert reparse(message)["Subject"] == expected


def test_recipients_organization_in_to_company_in_cc():
    [message] = map(reparse, compose())
    assert [a.addr_spec for a in message["To"].addresses] == ["org@example.jp"]
    assert [a.addr_spec for a in message["Cc"].addresses] == ["office@oroshi.example"]
    [sender] = message["From"].addresses
    assert sender.addr_spec == "office@oroshi.example"
    assert sender.display_name == "株式会社オロシサーモン"
    assert message["Message-ID"] == MID
    assert message["Date"] is not None


def test_without_organization_mail_only_the_company_receives_it():
    organization = MailOrganization(name="相生漁業", micro_region="相生", prefecture="兵庫県", email="  ")
    [message] = map(reparse, compose(organization=organization))
    assert [a.addr_spec for a in message["To"].addresses] == ["office@oroshi.example"]
    assert message["Cc"] is None


def test_sender_setting_wins_over_company_mail():
    [message] = compose(sender="statements@mail.oroshi.example")
    assert message["From"].addresses[0].addr_spec == "statements@mail.oroshi.example"
    assert [a.addr_spec for a in message["Cc"].addresses] == ["office@oroshi.example"]


def test_no_company_mail_means_no_cc_and_needs_a_sender():
    company = Company(name="株式会社オロシサーモン")
    recipients = statement_recipients(company, "org@example.jp", "statements@oroshi.example")
    assert recipients == Recipients("statements@oroshi.example", ("org@example.jp",), ())
    with pytest.raises(UserError) as info:
        statement_recipients(company, "org@example.jp", "")
    assert "送信元" in info.value.message_ja
    with pytest.raises(UserError) as info:
        statement_recipients(company, None, "statements@oroshi.example")
    assert "会社のメールアドレス" in info.value.message_ja


def test_invalid_addresses_are_user_errors():
    with pytest.raises(UserError) as info:
        statement_recipients(COMPANY, "not an address", "")
    assert "not an address" in info.value.message
    with pytest.raises(UserError):
        statement_recipients(COMPANY, "組合@example.jp", "")


def test_same_address_is_not_copied_to_itself():
    recipients = statement_recipients(COMPANY, "Office@oroshi.example", "")
    assert recipients.to == ("Office@oroshi.example",) and recipients.cc == ()


def test_html_body_has_the_header_greeting_table_and_signature():
    html = html_of(reparse(compose()[0]))
    for line in ("北海水産協同組合", "(北海道 - 札幌市)", "【 2025年10月01日(水) 〜 2025年10月15日(水) 】の 支払い明細書",
                 "いつもお世話になっております。", "支払い明細書を送付いたします。", "宜しくお願い致します。",
                 "<b>株式会社オロシサーモン</b>", "〒060-0001", "北海道札幌市中央区北1条西1-1", "TEL 011-000-0000",
                 "FAX 011-000-0001", "メール: office@oroshi.example"):
        assert line in html, line
    assert "650px" in html and "1px solid #000000" in html
    assert HEADER_BACKGROUND in html and "color:#FFFFFF" in html and "font-weight:bold" in html
    assert ">場所</th>" in html and ">ファイル</th>" in html and ">パスワード</th>" in html
    assert 'rowspan="2"' in html
    assert "monospace" in html
    # The second file row is shaded, the first is not.
    rows = html.split("<tr style=")[1:]
    assert SHADED_ROW not in rows[0] and SHADED_ROW in rows[1]
    for item in FILES:
        assert item.filename in html and item.password in html
    assert html.index(FILES[0].filename) < html.index(FILES[0].password) < html.index(FILES[1].filename)


def test_text_alternative_carries_the_same_information():
    message = reparse(compose()[0])
    assert message.get_content_type() == "multipart/mixed"
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    text = text_of(message)
    assert "北海水産協同組合" in text and "(北海道 - 札幌市)" in text
    for item in FILES:
        assert f"ファイル: {item.filename}" in text and f"パスワード: {item.password}" in text
    assert "株式会社オロシサーモン" in text and "TEL 011-000-0000" in text


def test_user_strings_are_escaped_in_html():
    company = Company(name="<script>alert(1)</script> & Co", mail="office@oroshi.example", address="A&B <ビル>")
    organization = MailOrganization(name='組合 "<b>&amp;"', micro_region="<海域>", prefecture="北海道",
                                    email="org@example.jp")
    attachments = [MailAttachment("x <y> & z.pdf", b"%PDF", "<pw&>")]
    [message] = compose(company=company, organization=organization, attachments=attachments)
    html = html_of(message)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "組合 &quot;&lt;b&gt;&amp;amp;&quot;" in html
    assert "&lt;海域&gt;" in html and "A&amp;B &lt;ビル&gt;" in html
    assert "x &lt;y&gt; &amp; z.pdf" in html and "&lt;pw&amp;&gt;" in html
    # The text part and the subject are not HTML: they keep the characters as written.
    assert '組合 "<b>&amp;"' in text_of(message)
    assert message["Subject"].startswith("<script>alert(1)</script> & Co ー <海域> 支払い明細書")


def test_both_pdfs_attached_under_their_japanese_names():
    original = compose()[0]
    raw = flatten(original)
    assert b"filename*" in raw  # RFC 2231: the Japanese name is percent-encoded UTF-8
    assert "組織".encode() not in raw
    message = reparse(original)
    parts = list(message.iter_attachments())
    assert [p.get_content_type() for p in parts] == ["application/pdf", "application/pdf"]
    assert [p.get_filename() for p in parts] == [item.filename for item in FILES]
    assert [p.get_content() for p in parts] == [item.content for item in FILES]
    assert parts[0].get_param("name") == FILES[0].filename


def test_separate_password_mail():
    first, second = (reparse(m) for m in compose(password_delivery="separate_mail"))
    first_html, second_html = html_of(first), html_of(second)
    assert len(list(first.iter_attachments())) == 2
    for item in FILES:
        assert item.password not in first_html and item.password not in text_of(first)
        assert item.password not in flatten(first).decode("ascii", "replace")
        assert item.password in second_html and item.password in text_of(second)
        assert item.filename in second_html
    assert "パスワードは、別のメールでお送りします" in first_html
    assert ">パスワード</th>" not in first_html
    assert list(second.iter_attachments()) == []
    assert second["Subject"] == f"【パスワード】{first['Subject']}"
    assert first["Message-ID"] == MID
    assert second["Message-ID"] == password_message_id(MID) == "<oroshi-outbox-12-g1-pw@oroshi.example>"
    assert second["In-Reply-To"] == MID
    assert [a.addr_spec for a in second["To"].addresses] == ["org@example.jp"]


def test_message_ids_are_globally_unique_at_the_sender_domain():
    ids = {new_message_id("Office <office@oroshi.example>") for _ in range(1000)}
    assert len(ids) == 1000
    assert all(re.fullmatch(r"<[0-9a-f]{32}\.oroshi@oroshi\.example>", mid) for mid in ids)


def test_unknown_password_mode_and_no_attachment_are_refused():
    with pytest.raises(ValueError):
        compose(password_delivery="carrier_pigeon")
    with pytest.raises(UserError) as info:
        compose(attachments=[])
    assert "北海水産協同組合" in info.value.message_ja


def test_plain_tuples_are_accepted_as_attachments():
    [message] = compose(attachments=[(name, content, password) for name, content, password in FILES])
    assert len(list(message.iter_attachments())) == 2


def test_preview_matches_the_mail():
    [preview] = preview_statement_mail(company=COMPANY, organization=ORG, start=START, end=END,
                                       attachments=FILES)
    [message] = compose()
    assert preview.subject == message["Subject"]
    assert preview.to == ("org@example.jp",) and preview.cc == ("office@oroshi.example",)
    assert "office@oroshi.example" in preview.sender
    assert preview.html == html_of(message)
    assert preview.text == text_of(message)
    assert preview.attachment_names == tuple(item.filename for item in FILES)
    assert PREVIEW_NOTICE_JA.startswith("注意:")


def test_preview_of_separate_mode_shows_both_mails():
    previews = preview_statement_mail(company=COMPANY, organization=ORG, start=START, end=END,
                                      attachments=FILES, password_delivery="separate_mail")
    assert [len(p.attachment_names) for p in previews] == [2, 0]
    assert previews[1].subject.startswith("【パスワード】")


def test_an_internationalized_domain_is_accepted_in_its_idna_form():
    """``user@例え.jp`` was refused as not a mail address (issue 21, point 9)."""
    recipients = statement_recipients(COMPANY, "keiri@例え.jp", "送信@例え.jp".replace("送信", "statements"))
    assert recipients.to == ("keiri@xn--r8jz45g.jp",)
    assert recipients.sender == "statements@xn--r8jz45g.jp"
    with pytest.raises(UserError):
        statement_recipients(COMPANY, "keiri@例え\x00.jp", "")


def _stdlib_bytes(message: EmailMessage) -> bytes:
    """The bytes Python's own SMTP policy gives, folding every header afresh (no kept folds, no
    kept quotes: Python's folding calls ``urllib.parse.quote`` itself)."""
    import io
    import urllib
    from email import _header_value_parser
    from email.generator import BytesGenerator

    kept_quotes = _header_value_parser.urllib
    assert kept_quotes is not urllib  # mime.py gave Python's folding its kept quotes
    buffer = io.BytesIO()
    try:
        _header_value_parser.urllib = urllib
        BytesGenerator(buffer, policy=policy.SMTP.clone(max_line_length=76)).flatten(message, linesep="\r\n")
    finally:
        _header_value_parser.urllib = kept_quotes
    return buffer.getvalue()


@pytest.mark.parametrize("organization", [
    ORG,
    MailOrganization(name="=?utf-8?q?=E5=8C=97?= 北 \"quoted\" <x>", micro_region="=?utf-8?b?5YyX?=",
                     prefecture="北海道", email="org@example.jp"),
    MailOrganization(name="有限会社" + "長い名前" * 30, micro_region="函館市", prefecture="北海道",
                     email="long@example.jp"),
])
@pytest.mark.parametrize("mode", ["same_mail", "separate_mail"])
def test_kept_folds_give_the_bytes_of_pythons_own_folding(organization, mode):
    """The composing policy keeps each folded header for the next mail of a run: the stored bytes
    must be exactly those Python's SMTP policy gives when it folds every header afresh, for the
    first mail and for each one after it (whose headers come from the kept folds)."""
    import random

    from oroshi_desktop.mail.compose import message_to_bytes

    files = [MailAttachment(f"{organization.name[:40]} (2025-10-01 ~ 2025-10-15) - 組織.pdf", b"%PDF-1.4 org",
                            "a1b2c3d4"), FILES[1],
             # RFC 2231 sections of 1-, 3-, 6-, 9- and 12-character encodings (the kept quotes).
             MailAttachment("Very long ASCII name of a fishery cooperative 100% \"quoted\" ~ é ﾎｯｶｲ 🐟 "
                            + organization.name[:20] + ".pdf", b"%PDF-1.4 x", "e5f6")]
    for round_ in range(3):
        for seed, message in enumerate(compose(organization=organization, password_delivery=mode,
                                               attachments=files)):
            random.seed(round_ * 10 + seed)  # the multipart boundaries
            kept = message_to_bytes(message)
            random.seed(round_ * 10 + seed)
            assert kept == _stdlib_bytes(message)
            parsed = BytesParser(policy=policy.default).parsebytes(kept)
            assert parsed["Subject"] == message["Subject"]
            assert [p.get_filename() for p in parsed.iter_attachments()] == [
                p.get_filename() for p in message.iter_attachments()]


@pytest.mark.parametrize("around", [b"text\r\n--%s--\r\nmore", b"within a line --%s and on", b"--%s"])
def test_a_boundary_found_in_the_parts_is_drawn_again(around):
    """The generator draws Python's random boundary and refuses it wherever it appears in the parts
    (Python refuses it only as a whole line)."""
    import random

    from oroshi_desktop.mail.mime import _MailGenerator

    random.seed(7)
    first = _MailGenerator._make_boundary()
    random.seed(7)
    text = around % first.encode("ascii")
    chosen = _MailGenerator._make_boundary(text)
    assert chosen == f"{first}.0"
    assert b"--" + chosen.encode("ascii") not in text
    random.seed(7)
    assert _MailGenerator._make_boundary(b"other parts") == first
