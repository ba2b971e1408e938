"""French words as search compares them, and the snippet of text shown around a match.

Words are compared by their Snowball French stem (``snowballstemmer``, C-accelerated by
PyStemmer when installed), so jeune/jeunes, coopérative/coopératives meet; a stem of four
letters or more also finds longer words built on it (jeune → jeunesse), and the feminine -rice
of an agent noun meets its -eur (directrice → directeur). Whole words only: aînés never matches
Franciscaines.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from ..figures import ABOUT_NUMBERS
from ..matching import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# 3 000, 3 000 (no-break or narrow spaces), 3,000 and 1 250 000 000 are one number each.
_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d]|[,.]\d)")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("french")


class Token(NamedTuple):
    """A word's French stem, folded (what an unaccented query is compared with) and as written
    (what a query typed with accents is compared with: "aînés" is not "Aina")."""

    folded: str
    accented: str


class Wanted(NamedTuple):
    stem: str
    accented: bool  # the user typed accents: compare with the stems as written
    # the same number the other way it is written (« cinq » for 5, 5 for « cinq »)
    also: str = ""


# Numbers a reader writes in words or in figures: « après cinq ans » is found by 5, « 12
# coopératives » by douze.
NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate(
        [
            ("zero", "zéro"),
            (),  # « un », « une » are articles far more often than numbers
            ("deux", "two"),
            ("trois", "three"),
            ("quatre", "four"),
            ("cinq", "five"),
            ("six",),
            ("sept", "seven"),
            ("huit", "eight"),
            ("neuf", "nine"),
            ("dix", "ten"),
            ("onze", "eleven"),
            ("douze", "twelve"),
            ("treize", "thirteen"),
            ("quatorze", "fourteen"),
            ("quinze", "fifteen"),
            ("seize", "sixteen"),
        ]
    )
    for word in words
} | {"vingt": "20", "twenty": "20", "trente": "30", "quarante": "40", "cinquante": "50"}
# about so many (« une quarantaine de membres ») finds the figure (« environ 40 »); the figure
# still finds its own word first (40 → quarante)
NUMBER_WORDS |= ABOUT_NUMBERS
# and the ranks the sources write « 2e mission », « 1re rencontre »
NUMBER_WORDS |= {
    "premier": "1er",
    "première": "1re",
    "premiere": "1re",
    "first": "1re",
    "deuxième": "2e",
    "deuxieme": "2e",
    "second": "2e",
    "seconde": "2e",
    "troisième": "3e",
    "troisieme": "3e",
    "third": "3e",
    "quatrième": "4e",
    "quatrieme": "4e",
    "fourth": "4e",
}
_DIGITS_TO_WORD = {digits: fold(word) for word, digits in reversed(NUMBER_WORDS.items())}


_ABBREVIATED = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


@lru_cache(maxsize=65536)
def stem(word: str) -> Token:
    """The comparable forms of one word: its French stem, case folded, with and without accents."""
    # NFC, so a decomposed é (e + U+0301) is the é of the data; the dotted capital İ lowers to
    # i + U+0307, which is the i of every French word.
    lowered = unicodedata.normalize("NFC", word.lower().replace("i\u0307", "i")).replace("’", "'")
    if "'" in lowered:  # l'économie → économie
        lowered = lowered.rsplit("'", 1)[1]
    # Quebec's place names abbreviate saint: Baie-St-Paul is Baie-Saint-Paul
    lowered = _ABBREVIATED.get(lowered, lowered)
    stemmed = str(_stemmer().stemWord(lowered)) if not lowered.isdigit() else lowered
    if stemmed.endswith("ric") and len(stemmed) > 5:  # directrice → directeur
        stemmed = stemmed[:-3] + "eur"
    return Token(fold(stemmed), stemmed)


# A name written as one word of several (BoomCoworking, LaRuche): each part is a word too, so
# « coworking » finds BoomCoworking. Only a capital after a small letter starts a part.
_PART = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


def tokens(text: str) -> list[Token]:
    """The stems of ``text``'s words, with grouped numbers joined (3 000 → 3000), and the parts
    of a word written in several capitals (BoomCoworking: also boom, coworking)."""
    joined = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group()), _composed(text))
    found: list[Token] = []
    for word in _WORD.findall(joined):
        found.append(stem(word))
        if not word.islower() and not word.isupper():
            parts = _PART.split(word)
            if len(parts) > 1:
                found.extend(stem(part) for part in parts)
    return found


def word_forms(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` as written (lower case, elision dropped: l'économie → économie),
    with its stem as written: what a full-text index that knows no French needs to be given."""
    joined = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group()), _composed(text))
    found: list[tuple[str, str]] = []
    for word in _WORD.findall(joined):
        written = word.lower().replace("’", "'").rsplit("'", 1)[-1]
        found.append((written, stem(word).accented))
    return found


@lru_cache(maxsize=65536)
def inflections(written: str) -> frozenset[str]:
    """The plural and feminine forms of a word written in lower case that French stems as it
    (aînés: aîné, aînée, aînées), so that an index given them finds the form a reader types."""
    base = written[:-1] if written.endswith(("s", "x")) and len(written) > 3 else written
    own = stem(written).accented
    candidates = {written, base, base + "s", base + "e", base + "es", base + "x"}
    return frozenset(c for c in candidates if c == written or stem(c).accented == own)


def _composed(text: str) -> str:
    """NFC: a decomposed accent (e + U+0301) would split the word in two."""
    return text if text.isascii() else unicodedata.normalize("NFC", text.replace("i\u0307", "i"))


def wanted_words(text: str) -> list[Wanted]:
    """The words of a query, each compared with or without accents as the user typed it."""
    return list(dict.fromkeys(_wanted(word) for word in query_words(text)))


def query_words(text: str) -> list[str]:
    return _WORD.findall(_GROUPED.sub(lambda m: re.sub(r"\D", "", m.group()), _composed(text)))


# Words a Quebec reader types for another the data writes: the English word in use beside the
# French term (coworking, the Office québécois de la langue française's « cotravail »). Each side
# finds the other; a word has one such synonym at most.
SYNONYMS = {"coworking": "cotravail", "cotravail": "coworking"}


def _wanted(word: str) -> Wanted:
    token = stem(word)
    accented = not word.isascii()
    lowered = word.lower()
    also = NUMBER_WORDS.get(lowered) or _DIGITS_TO_WORD.get(lowered, "")
    if not also and token.folded in SYNONYMS:
        also = stem(SYNONYMS[token.folded]).folded
    return Wanted(token.accented if accented else token.folded, accented, also)


def matches(token: Token, wanted: Wanted) -> bool:
    """Same stem, or a stem of four letters or more that starts a longer one (jeun → jeuness);
    a number meets its word (5, cinq)."""
    word = token.accented if wanted.accented else token.folded
    if wanted.also and token.folded == wanted.also:
        return True
    return word == wanted.stem or (len(wanted.stem) >= 4 and word.startswith(wanted.stem))


# Words of a question that say nothing of what is asked: a question typed whole (« Quelles
# coopératives sont en Estrie ? ») is searched by its other words when no record holds them all.
QUESTION_WORDS = frozenset(
    fold(w)
    for w in (
        "a à au aux avec ce ces cet cette combien comment d de des du dans elle elles en est et "
        "il ils l la le les leur leurs lui ma mon ne ni nos notre on ont ou où par pas pour "
        "qu quand que quel quelle quelles quels qui quoi sa se ses son sont sur t un une y "
        "ai as avait été être fait faire peut sait "
        "an the of in on at to for by and or is are was were what which who whom when where how "
        "many much does did do with from"
    ).split()
)


def telling_words(text: str) -> list[Wanted]:
    """The words of ``text`` that say what is asked: those of :func:`wanted_words` that are
    no question word (« quelles », « sont », « en », « l' »)."""
    kept = [
        word
        for word in query_words(text)
        if fold(word.replace("’", "'").rsplit("'", 1)[-1]) not in QUESTION_WORDS
    ]
    return list(dict.fromkeys(_wanted(word) for word in kept))


def _densest(words: list[re.Match[str]], wanted: list[Wanted], width: int) -> int:
    """The matching word from which a window of ``width`` holds the most of the words wanted
    (the first such): « Semaine de la coopération 2020 » shows the week, not the first 2020."""
    held = [{w for t in tokens(word.group()) for w in wanted if matches(t, w)} for word in words]
    best, best_count = 0, 0
    for index, here in enumerate(held):
        if not here:
            continue
        seen: set[Wanted] = set()
        room = 0
        for later in range(index, len(words)):
            room += len(words[later].group()) + 1
            if room > width * 3 // 4:
                break
            seen |= held[later]
        if len(seen) > best_count:
            best, best_count = index, len(seen)
    return best


def snippet(value: str, wanted: list[Wanted], width: int = 70) -> str:
    """The part of ``value`` around the first matching word, cut between words only (a number
    is never cut in half)."""
    if len(value) <= width:
        return value
    words = list(re.finditer(r"\S+", value))
    at = _densest(words, wanted, width)

    def span(first: int) -> int:  # room taken from word ``first`` to the matching word
        return sum(len(word.group()) + 1 for word in words[first : at + 1])

    start = max(0, at - 3)
    while start < at and span(start) > width:  # the matching word is always shown
        start += 1
    # French groups thousands with spaces ("1 250 000 $"): a window never starts or ends inside
    # such an amount, so it is shown whole or not at all
    tied = _tied_to_next(value, words)
    first = start
    while 0 < first < at and first - 1 in tied:
        first -= 1
    if span(first) <= width:
        start = first
    else:
        while start < at and start - 1 in tied:
            start += 1
    out: list[str] = []
    length = 0
    for word in words[start:]:
        if out and length + len(word.group()) + 1 > width:
            break
        out.append(word.group())
        length += len(word.group()) + 1
    end = start + len(out)
    while end < len(words) and end - 1 > at and end - 1 in tied:
        out.pop()
        end -= 1
    shown = " ".join(out)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + len(out) < len(words) else ""
    return prefix + shown + suffix


# A number as tokens() joins it (grouped or not), with the sign of its unit if one follows.
_AMOUNT = re.compile(rf"(?:{_GROUPED.pattern}|\d+(?:[.,]\d+)?)(?:[ \u00a0\u202f]+[$€%](?!\S))?")


def _tied_to_next(value: str, words: list[re.Match[str]]) -> set[int]:
    """Indices of the words that the next word continues as one amount (``250`` of ``1 250 $``)."""
    starts = [word.start() for word in words]
    tied: set[int] = set()
    for amount in _AMOUNT.finditer(value):
        inside = [i for i, at in enumerate(starts) if amount.start() <= at < amount.end()]
        tied.update(inside[:-1])
    return tied
