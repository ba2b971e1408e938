"""Exports that are a folder of files (CSV tables, a data package, Murmurations profiles),
written as one set: all new or all old, never through a link, never over a file the export
did not write unless ``--overwrite`` says so.

A manifest (``.coopkb-files``) lists what the export wrote, so the next ``--overwrite`` removes
the files this one no longer has and the folder never mixes two exports.
"""

from __future__ import annotations

from pathlib import Path

from ..files import os_reason
from ..i18n import _
from ..writing import FileSet
from .sqlite import ExportError

MANIFEST = ".coopkb-files"
_OLD_MANIFEST = ".coopkb-tables"  # written by earlier CSV exports: table names, one a line


def write_folder(
    directory: Path, texts: dict[str, str], overwrite: bool, protected: list[Path]
) -> None:
    """Write ``texts`` (file name → content) in ``directory`` (created) as one set."""
    many = len(texts) > 100
    if directory.is_symlink():
        raise ExportError(
            _("{path} is a symbolic link; coopkb writes no file through a link").format(
                path=directory
            )
        )
    if directory.exists() and not directory.is_dir():
        kind = _("a file") if directory.is_file() else _("a pipe, device or socket")
        raise ExportError(_("{path} is {kind}, not a folder").format(path=directory, kind=kind))
    earlier = _listed(directory)
    existing = [n for n in texts if (directory / n).exists() or (directory / n).is_symlink()]
    if not existing and earlier:  # an earlier export, all its files gone from this one
        existing = [MANIFEST]
    if existing and not overwrite:
        raise ExportError(
            _("{path} already holds {files}… (use --overwrite to replace them)").format(
                path=directory, files=", ".join(existing[:3])
            )
        )
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            _("cannot create {path}: {reason}").format(path=directory, reason=os_reason(err))
        ) from None
    try:
        with FileSet(overwrite, protected, many=many) as files:
            for name, text in texts.items():
                files.add_text(directory / name, text)
            if overwrite:  # what the export replaced wrote that this one no longer has
                for old in earlier:
                    if old not in texts:
                        files.remove(directory / old)
                if (directory / _OLD_MANIFEST).is_file():
                    files.remove(directory / _OLD_MANIFEST)
            files.add_text(directory / MANIFEST, "\n".join(sorted(texts)) + "\n")
            files.commit()
    except BaseException:
        if created:  # a failed export leaves no empty folder behind
            try:
                directory.rmdir()
            except OSError:
                pass
        raise


def _listed(directory: Path) -> list[str]:
    """The files an earlier export wrote here (plain names only: nothing outside the folder)."""
    names: list[str] = []
    for manifest, suffix in ((directory / MANIFEST, ""), (directory / _OLD_MANIFEST, ".csv")):
        try:
            text = manifest.read_text("utf-8") if manifest.is_file() else ""
        except (OSError, UnicodeDecodeError):
            continue
        names += [
            name + suffix
            for name in text.split()
            if name.replace("_", "").replace("-", "").replace(".", "").isalnum()
            and not name.startswith(".")
        ]
    return list(dict.fromkeys(names))
