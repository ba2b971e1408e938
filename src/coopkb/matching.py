"""Text folding and "did you mean" suggestions shared by validation and queries.

Users type `saguenay-lac-saint-jean` for `Saguenay–Lac-Saint-Jean` and `edouard` for `Édouard`;
every comparison in coopkb goes through :func:`fold` so those are the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .i18n import _, language

# What must never reach a terminal from the data, and what no field may hold: C0 controls but tab
# and newline, DEL, C1, the bidi marks, embeddings, overrides and isolates, line and paragraph
# separators, zero-width characters and the soft hyphen (invisible: two names that look alike),
# the BOM and non-characters.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060"
    "\u2066-\u2069\ufeff\ufffe\uffff]"
)
# Shown escaped when a value is echoed in a message: the above, plus what is invisible.
_ECHO_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069"
    "\ufeff\ufffe\uffff]"
)
_ECHO_LIMIT = 80

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
    return _(" (did you mean {choices}?)").format(choices=_(" or ").join(quote(f) for f in found))


def neutral(text: str) -> str:
    """``text`` with every control or invisible character written as an escape (``\\x1b``)."""
    return _ECHO_UNSAFE.sub(_escape, text) if not (text.isprintable() and text.isascii()) else text


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quote(value: object) -> str:
    """A value echoed in a message: quoted, neutralised, and cut when it is very long."""
    text = neutral(str(value))
    if len(text) > _ECHO_LIMIT:
        text = text[: _ECHO_LIMIT - 1] + "…"
    if language() == "fr":
        return f"« {text} »"
    return f"'{text}'" if "'" not in text else f'"{text}"'
