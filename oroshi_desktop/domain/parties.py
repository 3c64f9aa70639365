"""The parties printed on documents: our company (from company settings) and the receivers."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from typing import Any

from oroshi_desktop.domain.formats import circled_number, prefecture_name
from oroshi_desktop.domain.logo import LOGO_KEY, decode_logo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Company:
    """Company settings (``settings`` row ``oroshi_company_settings``); nothing is hard-coded."""

    name: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    mail: str = ""
    web: str = ""
    invoice_number: str = ""  # stored, never printed (the web system does the same)
    logo_png: bytes = field(default=b"", repr=False)  # checked PNG bytes, or empty: no logo

    @classmethod
    def from_settings(cls, data: dict[str, Any] | None) -> Company:
        data = data or {}
        if not isinstance(data, dict):  # the web system's JSON column holds anything: an array, a number
            from oroshi_desktop.errors import UserError

            raise UserError(f"company settings: settings must be a JSON object, got {type(data).__name__}",
                            f"会社設定: settings がJSONオブジェクトではありません（{type(data).__name__}）")
        text = {f.name: str(data.get(f.name) or "") for f in fields(cls) if f.name != "logo_png"}
        logo, problem = decode_logo(data.get(LOGO_KEY))
        if problem:  # bad data from the web system: documents print without the logo
            log.warning("company settings: the logo is left out (%s)", problem)
        return cls(**text, logo_png=logo)

    @property
    def postal_line(self) -> str:
        return f"〒{self.postal_code}" if self.postal_code else ""

    @property
    def phone_line(self) -> str:
        parts = [f"TEL {self.phone}" if self.phone else "", f"FAX {self.fax}" if self.fax else ""]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class PostalAddress:
    postal_code: str = ""
    line: str = ""  # prefecture + city + address1 + " " + address2

    @classmethod
    def build(cls, postal_code: str | None, subregion_id: int | None, city: str | None,
              address1: str | None, address2: str | None) -> PostalAddress:
        prefecture = ""
        if subregion_id:
            try:
                prefecture = prefecture_name(subregion_id)
            except ValueError:
                prefecture = ""
        head = f"{prefecture}{city or ''}{address1 or ''}"
        line = f"{head} {address2}".strip() if address2 else head
        return cls(postal_code or "", line)


@dataclass(frozen=True)
class Receiver:
    """Who a statement is addressed to: an organization or one producer."""

    name: str
    honorific: str
    registration_number: str
    number: int | None = None  # producer number, printed 〔n〕 and as a circled digit
    address: PostalAddress = PostalAddress()
    phone: str = ""
    fax: str = ""

    @property
    def circled(self) -> str | None:
        return circled_number(self.number) if self.number is not None else None

    @property
    def addressed_name(self) -> str:
        """``① 札幌サーモン株式会社　様`` (circle only for producers 1–19)."""
        prefix = f"{self.circled} " if self.circled else ""
        honorific = f"　{self.honorific}" if self.honorific else ""
        return f"{prefix}{self.name}{honorific}"
