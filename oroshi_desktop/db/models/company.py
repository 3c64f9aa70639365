"""The host app's ``settings`` table; the row ``oroshi_company_settings`` holds company data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from oroshi_desktop.db.models.base import Base, IdMixin, Timestamps
from oroshi_desktop.db.types import JsonB

COMPANY_SETTINGS_NAME = "oroshi_company_settings"


class SettingsRow(IdMixin, Timestamps, Base):
    __tablename__ = "settings"
    name: Mapped[str | None] = mapped_column(String)
    settings: Mapped[dict[str, Any] | None] = mapped_column(JsonB())
