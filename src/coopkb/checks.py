"""Validation of a data directory: per-file model checks, then rules across the whole base.

Every problem is collected with its file, line and column; nothing is raised for bad data. The
result is a plain, JSON-ready knowledge base (only when there was no problem) and the problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import reference
from .loader import LoadedFile, load_file
from .matching import did_you_mean
from .memory import gc_paused
from .models import FILE_MODELS, KNOWN_FIELDS
from .problems import Problem
from .reference import DATA_FILES, LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS

ORGS = ("organisation", "cooperative", "member", "council")
# (kind, path inside the record, kinds the reference may point to)
REFERENCES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("cooperative", ("project",), ("programme", "cooperation")),
    ("organisation", ("parent",), ORGS),
    ("organisation", ("hosted_by",), ORGS),
    ("cooperative", ("hosted_by",), ORGS),
    ("person", ("affiliations", "*", "organisation"), ORGS),
    ("member", ("member_of",), ("council",)),
    ("cooperation", ("partners", "*"), ORGS),
    ("cooperation", ("associated_partners", "*"), ORGS),
    ("cooperation", ("funder",), ORGS),
    ("event", ("organisers", "*"), ORGS),
    ("mission", ("cooperation",), ("cooperation",)),
    ("mission", ("delegation_from",), ORGS),
    ("mission", ("delegation", "*"), ("person",)),
    ("mission", ("visits", "*"), ORGS),
    ("mission", ("events", "*"), ("event",)),
)


@dataclass
class RecordAt:
    """A record of the base with where it stands (file and path inside the file's data)."""

    kind: str
    data: dict[str, Any]
    file: LoadedFile
    loc: tuple[str | int, ...]


@dataclass
class Outcome:
    knowledge_base: dict[str, Any] | None
    problems: list[Problem]
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


# The steps of a validation, for a progress display: parse and check each file, then the
# rules across files.
STEPS: tuple[str, ...] = (*(f"checking {name}" for name in DATA_FILES), "checking references")


def validate_contents(
    data_dir: Path,
    shown: str,
    raws: dict[str, bytes | None],
    progress: Callable[[str], None] | None = None,
) -> Outcome:
    """Load and check every data file (contents read by the caller); report all problems.

    ``progress`` is told each of STEPS as it starts.
    """
    with gc_paused():
        return _validate(data_dir, shown, raws, progress or (lambda step: None))


def _validate(
    data_dir: Path, shown: str, raws: dict[str, bytes | None], progress: Callable[[str], None]
) -> Outcome:
    problems: list[Problem] = []
    loaded_files: list[LoadedFile] = []
    valid: dict[str, dict[str, Any]] = {}
    for name in DATA_FILES:
        progress(f"checking {name}")
        display = f"{shown.rstrip('/')}/{name}" if shown else name
        loaded = load_file(data_dir / name, display, raws.get(name))
        loaded_files.append(loaded)
        problems.extend(loaded.problems)
        if loaded.root is None:
            continue
        try:
            model = FILE_MODELS[name].model_validate(loaded.data)
        except ValidationError as err:
            problems.extend(_translate(loaded, err.errors(include_url=False), name))
            continue
        if not loaded.problems:
            valid[name] = model.model_dump(mode="json")
    progress("checking references")
    records = list(_records(loaded_files, valid))
    problems.extend(_cross_checks(records, loaded_files, valid))
    outcome = Outcome(None, sorted(set(problems)), [f.path for f in loaded_files])
    if not outcome.problems:
        outcome.knowledge_base = _assemble(valid)
        outcome.counts = dict.fromkeys((*LIST_SECTIONS.values(), "source"), 0)
        for record in records:
            outcome.counts[record.kind] = outcome.counts.get(record.kind, 0) + 1
        outcome.counts["source"] = len(outcome.knowledge_base["sources"])
    return outcome


def _records(files: list[LoadedFile], valid: dict[str, dict[str, Any]]) -> Iterator[RecordAt]:
    """Every record with a slug; for files that failed their model, a best effort from raw data."""
    for loaded in files:
        name = loaded.path.rsplit("/", 1)[-1]
        data = valid.get(name, loaded.data)
        if not isinstance(data, dict):
            continue
        for section, kind in LIST_SECTIONS.items():
            items = data.get(section)
            for index, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("slug"), str):
                    yield RecordAt(kind, item, loaded, (section, index))
        for section, kind in SINGLE_SECTIONS.items():
            item = data.get(section)
            if isinstance(item, dict) and isinstance(item.get("slug"), str):
                yield RecordAt(kind, item, loaded, (section,))
                for nested, nested_kind in NESTED_SECTIONS.items():
                    subs = item.get(nested) if kind == "council" else None
                    for index, sub in enumerate(subs if isinstance(subs, list) else []):
                        if isinstance(sub, dict) and isinstance(sub.get("slug"), str):
                            yield RecordAt(nested_kind, sub, loaded, (section, nested, index))


def _cross_checks(
    records: list[RecordAt], files: list[LoadedFile], valid: dict[str, dict[str, Any]]
) -> Iterator[Problem]:
    by_slug: dict[str, RecordAt] = {}
    for record in records:
        slug = record.data["slug"]
        first = by_slug.setdefault(slug, record)
        if first is not record:
            where = f"{first.file.path}:{first.file.position((*first.loc, 'slug'))[0]}"
            yield _at(
                record,
                ("slug",),
                "duplicate-slug",
                f"slug '{slug}' is already used by the {first.kind} at {where}",
            )
    sources: dict[str, tuple[LoadedFile, int]] = {}
    for loaded in files:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        items = data.get("sources")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in sources:
                other, other_index = sources[item["id"]]
                line = other.position(("sources", other_index, "id"))[0]
                line_, col = loaded.position(("sources", index, "id"))
                yield Problem(
                    loaded.path,
                    line_,
                    col,
                    "duplicate-source",
                    f"source id '{item['id']}' is already defined at {other.path}:{line}",
                )
            else:
                sources[item["id"]] = (loaded, index)
    checked = [r for r in records if r.file.path.rsplit("/", 1)[-1] in valid]
    # A file that could not be parsed hides its slugs and sources: what seems unresolved may be
    # there, so only its own (already reported) problems are shown until it parses.
    complete = all(f.root is not None and _well_shaped(f.data) for f in files)
    for record in checked:
        if complete:
            yield from _check_sources(record, sources)
        yield from _check_place(record)
    for kind, path, targets in REFERENCES:
        for record in checked:
            if record.kind != kind:
                continue
            for loc, value in _walk(record.data, path):
                yield from _check_reference(record, loc, value, targets, by_slug, complete)
    missions = [r for r in checked if r.kind == "mission"]
    numbers: dict[int, RecordAt] = {}
    for mission in missions:
        first = numbers.setdefault(mission.data["number"], mission)
        if first is not mission:
            yield _at(
                mission,
                ("number",),
                "duplicate-number",
                f"mission number {mission.data['number']} is already used by "
                f"'{first.data['slug']}'",
            )


def _well_shaped(data: Any) -> bool:
    """Whether every section that holds records has the shape to be read for slugs."""
    if not isinstance(data, dict):
        return False
    lists_ok = all(isinstance(data.get(s, []), list) for s in LIST_SECTIONS)
    singles_ok = all(isinstance(data.get(s, {}), dict) for s in SINGLE_SECTIONS)
    return lists_ok and singles_ok and isinstance(data.get("sources", []), list)


def _walk(data: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if not path:
        if isinstance(data, str):
            yield (), data
        return
    step, rest = path[0], path[1:]
    if step == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            for loc, value in _walk(item, rest):
                yield (index, *loc), value
    elif isinstance(data, dict) and data.get(step) is not None:
        for loc, value in _walk(data[step], rest):
            yield (step, *loc), value


def _check_reference(
    record: RecordAt,
    loc: tuple[str | int, ...],
    value: str,
    targets: tuple[str, ...],
    by_slug: dict[str, RecordAt],
    complete: bool,
) -> Iterator[Problem]:
    target = by_slug.get(value)
    field_name = next(str(s) for s in reversed(loc) if isinstance(s, str))
    if target is None and not complete:
        return
    if target is None:
        candidates = [slug for slug, r in by_slug.items() if r.kind in targets]
        hint = did_you_mean(value, candidates)
        yield _at(
            record,
            loc,
            "unresolved-reference",
            f"'{field_name}' refers to '{value}', which no record has as slug{hint}",
        )
    elif target.kind not in targets:
        wanted = " or ".join(targets)
        article = "an" if target.kind[0] in "aeiou" else "a"
        yield _at(
            record,
            loc,
            "wrong-reference",
            f"'{field_name}' refers to '{value}', {article} {target.kind}; expected {wanted}",
        )


def _check_sources(record: RecordAt, sources: dict[str, Any]) -> Iterator[Problem]:
    for index, source_id in enumerate(record.data.get("sources") or []):
        if source_id not in sources:
            yield _at(
                record,
                ("sources", index),
                "unknown-source",
                f"source '{source_id}' is not defined in any 'sources:' list"
                f"{did_you_mean(source_id, sources)}",
            )


def _check_place(record: RecordAt) -> Iterator[Problem]:
    data = record.data
    country, region, mrc = data.get("country"), data.get("region"), data.get("mrc")
    if region is not None:
        home = next(
            (c for c, regions in reference.COUNTRIES.items() if region in regions.values()), None
        )
        if country is None:
            yield _at(
                record,
                ("region",),
                "region-without-country",
                f"region '{region}' needs a 'country' ({home})",
            )
        elif home != country:
            yield _at(
                record,
                ("region",),
                "region-country-mismatch",
                f"region '{region}' is in {home}, not {country}",
            )
    if mrc is not None:
        if country not in (None, "Canada"):
            yield _at(record, ("mrc",), "mrc-country-mismatch", "an MRC exists only in Quebec")
        known = reference.MRCS.get(mrc)
        if known and region is not None:
            expected = reference.QUEBEC_REGIONS[known[0]]
            if expected != region:
                yield _at(
                    record,
                    ("mrc",),
                    "mrc-region-mismatch",
                    f"MRC '{mrc}' is in {expected}, not {region}",
                )


def _at(record: RecordAt, loc: tuple[str | int, ...], code: str, message: str) -> Problem:
    line, column = record.file.position((*record.loc, *loc))
    return Problem(record.file.path, line, column, code, message)


def _assemble(valid: dict[str, dict[str, Any]]) -> dict[str, Any]:
    base: dict[str, Any] = {"sources": []}
    for section in LIST_SECTIONS:
        base[section] = []
    for name in DATA_FILES:
        data = valid[name]
        for key, value in data.items():
            if isinstance(value, list):
                base.setdefault(key, []).extend(value)
            else:
                base[key] = value
    return base


# --- Pydantic errors -> problems ------------------------------------------------------------

_MESSAGES: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "missing": lambda f, e: f"missing required field '{f}'",
    "extra_forbidden": lambda f, e: f"unknown field '{f}'{did_you_mean(f, KNOWN_FIELDS)}",
    "string_type": lambda f, e: f"'{f}' must be text, got {_describe(e['input'])}",
    "int_type": lambda f, e: f"'{f}' must be a whole number, got {_describe(e['input'])}",
    "float_type": lambda f, e: f"'{f}' must be a number, got {_describe(e['input'])}",
    "list_type": lambda f, e: f"'{f}' must be a list, got {_describe(e['input'])}",
    "model_type": lambda f, e: f"'{f}' must be a mapping of fields, got {_describe(e['input'])}",
    "dict_type": lambda f, e: f"'{f}' must be a mapping of fields, got {_describe(e['input'])}",
    "too_short": lambda f, e: f"'{f}' needs at least {e['ctx']['min_length']} item(s)",
    "greater_than_equal": lambda f, e: f"'{f}' must be at least {e['ctx']['ge']}",
}


def _translate(loaded: LoadedFile, errors: list[Any], file_name: str) -> list[Problem]:
    problems: dict[tuple[int, int, str], Problem] = {}
    for error in errors:
        field_hint = (error.get("ctx") or {}).get("field")
        full_loc = (*error["loc"], field_hint) if field_hint else tuple(error["loc"])
        loc = _data_loc(loaded.data, full_loc, error["type"])
        # A number field is a union (int | float): its members' errors say one thing together.
        number_union = error["type"] in ("int_type", "float_type", "finite_number")
        kind = "number" if len(loc) < len(error["loc"]) and number_union else error["type"]
        field_name = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
        if not loc and error["type"] == "model_type":
            expected = ", ".join(FILE_MODELS[file_name].model_fields)
            message = f"the file must be a mapping with the top-level keys: {expected}"
        elif kind == "number":
            message = f"'{field_name}' must be a finite number, got {_describe(error['input'])}"
        elif error["type"] in _MESSAGES:
            message = _MESSAGES[error["type"]](field_name, error)
        else:
            message = error["msg"]
        line, column = loaded.position(loc, at_key=error["type"] == "extra_forbidden")
        code = "not-a-number" if kind == "number" else error["type"].replace("_", "-")
        problems.setdefault(
            (line, column, message), Problem(loaded.path, line, column, code, message)
        )
    return list(problems.values())


def _data_loc(data: Any, loc: tuple[Any, ...], error_type: str) -> tuple[str | int, ...]:
    """The part of a Pydantic error location that names real places in the data."""
    kept: list[str | int] = []
    for step in loc:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        elif error_type == "missing" and isinstance(data, dict) and isinstance(step, str):
            kept.append(step)
            break
        else:
            break
        kept.append(step)
    return tuple(kept)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return (
            f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as booleans: "
            "put the text in quotes)"
        )
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"
