"""Text folding and "did you mean" suggestions shared by validation and queries.

Users type `saguenay-lac-saint-jean` for `Saguenay–Lac-Saint-Jean` and `edouard` for `Édouard`;
every comparison in coopkb goes through :func:`fold` so those are the same text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, apostrophes: folded together.
_DASHES = dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"), " ")
_QUOTES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc`´"), "'")


def fold(text: str) -> str:
    """Lower-case, accent-free, dash-and-space-normalised form of ``text`` for comparisons."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    stripped = stripped.translate(_QUOTES).translate(_DASHES)
    return " ".join(stripped.replace("œ", "oe").replace("æ", "ae").split())


def suggest(value: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Closest valid spellings of ``value`` among ``choices``, best first (may be empty)."""
    import difflib  # imported here: only error paths need it

    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(fold(choice), choice)
    wanted = fold(value)
    close = difflib.get_close_matches(wanted, list(by_folded), n=limit, cutoff=0.6)
    if not close:
        # A prefix or substring is a good hint too: `lst` for `list`, `capitale` for the region.
        close = [f for f in by_folded if wanted and (f.startswith(wanted) or wanted in f)][:limit]
    return [by_folded[f] for f in close]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ready-to-append hint: `` (did you mean 'Estrie'?)`` or an empty string."""
    found = suggest(value, choices)
    if not found:
        return ""
    return " (did you mean " + " or ".join(repr_fr(f) for f in found) + "?)"


def repr_fr(text: str) -> str:
    """Quote a value for a message; French names keep their apostrophes readable."""
    return f"'{text}'" if "'" not in text else f'"{text}"'
