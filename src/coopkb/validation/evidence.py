"""Where each value comes from: the evidence files beside the data files, and their checks.

``cooperatives.evidence.yaml`` holds, for each record of ``cooperatives.yaml`` (by slug), the
claims that tie its values to the sources::

    evidence:
      la-brunante:
        - of: [name, municipality, mrc, region]
          source: cqcm-2014-territoires       # a source the record cites
          at: 12 coopératives et projets de territoire   # where to look: heading, slide title
          says: La Brunante (Racine, MRC Le-Val-Saint-François   # ≤ 9 words, as written
        - of: [country]
          official: regions-quebec            # or a value taken from an official list

``of`` names the values a claim covers: a field (``name``), one item of a list, counted from 1
(``timeline.2``), or one field of that item (``figures.1.value``); a field covers all its
items. A data file with an evidence file must have evidence for every value of its records
(the slug and the list of sources excepted; a value filled in from an official list at load
time is evidence of its own).

With the documents (``validate --documents DIR``), each anchor must occur in its source's text
and each fact of each value it covers must be stated in the passage holding the anchor (the
document's lines the anchor spans): the whole of a name, place, role or title; a number; a
date's year, month and day; the numbers and months named in a description; a reference's name
(or one of its aliases or its acronym). Descriptions are in our own words: only their facts
are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import reference
from ..evidence_paths import Path, exists, leaves, parse_path, value_at, written_path
from ..i18n import N_, _, ngettext
from ..labels import path_label
from ..layout import EVIDENCE_FILES
from ..matching import did_you_mean, quote, suggest
from ..parts import part_of
from ..placeholders import is_placeholder, placeholder_message
from ..problems import Problem
from .documents import Document, states, words
from .fields import personal_data
from .loader import LoadedFile
from .nodes import problem
from .records import RecordAt

# A claim's keys, glossed where a message names them (the key is what the editor types).
_CLAIM_KEYS = {
    "source": N_("the source's identifier"),
    "at": N_("where in the source"),
    "says": N_("the source's own words"),
}
MAX_ANCHOR_WORDS = 9  # the copy checker's limit is 10 words in a row
# Text fields whose whole value is a fact (a name, a place, a role): the passage must state it.
_TERMS = frozenset(
    {
        "name",
        "aliases",
        "acronym",
        "municipality",
        "mrc",
        "region",
        "country",
        "role",
        "title",
        "destination",
        "legal_category",
        "source_kind",
    }
)
# Place fields: a value the official list gives for a source's spelling is stated by it.
_PLACES = frozenset({"municipality", "mrc", "region"})
_MONTHS = (
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()
)
# Words as the copy checker (../shared/tools/check-copied-text) counts them.
_COPY_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Claim:
    """One claim of an evidence file: the values it covers and what states them."""

    record: str  # the slug
    of: tuple[Path, ...]
    written: tuple[str, ...]  # the paths as written in the file
    source: str | None = None
    at: str | None = None
    says: str | None = None
    official: str | None = None
    file: str = ""
    line: int = 0
    column: int = 0
    index: int = 0  # its rank in its record's list
    unfilled: bool = False  # a skeleton's placeholder left in it: covers its values, states none

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"record": self.record, "of": list(self.written)}
        for key in ("source", "at", "says", "official"):
            value = getattr(self, key)
            if value is not None:
                found[key] = value
        return found


@dataclass
class EvidenceOutcome:
    problems: list[Problem] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # data files that have an evidence file


def load_claims(loaded: LoadedFile, data_file: str) -> tuple[list[Claim], list[Problem]]:
    """The claims of one parsed evidence file, and what is wrong with its shape."""
    problems: list[Problem] = []
    claims: list[Claim] = []

    def report(loc: Path, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = loaded.position(loc, at_key=at_key)
        problems.append(problem(loaded.path, line, column, code, message))

    data = loaded.data
    if not isinstance(data, dict) or set(data) != {"evidence"}:
        report((), "evidence-shape", _("an evidence file holds one key, 'evidence'"))
        return claims, problems
    by_record = data["evidence"]
    if not isinstance(by_record, dict):
        report(("evidence",), "evidence-shape", _("'evidence' maps each record's slug to a list"))
        return claims, problems
    marks = _claim_marks(loaded)
    for slug, entries in by_record.items():
        if not isinstance(entries, list):
            report(
                ("evidence", slug),
                "evidence-shape",
                _("the evidence of {slug} must be a list of claims").format(slug=quote(slug)),
            )
            continue
        for index, entry in enumerate(entries):
            claim = _claim(str(slug), entry, ("evidence", slug, index), report)
            if claim is not None:
                line, column = marks.get((str(slug), index), (1, 1))
                claims.append(
                    Claim(
                        **{
                            **claim.__dict__,
                            "file": loaded.path,
                            "line": line,
                            "column": column,
                            "index": index,
                        }
                    )
                )
    return claims, problems


def _claim_marks(loaded: LoadedFile) -> dict[tuple[str, int], tuple[int, int]]:
    """Each claim's line and column, read off the node tree in one pass (looking each one up
    from the root would walk the records' keys once per claim)."""
    import yaml

    marks: dict[tuple[str, int], tuple[int, int]] = {}
    root = loaded.root
    if not isinstance(root, yaml.MappingNode):
        return marks
    for key, value in root.value:
        if key.value != "evidence" or not isinstance(value, yaml.MappingNode):
            continue
        for slug_node, entries in value.value:
            if isinstance(entries, yaml.SequenceNode):
                for index, entry in enumerate(entries.value):
                    mark = entry.start_mark
                    marks[(str(slug_node.value), index)] = (mark.line + 1, mark.column + 1)
    return marks


_KEYS = ("of", "source", "at", "says", "official")


def _claim(slug: str, entry: Any, loc: Path, report: Any) -> Claim | None:
    if not isinstance(entry, dict):
        report(loc, "evidence-shape", _("a claim is a mapping: of, source, at, says"))
        return None
    for key in entry:
        if key not in _KEYS:
            report(
                (*loc, key),
                "evidence-unknown-key",
                _("unknown key {key} in a claim{hint}").format(
                    key=quote(key), hint=did_you_mean(str(key), _KEYS)
                ),
                at_key=True,
            )
            return None
    of = entry.get("of")
    items = [of] if isinstance(of, str) else of
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        report((*loc, "of"), "evidence-of", _("'of' names the values covered: [name, region]"))
        return None
    paths: list[Path] = []
    for index, text in enumerate(items):
        path = parse_path(text)
        if path is None:
            where = (*loc, "of") if isinstance(of, str) else (*loc, "of", index)
            report(
                where,
                "evidence-path",
                _("{path} is not a value's path (a field, timeline.2, figures.1.value)").format(
                    path=quote(text)
                ),
            )
            return None
        paths.append(path)
    texts = {key: entry.get(key) for key in ("source", "at", "says", "official")}
    for key, value in texts.items():
        if value is not None and (not isinstance(value, str) or not value.strip()):
            report((*loc, key), "evidence-text", _("{key} must be text").format(key=quote(key)))
            return None
    # An anchor quoting a contact line is refused too; the claim still covers its values (its
    # one mistake is reported once, not as values left without evidence).
    for key, value in texts.items():
        refused = personal_data(value) if isinstance(value, str) else None
        if refused is not None:
            report((*loc, key), "personal-data", refused)
    # Every placeholder left is reported, and the claim still covers its values: an unfilled
    # claim is one thing to finish, not values without evidence.
    unfilled = [key for key, value in texts.items() if is_placeholder(value)]
    for key in unfilled:
        report(
            (*loc, key), "placeholder", placeholder_message(str(texts[key]), source=key == "source")
        )
    if texts["official"] is not None:
        if any(texts[k] is not None for k in ("source", "at", "says")):
            report(
                (*loc, "official"),
                "evidence-official",
                _("a value from an official list names the list only, not a source"),
            )
            return None
        if texts["official"] not in reference.OFFICIAL_LISTS and "official" not in unfilled:
            report(
                (*loc, "official"),
                "evidence-official",
                _("unknown official list {name}{hint}").format(
                    name=quote(texts["official"]),
                    hint=did_you_mean(texts["official"], reference.OFFICIAL_LISTS),
                ),
            )
            return None
    else:
        missing = [k for k in ("source", "at", "says") if texts[k] is None]
        if missing:
            report(
                loc,
                "evidence-incomplete",
                ngettext(
                    "a claim needs the key {keys} (or 'official' for a value from an official "
                    "list)",
                    "a claim needs the keys {keys} (or 'official' for a value from an official "
                    "list)",
                    len(missing),
                ).format(keys=", ".join(f"{quote(k)} ({_(_CLAIM_KEYS[k])})" for k in missing)),
            )
            return None
        count = len(_COPY_WORD.findall(texts["says"] or ""))
        if count > MAX_ANCHOR_WORDS and not unfilled:
            report(
                (*loc, "says"),
                "evidence-anchor-long",
                _("the anchor has {count} words; at most {limit}: quote less").format(
                    count=count, limit=MAX_ANCHOR_WORDS
                ),
            )
            return None
    return Claim(
        slug,
        tuple(paths),
        tuple(items),
        source=texts["source"],
        at=texts["at"],
        says=texts["says"],
        official=texts["official"],
        unfilled=bool(unfilled),
    )


def check_evidence(
    evidence_files: Mapping[str, LoadedFile],
    records: list[RecordAt],
    sources: Mapping[str, Mapping[str, Any]],
    documents: Mapping[str, Document] | None,
) -> EvidenceOutcome:
    """Every claim against its record, every value against the claims; and, with the
    documents, every claimed value against the passage that holds its anchor."""
    outcome = EvidenceOutcome()
    by_slug = {r.data["slug"]: r for r in records}
    names = _names(records)
    for data_file, loaded in evidence_files.items():
        outcome.present.add(data_file)
        claims, problems = load_claims(loaded, data_file)
        outcome.problems.extend(problems)
        own = {r.data["slug"] for r in records if r.file.path.endswith(data_file)}
        usable: list[Claim] = []
        # A faulty claim of an existing record still covers its other values: one mistyped
        # path is one error, not one more for every value the claim holds.
        claims_of: dict[str, list[Claim]] = {}
        # Records of this file with no claim at all: where a claim under an unknown slug most
        # likely belongs (the record was renamed and its claims were not).
        claimed = {claim.record for claim in claims}
        bare = sorted(own - claimed)
        for claim in claims:
            found = _check_claim(claim, by_slug, own, sources, loaded, data_file, bare)
            if found:
                outcome.problems.extend(found)
            elif not claim.unfilled:
                usable.append(claim)
            if claim.record in own:
                claims_of.setdefault(claim.record, []).append(claim)
        outcome.claims.extend(usable)
        usable_set = {id(claim) for claim in usable}
        for record in records:
            if not record.file.path.endswith(data_file):
                continue
            mine = claims_of.get(record.data["slug"], [])
            if record.data["slug"] in claimed:
                outcome.problems.extend(_uncovered(record, mine))
            else:  # no claim at all: one problem at its slug, not one per value
                outcome.problems.extend(_without_claims(record, _orphans(claimed, own)))
            if documents is not None:
                sound = [claim for claim in mine if id(claim) in usable_set]
                outcome.problems.extend(_unstated(record, sound, sources, documents, names))
    return outcome


def _misspelled_field(record: RecordAt, path: Sequence[str | int]) -> str | None:
    """Why a claimed field is missing when the record holds it under a near spelling (`regoin`
    for `region`): that typo's own error comes first, and fixing it clears this one too."""
    field = path[0]
    if not isinstance(field, str) or field in record.data:
        return None
    from .models import RECORD_MODELS  # only this error path needs the models

    model = RECORD_MODELS.get(record.kind)
    known = model.model_fields if model is not None else {}
    others = [key for key in record.data if isinstance(key, str) and key not in known]
    near = suggest(field, others, limit=1)
    if not near:
        return None
    line, column = record.file.position((*record.loc, near[0]), at_key=True)
    return _(
        ": a consequence of the unknown field {near} ({file}:{line}:{column}); correct that "
        "field and this claim holds again"
    ).format(near=quote(near[0]), file=record.file.path, line=line, column=column)


def _check_claim(
    claim: Claim,
    by_slug: Mapping[str, RecordAt],
    own: set[str],
    sources: Mapping[str, Mapping[str, Any]],
    loaded: LoadedFile,
    data_file: str,
    bare: Sequence[str] = (),
) -> list[Problem]:
    def at(loc: Path, code: str, message: str) -> Problem:
        # the record's own key when the problem is the record (« maison-mere: » itself)
        where = ("evidence", claim.record, *loc)
        line, column = loaded.position(where, at_key=not loc)
        return problem(loaded.path, line, column, code, message)

    record = by_slug.get(claim.record) if claim.record in own else None
    if record is None:
        if len(bare) == 1:  # one record has no claim: the one renamed
            message = _(
                "no record {slug} in {file}; {new} has no claim: if these are its claims (a "
                "renamed record, a typo), write {new} here"
            ).format(slug=quote(claim.record), file=data_file, new=quote(bare[0]))
        else:
            hint = did_you_mean(claim.record, bare) or did_you_mean(claim.record, own)
            message = _("no record {slug} in {file}{hint}").format(
                slug=quote(claim.record), file=data_file, hint=hint
            )
        return [at((), "evidence-no-record", message)]
    index = claim.index
    found: list[Problem] = []
    for number, (path, text) in enumerate(zip(claim.of, claim.written, strict=True)):
        if not exists(record.data, path):
            message = _("{slug} has no value {path}").format(
                slug=quote(claim.record), path=quote(text)
            )
            items = value_at(record.data, path[:-1]) if isinstance(path[-1], int) else None
            misspelled = _misspelled_field(record, path)
            if misspelled is not None:
                # a consequence, not a second mistake: the field is there under a typo
                message += misspelled
            elif isinstance(items, list):
                # claims point at items by their place: one item removed, every claim after it
                # points at the next item, and deleting this claim would hide that
                message += _(
                    " ({field} has {count} items now: an item removed or moved shifts the "
                    "claims after it; check that each still states its item, which validate "
                    "--documents does against the sources)"
                ).format(field=quote(".".join(str(p) for p in path[:-1])), count=len(items))
            found.append(at((index, "of", number), "evidence-no-value", message))
    if claim.official is not None:
        for number, (path, text) in enumerate(zip(claim.of, claim.written, strict=True)):
            value = value_at(record.data, path)
            name = str(path[-1]) if isinstance(path[-1], str) else str(path[0])
            # A country is accepted from a list without a place of that list on the record: the
            # bodies a mission visits are placed by its heading, « (NOUVELLE-AQUITAINE) ».
            if value is not None and not reference.official_list_gives(claim.official, name, value):
                found.append(
                    at(
                        (index, "of", number),
                        "evidence-official-value",
                        _("the official list {list} does not give {value} as {path}").format(
                            list=quote(reference.OFFICIAL_LISTS[claim.official].title),
                            path=quote(path_label(text, record.kind)),
                            value=quote(value),
                        ),
                    )
                )
    if claim.source is not None and not is_placeholder(claim.source):
        cited = record.data.get("sources") or []
        if claim.source not in sources:
            found.append(
                at(
                    (index, "source"),
                    "evidence-unknown-source",
                    _("unknown source {source}{hint}").format(
                        source=quote(claim.source), hint=did_you_mean(claim.source, sources)
                    ),
                )
            )
        elif claim.source not in cited:
            found.append(
                at(
                    (index, "source"),
                    "evidence-source-not-cited",
                    _("{slug} does not cite {source}: add it to the record's sources").format(
                        slug=quote(claim.record), source=quote(claim.source)
                    ),
                )
            )
    return found


def _orphans(claimed: set[str], own: set[str]) -> bool:
    """Whether some claims name a record this file does not hold."""
    return bool(claimed - own)


def _without_claims(record: RecordAt, orphans: bool) -> Iterator[Problem]:
    """A record with no claim: one problem at its slug (a new record pasted without its
    evidence gave one error per value); when claims stand under a slug no record has, it was
    likely renamed, and those claims' own problem says where."""
    values = sum(1 for _leaf in leaves(record.kind, record.data))
    if not values:
        return
    file = EVIDENCE_FILES.get(_data_file(record), "the evidence file")
    slug = quote(record.data["slug"])
    if orphans:
        message = _(
            "no evidence for any value of {slug}: claims in {file} stand under a slug no record "
            "has (renamed?)"
        ).format(slug=slug, file=file)
    else:
        message = ngettext(
            "no evidence for {slug} ({count} value): add its claims to {file} (coopkb new "
            "prints a claim to fill)",
            "no evidence for {slug} ({count} values): add its claims to {file} (coopkb new "
            "prints a claim to fill)",
            values,
        ).format(slug=slug, count=values, file=file)
    yield record.at(("slug",), "evidence-missing", message)


def _uncovered(record: RecordAt, claims: list[Claim]) -> Iterator[Problem]:
    claimed = {p for claim in claims for p in claim.of}
    for path, _owner, _field, _value in leaves(record.kind, record.data):
        # covered when the path or one of its parents is claimed (a field covers its items)
        if not any(path[:size] in claimed for size in range(1, len(path) + 1)):
            yield record.at(
                path,
                "evidence-missing",
                _("no evidence for {path} of {slug}: add a claim to {file}").format(
                    path=quote(written_path(path)),
                    slug=quote(record.data["slug"]),
                    file=EVIDENCE_FILES.get(_data_file(record), "the evidence file"),
                ),
            )


def _data_file(record: RecordAt) -> str:
    return record.file.path.rsplit("/", 1)[-1]


def _names(records: list[RecordAt]) -> dict[str, list[str]]:
    """How each record may be named in a passage: its name, aliases and acronym, or its
    website's address (a participant's card names an organisation by its address)."""
    found: dict[str, list[str]] = {}
    for record in records:
        data = record.data
        website = data.get("website")
        address = (
            re.sub(r"^[a-z]+://", "", website).rstrip("/") if isinstance(website, str) else None
        )
        names = [data.get("name"), data.get("acronym"), *(data.get("aliases") or []), address]
        found[data["slug"]] = [n for n in names if isinstance(n, str)]
    return found


def facts(owner: str, field_name: str, value: Any, names: Mapping[str, list[str]]) -> list[Fact]:
    """What a passage must state for one value (each fact: the spellings that state it)."""
    part = part_of(owner, field_name)
    kind = part.type if part is not None else "string"
    if part is not None and part.part in ("reference", "references") and isinstance(value, str):
        spellings = tuple(names.get(value, [value]))
        return [Fact(spellings[0] if spellings else value, spellings)]
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return [Fact(shown, (shown,))]
    if not isinstance(value, str):
        return []
    if kind == "date":
        return _date_facts(value)
    if field_name in _TERMS:
        return [Fact(value, (value, *_variants(field_name, value)))]
    # our own words: only the numbers and months they name
    found: list[Fact] = []
    for word in dict.fromkeys(words(value)):
        if word.isdigit() or word in _MONTHS:
            found.append(Fact(word, (word,)))
    return found


@dataclass(frozen=True)
class Fact:
    shown: str
    spellings: tuple[str, ...]


def _date_facts(value: str) -> list[Fact]:
    parts = value.split("-")
    found = [Fact(parts[0], (parts[0],))]
    if len(parts) > 1 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = int(parts[1])
        found.append(Fact(_MONTHS[month - 1], (_MONTHS[month - 1], str(month))))
    if len(parts) > 2 and parts[2].isdigit():
        found.append(Fact(str(int(parts[2])), (str(int(parts[2])),)))
    return found


def _variants(field_name: str, value: str) -> tuple[str, ...]:
    """A place's other spellings the official lists know (« MRC d'Autrey » for D'Autray)."""
    if field_name not in _PLACES:
        return ()
    if field_name == "mrc":
        known = reference.MRCS.get(value)
        return tuple(known[1]) if known else ()
    if field_name == "municipality":
        return tuple(k for k, v in reference.MUNICIPALITY_VARIANTS.items() if v == value)
    return ()


def _rank(path: Path, field_name: str, value: Any) -> bool:
    """Whether ``value`` is the number of an item that is its rank in its list (the 3rd lever
    numbered 3): a source listing items in order states their ranks."""
    return (
        field_name == "number"
        and len(path) == 3
        and isinstance(path[1], int)
        and isinstance(value, int)
        and value == path[1] + 1
    )


def _unstated(
    record: RecordAt,
    claims: list[Claim],
    sources: Mapping[str, Mapping[str, Any]],
    documents: Mapping[str, Document],
    names: Mapping[str, list[str]],
) -> Iterator[Problem]:
    """Each claimed value against the passages of its claims' anchors."""
    passages: list[tuple[Claim, list[str]]] = []
    for claim in claims:
        if claim.official is not None or claim.source is None:
            continue
        source = sources.get(claim.source) or {}
        document = documents.get(str(source.get("document")))
        if document is None:
            continue
        places = list(document.find(claim.says or ""))
        if not places:
            yield Problem(
                claim.file,
                claim.line,
                claim.column,
                "evidence-anchor-not-found",
                _("the anchor {says} is not in {source} ({document})").format(
                    says=quote(claim.says), source=claim.source, document=document.name
                ),
            )
            continue
        if claim.at is not None and not document.locates(claim.at):
            yield Problem(
                claim.file,
                claim.line,
                claim.column,
                "evidence-locator-not-found",
                _("the locator {at} is not in {source} ({document})").format(
                    at=quote(claim.at), source=claim.source, document=document.name
                ),
            )
        # the locator (a heading), the document's title and its author state what the passage
        # is about and who speaks: the project, the mission, the cooperation the document is
        # the programme of, the council whose slides say « Nos membres »
        context = f"{claim.at or ''} {source.get('title') or ''} {source.get('author') or ''}"
        heading = " " + " ".join(words(context)) + " "
        passages.append(
            (claim, [document.passage(first, last) + heading for first, last in places])
        )
    # the claims by the paths they name: a value is covered by its path or a parent's
    by_path: dict[Path, list[tuple[Claim, list[str]]]] = {}
    for claim, texts in passages:
        for claimed in claim.of:
            by_path.setdefault(claimed, []).append((claim, texts))
    official = {claimed for c in claims if c.official is not None for claimed in c.of}
    for path, owner, field_name, value in leaves(record.kind, record.data):
        parents = [path[:size] for size in range(1, len(path) + 1)]
        if any(parent in official for parent in parents):
            continue
        covering = [found for parent in parents for found in by_path.get(parent, ())]
        if not covering:
            continue
        if _rank(path, field_name, value):
            continue  # an item's number that is its rank: stated by the list's order
        for fact in facts(owner, field_name, value, names):
            if any(states(ps, s) for _c, texts in covering for ps in texts for s in fact.spellings):
                continue
            claim = covering[0][0]
            where = _("({source}, « {says} »)").format(source=claim.source, says=claim.says)
            if fact.shown == str(value):
                message = _("{path} {value} is not stated where its evidence points {where}")
            else:
                message = _(
                    "{path} {value}: {fact} is not stated where its evidence points {where}"
                )
            yield record.at(
                path,
                "evidence-not-stated",
                message.format(
                    path=written_path(path), value=quote(value), fact=quote(fact.shown), where=where
                ),
            )
            break


__all__ = [
    "Claim",
    "EvidenceOutcome",
    "check_evidence",
    "facts",
    "leaves",
    "load_claims",
    "parse_path",
    "written_path",
]


def evidence_schema() -> dict[str, Any]:
    """The JSON Schema of an evidence file, for editors' YAML language servers (the checks
    above say more: a claim's paths exist, its source is cited, its anchor is in the text)."""
    text = {"type": "string", "minLength": 1}
    claim = {
        "type": "object",
        "additionalProperties": False,
        "required": ["of"],
        "properties": {
            "of": {
                "description": "The values covered: a field (name), an item from 1 (timeline.2), "
                "a field of an item (figures.1.value).",
                "oneOf": [
                    {"type": "string", "pattern": _PATH_PATTERN},
                    {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "string", "pattern": _PATH_PATTERN},
                    },
                ],
            },
            "source": {**text, "description": "Id of a source the record cites."},
            "at": {**text, "description": "Where in the source: its heading or slide title."},
            "says": {
                **text,
                "description": f"The source's own words stating the values "
                f"(at most {MAX_ANCHOR_WORDS} words).",
            },
            "official": {
                "enum": sorted(reference.OFFICIAL_LISTS),
                "description": "The official list the values are taken from (no source).",
            },
        },
        "oneOf": [
            {"required": ["source", "at", "says"], "not": {"required": ["official"]}},
            {
                "required": ["official"],
                "not": {"anyOf": [{"required": [k]} for k in ("source", "at", "says")]},
            },
        ],
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["evidence"],
        "properties": {
            "evidence": {
                "type": "object",
                "description": "Each record's slug, with the claims stating its values.",
                "additionalProperties": {"type": "array", "items": claim},
            }
        },
    }


_PATH_PATTERN = r"^[a-z_]+(?:(?:\.[1-9][0-9]*|\[[1-9][0-9]*\])(?:\.[a-z_]+)?)?$"
