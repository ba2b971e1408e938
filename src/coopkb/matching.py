"""Text folding and "did you mean" suggestions shared by validation and queries.

Users type `saguenay-lac-saint-jean` for `Saguenay–Lac-Saint-Jean` and `edouard` for `Édouard`;
every comparison in coopkb goes through :func:`fold` so those are the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .i18n import N_, _, language

# What must never reach a terminal from the data, and what no field may hold, by Unicode's own
# classes rather than a list of examples:
# - control characters (Cc) but tab and newline; line and paragraph separators (Zl, Zp);
# - every format character (Cf: bidi marks and overrides, zero-width characters, invisible
#   operators U+2061-2064, deprecated format controls U+206A-206F, interlinear annotations
#   U+FFF9-FFFB, tag characters U+E0000-E007F, Egyptian format controls U+13430-1343F, musical
#   U+1D173-1D17A, the soft hyphen, the BOM…), as of Unicode 15.1 so that an older Python's
#   tables miss none;
# - the rest of Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters drawn as
#   nothing, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, U+034F, variation selectors, U+180B-
#   180F, U+17B4-17B5, shorthand format controls U+1BCA0-1BCA3 and their reserved neighbours;
# - surrogates, non-characters, private use and the braille blank.
# tests/test_hardening.py checks that every Cf character of the running Python is covered.
_UNSAFE_RANGES = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufdd0-\ufdef\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff0-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    # the braille blank (drawn as nothing), private use (no meaning, shown as a box), and the
    # non-characters of every plane
    "\u2800\ue000-\uf8ff\U000f0000-\U0010ffff"
    + "".join(f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(1, 17))
)
UNSAFE = re.compile(f"[{_UNSAFE_RANGES}]")
# Shown escaped when a value is echoed in a message: the above, plus tab and newline.
_ECHO_UNSAFE = re.compile(f"[\t\n{_UNSAFE_RANGES}]")
_ECHO_LIMIT = 80

# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, apostrophes: folded together.
_DASHES = dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"), " ")
_QUOTES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc`´"), "'")


# Characters that look like a plain space, and how a message names them.
_SPACE_LOOKALIKES = {
    "\u00a0": "U+00A0",
    "\u202f": "U+202F",
    "\u2007": "U+2007",
    "\u2009": "U+2009",
    "\u3000": "U+3000",
}


def same_looking(value: str, choices: list[str]) -> str | None:
    composed = unicodedata.normalize("NFC", value)
    if composed != value and composed in choices:
        return _(
            " (its accents are written as separate marks, Unicode NFD: retype it as {choice})"
        ).format(choice=quote(composed))
    spaced = composed
    for char in _SPACE_LOOKALIKES:
        spaced = spaced.replace(char, " ")
    if spaced != composed and spaced.strip() in choices:
        names = sorted({_SPACE_LOOKALIKES[c] for c in composed if c in _SPACE_LOOKALIKES})
        return _(" (retype it as {choice}, without {codes})").format(
            choice=quote(spaced.strip()), codes=", ".join(names)
        )
    return None


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
    """A ready-to-append hint: `` (did you mean 'Estrie'?)`` or an empty string. A suggestion
    that would look the same as the value says what differs (decomposed accents, a
    non-breaking space), since "did you mean 'Montérégie'?" about 'Montérégie' helps no one."""
    choices = list(choices)
    hint = same_looking(value, choices)
    if hint is not None:
        return hint
    found = suggest(value, choices)
    if not found:
        return ""
    return _(" (did you mean {choices}?)").format(choices=either(quote(f) for f in found))


def did_you_mean_slug(value: str, slugs: Iterable[str]) -> str:
    """:func:`did_you_mean` for a reference to a slug: a record renamed by adding words to its
    slug (« meduse » → « cooperative-artistique-meduse ») is offered first, since the
    closest spelling (« meie ») is rarely the record an editor just renamed."""
    slugs = list(slugs)
    words = value.split("-")
    renamed = [slug for slug in slugs if slug != value and _holds_run(slug.split("-"), words)]
    if 0 < len(renamed) <= 3:
        return _(" (did you mean {choices}?)").format(choices=either(quote(s) for s in renamed))
    return did_you_mean(value, slugs)


def _holds_run(words: list[str], run: list[str]) -> bool:
    """Whether ``run`` is a run of whole words of ``words`` (« meduse » in « …-meduse »)."""
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


def either(choices: Iterable[str]) -> str:
    """« A », « B » ou « C »: commas between all but the last two (not « A ou B ou C »)."""
    items = list(choices)
    if len(items) <= 2:
        return _(" or ").join(items)
    return ", ".join(items[:-1]) + _(" or ") + items[-1]


def neutral(text: str) -> str:
    """``text`` with every control or invisible character written as an escape (``\\x1b``)."""
    return _ECHO_UNSAFE.sub(_escape, text) if not (text.isprintable() and text.isascii()) else text


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quote(value: object) -> str:
    """A value echoed in a message: quoted, neutralised, and cut when it is very long; a space
    that only looks like one, or a space at an end, is named (« name  » would read as « name »)."""
    raw = str(value)
    text = neutral(raw)
    if len(text) > _ECHO_LIMIT:
        text = text[: _ECHO_LIMIT - 1] + "…"
    shown = (
        f"«\u00a0{text}\u00a0»"
        if language() == "fr"
        else (f"'{text}'" if "'" not in text else f'"{text}"')
    )
    return shown + spaces_named(raw)


# How a message names a space that is no plain space.
_SPACE_NAMES = {
    "\u00a0": N_("U+00A0, no-break space"),
    "\u202f": N_("U+202F, narrow no-break space"),
    "\u2007": N_("U+2007, figure space"),
    "\u2009": N_("U+2009, thin space"),
    "\u3000": N_("U+3000, ideographic space"),
}


# No-break spaces where French typography puts them (before « : » and « % », inside « », between
# thousands): they are what they look like, and naming them would cry wolf on every quote.
_TYPOGRAPHIC = re.compile("\u00a0(?=[»:;!?%$])|(?<=«)\u00a0|(?<=\\d)\u00a0(?=\\d)|\u202f(?=[;!?»])")


def spaces_named(raw: str) -> str:
    """ " (holds U+00A0, no-break space)" for a text whose spaces are not what they look."""
    untypeset = _TYPOGRAPHIC.sub("", raw)
    found = [_(_SPACE_NAMES[c]) for c in dict.fromkeys(untypeset) if c in _SPACE_NAMES]
    if raw != raw.strip(" "):
        found.append(_("a space at the start or the end"))
    return _(" (holds {what})").format(what="; ".join(found)) if found else ""


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` with at most ``limit`` single-character edits (insertions,
    deletions, substitutions, swaps of neighbours): a typo, not another name. A shorter name
    needs fewer: at most one edit per five characters."""
    limit = min(limit, max(1, min(len(a), len(b)) // 5))
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit
