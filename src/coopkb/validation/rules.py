"""Rules across the whole knowledge base, run after each file's model: unique slugs, sources and
mission numbers, references that resolve to the right kind, places that agree (``place_rules.py``),
no cycles.

They run on every record that has a slug, including the records of a file that failed its model
(type-checked as they go), so one run reports every problem an editor has to fix.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from typing import Any

from ..graph import Reference, walk_path
from ..i18n import _
from ..labels import kind_label, labelled_key
from ..layout import LIST_SECTIONS, SINGLE_SECTIONS
from ..matching import did_you_mean, did_you_mean_slug, either, quote
from ..placeholders import is_placeholder
from ..problems import Problem
from .graph import derived_references
from .loader import LoadedFile
from .place_rules import check_aliases, check_place
from .records import RecordAt

REFERENCES: tuple[Reference, ...] = derived_references()
# Problems an edit in one file can cause in another (a slug renamed or removed, a slug taken
# twice): ``validate FILE`` reports them with the file's own, wherever they are found.
ACROSS_FILES = frozenset(
    {
        "unresolved-reference",
        "wrong-reference",
        "reference-cycle",
        "duplicate-slug",
        # a record renamed in a data file leaves its claims under the old slug
        "evidence-no-record",
    }
)
# Fields whose chains must not loop: a record that hosts or includes itself, directly or not.
_ACYCLIC = ("hosted_by", "parent")


def cross_checks(records: list[RecordAt], files: list[LoadedFile]) -> Iterator[Problem]:
    by_slug = yield from _unique_slugs(records)
    sources = yield from _unique_sources(files)
    yield from _slugs_apart_from_sources(by_slug, sources)
    # A file that could not be parsed hides its slugs and sources: what seems unresolved may be
    # there, so unresolved references are reported only once every file could be read.
    complete = all(f.root is not None and _well_shaped(f.data) for f in files)
    for record in records:
        if complete:
            yield from _check_sources(record, sources)
        yield from check_place(record)
        yield from check_aliases(record)
        yield from check_name_spacing(record)
        yield from _check_references(record, by_slug, complete)
        yield from _repeated_references(record)
    yield from _check_cycles(records, by_slug)
    yield from _unique_mission_numbers(records)
    for record in records:
        yield from _check_delegation(record)
        yield from _check_order(record)
    if complete:
        yield from _unused_sources(records, sources)


def _check_delegation(record: RecordAt) -> Iterator[Problem]:
    """A delegation cannot name more members than its size says it had."""
    named, size = record.data.get("delegation"), record.data.get("delegation_size")
    if not isinstance(named, list) or not isinstance(size, int) or isinstance(size, bool):
        return
    if len(named) > size:
        yield record.at(
            ("delegation_size",),
            "delegation-size",
            _(
                "delegation_size is {size}, but 'delegation' names {count} members: correct "
                "the size or the list"
            ).format(size=size, count=len(named)),
        )


# The lists of dated steps the data dictionary says are kept in date order.
_ORDERED = ("timeline",)


def _dated_steps(steps: object) -> list[tuple[int, str]]:
    """The steps that carry a date, as (index, ISO date text); undated steps may stand anywhere."""
    dated: list[tuple[int, str]] = []
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        date = step.get("date") if isinstance(step, dict) else None
        if isinstance(date, int) and not isinstance(date, bool):
            date = str(date)
        if isinstance(date, str) and re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", date):
            dated.append((index, date))
    return dated


def _earlier(date: str, than: str) -> bool:
    """Partial dates compare on their common precision: « 2017 » and « 2017-05 » are in either
    order."""
    size = min(len(date), len(than))
    return date[:size] < than[:size]


def _check_order(record: RecordAt) -> Iterator[Problem]:
    """Dated steps in order. An inversion is reported on the step that is out of place — the one
    its other neighbour contradicts too — so the editor is sent to the step they edited; when
    nothing tells which of the two it is, on the first, naming the other's line."""
    for field in _ORDERED:
        dated = _dated_steps(record.data.get(field))
        for at in range(1, len(dated)):
            (before, early), (after, late) = dated[at - 1], dated[at]
            if not _earlier(late, early):
                continue
            later_is_odd = at >= 2 and _earlier(late, dated[at - 2][1])
            earlier_is_odd = at + 1 < len(dated) and _earlier(dated[at + 1][1], early)
            if later_is_odd and not earlier_is_odd:
                yield record.at(
                    (field, after, "date"),
                    "timeline-order",
                    _(
                        "step {number} ({date}) comes after step {before} ({earlier}): move "
                        "it up or correct its date, to keep the steps in date order"
                    ).format(number=after + 1, date=late, before=before + 1, earlier=early),
                )
            elif earlier_is_odd and not later_is_odd:
                yield record.at(
                    (field, before, "date"),
                    "timeline-order",
                    _(
                        "step {number} ({date}) comes before step {after} ({later}), which is "
                        "earlier: move it down or correct its date, to keep the steps in date order"
                    ).format(number=before + 1, date=early, after=after + 1, later=late),
                )
            else:
                line, _column = record.file.position((*record.loc, field, after, "date"))
                yield record.at(
                    (field, before, "date"),
                    "timeline-order",
                    _(
                        "step {number} ({date}) comes before step {after} ({later}, line "
                        "{line}), which is earlier: correct one of the two dates or swap the "
                        "steps, to keep them in date order"
                    ).format(number=before + 1, date=early, after=after + 1, later=late, line=line),
                )


def _unused_sources(
    records: list[RecordAt], sources: dict[str, tuple[LoadedFile, int]]
) -> Iterator[Problem]:
    """A warning for a source that no record cites: a leftover, or a record left to write."""
    cited: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sources" and isinstance(item, list):
                    cited.update(i for i in item if isinstance(i, str))
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for record in records:
        collect(record.data)
    for source_id, (loaded, index) in sources.items():
        if source_id not in cited:
            line, column = loaded.position(("sources", index, "id"))
            yield Problem(
                loaded.path,
                line,
                column,
                "unused-source",
                _("source {id} is cited by no record").format(id=quote(source_id)),
                severity="warning",
            )


# Spaces that only look like one, in a name (a no-break space is French typography only beside
# « », :, ;, !, ? and %: anywhere else it makes « La Barberie » a different name from the one
# users type); and quotation marks around a whole name.
_ODD_SPACES = re.compile(
    "[\u2007\u2009\u3000\u200a]|\u00a0(?![«»:;!?%$\\d])(?<!«\u00a0)|\u202f(?![;!?»])"
)
_WRAPPING_QUOTES = re.compile(r'^\s*[“”"«‘’\'].*[“”"»‘’\']\s*$')


def check_name_spacing(record: RecordAt) -> Iterator[Problem]:
    """An error for a name or alias holding a space that only looks like one (users who type
    the name would never find it), placed on that character and naming it; a warning for
    quotation marks around a whole name (they may be the source's own)."""
    names: list[tuple[tuple[str | int, ...], Any]] = [(("name",), record.data.get("name"))]
    names += [(("aliases", i), a) for i, a in enumerate(record.data.get("aliases") or [])]
    for loc, value in names:
        if not isinstance(value, str):
            continue
        odd = _ODD_SPACES.search(value)
        if odd:
            where = (*record.loc, *loc)
            before = value[: odd.start()].count(odd.group())
            line, column = record.file.character_position(where, odd.group(), before)
            text = _("{value}: retype it as a plain space")
            yield Problem(
                record.file.path, line, column, "odd-space", text.format(value=quote(value))
            )
        elif _WRAPPING_QUOTES.match(value):
            text = _(
                "{value} is wrapped in quotation marks: remove them (a name is written without)"
            )
            found = record.at(loc, "quoted-name", text.format(value=quote(value)))
            yield found._replace(severity="warning")
        elif value.count('"') % 2:
            # `name: Coopérative de l'Est "`: plain YAML, so no syntax error tells of it
            text = _('{value} holds a lone quotation mark ("): remove it, or close the quotation')
            found = record.at(loc, "lone-quote", text.format(value=quote(value)))
            yield found._replace(severity="warning")
        elif "“" in value or "”" in value:
            # the data writes French quotation marks, one convention (the English ones would
            # also keep a search for « L'Épicerie » apart from this name's words)
            text = _(
                "{value} holds English quotation marks (“ ”): French writes « » with no-break "
                "spaces inside"
            )
            found = record.at(loc, "english-quotes", text.format(value=quote(value)))
            yield found._replace(severity="warning")


def _unique_slugs(records: list[RecordAt]) -> Generator[Problem, None, dict[str, RecordAt]]:
    by_slug: dict[str, RecordAt] = {}
    for record in records:
        slug = record.data["slug"]
        first = by_slug.setdefault(slug, record)
        if first is not record:
            where = f"{first.file.path}:{first.file.position((*first.loc, 'slug'))[0]}"
            yield record.at(
                ("slug",),
                "duplicate-slug",
                _("slug {slug} is already used by the {kind} at {where}").format(
                    slug=quote(slug), kind=kind_label(first.kind), where=where
                ),
            )
            if first.file.path != record.file.path:
                # across files, which one is new is unknown: each names the other (the edit
                # may be the first one, in a file read earlier)
                here = f"{record.file.path}:{record.file.position((*record.loc, 'slug'))[0]}"
                yield first.at(
                    ("slug",),
                    "duplicate-slug",
                    _("slug {slug} is also used by the {kind} at {where}").format(
                        slug=quote(slug), kind=kind_label(record.kind), where=here
                    ),
                )
    return by_slug


def _unique_sources(
    files: list[LoadedFile],
) -> Generator[Problem, None, dict[str, tuple[LoadedFile, int]]]:
    sources: dict[str, tuple[LoadedFile, int]] = {}
    for loaded in files:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        items = data.get("sources")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in sources:
                other, other_index = sources[item["id"]]
                first_line = other.position(("sources", other_index, "id"))[0]
                line, column = loaded.position(("sources", index, "id"))
                yield Problem(
                    loaded.path,
                    line,
                    column,
                    "duplicate-source",
                    _("source id {id} is already defined at {where}").format(
                        id=quote(item["id"]), where=f"{other.path}:{first_line}"
                    ),
                )
            else:
                sources[item["id"]] = (loaded, index)
    return sources


def _slugs_apart_from_sources(
    by_slug: dict[str, RecordAt], sources: dict[str, tuple[LoadedFile, int]]
) -> Iterator[Problem]:
    """A record's slug and a source's id are looked up by the same names (``show``, exports'
    keys): one name for both would make one of them unreachable."""
    for slug, record in by_slug.items():
        if slug in sources:
            other, index = sources[slug]
            line = other.position(("sources", index, "id"))[0]
            yield record.at(
                ("slug",),
                "slug-is-source-id",
                _(
                    "slug {slug} is also the id of the source at {where}; give one another name"
                ).format(slug=quote(slug), where=f"{other.path}:{line}"),
            )


def _well_shaped(data: Any) -> bool:
    """Whether every section that holds records has the shape to be read for slugs."""
    if not isinstance(data, dict):
        return False
    lists_ok = all(isinstance(data.get(s, []), list) for s in LIST_SECTIONS)
    singles_ok = all(isinstance(data.get(s, {}), dict) for s in SINGLE_SECTIONS)
    return lists_ok and singles_ok and isinstance(data.get("sources", []), list)


def _check_references(
    record: RecordAt, by_slug: dict[str, RecordAt], complete: bool
) -> Iterator[Problem]:
    for ref in REFERENCES:
        if ref.kind != record.kind:
            continue
        for loc, value in walk_path(record.data, ref.path):
            target = by_slug.get(value)
            key = next(str(s) for s in reversed(loc) if isinstance(s, str))
            field_name = labelled_key(key, record.kind if len(loc) == 1 else None)
            if target is None and complete and not is_placeholder(value):
                candidates = [slug for slug, r in by_slug.items() if r.kind in ref.targets]
                yield record.at(
                    loc,
                    "unresolved-reference",
                    _("{field} refers to {value}, which no record has as slug").format(
                        field=field_name, value=quote(value)
                    )
                    + did_you_mean_slug(value, candidates),
                )
            elif target is not None and target.kind not in ref.targets:
                wanted = either(kind_label(k) for k in ref.targets)
                yield record.at(
                    loc,
                    "wrong-reference",
                    _("{field} refers to {value}, whose kind is {kind}; expected {wanted}").format(
                        field=field_name,
                        value=quote(value),
                        kind=kind_label(target.kind),
                        wanted=wanted,
                    ),
                )


def _repeated_references(record: RecordAt) -> Iterator[Problem]:
    """A list of references names each record once: a visit listed twice is counted twice (the
    mission's visits, the organisations met)."""
    for ref in REFERENCES:
        if ref.kind != record.kind:
            continue
        first: dict[tuple[tuple[Any, ...], str], int] = {}
        for loc, value in walk_path(record.data, ref.path):
            if not loc or not isinstance(loc[-1], int) or not isinstance(value, str):
                continue
            seen = first.setdefault((tuple(loc[:-1]), value), loc[-1])
            if seen != loc[-1]:
                key = next(str(s) for s in reversed(loc) if isinstance(s, str))
                yield record.at(
                    loc,
                    "repeated-reference",
                    _(
                        "{field} names {value} twice (items {first} and {again}): keep it once"
                    ).format(
                        field=labelled_key(key, record.kind if len(loc) == 2 else None),
                        value=quote(value),
                        first=seen + 1,
                        again=loc[-1] + 1,
                    ),
                )


def _check_cycles(records: list[RecordAt], by_slug: dict[str, RecordAt]) -> Iterator[Problem]:
    for field_name in _ACYCLIC:
        for record in records:
            seen = [record.data["slug"]]
            current = record
            while isinstance(current.data.get(field_name), str):
                target = current.data[field_name]
                if target == record.data["slug"]:
                    chain = " → ".join(quote(s) for s in [*seen, target])
                    message = (
                        _("{field} of {slug} refers to itself").format(
                            field=quote(field_name), slug=quote(target)
                        )
                        if len(seen) == 1
                        else _("{field} loops back to this record: {chain}").format(
                            field=quote(field_name), chain=chain
                        )
                    )
                    yield record.at((field_name,), "reference-cycle", message)
                    break
                if target in seen or target not in by_slug:
                    break  # a loop not through this record is reported on its own members
                seen.append(target)
                current = by_slug[target]


def _check_sources(record: RecordAt, sources: dict[str, Any]) -> Iterator[Problem]:
    cited = record.data.get("sources")
    for index, source_id in enumerate(cited if isinstance(cited, list) else []):
        # a skeleton's placeholder is reported as one already: not also as an unknown source
        if (
            isinstance(source_id, str)
            and source_id not in sources
            and not is_placeholder(source_id)
        ):
            yield record.at(
                ("sources", index),
                "unknown-source",
                _("source {id} is not defined in any 'sources:' list").format(id=quote(source_id))
                + did_you_mean(source_id, sources),
            )


def _unique_mission_numbers(records: list[RecordAt]) -> Iterator[Problem]:
    numbers: dict[int, RecordAt] = {}
    for mission in (r for r in records if r.kind == "mission"):
        number = mission.data.get("number")
        if not isinstance(number, int) or isinstance(number, bool):
            continue
        first = numbers.setdefault(number, mission)
        if first is not mission:
            yield mission.at(
                ("number",),
                "duplicate-number",
                _("mission number {number} is already used by {slug}").format(
                    number=number, slug=quote(first.data["slug"])
                ),
            )
