"""`coopkb new KIND`: a commented skeleton of a record, generated from its model.

It is printed indented as the records of its data file are, so it pastes as printed under its
section. Every value an editor must write is the placeholder ``À compléter`` (or a slug holding
``a-completer``), which validate refuses: an unfilled skeleton never passes. A reference or a
closed vocabulary gets a real value as an example (its comment says what it may be).
"""

from __future__ import annotations

from ..i18n import _
from ..labels import kind_label
from ..layout import LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS
from ..parts import part_of
from ..placeholders import PLACEHOLDER
from .meanings import meaning_of
from .models import RECORD_MODELS
from .parts import Source

KINDS = (*RECORD_MODELS, "source")
# Values a required field might hold, shown in its comment: written in the field, a real value
# would let an unfilled skeleton pass validate.
_EXAMPLES: dict[str, str] = {
    "sources": "cqcm-2014-territoires",
    "cooperation": "cooperation-coactions-polecn",
    "body_kind": "fédération",
    "funder": "region-nouvelle-aquitaine",
}
_SECTION_OF = {kind: section for section, kind in {**LIST_SECTIONS, **NESTED_SECTIONS}.items()} | {
    "source": "sources"
}


def skeleton(kind: str, slug: str | None = None, name: str | None = None) -> str:
    """The skeleton; ``slug`` and ``name`` must have passed ``check_slug``/``check_name``.

    A kind kept in a list (cooperatives) is a list item indented to stand under its section
    (``  - slug:``; a programme, inside the council, by four); a kind that is one mapping (the
    council) is the section itself, at the top level. A source is a list item of ``sources:``."""
    model = Source if kind == "source" else RECORD_MODELS[kind]
    section = _SECTION_OF.get(kind, kind)
    single = kind in SINGLE_SECTIONS.values()
    key = "id" if kind == "source" else "slug"
    # the slug to replace, named by the kind in the reader's language (« personne-a-completer »,
    # not « person-a-completer »)
    written_slug = slug or f"{_slug_word(kind_label(kind))}-a-completer"
    if single:
        head = _("The {kind}: paste at the top level of its data file, fill it in, then run")
        first, indent = f"  {key}", "  "
    else:
        head = _("A new {kind}: paste under `{section}:` in its data file, fill it in, then run")
        margin = "    " if kind in NESTED_SECTIONS.values() else "  "
        first, indent = f"{margin}- {key}", margin + "  "
    lines = [
        "# " + head.format(kind=kind_label(kind), section=section),
        "# " + _("`coopkb validate`. Commented lines are optional fields; delete what the"),
        "# " + _("sources do not say (unknown stays unknown)."),
        *([f"{section}:"] if single else []),
        f"{first}: {written_slug}",
    ]
    if "name" in model.model_fields:
        lines.append(f"{indent}name: {_yaml_text(name) if name else PLACEHOLDER}")
    for field, info in model.model_fields.items():
        if field in ("slug", "name", "id"):
            continue
        text = meaning_of(kind, field) or info.description
        meaning = _(text) if text else ""
        meaning = meaning.split(". ")[0].rstrip(".")
        if info.is_required():
            example = _EXAMPLES.get(field)
            if example:  # a real value would pass validate unfilled: show it, never pre-fill it
                meaning += ", " + _("for example {value}").format(value=example)
            lines.append(f"{indent}{field}: {_placeholder(kind, field)}  # {meaning}")
        else:
            lines.append(f"{indent}# {field}:  # {meaning}")
    if kind == "source":
        return "\n".join(lines) + "\n"
    required = [
        f
        for f, info in model.model_fields.items()
        if info.is_required() and f not in ("slug", "sources")
    ]
    return "\n".join([*lines, *_evidence_lines(kind, written_slug, required)]) + "\n"


def _evidence_lines(kind: str, slug: str, fields: list[str]) -> list[str]:
    """Where the record's evidence goes (the evidence file beside its data file), commented:
    it belongs in that other file, under ``evidence:``."""
    from ..kinds import KIND
    from ..layout import EVIDENCE_FILES

    files = KIND[kind].files if kind in KIND else ()
    where = " / ".join(EVIDENCE_FILES.get(f, f) for f in files) or "<file>.evidence.yaml"
    return [
        "#",
        "# "
        + _("Its evidence goes in {file}, under `evidence:` (uncomment it there):").format(
            file=where
        ),
        "# " + _("each value, the source stating it, where in it, and its own words (9 at most)."),
        f"#   {slug}:",
        f"#     - of: [{', '.join(fields)}]",
        "#       source: source-a-completer",
        f"#       at: {PLACEHOLDER}  # " + _("the heading or slide title, as the source writes it"),
        f"#       says: {PLACEHOLDER}  # " + _("the source's words that state the values"),
    ]


def _placeholder(kind: str, field: str) -> str:
    """What a required field holds until the editor writes the source's value: the placeholder
    (refused by validate), or an example for a reference or a closed vocabulary."""
    part = part_of(kind, field)
    if field == "sources":
        return "[source-a-completer]"
    if part is not None and part.part == "reference":
        return "a-completer"
    if part is not None and part.part == "mapping":
        return "{}"
    if part is not None and part.part == "mappings":
        if part.shape == "affiliation":
            return f"[{{organisation: a-completer, role: {PLACEHOLDER}}}]"
        if part.shape == "item":
            return f"[{{number: 1, name: {PLACEHOLDER}}}]"
    if part is not None and part.part in ("list", "references", "mappings"):
        return "[a-completer-1, a-completer-2]"
    return PLACEHOLDER


def _yaml_text(text: str) -> str:
    """Always a double-quoted YAML scalar (JSON's escapes are YAML's): a name can never end
    the line, open a mapping or inject a field."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _slug_word(label: str) -> str:
    """A kind's label as a slug's words: « feuille de route » → ``feuille-de-route``."""
    import re

    from ..matching import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(label).lower()).strip("-")
