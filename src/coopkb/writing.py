"""Writing what the user asked for, and nothing else: every output whole or not at all.

One set of files (a database and its metadata, the CSV files of an export, the JSON and its
schema) is written as one: each file goes to a temporary file beside its target, and only when
all are written are they renamed over their targets. A target is refused before any byte is
written when it is a symbolic link, not an ordinary file (``/dev/null``, a FIFO, a folder), one
of the data files coopkb reads, named twice in the set, or already there without
``--overwrite``. New files follow the umask, like any file the user's shell creates.

Temporary files carry the writing process's id; a run that was killed leaves them behind, and the
next write in that folder removes those whose process is gone.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .files import os_reason
from .i18n import _


class WriteError(Exception):
    """An output could not be written (the message says why); nothing was replaced."""


_TEMP = re.compile(r"\.(?P<name>.+)\.coopkb-(?P<pid>[0-9]+)-[0-9a-f]+\.tmp")


def temp_path(target: Path) -> Path:
    """A new temporary name beside ``target``, naming this process (for later clean-up)."""
    return target.parent / f".{target.name}.coopkb-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def clean_leftovers(folder: Path) -> None:
    """Remove the temporary files of coopkb runs in ``folder`` whose process is gone."""
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return
    for name in names:
        match = _TEMP.fullmatch(name)
        if match is None or _alive(int(match["pid"])):
            continue
        try:
            if stat.S_ISREG(os.lstat(folder / name).st_mode):
                (folder / name).unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def check_target(
    target: Path,
    overwrite: bool,
    protected: Iterable[Path] = (),
    where: Path | None = None,
    resolved: frozenset[Path] | None = None,
) -> None:
    """Refuse a target coopkb must not write: see the module's docstring. ``where`` (the
    target's absolute path) and ``resolved`` (the protected paths', absolute) spare a set of
    thousands of files resolving the same folders again for each."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise WriteError(
            _("cannot write {path}: {reason}").format(path=target, reason=os_reason(err))
        ) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise WriteError(
                _("{path} is a symbolic link; coopkb writes no file through a link").format(
                    path=target
                )
            )
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(_("{path} is a folder").format(path=target))
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(
                _("{path} is not an ordinary file (pipe, device or socket)").format(path=target)
            )
        if not overwrite:
            raise WriteError(_("{path} exists (use --overwrite to replace it)").format(path=target))
    where = where or _absolute(target)
    if resolved is None:
        resolved = frozenset(_absolute(p) for p in protected)
    if where in resolved:
        raise WriteError(
            _("{path} is one of the data files coopkb reads; choose another name").format(
                path=target
            )
        )


def _absolute(path: Path) -> Path:
    """The path with its folder's links resolved (the file itself is never a link here)."""
    try:
        return path.parent.resolve() / path.name
    except OSError:
        return path.absolute()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class FileSet:
    """Files written as one (see the module's docstring). Use as a context manager: leaving it
    with an error removes every temporary file and replaces nothing.

    ``add_text``/``add_bytes`` write a file's content; ``reserve`` gives a temporary path for a
    writer that makes its own file (SQLite); ``remove`` names an old file of the set to delete
    on commit (a CSV whose table became empty).
    """

    def __init__(self, overwrite: bool, protected: Iterable[Path] = (), many: bool = False) -> None:
        self.overwrite = overwrite
        self.protected = list(protected)
        # Thousands of small files (one profile per record): one flush of the file systems
        # before the renames instead of one fsync per file (10,000 fsyncs cost seconds).
        self.many = many
        self._pending: list[tuple[Path, Path]] = []  # (temporary, target)
        self._removals: list[Path] = []
        self._targets: set[Path] = set()
        self._cleaned: set[Path] = set()
        self._resolved = frozenset(_absolute(p) for p in self.protected)
        self._folders: dict[Path, Path] = {}  # a target's folder, its links resolved
        self._where: dict[Path, Path] = {}  # a target's absolute path

    def __enter__(self) -> FileSet:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        err: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.abort()

    def _absolute(self, target: Path) -> Path:
        folder = target.parent
        if folder not in self._folders:
            self._folders[folder] = _absolute(target).parent
        return self._folders[folder] / target.name

    def _claim(self, target: Path) -> Path:
        where = self._absolute(target)
        self._where[target] = where
        if where in self._targets:
            raise WriteError(
                _("{path} is named twice; give each output its own name").format(path=target)
            )
        check_target(target, self.overwrite, self.protected, where, self._resolved)
        folder = target.parent
        if folder not in self._cleaned and not folder.is_dir():
            raise WriteError(
                _("cannot write {path}: {reason}").format(
                    path=target, reason=_("{path} does not exist").format(path=folder)
                )
            )
        if folder not in self._cleaned:  # once per folder, not once per file of the set
            clean_leftovers(folder)
            self._cleaned.add(folder)
        self._targets.add(where)
        return temp_path(target)

    def reserve(self, target: Path) -> Path:
        """A temporary path (not yet created) that becomes ``target`` on commit."""
        temp = self._claim(target)
        self._pending.append((temp, target))
        return temp

    def add_bytes(self, target: Path, content: bytes) -> None:
        temp = self.reserve(target)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                if not self.many:
                    os.fsync(handle.fileno())
        except OSError as err:
            raise WriteError(
                _("cannot write {path}: {reason}").format(path=target, reason=os_reason(err))
            ) from None

    def add_text(self, target: Path, text: str) -> None:
        self.add_bytes(target, text.encode("utf-8"))

    def remove(self, old: Path) -> None:
        """Delete ``old`` on commit, if it is an ordinary file (never through a link)."""
        try:
            if stat.S_ISREG(os.lstat(old).st_mode):
                self._removals.append(old)
        except OSError:
            pass

    def commit(self) -> None:
        """Rename every temporary file over its target, then delete the files named by remove."""
        mask = _umask()
        if self.many and self._pending:
            os.sync()  # every temporary file on disk before any rename
        try:
            for temp, target in self._pending:
                os.chmod(temp, 0o666 & ~mask)
                # checked again right before: a link or FIFO made meanwhile is not followed
                where = self._where.get(target)
                check_target(target, self.overwrite, self.protected, where, self._resolved)
            for temp, target in self._pending:
                os.replace(temp, target)
            for old in self._removals:
                old.unlink(missing_ok=True)
        except OSError as err:
            self.abort()
            raise WriteError(_("cannot write: {reason}").format(reason=os_reason(err))) from None
        except WriteError:
            self.abort()
            raise
        self._pending.clear()

    def abort(self) -> None:
        for temp, _target in self._pending:
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass
        self._pending.clear()
