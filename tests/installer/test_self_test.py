"""``oroshi-desktop --self-test`` in a development install: the whole command in a subprocess (as
support runs it), and the keyring check against working and broken backends chosen by name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from oroshi_desktop.cli import self_test
from oroshi_desktop.cli.self_test import (
    CheckFailed,
    SelfTestContext,
    check_keyring,
    open_in_qtpdf,
    run_checks,
)
from tests.helpers.probe_keyring import ForgetfulKeyring, ProbeKeyring

ROOT = Path(__file__).resolve().parents[2]
PROBE = "tests.helpers.probe_keyring.ProbeKeyring"
DOCUMENTS = ("statement", "statement-supplier", "preview", "shipping-chart", "packing-slips", "shipping-list",
             "check-sheet")
EXPECTED_CHECKS = ["qt", "fonts", "translations", "database", *(f"document {d}" for d in DOCUMENTS),
                   "queue", "keyring"]


def self_test_run(*args: str, backend: str, home: Path, extra_env: dict[str, str] | None = None
                  ) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with a user's own settings in place that it must not touch."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OROSHI_", "QT_QPA"))}
    env.update({"OROSHI_HOME": str(home), "PYTHON_KEYRING_BACKEND": backend, "PYTHONPATH": str(ROOT),
                # A user's real mail server and database: the self-test must use neither.
                "OROSHI_SMTP_HOST": "192.0.2.1", "OROSHI_DATABASE_URL": "postgresql://user@192.0.2.1/oroshi"})
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", "--self-test", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_every_check_passes_in_json_and_the_users_home_is_untouched(tmp_path):
    home = tmp_path / "user-home"
    home.mkdir()
    result = self_test_run("--json", backend=PROBE, home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["ok"] is True and summary["frozen"] is False
    assert [c["name"] for c in summary["checks"]] == EXPECTED_CHECKS
    assert all(c["ok"] for c in summary["checks"]), summary["checks"]
    details = {c["name"]: c["detail"] for c in summary["checks"]}
    assert "demo rows" in details["database"]
    assert "password-protected" in details["document statement"]
    assert "ran job" in details["queue"]
    assert PROBE in details["keyring"]
    assert "qtbase_ja.qm loads" in details["translations"]
    # Nothing was written to the user's OROSHI_HOME: no database, no queue, no ledger.
    assert list(home.iterdir()) == []


def test_a_keyring_that_cannot_keep_passwords_fails_with_one_line_naming_it(tmp_path):
    result = self_test_run(backend="keyring.backends.fail.Keyring", home=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(EXPECTED_CHECKS) + 1, result.stdout
    keyring_line = next(line for line in lines if "keyring:" in line)
    assert keyring_line.startswith("FAIL  keyring: backend keyring.backends.fail.Keyring cannot keep passwords")
    # Every other check still ran and passed; the summary names the failure.
    assert sum(line.startswith("ok") for line in lines) == len(EXPECTED_CHECKS) - 1
    assert lines[-1] == (f"self-test FAILED: {len(EXPECTED_CHECKS) - 1} of {len(EXPECTED_CHECKS)} checks passed "
                         "(failed: keyring)")
    assert "Traceback" not in result.stdout + result.stderr


@pytest.fixture
def chosen_keyring():
    previous = keyring.get_keyring()

    def choose(backend):
        keyring.set_keyring(backend)
        return backend

    yield choose
    keyring.set_keyring(previous)


@pytest.mark.parametrize("backend", [null.Keyring(), fail.Keyring()], ids=["null", "fail"])
def test_null_and_fail_backends_are_named(chosen_keyring, backend, tmp_path):
    chosen_keyring(backend)
    with pytest.raises(CheckFailed, match=rf"backend keyring\.backends\.{'null' if isinstance(backend, null.Keyring) else 'fail'}\.Keyring cannot keep passwords"):
        check_keyring(SelfTestContext(home=tmp_path))


def test_a_backend_that_loses_the_probe_fails(chosen_keyring, tmp_path):
    chosen_keyring(ForgetfulKeyring())
    with pytest.raises(CheckFailed, match="ForgetfulKeyring stored a probe secret but gave back nothing"):
        check_keyring(SelfTestContext(home=tmp_path))


def test_a_working_backend_round_trips_and_keeps_nothing(chosen_keyring, tmp_path):
    backend = chosen_keyring(ProbeKeyring())
    detail = check_keyring(SelfTestContext(home=tmp_path))
    assert "ProbeKeyring: a probe secret was stored, read back and deleted" in detail
    assert backend.store == {}


def test_a_pdf_qt_cannot_open_fails_the_document_check(qapp, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a PDF")
    with pytest.raises(CheckFailed, match=r"QtPdf cannot open broken\.pdf"):
        open_in_qtpdf(broken)


def test_one_failing_check_does_not_stop_the_others_and_the_environment_comes_back(monkeypatch):
    monkeypatch.setenv("OROSHI_SMTP_HOST", "mail.example.jp")
    seen: dict[str, str | None] = {}

    def broken(ctx):
        raise RuntimeError("first line\nsecond line")

    def looks(ctx):
        seen["home"] = os.environ.get("OROSHI_HOME")
        seen["smtp"] = os.environ.get("OROSHI_SMTP_HOST")
        return "fine"

    results = run_checks([("broken", broken), ("looks", looks)])
    assert [(r.name, r.ok, r.detail) for r in results] == [
        ("broken", False, "RuntimeError: first line"), ("looks", True, "fine")]
    assert seen["smtp"] is None and "oroshi-self-test-" in (seen["home"] or "")
    assert os.environ["OROSHI_SMTP_HOST"] == "mail.example.jp"
    assert not Path(seen["home"]).exists()  # the temporary home is gone


def test_checks_that_need_the_database_say_they_were_skipped(tmp_path):
    ctx = SelfTestContext(home=tmp_path)
    with pytest.raises(CheckFailed, match="skipped: the database check failed"):
        self_test.check_queue(ctx)
    _name, check = self_test.document_checks()[0]
    with pytest.raises(CheckFailed, match="skipped: the database check failed"):
        check(ctx)
