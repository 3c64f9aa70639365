"""AES-256 (R6) encryption of statements: opens with the password only, in pypdf and poppler."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PasswordType, PdfReader
from pypdf.generic import NameObject

from printables.encryption import encrypt_pdf
from printables.pages import build_pdf
from printables.text import plain, styles

PASSWORD = "Uni-2024!ほたて"


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    st = styles()
    return build_pdf(
        [plain("支払明細書", st["title"]), plain("山田水産 様 ①", st["normal"])],
        title="支払明細書 2024年4月",
        author="株式会社オロシ",
    )


@pytest.fixture(scope="module")
def encrypted(plain_pdf: bytes) -> bytes:
    return encrypt_pdf(plain_pdf, PASSWORD)


def test_right_password_opens(encrypted: bytes) -> None:
    reader = PdfReader(BytesIO(encrypted))
    assert reader.is_encrypted
    assert reader.decrypt(PASSWORD) != PasswordType.NOT_DECRYPTED
    assert "支払明細書" in reader.pages[0].extract_text()


def test_wrong_password_fails(encrypted: bytes) -> None:
    reader = PdfReader(BytesIO(encrypted))
    assert reader.decrypt("wrong") == PasswordType.NOT_DECRYPTED
    assert reader.decrypt("") == PasswordType.NOT_DECRYPTED


def test_uses_aes_256_revision_6(encrypted: bytes) -> None:
    encrypt = PdfReader(BytesIO(encrypted)).trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5
    assert encrypt["/R"] == 6
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == NameObject("/AESV3")


def test_metadata_is_not_readable_without_password(plain_pdf: bytes, encrypted: bytes) -> None:
    # R6 encrypts the Info strings too, not only the page content.
    assert b"(oroshi-desktop)" in plain_pdf
    assert b"oroshi-desktop" not in encrypted


def test_metadata_preserved(encrypted: bytes) -> None:
    reader = PdfReader(BytesIO(encrypted))
    reader.decrypt(PASSWORD)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "支払明細書 2024年4月"
    assert meta.author == "株式会社オロシ"
    assert meta.creator == "oroshi-desktop"


def test_empty_password_rejected(plain_pdf: bytes) -> None:
    with pytest.raises(ValueError):
        encrypt_pdf(plain_pdf, "")


def test_already_encrypted_rejected(encrypted: bytes) -> None:
    with pytest.raises(ValueError):
        encrypt_pdf(encrypted, PASSWORD)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_opens_with_password(encrypted: bytes, tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(encrypted)
    ok = subprocess.run(
        ["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stderr
    assert "支払明細書" in ok.stdout
    assert "山田水産 様 ①" in ok.stdout
    refused = subprocess.run(
        ["pdftotext", "-upw", "wrong", str(path), "-"], capture_output=True, text=True, check=False
    )
    assert refused.returncode != 0
    assert "支払明細書" not in refused.stdout


def test_declares_the_pdf_version_its_encryption_needs(encrypted: bytes) -> None:
    # R6 is PDF 2.0 / PDF 1.7 extension level 8; a 1.3 header with no extension entry lies.
    assert encrypted.startswith(b"%PDF-1.7")
    reader = PdfReader(BytesIO(encrypted))
    assert reader.decrypt(PASSWORD)
    adbe = reader.trailer["/Root"]["/Extensions"]["/ADBE"]
    assert adbe["/BaseVersion"] == "/1.7" and int(adbe["/ExtensionLevel"]) == 8
