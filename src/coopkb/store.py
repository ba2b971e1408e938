"""Where the data comes from, and the validated knowledge base behind every query.

The knowledge base is validated once per distinct content of the data files and kept in a cache
keyed by that content (see ``cache.py``); queries read the cached plain JSON and never import the
YAML parser or the models, which is what keeps every answer at the floor of its imports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__, cache
from .problems import DataError
from .reference import DATA_FILES

_PACKAGE = Path(__file__).resolve().parent
# Modules whose code decides what valid data is: a change to any of them invalidates the cache.
_VALIDATION_CODE = ("loader.py", "models.py", "checks.py", "reference.py", "matching.py")


@dataclass(frozen=True)
class DataLocation:
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
    digest = hashlib.sha256(f"coopkb {__version__}\n".encode())
    for module in _VALIDATION_CODE:
        digest.update((_PACKAGE / module).read_bytes())
    for name in sorted(contents):
        content = contents[name]
        digest.update(f"\0{name}\0{-1 if content is None else len(content)}\0".encode())
        digest.update(content or b"")
    return digest.hexdigest()


def load_knowledge_base(
    location: DataLocation, cache_dir: Path | None
) -> tuple[dict[str, Any], bool]:
    """The validated knowledge base and whether it came from the cache.

    Raises DataError with every problem when the data is invalid; invalid data is never cached.
    """
    contents = read_data_files(location.path)
    key = content_key(contents)
    if cache_dir is not None:
        cached = cache.read(cache_dir, key)
        if cached is not None:
            return cached, True
    from .checks import validate_contents  # the slow path: YAML parser and models

    outcome = validate_contents(location.path, str(location.path), contents)
    if outcome.knowledge_base is None:
        raise DataError(outcome.problems)
    if cache_dir is not None:
        cache.write(cache_dir, key, outcome.knowledge_base)
    return outcome.knowledge_base, False
