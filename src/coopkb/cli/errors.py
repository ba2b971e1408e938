"""Click's errors and the last-resort handlers, as the user reads them: in the interface's
language, without a traceback, with the data Click kept on the exception rebuilt into a sentence.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, NoReturn

from typer._click import exceptions as _errors

from ..files import os_reason
from ..i18n import N_, _
from .terminal import EXIT_INTERNAL, as_sentence


def show_click_error(err: _errors.ClickException) -> None:
    """One line on stderr: what is wrong and, for a usage error, where the help is."""
    from ..output.text import safe

    ctx = getattr(err, "ctx", None)
    line = _("Error: {message}").format(message=as_sentence(safe(_click_message(err))))
    if isinstance(err, _errors.UsageError) and ctx is not None:
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        line += " " + _("Try '{command} {option}' for help.").format(
            command=ctx.command_path, option=option
        )
    sys.stderr.write(line + "\n")


def _click_message(err: _errors.ClickException) -> str:
    """Click's message, rebuilt in the interface's language from the exception's data."""
    from ..matching import either, quote

    if isinstance(err, _errors.NoSuchOption):
        message = _("No such option: {name}").format(name=err.option_name)
        if err.possibilities:
            message += _(" (did you mean {choices}?)").format(
                choices=either(quote(p) for p in sorted(err.possibilities))
            )
        return message
    if isinstance(err, _errors.MissingParameter) and err.param is not None:
        name = (
            _metavar(err.param, err.ctx)
            if err.ctx and err.param.param_type_name == "argument"
            else (err.param.opts[0] if err.param.opts else str(err.param.name))
        )
        if err.param.param_type_name == "argument":
            return _("Missing argument {name}.").format(name=quote(name))
        return _("Missing option {name}.").format(name=quote(name))
    if isinstance(err, _errors.BadParameter) and err.param is not None:
        name = (
            err.param.opts[0] if err.param.opts else _metavar(err.param, err.ctx) if err.ctx else ""
        )
        detail = err.message
        choices = _choices_of(err.param)
        if choices:
            from ..matching import did_you_mean

            value = detail.split("'")[1] if detail.count("'") >= 2 else detail
            names = [format_word(str(getattr(c, "value", c))) for c in choices]
            detail = _("{value} is not one of {choices}").format(
                value=quote(value), choices=", ".join(names)
            ) + did_you_mean(value, names)
        else:
            detail = _in_language(detail)
        return _("Invalid value for {name}: {detail}").format(name=quote(name), detail=detail)
    return _in_language(err.format_message())


def _in_language(text: str) -> str:
    for english, template in _CLICK_PATTERNS:
        if text.startswith(english[0]) and text.endswith(english[1]):
            return _(template).format(value=text[len(english[0]) : len(text) - len(english[1])])
    return text


# Messages Click writes with no data kept on the exception: (prefix, suffix) -> catalog template
_CLICK_PATTERNS = (
    (("Option '", "' requires an argument."), N_("Option '{value}' requires an argument.")),
    (("Got unexpected extra argument (", ")"), N_("Got unexpected extra argument ({value})")),
    (("Got unexpected extra arguments (", ")"), N_("Got unexpected extra arguments ({value})")),
    (("Got unexpected extra argument(s) (", ")"), N_("Got unexpected extra arguments ({value})")),
    (("Option '", "' does not take a value."), N_("Option '{value}' does not take a value.")),
    # Click's integer type (Typer 0.26: "integer", 0.27-0.28: "int") and coercion.py
    (("'", "' is not a valid int."), N_("'{value}' is not a valid integer.")),
    (("'", "' is not a valid integer."), N_("'{value}' is not a valid integer.")),
)


def quiet_broken_pipe() -> None:
    """The reader went away (``coopkb list | head``): stop quietly with exit 0, as head users
    expect."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: no stdout at all
        pass


def cannot_write_output(err: OSError) -> int:
    """The output could not be written (a full disk, a closed stdout): say so, exit 1."""
    quiet_broken_pipe()  # what is left in stdout's buffer must not fail again at exit
    if sys.stderr is not None:
        sys.stderr.write(
            as_sentence(_("Error: cannot write the output: {reason}").format(reason=os_reason(err)))
            + "\n"
        )
    return 1


def internal_error(err: Exception) -> NoReturn:
    from ..matching import neutral

    sys.stderr.write(
        _(
            "Error: internal error ({kind}: {detail}); please report it at the coopkb issue "
            "tracker."
        ).format(kind=type(err).__name__, detail=neutral(str(err))[:300])
        + "\n"
    )
    sys.exit(EXIT_INTERNAL)


def _choices_of(param: Any) -> Any:
    """The choices of a parameter: on Click's type (Typer < 0.29) or Typer's descriptor."""
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices is None:
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    return choices


def _metavar(param: Any, ctx: Any) -> str:
    """How the usage line names an argument (``NAME``), in the interface's language, through
    Click's public ``get_usage_pieces`` (Typer 0.29's arguments have no ``make_metavar``)."""
    pieces = param.get_usage_pieces(ctx)
    word = str(pieces[0]) if pieces else str(param.name or "")
    return translated_piece(word).strip("[]{}<>.")


# Format values a French user types as they read them in the help (« -f texte »): the same
# formats in both languages (cli/app.py maps them back); the help and errors show the
# interface's word.
FORMAT_WORDS = {"text": N_("text (output format)")}


def format_word(value: str) -> str:
    """A choice as the interface writes it (« texte »); most choices are the same words."""
    message = FORMAT_WORDS.get(value)
    if message is None:
        return value
    translated = _(message)
    return value if translated == message else translated


# a usage piece: ``NAME``, ``{NAME}`` (Typer 0.29), ``[NAME]``, ``NAME...``
_PIECE = re.compile(r"(?P<open>[\[{<]?)(?P<word>[^\[\]{}<>.]+)(?P<close>[\]}>]?)(?P<more>\.\.\.)?")


def translated_piece(piece: str) -> str:
    """One piece of a usage line in the interface's language (``[OPTIONS]`` → ``[OPTIONS]`` in
    French, ``{NAME}`` → ``{NOM}``), whatever brackets the installed Typer puts around it."""
    whole = _(piece)
    if whole != piece:
        return whole
    match = _PIECE.fullmatch(piece)
    if match is None:
        return piece
    opening, word, closing, more = match.group("open", "word", "close", "more")
    if (opening, closing) == ("{", "}"):  # Typer 0.29's required argument: braces read as an
        opening = closing = ""  # unfilled placeholder; Click writes it bare (``NAME``)
    return opening + _(word) + closing + (_("...") if more else "")  # French writes « … »
