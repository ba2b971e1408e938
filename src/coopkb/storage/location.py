"""Which data directory a command reads: --data-dir, $COOPKB_DATA_DIR, ./data or the bundled one."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from ..i18n import N_, _
from ..layout import DATA_FILES

_PACKAGE = Path(__file__).resolve().parent.parent
BUNDLED = N_("bundled")
# a data folder found from the current folder upwards (not the current folder's data/)
NEAREST = N_("nearest data folder")


class DataLocation(NamedTuple):
    path: Path  # where the files are read
    origin: str  # "--data-dir", "COOPKB_DATA_DIR", "./data" or BUNDLED
    shown: str = ""  # how file names are shown (relative for ./data, so CI annotations match)

    @property
    def display(self) -> str:
        return self.shown or str(self.path)

    def describe(self) -> str:
        return _("{path} (from {origin})").format(path=self.display, origin=_(self.origin))


def bundled_data_dir() -> Path:
    """The copy installed with the package, or the repository's own data in a source checkout."""
    installed = _PACKAGE / "data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "data"


def locate_data(option: Path | None, env: Mapping[str, str], cwd: Path) -> DataLocation:
    """--data-dir, else $COOPKB_DATA_DIR, else the nearest data folder from the current one
    upwards, else bundled.

    The nearest folder is the current one when it holds a data file (``cd data``), else its
    ``data/`` subfolder, else the same in each parent in turn, as git finds its repository: an
    editor anywhere in a checkout checks the files they are editing, never the bundled copy.
    """
    if option is not None:
        return DataLocation(option, "--data-dir")
    if env.get("COOPKB_DATA_DIR"):
        return DataLocation(Path(env["COOPKB_DATA_DIR"]), "COOPKB_DATA_DIR")
    for folder in (cwd, *cwd.parents):
        for candidate in (folder, folder / "data"):
            if _holds_data(candidate):
                return DataLocation(candidate, _origin(candidate, cwd), _shown(candidate, cwd))
    return DataLocation(bundled_data_dir(), BUNDLED)


def _holds_data(folder: Path) -> bool:
    try:
        return any((folder / name).is_file() for name in DATA_FILES)
    except OSError:  # an unreadable parent: not a data folder
        return False


def _origin(folder: Path, cwd: Path) -> str:
    return "./data" if folder == cwd / "data" else NEAREST


def _shown(folder: Path, cwd: Path) -> str:
    """The folder as the user would type it from where they are (``data``, ``.``, ``../data``),
    so reported file names open from the shell and match CI's annotations."""
    return os.path.relpath(folder, cwd)
