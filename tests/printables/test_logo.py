"""The company logo on the standard statement (header centre) and the check sheet (last row):
rendered to PNG with ``pdftoppm -r 80`` and compared pixel by pixel with the same document
without a logo — the logo changes only its own cell, a broken logo changes nothing."""

from __future__ import annotations

import io
import logging
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import COMPANY_SETTINGS_NAME, SettingsRow
from oroshi_desktop.domain.logo import encode_logo
from printables.check_sheet import render_check_sheet
from printables.statement import render_statement
from tests.printables.check_sheet_fixtures import build_check_sheet_fixture
from tests.printables.statement_fixtures import build_statement_fixture
from tests.printables.test_check_sheet import load as load_sheet
from tests.printables.test_statement import PASSWORD
from tests.printables.test_statement import load as load_statement_of

DPI = 80
PT = DPI / 72  # pixels per point


def logo_png(size: tuple[int, int] = (300, 100)) -> bytes:
    """A wide logo: a red bar and a blue disc on transparency."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((0, h // 4, w * 2 // 3, h * 3 // 4), fill=(200, 30, 30, 255))
    draw.ellipse((w * 2 // 3, 0, w - 1, h - 1), fill=(30, 60, 200, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def corrupt_png() -> bytes:
    """A PNG whose header is fine and whose image data is cut off."""
    good = logo_png()
    return good[:60] + b"\x00" * 40


def raster(pdf: bytes, tmp_path: Path, name: str, password: str | None = None) -> list[Image.Image]:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-r", str(DPI), "-png", *(["-upw", password] if password else []), str(source),
               str(tmp_path / name)]
    subprocess.run(command, check=True, capture_output=True)
    return [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob(f"{name}-*.png"))]


def changed_box(a: Image.Image, b: Image.Image) -> tuple[int, int, int, int] | None:
    return ImageChops.difference(a, b).getbbox()


@pytest.fixture
def statement_db(sqlite_db: Database):  # type: ignore[no-untyped-def]
    with sqlite_db.write() as session:
        fixture = build_statement_fixture(session)
    return sqlite_db, fixture


def test_standard_statement_shows_the_logo_in_the_header_centre_only(statement_db, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    database, fixture = statement_db
    plain = load_statement_of(database, fixture, "organization", "standard")
    assert plain.company.logo_png == b""
    with_logo = replace(plain, company=replace(plain.company, logo_png=logo_png()))
    broken = replace(plain, company=replace(plain.company, logo_png=corrupt_png()))
    (base,) = raster(render_statement(plain, password=PASSWORD), tmp_path, "plain", PASSWORD)[:1]
    (logo,) = raster(render_statement(with_logo, password=PASSWORD), tmp_path, "logo", PASSWORD)[:1]
    with caplog.at_level(logging.WARNING):
        (bad,) = raster(render_statement(broken, password=PASSWORD), tmp_path, "bad", PASSWORD)[:1]
    assert "logo is left out" in caplog.text
    assert changed_box(base, bad) is None, "a broken logo changes nothing on the page"
    box = changed_box(base, logo)
    assert box is not None, "the logo is drawn"
    left, top, right, bottom = box
    page_width = base.size[0]
    # within the middle third of the content width, near the top, at most 46 pt tall
    assert page_width / 3 - 5 < left and right < page_width * 2 / 3 + 5
    assert top < 80 * PT and bottom - top <= 46 * PT + 2
    # aspect kept: the drawn logo is three times as wide as tall (300 × 100)
    assert abs((right - left) / (bottom - top) - 3) < 0.25
    # the red of the bar is on the page
    assert logo.getpixel(((left + right) // 3, (top + bottom) // 2))[0] > 150


def test_simple_layout_has_no_logo_place(statement_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, fixture = statement_db
    plain = load_statement_of(database, fixture, "organization", "simple")
    with_logo = replace(plain, company=replace(plain.company, logo_png=logo_png()))
    a = raster(render_statement(plain, password=PASSWORD), tmp_path, "s_plain", PASSWORD)
    b = raster(render_statement(with_logo, password=PASSWORD), tmp_path, "s_logo", PASSWORD)
    assert all(changed_box(x, y) is None for x, y in zip(a, b, strict=True))


def test_the_logo_comes_from_the_company_settings_row(statement_db) -> None:  # type: ignore[no-untyped-def]
    database, fixture = statement_db
    with database.write() as session:
        row = session.query(SettingsRow).filter(SettingsRow.name == COMPANY_SETTINGS_NAME).one()
        row.settings = {**row.settings, "logo_png": encode_logo(logo_png())}
    statement = load_statement_of(database, fixture, "organization", "standard")
    assert statement.company.logo_png == logo_png()


def test_bad_logo_data_from_the_web_system_still_renders(statement_db, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    database, fixture = statement_db
    with database.write() as session:
        row = session.query(SettingsRow).filter(SettingsRow.name == COMPANY_SETTINGS_NAME).one()
        row.settings = {**row.settings, "logo_png": "not base64 at all!"}
    with caplog.at_level(logging.WARNING):
        statement = load_statement_of(database, fixture, "organization", "standard")
    assert statement.company.logo_png == b"" and "logo is left out" in caplog.text
    assert raster(render_statement(statement, password=PASSWORD), tmp_path, "web", PASSWORD)


def test_check_sheet_shows_the_logo_in_the_last_row(sqlite_db: Database, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.write() as session:
        fx = build_check_sheet_fixture(session)
    plain = load_sheet(sqlite_db, [1], [fx.morning])
    with_logo = replace(plain, company=replace(plain.company, logo_png=logo_png((200, 200))))
    broken = replace(plain, company=replace(plain.company, logo_png=corrupt_png()))
    (base,) = raster(render_check_sheet(plain), tmp_path, "c_plain")
    (logo,) = raster(render_check_sheet(with_logo), tmp_path, "c_logo")
    with caplog.at_level(logging.WARNING):
        (bad,) = raster(render_check_sheet(broken), tmp_path, "c_bad")
    assert changed_box(base, bad) is None
    box = changed_box(base, logo)
    assert box is not None
    left, top, right, bottom = box
    width = base.size[0]
    column = (width - 2 * 15 * PT) / 8
    # columns 4–5 of eight, in the lower part of the page; a square logo stays square
    assert 15 * PT + 3 * column - 2 < left and right < 15 * PT + 5 * column + 2
    assert abs((right - left) - (bottom - top)) <= 3
    assert bottom - top <= 48 * PT + 2
