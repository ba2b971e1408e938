"""Names shown for kinds of records and for fields, marked for the catalog (translated where
shown). Machine formats keep the field names themselves."""

from __future__ import annotations

from .i18n import N_, _, in_every_language
from .kinds import KINDS

# The kinds' names and their counts come from the table of kinds.
KIND_NAMES: dict[str, str] = {kind.name: kind.label for kind in KINDS}

FIELD_LABELS: dict[str, str] = {
    "aliases": N_("aliases"),
    "acronym": N_("acronym"),
    "country": N_("country"),
    "region": N_("region"),
    "mrc": N_("MRC"),
    "municipality": N_("municipality"),
    "locality": N_("locality"),
    "source_kind": N_("kind in the source"),
    "legal_category": N_("legal category"),
    "sector": N_("sector"),
    "project": N_("project"),
    "model": N_("model"),
    "founded": N_("founded"),
    "hosted_by": N_("hosted by"),
    "parent": N_("part of"),
    "website": N_("website"),
    "description": N_("description"),
    "purpose": N_("purpose"),
    "leadership": N_("leadership"),
    "timeline": N_("timeline"),
    "projects": N_("projects"),
    "figures": N_("figures"),
    "kind": N_("kind"),
    "affiliations": N_("affiliations"),
    "start": N_("start"),
    "end": N_("end"),
    "funder": N_("funder"),
    "steps": N_("steps"),
    "date": N_("date"),
    "period": N_("period"),
    "official_lists": N_("official lists"),
    "levers": N_("levers"),
    "founding_context": N_("founding context"),
    "history": N_("history"),
    "represents": N_("represents"),
    "network": N_("network"),
    "research_activities": N_("research activities"),
    "fields_of_action": N_("fields of action"),
    "strategic_axes": N_("strategic axes"),
    "proximity_milestones": N_("proximity milestones"),
    "collective_action_models": N_("collective-action models"),
    "outlook": N_("outlook"),
    "programmes": N_("programmes"),
    "roadmaps": N_("roadmaps"),
    "sector_group": N_("sector group"),
    "body_kind": N_("kind of body"),
    "member_of": N_("member of"),
    "partners": N_("partners"),
    "associated_partners": N_("associated partners"),
    "funding": N_("funding"),
    "duration_months": N_("duration (months)"),
    "phases": N_("phases"),
    "origin": N_("origin"),
    "context": N_("context"),
    "strategic_objectives": N_("strategic objectives"),
    "specific_objectives": N_("specific objectives"),
    "organisers": N_("organisers"),
    "participants": N_("participants"),
    "number": N_("number"),
    "cooperation": N_("cooperation"),
    "destination": N_("destination"),
    "date_note": N_("note on the date"),
    "status": N_("status"),
    "delegation_from": N_("delegation from"),
    "delegation": N_("delegation"),
    "delegation_size": N_("delegation size"),
    "delegation_note": N_("delegation note"),
    "visits": N_("met"),
    "events": N_("events"),
    "activities": N_("activities"),
    "author": N_("author"),
    "document": N_("document"),
    "url": N_("address"),
    "sources": N_("sources"),
    "activity": N_("activity"),
    "cooperative_traits": N_("cooperative traits"),
    "cooperative_difference": N_("the cooperative difference"),
    "collective_action": N_("collective action"),
    "innovating_in_collective_action": N_("innovating in collective action"),
    # the columns exports add
    "slug": N_("identifier"),
    "id": N_("identifier"),
    "record": N_("record"),
    "field": N_("field"),
    "position": N_("position"),
    # fields of sub-records (steps, figures, items, affiliations)
    "event": N_("event"),
    "label": N_("what it counts"),
    "value": N_("value"),
    "unit": N_("unit"),
    "qualifier": N_("qualifier"),
    "actions": N_("actions"),
    "organisation": N_("organisation"),
    "role": N_("role"),
    # reverse links (graph.py's link labels)
    "cooperatives": N_("cooperatives"),
    "hosts": N_("hosts"),
    "includes": N_("includes"),
    "people": N_("people"),
    "members": N_("members"),
    "missions": N_("missions"),
    "partner of": N_("partner of"),
    "associated partner of": N_("associated partner of"),
    "funder of": N_("funder of"),
    "sent a delegation on": N_("sent a delegation on"),
    "delegation member of": N_("delegation member of"),
    "met during": N_("met during"),
    "attended during": N_("attended during"),
    "organiser of": N_("organiser of"),
    "cited by": N_("cited by"),
}


def kind_label(kind: str) -> str:
    return _(KIND_NAMES.get(kind, kind))


# Where a field's name means another thing in one kind: (kind, field) -> label.
FIELD_LABELS_OF: dict[tuple[str, str], str] = {
    ("source", "kind"): N_("kind of document"),
    ("organisation", "kind"): N_("kind of organisation"),
    ("mission", "events"): N_("events attended"),
}


def field_label(name: str, kind: str | None = None) -> str:
    """The label of a field (of ``kind``, where its name means another thing there)."""
    own = FIELD_LABELS_OF.get((kind, name)) if kind is not None else None
    return _(own or FIELD_LABELS.get(name, name.replace("_", " ")))


def labelled_key(key: str, kind: str | None = None) -> str:
    """A YAML key quoted as the editor typed it, followed by its label when the interface
    speaks another language than the keys (« name » (nom)): a French editor read
    « champ obligatoire manquant : « name » » with no French word for it."""
    from .i18n import language
    from .matching import fold, quote

    label = field_label(key, kind)
    if language() == "en" or fold(label) == fold(key.replace("_", " ")):
        return quote(key)  # English, or a key with no label of its own
    return f"{quote(key)} ({label})"


def path_label(written: str, kind: str) -> str:
    """A value's path as a reader says it: « chronologie (2) › date » for ``timeline.2.date``
    (each item by its number, each field by its label in the interface's language)."""
    from .parts import part_of

    top, *rest = written.split(".")
    part = part_of(kind, top)
    shape = part.shape if part is not None and part.shape else None
    return field_label(top, kind) + "".join(
        f" ({step})" if step.isdigit() else f" › {field_label(step, shape)}" for step in rest
    )


# "{count} cooperative" / "{count} cooperatives" per kind, for counts in summaries.
KIND_PLURALS: dict[str, tuple[str, str]] = {kind.name: kind.counts for kind in KINDS}


def field_spellings(name: str, kind: str | None = None) -> list[str]:
    """What a user may type for a field: its label in English and in French (`--fields "axes
    stratégiques"`, `values région`), besides its key."""
    own = FIELD_LABELS_OF.get((kind, name)) if kind is not None else None
    label = own or FIELD_LABELS.get(name, name.replace("_", " "))
    return in_every_language(label)


def kind_spellings(kind: str) -> list[str]:
    """What a user may type for a kind of record: its name in English and in French."""
    return in_every_language(KIND_NAMES.get(kind, kind))
