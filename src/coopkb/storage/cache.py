"""A content-addressed cache of the validated knowledge base, as JSON (never pickle).

Entries are named by the key of the content they were validated from, so an edited, added or
removed data file, or another coopkb version, simply looks up another name: nothing can be stale.

An entry is one file: a JSON header line, then named JSON segments laid end to end. The header
gives each segment's offset, length and a keyed digest, so a reader decodes only the segments it
needs (the store puts each region's cooperatives in a segment of its own) and checks each one.

What the digest protects against: the digest is keyed with a secret kept *outside* the cache
directory (``cache.key`` in the user's configuration directory, readable by its owner only), so a
torn, truncated, damaged or forged entry — even one whose digests were recomputed by someone who
can write the cache directory but not read that key — is a miss, never a wrong answer. Whoever can
read your configuration directory can forge entries; `validate` never reads the cache at all.
Entries are written to a temporary file then renamed, so concurrent writers each rename a
complete file of their own; pruning touches only files named like coopkb's own entries.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Mapping
from hashlib import blake2b as new_digest
from pathlib import Path
from typing import Any

from ..gc_pause import gc_paused

__all__ = ["FORMAT", "entry_path", "load_secret", "new_digest", "read", "write"]

FORMAT = 4  # 4: digests bound to the entry's key and segment name; the header's own digest
_KEEP = 8  # entries kept; the least recently used are pruned when a new one is written
_ENTRY = re.compile(r"kb-[0-9a-f]{128}(?:\.[a-z]+)?\.json")
_MAX_HEADER = 1 << 20
_MAX_SEGMENTS = 10_000
_SECRET_BYTES = 32


def entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"kb-{key}.json"


def load_secret(key_file: Path) -> bytes | None:
    """The key of the digests, created on first use (owner-only); None when it cannot be had.

    Only an ordinary file of the user's own, readable by nobody else, is a key: a link, a FIFO
    or a device is never read (it would hang or be someone else's), and a key others can read is
    no secret, so a new one replaces it (entries made with the old one then simply miss)."""
    try:
        fd = os.open(key_file, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCK)
    except FileNotFoundError:
        return _new_secret(key_file)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_uid != os.geteuid() or info.st_mode & 0o077:
            os.close(fd)
            fd = -1
            key_file.unlink()
            return _new_secret(key_file)
        secret = os.read(fd, _SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(secret) == _SECRET_BYTES:
        return secret
    try:  # damaged: a new key (entries made with the old one become misses)
        key_file.unlink()
    except OSError:
        return None
    return _new_secret(key_file)


def _new_secret(key_file: Path) -> bytes | None:
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        import secrets  # only the first run creates the key (secrets loads OpenSSL: ~5 ms)

        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
        secret = secrets.token_bytes(_SECRET_BYTES)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secret)
        return secret
    except OSError:
        return None


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCK = getattr(os, "O_NONBLOCK", 0)


def _open_entry(path: Path) -> Any:
    """An entry opened for reading only if it is an ordinary file (never a link, FIFO or device,
    which would hang or feed endless bytes); raises OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not an ordinary file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _digest(raw: bytes, secret: bytes, key: str, name: str) -> str:
    """A segment's digest, bound to the entry's key and the segment's name: a segment copied
    into another entry, or swapped with another segment, no longer matches."""
    bound = new_digest(key=secret)
    bound.update(f"{key}\0{name}\0".encode())
    bound.update(raw)
    return str(bound.hexdigest())


def _header_mac(header: Mapping[str, Any], secret: bytes) -> str:
    """The digest of everything the header says (format, key, every segment's place and digest):
    no segment can be dropped, added or moved without the key."""
    canonical = json.dumps(
        {k: v for k, v in header.items() if k != "mac"}, sort_keys=True, separators=(",", ":")
    )
    return str(new_digest(canonical.encode(), key=secret).hexdigest())


def read(
    cache_dir: Path,
    key: str,
    secret: bytes,
    wanted: Callable[[str], bool] | None = None,
    well_formed: Callable[[str, Any], bool] = lambda name, value: True,
) -> dict[str, Any] | None:
    """The segments of the entry for ``key`` that ``wanted`` selects (all by default), or None
    for a miss or any damaged, forged or ill-formed entry."""
    path = entry_path(cache_dir, key)
    try:
        with _open_entry(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            header = json.loads(handle.readline(_MAX_HEADER))
            table = _checked_header(header, key, size, secret)
            if table is None:
                return None
            start = handle.tell()
            segments: dict[str, Any] = {}
            for name, (offset, length, digest) in table.items():
                if wanted is not None and not wanted(name):
                    continue
                if start + offset + length > size:
                    return None
                handle.seek(start + offset)
                raw = handle.read(length)
                if len(raw) != length or _digest(raw, secret, key, name) != digest:
                    return None
                value = _load_json(raw)
                if not well_formed(name, value):
                    return None
                segments[name] = value
        os.utime(path)  # pruning drops the least recently *used* entries
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    return segments


def _checked_header(
    header: Any, key: str, size: int, secret: bytes
) -> dict[str, tuple[int, int, str]] | None:
    if (
        not isinstance(header, dict)
        or header.get("format") != FORMAT
        or header.get("key") != key
        or header.get("mac") != _header_mac(header, secret)
        or not isinstance(header.get("segments"), dict)
        or len(header["segments"]) > _MAX_SEGMENTS
    ):
        return None
    table: dict[str, tuple[int, int, str]] = {}
    for name, row in header["segments"].items():
        if not (
            isinstance(row, list)
            and len(row) == 3
            and all(isinstance(n, int) and 0 <= n <= size for n in row[:2])
            and isinstance(row[2], str)
        ):
            return None
        table[name] = (row[0], row[1], row[2])
    return table


def _load_json(payload: bytes) -> Any:
    with gc_paused():  # a large base decodes to ~10^5 acyclic objects
        return json.loads(payload)


def write(cache_dir: Path, key: str, secret: bytes, segments: Mapping[str, Any]) -> bool:
    """Store an entry atomically; True when it was written (a cache that cannot be written is
    skipped: the answer does not depend on it)."""
    from ..writing import clean_leftovers, temp_path  # only a cache miss writes

    table: dict[str, tuple[int, int, str]] = {}
    payload = bytearray()
    for name, value in segments.items():
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        table[name] = (len(payload), len(raw), _digest(raw, secret, key, name))
        payload += raw
    fields: dict[str, Any] = {"format": FORMAT, "key": key, "segments": table}
    header = json.dumps({**fields, "mac": _header_mac(json.loads(json.dumps(fields)), secret)})
    header_bytes = header.encode()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        clean_leftovers(cache_dir)  # a killed run's temporary entries (tens of MB at 100k)
        temp_name = temp_path(entry_path(cache_dir, key))
        try:
            fd = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(header_bytes + b"\n" + payload)
            os.replace(temp_name, entry_path(cache_dir, key))
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _prune(cache_dir)
    except OSError:
        return False
    return True


def _prune(cache_dir: Path) -> None:
    """Keep the _KEEP most recently used entries; delete only files coopkb itself names."""
    entries = [p for p in cache_dir.iterdir() if _ENTRY.fullmatch(p.name)]
    entries.sort(key=_mtime, reverse=True)
    for old in entries[_KEEP:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
