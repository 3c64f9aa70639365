"""Bounced statement mail (不達): notifications read from the office's mailbox and tied to the outbox row they report on.

- ``notification``: one message → what it is (bounce, delay, auto-reply, unrelated) and what it names.
- ``mailbox``: the IMAP mailbox the bounces arrive in (IMAPClient, TLS verified as for SMTP).
- ``check``: the bounce check: read, recognise, match by Message-ID, record, flag or move.
"""
