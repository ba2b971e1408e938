"""The values in use for a field (regions, MRCs, kinds, models, sectors…), with their counts."""

from __future__ import annotations

from collections import Counter

from ..kinds import RECORD_KINDS
from ..matching import fold
from ..parts import part_of
from . import KB
from .records import iter_records

# field a user names -> the key in the record; every kind whose model has that field is counted
# (``parts.py``: a new kind with a region is counted without a change here).
_KEYS: dict[str, str] = {
    "region": "region",
    "mrc": "mrc",
    "municipality": "municipality",
    "country": "country",
    "kind": "legal_category",
    "model": "model",
    "sector": "sector",
    "sector-group": "sector_group",
    "organisation-kind": "kind",
    "body-kind": "body_kind",
}
_ONLY: dict[str, str] = {
    "organisation-kind": "organisation"
}  # `kind` means another thing elsewhere
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    name: (
        tuple(
            kind
            for kind in RECORD_KINDS
            if part_of(kind, key) is not None and _ONLY.get(name, kind) == kind
        ),
        key,
    )
    for name, key in _KEYS.items()
}


def values_in_use(kb: KB, field: str) -> tuple[str, list[tuple[str, int]]]:
    """The field's canonical name and its values with how many records hold each."""
    from ..labels import field_label, field_spellings
    from .filters import resolve

    # `values région` as `values region`: a field's key, its words, its labels in both languages
    name = resolve(
        "field",
        field,
        {
            f: [f.replace("-", " "), *field_spellings(key, kinds[0] if len(kinds) == 1 else None)]
            for f, (kinds, key) in FIELDS.items()
        },
        {
            f: field_label(key, kinds[0] if len(kinds) == 1 else None)
            for f, (kinds, key) in FIELDS.items()
        },
    )
    kinds, key = FIELDS[name]
    counts = Counter(
        record[key]
        for kind, record in iter_records(kb)
        if kind in kinds and isinstance(record.get(key), str)
    )
    return name, sorted(counts.items(), key=lambda kv: (-kv[1], fold(kv[0])))
