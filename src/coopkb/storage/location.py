"""Which data directory a command reads: --data-dir, $COOPKB_DATA_DIR, ./data or the bundled one."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from ..i18n import N_, _
from ..layout import DATA_FILES

_PACKAGE = Path(__file__).resolve().parent.parent
BUNDLED = N_("bundled")


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
    """--data-dir, else $COOPKB_DATA_DIR, else ./data when it holds coopkb files, else bundled."""
    if option is not None:
        return DataLocation(option, "--data-dir")
    if env.get("COOPKB_DATA_DIR"):
        return DataLocation(Path(env["COOPKB_DATA_DIR"]), "COOPKB_DATA_DIR")
    local = cwd / "data"
    if any((local / name).is_file() for name in DATA_FILES):
        return DataLocation(local, "./data", "data")
    return DataLocation(bundled_data_dir(), BUNDLED)
