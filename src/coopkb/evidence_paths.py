"""How evidence names a record's values: paths (``timeline.2.date``) and the values they cover.

Shared by validation (which checks the claims), the queries (``show --evidence``) and the
exports: plain functions over plain records, reading only the table of parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from .parts import part_of

Path = tuple[str | int, ...]
# ``timeline.2.date``; ``timeline.2.date`` is read too (but needs quotes inside [ ] in YAML).
_PATH = re.compile(r"^([a-z_]+)(?:(?:\.([1-9][0-9]*)|\[([1-9][0-9]*)\])(?:\.([a-z_]+))?)?$")
# Fields a record's evidence never covers: its identifier and its list of sources.
UNCLAIMED = ("slug", "sources")


@lru_cache(maxsize=4096)
def parse_path(text: str) -> Path | None:
    """``timeline.2.date`` -> ("timeline", 1, "date"); None for what is not a path."""
    found = _PATH.match(text)
    if found is None:
        return None
    name, dotted, bracketed, sub = found.groups()
    index = dotted or bracketed
    path: list[str | int] = [name]
    if index is not None:
        path.append(int(index) - 1)
        if sub is not None:
            path.append(sub)
    return tuple(path)


def written_path(path: Path) -> str:
    """The path as an evidence file writes it (items counted from 1)."""
    text = str(path[0])
    for step in path[1:]:
        text += f".{step + 1}" if isinstance(step, int) else f".{step}"
    return text


def leaves(kind: str, record: Mapping[str, Any]) -> Iterator[tuple[Path, str, str, Any]]:
    """Each value of a record that evidence covers: its path, its owner (the kind or a
    sub-record's shape), its field and the value."""
    for name, value in record.items():
        if name in UNCLAIMED or _empty(value):
            continue
        part = part_of(kind, name)
        if part is None or part.part in ("records", "sources"):
            continue
        if part.part in ("list", "references") and isinstance(value, list):
            for index, item in enumerate(value):
                yield (name, index), kind, name, item
        elif part.part == "mapping" and isinstance(value, dict):
            for sub, item in value.items():
                if not _empty(item):
                    yield (name, sub), part.shape, sub, item
        elif part.part == "mappings" and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    for sub, sub_value in item.items():
                        if not _empty(sub_value):
                            yield (name, index, sub), part.shape, sub, sub_value
        else:
            yield (name,), kind, name, value


def value_at(record: Mapping[str, Any], path: Path) -> Any:
    value: Any = record
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def exists(record: Mapping[str, Any], path: Path) -> bool:
    value: Any = record
    for step in path:
        if isinstance(step, int):
            if not isinstance(value, list) or not 0 <= step < len(value):
                return False
            value = value[step]
        else:
            if not isinstance(value, dict) or step not in value:
                return False
            value = value[step]
    return True


def _empty(value: Any) -> bool:
    """Nothing to evidence: no value, or an empty list or text (the models' defaults)."""
    return value is None or value == [] or value == {} or value == ""


def covers(claim_path: Path, leaf: Path) -> bool:
    """Whether a claim's path covers a value's (a field covers its items and their fields)."""
    return leaf[: len(claim_path)] == claim_path
