"""Filters of each kind of record, and the resolution of the values users type for them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .. import reference
from ..matching import fold
from . import KB, Record, UnknownValue
from .records import iter_records

# the key of a count where records give no value (machine formats keep it; tables translate it)
NOT_GIVEN = "(sans précision)"
_SAINTS = ((re.compile(r"\bst\b"), "saint"), (re.compile(r"\bste\b"), "sainte"))


def typed(text: str) -> str:
    """A value as typed, folded, with St-/Ste- spelt out as Saint/Sainte."""
    folded = fold(text)
    for pattern, full in _SAINTS:
        folded = pattern.sub(full, folded)
    return folded


def resolve(
    what: str,
    text: str,
    choices: Mapping[str, Iterable[str]],
    shown: Mapping[str, str] | None = None,
) -> str:
    """The choice ``text`` means: one of its spellings exactly, else the only choice one of whose
    spellings starts with it (or holds it as whole words). ``choices`` maps each value to the
    spellings that name it (the value itself, a code, a long name, a source's variant);
    ``shown``, to the name the interface gives it (« conseil » for ``council``) in the list
    and the suggestion of an unknown value."""
    wanted = typed(text)
    spellings = {value: [typed(s) for s in (value, *others)] for value, others in choices.items()}
    if wanted:
        exact = [v for v, names in spellings.items() if wanted in names]
        if len(exact) == 1:
            return exact[0]
        # a start made of whole words: "saguenay" names Saguenay–Lac-Saint-Jean, "estri" nothing
        starts = [
            v for v, names in spellings.items() if any(n.startswith(wanted + " ") for n in names)
        ]
        if len(starts) == 1:
            return starts[0]
        inside = [
            v for v, names in spellings.items() if any(f" {wanted} " in f" {n} " for n in names)
        ]
        if len(inside) == 1:
            return inside[0]
        # a plural typed for a singular or the reverse (« travailleurs actionnaires » for the
        # official « travailleurs actionnaire »)
        singular = _singular(wanted)
        plural = [v for v, names in spellings.items() if singular in map(_singular, names)]
        if len(plural) == 1:
            return plural[0]
    raise UnknownValue(what, text, [(shown or {}).get(c, c) for c in choices])


def _singular(folded: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in folded.split())


# --- the values of each filter --------------------------------------------------------------


def resolve_region(text: str) -> str:
    regions = {name: [code] for code, name in reference.QUEBEC_REGIONS.items()}
    regions.update({name: [] for name in reference.FRENCH_REGIONS.values()})
    return resolve("region", text, regions)


def resolve_country(text: str) -> str:
    aliases: dict[str, list[str]] = {name: [] for name in reference.COUNTRIES}
    for alias, name in reference.COUNTRY_ALIASES.items():
        aliases[name].append(alias)
    return resolve("country", text, aliases)


def resolve_kind(text: str) -> str:
    return resolve(
        "legal category", text, {k: [long] for k, long in reference.LEGAL_CATEGORIES.items()}
    )


def resolve_model(text: str) -> str:
    return resolve(
        "model", text, {k: [long] for k, long in reference.COLLECTIVE_ACTION_MODELS.items()}
    )


def resolve_sector(text: str) -> str:
    return resolve("sector group", text, {group: [] for group in reference.SECTOR_GROUPS})


def resolve_mrc(text: str, records: list[Record]) -> str:
    mrcs: dict[str, list[str]] = {name: list(v) for name, (_c, v) in reference.MRCS.items()}
    mrcs[reference.OUTSIDE_MRC] = []
    for record in records:
        if isinstance(record.get("mrc"), str):
            mrcs.setdefault(record["mrc"], [])
    stripped = re.sub(r"(?i)^mrc\s+(?:de\s+|du\s+|des\s+)?", "", text.strip()) or text
    try:
        return resolve("MRC", stripped, mrcs)
    except UnknownValue:
        raise UnknownValue("MRC", text, list(mrcs)) from None


def resolve_in_data(what: str, text: str, records: list[Record], key: str) -> str:
    values = sorted({r[key] for r in records if isinstance(r.get(key), str)}, key=fold)
    return resolve(what, text, {value: [] for value in values})


def resolve_slug_of(
    kb: KB, kinds: tuple[str, ...], what: str, text: str, among: set[str] | None = None
) -> str:
    """The slug of the record of one of ``kinds`` that ``text`` names (slug, name or alias),
    among the slugs ``among`` only when it is given."""
    choices = {
        r["slug"]: [
            r["name"],
            *(r.get("aliases") or []),
            *([r["acronym"]] if r.get("acronym") else []),
        ]
        for k, r in iter_records(kb)
        if k in kinds and (among is None or r["slug"] in among)
    }
    return resolve(what, text, choices)


# --- cooperatives ---------------------------------------------------------------------------


_PROJECTS = ("programme", "cooperation")  # the kinds a cooperative's project is one of


class CooperativeFilter(NamedTuple):
    region: str | None = None
    mrc: str | None = None
    municipality: str | None = None
    kind: str | None = None
    model: str | None = None
    country: str | None = None
    project: str | None = None
    sector: str | None = None


def find_cooperatives(kb: KB, wanted: CooperativeFilter) -> list[Record]:
    """Cooperatives matching every given filter, sorted by region then name."""
    coops: list[Record] = kb.get("cooperatives") or []
    tests: list[tuple[str, str]] = []
    if wanted.region is not None:
        tests.append(("region", resolve_region(wanted.region)))
    if wanted.mrc is not None:
        tests.append(("mrc", resolve_mrc(wanted.mrc, coops)))
    if wanted.municipality is not None:
        tests.append(
            (
                "municipality",
                resolve_in_data("municipality", wanted.municipality, coops, "municipality"),
            )
        )
    if wanted.kind is not None:
        tests.append(("legal_category", resolve_kind(wanted.kind)))
    if wanted.model is not None:
        tests.append(("model", resolve_model(wanted.model)))
    if wanted.country is not None:
        tests.append(("country", resolve_country(wanted.country)))
    if wanted.project is not None:
        # the projects cooperatives take part in first: « proximité » is the proximity study
        # of the 12 cooperatives, though two other programmes have the word in their names
        in_use = {c["project"] for c in coops if c.get("project")}
        try:
            project = resolve_slug_of(kb, _PROJECTS, "project", wanted.project, in_use)
        except UnknownValue:
            project = resolve_slug_of(kb, _PROJECTS, "project", wanted.project)
        tests.append(("project", project))
    if wanted.sector is not None:
        tests.append(("sector", resolve_in_data("sector", wanted.sector, coops, "sector")))
    found = [c for c in coops if all(c.get(key) == value for key, value in tests)]
    return sorted(found, key=_region_then_name)


def _region_then_name(record: Record) -> tuple[int, str, str]:
    region = record.get("region")
    return (0 if region else 1, fold(region or ""), fold(record["name"]))


# --- missions, members, events, programmes, roadmaps ----------------------------------------


def years_of(record: Record, start: str = "start") -> range:
    """The years a dated record spans (empty when it has no date)."""
    first = record.get(start)
    if not isinstance(first, str):
        return range(0)
    last = record.get("end") or first
    return range(int(first[:4]), int(last[:4]) + 1)


def find_missions(kb: KB, year: int | None = None, country: str | None = None) -> list[Record]:
    """Missions in date order; ``year`` keeps those whose period overlaps that year."""
    missions: list[Record] = kb.get("missions") or []
    wanted_country = resolve_country(country) if country is not None else None
    found = [
        m
        for m in missions
        if (year is None or year in years_of(m))
        and (wanted_country is None or m.get("country") == wanted_country)
    ]
    return sorted(found, key=lambda m: (m["start"], m["number"]))


def find_members(kb: KB, sector: str | None = None) -> list[Record]:
    """The council's members in the 2014 list's sector order (its order within a sector)."""
    members: list[Record] = kb.get("members") or []
    groups = [resolve_sector(sector)] if sector is not None else list(reference.SECTOR_GROUPS)
    return [m for group in groups for m in members if m["sector_group"] == group]


def find_dated(kb: KB, kind: str, year: int | None = None, start: str = "start") -> list[Record]:
    """Records of ``kind`` (event, programme, roadmap) overlapping ``year``, in date order."""
    found = [r for k, r in iter_records(kb) if k == kind]
    if year is not None:
        found = [r for r in found if year in years_of(r, start)]
    return sorted(found, key=lambda r: (r.get(start) or "9999", fold(r["name"])))


def find_organisations(
    kb: KB, kind: str | None = None, country: str | None = None, region: str | None = None
) -> list[Record]:
    """Organisations (not cooperatives or members), filtered, sorted by name."""
    found = [r for k, r in iter_records(kb) if k == "organisation"]
    if kind is not None:
        wanted = resolve(
            "kind of organisation", kind, {k: [] for k in reference.ORGANISATION_KINDS}
        )
        found = [r for r in found if r.get("kind") == wanted]
    if country is not None:
        wanted_country = resolve_country(country)
        found = [r for r in found if r.get("country") == wanted_country]
    if region is not None:
        wanted_region = resolve_region(region)
        found = [r for r in found if r.get("region") == wanted_region]
    return sorted(found, key=lambda r: fold(r["name"]))


def find_people(
    kb: KB, organisation: str | None = None, mission: int | None = None
) -> list[Record]:
    """Named people, sorted by name; ``organisation`` keeps those affiliated with it, ``mission``
    those of that mission's delegation."""
    found = [r for k, r in iter_records(kb) if k == "person"]
    if organisation is not None:
        from ..graph import ORGS

        slug = resolve_slug_of(kb, ORGS, "organisation", organisation)
        found = [p for p in found if any(a["organisation"] == slug for a in p["affiliations"])]
    if mission is not None:
        chosen = [m for m in kb.get("missions") or [] if m["number"] == mission]
        if not chosen:
            numbers = [str(m["number"]) for m in kb.get("missions") or []]
            raise UnknownValue("mission", str(mission), numbers)
        delegation = set(chosen[0].get("delegation") or [])
        found = [p for p in found if p["slug"] in delegation]
    return sorted(found, key=lambda r: fold(r["name"]))


def missions_of_person(kb: KB, slug: str) -> list[Record]:
    return [m for m in kb.get("missions") or [] if slug in (m.get("delegation") or [])]
