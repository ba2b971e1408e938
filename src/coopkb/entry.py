"""The console script's entry point, kept apart from the CLI so that it runs before anything heavy.

Importing the CLI (Typer, Rich, Click) takes tens of milliseconds; a Ctrl-C in that time raised
KeyboardInterrupt outside every handler, and the user got a traceback. Until the CLI's own
handlers are in place, Ctrl-C ends the process quietly with the shell's usual 130.
"""

from __future__ import annotations

import os
import signal
import sys


def _quiet_interrupt(signum: int, frame: object) -> None:
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    previous = signal.signal(signal.SIGINT, _quiet_interrupt)
    try:
        try:
            from .cli import main as cli_main
        finally:
            # A Ctrl-C that lands while the handler is put back is raised here, by the handler
            # being restored: the except below makes it as quiet as any other.
            signal.signal(signal.SIGINT, previous)
        cli_main()  # builds the app (Typer reads every signature), then runs it
    except KeyboardInterrupt:
        sys.exit(130)
