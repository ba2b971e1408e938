"""What each field means, by name (most names mean the same in every record), and by kind and
name where a name means another thing in one kind (``MEANINGS_OF``).

The models attach these to their fields as ``Field(description=…)``, so editors get them as hover
text from the JSON Schema and the data dictionary in CONTRIBUTING.md is generated from the models.
"""

from __future__ import annotations

from ..i18n import N_

MEANINGS: dict[str, str] = {
    "slug": N_(
        "Identifier: lower-case ASCII kebab-case, unique across all files; other records "
        "refer to this one by it."
    ),
    "id": N_("Source identifier (kebab-case), cited in the `sources` list of records."),
    "name": N_("Name as the source writes it (official spelling for places)."),
    "aliases": N_("Other spellings and names found in the sources (searchable)."),
    "country": N_("Canada, France or Espagne."),
    "region": N_(
        "Official name of a Quebec administrative region (en dash in 02 and 11) or of "
        "a French region."
    ),
    "mrc": N_(
        "Official MRC name, or `hors MRC` for a municipality outside any MRC; the "
        "source's own spelling stays in the evidence anchor."
    ),
    "municipality": N_("Municipality (official name)."),
    "locality": N_("A place finer or vaguer than a municipality, as the source words it."),
    "source_kind": N_("The kind of cooperative in the source's own words."),
    "legal_category": N_(
        "Legal category, only where a source states it: consommateurs, "
        "producteurs, travail, travailleurs actionnaire, solidarité (Quebec); SCOP, SCIC, CAE "
        "(France)."
    ),
    "sector": N_(
        "Sector of activity (habitation pour aînés, santé, alimentation…): not a legal category."
    ),
    "project": N_("Slug of the programme or cooperation the record belongs to."),
    "model": N_("Collective-action model it illustrates: organisme du milieu, citoyen, municipal."),
    "founded": N_("Founding date (partial ISO date)."),
    "hosted_by": N_("Slug of the organisation whose premises house it."),
    "parent": N_("Slug of the body it is part of."),
    "website": N_("Public web address (http or https)."),
    "description": N_("Short description in our own words."),
    "purpose": N_("What it is for, in our own words."),
    "leadership": N_("How leadership emerged and was shared (case studies)."),
    "timeline": N_("Dated steps in order; a step the source gives no year for has no `date`."),
    "projects": N_("Projects it runs, each a step with its year."),
    "figures": N_("Numbers the sources give (label, value, unit, qualifier, date)."),
    "sources": N_("Ids of the sources stating these facts (at least one)."),
    "kind": N_("Kind of organisation (réseau, collectivité, tiers-lieu, fonds…)."),
    "affiliations": N_("Organisations the person acts for, with role and date."),
    "organisation": N_(
        "Slug of the organisation, cooperative, member or council; absent when the "
        "source gives only the role."
    ),
    "role": N_("Role or position, as the source gives it."),
    "date": N_("Date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD."),
    "end": N_("End date, same precision rules; not before the start."),
    "start": N_("Start date (partial ISO date)."),
    "date_note": N_("What the source says of the date when it cannot be an ISO date."),
    "title": N_("Title of the document."),
    "author": N_("Author or publisher of the document."),
    "document": N_("File name of the source document in the seeds folder."),
    "url": N_("Address of the document online, when known."),
    "label": N_("What the figure counts."),
    "value": N_("The number itself."),
    "unit": N_("Unit (%, M$, €…)."),
    "qualifier": N_("plus de, environ, au moins or jusqu'à, when the source qualifies the number."),
    "event": N_("What happened, in a few words."),
    "number": N_("Rank in its list (mission 1–4, axis 1–3, lever 1–5)."),
    "actions": N_("Actions listed under an axis or lever."),
    "funder": N_("Who funds it, in words."),
    "steps": N_("Dated steps of a programme."),
    "levers": N_("The roadmap's levers, numbered, with their actions."),
    "acronym": N_("Usual acronym."),
    "founding_context": N_("Where, when and by whom it was founded, in our own words."),
    "history": N_(
        "Dated steps of its history; a step dated by decades in its source spans them "
        "(« les années 50 et 60 »: 1950 to 1969)."
    ),
    "represents": N_("Figures of whom it represents."),
    "network": N_("How its network is organised."),
    "research_activities": N_("Research and development activities (2014 presentation)."),
    "fields_of_action": N_("Its fields of action."),
    "strategic_axes": N_("Its numbered strategic axes."),
    "proximity_milestones": N_("Milestones of its work on proximity cooperatives."),
    "collective_action_models": N_("The three models of collective action, with the case of each."),
    "outlook": N_("Its stated outlook."),
    "programmes": N_("Programmes, projects, campaigns and studies (records with slugs)."),
    "roadmaps": N_("Roadmaps with their levers (records with slugs)."),
    "sector_group": N_(
        "Sector group of the 2014 member list: Services financiers, "
        "Consommateurs, Producteurs agricoles, Travailleurs, Développement régional."
    ),
    "body_kind": N_(
        "fédération, confédération, mutuelle, coopérative or réseau, where the source "
        "or the body's name says so."
    ),
    "member_of": N_("Slug of the council it belongs to (`cqcm`)."),
    "partners": N_("Slugs of the main partners."),
    "associated_partners": N_("Slugs of the associated partners."),
    "funding": N_("The funding programme, in words."),
    "duration_months": N_("Planned duration in months."),
    "phases": N_("Number of phases."),
    "origin": N_("How it began, in our own words."),
    "context": N_("The context on each side, in our own words."),
    "strategic_objectives": N_("Long-term objectives."),
    "specific_objectives": N_("Specific objectives."),
    "organisers": N_("Slugs of the organisers."),
    "participants": N_("Number of participants (a figure)."),
    "cooperation": N_("The cooperation programme itself."),
    "destination": N_("Where the delegation went, as the source says."),
    "status": N_("Planned, under way…, when the source says so."),
    "delegation_from": N_("Slug of the organisation that sent the delegation."),
    "delegation": N_("Slugs of the named delegation members."),
    "delegation_size": N_("Size of the delegation, even when its members are not named."),
    "delegation_note": N_("Who the delegation was, in words."),
    "visits": N_("Slugs of the organisations and cooperatives met."),
    "events": N_("The list of events."),
    "activities": N_("What was done, in our own words."),
    "cooperatives": N_("The list of cooperatives."),
    "council": N_("The CQCM."),
    "members": N_("The CQCM's member organisations."),
    "organisations": N_("Organisations that are not cooperatives."),
    "people": N_("Named people: name, organisation, role; never an e-mail or phone number."),
    "missions": N_("The four missions of the cooperation."),
    "activity": N_("What the council says its activity is (2014 presentation), in our own words."),
    "cooperative_traits": N_("What sets cooperatives apart, as the 2014 presentation lists it."),
    "cooperative_difference": N_("The three parts of « la différence coopérative » (2014)."),
    "collective_action": N_("How the 2014 presentation describes leadership in collective action."),
    "innovating_in_collective_action": N_(
        "The three ways to innovate in collective action (2014)."
    ),
}


# Where a name means another thing in one kind of record or sub-record: (owner, field) -> meaning.
# The owner is a kind (kinds.py) or a shape of sub-record (parts.py).
MEANINGS_OF: dict[tuple[str, str], str] = {
    ("source", "kind"): N_("What kind of document it is."),
    ("cooperation", "funder"): N_("Slug of the organisation funding the cooperation."),
    ("mission", "cooperation"): N_("Slug of the cooperation this mission belongs to."),
    ("mission", "events"): N_("Slugs of the events attended."),
}


def meaning_of(owner: str, field: str) -> str | None:
    """What a field of a kind or shape means (by kind and field first, then by name)."""
    return MEANINGS_OF.get((owner, field)) or MEANINGS.get(field)
