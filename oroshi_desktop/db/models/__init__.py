"""SQLAlchemy models: the Oroshi engine's tables (same names) and the app's own tables."""

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
