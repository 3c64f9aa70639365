"""Demo purchasing side: master data, supply days and supplies (the statement runs: ``demo.invoices``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from oroshi_desktop.db import models
from oroshi_desktop.demo import catalog
from oroshi_desktop.demo.bulk import Row
from oroshi_desktop.demo.catalog import OrganizationSpec, ProducerSpec, VariationSpec
from oroshi_desktop.demo.context import Context, half_months, registration_number

if TYPE_CHECKING:
    from oroshi_desktop.demo.invoices import InvoicePlan

REDUCED_TAX_RATE = Decimal("0.08")  # 軽減税率: every demo supply type is food

# How often things happen; tuned so a producer-day yields about 7 supplies.
PRODUCER_RELIABILITY = (0.75, 0.95)  # chance that a producer delivers on a supply day
SLOT_CHANCE = 0.8  # chance that a delivering producer uses a given reception time
FREE_ENTRY_ACTIVITY = 0.3  # the hand-written group delivers only now and then
SECOND_BASKET_CHANCE = 0.2  # producers in a second price block (different unit price)
ZERO_PRICE_SUPPLIES = (2, 3)  # left without a price on the last day: the 未設定単価 warning


@dataclass
class VariationState:
    id: int
    type_id: int
    spec: VariationSpec
    pieces: bool  # units 個: whole-number quantities


@dataclass
class ProducerState:
    id: int
    variations: list[VariationState]
    reliability: float
    basket: int  # 0 or 1: which price block of the organization applies


@dataclass
class OrganizationState:
    id: int
    free_entry: bool
    has_email: bool
    reception_times: list[tuple[int, int]]  # (id, hour)
    variations: list[VariationState]
    producers: list[ProducerState] = field(default_factory=list)


@dataclass
class SupplyMaster:
    variations: dict[str, VariationState]  # by handle
    type_ids: dict[str, int]  # by handle
    organizations: list[OrganizationState]


def create_company_settings(ctx: Context) -> None:
    """The company row, unless one exists: never overwrite a real company's settings."""
    table = models.SettingsRow.__table__
    existing = ctx.writer.scalar(select(table.c.id).where(table.c.name == models.COMPANY_SETTINGS_NAME).limit(1))
    if existing is None:
        ctx.writer.add(table, {"name": models.COMPANY_SETTINGS_NAME, "settings": dict(catalog.COMPANY_SETTINGS),
                               "created_at": ctx.created, "updated_at": ctx.created})
    ctx.writer.report(table)


def create_master(ctx: Context) -> SupplyMaster:
    w, created = ctx.writer, ctx.created
    stamps = {"created_at": created, "updated_at": created}

    rt_table = models.SupplyReceptionTime.__table__
    rt_ids = dict(zip((q for q, _ in catalog.RECEPTION_TIMES),
                      w.reserve_ids(rt_table, len(catalog.RECEPTION_TIMES)), strict=True))
    for qualifier, hour in catalog.RECEPTION_TIMES:
        w.add(rt_table, {"id": rt_ids[qualifier], "hour": hour, "time_qualifier": qualifier, **stamps})

    type_table, var_table = models.SupplyType.__table__, models.SupplyTypeVariation.__table__
    type_ids = dict(zip((t.handle for t in catalog.SUPPLY_TYPES),
                        w.reserve_ids(type_table, len(catalog.SUPPLY_TYPES)), strict=True))
    all_variations = [(t, v) for t in catalog.SUPPLY_TYPES for v in t.variations]
    var_ids = w.reserve_ids(var_table, len(all_variations))
    variations: dict[str, VariationState] = {}
    for position, spec in enumerate(catalog.SUPPLY_TYPES, start=1):
        w.add(type_table, {"id": type_ids[spec.handle], "name": spec.name, "units": spec.units,
                           "handle": spec.handle, "liquid": spec.liquid, "position": position,
                           "active": True, **stamps})
    for var_id, (type_spec, variation) in zip(var_ids, all_variations, strict=True):
        variations[variation.handle] = VariationState(var_id, type_ids[type_spec.handle], variation,
                                                      pieces=type_spec.units == "個")
        w.add(var_table, {"id": var_id, "supply_type_id": type_ids[type_spec.handle], "name": variation.name,
                          "handle": variation.handle, "default_container_count": variation.containers,
                          "position": type_spec.variations.index(variation) + 1, "active": True, **stamps})
    tax_table = models.SupplyTypeTaxRate.__table__
    for type_id in type_ids.values():
        w.add(tax_table, {"supply_type_id": type_id, "tax_rate": REDUCED_TAX_RATE, "updated_at": created})
    w.report(rt_table, type_table, var_table, tax_table)

    organizations = _create_organizations(ctx, rt_ids, variations)
    return SupplyMaster(variations, type_ids, organizations)


def _organization_specs(ctx: Context) -> list[OrganizationSpec]:
    """The §7 organizations, generated ones up to the plan's count, then the free-entry group."""
    rng = ctx.rng
    specs = list(catalog.NAMED_ORGANIZATIONS)
    handles = [v.handle for t in catalog.SUPPLY_TYPES for v in t.variations]
    # Shuffled, so that even a few generated organizations spread over several prefectures.
    areas = rng.sample(catalog.FISHING_AREAS, len(catalog.FISHING_AREAS))
    for i in range(ctx.plan.organizations - len(specs)):
        prefecture, town, area, phone_code = areas[i % len(areas)]
        round_no = i // len(areas)
        union = rng.random() < 0.7
        name = f"{area}漁業協同組合" if union else f"{area}水産株式会社"
        if round_no:
            name += f" 第{round_no + 1}支所"
        types = rng.sample(catalog.SUPPLY_TYPES, k=rng.choice((1, 2, 2, 3)))
        pool = tuple(h for h in handles if any(h in (v.handle for v in t.variations) for t in types))
        local = f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
        specs.append(OrganizationSpec(
            entity_name=name, entity_type=0 if union else 1, subregion_id=prefecture, micro_region=area,
            invoice_number=registration_number(rng), email=f"org{i + 3:04d}@example.com",
            phone=f"{phone_code}-{local}", fax=f"{phone_code}-{local[:-1]}9",
            reception_times=rng.choice((("午前", "午後"), ("午前",), ("午前", "夜"), ("午前", "午後", "夜"))),
            postal_code=f"{rng.randint(0, 999):03d}-{rng.randint(0, 9999):04d}",
            address1=f"{town}港町{rng.randint(1, 5)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}",
            address2=None, free_entry=False, producers=(), extra_producers=0, variation_pool=pool,
        ))
    specs.append(catalog.FREE_ENTRY_ORGANIZATION)
    return specs


def _create_organizations(ctx: Context, rt_ids: dict[str, int],
                          variations: dict[str, VariationState]) -> list[OrganizationState]:
    w, rng, created = ctx.writer, ctx.rng, ctx.created
    stamps = {"created_at": created, "updated_at": created}
    org_table, addr_table = models.SupplierOrganization.__table__, models.Address.__table__
    link_table = models.SupplierOrganizationReceptionTime.__table__
    specs = _organization_specs(ctx)
    org_ids = w.reserve_ids(org_table, len(specs))
    states = []
    for org_id, spec in zip(org_ids, specs, strict=True):
        w.add(org_table, {
            "id": org_id, "entity_name": spec.entity_name, "entity_type": spec.entity_type,
            "country_id": catalog.COUNTRY_JAPAN, "subregion_id": spec.subregion_id,
            "micro_region": spec.micro_region, "invoice_number": spec.invoice_number,
            "invoice_name": spec.entity_name, "honorific_title": "御中", "email": spec.email,
            "phone": spec.phone, "fax": spec.fax, "free_entry": spec.free_entry, "active": True, **stamps,
        })
        w.add(addr_table, {
            "addressable_type": catalog.ORG_ADDRESSABLE_TYPE, "addressable_id": org_id,
            "name": spec.entity_name, "company": spec.entity_name, "address1": spec.address1,
            "address2": spec.address2, "city": spec.micro_region, "postal_code": spec.postal_code,
            "phone": spec.phone, "alternative_phone": None, "country_id": catalog.COUNTRY_JAPAN,
            "subregion_id": spec.subregion_id, "default": True, "active": True, **stamps,
        })
        for qualifier in spec.reception_times:
            w.add(link_table, {"supplier_organization_id": org_id, "supply_reception_time_id": rt_ids[qualifier]})
        states.append(OrganizationState(
            id=org_id, free_entry=spec.free_entry, has_email=bool(spec.email),
            reception_times=[(rt_ids[q], dict(catalog.RECEPTION_TIMES)[q]) for q in spec.reception_times],
            variations=[variations[h] for h in spec.variation_pool],
        ))
    w.report(org_table, addr_table, link_table)

    sup_table, allowed_table = models.Supplier.__table__, models.SupplierSupplyTypeVariation.__table__
    for spec, state in zip(specs, states, strict=True):
        count = len(spec.producers) + spec.extra_producers
        if ctx.plan.scale > 1 and not spec.free_entry:
            count = max(count, ctx.plan.producers)
        producers = _producer_specs(ctx, spec, count)
        ids = w.reserve_ids(sup_table, len(producers))
        for sup_id, producer in zip(ids, producers, strict=True):
            w.add(sup_table, {
                "id": sup_id, "supplier_organization_id": state.id, "supplier_number": producer.number,
                "company_name": producer.company_name, "short_name": producer.short_name,
                "representatives": list(producer.representatives), "invoice_number": producer.invoice_number,
                "invoice_name": producer.company_name, "honorific_title": "様",
                "phone": f"0{rng.randint(10, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                "user_id": None, "active": True, **stamps,
            })
            allowed = [variations[h] for h in producer.variations]
            for variation in allowed:
                w.add(allowed_table, {"supplier_id": sup_id, "supply_type_variation_id": variation.id, **stamps})
            # The §7 producers keep the organization's main price; later ones may form a second block.
            basket = int(producer.number > 2 and count >= 4 and rng.random() < SECOND_BASKET_CHANCE)
            state.producers.append(ProducerState(sup_id, allowed, rng.uniform(*PRODUCER_RELIABILITY), basket))
    w.report(sup_table, allowed_table)
    return states


def _producer_specs(ctx: Context, org: OrganizationSpec, count: int) -> list[ProducerSpec]:
    """The named producers, then generated ones numbered on (1–19 print as circled digits)."""
    rng = ctx.rng
    producers = list(org.producers)
    used = {p.company_name for p in producers} | {p.short_name for p in producers}
    pool = list(org.variation_pool)
    attempts = 0
    while len(producers) < count:
        number = len(producers) + 1
        company, short, reps = _producer_name(ctx)
        if company in used or short in used:
            attempts += 1
            if attempts < 20:
                continue
            # Name pools exhausted for this organization: the producer number makes it unique.
            company, short = f"{company}{number}", f"{short}{number}"
        attempts = 0
        used.update((company, short))
        allowed = rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3))))
        producers.append(ProducerSpec(number, company, short, reps, registration_number(rng),
                                      tuple(sorted(allowed, key=pool.index))))
    return producers


def _producer_name(ctx: Context) -> tuple[str, str, tuple[str, ...]]:
    """(company_name, short_name, representatives) for a generated producer."""
    rng = ctx.rng
    family, given = rng.choice(catalog.FAMILY_NAMES), rng.choice(catalog.GIVEN_NAMES)
    kind = rng.random()
    if kind < 0.35:  # an individual fisher
        return f"{family} {given}", f"{family}{given[0]}", (f"{family} {given}",)
    word = rng.choice(("水産", "漁業", "海産", "商店"))
    if kind < 0.7:
        return f"{family}{word}", f"{family}{word}", (f"{family} {given}",)
    return f"株式会社{family}{word}", f"{family}{word}", (f"{family} {given}", f"{family} {rng.choice(catalog.GIVEN_NAMES)}")


def supply_days(ctx: Context) -> list[date]:
    """10–15 days per half-month (never every day), the running half-month pro rata, and today."""
    rng, days = ctx.rng, []
    for start, end in half_months(ctx.history_start, ctx.today):
        candidates = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        natural_end = start.replace(day=15) if start.day <= 15 else _month_end(start)
        if end < natural_end:
            # The running half-month, cut at today: about the same density. Today always has
            # deliveries, so the entry grid and the check sheet open on data.
            days.extend([d for d in candidates[:-1] if rng.random() < 0.8] + [end])
            continue
        k = rng.randint(min(10, len(candidates)), min(15, len(candidates)))
        if end == ctx.today:
            days.extend([*sorted(rng.sample(candidates[:-1], k - 1)), end])
        else:
            days.extend(sorted(rng.sample(candidates, k)))
    return days


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def create_supply_dates(ctx: Context, days: list[date]) -> dict[date, int]:
    """Find or create one row per day (``date`` is unique; ``--force`` may meet existing days)."""
    w, table = ctx.writer, models.SupplyDate.__table__
    existing = dict(w.execute(select(table.c.date, table.c.id)
                              .where(table.c.date.between(days[0], days[-1]))).all())
    missing = [d for d in days if d not in existing]
    ids = dict(zip(missing, w.reserve_ids(table, len(missing)), strict=True))
    for day in missing:
        stamp = ctx.at(day, 8)
        w.add(table, {"id": ids[day], "date": day, "totals": {}, "created_at": stamp, "updated_at": stamp})
    w.report(table)
    return {d: existing.get(d) or ids[d] for d in days}


def create_supplies(ctx: Context, master: SupplyMaster, days: list[date], date_ids: dict[date, int],
                    invoices: list[InvoicePlan]) -> None:
    """Per day, organization, producer, reception time and allowed variation: 1–4 containers."""
    w, rng = ctx.writer, ctx.rng
    supply_table = models.Supply.__table__
    day_sup_table, day_org_table = models.SupplyDateSupplier.__table__, models.SupplyDateSupplierOrganization.__table__
    # Locking follows invoice_supply_dates: a covered day locks the covered organizations' supplies.
    locked: dict[int, list[tuple[date, date]]] = {}
    for plan in invoices:
        for org_id in plan.organization_ids:
            locked.setdefault(org_id, []).append((plan.start, plan.end))
    prices: dict[tuple[int, int, int], float] = {}
    period_end: date | None = None
    for day in days:
        if period_end is None or day > period_end:
            period_end = day.replace(day=15) if day.day <= 15 else _month_end(day)
            prices = _period_prices(ctx, master.organizations)
        sd_id = date_ids[day]
        rows: list[Row] = []
        for org in master.organizations:
            if org.free_entry and rng.random() > FREE_ENTRY_ACTIVITY:
                continue
            is_locked = any(s <= day <= e for s, e in locked.get(org.id, ()))
            delivered = False
            for producer in org.producers:
                if rng.random() > producer.reliability:
                    continue
                producer_delivered = False
                for rt_id, hour in org.reception_times:
                    if rng.random() > SLOT_CHANCE:
                        continue
                    stamp = ctx.at(day, hour, 30)
                    for variation in producer.variations:
                        price = prices[(org.id, variation.id, producer.basket)]
                        lo, hi = variation.spec.quantity
                        for index in range(min(rng.randint(1, 4), variation.spec.containers)):
                            quantity = (float(rng.randrange(int(lo), int(hi) + 1, 10)) if variation.pieces
                                        else round(rng.uniform(lo, hi), 1))
                            rows.append({
                                "supply_date_id": sd_id, "supplier_id": producer.id,
                                "supply_type_variation_id": variation.id, "supply_reception_time_id": rt_id,
                                "quantity": quantity, "price": price, "entry_index": index,
                                "locked": is_locked, "created_at": stamp, "updated_at": stamp,
                            })
                        producer_delivered = True
                if producer_delivered:
                    delivered = True
                    w.add(day_sup_table, {"supply_date_id": sd_id, "supplier_id": producer.id,
                                          "created_at": ctx.at(day, 9), "updated_at": ctx.at(day, 9)})
            if delivered:
                w.add(day_org_table, {"supply_date_id": sd_id, "supplier_organization_id": org.id,
                                      "created_at": ctx.at(day, 9), "updated_at": ctx.at(day, 9)})
        if day == days[-1] and rows:
            # Today's last entries have no price yet: the statement preview warns 未設定単価.
            for row in rng.sample(rows, min(len(rows), rng.randint(*ZERO_PRICE_SUPPLIES))):
                row["price"] = 0.0
        w.add_all(supply_table, rows)
    w.report(supply_table, day_sup_table, day_org_table)


def _period_prices(ctx: Context, organizations: list[OrganizationState]) -> dict[tuple[int, int, int], float]:
    """Unit price per (organization, variation, price block) for one half-month, whole yen."""
    rng, prices = ctx.rng, {}
    for org in organizations:
        for variation in org.variations:
            lo, hi = variation.spec.price
            # kg prices move in steps of ¥10, piece prices (tens of yen) in steps of ¥1.
            step = 10 if hi - lo >= 100 else 1
            base = rng.randrange(lo, hi + 1, step)
            # The second price block differs a little but stays inside the §7 range.
            delta = rng.choice((5, 10)) * step
            second = base + delta if base + delta <= hi else base - delta
            prices[(org.id, variation.id, 0)] = float(base)
            prices[(org.id, variation.id, 1)] = float(second)
    return prices
