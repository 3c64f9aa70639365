"""SQLAlchemy models: the Oroshi engine's tables (same names) and the app's own tables.

The package loads its model modules on first use of any name in it (``models.Order``, ``from
oroshi_desktop.db.models import Order``), all at once: declaring the ≈ 40 mapped classes costs a
large share of a cold start, and the window's first view (今日) reads through ``db.tables``
instead (issue 20 point 1). All at once, because a mapper is configured against every class its
relationships name, and ``Base.metadata`` must hold every table before a schema is created. Import a
submodule directly only for a constant (``models.app.OUTBOX_EVENT_KINDS``, ``models.base.BigId``).
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from oroshi_desktop.db.models.app import (
        APP_TABLE_PREFIX,
        ArchiveChainRecord,
        ArchiveFacts,
        JobRow,
        OutboxEvent,
        OutboxMessage,
        Preference,
        QueueFlag,
        ScheduleSlot,
        StoredDocument,
        SupplyTypeTaxRate,
    )
    from oroshi_desktop.db.models.base import Base
    from oroshi_desktop.db.models.company import COMPANY_SETTINGS_NAME, SettingsRow
    from oroshi_desktop.db.models.sales import (
        Buyer,
        BuyerBuyerCategory,
        BuyerCategory,
        BuyerShippingMethod,
        Order,
        OrderCategory,
        OrderOrderCategory,
        OrderTemplate,
        Product,
        ProductInventory,
        ProductVariation,
        ShippingMethod,
        ShippingOrganization,
        ShippingReceptacle,
    )
    from oroshi_desktop.db.models.statements import (
        Invoice,
        InvoiceLayout,
        InvoiceSupplierOrganization,
        InvoiceSupplyDate,
    )
    from oroshi_desktop.db.models.supply import (
        Address,
        Supplier,
        SupplierOrganization,
        SupplierOrganizationReceptionTime,
        SupplierSupplyTypeVariation,
        Supply,
        SupplyDate,
        SupplyDateSupplier,
        SupplyDateSupplierOrganization,
        SupplyReceptionTime,
        SupplyType,
        SupplyTypeVariation,
    )

__all__ = [
    "APP_TABLE_PREFIX", "COMPANY_SETTINGS_NAME", "Address", "ArchiveChainRecord", "ArchiveFacts", "Base", "Buyer", "BuyerBuyerCategory",
    "BuyerCategory", "BuyerShippingMethod", "Invoice", "InvoiceLayout", "InvoiceSupplierOrganization",
    "InvoiceSupplyDate", "JobRow", "Order", "OrderCategory", "OrderOrderCategory", "OrderTemplate",
    "OutboxEvent", "OutboxMessage", "Preference", "Product", "ProductInventory", "ProductVariation", "QueueFlag",
    "ScheduleSlot", "SettingsRow",
    "ShippingMethod", "ShippingOrganization", "ShippingReceptacle", "StoredDocument", "Supplier",
    "SupplierOrganization", "SupplierOrganizationReceptionTime", "SupplierSupplyTypeVariation",
    "Supply", "SupplyDate", "SupplyDateSupplier", "SupplyDateSupplierOrganization",
    "SupplyReceptionTime", "SupplyType", "SupplyTypeTaxRate", "SupplyTypeVariation",
]

MODULES = ("app", "base", "company", "sales", "statements", "supply")
_loading = threading.RLock()  # re-entrant: a model module that used a package name would not hang


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _loading:  # one thread declares the classes; another waits for all of them
        for module_name in MODULES:
            module = importlib.import_module(f"{__name__}.{module_name}")
            globals().update({n: getattr(module, n) for n in __all__ if hasattr(module, n)})
    return globals()[name]
