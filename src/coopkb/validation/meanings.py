"""What each field means, by name (most names mean the same in every record), and by kind and
name where a name means another thing in one kind (``MEANINGS_OF``).

The models attach these to their fields as ``Field(description=…)``, so editors get them as hover
text from the JSON Schema and the data dictionary in CONTRIBUTING.md is generated from the models.
"""

from __future__ import annotations

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
    "kind": "Kind of organisation (réseau, collectivité, tiers-lieu, fonds…).",
    "affiliations": "Organisations the person acts for, with role and date.",
    "organisation": "Slug of the organisation, cooperative, member or council; absent when the "
    "source gives only the role.",
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
    "funder": "Who funds it, in words.",
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
    "body_kind": "fédération, confédération, mutuelle, coopérative or réseau, where the source "
    "or the body's name says so.",
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
    "cooperation": "The cooperation programme itself.",
    "destination": "Where the delegation went, as the source says.",
    "status": "Planned, under way…, when the source says so.",
    "delegation_from": "Slug of the organisation that sent the delegation.",
    "delegation": "Slugs of the named delegation members.",
    "delegation_size": "Size of the delegation, even when its members are not named.",
    "delegation_note": "Who the delegation was, in words.",
    "visits": "Slugs of the organisations and cooperatives met.",
    "events": "The list of events.",
    "activities": "What was done, in our own words.",
    "cooperatives": "The list of cooperatives.",
    "council": "The CQCM.",
    "members": "The CQCM's member organisations.",
    "organisations": "Organisations that are not cooperatives.",
    "people": "Named people: name, organisation, role; never an e-mail or phone number.",
    "missions": "The four missions of the cooperation.",
    "activity": "What the council says its activity is (2014 presentation), in our own words.",
    "cooperative_traits": "What sets cooperatives apart, as the 2014 presentation lists it.",
    "cooperative_difference": "The three parts of « la différence coopérative » (2014).",
    "collective_action": "How the 2014 presentation describes leadership in collective action.",
    "innovating_in_collective_action": "The three ways to innovate in collective action (2014).",
}


# Where a name means another thing in one kind of record or sub-record: (owner, field) -> meaning.
# The owner is a kind (kinds.py) or a shape of sub-record (parts.py).
MEANINGS_OF: dict[tuple[str, str], str] = {
    ("source", "kind"): "What kind of document it is.",
    ("cooperation", "funder"): "Slug of the organisation funding the cooperation.",
    ("mission", "cooperation"): "Slug of the cooperation this mission belongs to.",
    ("mission", "events"): "Slugs of the events attended.",
}
