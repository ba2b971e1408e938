"""`coopkb new KIND`: a commented skeleton of a record, generated from its model.

Required fields carry a placeholder that validates (so the pasted record is valid as soon as its
slug, name and source are right); optional fields are commented out with their meaning.
"""

from __future__ import annotations

from ..i18n import _
from ..labels import kind_label
from ..layout import LIST_SECTIONS, NESTED_SECTIONS, SINGLE_SECTIONS
from ..parts import part_of
from .meanings import meaning_of
from .models import RECORD_MODELS

KINDS = tuple(RECORD_MODELS)
_PLACEHOLDERS: dict[str, str] = {
    "sources": "[cqcm-2014-territoires]",
    "member_of": "cqcm",
    "cooperation": "cooperation-coactions-polecn",
    "sector_group": "Travailleurs",
    "body_kind": "fédération",
    "start": '"2017"',
    "end": '"2018"',
    "date": '"2020"',
    "founded": '"1940"',
    "funder": "region-nouvelle-aquitaine",
    "duration_months": "24",
    "number": "5",
    "destination": "Québec",
    "funding": "À compléter.",
    "origin": "À compléter.",
    "acronym": "XYZ",
    "founding_context": "À compléter.",
    "description": "À compléter.",
}
_SECTION_OF = {kind: section for section, kind in {**LIST_SECTIONS, **NESTED_SECTIONS}.items()}


def skeleton(kind: str, slug: str | None = None, name: str | None = None) -> str:
    """The skeleton; ``slug`` and ``name`` must have passed ``check_slug``/``check_name``.

    A kind kept in a list (cooperatives) is a list item to paste under its section; a kind that
    is one mapping (the council) is the section itself, to paste at the top level."""
    model = RECORD_MODELS[kind]
    section = _SECTION_OF.get(kind, kind)
    single = kind in SINGLE_SECTIONS.values() or kind in SINGLE_SECTIONS
    first = "slug" if single else "- slug"
    head = (
        _("The {kind}: paste at the top level of its data file, fill it in, then run")
        if single
        else _("A new {kind}: paste under `{section}:` in its data file, fill it in, then run")
    ).format(kind=kind_label(kind), section=section)
    lines = [
        f"# {head}",
        "# " + _("`coopkb validate`. Commented lines are optional fields; delete what the"),
        "# " + _("sources do not say (unknown stays unknown)."),
        *([f"{section}:"] if single else []),
        f"{'  ' if single else ''}{first}: {slug or kind + '-a-completer'}",
        f"  name: {_yaml_text(name) if name else 'À compléter'}",
    ]
    indent = "  "
    for field, info in model.model_fields.items():
        if field in ("slug", "name"):
            continue
        text = meaning_of(kind, field) or info.description
        meaning = _(text) if text else ""
        meaning = meaning.split(". ")[0].rstrip(".")
        if info.is_required():
            lines.append(f"{indent}{field}: {_placeholder(kind, field)}  # {meaning}")
        else:
            lines.append(f"{indent}# {field}:  # {meaning}")
    return "\n".join([*lines, *_evidence_lines(kind, slug or kind + "-a-completer")]) + "\n"


def _evidence_lines(kind: str, slug: str) -> list[str]:
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
        "#     - of: [name, municipality]",
        "#       source: cqcm-2014-territoires",
        "#       at: " + _("the heading or slide title, as the source writes it"),
        "#       says: " + _("the source's words that state the values"),
    ]


def _placeholder(kind: str, field: str) -> str:
    """A value that validates, by the field's part (parts.py): the editor replaces it."""
    if field in _PLACEHOLDERS:
        return _PLACEHOLDERS[field]
    part = part_of(kind, field)
    if part is not None and part.part == "mapping":
        return "{}"
    if part is not None and part.part == "mappings":
        if part.shape == "affiliation":
            return "[{organisation: cqcm, role: À compléter}]"
        if part.shape == "item":
            return "[{number: 1, name: À compléter}]"
    if part is not None and part.part in ("list", "references", "mappings"):
        return "[a-completer-1, a-completer-2]"
    return "À compléter"


def _yaml_text(text: str) -> str:
    """Always a double-quoted YAML scalar (JSON's escapes are YAML's): a name can never end
    the line, open a mapping or inject a field."""
    import json

    return json.dumps(text, ensure_ascii=False)
