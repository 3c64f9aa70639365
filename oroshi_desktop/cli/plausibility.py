"""The CLI's plausibility warning: statement lines above the ``plausible_line_amount`` setting are
printed to standard error after the command did its work. It never blocks (exit code unchanged);
the same lines are listed among the new-statement dialog's warnings (``plan_warnings``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.domain.formats import yen

SHOWN = 5  # lines named per organization; the count says the rest


def warn_implausible(database: Database, settings: Settings, organization_ids: Sequence[int], start: date,
                     end: date) -> int:
    """Print one warning line per organization with lines above the limit; returns how many printed."""
    from oroshi_desktop.queries.run_planning import implausible_by_organization

    limit = settings.plausible_line_amount
    found = database.reading(implausible_by_organization, organization_ids, start, end, limit)
    for organization_id, name, lines in found:
        named = "; ".join(f"{line.date:%Y-%m-%d} {line.variation_name} {yen(line.amount)} yen"
                          for line in lines[:SHOWN])
        more = f"; and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
        # repr() of the name: a newline in a record's name cannot start a second output line.
        print(f"warning: organization {name!r} (id {organization_id}): "
              f"{len(lines)} statement line(s) above the plausible amount of {limit:,} yen "
              f"(setting plausible_line_amount; a typing slip?): {named}{more}", file=sys.stderr)
    return len(found)


def warn_run_implausible(database: Database, settings: Settings, invoice_id: int,
                         organization_ids: Sequence[int] | None = None) -> int:
    """``warn_implausible`` over a statement run's period (its organizations, or ``organization_ids``)."""
    from oroshi_desktop.queries.run_planning import run_period

    period = database.reading(run_period, invoice_id)
    if period is None:
        return 0
    start, end, members = period
    return warn_implausible(database, settings, members if organization_ids is None else organization_ids,
                            start, end)
