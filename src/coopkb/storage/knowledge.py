"""The validated knowledge base behind every query: validated once per content, then cached.

The knowledge base is validated once per distinct content of the data files and kept in a cache
keyed by that content (see ``cache.py``); queries read the cached plain JSON and never import the
YAML parser or the models, which is what keeps every answer at the floor of its imports.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__
from ..files import Unreadable, read_data_file
from ..layout import DATA_FILES, EVIDENCE_FILES, LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS
from ..problems import DataError
from . import cache
from .location import DataLocation as DataLocation  # re-exported: callers load through here

_PACKAGE = Path(__file__).resolve().parent.parent
# Code that decides what valid data is: a change to any of it invalidates the cache (with every
# module of the validation package).
_VALIDATION_CODE = ("layout.py", "graph.py", "reference.py", "matching.py", "files.py")
# Libraries whose behaviour does too: a file holding each one's version is read, never imported.
_LIBRARY_VERSIONS = (
    ("pydantic", "version.py"),
    ("pydantic_core", "__init__.py"),
    ("yaml", "__init__.py"),
)

Contents = dict[str, bytes | Unreadable]


def read_data_files(data_dir: Path) -> Contents:
    """The data files and the evidence files beside them (a missing evidence file is read as
    missing, which validation takes as "no evidence here")."""
    names = (*DATA_FILES, *EVIDENCE_FILES.values())
    return {name: read_data_file(data_dir / name) for name in names}


def content_key(contents: Mapping[str, bytes | Unreadable]) -> str | None:
    """Digest of everything that decides the validated result: the data, coopkb's version and
    validation code, Pydantic's and PyYAML's versions. None when any of it cannot be read (then
    nothing is cached)."""
    digest = cache.new_digest(f"coopkb {__version__}\n".encode())
    try:
        for module in (*_VALIDATION_CODE, *_validation_modules()):
            digest.update(module.encode() + b"\0" + (_PACKAGE / module).read_bytes())
        for library, file_name in _LIBRARY_VERSIONS:
            digest.update(_library_file(library, file_name))
    except OSError:
        return None
    for name in sorted(contents):
        content = contents[name]
        # an unreadable file by its code: its message is in the user's language
        raw = content if isinstance(content, bytes) else content.code.encode()
        kind = "bytes" if isinstance(content, bytes) else "unreadable"
        digest.update(f"\0{name}\0{kind}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def _validation_modules() -> list[str]:
    return _package_modules("validation")


def _package_modules(package: str) -> list[str]:
    return sorted(
        f"{package}/{entry.name}"
        for entry in os.scandir(_PACKAGE / package)
        if entry.name.endswith(".py")
    )


def _library_file(library: str, file_name: str) -> bytes:
    spec = importlib.util.find_spec(library)
    if spec is None or spec.origin is None:
        raise OSError(f"{library} is not installed")
    return Path(spec.origin).with_name(file_name).read_bytes()


class CacheUse(NamedTuple):
    """Where the caller wants the cache, and the key of its digests (see cache.py)."""

    directory: Path
    secret: bytes


class Loaded(NamedTuple):
    """The validated base, what the cache did, and the key of the content it was read from."""

    knowledge_base: dict[str, Any]
    cache_state: str
    key: str | None


def load_knowledge_base(
    location: DataLocation, use: CacheUse | None, region: str | None = None
) -> tuple[dict[str, Any], str]:
    """The validated knowledge base and what the cache did (see ``load``)."""
    loaded = load(location, use, region)
    return loaded.knowledge_base, loaded.cache_state


def load(
    location: DataLocation,
    use: CacheUse | None,
    region: str | None = None,
    evidence: bool = False,
) -> Loaded:
    """The validated knowledge base, what the cache did ("off", "hit", "miss, written" or "miss,
    not written": an unwritable cache directory) and the key of the bytes it came from.

    With ``region`` (an official region name), a cache hit may hold only that region's
    cooperatives: enough for a query filtered by region, at a fraction of the decoding.
    Raises DataError with every problem when the data is invalid; invalid data is never cached.
    """
    contents = read_data_files(location.path)
    key = content_key(contents) if use is not None else None
    if use is not None and key is not None:
        wanted = _wanted(region, evidence)
        segments = cache.read(use.directory, key, use.secret, wanted, _well_formed)
        if segments is not None and _BASE in segments:
            return Loaded(_join(segments), "hit", key)
    from ..interrupts import interrupts_deferred

    with interrupts_deferred():  # the slow path: YAML and models (built on first import)
        from ..validation.pipeline import validate_contents

    outcome = validate_contents(location.path, location.display, contents)
    if outcome.knowledge_base is None:
        raise DataError(outcome.problems)
    full = outcome.knowledge_base
    # without ``evidence``, the base as a cache hit returns it
    returned = full if evidence else {k: v for k, v in full.items() if k != _EVIDENCE}
    if use is None or key is None:
        return Loaded(returned, "off", None)
    written = cache.write(use.directory, key, use.secret, _split(full))
    return Loaded(returned, "miss, written" if written else "miss, not written", key)


def _wanted(region: str | None, evidence: bool) -> Callable[[str], bool] | None:
    if region is None and evidence:
        return None
    if region is None:
        return lambda name: not name.startswith(_EVIDENCE)
    wanted = {_BASE, _COOPERATIVES + region}
    return lambda name: name in wanted or (evidence and name.startswith(_EVIDENCE))


def evidence_bucket(slug: str) -> str:
    """The cache segment holding a record's claims: one of a few dozen, so that `show
    --evidence` decodes its record's claims and few others (CRC-32: stable across runs)."""
    import zlib

    return f"{_EVIDENCE}:{zlib.crc32(slug.encode('utf-8')) % _EVIDENCE_BUCKETS:02d}"


def load_evidence_of(use: CacheUse | None, key: str | None, slug: str) -> dict[str, Any] | None:
    """The claims of one record, read from the cache entry ``key`` alone (its bucket), or None
    when the cache cannot say (off, a miss): the caller then loads the base with evidence."""
    if use is None or key is None:
        return None
    bucket = evidence_bucket(slug)
    segments = cache.read(
        use.directory, key, use.secret, {_EVIDENCE, bucket}.__contains__, _well_formed
    )
    if segments is None or _EVIDENCE not in segments or bucket not in segments:
        return None
    return {**segments[_EVIDENCE], "claims": segments[bucket]["claims"]}


def load_derived(
    key: str | None, use: CacheUse | None, name: str, compute: Callable[[], Any]
) -> Any:
    """A structure derived from the knowledge base (a search index), cached beside it.

    ``key`` is the content key the base in hand was loaded under (``load``), never one of a
    second read of the files, which an edit during the run could make newer than the base; the
    entry's key adds the code and libraries that compute the structure (``derived_key``)."""
    if use is None or key is None:
        return compute()
    entry = derived_key(key, name)
    if entry is None:
        return compute()
    segments = cache.read(use.directory, entry, use.secret)
    if segments is not None and "value" in segments:
        return segments["value"]
    value = compute()
    cache.write(use.directory, entry, use.secret, {"value": value})
    return value


# What computes the derived structures: the query package and the stemmers. The C stemmer is
# named by its file's size and date (hashing a shared library on every run would cost more).
_QUERY_CODE = (
    "labels.py",
    "matching.py",
    "figures.py",
    "graph.py",
    "layout.py",
    "kinds.py",
    "parts.py",
)


def derived_key(key: str, name: str) -> str | None:
    digest = cache.new_digest(f"{key}\0{name}\0".encode())
    try:
        modules = [*_QUERY_CODE, *_package_modules("query")]
        for module in modules:
            digest.update(module.encode() + b"\0" + (_PACKAGE / module).read_bytes())
        digest.update(_library_file("snowballstemmer", "__init__.py"))
        spec = importlib.util.find_spec("Stemmer")
        if spec is not None and spec.origin is not None:
            info = os.stat(spec.origin)
            digest.update(f"{spec.origin}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    except OSError:
        return None
    return f"{digest.hexdigest()}.{name}"


_BASE = "base"
_COOPERATIVES = "cooperatives:"
_EVIDENCE = "evidence"
_EVIDENCE_BUCKETS = 64


def _split(kb: dict[str, Any]) -> dict[str, Any]:
    """Cache segments: everything but the cooperatives, then the cooperatives region by region
    (with their positions, so a full load restores the files' order)."""
    segments: dict[str, Any] = {
        _BASE: {k: v for k, v in kb.items() if k not in ("cooperatives", _EVIDENCE)},
    }
    evidence = kb.get(_EVIDENCE) or {"files": [], "claims": []}
    segments[_EVIDENCE] = {"files": evidence.get("files", []), "claims": []}
    for number in range(_EVIDENCE_BUCKETS):
        segments[f"{_EVIDENCE}:{number:02d}"] = {"files": [], "claims": []}
    for claim in evidence.get("claims", []):
        segments[evidence_bucket(claim["record"])]["claims"].append(claim)
    for index, cooperative in enumerate(kb.get("cooperatives", [])):
        name = _COOPERATIVES + (cooperative.get("region") or "")
        segment = segments.setdefault(name, {"positions": [], "records": []})
        segment["positions"].append(index)
        segment["records"].append(cooperative)
    return segments


def _join(segments: dict[str, Any]) -> dict[str, Any]:
    kb = dict(segments[_BASE])
    if _EVIDENCE in segments:
        claims = [
            claim
            for name, segment in segments.items()
            if name.startswith(_EVIDENCE + ":")
            for claim in segment["claims"]
        ]
        kb[_EVIDENCE] = {**segments[_EVIDENCE], "claims": claims}
    placed = [
        (position, record)
        for name, segment in segments.items()
        if name.startswith(_COOPERATIVES)
        for position, record in zip(segment["positions"], segment["records"], strict=True)
    ]
    kb["cooperatives"] = [record for _, record in sorted(placed, key=lambda pair: pair[0])]
    return kb


def _well_formed(name: str, value: Any) -> bool:
    """Whether a decoded segment has the shape queries rely on (else the entry is a miss)."""
    if name == _BASE:
        if not isinstance(value, dict) or not isinstance(value.get("sources"), list):
            return False
        if not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in value["sources"]):
            return False
        return all(_records_ok(r) for r in walk_lists(value))
    if name == _EVIDENCE or name.startswith(_EVIDENCE + ":"):
        claims = value.get("claims") if isinstance(value, dict) else None
        return (
            isinstance(value, dict)
            and isinstance(value.get("files"), list)
            and isinstance(claims, list)
            and all(isinstance(c, dict) and isinstance(c.get("record"), str) for c in claims)
        )
    if name.startswith(_COOPERATIVES):
        if not isinstance(value, dict):
            return False
        positions, records = value.get("positions"), value.get("records")
        return (
            isinstance(positions, list)
            and isinstance(records, list)
            and len(positions) == len(records)
            and all(isinstance(p, int) and not isinstance(p, bool) for p in positions)
            and _records_ok(records)
        )
    return False


def walk_lists(base: dict[str, Any]) -> list[Any]:
    """The record lists of the base segment (single records wrapped in a list)."""
    lists: list[Any] = [
        base.get(section, []) for section in LIST_SECTIONS if section != "cooperatives"
    ]
    for section in SINGLE_SECTIONS:
        single = base.get(section)
        lists.append([single])
        if isinstance(single, dict):
            lists += [single.get(nested, []) for nested in NESTED_SECTIONS]
    return lists


def _records_ok(records: Any) -> bool:
    return isinstance(records, list) and all(
        isinstance(r, dict) and isinstance(r.get("slug"), str) and isinstance(r.get("name"), str)
        for r in records
    )
