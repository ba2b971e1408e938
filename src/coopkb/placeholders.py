"""The placeholder `coopkb new` writes where an editor must write a value.

Validate refuses it wherever it is left (a field, a slug, a reference, an evidence claim), so an
unfilled skeleton never passes. Plain text functions: the models, the evidence checks and the
skeleton read it from here.
"""

from __future__ import annotations

import re

from .i18n import _
from .matching import fold, quote

PLACEHOLDER = "À compléter"
_PLACEHOLDER_SLUG = re.compile(r"(?:^|-)a-completer(?:-|$)")


def is_placeholder(value: object) -> bool:
    """Whether ``value`` is a skeleton's placeholder left in place (text or slug)."""
    if not isinstance(value, str):
        return False
    if "a-completer" in value:  # cheap tests first: this runs for every text of every record
        return bool(_PLACEHOLDER_SLUG.search(value))
    return len(value) <= 14 and fold(value).rstrip(".") == "a completer"


def placeholder_message(
    value: str, required: bool = False, slug: bool = False, source: bool = False
) -> str:
    """What to do with a placeholder left: a required field's line cannot be deleted, and a
    slug or a record's source is no source's words (« écrivez ce que dit la source » about
    ``source-a-completer`` sent an editor to the document, not to the source's id)."""
    if source:
        return _(
            "{value} is the placeholder of `coopkb new`: write the id of a source that states "
            "these facts, as declared under `sources:` in a data file"
        ).format(value=quote(value))
    if slug:
        return _(
            "{value} is the placeholder of `coopkb new`: write the record's identifier "
            "(lower-case words joined by hyphens, from its name)"
        ).format(value=quote(value))
    if required:
        return _(
            "{value} is the placeholder of `coopkb new`: write what the source says (this "
            "field is required)"
        ).format(value=quote(value))
    return _(
        "{value} is the placeholder of `coopkb new`: write what the source says, or delete the line"
    ).format(value=quote(value))
