"""File names of generated PDFs; users see and search for these, so the patterns are fixed."""

from __future__ import annotations

import re
from datetime import date, datetime

from oroshi_desktop.domain.formats import collapse_spaces, iso_date
from oroshi_desktop.domain.statement_options import StatementFormat

__all__ = [
    "MAX_FILENAME_CHARS",
    "STATEMENT_FORMATS",
    "check_sheet_filename",
    "order_document_filename",
    "preview_filename",
    "safe_filename",
    "statement_filename",
]

MAX_FILENAME_CHARS = 180
MAX_FILENAME_BYTES = 240

# Statement format → the Japanese word in the final file name.
STATEMENT_FORMATS = {fmt.value: fmt.label_ja for fmt in StatementFormat}  # the words in file names

# Forbidden on Windows (plus '/' and NUL on Linux), control characters (C0 and C1) and the line and
# paragraph separators: in a name they break the line a mail body or a log prints it on.
_ILLEGAL = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f\u2028\u2029]')
# Bidirectional controls are dropped: "請求\u202efdp.exe" would show as "請求exe.pdf" (a known spoof).
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Device names Windows reserves in every folder, with any extension ("CON.pdf", "com1.txt", "NUL").
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.IGNORECASE)


def _windows_safe(name: str) -> str:
    """Windows drops trailing dots and spaces (the file would get another name than the one shown)
    and refuses device names whatever the extension: both are changed the same way on every OS."""
    name = name.rstrip(". ") or "_"
    if _RESERVED.match(name.split(".", 1)[0].rstrip(" ")):
        name = "_" + name
    return name


def safe_filename(name: str) -> str:
    """Replace characters illegal in file names with ``_`` and cut to 180 characters (and at most
    240 UTF-8 bytes, since Linux file systems allow 255 bytes and Japanese takes 3 a character),
    keeping the extension."""
    if not name:
        raise ValueError("file name must not be empty")
    cleaned = _windows_safe(_ILLEGAL.sub("_", _BIDI.sub("", name)))
    if _fits(cleaned):
        return cleaned
    stem, dot, ext = cleaned.rpartition(".")
    suffix = dot + ext
    if not dot or not stem or not _fits(suffix + "x"):
        # No usable extension to protect; a plain cut is the best we can do. The cut may end on a
        # space or dot, which Windows would drop (found by the property test): strip it here too.
        return _cut(cleaned, "").rstrip(". ") or "_"
    # rstrip so the cut does not leave "name .pdf", which Windows Explorer shows oddly.
    return _cut(stem, suffix).rstrip(" .") + suffix


def _fits(text: str) -> bool:
    return len(text) <= MAX_FILENAME_CHARS and len(text.encode("utf-8")) <= MAX_FILENAME_BYTES


def _cut(stem: str, suffix: str) -> str:
    stem = stem[: MAX_FILENAME_CHARS - len(suffix)]
    while stem and not _fits(stem + suffix):
        stem = stem[:-1]
    return stem


def _timestamp(now: datetime) -> str:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {now.isoformat()}")
    # Formatted in now's own zone: the caller passes business-local time.
    return now.strftime("%Y%m%d%H%M%S")


def _check_format(fmt: str) -> None:
    if fmt not in STATEMENT_FORMATS:
        raise ValueError(f"unknown statement format {fmt!r}; expected one of {sorted(STATEMENT_FORMATS)}")


def _with_name(entity_name: str, tail: str) -> str:
    """``{name}{tail}`` within the limits, shortening only the name: the period, the format and the
    extension in ``tail`` always survive, so two statements of one run never share a file name."""
    tail = _ILLEGAL.sub("_", tail)
    name = _ILLEGAL.sub("_", _BIDI.sub("", collapse_spaces(entity_name))).strip() or "_"
    while len(name) > 1 and not _fits(name + tail):
        name = name[:-1]
    return safe_filename(name.rstrip(" ") + tail)


def statement_filename(entity_name: str, start: date, end: date, fmt: str) -> str:
    """``{name} ({start} ~ {end}) - 組織.pdf`` or ``... - 供給者.pdf`` for a final statement."""
    _check_format(fmt)
    return _with_name(entity_name, f" ({iso_date(start)} ~ {iso_date(end)}) - {STATEMENT_FORMATS[fmt]}.pdf")


def preview_filename(entity_name: str, start: date, end: date, fmt: str, now: datetime) -> str:
    """``{name} ({start} ~ {end}) - {fmt} [YYYYmmddHHMMSS].pdf``; the stamp keeps previews apart."""
    _check_format(fmt)
    label = STATEMENT_FORMATS.get(fmt, fmt)  # 組織 / 供給者, as in the final file's name
    return _with_name(entity_name, f" ({iso_date(start)} ~ {iso_date(end)}) - {label} [{_timestamp(now)}].pdf")


def order_document_filename(d: date, document_type: str, now: datetime) -> str:
    """``({date}) - {document_type} [YYYYmmddHHMMSS].pdf`` for shipping and order documents."""
    name = f"({iso_date(d)}) - {document_type} [{_timestamp(now)}].pdf"
    return safe_filename(collapse_spaces(name))


def check_sheet_filename(d: date, prefecture: int, reception_time_id: int) -> str:
    """``供給チェック表 {date}{prefecture}{reception_time_id}.pdf``, digits run together as in Rails."""
    return safe_filename(f"供給チェック表 {iso_date(d)}{prefecture}{reception_time_id}.pdf")
