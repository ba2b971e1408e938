"""The data files at a git revision, read with the real `git` (``git show REV:path``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..files import MAX_FILE_BYTES, Unreadable, os_reason
from ..i18n import _
from ..layout import DATA_FILES, EVIDENCE_FILES
from ..matching import quote


class RevisionError(Exception):
    """A revision git does not know, or no git repository: the message says which."""


# git's variables that would point it at another repository than the data's (a hook or a
# worktree setting GIT_DIR): the repository is always the one holding the data folder.
_REPOSITORY_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
)
_TIMEOUT = 60


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _REPOSITORY_VARIABLES}
    try:
        return subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            check=False,
            timeout=_TIMEOUT,
            env=env,
        )
    except FileNotFoundError:
        raise RevisionError(_("git is not installed")) from None
    except subprocess.TimeoutExpired:
        raise RevisionError(
            _("git did not answer within {seconds} seconds").format(seconds=_TIMEOUT)
        ) from None
    except OSError as err:
        raise RevisionError(_("cannot run git: {reason}").format(reason=os_reason(err))) from None


def _text(output: bytes) -> str:
    """git's output as a path or a name: the file system's own bytes (a path that is not
    UTF-8 survives, as os.fsdecode gives it)."""
    return os.fsdecode(output.strip())


def repository_of(data_dir: Path) -> tuple[Path, str]:
    """The git repository holding ``data_dir``, and the data directory's path inside it."""
    found = _git(data_dir, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise RevisionError(_("{path} is not in a git repository").format(path=data_dir))
    top = Path(_text(found.stdout))
    return top, data_dir.resolve().relative_to(top.resolve()).as_posix()


def default_base(repo: Path) -> tuple[str, str | None]:
    """The merge base with the default branch's remote head, and a note when it is not that:
    HEAD when there is no remote head; an error when there is one but no merge base (a
    shallow clone), rather than a silent HEAD that would say "no change"."""
    remote = _git(repo, "rev-parse", "--abbrev-ref", "origin/HEAD")
    if remote.returncode != 0:
        return "HEAD", _("no origin/HEAD here: comparing with HEAD")
    branch = _text(remote.stdout)
    base = _git(repo, "merge-base", "HEAD", branch)
    if base.returncode == 0:
        return _text(base.stdout), None
    shallow = _git(repo, "rev-parse", "--is-shallow-repository")
    if _text(shallow.stdout) == "true":
        raise RevisionError(
            _(
                "this clone is shallow: HEAD and {branch} have no common commit here; "
                "fetch more history (git fetch --unshallow) or name the base revision"
            ).format(branch=branch)
        )
    raise RevisionError(
        _("HEAD and {branch} have no common commit; name the base revision").format(branch=branch)
    )


def contents_at(repo: Path, prefix: str, revision: str) -> dict[str, bytes | Unreadable]:
    """The data files as they are at ``revision`` (a missing file is reported as missing)."""
    if not revision.strip():
        raise RevisionError(_("an empty revision names nothing; leave it out for the default"))
    checked = _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if checked.returncode != 0:
        raise RevisionError(_("unknown revision {revision}").format(revision=quote(revision)))
    contents: dict[str, bytes | Unreadable] = {}
    for name in (*DATA_FILES, *EVIDENCE_FILES.values()):
        path = f"{prefix}/{name}" if prefix not in ("", ".") else name
        size = _git(repo, "cat-file", "-s", f"{revision}:{path}")
        if size.returncode == 0 and int(_text(size.stdout) or 0) > MAX_FILE_BYTES:
            contents[name] = Unreadable(
                "file-too-large",
                _("the file is {size:,} bytes; data files may hold at most {limit:,}").format(
                    size=int(_text(size.stdout)), limit=MAX_FILE_BYTES
                ),
            )
            continue
        shown = _git(repo, "show", f"{revision}:{path}")
        if shown.returncode == 0:
            contents[name] = shown.stdout
        else:
            contents[name] = Unreadable("missing-file", f"data file is missing at {revision}")
    return contents
