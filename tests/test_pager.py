"""The pager in a real pseudo-terminal: accents stay accents when LANG names a locale the
system lacks (the README says no system locale is needed)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT


def _in_a_terminal(args: list[str], env: dict[str, str], rows: int = 12) -> bytes:
    """Run coopkb on a pseudo-terminal of ``rows`` x 80; quit the pager; return the screen bytes."""
    import fcntl
    import pty
    import struct
    import termios

    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    process = subprocess.Popen(
        [exe, *args], stdin=follower, stdout=follower, stderr=follower, env=env, cwd=ROOT
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 30
    quit_sent = False
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif seen and not quit_sent:  # the pager waits for a key
            os.write(leader, b"q")
            quit_sent = True
        if process.poll() is not None and not ready:
            break
    process.wait(timeout=10)
    os.close(leader)
    return seen


def _missing_locale() -> str:
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    names = {n.lower().replace("-", "") for n in available.stdout.split()}
    for name in ("fr_CA.UTF-8", "fr_FR.UTF-8", "xx_YY.UTF-8"):
        if name.lower().replace("-", "") not in names:
            return name
    raise AssertionError("every candidate locale is installed")


@pytest.mark.slow
def test_accents_through_the_pager_without_the_locale(tmp_path: Path) -> None:
    assert shutil.which("less"), "the test needs less (.ci/run installs it)"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "TERM": "xterm",
        "LANG": _missing_locale(),
        "COOPKB_CACHE_DIR": str(tmp_path / "cache"),
        "COOPKB_CONFIG_DIR": str(tmp_path / "config"),
    }
    screen = _in_a_terminal(["show", "cqcm"], env)
    assert "québécois".encode() in screen, screen[-2000:]
    assert b"<C3>" not in screen and b"<E2>" not in screen
    assert b"Traceback" not in screen
