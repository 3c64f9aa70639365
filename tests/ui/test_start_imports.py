"""The window's start path loads nothing its first view does not need (issue 20 point 1): no
workbook writer, no mail composer or SMTP transport, no PDF renderer, no queue, no migrations, no
keyring. Each of these costs tens to hundreds of milliseconds at every start; they load on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = ("openpyxl", "smtplib", "email.generator", "oroshi_desktop.mail.compose",
                "oroshi_desktop.mail.transport", "oroshi_desktop.mail.outbox", "reportlab", "huey", "alembic",
                "keyring")


def test_the_start_path_and_the_first_view_load_no_heavy_module():
    # A fresh interpreter: this test process has long imported everything.
    probe = ("import sys, ui.app, ui.today.view, ui.main_window; "
             f"print(' '.join(m for m in {NOT_AT_START!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
