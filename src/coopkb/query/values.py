"""The values in use for a field (regions, MRCs, kinds, models, sectors…), with their counts."""

from __future__ import annotations

from collections import Counter

from ..matching import fold
from . import KB
from .records import iter_records

# field a user names -> (kinds of record, key in the record)
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "region": (("cooperative", "organisation", "event", "mission"), "region"),
    "mrc": (("cooperative", "organisation"), "mrc"),
    "municipality": (("cooperative", "organisation", "event"), "municipality"),
    "country": (("cooperative", "organisation", "event", "mission"), "country"),
    "kind": (("cooperative",), "legal_category"),
    "model": (("cooperative",), "model"),
    "sector": (("cooperative",), "sector"),
    "sector-group": (("member",), "sector_group"),
    "organisation-kind": (("organisation",), "kind"),
    "body-kind": (("member",), "body_kind"),
}


def values_in_use(kb: KB, field: str) -> tuple[str, list[tuple[str, int]]]:
    """The field's canonical name and its values with how many records hold each."""
    from .filters import resolve

    name = resolve("field", field, {f: [f.replace("-", " ")] for f in FIELDS})
    kinds, key = FIELDS[name]
    counts = Counter(
        record[key]
        for kind, record in iter_records(kb)
        if kind in kinds and isinstance(record.get(key), str)
    )
    return name, sorted(counts.items(), key=lambda kv: (-kv[1], fold(kv[0])))
