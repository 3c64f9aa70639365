"""Property-based: hostile text in every field of a statement that reaches the PDF.

Names, addresses and variation names with markup characters, quotes, control characters,
right-to-left marks, emoji, combining characters, 𠮷 and very long strings: the statement always
renders; a short value prints as written (what the fonts cannot draw is reported by
``missing_glyphs`` and left out of the comparison); a long one is shortened with "…", never
dropped and never spilling into another field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.parties import Company, Receiver
from oroshi_desktop.domain.statement_body import SupplyRecord, build_body
from printables.fonts import GOTHIC, missing_glyphs
from printables.statement import render_statement
from tests.printables.test_statement import synthetic

HOSTILE = st.sampled_from([*"<>&\"'/\\;", "&amp;", "<b>", "</para>", "&#x41;", "\u200f", "\u202e",
                                                 "\u0301", "😀", "𠮷", "\u3000", "\t", "\x00", "\x1b", "\x85",
                                                 "ｱ", "鮭", "ホタテ", "Ａ", "a", "1"])
ORDINARY = st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Sm"), max_codepoint=0x9FFF)
FIELD = st.lists(st.one_of(HOSTILE, ORDINARY), min_size=1, max_size=14).map("".join)
LONG = st.lists(st.one_of(HOSTILE, ORDINARY), min_size=300, max_size=2000).map("".join)

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Bidi marks, zero-width characters, BOM: removed before printing (printables.text).
_FORMAT = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """What a reader can see of ``text``: no controls, no whitespace, nothing the fonts lack."""
    text = _FORMAT.sub("", _CONTROL.sub("", text))
    missing = missing_glyphs(text, GOTHIC)
    return "".join(ch for ch in text if not ch.isspace() and ch not in missing)


def page_text(pdf: bytes) -> str:
    """All text of the PDF without whitespace; a .notdef box (a missing glyph) extracts as NUL and
    is dropped like the missing character itself is dropped by ``visible``."""
    reader = PdfReader(BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages).replace("\x00", "")


def hostile_statement(name: str, company: str, address: str, variation: str, layout: str):
    base = synthetic(1, layout)
    record = SupplyRecord(date=date(2025, 10, 1), supplier_id=1, variation_id=1, variation_name=variation,
                          unit="kg", type_position=1, variation_position=1, quantity=Decimal("2"),
                          price=Decimal("1000"))
    return replace(base, organization_name=name,
                   receiver=Receiver(name=name, honorific="御中", registration_number="T9876543210987"),
                   company=Company(name=company, address=address, invoice_number="T1234567890123"),
                   body=build_body([record], Rounding.HALF_UP))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=FIELD, company=FIELD, address=FIELD, variation=FIELD, layout=st.sampled_from(["simple", "standard"]))
def test_short_hostile_values_print_as_written(name, company, address, variation, layout):
    text = page_text(render_statement(hostile_statement(name, company, address, variation, layout)))
    for field, value in (("organization", name), ("company", company), ("address", address),
                         ("variation", variation)):
        assert visible(value) in text, (field, value, text[:400])
    assert "2,000円" in text or "2,000" in text  # the amount is untouched by the text around it


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=LONG, variation=LONG, layout=st.sampled_from(["simple", "standard"]))
def test_long_values_are_shortened_never_lost(name, variation, layout):
    pdf = render_statement(hostile_statement(name, "株式会社オロシ", "北海道札幌市", variation, layout))
    text = page_text(pdf)
    assert visible(name)[:8] in text  # the start of the name is always printed
    assert visible(variation)[:4] in text
    assert "2,000" in text
