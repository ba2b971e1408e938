"""French typography as the OQLF writes it, one convention for the interface and the data.

- a no-break space (U+00A0) before ``:`` and inside « »;
- nothing before ``;``, ``!`` and ``?`` (the OQLF accepts a narrow no-break space or none: none is
  what the sources and the data write, so the interface writes it too).

``python -m coopkb.i18n.typography`` applies it to the French catalog's translations (the
``.po`` is then compiled as usual); tests/test_i18n.py fails on a translation that breaks it.
"""

from __future__ import annotations

import re

_BEFORE_COLON = re.compile(r"[ \u202f]:(?=\s|$)")
_BEFORE_PUNCT = re.compile(r"(?<!«)[ \u00a0\u202f]([;!?])")
_AFTER_OPEN = re.compile(r"« ")
_BEFORE_CLOSE = re.compile(r" »")


def typeset(text: str) -> str:
    """``text`` with French spacing around ``: ; ! ?`` and « »."""
    text = _BEFORE_COLON.sub("\u00a0:", text)
    text = _BEFORE_PUNCT.sub(r"\1", text)
    text = _AFTER_OPEN.sub("«\u00a0", text)
    return _BEFORE_CLOSE.sub("\u00a0»", text)


def faults(text: str) -> list[str]:
    """What in ``text`` breaks the convention (empty when none)."""
    found = []
    if _BEFORE_COLON.search(text):
        found.append("a plain space before ':'")
    if _BEFORE_PUNCT.search(text):
        found.append("a space before ';', '!' or '?'")
    if _AFTER_OPEN.search(text) or _BEFORE_CLOSE.search(text):
        found.append("a plain space inside « »")
    return found


def main() -> None:  # pragma: no cover - a maintainer's tool, run by hand
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    from . import LOCALE_DIR

    po = LOCALE_DIR / "fr" / "LC_MESSAGES" / "coopkb.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if isinstance(message.string, tuple):
            message.string = tuple(typeset(s) for s in message.string)
        elif isinstance(message.string, str) and message.string:
            message.string = typeset(message.string)
    with po.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False)
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


if __name__ == "__main__":  # pragma: no cover
    main()
