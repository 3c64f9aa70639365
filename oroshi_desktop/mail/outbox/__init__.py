"""The mail outbox (送信キュー): one row per organization send, so no statement mail goes out silently twice.

The rules (ARCHITECTURE.md §5), one module each:
- ``states``: the states, the due rule (in SQL) and the run's sent state.
- ``preparation``: every organization row on its own; freezes the PDFs and recipients, composes the
  mail once with a globally unique Message-ID and stores its exact bytes, all before any SMTP
  connection. A bad organization fails alone, with its reason on its row.
- ``delivery``: one conditional UPDATE claims a row; the stored bytes are sent; the outcome is
  ``sent``, ``failed`` (permanent or transient) or ``uncertain`` from the transport's error kind.
  In a batch (``deliver_rows``) a row's ``sent`` commits together with the next row's claim.
- ``recovery``: stale ``sending`` rows become ``uncertain``, never ``pending``; 送信済みにする and 再送.
- ``preview``: メールのプレビュー.

Passwords never enter the outbox row: it holds document ids, and the PDF passwords are read from
``oroshi_invoice_supplier_organizations.passwords`` only while composing (the stored message of
the same-mail mode carries them, like the mail itself).
"""

from __future__ import annotations

from oroshi_desktop.mail.outbox.delivery import claim, deliver, deliver_rows
from oroshi_desktop.mail.outbox.preparation import Preparation, RowFailure, prepare_outbox, prepare_run
from oroshi_desktop.mail.outbox.preview import OrganizationMailPreview, preview_invoice_mails
from oroshi_desktop.mail.outbox.recovery import mark_sent, recover_stale, resend
from oroshi_desktop.mail.outbox.states import (
    CLAIMABLE,
    FAILED,
    PENDING,
    PERMANENT,
    SENDING,
    SENT,
    STATES,
    TRANSIENT,
    UNCERTAIN,
    DeliveryResult,
    DeliveryStatus,
    default_worker_id,
    due_invoices,
    due_invoices_query,
    latest_outbox_rows,
)
from oroshi_desktop.mail.outbox.states import mail_organization as _mail_organization
from oroshi_desktop.mail.outbox.states import organization_of as _organization
from oroshi_desktop.mail.outbox.stored_messages import message_bytes

__all__ = [
    "CLAIMABLE",
    "FAILED",
    "PENDING",
    "PERMANENT",
    "SENDING",
    "SENT",
    "STATES",
    "TRANSIENT",
    "UNCERTAIN",
    "DeliveryResult",
    "DeliveryStatus",
    "OrganizationMailPreview",
    "Preparation",
    "RowFailure",
    "claim",
    "default_worker_id",
    "deliver",
    "deliver_rows",
    "due_invoices",
    "due_invoices_query",
    "latest_outbox_rows",
    "mark_sent",
    "message_bytes",
    "prepare_outbox",
    "prepare_run",
    "preview_invoice_mails",
    "recover_stale",
    "resend",
]

# Kept importable for the benchmark's composing baseline (bench/mail_check.py).
_ = (_mail_organization, _organization)
