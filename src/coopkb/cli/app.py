"""The Click classes behind the app: the language, translated help, global options anywhere on
the line, help grouped by purpose, plain option conversion, and where every failure is caught.

Typer builds its commands from these classes (``cls=``). Help texts are written in English in
the code and translated when shown, so one build of the app serves both languages; Click's own
messages are rebuilt in the user's language by ``errors.py``.
"""

from __future__ import annotations

import errno
import inspect
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

import typer.core
from typer import Abort, Exit, _click
from typer._click import exceptions as _errors

from ..i18n import LANGUAGES, N_, _, choose_language, in_every_language, set_language
from .coercion import give_plain_conversions
from .errors import (
    FORMAT_WORDS,
    cannot_write_output,
    format_word,
    internal_error,
    quiet_broken_pipe,
    show_click_error,
    translated_piece,
)

# Global options may stand before or after the command; they are moved before it.
GLOBAL_VALUES = ("--data-dir", "--lang")
GLOBAL_FLAGS = ("--no-cache", "--verbose", "-v", "--no-pager", "--excel")
# command name -> section title of --help (filled by make_app)
SECTION_OF: dict[str, str] = {}


# The type a value takes, as Typer names it in --help (``--region <str>``), in the interface's
# language.
_TYPE_WORDS = {
    "<str>": N_("<text>"),
    "<path>": N_("<path>"),
    "<int>": N_("<integer>"),
    "<float>": N_("<number>"),
    "<integer>": N_("<integer>"),
    "<text>": N_("<text>"),
    "<list[str]>": N_("<text>…"),  # a repeatable option (Typer 0.29)
    "<list[Path]>": N_("<path>…"),
    # as older Typer releases name them (Click's types)
    "TEXT": N_("TEXT"),
    "PATH": N_("PATH"),
    "INTEGER": N_("INTEGER"),
    "FLOAT": N_("FLOAT"),
}
_TYPE_WORD = re.compile(
    "|".join(re.escape(w) if w.startswith("<") else rf"\b{w}\b" for w in _TYPE_WORDS)
)


class _Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """« Options : » in French (a no-break space before the colon), « Options: » in
        English."""
        line = _("{heading}:").format(heading=heading)
        self.write(" " * self.current_indent + line + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and arguments with their value's type in the interface's language."""
        translated = [
            (
                _format_words(_TYPE_WORD.sub(lambda m: _(_TYPE_WORDS[m.group()]), _as_path(first))),
                _format_words(second),
            )
            for first, second in rows
        ]
        super().write_dl(translated, col_max, col_spacing)


# Arguments named FILE or FOLDER are paths, though declared as text (each is checked as a name
# before it is a path): « FICHIER <chemin> », never « FICHIER <texte> ».
_PATH_ARGUMENTS = (N_("FILE"), N_("FOLDER"))


def _as_path(first: str) -> str:
    """``FICHIER <str>`` (newer Typer) and a bare ``FICHIER`` or ``[FICHIER]`` (the lowest
    supported Typer writes no type for an argument) all read « FICHIER <chemin> »."""
    name, _space, kind = first.partition(" ")
    bare = name.removeprefix("[").removesuffix("]")
    if kind in {"<str>", ""} and bare in {_(word) for word in _PATH_ARGUMENTS}:
        return f"{bare} <path>"
    return first


_FORMAT_WORD = re.compile(r"(?<=[<[|])text(?=[|>\]])|(?<=:\s)text(?=\])")


def _format_words(text: str) -> str:
    """``<text|github|json|sarif>`` and ``[default: text]`` with the interface's format words."""
    return _FORMAT_WORD.sub(lambda m: format_word(m.group()), text)


class _Context(_click.Context):
    formatter_class = _Formatter


def _translated(help_text: str | None) -> str | None:
    return _(inspect.cleandoc(help_text)) if help_text else help_text


# « Exemple : » / "Example:" closing a paragraph of a command's help.
_EXAMPLE = re.compile(r"\s*((?:Example|Exemple)\s?:\s.*)\Z", re.DOTALL)


def _example_apart(help_text: str | None) -> str | None:
    """The help with its example as a paragraph of its own that Click never rewraps (``\\b``):
    the example glued to the paragraph before it, or cut over two lines, could not be copied."""
    if not help_text:
        return help_text
    found = _EXAMPLE.search(help_text)
    if found is None or "\n" in found.group(1):
        return help_text
    return help_text[: found.start()].rstrip() + "\n\n\b\n" + found.group(1)


class _TranslatedHelp:
    """Shows its help, its options' help and its epilog in the interface's language."""

    help: str | None
    epilog: str | None
    params: list[_click.Parameter]

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]  # with the help option
        saved = (self.help, self.epilog, [(getattr(p, "help", None), p.metavar) for p in params])
        self.help, self.epilog = _example_apart(_translated(self.help)), _translated(self.epilog)
        for param in params:
            if getattr(param, "help", None):
                param.help = _(param.help)
            if param.metavar:
                param.metavar = _(param.metavar)
        try:
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help, self.epilog = saved[0], saved[1]
            for param, (text, metavar) in zip(params, saved[2], strict=True):
                if text is not None:
                    param.help = text
                param.metavar = metavar

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        """The usage line in the interface's language: ``[OPTIONS]`` and argument names too."""
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [translated_piece(piece) for piece in pieces]

    def get_short_help_str(self, limit: int = 45) -> str:
        """The help's first paragraph, whole: the list of commands wraps it rather than cut it
        mid-phrase (« triées par… »)."""
        del limit  # Click's room for it: the list wraps the text instead
        text = _translated(self.help) or ""
        return text.split("\n\n", 1)[0].replace("\n", " ")


class _PlainConversions:
    """Converts option values without Pydantic (see ``coercion.py``)."""

    params: list[_click.Parameter]

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        give_plain_conversions(self.get_params(ctx))  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]


class _NamedCommands:
    """An unknown sub-command is named in the interface's language, with a suggestion; a
    French word for a command (`chercher`, `liste`) leads to it."""

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        found = super().get_command(ctx, cmd_name)  # type: ignore[misc]
        if found is None:
            from .aliases import command_for

            name = command_for(cmd_name)
            found = super().get_command(ctx, name) if name else None  # type: ignore[misc]
        return found  # type: ignore[no-any-return]

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        known = self.get_command(ctx, args[0]) if args else None
        if args and known is None and not args[0].startswith("-"):
            from ..matching import did_you_mean, quote

            commands = self.commands.items()  # type: ignore[attr-defined]
            shown = [n for n, c in commands if not c.hidden]
            hint = did_you_mean(args[0], shown) or _french_hint(args[0], shown)
            ctx.fail(_("No such command {name}").format(name=quote(args[0])) + hint)
        return super().resolve_command(ctx, args)  # type: ignore[misc,no-any-return]


def _french_hint(typed: str, shown: list[str]) -> str:
    """« cherche » is near the French word « chercher »: the hint names the command it leads
    to (« search »)."""
    from ..matching import either, fold, quote, suggest
    from .aliases import FRENCH_COMMANDS

    words = [w for w, command in FRENCH_COMMANDS.items() if command in shown]
    found = list(dict.fromkeys(FRENCH_COMMANDS[w] for w in suggest(fold(typed), words)))
    if not found:
        return ""
    return _(" (did you mean {choices}?)").format(choices=either(quote(f) for f in found))


class CoopkbCommand(_PlainConversions, _TranslatedHelp, typer.core.TyperCommand):
    context_class = _Context


class CoopkbSubGroup(_NamedCommands, _PlainConversions, _TranslatedHelp, typer.core.TyperGroup):
    """A group of sub-commands (``coopkb export …``): translated help, like the commands."""

    context_class = _Context


class CoopkbGroup(_NamedCommands, _PlainConversions, _TranslatedHelp, typer.core.TyperGroup):
    context_class = _Context

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {}
        visible = [
            (n, c)
            for n in self.list_commands(ctx)
            if (c := self.get_command(ctx, n)) and not c.hidden
        ]
        if not visible:
            return
        limit = formatter.width - 6 - max(len(n) for n, _c in visible)
        for name, command in visible:
            title = SECTION_OF.get(name, "Commands")
            sections.setdefault(title, []).append((name, command.get_short_help_str(limit)))
        for title, rows in sections.items():
            with formatter.section(_(title)):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Choose the language, move global options before the command, run, and turn every
        failure into a message and an exit code (never a traceback)."""
        words = list(sys.argv[1:] if args is None else args)
        interrupted: list[int] = []

        def on_interrupt(signum: int, frame: object) -> None:
            # Remembered, because a library may turn the KeyboardInterrupt into its own error
            # (Pydantic raises SchemaError when Ctrl-C lands while it builds a validator).
            interrupted.append(signum)
            raise KeyboardInterrupt

        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, on_interrupt)
        commands = set(self.commands)
        langs = _option_values(words, "--lang")
        lang = langs[-1] if langs else None  # Click keeps the last
        # An unknown --lang is refused in the language the environment asks for (a French
        # user's `--lang de` is told so in French), never in English by default.
        known = lang is not None and lang.split("_")[0].lower() in LANGUAGES
        set_language(choose_language(lang if known else None, os.environ))
        typer.core._ = _  # type: ignore[attr-defined]  # Typer's own words: Options, Arguments…
        code = 0
        try:
            for value in langs:  # every one given, not only the one kept
                if value.split("_")[0].lower() not in LANGUAGES:
                    from ..matching import quote

                    raise _errors.UsageError(
                        _("unknown language {value}; choose fr or en").format(value=quote(value))
                    )
            for value in _option_values(words, "--data-dir"):
                if not value.strip():
                    raise _errors.UsageError(
                        _("--data-dir needs a folder; an empty value names none")
                    )
            result = super().main(
                _format_values(_hoisted(words, commands)),
                prog_name,
                complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else 0
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk is seen here, not at exit as "Exception ignored"
        except Exit as err:
            code = err.exit_code
        except _errors.NoArgsIsHelpError as err:  # `coopkb` or `coopkb export` alone
            if err.ctx is not None and err.ctx.parent is None:
                sys.stdout.write(err.ctx.get_help() + "\n")  # the whole tour, as asked
                code = 0
            else:
                show_click_error(_errors.UsageError(_("Missing command."), err.ctx))
                code = 2
        except _errors.ClickException as err:
            show_click_error(err)
            code = err.exit_code
        except Abort:
            sys.stderr.write(_("Aborted!") + "\n")
            code = 1
        except KeyboardInterrupt:
            code = 130
        except BrokenPipeError:
            quiet_broken_pipe()
            code = 0
        except OSError as err:
            if err.errno not in _OUTPUT_ERRORS:
                internal_error(err)
            code = cannot_write_output(err)
        except Exception as err:  # noqa: BLE001 - last resort, reported as a bug
            if not interrupted:
                internal_error(err)
            code = 130
        except SystemExit:
            raise
        except BaseException as err:  # a library's own (pyo3's PanicException is one)
            if not interrupted:
                internal_error(Exception(f"{type(err).__name__}: {err}"))
            code = 130
        if standalone_mode:
            sys.exit(code)
        return code


# What writing to stdout can meet that is no bug: a full disk or quota, an I/O error, a closed
# descriptor, a file too large.
_OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EIO", "EBADF", "EFBIG")
    if hasattr(errno, name)
)


def _option_values(words: list[str], name: str) -> list[str]:
    """Every value given to ``name`` (``--lang fr``, ``--lang=fr``), before any ``--``."""
    found = []
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == name and index + 1 < len(words):
            found.append(words[index + 1])
        elif word.startswith(name + "="):
            found.append(word.split("=", 1)[1])
    return found


_FORMAT_OPTIONS = ("-f", "--format")


def _format_values(words: list[str]) -> list[str]:
    """``-f texte`` as ``-f text``: the French names of formats accepted in both languages."""
    if not any(w in _FORMAT_OPTIONS or w.startswith("--format=") for w in words):
        return words
    spelled = {
        word.casefold(): value
        for value, message in FORMAT_WORDS.items()
        for word in in_every_language(message)
        if word != message
    }
    out: list[str] = []
    for index, word in enumerate(words):
        if word == "--":
            return out + words[index:]
        if index and words[index - 1] in _FORMAT_OPTIONS:
            word = spelled.get(word.casefold(), word)
        elif "=" in word and word.split("=", 1)[0] in _FORMAT_OPTIONS:
            name, value = word.split("=", 1)
            word = f"{name}={spelled.get(value.casefold(), value)}"
        out.append(word)
    return out


def _hoisted(words: list[str], commands: set[str]) -> list[str]:
    """Global options found after the command name, moved before it (``coopkb list --lang fr``)."""
    try:
        at = next(i for i, w in enumerate(words) if w in commands)
    except StopIteration:
        return words
    head, tail, rest = words[:at], [words[at]], words[at + 1 :]
    moved: list[str] = []
    index = 0
    while index < len(rest):
        word = rest[index]
        if word == "--":
            tail += rest[index:]
            break
        if word in GLOBAL_VALUES:
            if index + 1 == len(rest):  # at the end, its value forgotten: say so, eat nothing
                raise _errors.UsageError(
                    _("Option '{value}' requires an argument.").format(value=word)
                )
            moved += rest[index : index + 2]
            index += 2
            continue
        if "=" in word and word.split("=", 1)[0] in GLOBAL_FLAGS:
            raise _errors.UsageError(
                _("Option '{value}' does not take a value.").format(value=word.split("=", 1)[0])
            )
        if word.split("=", 1)[0] in GLOBAL_VALUES or word in GLOBAL_FLAGS:
            moved.append(word)
        else:
            tail.append(word)
        index += 1
    return head + moved + tail
