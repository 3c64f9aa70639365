"""Composing the payment-statement mail (支払い明細書のメール): subject, HTML and text body, attachments.

One mail per organization row of a statement run. The PDF passwords travel in the same mail (the
web system's behaviour) or, when the company chose ``separate_mail``, in a second mail that carries
no attachment. Every user string is HTML-escaped: an organization named ``A&B <東>`` must read as
written, not break the markup.
"""

from __future__ import annotations

import contextlib
import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, parseaddr
from typing import Any, NamedTuple

from oroshi_desktop.db.types import utcnow
from oroshi_desktop.domain.formats import long_date
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.message_ids import message_domain, password_message_id
from oroshi_desktop.mail.mime import COMPOSE_POLICY, MAIL_POLICY, message_to_bytes
from oroshi_desktop.urls import HostNameProblem, ascii_host

__all__ = [
    "MAIL_POLICY",
    "PASSWORD_DELIVERY_MODES",
    "PREVIEW_NOTICE_JA",
    "MailAttachment",
    "MailOrganization",
    "MailPreview",
    "Recipients",
    "compose_statement_mail",
    "header_text",
    "message_to_bytes",
    "preview_statement_mail",
    "statement_recipients",
    "statement_subject",
]

PASSWORD_DELIVERY_MODES = ("same_mail", "separate_mail")
PREVIEW_NOTICE_JA = "注意: 受信者のブラウザやメールアプリケーションにより、表示が若干異なる場合があります。"

HEADER_BACKGROUND = "#83D6F8"
SHADED_ROW = "#D0E4F5"
FONT_STACK = ("Meiryo, 'メイリオ', 'Hiragino Kaku Gothic ProN', 'ヒラギノ角ゴ ProN W3', "
              "'Hiragino Sans', sans-serif")
_RULE = "-" * 40

# Deliberately strict: the envelope must be plain ASCII (no SMTPUTF8), one @, no spaces.
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")


@dataclass(frozen=True)
class MailOrganization:
    """The receiving organization as the mail shows it."""

    name: str
    micro_region: str = ""
    prefecture: str = ""  # the prefecture's name, e.g. 北海道
    email: str = ""


class MailAttachment(NamedTuple):
    """One statement PDF: its file name, bytes and the password that opens it."""

    filename: str
    content: bytes
    password: str


@dataclass(frozen=True)
class Recipients:
    """Envelope and header addresses of one statement mail."""

    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"from": self.sender, "to": list(self.to), "cc": list(self.cc)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recipients:
        return cls(sender=str(data["from"]), to=tuple(data.get("to") or ()), cc=tuple(data.get("cc") or ()))


@dataclass(frozen=True)
class MailPreview:
    """What the GUI shows before sending (メールのプレビュー)."""

    subject: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    html: str
    text: str
    attachment_names: tuple[str, ...] = field(default=())


def _clean(value: str | None) -> str:
    return (value or "").strip()


def header_text(value: str | None) -> str:
    """Text safe for a mail header or a one-line body field: control characters and line breaks
    (CR, LF, U+2028 …) become spaces, runs of spaces one space. Every header value passes here."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in value or "")
    return " ".join(text.split())


def _check_address(address: str, what: str, what_ja: str) -> str:
    """The address as it goes on the wire: an internationalized domain (``user@例え.jp``) in its
    IDNA form; refused, naming the field, when it is not an address."""
    local, at, domain = address.rpartition("@")
    if at and domain and not domain.isascii():
        with contextlib.suppress(HostNameProblem):  # not convertible: refused below, as any malformed address
            address = f"{local}@{ascii_host(domain)}"
    if not _ADDRESS.match(address):
        raise UserError(f"{what} {address!r} is not a valid mail address",
                        f"{what_ja}「{address}」はメールアドレスとして正しくありません")
    return address


def statement_recipients(company: Company, organization_email: str | None, sender: str = "") -> Recipients:
    """To the organization with the company in CC; without an organization address, to the company only."""
    company_mail = _clean(company.mail)
    from_address = parseaddr(_clean(sender))[1] or company_mail
    if not from_address:
        raise UserError("no sender address: set the SMTP sender or the company mail address",
                        "送信元のメールアドレスがありません。SMTPの送信元か会社のメールアドレスを設定してください")
    from_address = _check_address(from_address, "sender address", "送信元アドレス")
    org_mail = _clean(organization_email)
    if org_mail:
        to: tuple[str, ...] = (_check_address(org_mail, "organization mail address", "組織のメールアドレス"),)
        cc: tuple[str, ...] = (_check_address(company_mail, "company mail address", "会社のメールアドレス"),) if company_mail else ()
        # The same address in To and CC would deliver the mail twice to one mailbox.
        cc = tuple(a for a in cc if a.lower() not in {t.lower() for t in to})
        return Recipients(sender=from_address, to=to, cc=cc)
    if not company_mail:
        raise UserError("the organization has no mail address and the company mail address is not set",
                        "組織にメールアドレスがなく、会社のメールアドレスも設定されていません")
    return Recipients(sender=from_address,
                      to=(_check_address(company_mail, "company mail address", "会社のメールアドレス"),))


def statement_subject(company: Company, organization: MailOrganization, start: date, end: date) -> str:
    return header_text(f"{company.name} ー {organization.micro_region} 支払い明細書"
                       f"（{long_date(start)} 〜 {long_date(end)}）")


def _password_subject(subject: str) -> str:
    return f"【パスワード】{subject}"


# ---- body ---------------------------------------------------------------------------------------

_GREETING = ("いつもお世話になっております。", "支払い明細書を送付いたします。", "宜しくお願い致します。")
_SEPARATE_NOTICE = "PDFを開くためのパスワードは、別のメールでお送りします。"
_PASSWORD_GREETING = ("いつもお世話になっております。",
                      "先にお送りした支払い明細書（PDF）を開くためのパスワードをお知らせします。",
                      "宜しくお願い致します。")


def _header_lines(organization: MailOrganization, start: date, end: date) -> list[str]:
    return [organization.name,
            f"({' - '.join(part for part in (organization.prefecture, organization.micro_region) if part)})",
            f"【 {long_date(start)} 〜 {long_date(end)} 】の 支払い明細書"]


def _signature_lines(company: Company) -> list[str]:
    lines = [company.postal_line, company.address,
             f"TEL {company.phone}" if company.phone else "",
             f"FAX {company.fax}" if company.fax else "",
             f"メール: {company.mail}" if company.mail else ""]
    return [line for line in lines if line]


def _esc(value: str) -> str:
    return html.escape(value, quote=True)


def _html_body(*, subject: str, company: Company, organization: MailOrganization, start: date, end: date,
               attachments: Sequence[MailAttachment], greeting: Sequence[str], notice: str,
               show_passwords: bool) -> str:
    cell = "border:1px solid #000000;padding:4px 8px;"
    head = f"{cell}background-color:{HEADER_BACKGROUND};color:#FFFFFF;font-weight:bold;"
    columns = ["場所", "ファイル"] + (["パスワード"] if show_passwords else [])
    rows = []
    for index, attachment in enumerate(attachments):
        # Every second row shaded, like the web system's table (tr:nth-child(even)).
        background = SHADED_ROW if index % 2 == 1 else "#FFFFFF"
        cells = []
        if index == 0:
            cells.append(f'<td rowspan="{len(attachments)}" style="{cell}background-color:#FFFFFF;">'
                         f"{_esc(organization.name)}</td>")
        cells.append(f'<td style="{cell}">{_esc(attachment.filename)}</td>')
        if show_passwords:
            cells.append(f'<td style="{cell}font-family:Consolas, Menlo, \'Courier New\', monospace;">'
                         f"{_esc(attachment.password)}</td>")
        rows.append(f'<tr style="background-color:{background};">{"".join(cells)}</tr>')
    header_cells = "".join(f'<th style="{head}">{_esc(column)}</th>' for column in columns)
    header = "<br>".join(_esc(line) for line in _header_lines(organization, start, end))
    greeting_html = "<br>".join(_esc(line) for line in greeting)
    notice_html = f'<p style="margin:16px 0;">{_esc(notice)}</p>' if notice else ""
    signature = "<br>".join([f"<b>{_esc(company.name)}</b>",
                             *(_esc(line) for line in _signature_lines(company))])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ja"><head><meta charset="utf-8">'
        f"<title>{_esc(subject)}</title></head>\n"
        f'<body style="margin:0;padding:16px;font-family:{FONT_STACK};">\n'
        f'<div style="text-align:center;">\n'
        f'<p style="font-weight:bold;font-size:16px;margin:16px 0;">{header}</p>\n'
        f'<p style="margin:16px 0;">{greeting_html}</p>\n'
        f'<table style="width:650px;border-collapse:collapse;border:1px solid #000000;'
        f'margin:16px auto;text-align:center;" width="650">\n'
        f"<thead><tr>{header_cells}</tr></thead>\n"
        f"<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n"
        f"{notice_html}\n"
        f'<p style="margin:16px 0;">{_RULE}<br>{signature}<br>{_RULE}</p>\n'
        "</div>\n</body></html>\n"
    )


def _text_body(*, company: Company, organization: MailOrganization, start: date, end: date,
               attachments: Sequence[MailAttachment], greeting: Sequence[str], notice: str,
               show_passwords: bool) -> str:
    lines = [*_header_lines(organization, start, end), "", *greeting, ""]
    lines.append(f"場所: {organization.name}")
    for attachment in attachments:
        lines.append(f"ファイル: {attachment.filename}")
        if show_passwords:
            lines.append(f"パスワード: {attachment.password}")
    if notice:
        lines += ["", notice]
    lines += ["", _RULE, company.name, *_signature_lines(company), _RULE]
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=64)
def from_address(name: str, sender: str) -> Address | str:
    """The From header: the company's name shown before its address.

    Python's folding loses the quotes of a quoted display name longer than a line (a company name
    of many ``<`` or ``"``: the header then reads as another address, found by the property tests),
    so the name is shortened with "…" until the folded header reads back to exactly ``sender``.
    Kept per name and sender: every mail of a run has the same From (the probe was a fifth of the
    time a mail took to compose).
    """
    for candidate in (name, name[:40] + "…", name[:15] + "…"):
        if not candidate.strip("…"):
            break
        address = Address(display_name=candidate, addr_spec=sender)
        probe = EmailMessage(policy=MAIL_POLICY)
        probe["From"] = address
        try:
            back = BytesParser(policy=email_policy.default).parsebytes(probe.as_bytes())["From"]
            readable = [a.addr_spec for a in back.addresses] == [sender]
        except (IndexError, ValueError, TypeError):  # Python's own parser fails on some hostile names
            readable = False  # (a company name of ':' and many '<', found by the property tests)
        if readable:
            return address
    return sender


def _new_message(*, subject: str, company: Company, recipients: Recipients, message_id: str,
                 when: datetime) -> EmailMessage:
    message = EmailMessage(policy=COMPOSE_POLICY)
    message["Subject"] = header_text(subject)
    message["From"] = from_address(header_text(company.name), recipients.sender)
    message["To"] = ", ".join(recipients.to)
    if recipients.cc:
        message["Cc"] = ", ".join(recipients.cc)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id
    return message


def _one_line_fields(record: Any) -> Any:
    """``record`` (a Company or MailOrganization) with ``header_text`` applied to each text field."""
    return replace(record, **{name: header_text(value) for name, value in vars(record).items()
                              if isinstance(value, str)})


def _check_inputs(organization: MailOrganization, attachments: Sequence[MailAttachment | tuple[str, bytes, str]],
                  password_delivery: str) -> list[MailAttachment]:
    if password_delivery not in PASSWORD_DELIVERY_MODES:
        raise ValueError(f"password_delivery must be one of {PASSWORD_DELIVERY_MODES}, got {password_delivery!r}")
    items = [MailAttachment(*item) for item in attachments]
    if not items:
        raise UserError(f"{organization.name}: the statement mail has no PDF to attach",
                        f"{organization.name}: 添付する支払い明細書のPDFがありません")
    return items


def compose_statement_mail(*, company: Company, organization: MailOrganization, start: date, end: date,
                           attachments: Sequence[MailAttachment | tuple[str, bytes, str]], sender: str = "",
                           password_delivery: str = "same_mail", message_id: str,
                           recipients: Recipients | None = None,
                           when: datetime | None = None) -> list[EmailMessage]:
    """The statement mail, plus a separate password mail when ``password_delivery`` is ``separate_mail``.

    ``sender`` is the configured From address (empty: the company mail). ``recipients`` overrides
    the addresses computed from the organization and the company (the outbox passes the ones it
    froze). ``message_id`` is the caller's deterministic ID; the password mail derives its own.
    """
    items = _check_inputs(organization, attachments, password_delivery)
    recipients = recipients or statement_recipients(company, organization.email, sender)
    # Every name and address line of the bodies is one line too, cleaned like a header value.
    company, organization = _one_line_fields(company), _one_line_fields(organization)
    when = when or utcnow()
    subject = statement_subject(company, organization, start, end)
    separate = password_delivery == "separate_mail"
    common: dict[str, Any] = {"company": company, "organization": organization, "start": start, "end": end,
                              "attachments": items}

    main = _new_message(subject=subject, company=company, recipients=recipients, message_id=message_id,
                        when=when)
    body: dict[str, Any] = {**common, "greeting": _GREETING, "notice": _SEPARATE_NOTICE if separate else "",
                            "show_passwords": not separate}
    main.set_content(_text_body(**body))
    main.add_alternative(_html_body(subject=subject, **body), subtype="html")
    for item in items:
        main.add_attachment(bytes(item.content), maintype="application", subtype="pdf",
                            filename=item.filename)
        # Some mail programs read the name from Content-Type rather than Content-Disposition.
        parts = main.get_payload()
        attached = parts[-1] if isinstance(parts, list) else None
        assert isinstance(attached, EmailMessage)  # add_attachment made the message multipart, this part last
        attached.set_param("name", item.filename)
    if not separate:
        return [main]

    password_subject = _password_subject(subject)
    second = _new_message(subject=password_subject, company=company, recipients=recipients,
                          message_id=password_message_id(message_id), when=when)
    second["In-Reply-To"] = message_id
    second["References"] = message_id
    body = {**common, "greeting": _PASSWORD_GREETING, "notice": "", "show_passwords": True}
    second.set_content(_text_body(**body))
    second.add_alternative(_html_body(subject=password_subject, **body), subtype="html")
    return [main, second]


def _preview(message: EmailMessage) -> MailPreview:
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    return MailPreview(
        subject=str(message["Subject"]),
        sender=str(message["From"]),
        to=tuple(a.addr_spec for a in message["To"].addresses),
        cc=tuple(a.addr_spec for a in message["Cc"].addresses) if message["Cc"] else (),
        html=html_part.get_content() if html_part is not None else "",
        text=text_part.get_content() if text_part is not None else "",
        attachment_names=tuple(part.get_filename() or "" for part in message.iter_attachments()),
    )


def preview_statement_mail(*, company: Company, organization: MailOrganization, start: date, end: date,
                           attachments: Sequence[MailAttachment | tuple[str, bytes, str]], sender: str = "",
                           password_delivery: str = "same_mail", message_id: str | None = None,
                           recipients: Recipients | None = None) -> list[MailPreview]:
    """The mail(s) exactly as ``compose_statement_mail`` builds them, as plain values for the GUI."""
    recipients = recipients or statement_recipients(company, organization.email, sender)
    messages = compose_statement_mail(
        company=company, organization=organization, start=start, end=end, attachments=attachments,
        sender=sender, password_delivery=password_delivery, recipients=recipients,
        message_id=message_id or f"<oroshi-preview@{message_domain(recipients.sender)}>")
    return [_preview(message) for message in messages]
