"""Printing through QPrinter into a PDF file: the same pages, the same text, each page's own paper."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from oroshi_desktop.errors import UserError
from tests.helpers.printing import print_pdf_to_file
from tests.ui.pdf_fixtures import (
    JIS_B4,
    PASSWORD,
    PRODUCER_NAME,
    answer_modal,
    japanese_app,
    mixed_sizes_pdf,
    pdf_pages,
    pdf_text,
    protected_statement,
)
from ui.operations import wait_for_operations
from ui.printing import print_pdf
from ui.qt import QPrintDialog, QPrinter


@pytest.fixture(autouse=True)
def _font(qapp):  # type: ignore[no-untyped-def]
    return japanese_app(qapp)


def _characters(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s+", "", text))


def test_statement_prints_to_pdf_with_its_pages_and_text(qapp, sqlite_db, tmp_path: Path) -> None:
    data, _fixture = protected_statement(sqlite_db)
    source = tmp_path / "statement.pdf"
    source.write_bytes(data)
    printed = tmp_path / "printed.pdf"
    sheets = print_pdf_to_file(data, printed, PASSWORD)
    pages = pdf_pages(source, PASSWORD)
    assert pages >= 2 and sheets == pages == pdf_pages(printed)
    original, copy = pdf_text(source, PASSWORD), pdf_text(printed)
    assert PRODUCER_NAME in copy and "支払明細書" in copy
    # The same characters, each as often (line breaks and the order of text runs may differ).
    assert _characters(copy) == _characters(original)


def test_page_range_and_copies_are_honoured(qapp, sqlite_db, tmp_path: Path) -> None:
    data, _fixture = protected_statement(sqlite_db)
    printed = tmp_path / "two.pdf"
    assert print_pdf_to_file(data, printed, PASSWORD, copies=2, first_page=2, last_page=2) == 2
    assert pdf_pages(printed) == 2
    second = pdf_text(printed).split("\f")
    assert second[0].strip() and second[0] == second[1]
    with pytest.raises(UserError):
        print_pdf_to_file(data, tmp_path / "bad.pdf", PASSWORD, first_page=5, last_page=9)


def test_each_page_keeps_its_own_size_and_orientation(qapp, tmp_path: Path) -> None:
    printed = tmp_path / "mixed.pdf"
    print_pdf_to_file(mixed_sizes_pdf(), printed)
    first, second = PdfReader(printed).pages
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (595, 842)
    b4_long, b4_short = round(JIS_B4[1]), round(JIS_B4[0])
    assert abs(round(float(second.mediabox.width)) - b4_long) <= 1
    assert abs(round(float(second.mediabox.height)) - b4_short) <= 1
    assert "B4 landscape" in pdf_text(printed)


def test_print_dialog_then_rendering_off_the_gui_thread(qapp, qtbot, sqlite_db, tmp_path: Path) -> None:
    data, _fixture = protected_statement(sqlite_db)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "dialog.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    seen = answer_modal(QPrintDialog, lambda dialog: dialog.accept())
    print_pdf(None, data, PASSWORD, title="明細書", printer=printer)
    assert wait_for_operations(30000)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=10000)
    assert len(seen) == 1
    assert PRODUCER_NAME in pdf_text(out)


def test_the_dialogs_page_range_and_copies_become_the_request(qapp) -> None:
    from ui.printing import _page_order, _request

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    request = _request(printer, 5)
    assert (request.first_page, request.last_page) == (1, 2)
    expected_copies = 1 if printer.supportsMultipleCopies() else 2
    assert request.copies == expected_copies
    assert _page_order(request) == ([1, 2] if expected_copies == 1 else [1, 1, 2, 2])
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert (_request(printer, 5).first_page, _request(printer, 5).last_page) == (0, 4)


@pytest.fixture(scope="module")
def cups_queue():  # type: ignore[no-untyped-def]
    from tests.helpers.cups_server import start_cups

    server = start_cups()
    if isinstance(server, str):
        pytest.skip(server)
    yield server
    server.stop()


def _print_in_child(data: bytes, queue: str, title: str, server) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """``print_pdf`` to ``queue`` in a child process, whose Qt asks the private cupsd from the start;
    what the child saw (the printer, whether it takes PDF, the status bar's message)."""
    import json
    import os
    import subprocess
    import sys

    child = subprocess.run([sys.executable, str(Path(__file__).with_name("cups_print_child.py")), queue, PASSWORD,
                            title], input=data, capture_output=True, timeout=120, cwd=Path(__file__).parents[2],
                           env={**os.environ, **server.env, "QT_QPA_PLATFORM": "offscreen"})
    assert child.returncode == 0, child.stderr.decode(errors="replace")[-2000:]
    seen: dict[str, object] = json.loads(child.stdout.decode().strip().splitlines()[-1])
    assert seen["printer"] == queue and seen["takes_pdf"] is True
    return seen


def _pdftotext(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_cups_queue_gets_the_pdf_itself_with_its_text(sqlite_db, tmp_path: Path, cups_queue) -> None:
    """Where CUPS takes PDF, the statement itself is spooled (no page images): pdftotext reads it,
    and the status bar names the printer and the sheets."""
    from tests.helpers.cups_server import QUEUE, wait_for_output

    data, _fixture = protected_statement(sqlite_db)
    seen = _print_in_child(data, QUEUE, "支払明細書 2026/12/01〜2026/12/07", cups_queue)
    spooled = wait_for_output(cups_queue)
    assert spooled.startswith(b"%PDF")
    out = tmp_path / "spooled.pdf"
    out.write_bytes(spooled)
    text = _pdftotext(out)
    assert PRODUCER_NAME in text and "支払明細書" in text  # text, not page images
    pages = pdf_pages(out)
    assert f"プリンター「{QUEUE}」に{pages}枚" in str(seen["message"])


def test_a_cups_pdf_printer_gets_pages_of_text_not_images(sqlite_db, tmp_path: Path, cups_queue) -> None:
    """Through the real cups-pdf backend (CUPS: pdftopdf, pdftops, then Ghostscript), as a clerk's
    PDF printer prints: every page arrives, with fonts and no image, and every figure of the
    statement (amounts, dates, numbers) is read back by pdftotext. Its Japanese is not: cups-pdf's
    PostScript round trip drops the fonts' Unicode map (the glyphs print, pdftotext cannot name
    them), which the raw queue above shows is not the app's doing."""
    import re
    import subprocess
    import uuid

    from tests.helpers.cups_server import wait_for_cups_pdf

    if cups_queue.pdf_queue is None:
        pytest.skip(cups_queue.pdf_queue_missing)
    data, _fixture = protected_statement(sqlite_db)
    source = tmp_path / "statement.pdf"
    source.write_bytes(data)
    token = f"oroshi{uuid.uuid4().hex[:10]}"
    seen = _print_in_child(data, cups_queue.pdf_queue, f"{token} 支払明細書 2026/12/01", cups_queue)
    printed = tmp_path / "cups-pdf.pdf"
    printed.write_bytes(wait_for_cups_pdf(cups_queue, token))
    pages = pdf_pages(source, PASSWORD)
    assert pdf_pages(printed) == pages and f"プリンター「{cups_queue.pdf_queue}」に{pages}枚" in str(seen["message"])
    images = subprocess.run(["pdfimages", "-list", str(printed)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2, images  # the header only: no page became a picture
    fonts = subprocess.run(["pdffonts", str(printed)], capture_output=True, text=True, check=True).stdout
    assert len(fonts.strip().splitlines()) > 2, fonts
    figures = Counter(re.findall(r"[0-9][0-9,.]*[0-9]", pdf_text(source, PASSWORD)))
    assert sum(figures.values()) >= 10 and figures == Counter(re.findall(r"[0-9][0-9,.]*[0-9]", _pdftotext(printed)))


def test_a_job_title_has_no_slash() -> None:
    from oroshi_desktop.cups import job_title

    assert job_title("支払明細書 2026/12/01〜2026/12/07") == "支払明細書 2026-12-01〜2026-12-07"
    assert job_title("a\\b\nc") == "a-b c"
