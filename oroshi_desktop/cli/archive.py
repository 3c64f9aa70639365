"""``oroshi-desktop archive verify | head``: 整合性チェック of the statement archive's hash chain,
and its head, shown or saved for an auditor to compare later (電子帳簿保存法)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from oroshi_desktop.cli.wiring import opened_database
from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError, write_refused


def _read_head(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"cannot read the exported chain head {path}: {getattr(err, 'strerror', None) or err}",
                        f"書き出した連鎖の先頭 {path} を読み取れません") from None


def cmd_archive_verify(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.archive_chain import audit, head_line

    expected = _read_head(args.head) if args.head else None
    with opened_database(settings) as database:
        problems, head = database.reading(audit, expected)
    for problem in problems:
        print(f"problem: {problem.message}")
    print(head_line(head))
    if problems:
        print(f"{len(problems)} problem(s): the archive was changed after it was stored")
        return 1
    print(f"the archive chain is intact ({head.seq if head else 0} record(s))")
    return 0


def cmd_archive_head(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.archive_chain import chain_head, head_line

    with opened_database(settings) as database:
        line = head_line(database.reading(chain_head))
    if args.save:
        target = Path(args.save)
        try:
            target.write_text(line + "\n", encoding="utf-8")
        except OSError as err:
            raise write_refused(target, err) from None
    print(line)
    return 0


def add_archive_commands(commands: Any) -> None:
    archive = commands.add_parser("archive", help="the statement archive (書類保管): 整合性チェック and its chain head")
    archive_commands = archive.add_subparsers(title="archive commands", metavar="ACTION", required=True)
    verify = archive_commands.add_parser("verify", help="整合性チェック: every stored statement against its chain")
    verify.add_argument("--head", metavar="FILE", help="also compare with a head saved earlier by `archive head --save`")
    verify.set_defaults(handler=cmd_archive_verify)
    head = archive_commands.add_parser("head", help="the chain's head: one line to keep or give to an auditor")
    head.add_argument("--save", metavar="FILE", help="also write the line to FILE")
    head.set_defaults(handler=cmd_archive_head)
