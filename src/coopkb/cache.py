"""A content-addressed cache of the validated knowledge base, as JSON (never pickle).

Entries are named by the key of the content they were validated from, so an edited, added or
removed data file, or another coopkb version, simply looks up another name: nothing can be stale.

An entry is one file: a JSON header line, then named JSON segments laid end to end. The header
gives each segment's offset, length and digest, so a reader decodes only the segments it needs
(the store puts each region's cooperatives in a segment of its own) and checks each one it reads.
Entries are written to a temporary file then renamed, so a torn, truncated or tampered file is a
miss, never wrong data, and concurrent writers each rename a complete file of their own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .memory import gc_paused

try:  # BLAKE2 from its small built-in module: importing hashlib (OpenSSL) costs ~3 ms per run
    from _blake2 import blake2b as new_digest
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b as new_digest

__all__ = ["FORMAT", "entry_path", "new_digest", "read", "write"]

FORMAT = 2
_KEEP = 8  # entries kept; older ones are pruned when a new one is written


def entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"kb-{key}.json"


def read(
    cache_dir: Path, key: str, wanted: Callable[[str], bool] | None = None
) -> dict[str, Any] | None:
    """The segments of the entry for ``key`` that ``wanted`` selects (all by default), or None
    for a miss or any damaged entry."""
    try:
        with entry_path(cache_dir, key).open("rb") as handle:
            header = json.loads(handle.readline())
            if (
                not isinstance(header, dict)
                or header.get("format") != FORMAT
                or header.get("key") != key
                or not isinstance(header.get("segments"), dict)
            ):
                return None
            start = handle.tell()
            segments: dict[str, Any] = {}
            for name, (offset, length, digest) in header["segments"].items():
                if wanted is not None and not wanted(name):
                    continue
                handle.seek(start + offset)
                raw = handle.read(length)
                if len(raw) != length or new_digest(raw).hexdigest() != digest:
                    return None
                segments[name] = _load_json(raw)
    except (OSError, ValueError, TypeError):
        return None
    return segments


def _load_json(payload: bytes) -> Any:
    with gc_paused():  # a large base decodes to ~10^5 acyclic objects
        return json.loads(payload)


def write(cache_dir: Path, key: str, segments: Mapping[str, Any]) -> None:
    """Store an entry atomically; a cache that cannot be written is silently skipped."""
    import tempfile  # only a cache miss writes

    table: dict[str, tuple[int, int, str]] = {}
    payload = bytearray()
    for name, value in segments.items():
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        table[name] = (len(payload), len(raw), new_digest(raw).hexdigest())
        payload += raw
    header = json.dumps({"format": FORMAT, "key": key, "segments": table}).encode()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=cache_dir)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + payload)
            os.replace(temp_name, entry_path(cache_dir, key))
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _prune(cache_dir)
    except OSError:
        return


def _prune(cache_dir: Path) -> None:
    entries = sorted(cache_dir.glob("kb-*.json"), key=_mtime, reverse=True)
    for old in entries[_KEEP:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
