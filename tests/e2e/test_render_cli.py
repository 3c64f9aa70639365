"""End to end: demo data, then every document through ``oroshi-desktop render``, opened by poppler
and by Qt's PDF module, with the Japanese text checked."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization
from tests.core.test_cli import assert_one_line_error, run

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

# The demo data is dated in the business time zone; the machine's own date may be a day behind.
TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    import os

    home = tmp_path_factory.mktemp("e2e-home")
    old = os.environ.get("OROSHI_HOME")
    os.environ["OROSHI_HOME"] = str(home)
    try:
        assert run("demo").returncode == 0
    finally:
        if old is not None:
            os.environ["OROSHI_HOME"] = old
    return home


@pytest.fixture
def home(demo_home, monkeypatch):
    monkeypatch.setenv("OROSHI_HOME", str(demo_home))
    return demo_home


def pdftotext(path, password=None) -> str:
    args = ["pdftotext", "-layout"] + (["-upw", password] if password else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def qt_text(path, password: str = "") -> str:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if password:
        document.setPassword(password)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_every_document_renders_and_reads_in_japanese(home, tmp_path, qapp):
    database = open_database(f"sqlite:///{home / 'data' / 'oroshi.sqlite3'}")
    with database.read() as session:
        from oroshi_desktop.db.models import SupplyDate

        last_supply_day = session.query(SupplyDate.date).order_by(SupplyDate.date.desc()).first()[0]
        run_row = session.query(Invoice).order_by(Invoice.id).first()
        org_id = session.query(InvoiceSupplierOrganization.supplier_organization_id).filter_by(
            invoice_id=run_row.id).order_by(InvoiceSupplierOrganization.id).first()[0]
    database.dispose()
    out = tmp_path
    cases = [
        (["statement", "--invoice", str(run_row.id), "--organization", str(org_id), "--format", "organization",
          "--password-stdin"], "st.pdf", "a1b2c3d4", ["支払明細書", "登録番号", "8%対象", "※ 軽減税率対象"]),
        (["statement", "--invoice", str(run_row.id), "--organization", str(org_id), "--format", "supplier",
          "--layout", "standard", "--no-password"], "st2.pdf", None, ["支払明細書", "買上金額", "今回支払金額"]),
        (["preview", "--from", str(run_row.start_date), "--to", str(run_row.end_date), "--organization",
          str(org_id), "--format", "organization"], "pv.pdf", None, ["見本", "支払明細書"]),
        (["shipping-chart", "--date", str(TODAY), "--carrier", "1"], "chart.pdf", None, ["出荷表", "合計"]),
        (["packing-slips", "--date", str(TODAY), "--carrier", "1"], "slips.pdf", None, ["卸先用出荷表"]),
        (["shipping-list", "--date", str(TODAY)], "list.pdf", None, ["まとめた出荷明細表"]),
        (["check-sheet", "--date", str(last_supply_day), "--prefecture", "1", "--reception-time", "1"],
         "cs.pdf", None, ["供給・受入チェック表", "北海道"]),
    ]
    for args, name, password, expected in cases:
        target = out / name
        result = run("render", *args, "--out", str(target), input="a1b2c3d4\n")
        assert result.returncode == 0, (args, result.stderr)
        text = pdftotext(target, password)
        for fragment in expected:
            assert fragment in text.replace(" ", "") or fragment in text, (name, fragment)
        assert qt_text(target, password or "").strip(), name
        fonts = subprocess.run(["pdffonts"] + (["-upw", password] if password else []) + [str(target)],
                               capture_output=True, text=True, check=True).stdout
        font_lines = fonts.splitlines()[2:]
        assert font_lines, name
        # Columns end with: emb sub uni object-number generation. Every font must be embedded.
        assert all(line.split()[-5] == "yes" for line in font_lines), fonts
    reader = PdfReader(str(out / "st.pdf"))
    assert reader.is_encrypted and not reader.decrypt("wrong-pass")


def test_render_mistakes_are_one_line(home, tmp_path):
    assert_one_line_error(run("render", "statement", "--invoice", "999999", "--organization", "1", "--format",
                              "organization", "--out", str(tmp_path / "x.pdf")), "999999")
    assert_one_line_error(run("render", "check-sheet", "--date", str(TODAY), "--prefecture", "99",
                              "--reception-time", "1", "--out", str(tmp_path / "x.pdf")), "prefecture")
    assert_one_line_error(run("render", "shipping-chart", "--date", str(TODAY), "--carrier", "4242",
                              "--out", str(tmp_path / "x.pdf")), "4242")
    # A day without orders is refused as in the window and the queue (issue 18, point 9): no page.
    empty = TODAY + timedelta(days=400)
    for document in ("shipping-list", "packing-slips", "shipping-chart"):
        assert_one_line_error(run("render", document, "--date", str(empty), "--carrier", "1",
                                  "--out", str(tmp_path / "x.pdf")), f"no orders ship on {empty.isoformat()}")
    assert not (tmp_path / "x.pdf").exists()


def _statement_args(home, tmp_path) -> list[str]:
    database = open_database(f"sqlite:///{home / 'data' / 'oroshi.sqlite3'}")
    with database.read() as session:
        iso = session.query(InvoiceSupplierOrganization).order_by(InvoiceSupplierOrganization.id).first()
        args = ["render", "statement", "--invoice", str(iso.invoice_id), "--organization",
                str(iso.supplier_organization_id), "--format", "organization"]
    database.dispose()
    return args


def test_a_hand_rendered_statement_gets_a_generated_password_shown_once(home, tmp_path):
    target = tmp_path / "gen.pdf"
    result = run(*_statement_args(home, tmp_path), "--out", str(target))
    assert result.returncode == 0, result.stderr
    password = next(line.split()[1] for line in result.stdout.splitlines() if line.startswith("password: "))
    reader = PdfReader(str(target))
    assert reader.is_encrypted and reader.decrypt(password) and not PdfReader(str(target)).decrypt("wrong")


def test_no_password_from_the_command_line_and_never_an_empty_one(home, tmp_path):
    target = tmp_path / "x.pdf"
    refused = run(*_statement_args(home, tmp_path), "--password", "hunter22", "--out", str(target))
    assert_one_line_error(refused, "--password-stdin")
    assert "hunter22" not in refused.stderr + refused.stdout
    assert_one_line_error(run(*_statement_args(home, tmp_path), "--password-stdin", "--out", str(target),
                              input="\n"), "empty")
    assert not target.exists()


def test_a_missing_output_folder_is_refused_not_created_and_a_full_disk_named(home, tmp_path):
    """`render --out /nonexistent/x.pdf` silently created /nonexistent/ (issue 21, point 6)."""
    missing = tmp_path / "nonexistent" / "x.pdf"
    args = ["render", "check-sheet", "--date", str(TODAY), "--prefecture", "1", "--reception-time", "1"]
    assert_one_line_error(run(*args, "--out", str(missing)), "does not exist")
    assert not missing.parent.exists()
    if Path("/dev/full").exists():
        assert_one_line_error(run(*args, "--out", "/dev/full"), "no space left")
