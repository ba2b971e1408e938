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
from ..layout import DATA_FILES, LIST_SECTIONS
from ..problems import Problem
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


# The steps of a validation, for a progress display: parse and check each file, then the
# rules across files.
STEPS: tuple[str, ...] = (*(f"checking {name}" for name in DATA_FILES), "checking references")


def validate_contents(
    data_dir: Path,
    shown: str,
    raws: Mapping[str, bytes | Unreadable | None],
    progress: Callable[[str], None] | None = None,
) -> Outcome:
    """Load and check every data file (contents read by the caller); report all problems.

    ``progress`` is told each of STEPS as it starts.
    """
    with gc_paused():
        return _validate(data_dir, shown, raws, progress or (lambda step: None))


def _validate(
    data_dir: Path,
    shown: str,
    raws: Mapping[str, bytes | Unreadable | None],
    progress: Callable[[str], None],
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
            # A value the loader already refused (012, a 5,000-digit number) is reported once.
            already = {(p.line, p.column) for p in loaded.problems}
            problems.extend(
                p
                for p in translate(loaded, err.errors(include_url=False), name)
                if (p.line, p.column) not in already
            )
            continue
        if not loaded.problems:
            valid[name] = with_official_places(model.model_dump(mode="json"))
    progress("checking references")
    records = records_of(loaded_files)
    problems.extend(cross_checks(records, loaded_files))
    outcome = Outcome(None, sorted(set(problems)), [f.path for f in loaded_files])
    if not outcome.problems:
        outcome.knowledge_base = _assemble(valid)
        outcome.counts = dict.fromkeys((*LIST_SECTIONS.values(), "source"), 0)
        for record in records:
            outcome.counts[record.kind] = outcome.counts.get(record.kind, 0) + 1
        outcome.counts["source"] = len(outcome.knowledge_base["sources"])
    return outcome


def with_official_places(data: dict[str, Any]) -> dict[str, Any]:
    """Fill in the MRC and region of every record in a listed municipality, and the region of
    every record in a listed MRC (reference.py), where the data leaves them out: official facts,
    derived here rather than typed by hand."""
    for found in walk_records(data):
        record = found.record
        if record.get("country") not in (None, "Canada"):
            continue
        official = reference.MUNICIPALITIES.get(record.get("municipality") or "")
        if official is not None:
            record["mrc"] = record.get("mrc") or official[0]
        mrc = reference.MRCS.get(record.get("mrc") or "")
        code = official[1] if official is not None else mrc[0] if mrc is not None else None
        if code is not None:
            record["country"] = "Canada"
            record["region"] = record.get("region") or reference.QUEBEC_REGIONS[code]
    return data


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
