"""The ``oroshi-desktop`` command: the GUI by default, plus database, demo and render commands.

This module is the composition root: it alone may import the upper layers, and only lazily inside
the command that needs them, so ``oroshi-desktop db check`` never loads Qt or ReportLab.
A user's mistake prints one line and exits non-zero; a bug keeps its traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from oroshi_desktop.cli.common import OneLineParser, non_negative_int, open_db, positive_int, require_healthy
from oroshi_desktop.cli.self_test import add_self_test_options, run_self_test
from oroshi_desktop.config import Settings, load_settings
from oroshi_desktop.errors import UserError
from oroshi_desktop.logs import LOG_FORMAT, OneLineFormatter
from oroshi_desktop.version import installed_version_line

EXIT_USER_ERROR = 2



def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.db import schema

    database = open_db(settings)
    created = schema.upgrade(database)
    if created:
        print(f"created {len(created)} table(s): {', '.join(created)}")
    else:
        print("schema is up to date; nothing created")
    problems = schema.check(database)
    for problem in problems:
        print(f"  {problem.describe()}")
    return 1 if problems else 0


def cmd_db_check(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.db import schema

    database = open_db(settings)
    problems = schema.check(database)
    if not problems:
        print(f"database {database.display_url} is healthy (schema revision {schema.current_revision(database)})")
        return 0
    print(f"database {database.display_url} has {len(problems)} problem(s):")
    for problem in problems:
        print(f"  - {problem.describe()}")
    return 1


def cmd_db_set_password(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    from oroshi_desktop import secrets
    from oroshi_desktop.db.engine import parse_database_url

    url = parse_database_url(settings.effective_database_url)
    if url.get_backend_name() != "postgresql" or not url.username:
        raise UserError("the configured database needs no password (not a PostgreSQL URL with a user name)",
                        "設定されたデータベースにはパスワードは不要です")
    password = getpass.getpass(f"password for {url.username}@{url.host}: ")
    secrets.set_secret(secrets.database_key(url.username, url.host or "localhost", url.port, url.database),
                       password)
    print("password stored in the OS keyring")
    return 0


@dataclass(frozen=True)
class MailServer:
    """A mail server whose password the CLI stores: ``smtp`` (sending) or ``imap`` (the bounce mailbox).
    ``section`` names both its settings table and its keyring entry (``secrets.smtp_key``/``imap_key``)."""

    section: str
    help: str
    missing_ja: str

    @property
    def kind(self) -> str:
        return self.section.upper()

    def set_password(self, args: argparse.Namespace, settings: Settings) -> int:
        """The password goes to the keyring only: typed at a prompt (or read from standard input for
        scripted installs), never from the command line."""
        import getpass

        from oroshi_desktop import secrets

        server = settings.smtp if self.section == "smtp" else settings.imap
        host, username = server.host, server.username
        if not host or not username:
            env = f"OROSHI_{self.kind}"
            raise UserError(f"set {self.section}.host and {self.section}.username first (settings.toml or "
                            f"{env}_HOST / {env}_USERNAME); the password is stored for that user at that server",
                            self.missing_ja)
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass(f"{self.kind} password for {username}@{host}: ")
        if not password:
            raise UserError("the password is empty; nothing was stored", "パスワードが空です。保存していません")
        key = secrets.smtp_key if self.section == "smtp" else secrets.imap_key
        secrets.set_secret(key(username, host), password)
        print(f"{self.kind} password for {username}@{host} stored in the OS keyring")
        return 0


MAIL_SERVERS = (
    MailServer("smtp", "the mail server's password", "先にSMTPサーバーとユーザー名を設定してください"),
    MailServer("imap", "the bounce mailbox's password", "先に不達確認のIMAPサーバーとユーザー名を設定してください"),
)


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.demo import generate_demo

    if args.scale < 1:
        raise UserError("--scale must be at least 1", "--scale は1以上にしてください")
    database = open_db(settings, upgrade=True)
    require_healthy(database)
    summary = generate_demo(database, scale=args.scale, seed=args.seed, force=args.force,
                            progress=lambda line: print(line, flush=True))
    print(f"demo data written to {database.display_url}: {summary.total:,} rows")
    return 0


def cmd_gui(args: argparse.Namespace, settings: Settings) -> int:
    from ui.app import run_gui

    return run_gui(settings, sys.argv[:1])


def _show_start_error(err: UserError) -> None:
    try:
        from ui.start_error import show_start_error
    except ImportError:  # a core-only install without Qt: the stderr line is all there is
        return
    show_start_error(err)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="oroshi-desktop",
        description="Payment statements, shipping documents, check sheets and their mail for Oroshi. "
                    "Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=installed_version_line())
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail to stderr")
    add_self_test_options(parser)
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    db = commands.add_parser("db", help="create or check the database schema")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="create the app's tables (and, on an empty database, the Oroshi "
                                           "tables); never alters a table of the web system"
                           ).set_defaults(handler=cmd_db_upgrade)
    db_commands.add_parser("check", help="list every required table or column that is missing"
                           ).set_defaults(handler=cmd_db_check)
    db_commands.add_parser("set-password", help="store the database password in the OS keyring"
                           ).set_defaults(handler=cmd_db_set_password)

    for server in MAIL_SERVERS:
        section = commands.add_parser(server.section, help=server.help)
        actions = section.add_subparsers(title=f"{server.section} commands", metavar="ACTION", required=True)
        password = actions.add_parser("set-password", help=f"store the {server.kind} password in the OS keyring")
        password.add_argument("--password-stdin", action="store_true",
                              help="read it from the first line of standard input instead of a prompt")
        password.set_defaults(handler=server.set_password)

    demo = commands.add_parser("demo", help="fill the configured database with realistic demo data")
    demo.add_argument("--scale", type=positive_int, default=1, help="multiply organizations, producers, days and "
                                                           "orders (default 1)")
    demo.add_argument("--seed", type=non_negative_int, default=0, help="random seed; the same seed gives the same data")
    demo.add_argument("--force", action="store_true", help="add demo data even if the database is not empty")
    demo.set_defaults(handler=cmd_demo)

    from oroshi_desktop.cli.archive import add_archive_commands
    from oroshi_desktop.cli.bounces import add_bounce_commands
    from oroshi_desktop.cli.enqueue import add_enqueue_commands
    from oroshi_desktop.cli.jobs import add_job_commands
    from oroshi_desktop.cli.outbox import add_outbox_commands
    from oroshi_desktop.cli.render import add_render_commands
    from oroshi_desktop.cli.worker import add_worker_commands

    add_render_commands(commands)
    add_worker_commands(commands)
    add_job_commands(commands)
    add_enqueue_commands(commands)
    add_outbox_commands(commands)
    add_bounce_commands(commands)
    add_archive_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stderr = logging.StreamHandler()
    stderr.setFormatter(OneLineFormatter(LOG_FORMAT))  # a name with a line break cannot forge a log line
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, handlers=[stderr])
    try:
        if args.self_test:  # before the settings: the self-test never reads the user's own
            return run_self_test(as_json=args.json)
        settings = load_settings()
        code = args.handler(args, settings)
        sys.stdout.flush()  # here, so a reader that went away is answered below, not at exit
        return code
    except UserError as err:
        print(f"oroshi-desktop: error: {err.message}", file=sys.stderr)
        if args.handler is cmd_gui:  # started from a menu there is no console to read the line in
            _show_start_error(err)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`oroshi-desktop outbox list | head -1`): not an error of ours. Point
        # stdout at nothing so the interpreter's final flush does not complain a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # what a shell reports for a command ended by SIGPIPE
    except Exception as err:
        from oroshi_desktop.db.engine import database_locked, unreachable_reason

        line = unreachable_reason(err)
        if line is None:
            raise  # a bug: its traceback
        # Outside a session of the store: the same line as ``Database.write`` gives, without the file.
        locked = database_locked(err)
        if locked is not None:
            print(f"oroshi-desktop: error: {locked.message}", file=sys.stderr)
            return EXIT_USER_ERROR
        if "disk is full" in line:  # SQLite's words; the file is intact, the disk is not
            line += " — free some space on that disk and try again; the database was not changed"
        elif "readonly" in line or "read-only" in line:
            line += " — the database's folder or file is read-only for this user"
        print(f"oroshi-desktop: error: database: {line}", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
