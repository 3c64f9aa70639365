"""A real mail system on loopback for the bounce tests: Postfix delivering a test domain to Maildirs
(and bouncing what it cannot deliver with a real RFC 3464 DSN) and Dovecot serving those Maildirs
over IMAP. Both from Debian's packages, configured and run inside one temporary folder on free
ports, stopped at the end; nothing leaves the machine (``default_transport = error``).

Postfix's master and Dovecot must start as root; the mailboxes belong to ``nobody``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.pgserver import free_port
from tests.helpers.smtp_server import TlsFiles

DOMAIN = "oroshi.test"
MAIL_UID = 65534  # nobody: owns the Maildirs, for Postfix's virtual agent and Dovecot alike
POSTFIX = shutil.which("postfix") or "/usr/sbin/postfix"
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def missing_reason() -> str | None:
    """Why the real mail system cannot run here, or None."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return "needs root (Postfix's master and Dovecot start as root)"
    if not (Path(POSTFIX).exists() and Path("/etc/postfix/master.cf").exists()):
        return "needs Debian's postfix package (installer/dev.sh installs it)"
    if not Path(DOVECOT).exists():
        return "needs Debian's dovecot-imapd package (installer/dev.sh installs it)"
    return None


@dataclass
class MailSystem:
    root: Path
    smtp_port: int
    imap_port: int
    passwords: dict[str, str]
    imaps_port: int = 0  # IMAP over TLS from the first byte; with ``tls`` the plain port offers STARTTLS

    def maildir(self, user: str) -> Path:
        return self.root / "mail" / DOMAIN / user / "Maildir"

    def delivered(self, user: str) -> list[bytes]:
        """The messages in a user's Maildir (new and cur), oldest first."""
        files = [p for folder in ("new", "cur") for p in (self.maildir(user) / folder).glob("*") if p.is_file()]
        return [p.read_bytes() for p in sorted(files, key=lambda p: p.stat().st_mtime)]

    def wait_for(self, user: str, count: int, timeout: float = 60.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while True:
            messages = self.delivered(user)
            if len(messages) >= count or time.monotonic() > deadline:
                return messages
            time.sleep(0.2)

    def log(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in (self.root / "maillog", self.root / "dovecot.log")
                         if p.exists())


def _run(command: list[str]) -> None:
    # postfix reports its errors only to a terminal or its log: ``script`` gives it a terminal.
    subprocess.run(["script", "-qc", " ".join(command), "/dev/null"], check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)


def _write_postfix(root: Path, users: list[str], port: int) -> Path:
    config, queue, data = root / "postfix", root / "queue", root / "data"
    for folder in (config, queue, data):
        folder.mkdir(parents=True)
    shutil.chown(data, "postfix")
    (config / "vmailbox").write_text("".join(f"{user}@{DOMAIN} {DOMAIN}/{user}/Maildir/\n" for user in users),
                                     encoding="utf-8")
    (config / "main.cf").write_text("\n".join([
        "compatibility_level = 3.6", f"queue_directory = {queue}", f"data_directory = {data}",
        "mail_owner = postfix", "setgid_group = postdrop", "inet_interfaces = 127.0.0.1", "inet_protocols = ipv4",
        f"myhostname = mail.{DOMAIN}", "mydestination =", "mynetworks = 127.0.0.0/8", "relay_domains =",
        f"virtual_mailbox_domains = {DOMAIN}", f"virtual_mailbox_base = {root / 'mail'}",
        f"virtual_mailbox_maps = texthash:{config / 'vmailbox'}", f"virtual_uid_maps = static:{MAIL_UID}",
        f"virtual_gid_maps = static:{MAIL_UID}", "virtual_minimum_uid = 100",
        # Accept every recipient of the domain, then bounce the unknown ones: the office's server
        # answers 250 and a DSN follows, as with a supplier's real mail server.
        "smtpd_reject_unlisted_recipient = no", "smtpd_relay_restrictions = permit_mynetworks, reject",
        "default_transport = error:nothing leaves this test", "biff = no",
        f"maillog_file = {root / 'maillog'}", f"maillog_file_prefixes = {root}",
    ]) + "\n", encoding="utf-8")
    master = Path("/etc/postfix/master.cf").read_text(encoding="utf-8")
    master = re.sub(r"(?m)^smtp\s+inet\s.*$", f"127.0.0.1:{port} inet n - n - - smtpd", master)
    (config / "master.cf").write_text(master, encoding="utf-8")
    return config


def _write_dovecot(root: Path, passwords: dict[str, str], port: int, tls: TlsFiles | None = None,
                   tls_port: int = 0) -> Path:
    run = root / "dovecot-run"
    run.mkdir()
    users = root / "dovecot-users"
    users.write_text("".join(f"{user}@{DOMAIN}:{{PLAIN}}{password}::::::\n" for user, password in passwords.items()),
                     encoding="utf-8")
    users.chmod(0o644)
    config = root / "dovecot.conf"
    config.write_text(f"""
base_dir = {run}
state_dir = {root / 'dovecot-state'}
log_path = {root / 'dovecot.log'}
protocols = imap
listen = 127.0.0.1
{f"ssl = yes{chr(10)}ssl_cert = <{tls.cert_file}{chr(10)}ssl_key = <{tls.key_file}" if tls else "ssl = no"}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 100
mail_location = maildir:{root / 'mail'}/%d/%n/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {users}
}}
userdb {{
  driver = static
  args = uid={MAIL_UID} gid={MAIL_UID} home={root / 'mail'}/%d/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
""", encoding="utf-8")
    (root / "dovecot-state").mkdir()
    return config


@contextmanager
def mail_system(users: list[str], *, postfix: bool = True, tls: TlsFiles | None = None) -> Iterator[MailSystem]:
    """Dovecot (and Postfix unless ``postfix=False``) for ``users`` at the test domain; password = user name + "-pw".
    With ``tls`` (certificates of ``smtp_server.make_certificates``) Dovecot also serves IMAPS and STARTTLS."""
    # Not under pytest's tmp_path: its parents are private to root, and the daemons run as other users.
    root = Path(tempfile.mkdtemp(prefix="oroshi-mail-"))
    root.chmod(0o755)
    mail = root / "mail" / DOMAIN
    for user in users:
        for folder in ("new", "cur", "tmp"):
            (mail / user / "Maildir" / folder).mkdir(parents=True)
    for path in [root / "mail", *(root / "mail").rglob("*")]:
        os.chown(path, MAIL_UID, MAIL_UID)
    passwords = {user: f"{user}-pw" for user in users}
    system = MailSystem(root, free_port() if postfix else 0, free_port(), passwords, free_port() if tls else 0)
    dovecot_config = _write_dovecot(root, passwords, system.imap_port, tls, system.imaps_port)
    postfix_config = _write_postfix(root, users, system.smtp_port) if postfix else None
    started: list[list[str]] = []
    try:
        # Dovecot forks into the background: its output goes to a file, or the pipes would stay open.
        with open(root / "dovecot-start.log", "wb") as output:
            subprocess.run([DOVECOT, "-c", str(dovecot_config)], check=True, stdin=subprocess.DEVNULL,
                           stdout=output, stderr=output, timeout=60)
        started.append([DOVECOT, "-c", str(dovecot_config), "stop"])
        if postfix_config is not None:
            _run([POSTFIX, "-c", str(postfix_config), "start"])
            started.append([POSTFIX, "-c", str(postfix_config), "stop"])
        _wait_listening(system.imap_port)
        if postfix:
            _wait_listening(system.smtp_port)
        yield system
    finally:
        for command in reversed(started):
            with suppress(subprocess.SubprocessError):
                _run(command)
        shutil.rmtree(root, ignore_errors=True)


def _wait_listening(port: int, timeout: float = 20.0) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def dsn_for(message_id: str, recipient: str, *, status: str = "5.1.1",
            diagnostic: str = 'unknown user: "nosuchuser"') -> bytes:
    """A Postfix DSN (the corpus's own, as Postfix writes it) about ``message_id`` sent to ``recipient``."""
    template = (Path(__file__).parents[1] / "fixtures" / "bounces" / "postfix_unknown_user.eml").read_bytes()
    return (template.replace(b"<5b1f0c2a9d8e4f7a.oroshi@oroshi.test>", message_id.encode())
            .replace(b"nosuchuser@oroshi.test", recipient.encode()).replace(b"5.1.1", status.encode())
            .replace(b'unknown user: "nosuchuser"', diagnostic.encode()))
