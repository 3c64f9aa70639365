"""Every command of ``oroshi-desktop --help`` with wrong input: one line, exit 2, nothing changed.

The walk reads the real parser, fills each command's required options with plausible values and
then spoils one value at a time (wrong type, out of range, beyond 64 bits, NaN, a missing id, an
unwritable output), on the demo database. It runs the real ``main()`` in-process for speed; a
sample of each kind of mistake also runs as a subprocess of the real CLI. Any traceback fails.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from oroshi_desktop.cli import build_parser, main
from tests.core.test_cli import assert_one_line_error, run

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
NO_SUCH_ID = "999999"
# Spoilt values by the option's type name.
BAD_VALUES = {
    "int": ["abc", "-5", "99999999999999999999", "1.5", ""],
    "record_id": ["abc", "-5", "0", "99999999999999999999", ""],
    "_date": ["2026-02-30", "yesterday", ""],
    "float": ["nan", "inf", "-1", "abc"],
    "Path": ["{missing_parent}/x.pdf"],
}
SKIP_COMMANDS = {("worker",), ("db", "set-password"), ("jobs", "pause"), ("jobs", "resume")}  # run forever/ask


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*prefix, name))
            return
    yield prefix, parser


def type_name(action: argparse.Action) -> str:
    return getattr(action.type, "__name__", "") if action.type else ""


def plausible(action: argparse.Action, tmp: Path) -> list[str]:
    if action.choices:
        return [str(next(iter(action.choices)))]
    name = type_name(action)
    if name == "_date":
        return [TODAY]
    if name == "Path":
        return [str(tmp / "out.pdf")]
    if name in ("int", "record_id"):
        return ["1"]
    if name == "float":
        return ["15"]
    return ["x"]


def skeleton(parser: argparse.ArgumentParser, tmp: Path) -> list[tuple[argparse.Action, list[str]]]:
    parts = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
            continue
        if not action.option_strings or action.required:
            parts.append((action, plausible(action, tmp)))
    return parts


def cases(tmp: Path):
    """(command, argv, what was spoilt) for every typed option and positional of every command."""
    for prefix, parser in commands(build_parser()):
        if prefix in SKIP_COMMANDS or not prefix:
            continue
        base = skeleton(parser, tmp)
        typed = [a for a in parser._actions if type_name(a) in BAD_VALUES]
        for action in typed:
            for bad in BAD_VALUES[type_name(action)]:
                bad = bad.format(missing_parent=tmp / "file.txt")
                argv = list(prefix)
                for other, values in base:
                    if other is action:
                        continue
                    argv += ([other.option_strings[0]] if other.option_strings else []) + values
                argv += ([action.option_strings[0]] if action.option_strings else []) + [bad]
                yield prefix, argv, f"{action.dest}={bad!r}"
        ids = [a for a in parser._actions if type_name(a) in ("int", "record_id")
               and a.dest in ("id", "invoice", "organization", "carrier", "prefecture")]
        for action in ids:
            argv = list(prefix)
            for other, values in base:
                value = [NO_SUCH_ID] if other is action else values
                argv += ([other.option_strings[0]] if other.option_strings else []) + value
            if all(other is not action for other, _values in base):  # an optional id
                argv += [action.option_strings[0], NO_SUCH_ID]
            yield prefix, argv, f"{action.dest} does not exist"


def run_in_process(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 2
        except Exception as exc:  # a traceback the user would have seen
            return -1, f"Traceback: {type(exc).__name__}: {exc}"
    return code, err.getvalue()


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("mistakes-home")
    old = os.environ.get("OROSHI_HOME")
    os.environ["OROSHI_HOME"] = str(home)
    try:
        assert run("demo").returncode == 0
    finally:
        if old is not None:
            os.environ["OROSHI_HOME"] = old
    return home


@pytest.mark.slow
def test_every_command_answers_every_mistake_in_one_line(demo_home, tmp_path, monkeypatch):
    monkeypatch.setenv("OROSHI_HOME", str(demo_home))
    (tmp_path / "file.txt").write_text("a file, not a folder")
    failures: list[str] = []
    tried: Counter[str] = Counter()
    for prefix, argv, what in cases(tmp_path):
        tried[" ".join(prefix)] += 1
        code, stderr = run_in_process(argv)
        lines = stderr.strip().splitlines()
        if code != 2 or "Traceback" in stderr or len(lines) != 1:
            failures.append(f"{' '.join(argv)} [{what}] → exit {code}: {stderr.strip()[:300]}")
    print(f"bad inputs tried: {sum(tried.values())} over {len(tried)} commands")
    Path(os.environ.get("CLI_MISTAKES_REPORT", os.devnull)).write_text("\n".join(failures))
    assert not failures, "\n".join(failures)
    assert sum(tried.values()) > 100


@pytest.mark.parametrize("env, args, fragment", [
    ({"OROSHI_DATABASE_URL": "postgresql://clerk@127.0.0.1:1/oroshi"}, ["db", "check"], "127.0.0.1"),
    ({"OROSHI_DATABASE_URL": "postgresql://clerk@db.office:abc/oroshi"}, ["db", "check"], "port"),
    ({"OROSHI_DATABASE_URL": "sqlite:////etc/hostname"}, ["db", "check"], "hostname"),
    ({"OROSHI_QUEUE_URL": "redis://127.0.0.1:1/0"}, ["jobs", "status"], "127.0.0.1"),
    ({"OROSHI_SMTP_TIMEOUT": "nan"}, ["db", "check"], "timeout"),
    ({}, ["render", "statement", "--invoice", "99999999999999999999", "--organization", "1", "--format",
          "organization", "--out", "x.pdf"], "--invoice"),
    ({}, ["outbox", "recover", "--lease-minutes", "nan"], "--lease-minutes"),
])
def test_unreachable_servers_and_bad_urls_are_one_line(demo_home, monkeypatch, env, args, fragment):
    monkeypatch.setenv("OROSHI_HOME", str(demo_home))
    assert_one_line_error(run(*args, env=env), fragment)
