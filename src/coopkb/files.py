"""Reading a data file safely: regular files only, of a bounded size, never blocking.

Used by validation and by the cache key alike (so it imports nothing heavy).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from .i18n import N_, _

# The 100,000-cooperative benchmark file is ~40 MB; a data file ten times that is a mistake.
MAX_FILE_BYTES = 512 * 1024 * 1024


class Unreadable(NamedTuple):
    """Why a data file could not be read: a problem code and a message."""

    code: str
    message: str


def read_data_file(path: Path) -> bytes | Unreadable:
    """The bytes of a regular file of at most MAX_FILE_BYTES, else why not.

    A FIFO, a device (``/dev/zero`` behind a symlink) or a directory would hang or exhaust
    memory: it is refused before any byte is read (opening a FIFO without O_NONBLOCK blocks).
    """
    outside = _link_outside(path)
    if outside is not None:
        return outside
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return Unreadable("missing-file", _("data file is missing"))
    except OSError as err:
        return Unreadable(
            "unreadable-file", _("cannot read: {reason}").format(reason=os_reason(err))
        )
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Unreadable("unreadable-file", _("not a regular file (a pipe, device or folder)"))
        if info.st_size > MAX_FILE_BYTES:
            return Unreadable(
                "file-too-large",
                _("the file is {size:,} bytes; data files may hold at most {limit:,}").format(
                    size=info.st_size, limit=MAX_FILE_BYTES
                ),
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return Unreadable(
            "unreadable-file", _("cannot read: {reason}").format(reason=os_reason(err))
        )
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        return Unreadable(
            "file-too-large",
            _("data files may hold at most {limit:,} bytes").format(limit=MAX_FILE_BYTES),
        )
    return raw


def _link_outside(path: Path) -> Unreadable | None:
    """A data file that is a symbolic link to a file outside its folder is not read: the data
    folder is what an editor checks in, and a link out (to ``/etc/…``) would echo another file's
    text in every finding. A link within the folder is fine."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=False)
        folder = path.parent.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return Unreadable("unreadable-file", _("the link cannot be followed (a loop?)"))
    if target.parent == folder or folder in target.parents:
        return None
    return Unreadable(
        "unreadable-file",
        _("a link to a file outside the data folder; coopkb reads only the folder's own files"),
    )


# The system's reasons, in the interface's language (strerror is always the C library's English).
_REASONS = {
    "ENOENT": N_("no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("operation not permitted"),
    "EROFS": N_("read-only file system"),
    "ENOSPC": N_("no space left on the device"),
    "EDQUOT": N_("disk quota exceeded"),
    "ENOTDIR": N_("a part of the path is not a folder"),
    "EISDIR": N_("it is a folder"),
    "ENAMETOOLONG": N_("file name too long"),
    "EEXIST": N_("it already exists"),
    "EBADF": N_("the output is closed"),
    "EIO": N_("input/output error"),
    "ELOOP": N_("too many levels of symbolic links"),
    "EFBIG": N_("file too large"),
    "ENXIO": N_("no reader on the other end (a pipe or device)"),
}


def os_reason(err: OSError) -> str:
    """Why an operation on a file failed, in the user's language when the system's error is a
    common one, else as the system words it."""
    name = errno.errorcode.get(err.errno or -1, "")
    if name in _REASONS:
        return _(_REASONS[name])
    return str(err.strerror or err)
