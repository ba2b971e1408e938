"""The sources' own texts, read so that an anchor can be found in them and a value checked
against the passage that holds it.

Matching is on words, not characters: case, accents, spaces, dashes, apostrophes, markup
(``**``, ``^{ère}``, ``<i>``) and the documents' broken lines make no difference, and a number
written with spaces between its thousands (« 960 000 ») is one number. Digits and letters are
separate words, an ordinal's mark is one word (« 1re », « 1ère », « 1er » are one spelling, as
are « 3e » and « 3ème »), and leading zeros are dropped (« 05 » is 5), so that a date or a rank
is found however a document writes it. A plural is its singular (« agentes » states « agente »)
and an approximate number its figure (« une quarantaine » states 40).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..figures import ABOUT_NUMBERS

# A number whose thousands are separated by a space (normal, no-break or narrow no-break).
_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3})((?:[ \u00a0\u202f\u2009]\d{3})+)(?![\d])")
_MAYBE_GROUPED = re.compile("\\d[ \u00a0\u202f\u2009]\\d")
_WORD = re.compile(r"\d+|[^\W\d_]+")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")  # HTML markup in a web page's text: <i>, </b>


# How an ordinal is written after its number: 1er, 1re, 1ère, 2e, 2ème, 2nd (one word to us).
_ORDINALS = frozenset(
    {"er", "re", "ere", "e", "eme", "ieme", "nd", "nde", "ers", "res", "eres", "es", "emes"}
)
# and as they read once normalised (a plural's singular: « emes » is « eme »)
_ORDINAL_FORMS = frozenset(_ORDINALS | {w[:-1] for w in _ORDINALS if len(w) > 3})
# Words ending in s that are no plural, and whose s a month depends on (« mars »; « mais » is
# not « mai »).
_NOT_PLURALS = frozenset({"mars", "mais"})


class _Folding(dict[int, str]):
    """A ``str.translate`` table that folds each character once: casefolded, decomposed,
    without its accents (computed the first time a character is seen)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _Folding()


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as matching sees them (see the module's docstring)."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if _MAYBE_GROUPED.search(text):
        text = _GROUPED.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    found = [_NORMAL.get(word) or _normal(word) for word in _WORD.findall(text.translate(_FOLD))]
    for index in range(1, len(found)):  # « 1re », « 1ère », « 1er » are one spelling
        if found[index] in _ORDINAL_FORMS and found[index - 1].isdigit():
            found[index] = "e"
    return tuple(found)


_NORMAL: dict[str, str] = {}


def _normal(word: str) -> str:
    """One word's form (computed once per distinct word): a number without its leading zeros,
    an approximate number's figure, a plural's singular."""
    if word.isdigit():
        form = word.lstrip("0") or "0"
    elif word.rstrip("s") in ABOUT_NUMBERS:
        form = ABOUT_NUMBERS[word.rstrip("s")]
    elif len(word) > 3 and word[-1] in "sx" and word not in _NOT_PLURALS:
        form = word[:-1]  # one form for the singular and the plural
    else:
        form = word
    _NORMAL[word] = form
    return form


def phrase(text: str) -> str:
    """``text`` as one matchable string: its words between single spaces, padded."""
    return " " + " ".join(words(text)) + " "


# Where a web page's text breaks a line into blocks: each block is a passage of its own (a
# table cell: a participant's card of several paragraphs), though the page keeps them on one
# line. A tab separates the cells of a table laid out as text.
_BLOCK = re.compile(r"\t|</?(?:br|li|tr|td|th|div|h[1-6])\b[^<>]{0,40}>", re.IGNORECASE)


@dataclass
class Document:
    """One source's text, as words, cut into passages (lines, or a web page's blocks), each
    with the line it stands on."""

    name: str
    units: list[str]  # the passages' texts
    unit_lines: list[int]  # the line (1-based) each passage stands on
    text: str = ""  # every word, space-separated and padded (see ``phrase``)
    starts: list[int] = field(default_factory=list)  # offset in ``text`` where each unit begins
    # the passages each word stands in: an anchor is looked for only around its rarest word,
    # so checking 100,000 anchors never scans the whole text 100,000 times
    index: dict[str, list[int]] = field(default_factory=dict)
    located: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def read(cls, name: str, content: str) -> Document:
        units: list[str] = []
        unit_lines: list[int] = []
        for number, line in enumerate(content.splitlines(), 1):
            for block in _BLOCK.split(line):
                if words(block):
                    units.append(block)
                    unit_lines.append(number)
        pieces: list[str] = []
        starts: list[int] = []
        index: dict[str, list[int]] = {}
        offset = 1
        for number, unit in enumerate(units):
            starts.append(offset)
            unit_words = words(unit)
            for word in dict.fromkeys(unit_words):
                index.setdefault(word, []).append(number)
            piece = " ".join(unit_words) + " "
            pieces.append(piece)
            offset += len(piece)
        return cls(name, units, unit_lines, " " + "".join(pieces), starts, index)

    def find(self, anchor: str) -> Iterator[tuple[int, int]]:
        """Each place ``anchor`` occurs: the first and last passages it spans (0-based)."""
        anchor_words = words(anchor)
        if not anchor_words:
            return
        wanted = " " + " ".join(anchor_words) + " "
        rarest = min(anchor_words, key=lambda w: len(self.index.get(w, ())))
        span = len(anchor_words)
        seen: set[int] = set()
        for unit in self.index.get(rarest, []):
            # the anchor starts at most ``span`` passages before the one holding its rarest word
            low = self.starts[max(0, unit - span)] - 1
            high = self.starts[unit + span + 1] if unit + span + 1 < len(self.starts) else None
            start = self.text.find(wanted, low, high)
            while start != -1:
                if start not in seen:
                    seen.add(start)
                    first = bisect.bisect_right(self.starts, start + 1) - 1
                    last = bisect.bisect_right(self.starts, start + len(wanted) - 2) - 1
                    yield first, last
                start = self.text.find(wanted, start + 1, high)

    def line_of(self, unit: int) -> int:
        return self.unit_lines[unit]

    def passage(self, first: int, last: int) -> str:
        """The words of passages ``first`` to ``last``, matchable (see ``phrase``)."""
        end = self.starts[last + 1] if last + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[first] - 1 : end]

    def locates(self, locator: str) -> bool:
        """Whether a locator (a heading, a slide title) can be found in the text."""
        if locator not in self.located:
            self.located[locator] = next(self.find(locator), None) is not None
        return self.located[locator]


def states(passage: str, value: str) -> bool:
    """Whether a passage (see ``Document.passage``) holds ``value``'s words, in order; a year
    that starts or ends a decade is also stated by that decade (« les années 50 et 60 » states
    1950 and 1969, « les années 1990 » 1990 and 1999)."""
    wanted = phrase(value)
    if wanted.strip() != "" and wanted in passage:
        return True
    return _DECADE_END.fullmatch(value) is not None and _states_decade(passage, value)


_DECADE_END = re.compile(r"[0-9]{3}[09]")


def _states_decade(passage: str, year: str) -> bool:
    decade = year[:3] + "0"
    named = re.compile(rf" annee (?:[0-9]+ (?:et|a|ou) )*(?:{decade}|{decade[2:]}) ")
    return named.search(passage) is not None


def read_documents(folder: Path, names: set[str]) -> tuple[dict[str, Document], dict[str, str]]:
    """The documents named, read from ``folder``; and why each one that could not be read."""
    found: dict[str, Document] = {}
    unreadable: dict[str, str] = {}
    for name in sorted(names):
        try:
            content = (folder / name).read_text(encoding="utf-8")
        except FileNotFoundError:
            unreadable[name] = "missing"
            continue
        except (OSError, UnicodeDecodeError) as err:
            unreadable[name] = str(err)
            continue
        found[name] = Document.read(name, content)
    return found, unreadable
