"""How results, notices and errors reach the terminal: its width, Rich consoles, a pager for long
results, one-line ``Error: …`` messages and the exit codes (documented in the README).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, NoReturn

import typer

from ..i18n import _

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ..query import Ambiguous

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_MIN_WIDTH, _FALLBACK_WIDTH = 40, 80


def terminal_width() -> int:
    """$COLUMNS when it is a sane number, else the terminal's width, else 80; never below 40."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), _MIN_WIDTH)
    try:
        return max(os.get_terminal_size(sys.stdout.fileno()).columns, _MIN_WIDTH)
    except (OSError, ValueError):
        return _FALLBACK_WIDTH


# Rich wraps at any whitespace, no-break spaces included (Python's \s): « 1997 : » could end a
# line before its colon. Its word pattern (rich._wrap.re_word, a private name) is replaced by one
# that keeps U+00A0 and U+202F inside words, only when it is still the pattern this was written
# for; tests/test_i18n.py fails when a release of Rich changes it.
RICH_WORD_PATTERN = r"\s*\S+\s*"
_NO_BREAK = "\u00a0\u202f\u2007"
KEPT_WORD_PATTERN = rf"[^\S{_NO_BREAK}]*[\S{_NO_BREAK}]+[^\S{_NO_BREAK}]*"


def keep_no_break_spaces() -> bool:
    """Make Rich's wrap keep no-break spaces; whether it could (see above)."""
    import re

    from rich import _wrap

    current = getattr(_wrap, "re_word", None)
    if current is None or current.pattern not in (RICH_WORD_PATTERN, KEPT_WORD_PATTERN):
        return False
    _wrap.re_word = re.compile(KEPT_WORD_PATTERN)
    return True


def stdout_console(width: int | None = None) -> Console:
    from rich.console import Console

    keep_no_break_spaces()
    return Console(highlight=False, soft_wrap=False, width=width or terminal_width())


def stderr_console() -> Console:
    from rich.console import Console

    keep_no_break_spaces()
    return Console(stderr=True, highlight=False, width=terminal_width())


def notice(message: str) -> None:
    """An empty result is not an error: say so on stderr, keep stdout clean for pipes."""
    from ..output.text import safe

    write_err(safe(message) + "\n")


def fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    """One ``Error: …`` message on stderr, never wrapped, never styled, then exit."""
    from ..output.text import safe

    write_err(_("Error: {message}").format(message=as_sentence(safe(message))) + "\n")
    raise typer.Exit(code)


def as_sentence(message: str) -> str:
    """A one-line message ends as a sentence does: every error reads the same (some ended with
    a period, others not). A message that leads into lines under it, or already ends a
    sentence, is kept as it is."""
    stripped = message.rstrip()
    if "\n" in stripped or stripped.endswith((".", "?", "!", ":", "…")):
        return message
    return stripped + "."


def write_err(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def as_text(output: RenderableType | str) -> str:
    """What ``output`` prints, as text for stdout (a string stays as it is): several outputs
    joined go through the pager once."""
    from rich.text import Text

    if isinstance(output, str):
        return output
    console = stdout_console()
    # Laid-out text (tables) is never re-wrapped; panels and charts fit the width themselves.
    laid_out = isinstance(output, Text) and output.no_wrap
    with console.capture() as captured:
        console.print(output, crop=False, soft_wrap=bool(laid_out))
    return captured.get()


def emit(output: RenderableType | str, pager: bool = False) -> None:
    """Print a result on stdout; a long one goes through a pager on a terminal (like git)."""
    text = output + "\n" if isinstance(output, str) else as_text(output)
    if pager and _page(text):
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def _page(text: str) -> bool:
    """Show ``text`` through $PAGER (else ``less -FRX``) when it does not fit the terminal."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return False
    try:
        height = os.get_terminal_size(sys.stdout.fileno()).lines
    except OSError:
        return False
    if text.count("\n") < height - 1:
        return False
    import shlex
    import subprocess

    command = os.environ.get("PAGER") or "less -FRX"
    try:
        words = shlex.split(command)
    except ValueError:
        return False
    if not words:  # PAGER=" ": no pager, print as usual
        return False
    try:
        subprocess.run(words, input=text.encode("utf-8"), env=pager_environment(os.environ))
    except OSError:
        return False
    return True


def pager_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The pager's environment: told the text is UTF-8 whatever the locale says.

    coopkb writes UTF-8 even when ``LANG`` names a locale the system lacks (fr_CA.UTF-8 on a
    minimal Debian); less then falls back to ASCII and shows every accent as ``<C3><A9>``.
    ``LESSCHARSET`` tells less (and ``more``'s less) the charset; a user's own setting wins.
    """
    result = dict(env)
    result.setdefault("LESSCHARSET", "utf-8")
    return result


def unknown(err: Exception) -> NoReturn:
    fail(str(err))


def ambiguous(err: Ambiguous) -> NoReturn:
    from ..labels import kind_label
    from ..matching import quote
    from ..output.text import safe

    lines = [
        _("{value} matches {count} records; say which one:").format(
            value=quote(str(err.value)), count=len(err.matches)
        )
    ]
    import textwrap

    width = max(40, terminal_width())
    for k, r in err.matches[:30]:  # each candidate within the width, its name under its slug
        head = f"  {r['slug']}  ({kind_label(k)})"
        name = safe(r["name"])
        if len(head) + 2 + len(name) <= width:
            lines.append(f"{head}  {name}")
        else:
            lines.append(head)
            lines += textwrap.wrap(name, width, initial_indent="      ", subsequent_indent="      ")
    if len(err.matches) > 30:
        lines.append("  " + _("… and {count} more").format(count=len(err.matches) - 30))
    fail("\n".join(lines))


class answers:  # noqa: N801 - used as a context manager, reads as prose
    """Turns the query layer's UnknownValue and Ambiguous into one-line errors (exit 1)."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: object
    ) -> None:
        from ..query import Ambiguous, UnknownValue

        if isinstance(err, UnknownValue):
            unknown(err)
        if isinstance(err, Ambiguous):
            ambiguous(err)
