"""Search over every record and source: whole words and French word forms (``words.py``),
figures whatever their spacing, French dates; a match in a name, acronym or alias ranks above
one in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, overload

from ..figures import figure_text
from ..i18n import _
from ..kinds import KIND
from ..labels import field_label
from ..matching import fold
from ..parts import FIELDS_OF, fields_of_part, part_of
from . import KB, Record
from .records import iter_with_sources, names_of, place_of
from .words import (
    QUESTION_WORDS,
    Token,
    Wanted,
    inflections,
    matches,
    query_words,
    snippet,
    stem,
    telling_words,
    tokens,
    wanted_words,
    word_forms,
)

_NAME_FIELDS = {"name": 100, "acronym": 95, "slug": 90, "aliases": 85}
_BODY = 40
_QUOTED = 30  # the sources' words for a record, below its own text
_MONTHS = {
    fold(m): f"{i:02d}"
    for i, names in enumerate(
        [
            ("janvier", "january", "jan", "janv"),
            ("février", "february", "feb", "fev", "févr"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr", "avr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul", "juil"),
            ("août", "august", "aug", "aou"),
            ("septembre", "september", "sep", "sept"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("décembre", "december", "dec", "déc"),
        ],
        start=1,
    )
    for m in names
}
_ISO_MONTH = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?")


class Hit(NamedTuple):
    score: int
    kind: str
    slug: str
    name: str
    field: str
    snippet: str
    place: str = ""  # where the record stands, with its MRC (« La Doré (MRC …), … »)

    def as_dict(self) -> dict[str, Any]:
        """The JSON of a hit (``match`` is the snippet, under its documented name)."""
        return {**self._asdict(), "match": self.snippet}


def index_blobs(kb: KB, quotes: Quotes | None = None) -> list[str]:
    """Per record (in ``iter_with_sources`` order), the folded stems of all its text as one
    string: computed once per content of the data and cached, so a search over a large base
    only tokenizes the records that can match. ``quotes`` (see :func:`quotes_by_record`) adds
    the words the sources use for it."""
    quotes = quotes or {}
    return [
        " "
        + " ".join(
            t.folded
            for _p, value, _f in (
                *_texts(kind, record),
                *_labels(kind, record),
                *_quoted(quotes.get(record["slug"], [])),
            )
            for t in tokens(value)
        )
        + " "
        for kind, record in iter_with_sources(kb)
    ]


def shared_word_forms(kb: KB) -> list[tuple[str, Record, str]]:
    """Per record and source (in ``iter_with_sources`` order): its kind, itself, and every form
    the base writes of the stems of its words, space-separated. SQLite's full-text search (what
    Datasette's search box runs) knows no French: given these forms, « jeunes » finds Jeune
    COOP (the base writes both), « aînées » the roadmap that writes « aînés » (a form French
    inflection gives), and « aines » no Aina: stems are compared as written."""
    stems_of: list[tuple[str, Record, set[str]]] = []
    written_as: dict[str, set[str]] = {}
    for kind, record in iter_with_sources(kb):
        stems: set[str] = set()
        for _path, value, _figure in _texts(kind, record):
            for written, stemmed in word_forms(value):
                written_as.setdefault(stemmed, set()).add(written)
                stems.add(stemmed)
        stems_of.append((kind, record, stems))
    return [
        (
            kind,
            record,
            " ".join(sorted({f for s in stems for w in written_as[s] for f in inflections(w)})),
        )
        for kind, record, stems in stems_of
    ]


# Per record slug, what its evidence quotes of the sources: [text, the field it states].
Quotes = dict[str, list[list[str]]]


def quotes_by_record(kb: KB) -> Quotes:
    """The sources' own words for each record (its claims' ``says``), each with the
    record's field it states, from a base read with its evidence: « vision à court et à long
    terme » is how the source puts what the record says in other words. Cached beside the
    base, so search never loads the evidence."""
    found: Quotes = {}
    kinds = {record["slug"]: kind for kind, record in iter_with_sources(kb)}
    for claim in (kb.get("evidence") or {}).get("claims", []):
        kind = kinds.get(str(claim.get("record")), "")
        # a claim of a reference (« 12 coopératives de proximité » for each cooperative's
        # project) is the linked record's words, not this one's
        covered = [
            top
            for top in (str(p).split(".")[0] for p in claim.get("of") or [])
            if (part := part_of(kind, top)) is None
            or part.part not in ("reference", "references", "sources", "records")
        ]
        if not covered:
            continue
        field = next((f for f in covered if f not in ("name", "slug")), covered[0])
        # the words it quotes (``says``); the heading it is under (``at``) is shared by many
        # records (« 12 coopératives et projets de territoire ») and tells none of them
        text = claim.get("says")
        if isinstance(text, str) and text:
            found.setdefault(str(claim.get("record")), []).append([text, field])
    return found


def _quoted(quotes: Iterable[Sequence[str]]) -> Iterator[tuple[str, str, bool]]:
    for index, (text, _field) in enumerate(quotes):
        yield f"evidence[{index}]", text, False


def _stated(record: Record, quoted: Sequence[Sequence[str]], path: str) -> tuple[str, str] | None:
    """For an excerpt found in the sources' words (``evidence[i]``), the record's own field
    they state, in our words, and its text: the answer, not the quote."""
    found = re.fullmatch(r"evidence\[(\d+)\]", path)
    if found is None:
        return None
    _text, field = quoted[int(found.group(1))]
    value = record.get(field)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = " • ".join(value)
    return (field, value) if isinstance(value, str) and value else None


def _labels(kind: str, record: Record) -> Iterator[tuple[str, str, bool]]:
    """The labels of the fields a record fills, in the interface's language: « objectifs
    spécifiques » finds the cooperation through the field that holds them."""
    for key, value in record.items():
        part = part_of(kind, key)
        if part is None or part.part in ("records", "sources", "reference", "references"):
            continue
        if value not in (None, "", [], {}) and key not in ("slug", "name"):
            yield key, field_label(key, kind), False


def search(
    kb: KB,
    text: str,
    kinds: tuple[str, ...] = (),
    blobs: list[str] | None = None,
    quotes: Quotes | None = None,
) -> list[Hit]:
    """Records holding every word of ``text`` (or, for a date, dated then), best first; with
    ``quotes``, the sources' words for a record count as its text, below its own.
    ``blobs`` (see :func:`index_blobs`, built with the same quotes) only speed it up."""
    period = _as_period(text)
    wanted = wanted_words(text)
    if not wanted and period is None:
        return []
    forms = [_forms(w) for w in wanted]
    records = list(iter_with_sources(kb))
    usable = blobs is not None and len(blobs) == len(records) and period is None
    hits: list[Hit] = []
    held: dict[str, Record] = {}  # the records hit, for their context
    for index, (kind, record) in enumerate(records):
        if kinds and kind not in kinds:
            continue
        if usable and not all(any(f in blobs[index] for f in w) for w in forms):  # type: ignore[index]
            continue
        quoted = (quotes or {}).get(record["slug"], ())
        hit = (
            _date_hit(kind, record, period)
            if period
            else _word_hit(kind, record, wanted, quoted=quoted)
        )
        if hit is not None:
            hits.append(hit)
            held[record["slug"]] = record
    return _with_context(kb, sorted(hits, key=lambda h: (-h.score, fold(h.name))), held)


def named_record(kb: KB, hits: Sequence[Hit], text: str) -> tuple[str, Record] | None:
    """The one record a search points to: the only record hit, or the only one whose names
    (name, acronym, aliases, slug) hold every telling word typed (« La Brunante », «
    Lac-Édouard »: the council's case study names them too). Its record follows the hits: it
    is the `show` a reader would type next, for the place, the timeline, the people."""
    slugs = {hit.slug for hit in hits}
    held = [(k, r) for k, r in iter_with_sources(kb) if r["slug"] in slugs]
    if len(held) > 1:
        wanted = [w for w in wanted_words(text) if w.stem not in _QUESTION_STEMS]

        def named(record: Record) -> bool:
            said = [t for name in names_of(record) for t in tokens(name.replace("-", " "))]
            return all(any(matches(t, w) for t in said) for w in wanted)

        held = [(k, r) for k, r in held if named(r)] if wanted else []
    return held[0] if len(held) == 1 else None


# Of a hit found by its name only, what is shown in place of the name it repeats.
_CONTEXT_OF_MOST = 30


def _with_context(kb: KB, hits: list[Hit], records: dict[str, Record]) -> list[Hit]:
    """A hit found by its name alone (« nom : Miel ») shows what tells the record instead: its
    description, else where it stands, else who refers to it (« rencontres (missions) :
    2e mission de coopération »). For the first hits only: the rest read as they are."""
    named = [i for i, h in enumerate(hits[:_CONTEXT_OF_MOST]) if h.field in _NAME_FIELDS]
    if not named:
        return hits
    from .links import all_links

    by_slug: dict[str, Any] | None = None
    out = list(hits)
    for index in named:
        hit = hits[index]
        record = records.get(hit.slug, {})
        if isinstance(record.get("description"), str):
            text = snippet(record["description"], [], width=EXCERPT_WIDTH)
            out[index] = hit._replace(field="description", snippet=text)
            continue
        if by_slug is None:
            by_slug = all_links(kb)[0]
        linked = by_slug.get(hit.slug) or {}
        told = [(label, "; ".join(r["name"] for _k, r in items)) for label, items in linked.items()]
        if told:  # where it stands is beside its name already (``Hit.place``)
            label, names = told[0]
            out[index] = hit._replace(field=label, snippet=names)
        elif place_of(record):
            out[index] = hit._replace(field="place", snippet=place_of(record))
    return out


def _forms(wanted: Wanted) -> tuple[str, ...]:
    """What the index must hold for a record to match ``wanted`` (its stem, or its number in
    the other writing)."""
    return (" " + fold(wanted.stem), *((" " + wanted.also,) if wanted.also else ()))


class Closest(NamedTuple):
    """Records holding most, not all, of a query's telling words: what `search` offers when a
    question typed whole (« Quelles coopératives sont en Estrie ? ») finds no record with every
    word."""

    hits: list[Hit]
    words: int  # the telling words of the query
    found: int  # how many of them the best hits hold
    telling: str = ""  # those words, as typed


def closest(
    kb: KB,
    text: str,
    kinds: tuple[str, ...] = (),
    most: int = 10,
    quotes: Quotes | None = None,
) -> Closest:
    """The records holding the most telling words of ``text`` (at least half of them, or two
    when no record holds half; at least one), best first; empty when ``text`` has under two
    such words and is one already searched whole."""
    wanted = telling_words(text)
    if not wanted or (len(wanted) < 2 and wanted == wanted_words(text)):
        return Closest([], len(wanted), 0)
    telling = " ".join(_telling_text(text))
    if len(wanted) < len(wanted_words(text)):  # question words aside, every word may be there
        strict = search(kb, telling, kinds, quotes=quotes)
        if strict:
            return Closest(strict[:most], len(wanted), len(wanted), telling)
    needed = max(1, (len(wanted) + 1) // 2)
    scored = _holding(kb, wanted, needed, kinds, quotes)
    if not scored and needed > 2:
        # two people named in one query (« Delphine Empio Juliette Giraud spécialités »): each
        # holds two words of five, and that is what was asked
        scored = _holding(kb, wanted, 2, kinds, quotes)
    scored.sort(key=lambda pair: (-pair[0], -pair[1].score, fold(pair[1].name)))
    best = scored[0][0] if scored else 0
    kept = [hit for count, hit in scored if count == best][:most]
    # found by their names, they show what tells them, as a whole search's hits do
    slugs = {hit.slug for hit in kept}
    records = {r["slug"]: r for _k, r in iter_with_sources(kb) if r["slug"] in slugs}
    return Closest(_with_context(kb, kept, records), len(wanted), best, telling)


def _holding(
    kb: KB, wanted: list[Wanted], needed: int, kinds: tuple[str, ...], quotes: Quotes | None
) -> list[tuple[int, Hit]]:
    """Each record holding at least ``needed`` of ``wanted``, with how many it holds."""
    scored: list[tuple[int, Hit]] = []
    for kind, record in iter_with_sources(kb):
        if kinds and kind not in kinds:
            continue
        quoted = (quotes or {}).get(record["slug"], ())
        found = _word_hit(kind, record, wanted, needed, quoted=quoted)
        if found is not None:
            scored.append(found)
    return scored


def corrections(kb: KB, text: str, blobs: Sequence[str] | None = None) -> dict[str, str]:
    """For each word of ``text`` no record holds, the word of the base it is closest to, when
    one is close (« koalla » → « Koala », « monaies » → « monnaies »): a typo found nothing at
    all, not even the records holding the other words. Computed only when a search finds
    nothing, so the whole base's words are read only then."""
    import difflib

    held = set(" ".join(blobs if blobs is not None else index_blobs(kb)).split())
    missing = [
        word
        for word in query_words(text)
        if fold(word) not in QUESTION_WORDS and not any(_known(w, held) for w in wanted_words(word))
    ]
    if not missing:
        return {}
    words: dict[str, str] = {}  # folded → the word as the base writes it
    for kind, record in iter_with_sources(kb):
        for _p, value, _f in _texts(kind, record):
            for word in query_words(value):
                if len(word) > 2 and not word.isdigit():
                    words.setdefault(fold(word), word)
    fixed = {}
    for word in missing:
        # 0.85: « koalla » → koala (0.91), « monaies » → monnaie (0.86); « montreal » is
        # no « montrer » (0.8)
        close = difflib.get_close_matches(fold(word), list(words), n=1, cutoff=0.85)
        if close and len(word) > 3:
            fixed[word] = words[close[0]]
    return fixed


def _known(wanted: Wanted, held: set[str]) -> bool:
    stem = fold(wanted.stem)  # the index holds folded stems
    if stem in held or (wanted.also and wanted.also in held):
        return True
    return len(stem) >= 4 and any(token.startswith(stem) for token in held)


def corrected_text(text: str, fixed: dict[str, str]) -> str:
    """``text`` with each mistyped word replaced by the base's word it stands for."""
    for typed, word in fixed.items():
        text = re.sub(rf"(?<![^\W_]){re.escape(typed)}(?![^\W_])", word, text)
    return text


def _telling_text(text: str) -> list[str]:
    from .words import QUESTION_WORDS

    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)
    return [w for w in words if fold(w.replace("’", "'").rsplit("'", 1)[-1]) not in QUESTION_WORDS]


@overload
def _word_hit(
    kind: str, record: Record, wanted: list[Wanted], *, quoted: Sequence[Sequence[str]] = ()
) -> Hit | None: ...
@overload
def _word_hit(
    kind: str,
    record: Record,
    wanted: list[Wanted],
    needed: int,
    *,
    quoted: Sequence[Sequence[str]] = (),
) -> tuple[int, Hit] | None: ...
def _word_hit(
    kind: str,
    record: Record,
    wanted: list[Wanted],
    needed: int | None = None,
    *,
    quoted: Sequence[Sequence[str]] = (),
) -> Hit | tuple[int, Hit] | None:
    """The record's best field for ``wanted``, when it holds every word (or, given ``needed``,
    at least that many: then with how many it holds)."""
    fields = [*_texts(kind, record), *_quoted(quoted)]
    labels = {key: tokens(label) for key, label, _f in _labels(kind, record)}
    found: set[Wanted] = set()
    in_text: set[Wanted] = set()  # words the record's own text holds (not only a label)
    best: tuple[int, str, str, set[Wanted]] | None = None
    # The excerpt a reader needs is the text beyond the name (the name is its own column): a
    # programme found by its name shows the figure or sentence that also holds the words.
    told: tuple[tuple[int, int], str, str, set[Wanted]] | None = None
    name = tokens(record["name"])
    telling = {w for w in wanted if w.stem not in _QUESTION_STEMS}
    for path, value, _is_figure in fields:
        top = path.split("[")[0].split(".")[0]
        field_tokens = tokens(value)
        here = {w for w in wanted if any(matches(t, w) for t in field_tokens)}
        if top == "evidence" and len(here) < 2:
            # a quote often lists several records (« Miel, Cigales… »): it finds one only
            # through two words or more of the query, as a phrase of the source would
            continue
        by_label = {w for w in wanted if any(matches(t, w) for t in labels.get(top, ()))}
        if not here and not by_label:
            continue
        found |= here | by_label
        in_text |= here
        weight = _NAME_FIELDS.get(top, _QUOTED if top == "evidence" else _BODY)
        # the field's own words count more than its label's
        # scored on the words that tell what is asked: « dans » in a description said
        # nothing of it, and outranked the field whose label is the question
        score = weight + 10 * len(here & telling) + 5 * len((by_label - here) & telling)
        score += 15 if (here | by_label) >= telling else 0
        # every telling word typed names the field (« innover en action collective »): the
        # reader asked for that field by its name, which ranks it with the records' names (a
        # programme's name holding two of the words came first)
        score += 60 if len(telling) > 1 and by_label >= telling else 0
        if best is None or score > best[0]:
            best = (score, path, value, here | by_label)
        # the excerpt holding most words the name does not already show (a field found by
        # its label counts: « objectifs spécifiques » shows the objectives), then most words
        both = here | by_label
        new = (len({w for w in both if not any(matches(t, w) for t in name)}), len(both))
        if top == "evidence":  # a quote shows the field it states, ranked below our own
            if _stated(record, quoted, path) is None:
                continue
            new = (new[0], new[1] - 1)
        if top not in _NAME_FIELDS and not value.isdigit() and (told is None or new > told[0]):
            told = (new, path, value, here)
    if best is None or (found != set(wanted) if needed is None else len(found) < needed):
        return None
    score = best[0]
    _rank, path, value, here = told if told is not None else best
    asked = _asked_fields(record, labels, telling - in_text - set(_name_words(name, wanted)))
    if asked and path.split("[")[0].split(".")[0] not in asked:
        # words the record holds only as the labels of its fields (« … MRC région », « … site
        # web ») ask for those fields: the excerpt shows them, not the text the rest matched
        path, value, here = asked[0], _plain(record[asked[0]]), set()
        for key in asked[1:]:
            more = _("{where}: {match}").format(
                where=field_label(key, kind), match=_plain(record[key])
            )
            value = f"{value} · {more}"
    listed = _whole_list(record, path) if not here else None
    if listed is not None:  # found by its label: the list itself, not its first item
        path, value = listed
    stated = _stated(record, quoted, path)
    if stated is not None:  # found in the sources' words: the field they state, in ours
        path, value = stated
        own = tokens(value)  # shown around the words ours share with the query
        here = {w for w in wanted if any(matches(t, w) for t in own)}
    excerpt = snippet(value, sorted(here), width=EXCERPT_WIDTH)
    when = _date_of_item(record, path)
    if when:  # a step or milestone says when (« 1990-2000 — Coopératives de services … »)
        excerpt = f"{when} — {excerpt}"
    told = record.get("description")
    if _field_name(path) in _BARE_FIELDS and isinstance(told, str) and told not in excerpt:
        # « municipalité : Baie-Saint-Paul » seven times said where, not what: the record's
        # description follows the place or date that matched
        room = max(60, EXCERPT_WIDTH - len(excerpt))
        excerpt = f"{excerpt} — {snippet(told, sorted(here), width=room)}"
    hit = Hit(
        score,
        kind,
        record["slug"],
        record["name"],
        _field_name(path),
        excerpt,
        place_of(record, mrc=True),
    )
    return hit if needed is None else (len(found), hit)


def _name_words(name: list[Token], wanted: list[Wanted]) -> list[Wanted]:
    return [w for w in wanted if any(matches(t, w) for t in name)]


def _asked_fields(record: Record, labels: dict[str, list[Token]], words: set[Wanted]) -> list[str]:
    """The fields, in the record's order, whose labels hold one of ``words`` and whose value
    reads as one line (a text, a number, a list of texts)."""
    if not words:
        return []
    return [
        key
        for key, label in labels.items()
        if _plain(record.get(key)) and any(matches(t, w) for t in label for w in words)
    ]


def _plain(value: Any) -> str:
    """A text, number or list of texts as one line; "" for anything else."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(i, str) for i in value):
        return " • ".join(value)
    return ""


def _whole_list(record: Record, path: str) -> tuple[str, str] | None:
    """A field of texts, one item per line (« perspectives d'avenir »), as one excerpt: its
    items joined; None when ``path`` is no item of such a field."""
    found = re.fullmatch(r"([a-z_]+)\[\d+\]", path)
    items = record.get(found.group(1)) if found else None
    if found is None or not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return None
    return found.group(1), " • ".join(items)


def _date_of_item(record: Record, path: str) -> str:
    """The date of the sub-record holding ``path`` (a step, a milestone, an affiliation), as
    tables write periods; empty when it has none or ``path`` is the record's own field."""
    found = re.match(r"([a-z_]+)\[(\d+)\]\.", path)
    if found is None:
        return ""
    items = record.get(found.group(1))
    index = int(found.group(2))
    item = items[index] if isinstance(items, list) and index < len(items) else None
    if not isinstance(item, dict) or not isinstance(item.get("date"), str | int):
        return ""
    start, end = str(item["date"]), item.get("end")
    return f"{start}→{end}" if end else start


# The stems of the question words (« dans », « les »): a field's label holding every other
# word typed is the field asked for.
_QUESTION_STEMS = frozenset(stem(word).folded for word in QUESTION_WORDS)

# Fields that say where or when, not what: a hit found there shows the description too.
_BARE_FIELDS = frozenset(
    ("municipality", "mrc", "region", "country", "locality", "destination", "start", "end", "date")
)

# Long enough to hold the answer of a sentence (« … à partir de sommes inutilisées du PARC »),
# which a 70-character window cut off.
EXCERPT_WIDTH = 200


def _texts(owner: str, value: Any, path: str = "") -> Iterator[tuple[str, str, bool]]:
    """(path, text, is a figure) for every text of a record of kind ``owner``, by each field's
    part: a figure reads as it is shown; nested records, source ids and references are not its
    text."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        yield path, str(value), False
    elif isinstance(value, dict):
        if owner == "figure":
            yield path, figure_text(value), True
            return
        for key, item in value.items():
            part = part_of(owner, key)
            # Nested records are searched on their own; source ids and the slugs a record
            # refers to are no text of its own (« proximité » found every cooperative of the
            # proximity study through its project's slug).
            if part is not None and part.part in ("records", "sources", "reference", "references"):
                continue
            shape = part.shape if part is not None and part.shape else owner
            yield from _texts(shape, item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(owner, item, f"{path}[{index}]")


def _field_name(path: str) -> str:
    return re.sub(r"\[\d+\]", "", path)


# --- dates ---------------------------------------------------------------------------------------


def _as_period(text: str) -> tuple[str, str] | None:
    """``octobre 2017``, ``oct. 2017``, ``2017-10`` or ``2017-10-04`` as a date prefix range;
    None when ``text`` is not a date (a bare year is searched as a word and as a date)."""
    slashed = re.fullmatch(r"\s*(?:([0-9]{1,2})/)?([0-9]{1,2})/([0-9]{4})\s*", text)
    if slashed:  # 13/10/2017 and 10/2017, the day first as Quebec writes it
        day, month, year = slashed.groups()
        iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        return (iso, iso) if _real_date(iso) else None
    words = fold(text).replace(".", " ").split()
    if words and re.fullmatch(r"1er", words[0]):  # « 1er octobre 2017 »
        words[0] = "1"
    if len(words) == 2 and words[0] in _MONTHS and re.fullmatch(r"[0-9]{4}", words[1]):
        month = f"{words[1]}-{_MONTHS[words[0]]}"
        return month, month
    if len(words) == 3 and words[1] in _MONTHS and re.fullmatch(r"[0-9]{1,2}", words[0]):
        if re.fullmatch(r"[0-9]{4}", words[2]):
            day = f"{words[2]}-{_MONTHS[words[1]]}-{int(words[0]):02d}"
            return (day, day) if _real_date(day) else None
    found = _ISO_MONTH.fullmatch(text.strip())
    if found and found.group(2) and _real_date(text.strip()):
        return text.strip(), text.strip()
    return None


def _real_date(text: str) -> bool:
    """``2017-10`` or ``2017-10-04`` naming a month and day that exist (not 2017-13, 2017-02-30):
    anything else is searched as words."""
    import calendar

    parts = [int(p) for p in text.split("-")]
    if not 1 <= parts[1] <= 12:
        return False
    return len(parts) == 2 or 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]


def _overlaps(start: str, end: str | None, period: tuple[str, str]) -> bool:
    first, last = start, end or start
    lo, hi = period
    # Compare on the common precision: 2017-10 overlaps 2017-10-04→2017-10-11 and 2017.
    return first[: len(hi)] <= hi[: len(first)] and last[: len(lo)] >= lo[: len(last)]


def _date_hit(kind: str, record: Record, period: tuple[str, str]) -> Hit | None:
    """The record's date closest to ``period``: a fact of that very day ranks above a period
    that only contains it (the forum of 23 November 2017 before the 2016–2018 cooperation)."""
    best: Hit | None = None
    for path, start, end, what in _dated(kind, record):
        if _overlaps(start, end, period):
            when = start if not end else f"{start}→{end}"
            score = 60 + _closeness(start, end, period)
            # a span is told as the record's period, not as its start (« période : … »)
            field = "period" if end and path == _start_of(kind) else path
            if best is None or score > best.score:
                best = Hit(
                    score,
                    kind,
                    record["slug"],
                    record["name"],
                    field,
                    f"{when} — {what}",
                    place_of(record, mrc=True),
                )
    return best


def _start_of(kind: str) -> str | None:
    described = KIND.get(kind)
    return described.start if described is not None else None


def _closeness(start: str, end: str | None, period: tuple[str, str]) -> int:
    """20 for a date within the period asked, less the wider the record's own dates reach
    beyond it: a day asked finds that day's event first, then its month's, then longer spans."""
    lo, hi = period
    within = start[: len(lo)] >= lo and (end or start)[: len(hi)] <= hi
    if within:
        return 20
    return 10 if end is None or start[:7] == end[:7] else 0


# Sub-records whose date is a fact of its own (a step, taking a role); a figure's date says
# when it held, and a search for a month does not mean every figure of that year.
_DATED_SHAPES = ("step", "affiliation")


def _dated(kind: str, record: Record) -> Iterator[tuple[str, str, str | None, str]]:
    """Every date of a record, by the parts: its period (the table of kinds names its start
    and end), its other date fields, then each sub-record holding a date (a step, an
    affiliation), told by its first text (the step's event, the affiliation's role)."""
    described = KIND.get(kind)
    start = described.start if described is not None and described.end else None
    end = described.end if described is not None else None
    # The record's own dates are told by its description (its name is already in the hit).
    told = snippet(record.get("description") or record["name"], [], width=EXCERPT_WIDTH)
    if start is not None and isinstance(record.get(start), str):
        yield start, record[start], record.get(end) if end else None, told
    for part in FIELDS_OF.get(kind, ()):
        if part.part == "scalar" and part.type == "date" and part.field not in (start, end):
            if isinstance(record.get(part.field), str):
                yield part.field, record[part.field], None, told
    for field in fields_of_part(kind, "mappings"):
        shape = part_of(kind, field).shape  # type: ignore[union-attr]
        if shape not in _DATED_SHAPES:
            continue
        dates = [p.field for p in FIELDS_OF[shape] if p.type == "date"]
        texts = [p.field for p in FIELDS_OF[shape] if p.part == "scalar" and p.type == "string"]
        if not dates:
            continue
        for sub in record.get(field) or []:
            if isinstance(sub, dict) and isinstance(sub.get(dates[0]), str):
                what = next((sub[t] for t in texts if sub.get(t)), record["name"])
                ends = sub.get("end") if "end" in dates else None
                yield field, sub[dates[0]], ends, what
