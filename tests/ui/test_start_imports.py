"""The window's start path loads nothing its first view does not need (issue 20 point 1): no
workbook writer, no mail composer or SMTP transport, no PDF renderer, no queue, no migrations, no
keyring, no ORM model. Each of these costs tens to hundreds of milliseconds at every start; they load
on first use. The first view reads through Core table clauses (``db.tables``), so declaring the ≈ 40
mapped classes waits until something uses a model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = ("openpyxl", "smtplib", "email.generator", "oroshi_desktop.mail.compose",
                "oroshi_desktop.mail.transport", "oroshi_desktop.mail.outbox", "reportlab", "huey", "alembic",
                "keyring", "ui.orders.documents", "oroshi_desktop.domain.shipping")
# The ORM and its models: the models package itself is light (it loads these on first use of a
# model), and the database hands out sessions, which need the ORM, only when first asked for one.
MODELS = ("sqlalchemy.orm", "oroshi_desktop.db.models.app", "oroshi_desktop.db.models.company",
          "oroshi_desktop.db.models.sales", "oroshi_desktop.db.models.statements", "oroshi_desktop.db.models.supply", "oroshi_desktop.queries.archive")


def heavy_modules_after(statements: str) -> list[str]:
    """The heavy modules loaded by ``statements`` in a fresh interpreter (this test process has long
    imported everything)."""
    probe = f"import sys; {statements}; print(' '.join(m for m in {NOT_AT_START + MODELS!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_start_path_and_the_first_view_load_no_heavy_module():
    assert heavy_modules_after("import ui.app, ui.today.view, ui.main_window") == []


def test_the_command_line_entry_loads_no_heavy_module_before_the_window():
    # `oroshi-desktop` with no command starts the window through the CLI: its parser (every
    # subcommand's options) is built first, so the command modules must not load Alembic, the
    # models, the mail outbox or the shipping domain at import (the bench's child skips the CLI).
    assert heavy_modules_after("import oroshi_desktop.cli as cli; cli.build_parser(); "
                               "import ui.app, ui.today.view, ui.main_window") == []


def test_reading_the_first_view_declares_no_model(tmp_path):
    # 今日's read (on a pool thread while the window paints): db.tables on a Core connection, no ORM.
    from sqlalchemy import create_engine

    from oroshi_desktop.db import models

    path = tmp_path / "today.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    models.Base.metadata.create_all(engine)
    engine.dispose()
    probe = ("import sys; from datetime import datetime, UTC; from zoneinfo import ZoneInfo; "
             "import ui.app, ui.today.view, ui.main_window; "
             "from oroshi_desktop.db.engine import open_database; from oroshi_desktop.today import read_today; "
             f"db = open_database({f'sqlite:///{path}'!r}); "
             "today = read_today(db, db, now=datetime.now(UTC), tz=ZoneInfo('Asia/Tokyo'), pc='pc'); "
             "assert today.shipments == [] and today.failed_jobs == []; "
             f"print(' '.join(m for m in {MODELS!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
