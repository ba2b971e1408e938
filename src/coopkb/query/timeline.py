"""Every dated fact of the base in one chronology: steps, projects, missions, events,
programmes, roadmaps, milestones, the council's founding, affiliations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from ..i18n import _, colon
from ..kinds import KIND
from ..parts import fields_of_part
from . import KB, Record
from .filters import resolve_region
from .records import iter_records


class Entry(NamedTuple):
    date: str  # as precise as the data: 2017, 2017-10, 2017-10-04
    end: str | None
    kind: str  # the kind of record the fact belongs to
    slug: str
    what: str
    region: str | None

    def as_dict(self) -> dict[str, Any]:
        when = self.date if not self.end else f"{self.date}→{self.end}"
        return {**self._asdict(), "when": when}


def timeline(
    kb: KB,
    year_from: int | None = None,
    year_to: int | None = None,
    kinds: tuple[str, ...] = (),
    region: str | None = None,
) -> list[Entry]:
    """Dated facts overlapping [year_from, year_to], oldest first (undated facts are left out)."""
    wanted_region = resolve_region(region) if region is not None else None
    entries = []
    for entry in _entries(kb):
        first = int(entry.date[:4])
        last = int((entry.end or entry.date)[:4])
        if year_from is not None and last < year_from:
            continue
        if year_to is not None and first > year_to:
            continue
        if kinds and entry.kind not in kinds:
            continue
        if wanted_region is not None and entry.region != wanted_region:
            continue
        entries.append(entry)
    # Facts of the same date keep the order their record gives them (the source's order: a
    # committee, then the choice of a town, then the founding meeting), records in base order.
    return sorted(entries, key=lambda e: e.date)


def _entries(kb: KB) -> Iterator[Entry]:
    for kind, record in iter_records(kb):
        yield from _of_record(kind, record)


def _of_record(kind: str, record: Record) -> Iterator[Entry]:
    slug, name, region = record["slug"], record["name"], record.get("region")

    def entry(date: str | None, end: str | None, what: str) -> Iterator[Entry]:
        if date:
            yield Entry(date, end, kind, slug, what, region)

    described = KIND.get(kind)
    if described is not None and described.start is not None:
        end = record.get(described.end) if described.end else None
        yield from entry(record.get(described.start), end, name)
    if described is not None and described.founded and record.get(described.founded):
        yield from entry(record[described.founded], None, _("{name}: founding").format(name=name))
    for field in fields_of_part(kind, "mappings", "step"):
        for step in record.get(field) or []:
            yield from entry(step.get("date"), step.get("end"), f"{name}{colon()} {step['event']}")
