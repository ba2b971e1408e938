"""The Click classes behind the app: the language, translated help and errors, global options
anywhere on the line, help grouped by purpose, and the last-resort error handling.

Typer builds its commands from these classes (``cls=``). Help texts are written in English in
the code and translated when shown, so one build of the app serves both languages; Click's own
messages (usage, errors) are rebuilt here from the exceptions' data, in the user's language.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer.core
from typer import _click
from typer._click import exceptions as _errors
from typer.exceptions import Abort, Exit

from ..i18n import LANGUAGES, _, choose_language, set_language

# Global options may stand before or after the command; they are moved before it.
GLOBAL_VALUES = ("--data-dir", "--lang")
GLOBAL_FLAGS = ("--no-cache", "--verbose", "-v", "--no-pager", "--excel")
# command name -> section title of --help (filled by make_app)
SECTION_OF: dict[str, str] = {}
EXIT_USAGE, EXIT_INTERNAL = 2, 3


class _Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


class _Context(_click.Context):
    formatter_class = _Formatter


def _translated(help_text: str | None) -> str | None:
    return _(inspect.cleandoc(help_text)) if help_text else help_text


class _TranslatedHelp:
    """Shows its help, its options' help and its epilog in the interface's language."""

    help: str | None
    epilog: str | None
    params: list[_click.Parameter]

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]  # with the help option
        saved = (self.help, self.epilog, [getattr(p, "help", None) for p in params])
        self.help, self.epilog = _translated(self.help), _translated(self.epilog)
        for param in params:
            if getattr(param, "help", None):
                param.help = _(param.help)
        try:
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help, self.epilog = saved[0], saved[1]
            for param, text in zip(params, saved[2], strict=True):
                if text is not None:
                    param.help = text

    def get_short_help_str(self, limit: int = 45) -> str:
        text = _translated(self.help) or ""
        first = text.split("\n\n", 1)[0].replace("\n", " ")
        return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


class CoopkbCommand(_TranslatedHelp, typer.core.TyperCommand):
    context_class = _Context


class CoopkbSubGroup(_TranslatedHelp, typer.core.TyperGroup):
    """A group of sub-commands (``coopkb export …``): translated help, like the commands."""

    context_class = _Context


class CoopkbGroup(_TranslatedHelp, typer.core.TyperGroup):
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

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        if args and self.get_command(ctx, args[0]) is None and not args[0].startswith("-"):
            from ..matching import did_you_mean, quote

            hint = did_you_mean(args[0], [n for n, c in self.commands.items() if not c.hidden])
            ctx.fail(_("No such command {name}").format(name=quote(args[0])) + hint)
        return super().resolve_command(ctx, args)

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
        commands = set(self.commands)
        lang = _option_value(words, "--lang")
        set_language(choose_language(lang, os.environ))
        typer.core._ = _  # type: ignore[attr-defined]  # Typer's own words: Options, Arguments…
        code = 0
        try:
            if lang is not None and lang.split("_")[0].lower() not in LANGUAGES:
                from ..matching import quote

                raise _errors.UsageError(
                    _("unknown language {value}; choose fr or en").format(value=quote(lang))
                )
            result = super().main(
                _hoisted(words, commands),
                prog_name,
                complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else 0
        except Exit as err:
            code = err.exit_code
        except _errors.ClickException as err:
            _show_click_error(err)
            code = err.exit_code
        except Abort:
            sys.stderr.write(_("Aborted!") + "\n")
            code = 1
        except KeyboardInterrupt:
            code = 130
        except BrokenPipeError:
            _quiet_broken_pipe()
            code = 0
        except Exception as err:  # noqa: BLE001 - last resort, reported as a bug
            _internal_error(err)
        if standalone_mode:
            sys.exit(code)
        return code


def _option_value(words: list[str], name: str) -> str | None:
    for index, word in enumerate(words):
        if word == "--":
            return None
        if word == name and index + 1 < len(words):
            return words[index + 1]
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
    return None


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
        if word in GLOBAL_VALUES and index + 1 < len(rest):
            moved += rest[index : index + 2]
            index += 2
            continue
        if word.split("=", 1)[0] in GLOBAL_VALUES or word in GLOBAL_FLAGS:
            moved.append(word)
        else:
            tail.append(word)
        index += 1
    return head + moved + tail


def _show_click_error(err: _errors.ClickException) -> None:
    from ..output.text import safe

    ctx = getattr(err, "ctx", None)
    lines = []
    if isinstance(err, _errors.UsageError) and ctx is not None:
        lines.append(ctx.get_usage())
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        lines.append(
            _("Try '{command} {option}' for help.").format(command=ctx.command_path, option=option)
        )
        lines.append("")
    lines.append(_("Error: {message}").format(message=safe(_click_message(err))))
    sys.stderr.write("\n".join(lines) + "\n")


def _click_message(err: _errors.ClickException) -> str:
    """Click's message, rebuilt in the interface's language from the exception's data."""
    from ..matching import quote

    if isinstance(err, _errors.NoSuchOption):
        message = _("No such option: {name}").format(name=err.option_name)
        if err.possibilities:
            message += _(" (did you mean {choices}?)").format(
                choices=_(" or ").join(quote(p) for p in sorted(err.possibilities))
            )
        return message
    if isinstance(err, _errors.MissingParameter) and err.param is not None:
        name = (
            err.param.make_metavar(err.ctx)
            if err.ctx and err.param.param_type_name == "argument"
            else (err.param.opts[0] if err.param.opts else str(err.param.name))
        )
        if err.param.param_type_name == "argument":
            return _("Missing argument {name}.").format(name=quote(name))
        return _("Missing option {name}.").format(name=quote(name))
    if isinstance(err, _errors.BadParameter) and err.param is not None:
        name = (
            err.param.opts[0]
            if err.param.opts
            else err.param.make_metavar(err.ctx)
            if err.ctx
            else ""
        )
        detail = err.message
        choices = getattr(err.param.type, "choices", None)
        if choices:
            from ..matching import did_you_mean

            value = detail.split("'")[1] if detail.count("'") >= 2 else detail
            names = [getattr(c, "value", str(c)) for c in choices]
            detail = _("{value} is not one of {choices}").format(
                value=quote(value), choices=", ".join(names)
            ) + did_you_mean(value, names)
        return _("Invalid value for {name}: {detail}").format(name=quote(name), detail=detail)
    text = err.format_message()
    for english, template in _CLICK_PATTERNS:
        if text.startswith(english[0]) and text.endswith(english[1]):
            return _(template).format(value=text[len(english[0]) : len(text) - len(english[1])])
    return text


# Messages Click writes with no data kept on the exception: (prefix, suffix) -> catalog template
_CLICK_PATTERNS = (
    (("Option '", "' requires an argument."), "Option '{value}' requires an argument."),
    (("Got unexpected extra argument (", ")"), "Got unexpected extra argument ({value})"),
    (("Got unexpected extra arguments (", ")"), "Got unexpected extra arguments ({value})"),
    (("Option '", "' does not take a value."), "Option '{value}' does not take a value."),
)


def _quiet_broken_pipe() -> None:
    """The reader went away (``coopkb list | head``): stop quietly with exit 0, as head users
    expect."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _internal_error(err: Exception) -> NoReturn:
    from ..matching import neutral

    sys.stderr.write(
        _(
            "Error: internal error ({kind}: {detail}); please report it at the coopkb issue tracker"
        ).format(kind=type(err).__name__, detail=neutral(str(err))[:300])
        + "\n"
    )
    sys.exit(EXIT_INTERNAL)
