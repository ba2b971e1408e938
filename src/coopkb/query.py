"""Lookups, filters, search and summaries over the validated knowledge base (plain data).

Everything here takes the knowledge base as a plain dict (as cached) and returns plain data; it
never prints. Values users type are matched ignoring case, accents and dash/space variants, and an
unknown value raises :class:`UnknownValue` with the closest valid ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from . import reference
from .matching import fold, suggest

Record = dict[str, Any]
NOT_GIVEN = "(non précisé)"


class UnknownValue(Exception):
    """A slug, region, sector, kind… that matches nothing; carries the closest valid values."""

    def __init__(self, what: str, value: str, choices: Iterable[str]) -> None:
        self.what, self.value = what, value
        self.suggestions = suggest(value, choices)
        hint = ""
        if self.suggestions:
            hint = " (did you mean " + " or ".join(f"'{s}'" for s in self.suggestions) + "?)"
        super().__init__(f"unknown {what} '{value}'{hint}")


def iter_records(kb: dict[str, Any]) -> Iterator[tuple[str, Record]]:
    """Every record with a slug, with its kind, in a stable presentation order."""
    for section, kind in reference.SINGLE_SECTIONS.items():
        record = kb.get(section)
        if isinstance(record, dict):
            yield kind, record
            for nested, nested_kind in reference.NESTED_SECTIONS.items():
                for item in record.get(nested) or []:
                    yield nested_kind, item
    for section, kind in reference.LIST_SECTIONS.items():
        for record in kb.get(section) or []:
            yield kind, record


def find_record(kb: dict[str, Any], slug: str) -> tuple[str, Record]:
    """The record whose slug is ``slug``; a close spelling or a unique name also finds it."""
    records = list(iter_records(kb))
    for kind, record in records:
        if record["slug"] == slug:
            return kind, record
    sources = [_source_record(s) for s in kb.get("sources") or []]
    for source in sources:
        if source["slug"] == slug:
            return "source", source
    wanted = fold(slug)
    by_name = [(k, r) for k, r in records if wanted in (fold(r["slug"]), fold(r["name"]))]
    if len(by_name) == 1:
        return by_name[0]
    raise UnknownValue("slug", slug, [r["slug"] for _, r in records] + [s["slug"] for s in sources])


def _source_record(source: Record) -> Record:
    """A source shown like a record: its id as slug, its title as name."""
    rest = {k: v for k, v in source.items() if k not in ("id", "title")}
    return {"slug": source["id"], "name": source["title"], **rest}


# --- cooperatives ---------------------------------------------------------------------------


class CooperativeFilter(NamedTuple):
    region: str | None = None
    mrc: str | None = None
    municipality: str | None = None
    kind: str | None = None
    model: str | None = None
    country: str | None = None
    project: str | None = None
    sector: str | None = None


def find_cooperatives(kb: dict[str, Any], wanted: CooperativeFilter) -> list[Record]:
    """Cooperatives matching every given filter, sorted by region then name."""
    coops: list[Record] = kb.get("cooperatives") or []
    tests: list[tuple[str, str]] = []
    if wanted.region is not None:
        tests.append(("region", resolve_region(wanted.region)))
    if wanted.mrc is not None:
        tests.append(("mrc", _resolve_mrc(wanted.mrc, coops)))
    if wanted.municipality is not None:
        tests.append(("municipality", _resolve_in_data("municipality", wanted.municipality, coops)))
    if wanted.kind is not None:
        tests.append(("legal_category", resolve_kind(wanted.kind)))
    if wanted.model is not None:
        tests.append(
            ("model", _resolve_choice("model", wanted.model, reference.COLLECTIVE_ACTION_MODELS))
        )
    if wanted.country is not None:
        tests.append(("country", resolve_country(wanted.country)))
    if wanted.project is not None:
        tests.append(("project", _resolve_project(kb, wanted.project)))
    if wanted.sector is not None:
        tests.append(("sector", _resolve_in_data("sector", wanted.sector, coops)))
    found = [c for c in coops if all(c.get(key) == value for key, value in tests)]
    return sorted(found, key=_region_then_name)


def _region_then_name(record: Record) -> tuple[int, str, str]:
    region = record.get("region")
    return (0 if region else 1, fold(region or ""), fold(record["name"]))


def resolve_region(text: str) -> str:
    official = reference.official_region(text)
    if official is None:
        choices = [*reference.QUEBEC_REGIONS.values(), *reference.FRENCH_REGIONS.values()]
        raise UnknownValue("region", text, choices)
    return official


def resolve_country(text: str) -> str:
    official = reference.official_country(text)
    if official is None:
        raise UnknownValue("country", text, reference.COUNTRIES)
    return official


def resolve_kind(text: str) -> str:
    return _resolve_choice("kind", text, reference.LEGAL_CATEGORIES, long_names=True)


def _resolve_choice(
    what: str, text: str, choices: dict[str, str], *, long_names: bool = False
) -> str:
    wanted = fold(text)
    for key, long_name in choices.items():
        if wanted == fold(key) or (long_names and wanted == fold(long_name)):
            return key
    partial = [key for key in choices if wanted and wanted in fold(key)]
    if len(partial) == 1:  # `organisme` is the organisme du milieu model
        return partial[0]
    raise UnknownValue(what, text, choices)


def _resolve_mrc(text: str, coops: list[Record]) -> str:
    official = reference.official_mrc(text)
    if official is not None:
        return official
    return _resolve_in_data("MRC", text, coops, key="mrc")


def _resolve_in_data(what: str, text: str, records: list[Record], key: str | None = None) -> str:
    values = {r[key or what] for r in records if r.get(key or what)}
    wanted = fold(text)
    for value in values:
        if fold(value) == wanted:
            return str(value)
    raise UnknownValue(what, text, sorted(values))


def _resolve_project(kb: dict[str, Any], text: str) -> str:
    projects = [r for k, r in iter_records(kb) if k in ("programme", "cooperation")]
    wanted = fold(text)
    for project in projects:
        names = [project["slug"], project["name"], *project.get("aliases", [])]
        if any(fold(n) == wanted for n in names):
            return str(project["slug"])
    raise UnknownValue("project", text, [p["slug"] for p in projects])


# --- missions, members ------------------------------------------------------------------------


def _years(record: Record) -> range:
    start = int(record["start"][:4])
    end = int((record.get("end") or record["start"])[:4])
    return range(start, end + 1)


def find_missions(
    kb: dict[str, Any], year: int | None = None, country: str | None = None
) -> list[Record]:
    """Missions in date order; ``year`` keeps those whose period overlaps that year."""
    missions: list[Record] = kb.get("missions") or []
    wanted_country = resolve_country(country) if country is not None else None
    found = [
        m
        for m in missions
        if (year is None or year in _years(m))
        and (wanted_country is None or m.get("country") == wanted_country)
    ]
    return sorted(found, key=lambda m: (m["start"], m["number"]))


def resolve_sector(text: str) -> str:
    wanted = fold(text)
    exact = [g for g in reference.SECTOR_GROUPS if fold(g) == wanted]
    partial = [g for g in reference.SECTOR_GROUPS if wanted and wanted in fold(g)]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    raise UnknownValue("sector", text, reference.SECTOR_GROUPS)


def find_members(kb: dict[str, Any], sector: str | None = None) -> list[Record]:
    """The council's members in the 2014 list's sector order (its order within a sector)."""
    members: list[Record] = kb.get("members") or []
    groups = [resolve_sector(sector)] if sector is not None else list(reference.SECTOR_GROUPS)
    return [m for group in groups for m in members if m["sector_group"] == group]


def links(
    kb: dict[str, Any], slug: str, target_kind: str = ""
) -> dict[str, list[tuple[str, Record]]]:
    """What points at ``slug``, grouped by how: missions that met it, people working there…"""
    found: dict[str, list[tuple[str, Record]]] = {}

    def add(label: str, kind: str, record: Record) -> None:
        found.setdefault(label, []).append((kind, record))

    for kind, record in iter_records(kb):
        if target_kind == "source":
            if slug in record.get("sources", []):
                add("cited by", kind, record)
            continue
        if kind == "mission":
            if slug in record.get("visits", []):
                add("met during", kind, record)
            if slug in record.get("delegation", []):
                add("delegation member of", kind, record)
            if slug in record.get("events", []):
                add("attended during", kind, record)
        if kind == "person" and any(a["organisation"] == slug for a in record["affiliations"]):
            add("people", kind, record)
        if kind == "member" and record.get("member_of") == slug:
            add("members", kind, record)
        if kind in ("cooperative", "organisation") and slug in (
            record.get("hosted_by"),
            record.get("parent"),
        ):
            add("hosts or includes", kind, record)
        if kind == "cooperative" and record.get("project") == slug:
            add("cooperatives of this project", kind, record)
        if kind == "cooperation" and slug in (
            *record.get("partners", []),
            *record.get("associated_partners", []),
        ):
            add("partner of", kind, record)
        if kind == "event" and slug in record.get("organisers", []):
            add("organiser of", kind, record)
    return found


# --- search -------------------------------------------------------------------------------------


class Hit(NamedTuple):
    score: int
    kind: str
    slug: str
    name: str
    where: str
    excerpt: str


def search(kb: dict[str, Any], text: str) -> list[Hit]:
    """Records whose text contains every word of ``text``, best matches first."""
    words = fold(text).split()
    if not words:
        return []
    phrase = " ".join(words)
    hits: list[Hit] = []
    sources = [("source", _source_record(s)) for s in kb.get("sources") or []]
    for kind, record in [*iter_records(kb), *sources]:
        texts = list(_texts(record))
        folded = [(path, value, fold(value)) for path, value in texts]
        everything = " ".join(f for _, _, f in folded)
        if not all(w in everything for w in words):
            continue
        best: tuple[int, str, str] | None = None
        for path, value, f in folded:
            score = _score(path, f, phrase, words)
            if score and (best is None or score > best[0]):
                best = (score, path, value)
        if best is None:
            best = (5, "(several fields)", record["name"])
        hits.append(Hit(best[0], kind, record["slug"], record["name"], best[1], best[2]))
    return sorted(hits, key=lambda h: (-h.score, fold(h.name)))


def _score(path: str, folded: str, phrase: str, words: list[str]) -> int:
    weight = {"name": 100, "slug": 90, "aliases": 80}.get(path.split("[")[0], 40)
    if folded == phrase:
        return weight + 30
    if phrase in folded:
        starts_word = folded.startswith(phrase) or f" {phrase}" in folded
        return weight + (15 if starts_word else 0)
    if all(w in folded for w in words):
        return weight - 10
    return 0


def _texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("programmes", "roadmaps") or key == "sources":
                continue  # nested records are searched on their own; source ids are not text
            yield from _texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


# --- stats ------------------------------------------------------------------------------------


def stats(kb: dict[str, Any]) -> dict[str, Any]:
    """The summaries a report needs, as ordered mappings of label -> count."""
    coops: list[Record] = kb.get("cooperatives") or []
    missions: list[Record] = kb.get("missions") or []
    members: list[Record] = kb.get("members") or []
    region_order = {name: code for code, name in reference.QUEBEC_REGIONS.items()}
    per_region = Counter(c.get("region") or NOT_GIVEN for c in coops)
    per_year: Counter[str] = Counter(str(y) for m in missions for y in _years(m))
    council = kb.get("council") or {}
    return {
        "totals": dict(Counter(kind for kind, _ in iter_records(kb))),
        "cooperatives_per_region": dict(
            sorted(per_region.items(), key=lambda kv: (region_order.get(kv[0], "99"), kv[0]))
        ),
        "cooperatives_per_kind": _ordered(
            Counter(c.get("legal_category") or NOT_GIVEN for c in coops)
        ),
        "cooperatives_per_model": _ordered(Counter(c.get("model") or NOT_GIVEN for c in coops)),
        "cooperatives_per_country": _ordered(Counter(c.get("country") or NOT_GIVEN for c in coops)),
        "members_per_sector": {
            group: sum(1 for m in members if m["sector_group"] == group)
            for group in reference.SECTOR_GROUPS
        },
        "missions_per_year": dict(sorted(per_year.items())),
        "missions_per_country": _ordered(Counter(m.get("country") or NOT_GIVEN for m in missions)),
        "council_figures": [
            {"programme": owner, **figure}
            for owner, figures in _council_figures(council)
            for figure in figures
        ],
    }


def _ordered(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], fold(kv[0]))))


def _council_figures(council: Record) -> Iterator[tuple[str, list[Record]]]:
    if council.get("represents"):
        yield council.get("name", ""), council["represents"]
    for programme in council.get("programmes") or []:
        if programme.get("figures"):
            yield programme["name"], programme["figures"]
