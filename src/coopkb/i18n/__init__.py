"""The interface's language: French or English, from standard gettext catalogs.

Messages are written in English in the code (the catalog's source language) and translated
through ``locale/<lang>/LC_MESSAGES/coopkb.po``, compiled to ``.mo`` beside it (what is loaded:
the stdlib reads a ``.mo`` in well under a millisecond). Only the French catalog exists; English is
the source text itself. The language is chosen once per run by the CLI (``choose_language``).
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

LANGUAGES = ("fr", "en")
DOMAIN = "coopkb"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_catalog: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"
_version = "en"


def choose_language(option: str | None, env: Mapping[str, str]) -> str:
    """--lang, else $COOPKB_LANG, else the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is
    set (``fr_CA.UTF-8``, ``fr_FR``, ``fr`` → French), else English. No system locale needed."""
    if option:
        return _language_of(option) or "en"
    # A $COOPKB_LANG we do not speak (« de », a typo) is no reason to leave the user's own
    # locale: a French system stayed French for --lang es, but turned English for it.
    chosen = _language_of(env.get("COOPKB_LANG") or "")
    if chosen:
        return chosen
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            # LANGUAGE may list several (fr_CA:en); the first one we speak wins.
            for part in value.split(":"):
                found = _language_of(part)
                if found:
                    return found
            return "en"
    return "en"


# The languages by their names, as a user may set them (COOPKB_LANG=français).
_NAMED = {"français": "fr", "francais": "fr", "french": "fr", "anglais": "en", "english": "en"}


def _language_of(value: str) -> str | None:
    code = re.split(r"[_.@-]", value.strip().lower(), maxsplit=1)[0]
    code = _NAMED.get(code, code)
    return code if code in LANGUAGES else None


def set_language(language: str) -> None:
    """Load the catalog of ``language`` (English needs none)."""
    global _catalog, _language, _version
    _language = language if language in LANGUAGES else "en"
    _catalog = _gettext.NullTranslations()
    _version = "en"
    if _language != "en":
        try:
            path = LOCALE_DIR / _language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            with path.open("rb") as handle:
                _catalog = _gettext.GNUTranslations(handle)
            info = path.stat()
            _version = f"{_language}-{info.st_size}-{info.st_mtime_ns}"
        except OSError:  # pragma: no cover - the catalog ships with the package
            _catalog = _gettext.NullTranslations()


def language() -> str:
    return _language


_other: dict[str, _gettext.NullTranslations] = {}


def in_every_language(message: str) -> list[str]:
    """``message`` in each language coopkb speaks (English first): what a user may type for a
    name the interface shows (a field's label, a kind), whatever the interface's language."""
    out = [message]
    for code in LANGUAGES:
        if code == "en":
            continue
        if code not in _other:
            try:
                with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
                    _other[code] = _gettext.GNUTranslations(handle)
            except OSError:  # pragma: no cover - the catalog ships with the package
                _other[code] = _gettext.NullTranslations()
        out.append(_other[code].gettext(message))
    return out


def catalog_version() -> str:
    """Which catalog the messages come from (its language, size and date): what is cached from
    translated words (search's index of field labels) is cached per catalog."""
    return _version


@contextmanager
def in_language(wanted: str) -> Iterator[None]:
    """Messages in ``wanted`` inside the block (an export whose metadata is French whatever the
    interface's language), then the interface's language again."""
    before = _language
    set_language(wanted)
    try:
        yield
    finally:
        set_language(before)


def _(message: str) -> str:
    """``message`` in the interface's language."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog.ngettext(singular, plural, count)


def colon() -> str:
    """The colon that joins a heading to its text: « 1997 : » (a no-break space before it, as
    French writes it) or "1997:"."""
    return "\u00a0:" if language() == "fr" else ":"


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; it is translated where shown."""
    return message
