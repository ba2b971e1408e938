"""Lookups, filters, search, links, timeline and summaries over the validated knowledge base.

Everything here takes the knowledge base as plain data (as cached) and returns plain data; it
never prints. Values users type are matched ignoring case, accents and dash/space variants, and an
unknown value raises :class:`UnknownValue` with the closest valid ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..i18n import N_, _
from ..matching import did_you_mean, either, quote, suggest

Record = dict[str, Any]
KB = dict[str, Any]


# what was not found -> the message (French agrees the adjective with each noun)
UNKNOWN: dict[str, str] = {
    "region": N_("unknown region {value}"),
    "country": N_("unknown country {value}"),
    "legal category": N_("unknown legal category {value}"),
    "model": N_("unknown model {value}"),
    "sector": N_("unknown sector {value}"),
    "sector group": N_("unknown sector group {value}"),
    "MRC": N_("unknown MRC {value}"),
    "municipality": N_("unknown municipality {value}"),
    "project": N_("unknown project {value}"),
    "organisation": N_("unknown organisation {value}"),
    "mission": N_("unknown mission {value}"),
    "record": N_("unknown record {value}"),
    "field": N_("unknown field {value}"),
    "kind of record": N_("unknown kind of record {value}"),
    "kind of organisation": N_("unknown kind of organisation {value}"),
}
# what is listed whole when nothing is close: a record's fields (~30) are how a user learns them
LIST_ALL: dict[str, int] = {"field": 60}


class UnknownValue(Exception):
    """A slug, region, sector, kind… that matches nothing; carries the closest valid values
    (or, when nothing is close and the values are few, all of them)."""

    def __init__(
        self, what: str, value: str, choices: Iterable[str], close: Sequence[str] = ()
    ) -> None:
        """``close``: the suggestions, when the caller knows them better than a comparison of
        the whole value with each choice (a name typed with a typo in one of its words)."""
        self.what, self.value = what, value
        every = list(dict.fromkeys(choices))
        self.suggestions = list(close) or suggest(value, every)
        self.valid = every if not self.suggestions and len(every) <= LIST_ALL.get(what, 12) else []
        hint = ""
        if close:
            hint = _(" (did you mean {choices}?)").format(choices=either(quote(c) for c in close))
        elif self.suggestions:
            hint = did_you_mean(value, every)
        elif self.valid:
            hint = _("; valid values: {values}").format(values=", ".join(self.valid))
        template = UNKNOWN.get(what, "unknown {value}")
        super().__init__(_(template).format(value=quote(value)) + hint)


class Ambiguous(Exception):
    """A name that several records answer to: the user must pick one."""

    def __init__(self, value: str, matches: list[tuple[str, Record]]) -> None:
        self.value, self.matches = value, matches
        super().__init__(
            _("{value} matches {count} records").format(value=quote(value), count=len(matches))
        )
