"""Reading a data file safely: regular files only, of a bounded size, never blocking.

Used by validation and by the cache key alike (so it imports nothing heavy).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from .i18n import _

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
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return Unreadable("missing-file", _("data file is missing"))
    except OSError as err:
        return Unreadable(
            "unreadable-file", _("cannot read: {reason}").format(reason=err.strerror or err)
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
            "unreadable-file", _("cannot read: {reason}").format(reason=err.strerror or err)
        )
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        return Unreadable(
            "file-too-large",
            _("data files may hold at most {limit:,} bytes").format(limit=MAX_FILE_BYTES),
        )
    return raw


def _cannot_read(err: OSError) -> Unreadable:
    return Unreadable(
        "unreadable-file", _("cannot read: {reason}").format(reason=err.strerror or err)
    )
