"""Every record of the loaded files, with where it stands, so a rule reports at its line and
column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..graph import walk_records
from ..problems import Problem
from .loader import LoadedFile


@dataclass
class RecordAt:
    """A record of the base with where it stands (file and path inside the file's data)."""

    kind: str
    data: dict[str, Any]
    file: LoadedFile
    loc: tuple[str | int, ...]

    def at(self, loc: tuple[str | int, ...], code: str, message: str) -> Problem:
        line, column = self.file.position((*self.loc, *loc))
        return Problem(self.file.path, line, column, code, message)


def records_of(files: list[LoadedFile]) -> list[RecordAt]:
    return [
        RecordAt(found.kind, found.record, loaded, found.loc)
        for loaded in files
        for found in walk_records(loaded.data)
    ]
