"""Maintaining the catalogs: every message the interface can show, and the French catalog.

``python -m coopkb.i18n.catalog`` extracts the messages (Babel's Python extractor, plus the
command help texts, Typer's own words and the plural pairs kept in tables), adds the new ones
to ``locale/fr/LC_MESSAGES/coopkb.po`` (untranslated, for Poedit or Weblate), drops the ones no
longer used, and compiles the ``.mo``. ``tests/test_i18n.py`` fails when a message shown to users
has no French translation or when the ``.mo`` is stale. Babel is needed here only (test extra).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
PO_FILE = PACKAGE / "i18n" / "locale" / "fr" / "LC_MESSAGES" / "coopkb.po"
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "count_line": (2, 3)}
# Typer's own words (typer.core uses gettext; coopkb routes them through its catalog).
TYPER_WORDS = (
    "Options",
    "Arguments",
    "Commands",
    "default: {default}",
    "required",
    "env var: {var}",
    "(dynamic)",
    "Aborted!",
    "Missing command.",
    # the usage line's own pieces (cli/errors.py translated_piece)
    "[OPTIONS]",
    "COMMAND [ARGS]...",
    "Show this message and exit.",
    "Install completion for the current shell.",
    "Show completion for the current shell, to copy it or customize the installation.",
)

Message = str | tuple[str, str]


def _inside_f_strings() -> Iterator[Message]:
    """The messages Babel's tokenizer misses: ``f"| {_('count')} |"`` (a call inside an
    f-string), found by walking each module's syntax tree."""
    import ast

    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for string in ast.walk(tree):
            if not isinstance(string, ast.JoinedStr):
                continue
            for call in ast.walk(string):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                    continue
                if call.func.id not in KEYWORDS:
                    continue
                texts = [
                    a.value
                    for a in call.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                if call.func.id in ("_", "N_") and texts:
                    yield texts[0]
                elif len(texts) >= 2:
                    yield (texts[0], texts[1])


def messages() -> Iterator[Message]:
    """Every message of the interface: a string, or a (singular, plural) pair."""
    from babel.messages.extract import extract_from_dir

    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    ):
        if isinstance(message, tuple):
            yield (message[0], message[1])
        elif message:
            yield message
    yield from _inside_f_strings()
    yield from TYPER_WORDS
    from ..cli import COMMANDS, EXPORTS, _main, make_app
    from ..labels import KIND_PLURALS
    from ..validation.pipeline import STEPS

    yield from KIND_PLURALS.values()
    yield from STEPS
    yield inspect.cleandoc(_main.__doc__ or "")
    for function in (*COMMANDS.values(), *EXPORTS.values()):
        yield inspect.cleandoc(function.__doc__ or "")
    app = make_app()
    yield inspect.cleandoc(str(app.info.epilog))


def update() -> None:
    """Add new messages to the French catalog, drop unused ones, compile the .mo."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    with PO_FILE.open("rb") as handle:
        old = read_po(handle, locale="fr")
    from importlib.metadata import version

    # the header filled, none of Babel's placeholders (FULL NAME, YEAR-MO-DA, LL@li.org)
    new = Catalog(
        locale="fr",
        domain="coopkb",
        project="coopkb",
        version=version("coopkb"),
        msgid_bugs_address="coopkb issue tracker (issues)",
        last_translator="coopkb (French first)",
        language_team="coopkb, français du Québec",
        fuzzy=False,
    )
    new.revision_date = new.creation_date
    new.header_comment = old.header_comment
    # The plural rule stays the catalog's own (French: one form for 0 and 1, one for the rest):
    # Babel 2.19's CLDR adds a third form for millions, which gettext would then look up empty.
    new.mime_headers = [
        (name, value) for name, value in old.mime_headers if name.lower() == "plural-forms"
    ]
    for message in dict.fromkeys(messages()):
        previous = old.get(message[0] if isinstance(message, tuple) else message)
        plural = isinstance(message, tuple)
        # a message that became plural, or stopped being one, starts untranslated
        same_shape = previous is not None and isinstance(previous.string, tuple) == plural
        new.add(
            message,
            previous.string if same_shape and previous is not None else ("", "") if plural else "",
        )
    import io

    # Written whole or not at all: a failure while Babel formats the catalog once left it cut
    # to its first third.
    buffer = io.BytesIO()
    write_po(buffer, new, width=100, sort_output=False, omit_header=False)
    PO_FILE.write_bytes(buffer.getvalue())
    compile_mo()


def compile_mo() -> bytes:
    """The .mo of the .po as it is now (written beside it)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    MO_FILE.write_bytes(buffer.getvalue())
    return buffer.getvalue()


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    update()
    print(f"updated {PO_FILE}")
