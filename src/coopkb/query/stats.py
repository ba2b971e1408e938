"""The summaries a report needs: counts per region, kind, model, sector, year; key figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .. import reference
from ..i18n import N_
from ..matching import fold
from . import KB, Record
from .filters import NOT_GIVEN, years_of
from .records import iter_records


def stats(kb: KB, cooperatives: list[Record] | None = None) -> dict[str, Any]:
    """The summaries a report needs, as ordered mappings of label -> count; the cooperatives'
    summaries count ``cooperatives`` when given (those a filter kept: `stats --project …`)."""
    coops: list[Record] = cooperatives if cooperatives is not None else kb.get("cooperatives") or []
    missions: list[Record] = kb.get("missions") or []
    members: list[Record] = kb.get("members") or []
    region_order = {name: code for code, name in reference.QUEBEC_REGIONS.items()}
    per_region = Counter(c.get("region") or NOT_GIVEN for c in coops)
    per_year: Counter[str] = Counter(str(y) for m in missions for y in years_of(m))
    council = kb.get("council") or {}
    of_cooperatives = {
        # most cooperatives first, as every other count; regions with as many in official order
        "cooperatives_per_region": dict(
            sorted(
                per_region.items(),
                key=lambda kv: (-kv[1], region_order.get(kv[0], "99"), kv[0]),
            )
        ),
        "cooperatives_per_kind": _ordered(
            Counter(c.get("legal_category") or NOT_GIVEN for c in coops)
        ),
        "cooperatives_per_model": _ordered(Counter(c.get("model") or NOT_GIVEN for c in coops)),
        "cooperatives_per_country": _ordered(Counter(c.get("country") or NOT_GIVEN for c in coops)),
    }
    if cooperatives is not None:
        # A filter narrows the summary to the cooperatives it keeps: the members, missions and
        # figures of the whole base are no answer to « the cooperatives of the study ».
        return {"totals": {"cooperative": len(coops)}, **of_cooperatives}
    return {
        "totals": dict(Counter(kind for kind, _ in iter_records(kb))),
        **of_cooperatives,
        "members_per_sector": {
            group: sum(1 for m in members if m["sector_group"] == group)
            for group in reference.SECTOR_GROUPS
        },
        "missions_per_year": dict(sorted(per_year.items())),
        "missions_per_country": _ordered(Counter(m.get("country") or NOT_GIVEN for m in missions)),
        **_coverage(kb),
        "council_figures": [
            {"programme": owner, **figure}
            for owner, figures in _council_figures(council)
            for figure in figures
        ],
    }


# How the values of the base are evidenced (``stats`` reports the coverage).
WITH_SOURCE = N_("stated by a source")
FROM_LIST = N_("from an official list")
WITHOUT = N_("without evidence")


def _coverage(kb: KB) -> dict[str, dict[str, int]]:
    """Values stated by a source, taken from an official list, or without evidence (only when
    the base was read with its evidence)."""
    from ..graph import walk_records
    from .evidence import claims_by_record, evidence_rows, has_evidence

    if not has_evidence(kb):
        return {}
    counts = dict.fromkeys((WITH_SOURCE, FROM_LIST, WITHOUT), 0)
    by_record = claims_by_record(kb)
    for found in walk_records(kb):
        for row in evidence_rows(kb, found.kind, found.record, by_record):
            key = WITH_SOURCE if row.claims else FROM_LIST if row.official else WITHOUT
            counts[key] += 1
    return {"evidence_coverage": counts}


def _ordered(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], fold(kv[0]))))


def _council_figures(council: Record) -> Iterator[tuple[str, list[Record]]]:
    if council.get("represents"):
        yield council.get("name", ""), council["represents"]
    for programme in council.get("programmes") or []:
        if programme.get("figures"):
            yield programme["name"], programme["figures"]
