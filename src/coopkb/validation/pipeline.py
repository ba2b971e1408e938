"""Validation of a data directory: per-file model checks, then rules across the whole base.

Every problem is collected with its file, line and column; nothing is raised for bad data. The
result is a plain, JSON-ready knowledge base (only when there was no problem) and the problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import reference
from ..files import Unreadable
from ..gc_pause import gc_paused
from ..graph import walk_records
from ..i18n import _
from ..layout import DATA_FILES, EVIDENCE_FILES, LIST_SECTIONS
from ..problems import Problem, reading_order
from .errors import translate
from .loader import LoadedFile, load_file
from .models import FILE_MODELS
from .records import records_of
from .rules import cross_checks


@dataclass
class Outcome:
    knowledge_base: dict[str, Any] | None
    problems: list[Problem]
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # each file's data as read (None: it could not be parsed), even when it does not validate:
    # `diff` compares what can be read
    read: dict[str, Any] = field(default_factory=dict)
    # the records of each file by kind (its displayed path): `validate FILE` counts that file's
    by_file: dict[str, dict[str, int]] = field(default_factory=dict)


# What ``Outcome.by_file`` counts for an evidence file: its claims.
CLAIM = "claim"

# The steps of a validation, for a progress display: parse and check each file, then the
# rules across files.
STEPS: tuple[str, ...] = (
    *(f"checking {name}" for name in DATA_FILES),
    "checking references",
    "checking evidence",
)


def validate_contents(
    data_dir: Path,
    shown: str,
    raws: Mapping[str, bytes | Unreadable | None],
    progress: Callable[[str], None] | None = None,
    documents: Path | None = None,
) -> Outcome:
    """Load and check every data file (contents read by the caller); report all problems.

    ``progress`` is told each of STEPS as it starts. With ``documents`` (the sources' texts),
    each evidence anchor is looked up in its document and each value checked against it.
    """
    with gc_paused():
        return _validate(data_dir, shown, raws, progress or (lambda step: None), documents)


def _validate(
    data_dir: Path,
    shown: str,
    raws: Mapping[str, bytes | Unreadable | None],
    progress: Callable[[str], None],
    documents: Path | None = None,
) -> Outcome:
    problems: list[Problem] = []
    loaded_files: list[LoadedFile] = []
    valid: dict[str, dict[str, Any]] = {}
    derived: dict[str, dict[str, str]] = {}
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
            # A value the loader already refused (012, a 5,000-digit number) is reported once.
            already = {(p.line, p.column) for p in loaded.problems}
            problems.extend(
                p
                for p in translate(loaded, err.errors(include_url=False), name)
                if (p.line, p.column) not in already
            )
            continue
        if not loaded.problems:
            valid[name] = with_official_places(model.model_dump(mode="json"), derived)
    progress("checking references")
    records = records_of(loaded_files)
    problems.extend(cross_checks(records, loaded_files))
    progress("checking evidence")
    evidence = _evidence(data_dir, shown, raws, records, loaded_files, documents, problems)
    outcome = Outcome(
        None, sorted(set(problems), key=reading_order), [f.path for f in loaded_files]
    )
    outcome.read = {
        name: (loaded.data if loaded.root is not None else None)
        for name, loaded in zip(DATA_FILES, loaded_files, strict=True)
    }
    for name in EVIDENCE_FILES.values():
        raw = raws.get(name)
        if isinstance(raw, bytes):
            outcome.read[name] = load_file(data_dir / name, name, raw).data
    if not any(p.severity == "error" for p in outcome.problems):  # warnings do not block
        outcome.knowledge_base = _assemble(valid)
        for claim in evidence.claims:
            if claim.official is not None:
                for path in claim.of:
                    if len(path) == 1:
                        derived.setdefault(claim.record, {})[str(path[0])] = claim.official
        outcome.knowledge_base["derived"] = derived
        outcome.knowledge_base["evidence"] = {
            "files": sorted(evidence.present),
            "claims": [claim.as_dict() for claim in evidence.claims],
        }
        outcome.counts = dict.fromkeys((*LIST_SECTIONS.values(), "source"), 0)
        for record in records:
            outcome.counts[record.kind] = outcome.counts.get(record.kind, 0) + 1
            in_file = outcome.by_file.setdefault(record.file.path, {})
            in_file[record.kind] = in_file.get(record.kind, 0) + 1
        for claim in evidence.claims:
            in_file = outcome.by_file.setdefault(claim.file, {})
            in_file[CLAIM] = in_file.get(CLAIM, 0) + 1
        outcome.counts["source"] = len(outcome.knowledge_base["sources"])
    return outcome


def with_official_places(
    data: dict[str, Any], derived: dict[str, dict[str, str]] | None = None
) -> dict[str, Any]:
    """Fill in the MRC and region of every record in a listed municipality, and the region of
    every record in a listed MRC (reference.py), where the data leaves them out: official facts,
    derived here rather than typed by hand. ``derived`` is told, per slug, each field filled and
    the official list it came from, so that every output can say so."""
    filled = derived if derived is not None else {}
    for found in walk_records(data):
        record = found.record
        if record.get("country") not in (None, "Canada"):
            continue
        marks: dict[str, str] = {}
        official = reference.MUNICIPALITIES.get(record.get("municipality") or "")
        if official is not None and not record.get("mrc"):
            record["mrc"] = official[0]
            marks["mrc"] = "repertoire-municipalites"
        mrc = reference.MRCS.get(record.get("mrc") or "")
        code = official[1] if official is not None else mrc[0] if mrc is not None else None
        if code is not None:
            if record.get("country") is None:
                marks["country"] = "repertoire-municipalites" if official else "mrc-quebec"
            record["country"] = "Canada"
            if not record.get("region"):
                record["region"] = reference.QUEBEC_REGIONS[code]
                marks["region"] = "repertoire-municipalites" if official else "mrc-quebec"
        if marks:
            filled.setdefault(record["slug"], {}).update(marks)
    return data


@dataclass
class _Evidence:
    claims: list[Any] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)


def _evidence(
    data_dir: Path,
    shown: str,
    raws: Mapping[str, bytes | Unreadable | None],
    records: list[Any],
    loaded_files: list[LoadedFile],
    documents: Path | None,
    problems: list[Problem],
) -> _Evidence:
    """Load the evidence files there are and check them (see validation/evidence.py)."""
    found = _Evidence()
    evidence_files: dict[str, LoadedFile] = {}
    # a data file that could not be parsed hides its records and sources: every claim might
    # point at them, so evidence is checked once every data file can be read
    if any(f.root is None for f in loaded_files):
        return found
    for data_file, name in EVIDENCE_FILES.items():
        raw = raws.get(name)
        if raw is None or (isinstance(raw, Unreadable) and raw.code == "missing-file"):
            continue
        display = f"{shown.rstrip('/')}/{name}" if shown else name
        loaded = load_file(data_dir / name, display, raw)
        found.files.append(loaded.path)
        problems.extend(loaded.problems)
        if loaded.root is not None and not loaded.problems:
            evidence_files[data_file] = loaded
    if not evidence_files and documents is None:
        return found
    from .documents import read_documents
    from .evidence import check_evidence

    sources: dict[str, dict[str, Any]] = {}
    source_at: dict[str, tuple[LoadedFile, int]] = {}
    for loaded in loaded_files:
        listed = loaded.data.get("sources") if isinstance(loaded.data, dict) else None
        for index, source in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(source, dict) and isinstance(source.get("id"), str):
                sources.setdefault(source["id"], source)
                source_at.setdefault(source["id"], (loaded, index))
    texts = None
    if documents is not None:
        names = {str(s["document"]) for s in sources.values() if s.get("document")}
        texts, unreadable = read_documents(documents, names)
        for source_id, source in sources.items():
            why = unreadable.get(str(source.get("document")))
            if why is None:
                continue
            loaded, index = source_at[source_id]
            line, column = loaded.position(("sources", index, "document"))
            message = (
                _("document {name} is not in {folder}")
                if why == "missing"
                else _("cannot read document {name}: {why}")
            ).format(name=source.get("document"), folder=documents, why=why)
            problems.append(Problem(loaded.path, line, column, "document-missing", message))
    outcome = check_evidence(evidence_files, records, sources, texts)
    problems.extend(outcome.problems)
    found.claims, found.present = outcome.claims, outcome.present
    return found


def readable_base(read: Mapping[str, Any], fallback: Mapping[str, Any]) -> dict[str, Any]:
    """A base from files as read (``Outcome.read``), valid or not: what `diff` compares when a
    side does not validate. A file that could not be parsed is taken from ``fallback`` (the
    other side), so that it shows no change rather than every record removed."""
    import copy

    files: dict[str, dict[str, Any]] = {}
    for name in DATA_FILES:
        data = read.get(name)
        if not isinstance(data, dict):
            data = fallback.get(name)
        files[name] = with_official_places(copy.deepcopy(data)) if isinstance(data, dict) else {}
    base = _assemble(files)
    for found in walk_records(base):  # as the models write them: a year is text (1998 → "1998")
        _dates_as_text(found.kind, found.record)
    claims = []
    for name in EVIDENCE_FILES.values():
        data = read.get(name) if name in read else fallback.get(name)
        by_record = data.get("evidence") if isinstance(data, dict) else None
        for slug, entries in (by_record if isinstance(by_record, dict) else {}).items():
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict):
                    of = entry.get("of")
                    claims.append(
                        {**entry, "record": slug, "of": [of] if isinstance(of, str) else of}
                    )
    base["evidence"] = {"files": [], "claims": claims}
    return base


def _dates_as_text(owner: str, record: dict[str, Any]) -> None:
    from ..parts import part_of

    for key, value in record.items():
        part = part_of(owner, key)
        if part is None:
            continue
        if part.type == "date" and isinstance(value, int) and not isinstance(value, bool):
            record[key] = str(value)
        elif part.part == "mapping" and isinstance(value, dict):
            _dates_as_text(part.shape, value)
        elif part.part == "mappings" and isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _dates_as_text(part.shape, item)


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
