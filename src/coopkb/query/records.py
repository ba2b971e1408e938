"""Every record of the knowledge base, and finding one by any name a user knows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..graph import walk_records
from ..matching import fold
from . import KB, Ambiguous, Record, UnknownValue

_WORDS = re.compile(r"[^\W_]+")


def iter_records(kb: KB) -> Iterator[tuple[str, Record]]:
    """Every record with a slug, with its kind, in a stable presentation order."""
    for found in walk_records(kb):
        yield found.kind, found.record


def iter_with_sources(kb: KB) -> Iterator[tuple[str, Record]]:
    """Every record, then every source shown as a record."""
    yield from iter_records(kb)
    for source in kb.get("sources") or []:
        yield "source", source_record(source)


def source_record(source: Record) -> Record:
    """A source shown like a record: its id as slug, its title as name."""
    rest = {k: v for k, v in source.items() if k not in ("id", "title")}
    return {"slug": source["id"], "name": source["title"], **rest}


def lookup_key(text: str) -> str:
    """``text`` as compared by `show`: case, accents, dashes and punctuation ignored."""
    return " ".join(_WORDS.findall(fold(text)))


def names_of(record: Record) -> list[str]:
    """Every name a record answers to: slug, name, acronym, aliases."""
    names = [record["slug"], record["name"]]
    if isinstance(record.get("acronym"), str):
        names.append(record["acronym"])
    names += [a for a in record.get("aliases") or [] if isinstance(a, str)]
    return names


def place_of(record: Record, mrc: bool = False) -> str:
    """Where a record stands, as a reader places it (« Sud-Gironde, Nouvelle-Aquitaine,
    France »): a list of linked records mixing Quebec and France tells them apart. With
    ``mrc``, the municipality's MRC in parentheses after it, then the region, and no
    country for Canada's: the search shows it so, as a development agent places a village.
    Empty for a record with no place."""
    place: list[str] = []
    locality = record.get("locality")
    if isinstance(locality, str) and len(locality) > 30:  # a sentence, not a place name
        locality = None
    country = record.get("country")
    if mrc and country == "Canada":
        country = None  # a base of Quebec: its places need no country, France's records keep it
    for value in (record.get("municipality") or locality, record.get("region"), country):
        if isinstance(value, str) and value and value not in place:
            place.append(value)
    county = record.get("mrc")
    if mrc and record.get("municipality") and isinstance(county, str) and county:
        from ..i18n import _

        within = _("outside any MRC") if fold(county).startswith("hors") else None
        within = within or _("MRC {mrc}").format(mrc=county)
        place[0] = f"{place[0]} ({within})"
    return ", ".join(place)


def lookup_blobs(kb: KB) -> list[str]:
    """Per record (in ``iter_with_sources`` order), its lookup keys as one string ``| a b | c |``:
    computed once per content of the data and cached, so `show NAME` need not fold every name
    of a large base on each run."""
    return [
        "| " + " | ".join(lookup_key(n) for n in names_of(record)) + " |"
        for _kind, record in iter_with_sources(kb)
    ]


def find_record(
    kb: KB, wanted: str, blobs: Callable[[], list[str]] | None = None
) -> tuple[str, Record]:
    """The record ``wanted`` names: its slug, its name, an acronym or alias, or a unique part of
    them (whole words), ignoring case, accents, dashes and punctuation. ``blobs`` gives the
    records' lookup blobs (see :func:`lookup_blobs`), asked for only when ``wanted`` is not a
    slug: they only speed the search up.

    Raises Ambiguous when several records answer to it, UnknownValue when none does.
    """
    records = list(iter_with_sources(kb))
    for kind, record in records:
        if record["slug"] == wanted:
            return kind, record
    key = lookup_key(wanted)
    if not key:
        raise UnknownValue("record", wanted, [])
    exact: list[tuple[str, Record]] = []
    partial: list[tuple[str, Record]] = []
    padded = f" {key} "
    found_blobs = blobs() if blobs is not None else None
    if found_blobs is not None and len(found_blobs) == len(records):
        records = [pair for pair, blob in zip(records, found_blobs, strict=True) if padded in blob]
    for kind, record in records:
        keys = [lookup_key(n) for n in names_of(record)]
        if key in keys:
            exact.append((kind, record))
        elif any(padded in f" {k} " for k in keys):
            partial.append((kind, record))
    if len(exact) != 1:
        only = _only_record_of_kind(kb, key)
        if only is not None:  # `show coopération`: the one cooperation, not 12 candidates
            return only
    for matches in (exact, partial):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise Ambiguous(wanted, matches)
    # a name typed with words left out (« pôle des entreprises d'économie sociale de la
    # Capitale-Nationale », the record saying « … de la région de la … »): every word typed
    # is in one of its names
    words = set(key.split())
    within = [
        (kind, record)
        for kind, record in iter_with_sources(kb)
        if any(words <= set(lookup_key(n).split()) for n in names_of(record))
    ]
    if len(within) == 1:
        return within[0]
    if within:
        raise Ambiguous(wanted, within)
    raise UnknownValue(
        "record",
        wanted,
        [r["slug"] for _, r in iter_with_sources(kb)],
        _typed_close(kb, words) or _placed_in(kb, key),
    )


def _placed_in(kb: KB, key: str) -> list[str]:
    """The slugs of the records standing in a municipality the name typed holds (« show
    cooperative-la-dore » is the cooperative of La Doré, not the slug spelled closest to it,
    « cooperative-des-tiers-lieux »); at most three."""
    padded = f" {key} "
    found = [
        record["slug"]
        for _k, record in iter_with_sources(kb)
        if isinstance(record.get("municipality"), str)
        and lookup_key(record["municipality"])
        and f" {lookup_key(record['municipality'])} " in padded
    ]
    return found if len(found) <= 3 else []


def _typed_close(kb: KB, words: set[str]) -> list[str]:
    """The names a name typed with a typo stands for (« koalla » → Espace Koala): each word
    typed read as the closest word of the records' names, then every word in one name."""
    import difflib

    names = [
        (record, lookup_key(n)) for _k, record in iter_with_sources(kb) for n in names_of(record)
    ]
    vocabulary = sorted({w for _r, key in names for w in key.split() if len(w) > 2})
    read = set()
    for word in words:
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
        if not close and len(word) > 3:
            return []
        read.add(close[0] if close else word)
    found = [record["name"] for record, key in names if read <= set(key.split())]
    return list(dict.fromkeys(found))[:3]


def _only_record_of_kind(kb: KB, key: str) -> tuple[str, Record] | None:
    """The record of the kind ``key`` names (« coopération », « conseil », as the interface
    or English calls it), when the base holds exactly one of that kind."""
    from ..kinds import KINDS
    from ..labels import kind_label

    for described in KINDS:
        if key not in (lookup_key(described.label), lookup_key(kind_label(described.name))):
            continue
        of_kind = [(k, r) for k, r in iter_records(kb) if k == described.name]
        return of_kind[0] if len(of_kind) == 1 else None
    return None
