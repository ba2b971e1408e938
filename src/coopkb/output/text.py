"""Text from the data made safe to print: control, bidi and invisible characters neutralised."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..matching import UNSAFE

if TYPE_CHECKING:
    from rich.text import Text

_INVISIBLE_IN_CELLS = str.maketrans({"\t": " ", "\u200b": "", "\ufeff": "", "\u00ad": ""})


def safe(value: Any) -> str:
    """Printable text for a terminal: control and bidi characters become U+FFFD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(safe(v) for v in value)
    text = str(value)
    if text.isprintable() and text.isascii():
        return text
    return UNSAFE.sub("\ufffd", text).translate(_INVISIBLE_IN_CELLS)


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(value), style=style)
