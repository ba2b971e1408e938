"""The data files at a git revision, read with the real `git` (``git show REV:path``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..files import Unreadable
from ..i18n import _
from ..layout import DATA_FILES
from ..matching import quote

WORKING_TREE = "working tree"


class RevisionError(Exception):
    """A revision git does not know, or no git repository: the message says which."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise RevisionError(_("git is not installed")) from None


def repository_of(data_dir: Path) -> tuple[Path, str]:
    """The git repository holding ``data_dir``, and the data directory's path inside it."""
    found = _git(data_dir, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise RevisionError(_("{path} is not in a git repository").format(path=data_dir))
    top = Path(found.stdout.decode().strip())
    return top, data_dir.resolve().relative_to(top.resolve()).as_posix()


def default_base(repo: Path) -> str:
    """The merge base with the default branch's remote head, else HEAD."""
    remote = _git(repo, "rev-parse", "--abbrev-ref", "origin/HEAD")
    if remote.returncode == 0:
        base = _git(repo, "merge-base", "HEAD", remote.stdout.decode().strip())
        if base.returncode == 0:
            return base.stdout.decode().strip()
    return "HEAD"


def contents_at(repo: Path, prefix: str, revision: str) -> dict[str, bytes | Unreadable]:
    """The data files as they are at ``revision`` (a missing file is reported as missing)."""
    checked = _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if checked.returncode != 0:
        raise RevisionError(_("unknown revision {revision}").format(revision=quote(revision)))
    contents: dict[str, bytes | Unreadable] = {}
    for name in DATA_FILES:
        path = f"{prefix}/{name}" if prefix not in ("", ".") else name
        shown = _git(repo, "show", f"{revision}:{path}")
        if shown.returncode == 0:
            contents[name] = shown.stdout
        else:
            contents[name] = Unreadable("missing-file", f"data file is missing at {revision}")
    return contents
