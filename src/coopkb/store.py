"""Where the data comes from, and the validated knowledge base behind every query.

The knowledge base is validated once per distinct content of the data files and kept in a cache
keyed by that content (see ``cache.py``); queries read the cached plain JSON and never import the
YAML parser or the models, which is what keeps every answer at the floor of its imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__, cache
from .problems import DataError
from .reference import DATA_FILES

_PACKAGE = Path(__file__).resolve().parent
# Modules whose code decides what valid data is: a change to any of them invalidates the cache.
_VALIDATION_CODE = (
    "loader.py",
    "fields.py",
    "models.py",
    "checks.py",
    "reference.py",
    "matching.py",
)


class DataLocation(NamedTuple):
    path: Path
    origin: str  # "--data-dir", "COOPKB_DATA_DIR", "./data" or "bundled"

    def describe(self) -> str:
        return f"{self.path} (from {self.origin})"


def bundled_data_dir() -> Path:
    """The copy installed with the package, or the repository's own data in a source checkout."""
    installed = _PACKAGE / "data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "data"


def locate_data(option: Path | None, env: Mapping[str, str], cwd: Path) -> DataLocation:
    """--data-dir, else $COOPKB_DATA_DIR, else ./data when it holds coopkb files, else bundled."""
    if option is not None:
        return DataLocation(option, "--data-dir")
    if env.get("COOPKB_DATA_DIR"):
        return DataLocation(Path(env["COOPKB_DATA_DIR"]), "COOPKB_DATA_DIR")
    local = cwd / "data"
    if any((local / name).is_file() for name in DATA_FILES):
        return DataLocation(Path("data"), "./data")
    return DataLocation(bundled_data_dir(), "bundled")


def read_data_files(data_dir: Path) -> dict[str, bytes | None]:
    contents: dict[str, bytes | None] = {}
    for name in DATA_FILES:
        try:
            contents[name] = (data_dir / name).read_bytes()
        except OSError:
            contents[name] = None
    return contents


def content_key(contents: Mapping[str, bytes | None]) -> str:
    """Digest of everything that decides the validated result: data, coopkb version and code."""
    digest = cache.new_digest(f"coopkb {__version__}\n".encode())
    for module in _VALIDATION_CODE:
        digest.update((_PACKAGE / module).read_bytes())
    for name in sorted(contents):
        content = contents[name]
        digest.update(f"\0{name}\0{-1 if content is None else len(content)}\0".encode())
        digest.update(content or b"")
    return digest.hexdigest()


def load_knowledge_base(
    location: DataLocation, cache_dir: Path | None, region: str | None = None
) -> tuple[dict[str, Any], bool]:
    """The validated knowledge base and whether it came from the cache.

    With ``region`` (an official region name), a cache hit may hold only that region's
    cooperatives: enough for a query filtered by region, at a fraction of the decoding.
    Raises DataError with every problem when the data is invalid; invalid data is never cached.
    """
    contents = read_data_files(location.path)
    key = content_key(contents)
    if cache_dir is not None:
        wanted = None if region is None else {_BASE, _COOPERATIVES + region}.__contains__
        segments = cache.read(cache_dir, key, wanted)
        if segments is not None and _BASE in segments:
            return _join(segments), True
    from .checks import validate_contents  # the slow path: YAML parser and models

    outcome = validate_contents(location.path, str(location.path), contents)
    if outcome.knowledge_base is None:
        raise DataError(outcome.problems)
    if cache_dir is not None:
        cache.write(cache_dir, key, _split(outcome.knowledge_base))
    return outcome.knowledge_base, False


_BASE = "base"
_COOPERATIVES = "cooperatives:"


def _split(kb: dict[str, Any]) -> dict[str, Any]:
    """Cache segments: everything but the cooperatives, then the cooperatives region by region
    (with their positions, so a full load restores the files' order)."""
    segments: dict[str, Any] = {_BASE: {k: v for k, v in kb.items() if k != "cooperatives"}}
    for index, cooperative in enumerate(kb.get("cooperatives", [])):
        name = _COOPERATIVES + (cooperative.get("region") or "")
        segment = segments.setdefault(name, {"positions": [], "records": []})
        segment["positions"].append(index)
        segment["records"].append(cooperative)
    return segments


def _join(segments: dict[str, Any]) -> dict[str, Any]:
    kb = dict(segments[_BASE])
    placed = [
        (position, record)
        for name, segment in segments.items()
        if name.startswith(_COOPERATIVES)
        for position, record in zip(segment["positions"], segment["records"], strict=True)
    ]
    kb["cooperatives"] = [record for _, record in sorted(placed, key=lambda pair: pair[0])]
    return kb
