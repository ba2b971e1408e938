"""A content-addressed cache of the validated knowledge base, as JSON (never pickle).

Entries are named by the key of the content they were validated from, so an edited, added or
removed data file, or another coopkb version, simply looks up another name: nothing can be stale.
Each entry carries a digest of its payload and is written to a temporary file then renamed, so a
torn, truncated or tampered file is a miss, never wrong data; concurrent writers each rename a
complete file of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1
_KEEP = 8  # entries kept; older ones are pruned when a new one is written


def entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"kb-{key}.json"


def read(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The cached knowledge base for ``key``, or None for a miss or any damaged entry."""
    try:
        raw = entry_path(cache_dir, key).read_bytes()
        header_line, _, payload = raw.partition(b"\n")
        header = json.loads(header_line)
        if (
            not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("key") != key
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()
        ):
            return None
        data = json.loads(payload)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write(cache_dir: Path, key: str, knowledge_base: dict[str, Any]) -> None:
    """Store an entry atomically; a cache that cannot be written is silently skipped."""
    payload = json.dumps(knowledge_base, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps(
        {"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
    ).encode()
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
