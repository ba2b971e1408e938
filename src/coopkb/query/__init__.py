"""Lookups, filters, search, links, timeline and summaries over the validated knowledge base.

Everything here takes the knowledge base as plain data (as cached) and returns plain data; it
never prints. Values users type are matched ignoring case, accents and dash/space variants, and an
unknown value raises :class:`UnknownValue` with the closest valid ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..matching import quote, suggest

Record = dict[str, Any]
KB = dict[str, Any]


class UnknownValue(Exception):
    """A slug, region, sector, kind… that matches nothing; carries the closest valid values
    (or, when nothing is close and the values are few, all of them)."""

    def __init__(self, what: str, value: str, choices: Iterable[str], list_all: int = 12) -> None:
        self.what, self.value = what, value
        every = list(dict.fromkeys(choices))
        self.suggestions = suggest(value, every)
        self.valid = every if not self.suggestions and len(every) <= list_all else []
        hint = ""
        if self.suggestions:
            hint = " (did you mean " + " or ".join(quote(s) for s in self.suggestions) + "?)"
        elif self.valid:
            hint = "; valid values: " + ", ".join(self.valid)
        super().__init__(f"unknown {what} {quote(value)}{hint}")


class Ambiguous(Exception):
    """A name that several records answer to: the user must pick one."""

    def __init__(self, value: str, matches: list[tuple[str, Record]]) -> None:
        self.value, self.matches = value, matches
        super().__init__(f"{quote(value)} matches {len(matches)} records")
