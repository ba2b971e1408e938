"""The data dictionary: every field of every record, generated from the models for CONTRIBUTING.md.

A field's meaning is written once here, by name (most names mean the same in every record);
``test_docs`` fails when a model gains a field this file does not describe, or when
CONTRIBUTING.md no longer matches what :func:`markdown` generates.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from . import models

MEANINGS: dict[str, str] = {
    "slug": "Identifier: lower-case ASCII kebab-case, unique across all files; other records "
    "refer to this one by it.",
    "id": "Source identifier (kebab-case), cited in the `sources` list of records.",
    "name": "Name as the source writes it (official spelling for places).",
    "aliases": "Other spellings and names found in the sources (searchable).",
    "country": "Canada, France or Espagne.",
    "region": "Official name of a Quebec administrative region (en dash in 02 and 11) or of "
    "a French region.",
    "mrc": "Official MRC name, or `hors MRC` for a municipality outside any MRC; the "
    "source's variant spelling goes to `aliases`.",
    "municipality": "Municipality (official name).",
    "locality": "A place finer or vaguer than a municipality, as the source words it.",
    "source_kind": "The kind of cooperative in the source's own words.",
    "legal_category": "Legal category, only where a source states it: consommateurs, "
    "producteurs, travail, travailleurs actionnaire, solidarité (Quebec); SCOP, SCIC, CAE "
    "(France).",
    "sector": "Sector of activity (habitation pour aînés, santé, alimentation…): not a legal "
    "category.",
    "project": "Slug of the programme or cooperation the record belongs to.",
    "model": "Collective-action model it illustrates: organisme du milieu, citoyen, municipal.",
    "founded": "Founding date (partial ISO date).",
    "hosted_by": "Slug of the organisation whose premises house it.",
    "parent": "Slug of the body it is part of.",
    "website": "Public web address (http or https).",
    "description": "Short description in our own words.",
    "purpose": "What it is for, in our own words.",
    "leadership": "How leadership emerged and was shared (case studies).",
    "timeline": "Dated steps in order; a step the source gives no year for has no `date`.",
    "projects": "Projects it runs, each a step with its year.",
    "figures": "Numbers the sources give (label, value, unit, qualifier, date).",
    "sources": "Ids of the sources stating these facts (at least one).",
    "kind": "Kind of organisation (réseau, collectivité, tiers-lieu, fonds…); for a source, "
    "what kind of document it is.",
    "affiliations": "Organisations the person acts for, with role and date.",
    "organisation": "Slug of the organisation, cooperative, member or council.",
    "role": "Role or position, as the source gives it.",
    "date": "Date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.",
    "end": "End date, same precision rules; not before the start.",
    "start": "Start date (partial ISO date).",
    "date_note": "What the source says of the date when it cannot be an ISO date.",
    "title": "Title of the document.",
    "author": "Author or publisher of the document.",
    "document": "File name of the source document in the seeds folder.",
    "url": "Address of the document online, when known.",
    "label": "What the figure counts.",
    "value": "The number itself.",
    "unit": "Unit (%, M$, €…).",
    "qualifier": "plus de, environ, au moins or jusqu'à, when the source qualifies the number.",
    "event": "What happened, in a few words.",
    "number": "Rank in its list (mission 1–4, axis 1–3, lever 1–5).",
    "actions": "Actions listed under an axis or lever.",
    "funder": "Who funds it (slug for a cooperation; text for a programme).",
    "steps": "Dated steps of a programme.",
    "levers": "The roadmap's levers, numbered, with their actions.",
    "acronym": "Usual acronym.",
    "founding_context": "Where, when and by whom it was founded, in our own words.",
    "represents": "Figures of whom it represents.",
    "network": "How its network is organised.",
    "research_activities": "Research and development activities (2014 presentation).",
    "fields_of_action": "Its fields of action.",
    "strategic_axes": "Its numbered strategic axes.",
    "proximity_milestones": "Milestones of its work on proximity cooperatives.",
    "collective_action_models": "The three models of collective action, with the case of each.",
    "outlook": "Its stated outlook.",
    "programmes": "Programmes, projects, campaigns and studies (records with slugs).",
    "roadmaps": "Roadmaps with their levers (records with slugs).",
    "sector_group": "Sector group of the 2014 member list: Services financiers, "
    "Consommateurs, Producteurs agricoles, Travailleurs, Développement régional.",
    "body_kind": "fédération, confédération, mutuelle, coopérative or réseau.",
    "member_of": "Slug of the council it belongs to (`cqcm`).",
    "partners": "Slugs of the main partners.",
    "associated_partners": "Slugs of the associated partners.",
    "funding": "The funding programme, in words.",
    "duration_months": "Planned duration in months.",
    "phases": "Number of phases.",
    "origin": "How it began, in our own words.",
    "context": "The context on each side, in our own words.",
    "strategic_objectives": "Long-term objectives.",
    "specific_objectives": "Specific objectives.",
    "organisers": "Slugs of the organisers.",
    "participants": "Number of participants (a figure).",
    "cooperation": "Slug of the cooperation this mission belongs to (in a mission); the "
    "cooperation programme itself (top level of missions.yaml).",
    "destination": "Where the delegation went, as the source says.",
    "status": "Planned, under way…, when the source says so.",
    "delegation_from": "Slug of the organisation that sent the delegation.",
    "delegation": "Slugs of the named delegation members.",
    "delegation_size": "Size of the delegation, even when its members are not named.",
    "delegation_note": "Who the delegation was, in words.",
    "visits": "Slugs of the organisations and cooperatives met.",
    "events": "Slugs of the events attended (in a mission); the list of events (top level).",
    "activities": "What was done, in our own words.",
    "cooperatives": "The list of cooperatives.",
    "council": "The CQCM.",
    "members": "The CQCM's member organisations.",
    "organisations": "Organisations that are not cooperatives.",
    "people": "Named people: name, organisation, role; never an e-mail or phone number.",
    "missions": "The four missions of the cooperation.",
}

RECORDS: dict[str, type[BaseModel]] = {
    "cooperatives.yaml › cooperatives[]": models.Cooperative,
    "federations.yaml › council": models.Council,
    "federations.yaml › council › programmes[]": models.Programme,
    "federations.yaml › council › roadmaps[]": models.Roadmap,
    "federations.yaml › members[]": models.Member,
    "*.yaml › sources[]": models.Source,
    "*.yaml › organisations[]": models.Organisation,
    "*.yaml › people[]": models.Person,
    "missions.yaml › cooperation": models.Cooperation,
    "missions.yaml › events[]": models.Event,
    "missions.yaml › missions[]": models.Mission,
    "figure (in figures, represents, participants)": models.Figure,
    "step (in timeline, projects, steps, proximity_milestones)": models.Step,
    "item (in fields_of_action, strategic_axes, levers…)": models.Item,
    "affiliation (in affiliations)": models.Affiliation,
}


def undocumented() -> list[str]:
    """Fields of any model that MEANINGS does not describe."""
    names = {
        field
        for model in (*RECORDS.values(), *models.FILE_MODELS.values())
        for field in model.model_fields
    }
    return sorted(names - set(MEANINGS))


def markdown() -> str:
    """The data dictionary as Markdown tables, one per kind of record."""
    parts: list[str] = []
    for title, model in RECORDS.items():
        properties = model.model_json_schema()["properties"]
        parts += [f"#### {title}", "", "| field | type | required | meaning |", "|---|---|---|---|"]
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else ""
            kind = _type_name(properties[name])
            parts.append(f"| `{name}` | {kind} | {required} | {MEANINGS.get(name, '')} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _type_name(schema: dict[str, Any]) -> str:
    """A short reading of a JSON Schema property: text, date, slug, list of step, one of …"""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    if len(options) > 1:
        return " or ".join(_type_name(o) for o in options)
    option = options[0]
    if "$ref" in option:
        return str(option["$ref"]).rsplit("/", 1)[-1].lower()
    if "enum" in option:
        return "one of the listed values"
    if option.get("type") == "array":
        return f"list of {_type_name(option.get('items', {}))}"
    pattern = option.get("pattern", "")
    if pattern.startswith("^[a-z0-9]"):
        return "slug"
    if pattern.startswith("^\\d{4}"):
        return "date"
    if option.get("format") == "uri":
        return "URL"
    kind = option.get("type")
    if isinstance(kind, list):
        return "date"
    return {"string": "text", "integer": "integer", "number": "number"}.get(str(kind), str(kind))
